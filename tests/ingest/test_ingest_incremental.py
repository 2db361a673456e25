"""A re-ingest of a few changed files gives what a full ingest of the same files gives: the same
document and passage rows, the same counts, and the same search answers from the index it
brought up to date; and it finds the rows to drop right whatever shape the stored corpus is in."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pytest

from bicorpus import api, pipeline
from bicorpus.corpus import DOCUMENTS_FILE, MANIFEST_FILE, PASSAGES_FILE, manifest_checksum, open_corpus
from bicorpus.errors import CorpusError
from bicorpus.pipeline import STAMPS_FILE, ingest

CHROME = ["مركز المستقبل للأبحاث والدراسات المتقدمة", "Home | Analysis | Contact", "© 2017 Future Center"]
NAMES = ["Abu Mohammad al-Julani", "أبو محمد الجولاني", "Hayat Tahrir al-Sham", "هيئة تحرير الشام",
         "Deir ez-Zor", "دير الزور", "Raqqa", "الرقة"]
QUERIES = ["Julani", "الجولاني", "Tahrir al-Sham", "Deir ez-Zor", "الرقة", "\"battle for Raqqa\"",
           "Future Center"]


def page_text(site: str, i: int, revision: int = 0) -> str:
    """A page of one site: the site's chrome around a title, a date and two paragraphs naming
    people and places in English and Arabic."""
    a, b = NAMES[(i + revision) % len(NAMES)], NAMES[(3 * i + 1) % len(NAMES)]
    body = (f"Report {i}.{revision}: the battle for Raqqa and {a} as the coalition prepares and {b} "
            f"retreats along the Euphrates valley towards the border with Iraq, sources said.")
    arabic = (f"تقول المصادر إن {NAMES[(i + 1) % 2 + 1]} انسحبت من {NAMES[5]} في التقرير {i} "
              "بعد المعارك العنيفة.")
    title = f"After the battle {i}.{revision}"
    return "\n".join([f"https://www.{site}/report/{i}", CHROME[0], CHROME[1], title, "12 April 2017", "",
                      body, "", arabic, "", CHROME[2]]) + "\n"


def write_pages(folder: Path, count: int, revision: int = 0) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        site = "futurecenter.ae" if i % 3 else "syriadirect.org"
        (folder / f"p{i:03d}.txt").write_text(page_text(site, i, revision), "utf-8")


def rows(corpus: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]:
    """The corpus's documents and passages (by id) and the manifest's counts."""
    c = open_corpus(corpus)
    docs = sorted((d.to_dict() for d in c.documents()), key=lambda d: d["id"])
    passages = sorted((p.to_dict() for p in c.passages()), key=lambda p: p["id"])
    counts = {k: c.manifest[k] for k in ("documents", "passages", "langs", "regions", "sources")}
    return docs, passages, counts


def answers(index: str) -> list[tuple[str, int, list[tuple[str, str, list[dict[str, Any]]]]]]:
    """Each query's total and hits (passage, tier, matches), by passage: the engine's scores
    weigh the deleted rows of an updated index until its segments merge, so they are left out."""
    with api.open_index(index) as ix:
        results = [ix.search(q, limit=500) for q in QUERIES]
    return [(r.query, r.total, sorted((h.passage_id, h.tier, [m.to_dict() for m in h.matches])
                                      for h in r.hits)) for r in results]


def touch_later(path: Path) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2 * 10**9))


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write_pages(tmp_path / "pages", 30)
    return tmp_path


def change_some(pages: Path) -> None:
    """Edits three pages, removes one, adds two (one a copy of a kept page)."""
    for i in (4, 11, 25):
        (pages / f"p{i:03d}.txt").write_text(page_text("futurecenter.ae", i, revision=1), "utf-8")
        touch_later(pages / f"p{i:03d}.txt")
    (pages / "p017.txt").unlink()
    (pages / "p100.txt").write_text(page_text("syriadirect.org", 100), "utf-8")
    (pages / "p101.txt").write_bytes((pages / "p002.txt").read_bytes())


def test_a_reingest_gives_the_rows_and_answers_of_a_full_ingest(work: Path) -> None:
    first = api.ingest(["pages"], "corpus", index="index")
    assert first.ok and len(first.added) == 30
    change_some(work / "pages")
    again = api.ingest(["pages"], "corpus", index="index", prune=True)
    assert len(again.changed) == 3 and len(again.added) == 1 and len(again.duplicates) == 1
    assert len(again.unchanged) == 26 and len(again.removed) == 4  # three old versions, one file gone
    full = api.ingest(["pages"], "full", index="full-index")
    assert full.ok and full.documents == again.documents and full.passages == again.passages
    assert rows("corpus") == rows("full")
    docs, passages, _ = rows("corpus")
    assert "After the battle 11.1" in {p["text"] for p in passages}  # the edit is in
    assert "After the battle 11.0" not in {p["text"] for p in passages}
    assert not any(d["path"].endswith("p017.txt") for d in docs)
    assert answers("index") == answers("full-index")
    assert sum(total for _, total, _ in answers("index")) > 0


def rewrite_corpus_file(corpus: Path, name: str, data: bytes) -> None:
    """Replaces one data file of the corpus and records it in the manifest as bicorpus would: the
    corpus then looks intact, as if written so."""
    (corpus / name).write_bytes(data)
    manifest = json.loads((corpus / MANIFEST_FILE).read_text("utf-8"))
    manifest["files"][name] = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    manifest["checksum"] = manifest_checksum(manifest)
    body = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    (corpus / MANIFEST_FILE).write_text(body, "utf-8")


@pytest.mark.parametrize("shape", ["documents reversed", "passages reversed", "passages damaged"])
def test_the_rows_to_drop_are_found_whatever_the_order_of_the_stored_rows(work: Path, shape: str) -> None:
    assert ingest(["pages"], "corpus").ok
    corpus = work / "corpus"
    if shape == "documents reversed":  # each document's rows no longer where its position says
        lines = (corpus / DOCUMENTS_FILE).read_bytes().splitlines(keepends=True)
        rewrite_corpus_file(corpus, DOCUMENTS_FILE, b"".join(reversed(lines)))
    elif shape == "passages reversed":
        lines = (corpus / PASSAGES_FILE).read_bytes().splitlines(keepends=True)
        rewrite_corpus_file(corpus, PASSAGES_FILE, b"".join(reversed(lines)))
    else:  # a kept row's text changed in place, same size: the file is not what the manifest records
        data = (corpus / PASSAGES_FILE).read_bytes()
        assert data.count(b"Euphrates valley") > 3
        (corpus / PASSAGES_FILE).write_bytes(data.replace(b"Euphrates valley", b"Euphrates Valley", 1))
    change_some(work / "pages")
    report = ingest(["pages"], "corpus", prune=True)
    assert report.ok and len(report.changed) == 3
    assert ingest(["pages"], "full").ok
    docs, passages, counts = rows("corpus")
    if shape == "passages damaged":  # the damaged row is carried over (as parsed), the rest as a full ingest
        assert sum("Euphrates Valley" in p["text"] for p in passages) == 1
        passages = [{**p, "text": p["text"].replace("Euphrates Valley", "Euphrates valley")}
                    for p in passages]
    full_docs, full_passages, full_counts = rows("full")
    assert docs == full_docs and counts == full_counts
    assert [(p["id"], p["text"], p["lang"], p["region"]) for p in passages] == \
        [(p["id"], p["text"], p["lang"], p["region"]) for p in full_passages]


def age(folder: Path, seconds: int = 3600) -> None:
    """Sets back the time of every page (as for pages not edited for a while)."""
    for page in folder.iterdir():
        st = page.stat()
        os.utime(page, ns=(st.st_atime_ns, st.st_mtime_ns - seconds * 10**9))


def counting_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    reads: list[str] = []
    real = pipeline.read_source

    def read_source(path: Path, **kwargs: Any) -> Any:
        reads.append(Path(path).name)
        return real(path, **kwargs)

    monkeypatch.setattr(pipeline, "read_source", read_source)
    return reads


def test_files_whose_stamp_is_kept_are_not_read_again(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    age(work / "pages")
    assert ingest(["pages"], "corpus").ok
    assert (work / "corpus" / STAMPS_FILE).exists()
    reads = counting_reads(monkeypatch)
    again = ingest(["pages"], "corpus")
    assert reads == [] and not again.written and len(again.unchanged) == 30
    (work / "corpus" / STAMPS_FILE).write_text('{"version": 1, "files": {"pages/p001.txt": "x"}}', "utf-8")
    damaged = ingest(["pages"], "corpus")  # no usable stamps: every file read, found unchanged
    assert len(reads) == 30 and not damaged.written and len(damaged.unchanged) == 30
    reads.clear()
    assert not ingest(["pages"], "corpus").written and reads == []  # the stamps were kept again


def test_a_file_replaced_with_the_same_size_and_time_is_seen(work: Path) -> None:
    age(work / "pages")
    assert ingest(["pages"], "corpus").ok
    page = work / "pages" / "p007.txt"
    old = page.stat()
    text = page.read_text("utf-8").replace("After the battle 7.0", "Before the siege 7.0")
    assert len(text.encode()) == old.st_size
    other = work / "new.txt"
    other.write_text(text, "utf-8")
    os.utime(other, ns=(old.st_atime_ns, old.st_mtime_ns))  # as a copy that keeps the file's time
    os.replace(other, page)
    assert (page.stat().st_size, page.stat().st_mtime_ns) == (old.st_size, old.st_mtime_ns)
    report = ingest(["pages"], "corpus")
    assert len(report.changed) == 1
    assert "Before the siege 7.0" in {p.text for p in open_corpus("corpus").passages()}


def test_a_file_changed_again_within_its_clock_tick_is_seen(work: Path) -> None:
    """A page ingested right after it was written, then changed in place so quickly that its time
    stays the same: its stamp was not kept, so its bytes are compared."""
    assert ingest(["pages"], "corpus").ok
    page = work / "pages" / "p012.txt"
    old = page.stat()
    text = page.read_text("utf-8").replace("After the battle 12.0", "Before the siege 12.0")
    with open(page, "r+b") as f:  # the same file (same inode), rewritten
        f.write(text.encode())
    os.utime(page, ns=(old.st_atime_ns, old.st_mtime_ns))
    assert (page.stat().st_size, page.stat().st_mtime_ns, page.stat().st_ino) == \
        (old.st_size, old.st_mtime_ns, old.st_ino)
    report = ingest(["pages"], "corpus")
    assert len(report.changed) == 1
    assert "Before the siege 12.0" in {p.text for p in open_corpus("corpus").passages()}


def test_a_damaged_row_of_a_changed_page_is_one_clear_error(work: Path) -> None:
    assert ingest(["pages"], "corpus").ok
    doc = next(d for d in open_corpus("corpus").documents() if d.path.endswith("p011.txt"))
    data = (work / "corpus" / PASSAGES_FILE).read_bytes()
    at = data.find(f'"doc_id": "{doc.id}"'.encode())
    # a row of p011 is no longer JSON
    (work / "corpus" / PASSAGES_FILE).write_bytes(data[:at] + b"X" + data[at + 1:])
    before = (work / "corpus" / DOCUMENTS_FILE).read_bytes()
    change_some(work / "pages")
    with pytest.raises(CorpusError, match=r"passages\.jsonl:\d+: corrupt JSON line"):
        ingest(["pages"], "corpus", prune=True)
    assert (work / "corpus" / DOCUMENTS_FILE).read_bytes() == before  # the corpus as it was
