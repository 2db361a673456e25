"""Readers during writes: the Python API in threads and a reader caught between the renames of a
commit see the old or the new state, never a mix, and never fail."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from reliability_helpers import write_pages

from bicorpus.api import ingest, open_index
from bicorpus.corpus import (
    COMMIT_MARKER,
    DOCUMENTS_FILE,
    MANIFEST_FILE,
    PASSAGES_FILE,
    PENDING_DIR,
    open_corpus,
)
from bicorpus.lock import WriterLock


def _state(corpus_dir: Path) -> str:
    """Content of a corpus as one reader sees it, after checking its files agree with each other."""
    with open_corpus(corpus_dir) as corpus:
        docs = {d.id: d.n_passages for d in corpus.documents()}
        per_doc: dict[str, int] = {}
        for p in corpus.passages():
            per_doc[p.doc_id] = per_doc.get(p.doc_id, 0) + 1
        assert per_doc == docs, "documents.jsonl and passages.jsonl of different commits"
        assert corpus.manifest["passages"] == sum(per_doc.values()), "manifest of another commit"
        return hashlib.sha256(repr(sorted(docs.items())).encode()).hexdigest()[:12]


def _two_states(work: Path) -> tuple[str, str]:
    write_pages(work / "pages", 5, "A")
    ingest(["pages"], "corpus", index="index", prune=True)
    a = _state(work / "corpus")
    write_pages(work / "pages", 9, "B")
    ingest(["pages"], "corpus", index="index", prune=True)
    b = _state(work / "corpus")
    assert a != b
    return a, b


def test_reader_threads_see_old_or_new_corpus_and_index(work: Path):
    a, b = _two_states(work)
    with open_index("index") as ix:
        totals = {ix.search("Raqqa", limit=3).total}
    stop = threading.Event()
    seen: list[str] = []
    errors: list[BaseException] = []
    index = open_index("index")  # one SearchIndex shared by the reader threads
    search_totals: list[int] = []

    def read_corpus() -> None:
        while not stop.is_set():
            try:
                seen.append(_state(work / "corpus"))
            except BaseException as err:  # any failure is a finding
                errors.append(err)

    def read_index() -> None:
        while not stop.is_set():
            try:
                search_totals.append(index.search("Raqqa", limit=3).total)
                search_totals.append(index.search("دير الزور", limit=3).total)
            except BaseException as err:
                errors.append(err)

    threads = [threading.Thread(target=read_corpus), threading.Thread(target=read_index)]
    for t in threads:
        t.start()
    try:
        for round_no in range(6):
            tag, n = ("A", 5) if round_no % 2 == 0 else ("B", 9)
            write_pages(work / "pages", n, tag)
            ingest(["pages"], "corpus", index="index", prune=True)
            with open_index("index") as ix:
                totals.add(ix.search("Raqqa", limit=3).total)
    finally:
        stop.set()
        for t in threads:
            t.join()
        index.close()
    assert not errors, errors[:3]
    assert seen and set(seen) <= {a, b}
    raqqa = search_totals[0::2]
    assert raqqa and set(raqqa) <= totals and len(totals) == 2


def test_an_open_corpus_keeps_reading_the_state_it_opened(work: Path):
    _, b = _two_states(work)
    write_pages(work / "pages", 5, "A")
    ingest(["pages"], "corpus", index=None, prune=True)
    corpus = open_corpus("corpus")
    first = [p.id for p in corpus.passages()]
    write_pages(work / "pages", 9, "B")
    ingest(["pages"], "corpus", index=None, prune=True)  # commits while the reader holds its files
    assert [p.id for p in corpus.passages()] == first
    assert sum(1 for _ in corpus.documents()) == 5 == corpus.manifest["documents"]
    corpus.close()
    assert _state(work / "corpus") == b


HOLD = "import sys, time; from bicorpus.lock import WriterLock; lock = WriterLock(sys.argv[1]).acquire(); " \
       "print('held', flush=True); time.sleep(60)"


def _half_renamed(work: Path, committed: bool) -> tuple[str, str]:
    """Corpus A with a write of state B stopped after its first rename (documents.jsonl moved)."""
    a, b = _two_states(work)
    shutil.copytree(work / "corpus", work / "state-b")
    write_pages(work / "pages", 5, "A")
    ingest(["pages"], "corpus", index=None, prune=True)
    assert _state(work / "corpus") == a
    pending = work / "corpus" / PENDING_DIR
    pending.mkdir()
    for name in (PASSAGES_FILE, MANIFEST_FILE):
        shutil.copy(work / "state-b" / name, pending / name)
    if committed:
        (pending / COMMIT_MARKER).write_bytes(b"")
        shutil.copy(work / "state-b" / DOCUMENTS_FILE, work / "corpus" / DOCUMENTS_FILE)  # already moved
    else:
        shutil.copy(work / "state-b" / DOCUMENTS_FILE, pending / DOCUMENTS_FILE)
    return a, b


def test_reader_between_the_renames_of_a_commit_sees_the_new_state(work: Path):
    _, b = _half_renamed(work, committed=True)
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(work / "corpus")], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert _state(work / "corpus") == b  # the writer holds the lock: the reader cannot roll forward
        assert (work / "corpus" / PENDING_DIR / COMMIT_MARKER).exists()
    finally:
        holder.kill()
        holder.wait()
    with WriterLock(work / "corpus"):
        pass
    assert _state(work / "corpus") == b  # now a reader finishes the commit
    assert not (work / "corpus" / PENDING_DIR).exists()


def test_reader_ignores_a_write_that_never_committed(work: Path):
    a, _ = _half_renamed(work, committed=False)
    assert _state(work / "corpus") == a
    ingest(["pages"], "corpus", index=None, prune=True)  # the next writer drops the leftovers
    assert not (work / "corpus" / PENDING_DIR).exists()
    assert _state(work / "corpus") == a
