"""An Arabic page whose headline is its first line, written as a sentence: closed by a full stop or
an exclamation mark, or with two parts joined by ``..`` (``مقاتلون يهاجمون فندقًا في مقديشو مما أسفر
عن مقتل 20 شخصًا.``), right above a much longer first paragraph.  Such a line is read as a paragraph
by its punctuation; at the top of the page, over the story, it is the title.  Words that open a
story's first sentence rather than a headline are data (``data/arabic_lead_openers.txt``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Protocol

from .data import data_lines
from .normalize import normalize_text

#: Length of such a headline, its words, and how much longer the paragraph under it is.
HEADLINE_MIN_CHARS = 30
HEADLINE_MAX_CHARS = 170
HEADLINE_MIN_WORDS = 5
LEAD_RATIO = 1.5
LEAD_MIN_CHARS = 200
#: At most this many lines above it: a date, a bullet, a label (a wire's "<city>-<agency>" line
#: above means the story has begun).
MAX_ABOVE = 1

_WORD_RE = re.compile(r"\w+")
#: A full stop closing one sentence inside the line, another starting (not the ``..`` of a headline).
_STOP_INSIDE_RE = re.compile(r"(?<![.\d])\.(?!\.)\s+\w")


class _Line(Protocol):
    text: str
    lang: str
    date: str | None
    date_in: str | None
    date_lead: str | None
    caption: bool
    bullet: bool
    label: bool
    nav: bool


@cache
def _openers() -> frozenset[str]:
    return frozenset(normalize_text(w) for w in data_lines("arabic_lead_openers.txt"))


def arabic_sentence_headline(units: Sequence[_Line], lang: str, zone: Sequence[int],
                             kept_paras: Sequence[int]) -> int | None:
    """The first kept paragraph of an Arabic page with no title, when it is a short one-sentence
    headline (see the module) right above a much longer paragraph; its index, else None."""
    if (lang != "ar" or len(kept_paras) < 2 or len(zone) > MAX_ABOVE
            or kept_paras[1] != kept_paras[0] + 1):
        return None
    u, lead = units[kept_paras[0]], units[kept_paras[1]]
    if any(not (units[i].date or units[i].date_in or units[i].bullet or units[i].label or units[i].nav)
           for i in zone):
        return None
    t = u.text.strip()
    if (not HEADLINE_MIN_CHARS <= len(t) <= HEADLINE_MAX_CHARS or u.lang != "ar"
            or u.date or u.date_in or u.date_lead or u.caption
            or any(ch in t for ch in "،؛;") or t.endswith((":", "،", ","))
            or _STOP_INSIDE_RE.search(t) is not None
            or len(_WORD_RE.findall(t)) < HEADLINE_MIN_WORDS
            or len(lead.text) < max(LEAD_MIN_CHARS, LEAD_RATIO * len(t))):
        return None
    words = normalize_text(t).split()
    if not words or words[0].strip("*•-–") in _openers():
        return None
    return kept_paras[0]


@cache
def _read_more_re() -> re.Pattern[str]:
    cues = sorted((re.escape(normalize_text(c)) for c in data_lines("read_more_cues.txt")),
                  key=len, reverse=True)
    return re.compile(rf"(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*(?:{'|'.join(cues)})\W*$")


def read_more_teaser(text: str) -> bool:
    """A listed story's teaser: cut with an ellipsis and closed by its "read more" link
    (``… Somehow they think… Continue Reading``, ``… اقرأ المزيد``; ``data/read_more_cues.txt``)."""
    return _read_more_re().search(normalize_text(text.rstrip())) is not None
