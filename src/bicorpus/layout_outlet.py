"""A news outlet's name signing a story under its last paragraph: ``Sky News Arabia``,
``Mi’raj News Agency (MINA)``, ``وكالة الأنباء العمانية``.  The words of outlet names are data
(``data/outlet_words.txt``)."""

from __future__ import annotations

import re
from functools import cache

from .data import data_lines
from .normalize import normalize_text

#: Most words of an outlet's name line.
OUTLET_MAX_WORDS = 6
#: Longest outlet name line.
OUTLET_MAX_CHARS = 60
#: Longest lower-case word of a name line (``for``, ``and``, ``of``).
NAME_FUNCTION_WORD_MAX = 3

_WORD_RE = re.compile(r"[^\W\d_]+")
_LATIN_RE = re.compile(r"[a-z]")
#: A line ending as a sentence or a label does: no name.
_END_RE = re.compile(r"[.!?؟:,،;]\s*$")


@cache
def _outlet_words() -> frozenset[str]:
    return frozenset(normalize_text(w) for w in data_lines("outlet_words.txt"))


def outlet_name(text: str) -> bool:
    """A short line written as a name (Latin words capitalized, but for short function words)
    holding a word of outlet names (``data/outlet_words.txt``)."""
    if len(text) > OUTLET_MAX_CHARS or _END_RE.search(text):
        return False
    words = _WORD_RE.findall(text)
    if not 1 <= len(words) <= OUTLET_MAX_WORDS:
        return False
    if any(_LATIN_RE.match(w) and len(w) > NAME_FUNCTION_WORD_MAX for w in words):
        return False
    outlet = _outlet_words()
    return any(w in outlet for w in _WORD_RE.findall(normalize_text(text)))
