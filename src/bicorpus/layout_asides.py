"""Asides the text carries that are no part of it, known by their shape and place: an agency's
closing mark under the last paragraph, photo credits and picture labels without a cue word, calls
to follow the site on a social network, headlines closed by a "read more" link, a paper's keywords.

The rules read plain lines (``texts``), which lines are paragraphs (``para``) and the boilerplate
flags found so far (``flags``, marked in place); the patterns are data (``data/closing_marks.txt``,
``data/credit_shapes.txt``, ``data/aside_openings.txt``, ``data/aside_endings.txt``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .data import data_lines
from .normalize import normalize_text

#: Longest line read as an agency's closing mark.
CLOSING_MARK_MAX_CHARS = 24
#: Longest line read for a photo credit's shape (a caption with its credit).
CREDIT_SHAPE_MAX_CHARS = 300
#: Longest line read for an aside's pattern (a headline with its "read more" link).
ASIDE_LINE_MAX_CHARS = 200
#: How many last characters of a line are read for an aside's ending (``… قراءة المزيد »``).
ASIDE_ENDING_CHARS = 40
#: Longest picture label alone on its line (``صورة أرشيفية``, ``File photo``).
PICTURE_LABEL_MAX_CHARS = 24


@cache
def _closing_marks() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in data_lines("closing_marks.txt")), re.IGNORECASE)


@cache
def _aside_openings() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in data_lines("aside_openings.txt")), re.IGNORECASE)


@cache
def _aside_endings() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in data_lines("aside_endings.txt")), re.IGNORECASE)


@cache
def _credit_shapes() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in data_lines("credit_shapes.txt")), re.IGNORECASE)


def mark_asides(texts: Sequence[str], para: Sequence[bool], flags: list[bool]) -> None:
    """Flag the asides of the article's lines (``texts``) in ``flags``."""
    mark_closing_marks(texts, para, flags)
    mark_credit_shapes(texts, flags)
    mark_aside_lines(texts, flags)


def mark_closing_marks(texts: Sequence[str], para: Sequence[bool], flags: list[bool]) -> None:
    """Under the last paragraph, a news agency's closing mark alone on its line (``انتهى/``,
    ``(هـ ن)``: ``data/closing_marks.txt``)."""
    last = next((i for i in range(len(texts) - 1, -1, -1) if para[i] and not flags[i]), None)
    if last is None:
        return
    for i in range(last + 1, len(texts)):
        text = texts[i]
        if (not flags[i] and len(text) <= CLOSING_MARK_MAX_CHARS
                and _closing_marks().search(normalize_text(text))):
            flags[i] = True


def mark_credit_shapes(texts: Sequence[str], flags: list[bool]) -> None:
    """A photo credit by its shape alone (``Image/CIA``, ``… Photo by Y. Ubleman``), or a picture's
    label alone (``أرشيفية``, ``File photo``): ``data/credit_shapes.txt``."""
    for i, text in enumerate(texts):
        if flags[i] or len(text) > CREDIT_SHAPE_MAX_CHARS:
            continue
        low = text.lower()
        if (len(text) > PICTURE_LABEL_MAX_CHARS and "/" not in text and "photo" not in low
                and "image" not in low and "picture" not in low and "صور" not in text):
            continue  # every longer shape holds one of these: other lines are not read for nothing
        if _credit_shapes().search(normalize_text(text)):
            flags[i] = True


def mark_aside_lines(texts: Sequence[str], flags: list[bool]) -> None:
    """A line that is furniture wherever it stands: a call to follow the site on a social network
    or a paper's keywords opening it (``data/aside_openings.txt``), a "read more" link closing a
    headline (``data/aside_endings.txt``)."""
    openings, endings = _aside_openings(), _aside_endings()
    for i, text in enumerate(texts):
        if flags[i] or len(text) > ASIDE_LINE_MAX_CHARS:
            continue
        norm = normalize_text(text)
        if openings.match(norm) or endings.search(norm[-ASIDE_ENDING_CHARS:]):
            flags[i] = True
