"""Fixtures of the reliability tests: small bilingual page sets and a corpus + index built from them.

The benchmark scripts live in ``bench/`` (not a package): the kill test reuses ``bench/killtest.py``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from reliability_helpers import write_pages

BENCH_DIR = Path(__file__).resolve().parents[2] / "bench"
if str(BENCH_DIR) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR))


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder (the current directory) with ``pages/`` of 6 pages."""
    monkeypatch.chdir(tmp_path)
    write_pages(tmp_path / "pages", 6, "A")
    return tmp_path


@pytest.fixture
def built(work: Path) -> Path:
    """``work`` with ``corpus/`` and ``index/`` ingested from ``pages/``."""
    from bicorpus.api import ingest

    ingest(["pages"], work / "corpus", index=work / "index")
    return work
