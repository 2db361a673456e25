"""A journal article's history line: the days it was received, revised and accepted are not the
page's date; the day it was published is.  ``Received 31 March 2024`` alone is the journal's chrome
(no date); ``Received 1 March 2016; accepted 25 March 2016; published 28 March 2016`` dates the page
28 March 2016.  The cues are data (``data/journal_history.tsv``)."""

from __future__ import annotations

import re
from functools import cache

from .data import data_pairs
from .dates import find_date_normalized
from .normalize import normalize_text

#: Characters allowed between a cue and its date (a colon, "on", a space).
CUE_GAP_MAX_CHARS = 6


@cache
def _cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(cues of the days before publication at the line's start, cues of the publication day)."""
    steps: dict[str, list[str]] = {"before": [], "published": []}
    for cue, step in data_pairs("journal_history.tsv"):
        steps[step].append(re.escape(normalize_text(cue)))
    def alternation(cues: list[str]) -> str:
        return "|".join(sorted(cues, key=len, reverse=True))
    opening = re.compile(rf"^[•*\-–\s]*(?:{alternation(steps['before'])})\b")
    published = re.compile(rf"(?:^|[;,.]\s*)(?:{alternation(steps['published'])})\b")
    return opening, published


def history_date(norm: str, date: str | None) -> str | None:
    """The page's date a normalized line gives, ``date`` as read from it: unchanged unless the line
    opens on a step of a journal's history before publication (``received``, ``تاريخ القبول``) with
    its date; then the publication day the line also gives, else None."""
    if date is None:
        return None
    opening, published = _cues()
    m = opening.match(norm)
    if m is None:
        return date
    found = find_date_normalized(norm[m.end():])
    if found is None or found.start > CUE_GAP_MAX_CHARS:
        return date  # "Received 3 million dollars in aid ...": not a history line
    for cue in published.finditer(norm, m.end()):
        day = find_date_normalized(norm[cue.end():])
        if day is not None and day.start <= CUE_GAP_MAX_CHARS:
            return day.iso
    return None
