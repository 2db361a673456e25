"""A newspaper's masthead given as lines: each editor's role on its own line (``رئيس التحرير``,
``الإشراف العام``, ``Editor-in-Chief``; ``data/masthead_roles.txt``) and the person's name on the
line under it.  Both are the site's chrome, never the title: a name given twice in a masthead shown
twice would otherwise read as a headline given twice above the text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .data import data_lines
from .normalize import normalize_text

#: A role broken over two lines keeps at least this many words of its phrase on each.
ROLE_PART_MIN_WORDS = 2
#: A name under a role: at most this many words and characters, no digit, no final punctuation.
NAME_MAX_WORDS = 4
NAME_MAX_CHARS = 40

_WORDS_RE = re.compile(r"[^\W_]+")
_NAME_END_RE = re.compile(r"[.!?؟:,،;؛]\s*$")


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORDS_RE.findall(normalize_text(text)))


@cache
def _role_parts() -> frozenset[tuple[str, ...]]:
    """Every role phrase whole, and every run of two words or more of it."""
    parts: set[tuple[str, ...]] = set()
    for phrase in data_lines("masthead_roles.txt"):
        words = _words(phrase)
        parts.add(words)
        for a in range(len(words)):
            for b in range(a + ROLE_PART_MIN_WORDS, len(words) + 1):
                parts.add(words[a:b])
    return frozenset(parts)


def masthead_role(text: str) -> bool:
    """``text`` is a masthead role alone on its line (or part of one broken over two lines)."""
    return _role_key(" ".join(_words(text)))


def _role_key(key: str) -> bool:
    """The line whose key (its normalized words joined by spaces) is ``key`` is a role line."""
    return bool(key) and len(key) <= NAME_MAX_CHARS * 2 and tuple(key.split()) in _role_parts()


def _name_shaped(text: str) -> bool:
    t = text.strip()
    return (0 < len(t) <= NAME_MAX_CHARS and len(t.split()) <= NAME_MAX_WORDS
            and not any(ch.isdigit() for ch in t) and _NAME_END_RE.search(t) is None)


def mark_masthead(texts: Sequence[str], keys: Sequence[str], flags: list[bool]) -> None:
    """Flag the role lines of a masthead and the name under each (the line right after a role
    line, or after a role broken over two lines), when that line is shaped as a name.  ``keys``
    are the lines' normalized words joined by spaces (:func:`bicorpus.layout_units.line_key`)."""
    n = len(texts)
    roles = [_role_key(k) for k in keys]
    for i in range(n):
        if not roles[i]:
            continue
        flags[i] = True
        j = i + 1
        if j < n and not roles[j] and _name_shaped(texts[j]):
            flags[j] = True
