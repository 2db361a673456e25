"""A reader-support appeal set into an article: an opening and a closing line
(``Your support helps us to tell the story`` … ``Your support makes all the difference.``),
and the few paragraphs between them plead for donations (``data/appeal_patterns.txt``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from itertools import pairwise

from .data import data_lines
from .normalize import normalize_text

#: Most lines between an appeal's opening and closing lines.
APPEAL_MAX_LINES = 5
#: Longest line that may open or close an appeal.
APPEAL_LINE_MAX_CHARS = 120


_WORD_RE = re.compile(r"[^\W\d_]+")


@cache
def _appeal_words() -> frozenset[str]:
    return frozenset(normalize_text(w) for w in data_lines("appeal_words.txt"))


def _pleads(text: str) -> bool:
    """The line uses a word of an appeal (``data/appeal_words.txt``: donation, journalism, …), in
    Arabic perhaps with "and" glued to it (``وتبرعكم``)."""
    words = _appeal_words()
    found = _WORD_RE.findall(normalize_text(text))
    return any(w in words or (w[:1] == "و" and w[1:] in words) for w in found)


@cache
def _appeal_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in data_lines("appeal_patterns.txt")), re.I)


def appeal_line(key: str) -> bool:
    """A short line opening or closing a reader-support appeal, given by its key (the line
    normalized, punctuation dropped: :func:`~bicorpus.layout.line_key`)."""
    return bool(key) and len(key) <= APPEAL_LINE_MAX_CHARS and _appeal_re().match(key) is not None


def mark_appeal_blocks(texts: Sequence[str], keys: Sequence[str], flags: list[bool]) -> None:
    """Flag two appeal lines at most
    :data:`APPEAL_MAX_LINES` lines apart and the lines between them, when one of those pleads
    (:func:`_pleads`)."""
    ends = [i for i, key in enumerate(keys) if appeal_line(key)]
    for a, b in pairwise(ends):
        if 1 < b - a <= APPEAL_MAX_LINES + 1 and any(_pleads(texts[k]) for k in range(a + 1, b)):
            for k in range(a, b + 1):
                flags[k] = True
