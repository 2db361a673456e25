"""A news photo's caption as the wire agencies write it, long or closed by its credit.

Two shapes, read on one line:

* the caption sentence first: someone doing something in the present tense, closing on the place
  and day the picture was taken, the comma before the day left out as the agencies do
  (``… casts his ballot at a polling station in Istanbul, Turkey June 24, 2018.``), then nothing,
  the photographer's credit (``… 2018. / AFP / NAME``, ``… 2016. NAME/Handout via Reuters``) or a
  few sentences of background (``… 2018. Last week, …  (AP Photo/NAME)``).  The text names the day
  after ``on`` and in the past tense; caption verbs: ``data/caption_verbs.txt``;
* any line closing on a photo credit after a separator or in brackets (``… الجديدة - تصوير
  رويترز``, ``… في عرسال- أرشيف``, ``… Red Sea [image source: NAME]``, ``… 2015. (NAME/Anadolu
  Agency/Getty Images)``, ``… 2015. Credit: Reuters``): ``data/caption_credit_endings.txt``."""

from __future__ import annotations

import re
from functools import cache

from .data import data_lines, data_pattern
from .normalize import normalize_text

#: Longest line read as a wire caption (a caption with two or three sentences of background).
WIRE_CAPTION_MAX_CHARS = 600
#: Longest caption sentence before its day.
CAPTION_SENTENCE_MAX_CHARS = 300
#: How many last characters of a line are read for a credit closing it.
CREDIT_ENDING_CHARS = 90

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
#: The day closing the caption sentence: after a comma, or after a capitalized place name with no
#: comma (``in Istanbul, Turkey June 24, 2018.``); a weekday may stand before it.
_DAY_RE = re.compile(
    rf"(,\s*|(?<=[a-z])\s+)(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s*)?{_MONTH}\s+\d{{1,2}},\s*\d{{4}}"
    r"(?:\.|$)"
)
_LAST_WORD_RE = re.compile(r"(\S+)$")
_YEAR_RE = re.compile(r"\d, ?\d{4}")
_WORD_RE = re.compile(r"[^\W_]+")


@cache
def _verbs() -> tuple[frozenset[str], tuple[str, ...]]:
    lines = data_lines("caption_verbs.txt")
    return frozenset(w for w in lines if " " not in w), tuple(f" {w} " for w in lines if " " in w)


def caption_sentence_first(text: str) -> bool:
    """A line opening with a present-tense caption sentence that closes on the picture's place and
    day (the comma before the day may be left out), whatever follows it."""
    if len(text) > WIRE_CAPTION_MAX_CHARS or not text[:1].isupper() or not _YEAR_RE.search(text):
        return False
    m = _DAY_RE.search(text, 0, CAPTION_SENTENCE_MAX_CHARS + 40)
    if m is None:
        return False
    before = text[: m.start()]
    if "," not in m.group(1):
        last = _LAST_WORD_RE.search(before)
        if last is None or not last.group(1)[:1].isupper():
            return False  # no comma: the day must follow a place name ("in Istanbul, Turkey June 24")
    if re.search(r"[.!?]\s", before) or re.search(r"\bon\s*$", before.lower()):
        return False  # more than one sentence before the day, or the text's "on May 6, 2018"
    words, phrases = _verbs()
    lowered = before.lower()
    return not words.isdisjoint(_WORD_RE.findall(lowered)) or any(p in f" {lowered} " for p in phrases)


#: Every credit ending holds one of these (lower case, before or after normalizing): other lines
#: are not read for nothing.
_CREDIT_HINTS = ("/", "credit", "photo", "image", "picture", "file", "archive", "handout", "map", "video",
                 "تصوير", "عدس", "رشيف", "صور")


def credit_closing(norm: str) -> bool:
    """A line closing on a photo credit after a separator or in brackets
    (``data/caption_credit_endings.txt``); ``norm`` is the normalized line, or its last
    :data:`CREDIT_ENDING_CHARS` characters or more."""
    tail = norm[-CREDIT_ENDING_CHARS:]
    if not any(h in tail for h in _CREDIT_HINTS):
        return False
    return data_pattern("caption_credit_endings.txt").search(tail) is not None


def wire_caption(text: str, norm: str | None = None) -> bool:
    """Either shape of a wire photo's caption (module docstring), on a line of at most
    :data:`WIRE_CAPTION_MAX_CHARS`; ``norm`` is the normalized ``text`` (only its end is read:
    a paragraph's tail is normalized alone when not given)."""
    if len(text) > WIRE_CAPTION_MAX_CHARS:
        return False
    if caption_sentence_first(text):
        return True
    if norm is None:
        raw = text[-2 * CREDIT_ENDING_CHARS:]
        lowered = raw.lower()
        if not any(h in lowered for h in _CREDIT_HINTS):
            return False
        norm = normalize_text(raw)
    return credit_closing(norm)
