"""Asides the text carries that are no part of it, known by their shape and place: an agency's
closing mark under the last paragraph, photo credits and picture labels without a cue word, calls
to follow the site on a social network, headlines closed by a "read more" link, a paper's keywords.

The rules read plain lines (``texts``), which lines are paragraphs (``para``) and the boilerplate
flags found so far (``flags``, marked in place); the patterns are data (``data/closing_marks.txt``,
``data/credit_shapes.txt``, ``data/aside_openings.txt``, ``data/aside_endings.txt``)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from .data import data_pattern
from .normalize import normalize_text

#: Short lines whose tests are remembered (as the layout remembers their features).
LINE_MEMO_SIZE = 4096
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


def mark_asides(texts: Sequence[str], para: Sequence[bool], flags: list[bool]) -> None:
    """Flag the asides of the article's lines (``texts``) in ``flags``, in one pass over the lines
    not flagged yet: closing marks under the last paragraph, credit shapes and aside lines."""
    last = next((i for i in range(len(texts) - 1, -1, -1) if para[i] and not flags[i]), len(texts))
    for i, text in enumerate(texts):
        if flags[i] or len(text) > CREDIT_SHAPE_MAX_CHARS:
            continue
        closing, aside = _line_asides(text)
        if aside or (closing and i > last):
            flags[i] = True


@lru_cache(maxsize=LINE_MEMO_SIZE)
def _line_asides(text: str) -> tuple[bool, bool]:
    """Whether ``text`` is a closing mark, and whether it is a credit shape or an aside line,
    remembered: a site's furniture repeats from page to page."""
    norm = normalize_text(text)
    return closing_mark(text, norm), credit_shape(text, norm) or aside_line(text, norm)


def closing_mark(text: str, norm: str) -> bool:
    """A news agency's closing mark alone on its line (``انتهى/``, ``(هـ ن)``:
    ``data/closing_marks.txt``), read under the last paragraph only; ``norm`` is the normalized
    ``text``."""
    return len(text) <= CLOSING_MARK_MAX_CHARS and data_pattern("closing_marks.txt").search(norm) is not None


def credit_shape(text: str, norm: str) -> bool:
    """A photo credit by its shape alone (``Image/CIA``, ``… Photo by Y. Ubleman``), or a picture's
    label alone (``أرشيفية``, ``File photo``): ``data/credit_shapes.txt``."""
    if (len(text) > PICTURE_LABEL_MAX_CHARS and "/" not in norm and "photo" not in norm
            and "image" not in norm and "picture" not in norm and "صور" not in norm):
        return False  # every longer shape holds one of these: other lines are not read for nothing
    return data_pattern("credit_shapes.txt").search(norm) is not None


def aside_line(text: str, norm: str) -> bool:
    """A line that is furniture wherever it stands: a call to follow the site on a social network
    or a paper's keywords opening it (``data/aside_openings.txt``), a "read more" link closing a
    headline (``data/aside_endings.txt``)."""
    return len(text) <= ASIDE_LINE_MAX_CHARS and (
        data_pattern("aside_openings.txt").match(norm) is not None
        or data_pattern("aside_endings.txt").search(norm[-ASIDE_ENDING_CHARS:]) is not None)
