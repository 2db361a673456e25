"""Fixtures for the ingest tests."""

from __future__ import annotations

import pytest
from ingest_helpers import SEED, processed

from bicorpus.model import Document, Passage
from bicorpus.sources import SourceText


@pytest.fixture(scope="session")
def seed() -> tuple[SourceText, Document, list[Passage]]:
    return processed(SEED)
