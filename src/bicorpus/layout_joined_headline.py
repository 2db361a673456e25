"""An Arabic headline in parts joined by two dots (``بعد 4 أشهر على زيارة الحكومة إلى طرطوس..
مشاريع أنجزت.. وأخرى على الطريق``, ``مصائب قوم عند قوم فوائد.. الزلزال يُفيد …``): the joins are
no sentence ends, so such a line, 120 characters or more, is not running text by them alone.  Text
of that length has commas; a headline has none."""

from __future__ import annotations

import re

#: The two dots joining a headline's parts (an ellipsis has three), perhaps after its cry (``!..``).
_JOIN_RE = re.compile(r"[!?؟]?(?<!\.)\.\.(?!\.)")
_ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064a]")
#: Marks of running text: commas and semicolons.
_CLAUSE_MARKS = ("،", ",", "؛", ";")


def joined_headline(text: str, inner_end: re.Pattern[str]) -> bool:
    """``text`` is an Arabic line without commas whose only sentence ends inside (``inner_end``)
    are the two dots joining a headline's parts."""
    if ".." not in text or any(mark in text for mark in _CLAUSE_MARKS):
        return False
    if _ARABIC_LETTER_RE.search(text) is None:
        return False
    return inner_end.search(_JOIN_RE.sub(" -", text)) is None
