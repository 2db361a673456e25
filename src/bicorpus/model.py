"""The records that flow through bicorpus: documents, passages, search hits.

Every record is a dataclass with ``to_dict`` / ``from_dict`` so the on-disk
corpus (JSON Lines) and the API share one schema.
"""

from __future__ import annotations

import functools
from dataclasses import asdict, dataclass, field, fields
from typing import Any, ClassVar

#: Version of the corpus schema written to ``corpus/manifest.json``.
SCHEMA_VERSION = 1

#: Region names a passage can carry.
REGIONS: tuple[str, ...] = ("site-header", "title", "subtitle", "dateline", "body", "boilerplate")

#: Language labels a passage can carry.
LANGS: tuple[str, ...] = ("ar", "en", "mixed")

#: Matching tiers, best first.
TIERS: tuple[str, ...] = ("exact", "normalized", "stem", "translit", "alias")


class _Record:
    """Dict round-tripping shared by all records (unknown keys are ignored)."""

    _field_names: ClassVar[frozenset[str]]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]

    @classmethod
    def from_dict(cls, data: dict[str, Any]):  # type: ignore[no-untyped-def]
        names = _field_names(cls)
        if names.issuperset(data):  # the rows bicorpus writes: no key to leave out
            return cls(**data)
        return cls(**{k: v for k, v in data.items() if k in names})


@functools.cache
def _field_names(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in fields(cls))  # type: ignore[arg-type]


@dataclass
class Document(_Record):
    """One source page."""

    id: str
    path: str
    size: int
    encoding: str
    sha256: str
    format: str = "txt"
    title: str | None = None
    date: str | None = None
    lang: str | None = None
    n_passages: int = 0
    mtime: float | None = None
    #: The site the page comes from (host of its URL, or the site name the page declares).
    site: str | None = None
    #: The page's URL (canonical when the page declares one, else where it was fetched from).
    url: str | None = None
    #: The article's authors, as the page or its byline names them.
    authors: list[str] = field(default_factory=list)
    #: Further page metadata (language and direction, metadata sources, disagreements, ...).
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Passage(_Record):
    """One paragraph, header bullet, title, dateline... of a document.

    ``text`` is the original text, exactly ``source_text[start:end]``;
    ``norm`` is the normalized search text.
    """

    id: str
    doc_id: str
    ordinal: int
    lang: str
    region: str
    text: str
    norm: str
    start: int
    end: int
    section: str | None = None
    title: str | None = None
    date: str | None = None
    author: str | None = None
    honorific: str | None = None
    linked_title: str | None = None
    lang_share: dict[str, float] = field(default_factory=dict)


@dataclass
class Match(_Record):
    """One matched span inside a hit's passage text."""

    term: str
    text: str
    start: int
    end: int
    tier: str
    entity: str | None = None
    #: How sure the match is that this span names what was searched, from 0 to 1.
    confidence: float = 1.0


@dataclass
class Hit(_Record):
    """One search result."""

    passage_id: str
    doc_id: str
    score: float
    tier: str
    text: str
    lang: str
    region: str
    section: str | None
    title: str | None
    date: str | None
    author: str | None = None
    ordinal: int = 0
    matches: list[Match] = field(default_factory=list)
    #: The best confidence among the hit's matches (1.0 when it has none to weigh).
    confidence: float = 1.0

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Hit:
        hit = super().from_dict(data)
        hit.matches = [m if isinstance(m, Match) else Match.from_dict(m) for m in hit.matches]
        return hit
