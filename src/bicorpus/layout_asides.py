"""Asides the text carries that are no part of it, known by their shape and place: a "read also"
link in brackets, an agency's closing mark under the last paragraph, photo credits without a cue
word, and a caption that ends with the very credit given again under it.

The rules read plain lines (``texts``), which lines are paragraphs (``para``) and the boilerplate
flags found so far (``flags``, marked in place); the patterns are data (``data/closing_marks.txt``,
``data/credit_shapes.txt``, ``data/aside_patterns.txt``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

from .data import data_lines
from .normalize import normalize_text

#: Longest line read as an agency's closing mark.
CLOSING_MARK_MAX_CHARS = 24
#: Longest line read as a bracketed aside (a link's headline in brackets).
ASIDE_MAX_CHARS = 250
#: Longest line read for a photo credit's shape (a caption with its credit).
CREDIT_SHAPE_MAX_CHARS = 300
#: Longest line read for an aside's pattern (a headline with its "read more" link).
ASIDE_LINE_MAX_CHARS = 200
#: Longest picture label alone on its line (``صورة أرشيفية``, ``File photo``).
PICTURE_LABEL_MAX_CHARS = 24
#: Shortest credit a caption must end with to be read as the caption of the credit under it.
REPEATED_CREDIT_MIN_CHARS = 10

_OPENERS = "([["
_CLOSERS = {"(": ")", "[": "]"}
#: Words a bracketed aside holds: a number in brackets (``(2)``) heads a part of the text.
_WORDS_RE = re.compile(r"[^\W\d_]{2,}")
#: The words a photo credit holds, besides a slash (``AP Photo/…``).
_CREDIT_WORD_RE = re.compile(r"\b(photo|image|picture|credit|صوره|تصوير)\b")


@cache
def _closing_marks() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in data_lines("closing_marks.txt")), re.IGNORECASE)


@cache
def _aside_patterns() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in data_lines("aside_patterns.txt")), re.IGNORECASE)


@cache
def _credit_shapes() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in data_lines("credit_shapes.txt")), re.IGNORECASE)


def mark_asides(texts: Sequence[str], para: Sequence[bool], flags: list[bool],
                is_cue: Callable[[str], bool]) -> None:
    """Flag the asides of the article's lines (``texts``) in ``flags``; ``is_cue`` tells a line
    of links or cues (``Read also: …``) as the layout knows them."""
    mark_bracketed_cues(texts, flags, is_cue)
    mark_closing_marks(texts, para, flags)
    mark_credit_shapes(texts, flags)
    mark_captions_with_credit(texts, flags)
    mark_aside_lines(texts, flags)


def _unbracketed(text: str) -> str | None:
    """The inside of a line wholly in round or square brackets (a full stop may close it)."""
    text = text.rstrip(" .")
    if len(text) < 3 or text[0] not in _CLOSERS or text[-1] != _CLOSERS[text[0]]:
        return None
    inner = text[1:-1].strip()
    return inner if _WORDS_RE.search(inner) and inner[0] not in _OPENERS else None


def mark_bracketed_cues(texts: Sequence[str], flags: list[bool], is_cue: Callable[[str], bool]) -> None:
    """A line wholly in brackets whose inside is a cue line (``(Read also: <headline>).``,
    ``(اقرأ أيضا: …)``): the link to another story, set inside the text."""
    for i, text in enumerate(texts):
        if flags[i] or len(text) > ASIDE_MAX_CHARS or text[:1] not in _CLOSERS:
            continue
        inner = _unbracketed(text)
        if inner is not None and is_cue(inner):
            flags[i] = True


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


def mark_captions_with_credit(texts: Sequence[str], flags: list[bool]) -> None:
    """A line ending with the photo credit given again alone on the line under it (``… was shot
    dead Wednesday. (AP Photo/Mahmoud Illean)`` / ``(AP Photo/Mahmoud Illean)``): the caption of
    that photo, however long."""
    for i in range(len(texts) - 1):
        credit = texts[i + 1].strip()
        if (flags[i] or not flags[i + 1] or len(credit) < REPEATED_CREDIT_MIN_CHARS
                or len(texts[i]) <= len(credit) or not texts[i].rstrip().endswith(credit)):
            continue
        if "/" in credit or _CREDIT_WORD_RE.search(normalize_text(credit)):
            flags[i] = True


def mark_aside_lines(texts: Sequence[str], flags: list[bool]) -> None:
    """A line that is furniture wherever it stands (``data/aside_patterns.txt``): a call to follow
    the site on a social network, a headline closed by its "read more" link, a paper's keywords."""
    for i, text in enumerate(texts):
        if (not flags[i] and len(text) <= ASIDE_LINE_MAX_CHARS
                and _aside_patterns().search(normalize_text(text))):
            flags[i] = True
