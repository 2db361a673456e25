"""A site's clock written with an ordinal day: today's date in a theme's header.

News and blog themes print today's date at the top of every page with its weekday and an ordinal
day (``Tue. Sep 26th, 2023``, ``Friday February 23rd, 2024``, ``Thursday, 13th of June 2024``).
A page's own dateline names its day without the weekday (``27th February 2022``, ``August 25th
2016``) or as a plain number (``Tuesday, September 26, 2023``): the weekday and the ordinal
together, alone on a short line, are the site's clock, however near the headline it stands.
Its day dates the visit, not the page."""

from __future__ import annotations

import re
from functools import cache

from .dates import weekday_names

#: Longest clock line.
CLOCK_MAX_CHARS = 45

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_ORDINAL = r"\d{1,2}(?:st|nd|rd|th)"


@cache
def _clock_re() -> re.Pattern[str]:
    days = "|".join(re.escape(d) for d in sorted(weekday_names(), key=len, reverse=True) if d.isascii())
    return re.compile(
        rf"^(?:{days})\.?,?\s+(?:{_MONTH}\s+{_ORDINAL}|{_ORDINAL}\s+(?:of\s+)?{_MONTH}),?\s+\d{{4}}$",
        re.IGNORECASE,
    )


def ordinal_clock(text: str) -> bool:
    """True for a line that is only a weekday and a day with an ordinal suffix (``Tue. Sep 26th,
    2023``): the site's clock, not a dateline."""
    line = text.strip(" •*·|-–—")
    return len(line) <= CLOCK_MAX_CHARS and _clock_re().match(line) is not None
