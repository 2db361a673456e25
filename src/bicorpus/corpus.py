"""The corpus on disk: ``documents.jsonl``, ``passages.jsonl``, ``manifest.json``.

Reading side.  Passages are streamed, never loaded whole.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import CorpusError
from .model import SCHEMA_VERSION, Document, Passage

DOCUMENTS_FILE = "documents.jsonl"
PASSAGES_FILE = "passages.jsonl"
MANIFEST_FILE = "manifest.json"


@dataclass(frozen=True)
class PassageFilter:
    """Metadata filters shared by search, export and iteration (``None`` = no constraint).

    Dates compare as ISO prefixes: ``since="2017-04"`` keeps ``2017-04-12``."""

    lang: str | None = None
    region: str | None = None
    doc: str | None = None
    since: str | None = None
    until: str | None = None

    def accepts(self, p: Passage) -> bool:
        if self.lang and p.lang != self.lang:
            return False
        if self.region and p.region != self.region:
            return False
        if self.doc and p.doc_id != self.doc:
            return False
        if self.since and (not p.date or p.date < self.since):
            return False
        if self.until and (not p.date or p.date[: len(self.until)] > self.until):
            return False
        return True


class Corpus:
    """A corpus directory, opened for reading."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        manifest_path = self.path / MANIFEST_FILE
        if not manifest_path.is_file():
            raise CorpusError(f"no corpus at {self.path} (run `bicorpus ingest` first)")
        try:
            self.manifest: dict[str, Any] = json.loads(manifest_path.read_text("utf-8"))
        except (OSError, ValueError) as err:
            raise CorpusError(f"corpus manifest {manifest_path} is unreadable: {err}") from err
        version = self.manifest.get("schema_version")
        if version != SCHEMA_VERSION:
            raise CorpusError(
                f"corpus at {self.path} has schema version {version}, this bicorpus reads "
                f"{SCHEMA_VERSION}: re-run `bicorpus ingest` on the sources"
            )

    def _lines(self, name: str) -> Iterator[dict[str, Any]]:
        path = self.path / name
        try:
            with path.open(encoding="utf-8") as fh:
                for lineno, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    try:
                        yield json.loads(line)
                    except ValueError as err:
                        raise CorpusError(f"{path}:{lineno}: corrupt JSON line ({err})") from err
        except FileNotFoundError as err:
            raise CorpusError(f"corpus file {path} is missing") from err

    def documents(self) -> Iterator[Document]:
        """Every document, in corpus order."""
        for row in self._lines(DOCUMENTS_FILE):
            yield Document.from_dict(row)

    def passages(self, where: PassageFilter | None = None) -> Iterator[Passage]:
        """Every passage (optionally filtered), in document then ordinal order."""
        for row in self._lines(PASSAGES_FILE):
            passage = Passage.from_dict(row)
            if where is None or where.accepts(passage):
                yield passage


def open_corpus(path: str | Path = "corpus") -> Corpus:
    """Open the corpus at ``path`` for reading (raises :class:`CorpusError` with a clear message)."""
    return Corpus(path)
