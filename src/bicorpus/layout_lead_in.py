"""Short lines that introduce the boilerplate line under them: a blog's subscription box opens with
``Discover more from <site>`` (``اكتشاف المزيد من <site>``) over its ``Subscribe …`` prompt.  The
patterns are data (``data/lead_in_patterns.txt``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .data import data_lines
from .normalize import normalize_text

#: Longest line that may introduce the boilerplate under it.
LEAD_IN_MAX_CHARS = 80


@cache
def _lead_in_re() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in data_lines("lead_in_patterns.txt")), re.I)


def lead_in_line(text: str) -> bool:
    """A short line of :func:`_lead_in_re`."""
    return len(text) <= LEAD_IN_MAX_CHARS and _lead_in_re().match(normalize_text(text)) is not None


def mark_lead_ins(texts: Sequence[str], flags: list[bool]) -> None:
    """Flag each lead-in line whose next line is flagged."""
    for i in range(len(texts) - 1):
        if not flags[i] and flags[i + 1] and lead_in_line(texts[i]):
            flags[i] = True
