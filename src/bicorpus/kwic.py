"""Keyword in context: one line per matched span, with its left and right context.

The lines come from the same search as ``bicorpus search`` (same query language, filters and
tiers): every passage the search returns gives one line per matched span.  Contexts are cut in
characters or in words and can be sorted the ways corpus tools do (by the match, by the words
left or right of it, by date, by document).

Text stays in logical order.  :func:`terminal_line` wraps each part in Unicode bidi isolates
(FSI … PDI) so that a line mixing Arabic and English keeps its columns in a terminal.

>>> import bicorpus
>>> with bicorpus.open_index("index") as ix:  # doctest: +SKIP
...     for line in kwic_lines(ix, "Nusra", width=30, sort="left").lines:
...         print(line.left, "|", line.match, "|", line.right)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from .errors import QueryError
from .index import SearchIndex
from .model import TIERS, Hit
from .normalize import normalize_text

#: Ways the lines can be ordered; ``rank`` keeps the search's order.
SORTS: tuple[str, ...] = ("rank", "match", "left", "right", "date", "doc")
#: Units the context width is counted in.
UNITS: tuple[str, ...] = ("chars", "words")
#: Default context width per unit.
DEFAULT_WIDTH = {"chars": 40, "words": 6}

FSI, PDI = "\u2068", "\u2069"
_SPACE_RE = re.compile(r"\s+")


@dataclass
class KwicLine:
    """One matched span with its context."""

    passage_id: str
    doc_id: str
    date: str | None
    lang: str
    region: str
    #: Tier of this span's match (the hit's own tier is ``hit_tier``).
    tier: str
    confidence: float
    score: float
    hit_tier: str
    term: str
    entity: str | None
    start: int
    end: int
    left: str
    match: str
    right: str
    rank: int = 0
    ordinal: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Concordance:
    """The lines of one query: ``total`` passages match, ``passages`` of them gave the lines."""

    query: str
    total: int
    passages: int
    width: int
    unit: str
    sort: str
    lines: list[KwicLine] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "total": self.total, "passages": self.passages, "width": self.width,
                "unit": self.unit, "sort": self.sort, "lines": [line.to_dict() for line in self.lines]}


def _flat(text: str) -> str:
    return _SPACE_RE.sub(" ", text)


def contexts(text: str, start: int, end: int, width: int, unit: str = "chars") -> tuple[str, str]:
    """(left, right) context of ``text[start:end]``: ``width`` characters or words on each side,
    whitespace runs shown as one space."""
    before, after = _flat(text[:start]), _flat(text[end:])
    if unit == "words":
        left_words = before.split()
        right_words = after.split()
        left = " ".join(left_words[-width:]) if width else ""
        right = " ".join(right_words[:width])
        # keep a space between context and match only where the text has one
        if left and before[-1:] == " ":
            left += " "
        if right and after[:1] == " ":
            right = " " + right
        return left, right
    return before[-width:] if width else "", after[:width]


def _lines_of(hit: Hit, rank: int, width: int, unit: str) -> list[KwicLine]:
    """One line per matched span (a span several query terms match is one line, at its best tier)."""
    out = []
    seen: set[tuple[int, int]] = set()
    for m in sorted(hit.matches, key=lambda m: (m.start, TIERS.index(m.tier) if m.tier in TIERS else 99)):
        if not 0 <= m.start < m.end <= len(hit.text) or (m.start, m.end) in seen:
            continue
        seen.add((m.start, m.end))
        left, right = contexts(hit.text, m.start, m.end, width, unit)
        out.append(KwicLine(passage_id=hit.passage_id, doc_id=hit.doc_id, date=hit.date, lang=hit.lang,
                            region=hit.region, tier=m.tier, confidence=m.confidence, score=hit.score,
                            hit_tier=hit.tier, term=m.term, entity=m.entity, start=m.start, end=m.end,
                            left=left, match=_flat(hit.text[m.start:m.end]), right=right, rank=rank,
                            ordinal=hit.ordinal))
    return out


def _words_key(text: str, reverse: bool) -> tuple[str, ...]:
    words = normalize_text(text).casefold().split()
    return tuple(reversed(words)) if reverse else tuple(words)


def sort_lines(lines: Sequence[KwicLine], sort: str) -> list[KwicLine]:
    """The lines in ``sort`` order (one of :data:`SORTS`); ties keep the search's order."""
    if sort not in SORTS:
        raise QueryError(f"--sort {sort}: use one of {', '.join(SORTS)}")
    position = {id(line): i for i, line in enumerate(lines)}
    if sort == "rank":
        return list(lines)
    keys = {
        "match": lambda ln: (normalize_text(ln.match).casefold(), _words_key(ln.left, True)),
        "left": lambda ln: (_words_key(ln.left, True), normalize_text(ln.match).casefold()),
        "right": lambda ln: (_words_key(ln.right, False), normalize_text(ln.match).casefold()),
        "date": lambda ln: (ln.date is None, ln.date or "", ln.doc_id, ln.ordinal, ln.start),
        "doc": lambda ln: (ln.doc_id, ln.ordinal, ln.start),
    }
    key = keys[sort]
    return sorted(lines, key=lambda ln: (key(ln), position[id(ln)]))


def kwic_lines(ix: SearchIndex, query: str, *, limit: int = 100, width: int | None = None,
               unit: str = "chars", sort: str = "rank", **filters: Any) -> Concordance:
    """Concordance of ``query`` over the best ``limit`` passages of the search (same ``filters`` as
    :meth:`SearchIndex.search`: ``lang``, ``region``, ``doc``, ``since``, ``until``, ``exact``)."""
    if unit not in UNITS:
        raise QueryError(f"--unit {unit}: use one of {', '.join(UNITS)}")
    if sort not in SORTS:
        raise QueryError(f"--sort {sort}: use one of {', '.join(SORTS)}")
    width = DEFAULT_WIDTH[unit] if width is None else width
    if width < 0:
        raise QueryError(f"--width {width}: must be 0 or more")
    result = ix.search(query, limit=limit, **filters)
    lines = [line for rank, hit in enumerate(result.hits, 1) for line in _lines_of(hit, rank, width, unit)]
    return Concordance(query=query, total=result.total, passages=len(result.hits), width=width, unit=unit,
                       sort=sort, lines=sort_lines(lines, sort))


# -- terminal rendering -------------------------------------------------------------------------


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: combining marks and format characters (bidi controls,
    joiners) take none, wide East Asian characters two."""
    cols = 0
    for ch in text:
        cat = unicodedata.category(ch)
        if cat in ("Mn", "Me", "Cf"):
            continue
        cols += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return cols


def _isolate(text: str) -> str:
    return f"{FSI}{text}{PDI}"


def _fit_left(text: str, cols: int) -> str:
    """The end of ``text`` that fits in ``cols`` columns, padded on the left."""
    while display_width(text) > cols:
        text = text[1:]
    return " " * (cols - display_width(text)) + _isolate(text)


def _fit_right(text: str, cols: int) -> str:
    while display_width(text) > cols:
        text = text[:-1]
    return _isolate(text) + " " * (cols - display_width(text))


def terminal_lines(conc: Concordance, *, mark: tuple[str, str] = ("", "")) -> list[str]:
    """The concordance as aligned terminal lines: metadata, then left context (right-aligned), the
    match and the right context, each part inside bidi isolates so Arabic keeps its place."""
    if not conc.lines:
        return []
    left_cols = max(display_width(ln.left) for ln in conc.lines)
    right_cols = max(display_width(ln.right) for ln in conc.lines)
    match_cols = max(display_width(ln.match) for ln in conc.lines)
    if conc.unit == "chars":
        left_cols, right_cols = min(left_cols, conc.width), min(right_cols, conc.width)
    id_cols = max(len(ln.passage_id) for ln in conc.lines)
    out = []
    for ln in conc.lines:
        meta = f"{ln.passage_id:<{id_cols}}  {ln.date or '-':<10}  {ln.tier:<10} {ln.confidence:4.2f}"
        match = mark[0] + _isolate(ln.match) + mark[1] + " " * (match_cols - display_width(ln.match))
        out.append(f"{meta}  {_fit_left(ln.left, left_cols)}  {match}  "
                   f"{_fit_right(ln.right, right_cols)}".rstrip())
    return out
