"""Dates written in Arabic or English, turned into ISO dates.

Handles Egyptian (أبريل) and Levantine (نيسان) month names, both together (يوليو/تموز,
نيسان (أبريل)), Maghrebi names (أفريل), English names and abbreviations, Arabic-Indic digits,
the Arabic comma, an optional weekday, and numeric forms (2017-04-12, 12/04/2017 read day
first).  A day and month with no year is not a date.  ``April 2017`` gives ``2017-04``.

Matching runs on the normalized text (:func:`bicorpus.normalize.normalize_text`), so the month
table in ``data/months.tsv`` lists only genuinely different spellings.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import cache

from .data import data_lines, data_pairs
from .normalize import normalize_text

#: Years accepted as plausible publication years.
MIN_YEAR, MAX_YEAR = 1900, 2100


@dataclass(frozen=True)
class DateMatch:
    """A date found in a text: ISO value and the span of the match in the *normalized* text."""

    iso: str
    start: int
    end: int


@cache
def month_table() -> dict[str, int]:
    """Normalized month name → month number."""
    return {normalize_text(name): int(month) for name, month in data_pairs("months.tsv")}


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    names = sorted(month_table(), key=len, reverse=True)
    month = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    # One month name, optionally followed by a second spelling: "يوليو/تموز", "نيسان (ابريل)".
    mon = rf"(?P<mon>{month})\.?(?:\s*[/\-(]\s*(?:{month})\.?\s*\)?)?"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?P<year>\d{4})"
    sep = r"\s*[,]?\s*"
    edge_l, edge_r = r"(?<![\w])", r"(?![\w])"
    return (
        re.compile(rf"{edge_l}(?P<year>\d{{4}})[-/.](?P<mnum>\d{{1,2}})[-/.](?P<day>\d{{1,2}}){edge_r}"),
        re.compile(rf"{edge_l}(?P<day>\d{{1,2}})[-/.](?P<mnum>\d{{1,2}})[-/.](?P<year>\d{{4}}){edge_r}"),
        re.compile(rf"{edge_l}{day}(?:\s*|-)(?:of\s+)?{mon}(?:{sep}|-){year}{edge_r}"),
        re.compile(rf"{edge_l}{mon}\s*{day}{sep}{year}{edge_r}"),
        re.compile(rf"{edge_l}(?<!\d\s)(?<!\d){mon}{sep}{year}{edge_r}"),  # not after a (bad) day
    )


@cache
def weekday_names() -> frozenset[str]:
    """Normalized weekday names (English and Arabic)."""
    return frozenset(normalize_text(w) for w in data_lines("weekdays.txt"))


def _iso(year: int, month: int, day: int | None) -> str | None:
    if not MIN_YEAR <= year <= MAX_YEAR or not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _to_iso(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    year = int(groups["year"])
    if groups.get("mnum") is not None:
        month = int(groups["mnum"])
    else:
        month = month_table()[re.sub(r"\s+", " ", groups["mon"])]
    day = int(groups["day"]) if groups.get("day") is not None else None
    return _iso(year, month, day)


def find_date_normalized(norm: str) -> DateMatch | None:
    """First date in an already normalized text (most specific pattern wins at equal position)."""
    best: DateMatch | None = None
    for pattern in _patterns():
        for m in pattern.finditer(norm):
            iso = _to_iso(m)
            if iso is None:
                continue
            if best is None or m.start() < best.start or (m.start() == best.start and m.end() > best.end):
                best = DateMatch(iso, m.start(), m.end())
            break
    return best


def find_date(text: str) -> DateMatch | None:
    """First date in ``text`` (any script); the span refers to ``normalize_text(text)``."""
    return find_date_normalized(normalize_text(text))


def parse_date(text: str) -> str | None:
    """ISO date (``YYYY-MM-DD`` or ``YYYY-MM``) of the first date in ``text``, or ``None``."""
    found = find_date(text)
    return found.iso if found else None


_FILLER_RE = re.compile(r"[\s,;:|/\-–—()\[\].·•]+")
# A time of day, with its marker: 10:30, 10:30:15 pm, 10:30 ص, 14:05 GMT.
_TIME_RE = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:am|pm|a\.m\.|p\.m\.|ص|م|gmt|utc))?(?!\w)")
_DATELINE_WORDS = frozenset(
    normalize_text(w)
    for w in ("published", "posted", "updated", "on", "date", "نشر", "نشر في", "بتاريخ", "تاريخ", "في")
)


def is_dateline(text: str, norm: str | None = None) -> str | None:
    """ISO date if ``text`` is a dateline: a date with at most a weekday and a few filler words.

    ``norm`` is ``normalize_text(text)`` when the caller has it already."""
    if len(text) > 80:
        return None
    if norm is None:
        norm = normalize_text(text)
    if not any(ch.isdigit() for ch in norm):
        return None
    found = find_date_normalized(norm)
    if found is None:
        return None
    rest = _TIME_RE.sub(" ", norm[: found.start] + " " + norm[found.end :])
    words = [w for w in _FILLER_RE.split(rest) if w]
    leftover = [w for w in words if w not in weekday_names() and w not in _DATELINE_WORDS]
    return found.iso if len(leftover) <= 1 else None
