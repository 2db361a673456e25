"""Stage 2 of ingest: the page's date.  :func:`_pick_date` picks the line giving the article's date
(the dateline nearest the first paragraph, else a date opening, ending or anywhere among the first
lines), and beside it the rules that keep a date from being the page's (an author's update note, an
item of a list of dated stories, the site's clock above the title or in two calendars, the item
dates of a listing) and the page-level sources of a date (the first line's stamp, a timestamp early
in the first line).
"""

from __future__ import annotations

import re
from functools import cache

from .data import data_lines
from .dates import find_date_normalized, weekday_names
from .layout_boilerplate import (
    _CLOCK_RE,
    _STAMP_RE,
    DAY_ISO_CHARS,
    _clock_in_two_calendars,
)
from .layout_shape import is_paragraph
from .layout_units import (
    _WORD_RE,
    PARAGRAPH_MIN_CHARS,
    SHAPE_MAX_CHARS,
    Unit,
)
from .normalize import normalize_text


def _stamped_day(units: list[Unit]) -> str | None:
    """The day a page's first line is stamped with (``date 2024-09-12 …``, the page's own metadata
    written before its text): the page's date, whatever the line goes on with (a caption, a
    widget's label)."""
    m = _STAMP_RE.match(units[0].text) if units else None
    return m.group(1) if m else None


def _page_day(date: str | None) -> str | None:
    """A page's date is a day: a month alone (``Month: September 2014``, ``NOVEMBER 2021 UPDATE``,
    an infobox's span) dates something else."""
    return date if date and len(date) == DAY_ISO_CHARS else None


#: How far into the page's first line a day stamped with its time of day is read as the page's.
OPENING_STAMP_CHARS = 300
_TIME_AFTER_RE = re.compile(r"[\s,،]*(?:at\s+|في\s+|الساعة\s+)?\d{1,2}:\d{2}(?!\d)")
_CLOCK_TIME_RE = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")


def _opening_timestamp(units: list[Unit]) -> str | None:
    """The day of a timestamp (a day right followed by its time of day: ``May 22, 2025, 1:07 PM``,
    ``الأحد، 24 أغسطس 2025 09:08 ص``) early in the page's first line, on a page that gives no date
    otherwise: a page run together into one line (byline, stamp and story: ``By <name> May 22,
    2025, 1:07 PM Reuters …``) or a headline run on into ``Updated: 06 Dec 2022, 12:10 PM IST``.
    A first line that is a dateline or the site's clock had its say already."""
    if not units or units[0].date or not _CLOCK_TIME_RE.search(units[0].text, 0, OPENING_STAMP_CHARS):
        return None
    if _site_clock_day(units[0]):
        return None
    norm = normalize_text(units[0].text[:OPENING_STAMP_CHARS])
    at = 0
    while (found := find_date_normalized(norm[at:])) is not None:
        end = at + found.end
        if len(found.iso) == DAY_ISO_CHARS and _TIME_AFTER_RE.match(norm, end):
            return found.iso
        at = end
    return None


def _pick_date(units: list[Unit], zone: list[int], boiler: list[bool]) -> tuple[int, str] | None:
    """The unit giving the page's date, and the date: the dateline nearest the first paragraph
    above it; else a date opening one of the first lines, a dateline anywhere, or a cued date
    ending one of the first or last lines."""
    for i in reversed(zone):
        if units[i].date or units[i].date_in:
            return i, units[i].date or units[i].date_in  # type: ignore[return-value]
    n = len(units)
    for i in range(min(n, 3)):
        if units[i].date_lead and not boiler[i] and not _update_note(units[i]):
            return i, units[i].date_lead
    for i in range(n):
        if units[i].date and not boiler[i]:
            return i, units[i].date
    for i in [*range(min(n, 5)), *range(max(5, n - 3), n)]:
        if units[i].date_tail and not boiler[i] and not _dated_item(units, i):
            return i, units[i].date_tail
    for i in range(n):
        if units[i].date:  # a timestamp among the page's chrome: still the page's date
            return i, units[i].date
    return None


_NOTE_OPENING_RE = re.compile(r"^[\[(]?\s*(\w+)")


def _update_note(u: Unit) -> bool:
    """A paragraph opening with an update word and its day (``[Update 23 June 2022: this interview
    has had to be …]``, ``UPDATE, June 3: …``, ``تحديث 5 مايو: …``): an author's note on a change,
    dated by the change, not by the page's publication.  A dateline (``Updated: 06 Dec 2022``, no
    running text) is no note."""
    if not is_paragraph(u):
        return False
    m = _NOTE_OPENING_RE.match(normalize_text(u.text[:40]))
    return m is not None and m.group(1) in _update_words()


@cache
def _update_words() -> frozenset[str]:
    return frozenset(normalize_text(w) for w in data_lines("update_words.txt"))


def _dated_item(units: list[Unit], i: int) -> bool:
    """``units[i]`` closes on a date as a line next to it does: items of a list of other stories
    with their days (``- Haftar to fly to the US … - September 13, 2021`` over ``- Haftar hires …
    - September 09, 2021``), none of them the page's date."""
    return any(0 <= k < len(units) and units[k].date_tail for k in (i - 1, i + 1))


def _site_clock(units: list[Unit], zone: list[int], title_i: int | None) -> int | None:
    """The site's clock: a date with its weekday (``الأربعاء 5 فبراير 2025``, ``Thursday, March 28,
    2024 | Ramadan 17, 1445 H``) opening the page, with other chrome (a section name, the weather)
    between it and the title.  The page's own date stands right above or under its headline; the
    clock gives today's date, not the article's."""
    if title_i is None or not zone or title_i < 2:
        return None
    at = _clock_line(units, zone, title_i)
    if at is None:
        return None
    u = units[at]
    if not (u.date or u.date_in) or not _has_weekday(u.text):
        return None
    between = range(at + 1, title_i)  # chrome already dropped counts too ("Download the app")
    if not between or any(units[k].date or units[k].date_in or units[k].page_byline for k in between):
        return None
    return at


#: The site's clock stands among the first lines of the page, under at most this many lines of chrome.
CLOCK_MAX_LINE = 2


def _clock_line(units: list[Unit], zone: list[int], title_i: int) -> int | None:
    """Where a site's clock may stand: the page's first line, or a line under a little short chrome
    (a logo's alt text, the site's name) holding no date, above the title."""
    for k in range(min(CLOCK_MAX_LINE, title_i - 1) + 1):
        u = units[k]
        if u.date or u.date_in:
            return k if k in zone else None
        if len(u.text) >= PARAGRAPH_MIN_CHARS or u.page_byline:
            return None
    return None


def _has_weekday(text: str) -> bool:
    names = weekday_names()
    return any(w in names for w in _WORD_RE.findall(normalize_text(text)))


#: A page with datelines of at least this many different days is a listing of dated items.
LISTING_MIN_DAYS = 3


def _listing_day(units: list[Unit], boiler: list[bool], at: int) -> bool:
    """The dateline a page's date was read from is one of the item dates of a listing (a program's
    or tag page's posts, each with its own day, or a timeline of dated entries): datelines of
    :data:`LISTING_MIN_DAYS` different days or more kept on the page; none of them is the page's."""
    if not units[at].date:
        return False
    days = {u.date for u, b in zip(units, boiler, strict=True) if u.date and not b}
    return len(days) >= LISTING_MIN_DAYS


def _site_clock_day(u: Unit) -> bool:
    """The line a page's date was read from is the site's clock in two calendars (today's date, the
    time of day and the Hijri date: ``الخميس 28 مارس 2024 10:05 مـ 18 رمضان 1445 هـ``), found
    anywhere on a page with no dateline of its own: it dates the visit, not the page."""
    return (len(u.text) <= SHAPE_MAX_CHARS and _CLOCK_RE.search(u.text) is not None
            and _clock_in_two_calendars(normalize_text(u.text)))
