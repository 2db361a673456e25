"""Word tokenization over original text, with character spans.

Python's ``\\w`` stops at combining marks, which splits vowelled Arabic
(``بِسْمِ`` → ``ب س م``) and decomposed Latin.  A token here is a run of
letters, digits and combining marks (Arabic harakat, tatweel, Latin accents),
with apostrophe-like marks allowed *inside* a word (``Hay'at``, ``coalition’s``,
``Ma`ruf``).  Hyphens split words: ``al-Nusra`` is ``al`` + ``Nusra``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_MARK = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u08d3-\u08ff\u200c\u200d"
_APOS = "'\u2019\u02bc\u02bf\u02be\u02bb\u0060\u00b4"
# Letters and digits (not ``_``) mixed with combining marks, starting with a letter or digit.
# Written as runs of letters then runs of marks, never a quantifier inside a quantifier over
# the same characters: the regex engine then has one way to match a word, not one per split.
_WORD = rf"[^\W_]+(?:[{_MARK}]+[^\W_]*)*"
TOKEN_RE = re.compile(rf"{_WORD}(?:[{_APOS}]{_WORD})*")


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the original text and where it stands: ``source[start:end] == text``."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """All word tokens of ``text`` with their spans."""
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


def iter_tokens(text: str) -> Iterator[Token]:
    """Like :func:`tokenize`, lazily."""
    for m in TOKEN_RE.finditer(text):
        yield Token(m.group(), m.start(), m.end())
