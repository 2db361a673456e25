"""Helpers shared by the ingest tests: paths of the seed and test pages, processing with offset checks."""

from __future__ import annotations

from pathlib import Path

from bicorpus.model import Document, Passage
from bicorpus.pipeline import process_document
from bicorpus.sources import SourceText, read_source

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_365465f9b8a3ec32.txt"
PAGES = ROOT / "tests" / "data" / "pages"


def page(name: str) -> Path:
    return PAGES / name


def processed(path: Path, **kwargs: object) -> tuple[SourceText, Document, list[Passage]]:
    """Read and process one page; every passage's offsets are checked on the way."""
    src = read_source(path)
    doc, passages = process_document(src, **kwargs)  # type: ignore[arg-type]
    for p in passages:
        assert src.text[p.start : p.end] == p.text, p.id
    return src, doc, passages


def of_region(passages: list[Passage], region: str) -> list[Passage]:
    return [p for p in passages if p.region == region]
