"""Stage 4 of ingest: passages, with exact offsets and metadata.

Every layout block becomes one passage, except that a block longer than ``max_chars`` is split
at sentence boundaries (a single sentence longer than the limit is split at the last space
before it).  A passage's ``text`` is exactly ``source[start:end]``; ``norm`` is its search form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from .data import data_lines
from .layout import Block, Layout
from .model import Passage
from .normalize import detect_lang, normalize_text

#: Default longest passage (characters) before a paragraph is split at sentence boundaries.
DEFAULT_MAX_PASSAGE_CHARS = 1500
#: Smallest accepted ``max_chars``.
MIN_PASSAGE_CHARS = 50

# A sentence ends at . ! ? ؟ … (then closing quotes/brackets), before whitespace and a next
# sentence that does not start in lower case.  Linear in the text: a match starts only where a run
# of end marks starts (the lookbehind), and the possessive quantifiers never give back part of a
# run, so a run that is not a sentence end (40,000 dots, then " a") is read once, not once per dot.
_END_MARKS = ".!?؟…"
_SENTENCE_END_RE = re.compile(
    rf"(?<![{_END_MARKS}])[{_END_MARKS}]++[\"'”’»)\]]*+(?=\s++[^\sa-z])"
)
_LAST_WORD_RE = re.compile(r"(\S+)$")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(a.casefold() for a in data_lines("abbreviations.txt"))


def _is_abbreviation(text: str, dot: int) -> bool:
    """True if the full stop at ``dot`` ends an abbreviation (``Dr.``, ``U.S.``, an initial)."""
    if text[dot] != ".":
        return False
    m = _LAST_WORD_RE.search(text, max(0, dot - 20), dot)
    word = m.group(1).lstrip("(\"'“‘«") if m else ""
    return len(word) == 1 or word.casefold() in _abbreviations()


def sentence_ends(text: str, start: int, end: int) -> Iterator[int]:
    """Offsets just after each sentence end inside ``text[start:end]`` (the last one excluded)."""
    for m in _SENTENCE_END_RE.finditer(text, start, end):
        if not _is_abbreviation(text, m.start()):
            yield m.end()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _hard_cut(text: str, start: int, end: int, max_chars: int) -> int:
    """Where to cut a run longer than ``max_chars``: the last whitespace before the limit."""
    limit = start + max_chars
    floor = start + max_chars // 2
    space = max(text.rfind(" ", floor, limit), text.rfind("\n", floor, limit))
    return space if space > start else limit


def split_span(
    text: str, start: int, end: int, max_chars: int = DEFAULT_MAX_PASSAGE_CHARS
) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` into spans of at most ``max_chars``, at sentence ends when possible."""
    max_chars = max(max_chars, MIN_PASSAGE_CHARS)
    start, end = _trim(text, start, end)
    if end - start <= max_chars:
        return [(start, end)] if end > start else []
    spans: list[tuple[int, int]] = []
    chunk_start = start
    last_end = None  # last sentence end inside the current chunk
    for cut in [*sentence_ends(text, start, end), end]:
        while cut - chunk_start > max_chars:
            if last_end is not None and last_end > chunk_start:
                spans.append(_trim(text, chunk_start, last_end))
                chunk_start, last_end = _trim(text, last_end, end)[0], None
            else:
                hard = _hard_cut(text, chunk_start, end, max_chars)
                spans.append(_trim(text, chunk_start, hard))
                chunk_start = _trim(text, hard, end)[0]
        last_end = cut
    if chunk_start < end:
        spans.append(_trim(text, chunk_start, end))
    return [s for s in spans if s[1] > s[0]]


#: Regions that belong to the page's own article (they carry the page's author, if known).
ARTICLE_REGIONS = frozenset({"title", "subtitle", "dateline", "body"})


def passage_id(doc_id: str, ordinal: int) -> str:
    """Stable passage id: the document id and the ordinal."""
    return f"{doc_id}-{ordinal:04d}"


def make_passages(
    doc_id: str, text: str, layout: Layout, *, max_chars: int = DEFAULT_MAX_PASSAGE_CHARS
) -> list[Passage]:
    """The passages of one page, in page order, ordinals from 0."""
    passages: list[Passage] = []
    for block in layout.blocks:
        for start, end in split_span(text, block.start, block.end, max_chars):
            passages.append(_passage(doc_id, len(passages), text, start, end, block, layout))
    return passages


def _passage(
    doc_id: str, ordinal: int, text: str, start: int, end: int, block: Block, layout: Layout
) -> Passage:
    chunk = text[start:end]
    lang, shares = detect_lang(chunk)
    own = block.region in ARTICLE_REGIONS
    return Passage(
        id=passage_id(doc_id, ordinal),
        doc_id=doc_id,
        ordinal=ordinal,
        lang=lang,
        region=block.region,
        text=chunk,
        norm=normalize_text(chunk),
        start=start,
        end=end,
        section=block.section,
        title=layout.title,
        date=layout.date,
        author=layout.author if own else block.author,
        honorific=layout.honorific if own else block.honorific,
        linked_title=block.linked_title,
        lang_share=shares,
    )
