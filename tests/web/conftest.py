"""Fixtures of the workbench tests: one corpus and index of small pages for the whole session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from web_helpers import build


@pytest.fixture(scope="session")
def workbench(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(corpus, index) of the pages in web_helpers.PAGES."""
    return build(tmp_path_factory.mktemp("workbench"))
