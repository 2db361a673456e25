"""A small but realistic corpus for export tests, written straight from records.

Document 1 is the sample page (Arabic header bullets, then an English article), document 2
an Arabic article with awkward characters (diacritics, tab, line breaks, a form feed), and
document 3 has an id that is not a safe file name.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bicorpus.model import SCHEMA_VERSION, Document, Passage
from bicorpus.normalize import detect_lang, normalize_text

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
D1 = "000_365465f9b8a3ec32"
D2 = "001_arabic-article"
D3 = "../escape/doc 3"


def _passage(doc_id: str, ordinal: int, region: str, text: str, start: int, **meta: object) -> Passage:
    lang, shares = detect_lang(text)
    return Passage(
        id=f"{doc_id}:{ordinal:04d}",
        doc_id=doc_id,
        ordinal=ordinal,
        lang=str(meta.pop("lang", lang)),
        region=region,
        text=text,
        norm=normalize_text(text),
        start=start,
        end=start + len(text),
        lang_share=shares,
        **meta,  # type: ignore[arg-type]
    )


def sample_records() -> tuple[list[Document], list[Passage]]:
    title1 = "Why did ISIS and al-Nusra Front Strike a Deal?"
    d1 = [
        _passage(D1, 0, "site-header", "أخبار المركز", 0),
        _passage(
            D1, 1, "site-header",
            "• سعيد عكاشة يكتب: (كوابح التصعيد: هل يصمد اتفاق وقف النار بين إسرائيل ولبنان بعد رحيل الأسد؟)",
            15, author="سعيد عكاشة",
            linked_title="كوابح التصعيد: هل يصمد اتفاق وقف النار بين إسرائيل ولبنان بعد رحيل الأسد؟",
        ),
        _passage(
            D1, 2, "site-header",
            "• د. أيمن سمير يكتب: "
            "(بين التوحد والتفكك: المسارات المُحتملة للانتقال السوري في مرحلة ما بعد الأسد)",
            120, author="أيمن سمير", honorific="د.",
            linked_title="بين التوحد والتفكك: المسارات المُحتملة للانتقال السوري في مرحلة ما بعد الأسد",
        ),
        _passage(D1, 3, "title", title1, 240, title=title1, date="2017-04-12"),
        _passage(D1, 4, "dateline", "12 أبريل، 2017", 290, title=title1, date="2017-04-12"),
        _passage(
            D1, 5, "body",
            "The recent agreement between leaders of ISIS and Hay'at Tahrir al-Sham came as a surprising "
            "step, the coalition’s assault & “a free flow of jihadists” <not a tag> \"quoted\".",
            310, title=title1, date="2017-04-12",
        ),
        _passage(D1, 6, "subtitle", "Obvious Retreat", 500, title=title1, date="2017-04-12",
                 section="Obvious Retreat"),
        _passage(
            D1, 7, "body",
            "ISIS has started to smuggle its elements to Deir al-Zour (دير الزور), near النصرة positions.",
            520, title=title1, date="2017-04-12", section="Obvious Retreat",
        ),
        _passage(D1, 8, "boilerplate", "© 2017 Future for Advanced Research and Studies", 640,
                 title=title1, date="2017-04-12"),
    ]
    title2 = "بِسْمِ الله: الجماعات المسلحة في دير الزور"
    d2 = [
        _passage(D2, 0, "title", title2, 0, title=title2, date="2019-03-01", author="نشوى عبد النبي"),
        _passage(
            D2, 1, "body",
            "قال الدكتور\tمحمد: إنّ «داعش» انسحب من دير الزور.\r\nثمّ عاد\nإلى البادية.\x0cنهاية",
            50, title=title2, date="2019-03-01", section="المشهد الميداني",
        ),
        _passage(D2, 2, "body", "  2019  ", 130, title=title2, date="2019-03-01",
                 section="المشهد الميداني"),
    ]
    d3 = [_passage(D3, 0, "body", "Jabhat Fateh al-Sham, formerly al-Nusra Front.", 0)]
    docs = [
        Document(id=D1, path="seeds/000_365465f9b8a3ec32.txt", size=9812, encoding="utf-8",
                 sha256="a" * 64, title=title1, date="2017-04-12", lang="mixed", n_passages=len(d1),
                 mtime=1700000000.25),
        Document(id=D2, path="seeds/001 مقال.txt", size=420, encoding="utf-8", sha256="b" * 64,
                 title=title2, date="2019-03-01", lang="ar", n_passages=len(d2)),
        Document(id=D3, path="seeds/weird.txt", size=48, encoding="cp1256", sha256="c" * 64,
                 lang="en", n_passages=len(d3)),
    ]
    return docs, d1 + d2 + d3


def write_corpus(path: Path, docs: list[Document], passages: list[Passage], *, ascii: bool = False) -> Path:
    """A corpus folder in the on-disk layout read by ``bicorpus.corpus``."""
    path.mkdir(parents=True, exist_ok=True)
    manifest = {"schema_version": SCHEMA_VERSION, "n_documents": len(docs), "n_passages": len(passages)}
    (path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with (path / "documents.jsonl").open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d.to_dict(), ensure_ascii=False) + "\n")
    with (path / "passages.jsonl").open("w", encoding="utf-8") as fh:
        for p in passages:
            fh.write(json.dumps(p.to_dict(), ensure_ascii=ascii) + "\n")
    return path


@pytest.fixture
def records() -> tuple[list[Document], list[Passage]]:
    return sample_records()


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    docs, passages = sample_records()
    return write_corpus(tmp_path / "corpus", docs, passages)


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    path = tmp_path / "out"
    path.mkdir()
    return path


@pytest.fixture(scope="session")
def seed_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed pages ingested by the real pipeline."""
    from bicorpus.pipeline import ingest

    corpus = tmp_path_factory.mktemp("seed") / "corpus"
    report = ingest([SEEDS], corpus)
    assert report.passages > 10
    return corpus


@pytest.fixture
def make_corpus():  # type: ignore[no-untyped-def]
    """:func:`write_corpus`, for tests that build their own corpus."""
    return write_corpus
