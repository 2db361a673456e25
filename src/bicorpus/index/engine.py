"""The boundary between bicorpus and a search engine.

Everything above this line (analysis, query language, tiers, explanations) is
engine-independent; an engine only stores passages with pre-analysed term
streams and runs the small query algebra below.  The Whoosh engine lives in
:mod:`bicorpus.index.whoosh_engine`, the only module that imports Whoosh.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

#: Stored, filterable metadata fields of a passage.
META_FIELDS: tuple[str, ...] = ("id", "doc", "lang", "region", "section", "date")
#: Stored-only fields of a passage.
STORED_FIELDS: tuple[str, ...] = ("text", "title", "author", "ordinal", "start", "end")


@dataclass(frozen=True)
class TermQ:
    field: str
    text: str


@dataclass(frozen=True)
class PhraseQ:
    """Adjacent positions; each slot lists alternative terms for that position."""

    field: str
    slots: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class PrefixQ:
    field: str
    text: str


@dataclass(frozen=True)
class RangeQ:
    """``low <= value <= high`` on a keyword field (either end open when ``None``)."""

    field: str
    low: str | None
    high: str | None


@dataclass(frozen=True)
class AllQ:
    items: tuple[EngineQuery, ...]


@dataclass(frozen=True)
class AnyQ:
    items: tuple[EngineQuery, ...]


@dataclass(frozen=True)
class NotQ:
    """Excludes what ``item`` matches (meaningful inside :class:`AllQ`)."""

    item: EngineQuery


EngineQuery = TermQ | PhraseQ | PrefixQ | RangeQ | AllQ | AnyQ | NotQ


def prune(q: EngineQuery, has_term: Callable[[str, str], bool]) -> EngineQuery | None:
    """``q`` without the terms the index lacks; ``None`` when it can match nothing.

    Lets the search skip a tier level that adds nothing the index holds."""
    if isinstance(q, TermQ):
        return q if has_term(q.field, q.text) else None
    if isinstance(q, PhraseQ):
        slots = tuple(tuple(t for t in slot if has_term(q.field, t)) for slot in q.slots)
        return PhraseQ(q.field, slots) if all(slots) else None
    if isinstance(q, AnyQ):
        items = tuple(p for p in (prune(i, has_term) for i in q.items) if p is not None)
        return None if not items else items[0] if len(items) == 1 else AnyQ(items)
    if isinstance(q, AllQ):
        kept: list[EngineQuery] = []
        for item in q.items:
            if isinstance(item, NotQ):
                inner = prune(item.item, has_term)
                if inner is not None:
                    kept.append(NotQ(inner))
            elif (p := prune(item, has_term)) is None:
                return None
            else:
                kept.append(p)
        return AllQ(tuple(kept))
    if isinstance(q, NotQ):
        inner = prune(q.item, has_term)
        return NotQ(inner) if inner is not None else AllQ(())
    return q


@dataclass(frozen=True)
class IndexedPassage:
    """What an engine stores for one passage: metadata, text and the analysed term streams
    (``terms[field][position]`` lists the terms at that position)."""

    fields: dict[str, Any]
    terms: dict[str, list[tuple[str, ...]]]


class Engine(Protocol):
    """What bicorpus needs from a search engine."""

    path: Path

    def write(self, adds: Iterable[IndexedPassage], delete_docs: Iterable[str] = (), *,
              clear: bool = False, bulk: bool = False) -> int:
        """Delete every passage of ``delete_docs``, add ``adds``, commit atomically; ``clear`` empties
        the index first; ``bulk`` tunes the writer for large builds.  Returns the number added."""
        ...

    def search(self, query: EngineQuery, *, limit: int, filter: EngineQuery | None = None,
               mask: EngineQuery | None = None) -> list[tuple[dict[str, Any], float]]:
        """Best ``limit`` passages (stored fields, score) matching ``query`` and ``filter``, not ``mask``."""
        ...

    def count(self, query: EngineQuery, *, filter: EngineQuery | None = None) -> int:
        ...

    def has_term(self, field: str, text: str) -> bool:
        """Whether any passage holds ``text`` in ``field``."""
        ...

    def stored(self, passage_id: str) -> dict[str, Any] | None:
        ...

    def doc_passages(self, doc_id: str) -> list[dict[str, Any]]:
        ...

    def iter_stored(self) -> Iterator[dict[str, Any]]:
        ...

    def doc_count(self) -> int:
        ...

    def pinned(self) -> AbstractContextManager[None]:
        """A block within which every call of this thread reads the same commit."""
        ...

    def close(self) -> None:
        ...
