"""bicorpus: search a bilingual Arabic + English document collection by the names in it."""

from __future__ import annotations

from .errors import BicorpusError
from .model import Document, Hit, Match, Passage

__all__ = ["BicorpusError", "Document", "Hit", "Match", "Passage"]
