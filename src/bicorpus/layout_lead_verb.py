"""An Arabic story's lead under its headline, not its standfirst: Arabic news opens its first
sentence verb first, in the past tense (``قتل خمسة جنود …``, ``أكد وزير المالية …``, ``أفاد
مصدر …``), where a standfirst summing the story up opens on its subject or a present tense
(``الخطة تشمل …``, ``يناقش المجلس …``).  An Arabic line of a paragraph's length opening on
one of these verbs (``data/arabic_lead_verbs.txt``, with or without the conjunction و/ف) is the
text's first paragraph, never the standfirst."""

from __future__ import annotations

import re
from functools import cache

from .data import data_lines
from .normalize import normalize_text

#: Shortest such line (characters): a shorter one may be a headline-shaped summary.
LEAD_MIN_CHARS = 100

_FIRST_WORD_RE = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u064b-\u0652]+")


@cache
def _verbs() -> frozenset[str]:
    return frozenset(normalize_text(w) for w in data_lines("arabic_lead_verbs.txt"))


def arabic_lead_verb(text: str) -> bool:
    """Whether ``text`` is an Arabic paragraph opening, verb first, on a past-tense lead verb."""
    t = text.lstrip()
    if len(t) < LEAD_MIN_CHARS or not ("\u0621" <= t[:1] <= "\u064a"):
        return False
    m = _FIRST_WORD_RE.match(t)
    if m is None:
        return False
    word = normalize_text(m.group())
    verbs = _verbs()
    return word in verbs or (word[:1] in ("و", "ف") and word[1:] in verbs)
