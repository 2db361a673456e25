"""Fixtures for the index tests (helpers in index_helpers.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from index_helpers import FAKE_NAMES, SMALL_DOCS, write_corpus

from bicorpus.index.analysis import NameModel


@pytest.fixture
def fake_names() -> NameModel:
    return FAKE_NAMES


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path, SMALL_DOCS)


@pytest.fixture
def small_index(tmp_path: Path, small_corpus: Path):
    from bicorpus.corpus import open_corpus
    from bicorpus.index import build_index, open_index

    index_dir = tmp_path / "index"
    build_index(open_corpus(small_corpus), index_dir, names=FAKE_NAMES)
    with open_index(index_dir, names=FAKE_NAMES) as ix:
        yield ix
