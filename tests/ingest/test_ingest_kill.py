"""A run killed (SIGKILL) at a random point leaves the corpus before or after, never a mix."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from bicorpus.corpus import open_corpus

SCRIPT = "from bicorpus.pipeline import ingest; ingest(['pages'], 'corpus', prune=True)"


def _write_pages(folder: Path, n: int, tag: str) -> None:
    for old in folder.glob("*.txt"):
        old.unlink()
    for i in range(n):
        body = " ".join(f"Sentence {j} of page {i} ({tag}) names ISIS near Raqqa." for j in range(12))
        header = f"أخبار المركز\n• سعيد عكاشة يكتب: (عنوان {i})\n\n"
        page = f"{header}Title {tag} {i}\n\n12 April 2017\n\n{body}\n"
        (folder / f"p{i:04d}.txt").write_text(page, "utf-8")


def _state(corpus_dir: Path) -> frozenset[str]:
    """Document ids of the corpus, after checking the three files agree with each other."""
    corpus = open_corpus(corpus_dir)
    docs = {d.id: d for d in corpus.documents()}
    counts: dict[str, int] = {}
    for p in corpus.passages():
        counts[p.doc_id] = counts.get(p.doc_id, 0) + 1
    assert counts == {i: d.n_passages for i, d in docs.items()}
    assert corpus.manifest["documents"] == len(docs)
    assert corpus.manifest["passages"] == sum(counts.values())
    assert set(corpus.manifest["sources"]) == {d.path for d in docs.values()}
    return frozenset(docs)


def test_sigkill_at_random_points(tmp_path):
    rng = random.Random(20170412)
    pages = tmp_path / "pages"
    pages.mkdir()
    run = [sys.executable, "-c", SCRIPT]
    _write_pages(pages, 100, "A")
    subprocess.run(run, cwd=tmp_path, check=True)
    before = _state(tmp_path / "corpus")
    started = time.monotonic()
    _write_pages(pages, 100, "B")
    subprocess.run(run, cwd=tmp_path, check=True)
    duration = time.monotonic() - started
    after = _state(tmp_path / "corpus")
    assert before != after
    for _ in range(4):
        _write_pages(pages, 100, "A")
        subprocess.run(run, cwd=tmp_path, check=True)  # back to the "before" state
        _write_pages(pages, 100, "B")
        proc = subprocess.Popen(run, cwd=tmp_path)
        time.sleep(rng.uniform(0.05, duration * 1.1))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        state = _state(tmp_path / "corpus")
        assert state in (before, after)
        subprocess.run(run, cwd=tmp_path, check=True)  # a re-run always completes the change
        assert _state(tmp_path / "corpus") == after
