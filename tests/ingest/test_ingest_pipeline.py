"""The ingest batch and the corpus on disk: re-ingest, changes, prune, failures, crash safety."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from ingest_helpers import PAGES, SEED

from bicorpus import pipeline
from bicorpus.corpus import (
    COMMIT_MARKER,
    DOCUMENTS_FILE,
    MANIFEST_FILE,
    PASSAGES_FILE,
    PENDING_DIR,
    CorpusTransaction,
    open_corpus,
    raw_doc_id,
)
from bicorpus.errors import CorpusError
from bicorpus.model import SCHEMA_VERSION
from bicorpus.pipeline import INGEST_VERSION, display_path, document_id, ingest, process_document
from bicorpus.sources import read_source

FILES = (DOCUMENTS_FILE, PASSAGES_FILE, MANIFEST_FILE)


@pytest.fixture
def work(tmp_path, monkeypatch):
    """A working directory with pages/ (the seed and the test pages) and no corpus yet."""
    monkeypatch.chdir(tmp_path)
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(SEED, pages / SEED.name)
    for p in sorted(PAGES.iterdir()):
        shutil.copy(p, pages / p.name)
    return tmp_path


def snapshot(corpus: Path) -> dict[str, tuple[bytes, int, int]]:
    return {n: ((corpus / n).read_bytes(), (corpus / n).stat().st_mtime_ns, (corpus / n).stat().st_ino)
            for n in FILES}


def contents(corpus: Path) -> dict[str, bytes]:
    return {n: (corpus / n).read_bytes() for n in FILES}


def test_first_ingest_writes_the_corpus(work):
    report = ingest(["pages"], "corpus")
    assert report.ok and report.written
    n_pages = len(list((work / "pages").iterdir()))
    assert len(report.added) == report.documents == n_pages
    corpus = open_corpus("corpus")
    docs = list(corpus.documents())
    passages = list(corpus.passages())
    assert len(docs) == n_pages and len(passages) == report.passages
    assert {d.path for d in docs} == {f"pages/{p.name}" for p in (work / "pages").iterdir()}
    m = corpus.manifest
    assert m["schema_version"] == SCHEMA_VERSION and m["ingest_version"] == INGEST_VERSION
    assert m["documents"] == len(docs) and m["passages"] == len(passages)
    assert sum(m["regions"].values()) == sum(m["langs"].values()) == len(passages)
    assert m["sources"][f"pages/{SEED.name}"] == next(d.sha256 for d in docs if d.path.endswith(SEED.name))
    # passages of each document are together and in ordinal order
    by_doc: dict[str, list[int]] = {}
    for p in passages:
        by_doc.setdefault(p.doc_id, []).append(p.ordinal)
    assert list(by_doc) == [d.id for d in docs]
    assert all(ords == list(range(len(ords))) for ords in by_doc.values())
    assert not (work / "corpus" / PENDING_DIR).exists()


def test_arabic_is_stored_unescaped(work):
    ingest(["pages"], "corpus")
    raw = (work / "corpus" / PASSAGES_FILE).read_bytes()
    assert "سعيد عكاشة".encode() in raw
    assert b"\\u06" not in raw


def test_offsets_index_the_decoded_source(work):
    ingest(["pages"], "corpus")
    corpus = open_corpus("corpus")
    texts = {d.id: read_source(d.path).text for d in corpus.documents()}
    for p in corpus.passages():
        assert texts[p.doc_id][p.start : p.end] == p.text


def test_reingest_unchanged_changes_nothing(work):
    ingest(["pages"], "corpus")
    before = snapshot(work / "corpus")
    report = ingest(["pages"], "corpus")
    assert not report.written and not (report.added or report.changed or report.removed)
    assert len(report.unchanged) == report.documents
    assert snapshot(work / "corpus") == before  # same bytes, same mtime, same inode: not rewritten
    # touching a file (new mtime, same bytes) still changes nothing
    os.utime(work / "pages" / SEED.name, (1, 1))
    assert not ingest(["pages"], "corpus").written
    assert snapshot(work / "corpus") == before


def test_changed_file_replaces_its_passages(work):
    ingest(["pages"], "corpus")
    old_lines = (work / "corpus" / PASSAGES_FILE).read_bytes().splitlines()
    seed = work / "pages" / SEED.name
    old_id = document_id(read_source(seed).text)
    edited = seed.read_text("utf-8").replace("al-Nusra Front Strike", "Jabhat al-Nusra Strike")
    seed.write_text(edited, "utf-8")
    report = ingest(["pages"], "corpus")
    new_id = document_id(read_source(seed).text)
    assert report.changed == [new_id] and report.removed == [old_id] and not report.added
    corpus = open_corpus("corpus")
    docs = {d.id: d for d in corpus.documents()}
    assert old_id not in docs and docs[new_id].title == "Why did ISIS and Jabhat al-Nusra Strike a Deal?"
    passages = list(corpus.passages())
    assert not any(p.doc_id == old_id for p in passages)
    assert sum(p.doc_id == new_id for p in passages) == 24
    # the other documents' rows are kept byte for byte
    new_lines = set((work / "corpus" / PASSAGES_FILE).read_bytes().splitlines())
    kept = [line for line in old_lines if json.loads(line)["doc_id"] != old_id]
    assert kept and all(line in new_lines for line in kept)


def test_prune_drops_documents_whose_files_are_gone(work):
    ingest(["pages"], "corpus")
    gone_id = document_id(read_source(work / "pages" / "en_only.txt").text)
    (work / "pages" / "en_only.txt").unlink()
    report = ingest(["pages"], "corpus")
    assert not report.removed and not report.written  # without --prune nothing is lost
    assert gone_id in {d.id for d in open_corpus("corpus").documents()}
    report = ingest(["pages"], "corpus", prune=True)
    assert report.removed == [gone_id]
    corpus = open_corpus("corpus")
    assert gone_id not in {d.id for d in corpus.documents()}
    assert not any(p.doc_id == gone_id for p in corpus.passages())
    assert "pages/en_only.txt" not in corpus.manifest["sources"]


def test_same_content_twice_is_stored_once(work):
    shutil.copy(SEED, work / "pages" / "copy.txt")
    report = ingest(["pages"], "corpus")
    assert report.duplicates == [("pages/copy.txt", f"pages/{SEED.name}")]
    ids = [d.id for d in open_corpus("corpus").documents()]
    assert len(ids) == len(set(ids))


def test_renamed_file_keeps_its_id_and_moves(work):
    ingest(["pages"], "corpus")
    (work / "pages" / SEED.name).rename(work / "pages" / "renamed.txt")
    report = ingest(["pages"], "corpus")
    assert not report.duplicates
    docs = {d.id: d for d in open_corpus("corpus").documents()}
    seed_id = document_id(read_source(SEED).text)
    assert docs[seed_id].path == "pages/renamed.txt"


def test_failures_are_reported_and_the_rest_goes_in(work):
    bad = work / "pages"
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    (bad / "dir.txt").mkdir()
    (bad / "link.txt").symlink_to(bad / "missing.txt")
    errors: list[tuple[str, str]] = []
    report = ingest(["pages", "pages/nope.txt"], "corpus", on_error=lambda p, r: errors.append((p, r)))
    assert dict(report.failures) == dict(errors) == {
        "pages/binary.txt": "binary file (contains NUL or control bytes), not text",
        "pages/dir.txt": "is a directory, not a file",
        "pages/empty.txt": "empty file",
        "pages/link.txt": "broken symbolic link (target missing)",
        "pages/nope.txt": "no such file",
    }
    assert report.written and report.documents == len(list(PAGES.iterdir())) + 1


def test_strict_stops_at_the_first_failure_and_writes_nothing(work):
    ingest(["pages"], "corpus")
    before = snapshot(work / "corpus")
    (work / "pages" / "a_empty.txt").write_bytes(b"")
    (work / "pages" / "new.txt").write_text("A New Page\n\nWith a body paragraph that is long enough.\n")
    report = ingest(["pages"], "corpus", strict=True)
    assert report.stopped and report.failures == [("pages/a_empty.txt", "empty file")]
    assert not report.written
    assert snapshot(work / "corpus") == before


def test_folder_of_5000_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(5000):
        (folder / f"p{i:04d}.txt").write_text(f"Page {i}\n\nسعيد عكاشة يكتب عن الرقة {i}.\n", "utf-8")
    (folder / "p0007.txt").write_bytes(b"")
    report = ingest([folder], "corpus")
    assert report.failures == [("many/p0007.txt", "empty file")]
    assert report.documents == 4999 and report.passages == 2 * 4999


def test_version_change_reprocesses(work):
    ingest(["pages"], "corpus")
    manifest_path = work / "corpus" / MANIFEST_FILE
    manifest = json.loads(manifest_path.read_text("utf-8"))
    manifest["ingest_version"] = INGEST_VERSION - 1
    manifest_path.write_text(json.dumps(manifest), "utf-8")
    report = ingest(["pages"], "corpus")
    assert len(report.changed) == report.documents and not report.removed
    assert open_corpus("corpus").manifest["ingest_version"] == INGEST_VERSION


def test_progress_is_reported(work):
    seen: list[tuple[int, int]] = []
    ingest(["pages"], "corpus", progress=lambda done, total, path: seen.append((done, total)))
    total = len(list((work / "pages").iterdir()))
    assert seen == [(i, total) for i in range(1, total + 1)]


# --- crash safety --------------------------------------------------------------------------------


def test_pending_without_commit_is_ignored_then_discarded(work):
    ingest(["pages"], "corpus")
    before = contents(work / "corpus")
    pending = work / "corpus" / PENDING_DIR
    pending.mkdir()
    (pending / DOCUMENTS_FILE).write_text("half written")
    assert len(list(open_corpus("corpus").documents())) == before[MANIFEST_FILE].count(b"pages/")
    assert pending.exists()  # a reader leaves it: a writer may be filling it
    ingest(["pages"], "corpus")
    assert not pending.exists()
    assert contents(work / "corpus") == before


def test_interrupted_commit_is_rolled_forward_by_the_next_reader(work, monkeypatch):
    ingest(["pages"], "corpus")
    (work / "pages" / "en_only.txt").unlink()
    import bicorpus.corpus as corpus_mod

    real_replace = os.replace
    calls = {"n": 0}

    def crash_after_first(src, dst):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt("killed")
        return real_replace(src, dst)

    monkeypatch.setattr(corpus_mod.os, "replace", crash_after_first)
    with pytest.raises(KeyboardInterrupt):
        ingest(["pages"], "corpus", prune=True)
    monkeypatch.setattr(corpus_mod.os, "replace", real_replace)
    pending = work / "corpus" / PENDING_DIR
    assert (pending / COMMIT_MARKER).exists()  # documents moved, passages and manifest not yet
    corpus = open_corpus("corpus")  # the reader finishes the commit
    assert not pending.exists()
    docs = list(corpus.documents())
    assert "pages/en_only.txt" not in {d.path for d in docs}
    assert {p.doc_id for p in corpus.passages()} == {d.id for d in docs}
    assert corpus.manifest["documents"] == len(docs)


def test_a_second_writer_is_refused(work):
    with CorpusTransaction(work / "corpus"), pytest.raises(CorpusError, match="is locked by PID"):
        ingest(["pages"], "corpus")


def test_uncommitted_transaction_leaves_nothing(tmp_path):
    with CorpusTransaction(tmp_path / "c") as tx:
        tx.passage_line(b'{"x": 1}\n')
    assert not (tmp_path / "c" / PENDING_DIR).exists()
    assert not (tmp_path / "c" / PASSAGES_FILE).exists()


def test_corpus_files_without_manifest_are_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / PASSAGES_FILE).write_text("{}\n")
    with pytest.raises(CorpusError, match="no manifest"):
        ingest([SEED], "corpus")


def test_process_document_is_pure():
    src = read_source(SEED)
    a = process_document(src)
    b = process_document(src)
    assert a == b


def test_file_with_a_1_mb_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    sentence = "The deal between ISIS and al-Nusra near Raqqa was signed. تقدم جبهة النصرة نحو دير الزور. "
    line = (sentence * (2**20 // len(sentence) + 1))[: 2**20]
    (tmp_path / "long.txt").write_text(f"A Long Page\n\n{line}\n", "utf-8")
    (tmp_path / "nospace.txt").write_text("x" * 2**20, "utf-8")
    report = ingest([tmp_path / "long.txt", tmp_path / "nospace.txt"], "corpus", max_passage_chars=2000)
    assert report.ok
    corpus = open_corpus("corpus")
    texts = {d.id: read_source(d.path).text for d in corpus.documents()}
    sizes = []
    for p in corpus.passages():
        assert texts[p.doc_id][p.start : p.end] == p.text
        sizes.append(len(p.text))
    assert max(sizes) <= 2000 and len(sizes) > 2 * 2**20 // 2000


def test_file_changed_into_a_copy_of_another_drops_its_old_content(work):
    ingest(["pages"], "corpus")
    old_id = document_id(read_source(work / "pages" / "en_only.txt").text)
    shutil.copy(work / "pages" / "ar_only.txt", work / "pages" / "en_only.txt")
    report = ingest(["pages"], "corpus")
    assert report.duplicates == [("pages/en_only.txt", "pages/ar_only.txt")]
    assert report.removed == [old_id]
    assert old_id not in {d.id for d in open_corpus("corpus").documents()}


def test_reader_leaves_a_commit_to_the_writer_holding_the_lock(work):
    ingest(["pages"], "corpus")
    before = contents(work / "corpus")
    pending = work / "corpus" / PENDING_DIR
    with CorpusTransaction(work / "corpus") as tx:  # a writer, lock held, its commit under way
        (pending / COMMIT_MARKER).write_bytes(b"")
        open_corpus("corpus")
        assert pending.exists() and contents(work / "corpus") == before
        tx.committed = True  # leave the pending files for the next writer, as a crash would
    open_corpus("corpus")  # lock free now: the reader finishes the commit
    assert not pending.exists()
    assert (work / "corpus" / DOCUMENTS_FILE).read_bytes() == b""


def test_another_passage_limit_reprocesses(work):
    ingest(["pages"], "corpus")
    report = ingest(["pages"], "corpus", max_passage_chars=200)
    assert len(report.changed) == report.documents
    corpus = open_corpus("corpus")
    assert corpus.manifest["max_passage_chars"] == 200
    assert max(len(p.text) for p in corpus.passages()) <= 200


def test_passages_of_picks_documents_without_parsing_the_rest(work):
    ingest([Path("pages")], Path("corpus"))
    corpus = open_corpus("corpus")
    everything = list(corpus.passages())
    doc_ids = sorted({p.doc_id for p in everything})
    assert len(doc_ids) >= 3
    picked = {doc_ids[0], doc_ids[-1]}
    assert list(corpus.passages_of(picked)) == [p for p in everything if p.doc_id in picked]
    assert list(corpus.passages_of([])) == []
    assert list(corpus.passages_of(["no-such-document"])) == []
    corpus.close()
    # A row of another document whose id is intact is not even parsed; a picked one is checked.
    path = Path("corpus") / "passages.jsonl"
    lines = path.read_bytes().splitlines(keepends=True)
    victim = next(i for i, line in enumerate(lines) if json.loads(line)["doc_id"] == doc_ids[1])
    lines[victim] = lines[victim][:-30] + b"\n"
    path.write_bytes(b"".join(lines))
    corpus = open_corpus("corpus")
    assert [p.doc_id for p in corpus.passages_of([doc_ids[0]])] == [
        p.doc_id for p in everything if p.doc_id == doc_ids[0]]
    with pytest.raises(CorpusError, match="corrupt"):
        list(corpus.passages_of([doc_ids[1]]))


def test_passages_of_names_the_line_of_a_damaged_picked_row(work):
    """Rows of other documents are passed over a block at a time; a damaged row of a picked document
    is still reported with its own line number, and a last line without its newline is read."""
    ingest([Path("pages")], Path("corpus"))
    path = Path("corpus") / "passages.jsonl"
    lines = path.read_bytes().splitlines(keepends=True)
    doc_ids = list(dict.fromkeys(json.loads(line)["doc_id"] for line in lines))
    last = doc_ids[-1]
    expected = [json.loads(line)["id"] for line in lines if json.loads(line)["doc_id"] == last]
    path.write_bytes(b"".join(lines).rstrip(b"\n"))
    with open_corpus("corpus") as corpus:
        assert [p.id for p in corpus.passages_of([last])] == expected
    victim = max(i for i, line in enumerate(lines) if json.loads(line)["doc_id"] == doc_ids[1])
    row = json.loads(lines[victim])
    lines[victim] = json.dumps({**row, "region": "nowhere"}).encode() + b"\n"
    path.write_bytes(b"".join(lines))
    with open_corpus("corpus") as corpus:
        assert [p.doc_id for p in corpus.passages_of([doc_ids[0]])] == [doc_ids[0]] * sum(
            json.loads(line)["doc_id"] == doc_ids[0] for line in lines)
        with pytest.raises(CorpusError, match=rf"passages\.jsonl:{victim + 1}: corrupt row \(bad region"):
            list(corpus.passages_of([doc_ids[1], last]))


def _rows(corpus: Path) -> set[bytes]:
    return set((corpus / PASSAGES_FILE).read_bytes().splitlines())


def _counted(corpus: Path) -> tuple[int, dict[str, int], dict[str, int]]:
    rows = [json.loads(line) for line in (corpus / PASSAGES_FILE).read_bytes().splitlines()]
    langs: dict[str, int] = {}
    regions: dict[str, int] = {}
    for row in rows:
        langs[row["lang"]] = langs.get(row["lang"], 0) + 1
        regions[row["region"]] = regions.get(row["region"], 0) + 1
    return len(rows), langs, regions


def _edit_seed(work: Path) -> None:
    seed = work / "pages" / SEED.name
    edited = seed.read_text("utf-8").replace("al-Nusra Front Strike", "Jabhat al-Nusra Strike")
    seed.write_text(edited, "utf-8")


def test_reingest_copies_an_intact_passages_file_unparsed(work, monkeypatch):
    """An intact passages file (its manifest's size and SHA-256) has its kept rows copied without
    parsing: only the dropped document's rows are read (the new rows are counted as they are made),
    and the counts still match the rows."""
    ingest(["pages"], "corpus")
    old_id = document_id(read_source(work / "pages" / SEED.name).text)
    _edit_seed(work)
    parsed: list[bytes] = []
    real_loads = json.loads

    def counting_loads(text, *args, **kwargs):
        parsed.append(text if isinstance(text, bytes) else text.encode())
        return real_loads(text, *args, **kwargs)

    monkeypatch.setattr(pipeline.json, "loads", counting_loads)
    ingest(["pages"], "corpus")
    monkeypatch.undo()
    (work / "fresh").mkdir()
    shutil.copytree(work / "pages", work / "fresh" / "pages")
    os.chdir(work / "fresh")
    ingest(["pages"], "corpus")
    os.chdir(work)
    assert _rows(work / "corpus") == _rows(work / "fresh" / "corpus")  # the same rows as a fresh ingest
    manifest = open_corpus("corpus").manifest
    assert (manifest["passages"], manifest["langs"], manifest["regions"]) == _counted(work / "corpus")
    assert document_id(read_source(work / "pages" / SEED.name).text) != old_id
    rows_parsed = [real_loads(text) for text in parsed if b'"ordinal"' in text]
    assert {row["doc_id"] for row in rows_parsed} == {old_id}  # the dropped rows only


def test_reingest_parses_every_row_of_a_file_that_differs_from_its_manifest(work, monkeypatch):
    """An edited (still valid) passages file is not trusted: every kept row is parsed and checked,
    and the counts come from the rows, not from the manifest."""
    ingest(["pages"], "corpus")
    path = work / "corpus" / PASSAGES_FILE
    lines = path.read_bytes().splitlines(keepends=True)
    extra = json.loads(lines[-1])
    extra.update(id=extra["id"] + "-x", lang="ar" if extra["lang"] != "ar" else "en")
    path.write_bytes(b"".join(lines) + (json.dumps(extra, ensure_ascii=False) + "\n").encode())
    _edit_seed(work)
    ingest(["pages"], "corpus")
    manifest = open_corpus("corpus").manifest
    assert (manifest["passages"], manifest["langs"], manifest["regions"]) == _counted(work / "corpus")
    assert any(json.loads(line)["id"] == extra["id"] for line in _rows(work / "corpus"))


@pytest.mark.parametrize(("line", "expected"), [
    (b'{"id": "p1", "doc_id": "abc123", "ordinal": 0}', "abc123"),
    (b'{"doc_id": "\\"q\\u0627", "x": 1}', '"qا'),
    ('{"doc_id": "دير"}'.encode(), "دير"),
    (b'{"id": "p1", "ordinal": 0}', None),
    (b'{"doc_id": 7}', None),
])
def test_raw_doc_id_reads_the_id_without_parsing_the_row(line, expected):
    assert raw_doc_id(line) == expected


def test_display_path_is_relative_to_the_base_when_under_it(tmp_path):
    base = str(tmp_path / "root")
    assert display_path(tmp_path / "root" / "a" / "b.txt", base) == "a/b.txt"
    assert display_path(tmp_path / "root" / ".." / "root" / "c.txt", base) == "c.txt"
    assert display_path(tmp_path / "rootless" / "d.txt", base) == (tmp_path / "rootless" / "d.txt").as_posix()
    assert display_path(tmp_path / "root", base) == "."
    assert display_path(tmp_path / "root" / "e.txt", base + "/") == "e.txt"
