"""Every lossless format reads back to the very same documents and passages."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pytest

from bicorpus.corpus import open_corpus
from bicorpus.export import export_corpus
from bicorpus.export.delimited import read_csv_records
from bicorpus.export.jsonl import import_jsonl, read_jsonl
from bicorpus.export.tei import read_tei
from bicorpus.export.vertical import read_vertical
from bicorpus.model import Document, Passage

Reader = Callable[[Path], Iterator[tuple[Document, Passage]]]


def _parquet_reader(path: Path) -> Iterator[tuple[Document, Passage]]:
    from bicorpus.export.parquet import read_parquet_records

    return read_parquet_records(path)


READERS: dict[str, tuple[str, Reader]] = {
    "jsonl": ("corpus.jsonl", read_jsonl),
    "csv": ("corpus.csv", read_csv_records),
    "tsv": ("corpus.tsv", partial(read_csv_records, delimiter="\t")),
    "tei": ("corpus.xml", read_tei),
    "vertical": ("corpus.vrt", read_vertical),
    "parquet": ("corpus.parquet", _parquet_reader),
}


def _expected(records: tuple[list[Document], list[Passage]]) -> list[tuple[Document, Passage]]:
    docs, passages = records
    by_id = {d.id: d for d in docs}
    return [(by_id[p.doc_id], p) for p in passages]


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_export_reads_back_identical(fmt: str, corpus_dir: Path, out_dir: Path, records) -> None:
    name, reader = READERS[fmt]
    report = export_corpus(corpus_dir, fmt, out_dir / name)
    assert report.stats.passages == len(records[1])
    back = list(reader(out_dir / name))
    assert back == _expected(records)


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_filtered_export_reads_back_the_selection(fmt: str, corpus_dir: Path, out_dir: Path, records) -> None:
    name, reader = READERS[fmt]
    export_corpus(corpus_dir, fmt, out_dir / name, lang="ar")
    back = list(reader(out_dir / name))
    expected = [(d, p) for d, p in _expected(records) if p.lang == "ar"]
    assert back == expected
    assert {p.region for _, p in back} >= {"site-header", "body"}


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "tsv", "tei", "vertical", "txt"])
def test_arabic_survives_byte_for_byte(fmt: str, corpus_dir: Path, out_dir: Path, records) -> None:
    """The UTF-8 bytes of Arabic passage texts appear unchanged in the exported file."""
    export_corpus(corpus_dir, fmt, out_dir / f"corpus.{fmt}")
    if fmt == "txt":
        blob = (out_dir / "corpus.ar.txt").read_bytes()
    else:
        blob = (out_dir / f"corpus.{fmt}").read_bytes()
    arabic = [p for p in records[1] if p.lang == "ar" and "\n" not in p.text]
    assert arabic
    for p in arabic:
        if fmt == "vertical":
            for word in ("عكاشة", "المُحتملة", "بِسْمِ", "إنّ"):
                assert word.encode("utf-8") in blob
        elif fmt == "tei":  # names and runs are elements inside the text: between tags it is unchanged
            assert p.text.encode("utf-8") in re.sub(rb"<[^>]+>", b"", blob), p.text
        else:
            assert p.text.encode("utf-8") in blob, p.text


def test_jsonl_reimport_gives_an_identical_corpus(corpus_dir: Path, out_dir: Path, tmp_path: Path) -> None:
    export_corpus(corpus_dir, "jsonl", out_dir / "all.jsonl")
    copy = import_jsonl(out_dir / "all.jsonl", tmp_path / "reimported")
    original = open_corpus(corpus_dir)
    assert list(copy.documents()) == list(original.documents())
    assert list(copy.passages()) == list(original.passages())
    assert (tmp_path / "reimported" / "passages.jsonl").read_bytes() == (
        corpus_dir / "passages.jsonl"
    ).read_bytes()


def test_documents_out_of_passage_order(make_corpus, tmp_path: Path, records) -> None:
    """Documents listed in another order than the passages, and a document split in two runs."""
    docs, passages = records
    shuffled = passages[9:10] + passages[:9] + passages[10:]  # one D2 passage first, D1, then the rest of D2
    corpus = make_corpus(tmp_path / "corpus", list(reversed(docs)), shuffled)
    export_corpus(corpus, "jsonl", tmp_path / "x.jsonl")
    by_id = {d.id: d for d in docs}
    assert list(read_jsonl(tmp_path / "x.jsonl")) == [(by_id[p.doc_id], p) for p in shuffled]


def test_card_summarizes_a_large_manifest(corpus_dir: Path, out_dir: Path) -> None:
    import json

    manifest = json.loads((corpus_dir / "manifest.json").read_text("utf-8"))
    manifest["sources"] = {f"pages/{i}.txt": "0" * 64 for i in range(500)}
    (corpus_dir / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    report = export_corpus(corpus_dir, "csv", out_dir / "c.csv")
    card = report.card.read_text("utf-8")
    assert '"sources": "500 entries (see manifest.json)"' in card
    assert "pages/499.txt" not in card


def test_import_of_a_damaged_export_leaves_no_corpus(corpus_dir: Path, out_dir: Path, tmp_path: Path) -> None:
    from bicorpus.errors import CorpusError, ExportError

    export_corpus(corpus_dir, "jsonl", out_dir / "all.jsonl")
    damaged = out_dir / "damaged.jsonl"
    lines = (out_dir / "all.jsonl").read_text("utf-8").splitlines()
    damaged.write_text("\n".join([*lines[:5], lines[5][:40], *lines[6:]]) + "\n", "utf-8")
    with pytest.raises(ExportError, match=":6: not a bicorpus passage line"):
        import_jsonl(damaged, tmp_path / "copy")
    assert not (tmp_path / "copy").exists() or list((tmp_path / "copy").iterdir()) == []
    copy = import_jsonl(out_dir / "all.jsonl", tmp_path / "copy")
    assert copy.manifest["passages"] == 13 and copy.manifest["langs"] == {"ar": 6, "en": 6, "mixed": 1}
    with pytest.raises(CorpusError, match="already exists"):
        import_jsonl(out_dir / "all.jsonl", tmp_path / "copy")
