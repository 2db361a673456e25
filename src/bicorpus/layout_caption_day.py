"""A photo caption closing on the day the picture was taken.

A caption says what someone is doing in the picture, in the present tense (``… Abbas speaks
during a conference at the Arab League headquarters in Cairo, Feb. 12, 2023``, ``… يلقي كلمة في
مؤتمر بروكسل التاسع حول سوريا، ١٧ مارس ٢٠٢٥.``), and closes on the day after a comma.  The text
tells the same in the past tense, or names the day after ``on`` (``… on Thursday, June 22, 2023.``:
no caption verb).  Caption verbs: ``data/caption_verbs.txt``."""

from __future__ import annotations

import re
from functools import cache

from .data import data_lines

#: How far from the line's end the closing day is looked for.
DAY_TAIL_CHARS = 40
#: Longest caption line.
CAPTION_MAX_CHARS = 300

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DAY_END_RE = re.compile(
    rf",\s*(?:{_MONTH}\s+\d{{1,2}},\s*\d{{4}}|\d{{1,2}}\s+[^\W\d_]{{3,9}}\.?\s+\d{{4}}|{_MONTH}\s+\d{{4}})\.?$"
)
_WORD_RE = re.compile(r"[^\W_]+")


@cache
def _verbs() -> tuple[frozenset[str], tuple[str, ...]]:
    """Single caption verbs, and the two-word ones as phrases."""
    lines = data_lines("caption_verbs.txt")
    return frozenset(w for w in lines if " " not in w), tuple(f" {w} " for w in lines if " " in w)


def caption_with_day(norm: str) -> bool:
    """True for a normalized line (``normalize_text``) that is a present-tense caption closing on a
    day after a comma, one sentence long."""
    if len(norm) > CAPTION_MAX_CHARS or (not norm[-1:].isdigit() and not norm.endswith(".")):
        return False
    m = _DAY_END_RE.search(norm, max(0, len(norm) - DAY_TAIL_CHARS))
    if m is None:
        return False
    before = norm[: m.start()]
    if any(ch in before for ch in ".!?"):
        return False
    words, phrases = _verbs()
    if not words.isdisjoint(_WORD_RE.findall(before)):
        return True
    padded = f" {before} "
    return any(p in padded for p in phrases)
