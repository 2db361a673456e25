"""Dates written in Arabic or English, turned into ISO dates.

Handles Egyptian (أبريل) and Levantine (نيسان, كانون الثاني) month names, both together
(يوليو/تموز, أيار/مايو, نيسان (أبريل)), Maghrebi names (أفريل), English names and abbreviations,
Arabic-Indic digits, the Arabic comma, an optional weekday, the era marks ``م`` and ``هـ`` (also
glued to the year: ``2016م``), and numeric forms (2017-04-12, 12/04/2017 read day first).  A day
and month with no year is not a date.  ``April 2017`` gives ``2017-04``.  Hijri dates are not
converted: a Hijri year is outside the accepted years, so in ``15 رجب 1438هـ الموافق 12 أبريل
2017م`` the Gregorian day given beside it is the date.

Matching runs on the normalized text (:func:`bicorpus.normalize.normalize_text`), so the month
table in ``data/months.tsv`` lists only genuinely different spellings.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from .data import data_lines, data_pairs
from .normalize import normalize_text

#: Years accepted as plausible publication years.
MIN_YEAR, MAX_YEAR = 1900, 2100
#: Era marks after a year, normalized: م (Gregorian), ه (هـ, Hijri).
_ERA = "(?:م|ه)"


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


# The time part of an ISO 8601 timestamp (matched on normalized, case-folded text).
_ISO_TIME = r"t\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:z|[+-]\d{2}(?::?\d{2})?)?"


@cache
def _counter_words() -> str:
    return "|".join(re.escape(normalize_text(w)) for w in data_lines("date_counter_words.txt"))


# Every date has a four-digit year: a text without four digits in a row holds none.
_FOUR_DIGITS_RE = re.compile(r"\d\d\d\d")

# A date may not follow a word character.  When a date opens with a digit, that look-behind stands
# right after the digit, not before it: a pattern that opens with a digit lets ``re`` skip to the
# digits instead of trying every place.  The matches are the same.
_DIGIT = r"\d(?<!\w\d)"  # a digit with no word character before it


def _months_alternation() -> str:
    """The month names as one alternation, tried longest first.

    The names are written as a tree of their shared beginnings (``j(?:anuary|an|une|un|uly|ul)``):
    ``re`` then tests a place's letter once, not once a name.  Names that part at one letter cannot
    both match at one place, and a name that ends where longer ones go on is the shortest of them,
    so it stays last: the same name is chosen, in the same order, as from the plain list."""
    names = sorted(month_table(), key=len, reverse=True)
    tokens = [[r"\s+" if ch == " " else re.escape(ch) for ch in name] for name in names]
    return _tree(tokens)


def _tree(names: list[list[str]]) -> str:
    """Alternation of ``names`` (each a list of regex tokens, in the order to try them) grouped by
    their first token."""
    groups: dict[str, list[list[str]]] = {}
    for name in names:
        groups.setdefault(name[0] if name else "", []).append(name[1:])
    if "" in groups:  # a name ended here: it is the shortest, so the last to try
        assert list(groups)[-1] == "", "a name ending here must be tried last"
    parts = []
    for first, rests in groups.items():
        if not first:
            parts.append("")
            continue
        if len(rests) == 1:
            parts.append(first + "".join(rests[0]))
        else:
            parts.append(f"{first}(?:{_tree(rests)})")
    return "|".join(parts)


#: What a pattern opens with: a digit with no word character before it (see ``_DIGIT``), or a month
#: name with none.
_OPENS_DIGIT, _OPENS_MONTH = "digit", "month"


@cache
def _patterns_opening() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The date patterns, most specific first, each with what it opens with."""
    month = _months_alternation()
    # One month name, optionally followed by a second spelling: "يوليو/تموز", "نيسان (ابريل)".
    second = rf"\.?(?:\s*[/\-(]\s*(?:{month})\.?\s*\)?)?"
    mon = rf"(?P<mon>{month}){second}"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?P<year>\d{4})"
    sep = r"\s*[,]?\s*"
    # After the year: nothing word-like, or the era mark م / ه (هـ normalized), glued or not.
    # An underscore may follow ("August 15, 2024_ Tribal districts …": a site's separator).
    edge_l, edge_r = r"(?<![\w])", rf"(?:\s?{_ERA}(?![^\W_])|(?![^\W_]))"
    # The first part of each pattern, with no word character before it (see _DIGIT).
    year_l = rf"(?P<year>{_DIGIT}\d{{3}})"
    day_l = rf"(?P<day>{_DIGIT}\d?)"
    patterns = (
        (rf"{year_l}[-/.](?P<mnum>\d{{1,2}})[-/.](?P<day>\d{{1,2}}){edge_r}", _OPENS_DIGIT),
        # An ISO 8601 timestamp as page metadata gives it: 2017-11-13T16:17+0000 (time included).
        (rf"{year_l}-(?P<mnum>\d{{2}})-(?P<day>\d{{2}}){_ISO_TIME}(?!\w)", _OPENS_DIGIT),
        (rf"{day_l}[-/.](?P<mnum>\d{{1,2}})[-/.]{year}{edge_r}", _OPENS_DIGIT),
        (rf"{day_l}(?:st|nd|rd|th)?(?:\s*,?\s*|\s?[-./]\s?)(?:of\s+)?{mon}(?:{sep}|\s?[-./]\s?){year}{edge_r}",
         _OPENS_DIGIT),
        (rf"{edge_l}{mon}\s*{day}{sep}{year}{edge_r}", _OPENS_MONTH),
        (rf"{edge_l}(?<!\d\s)(?<!\d){mon}{sep}{year}{edge_r}", _OPENS_MONTH),  # not after a (bad) day
        # An ISO day glued to the Arabic text after it ("2025-01-16أصدر مركز …": a stamp run into the
        # text; not "2017-11-13Tx", a timestamp's T with no time after it).
        (rf"{year_l}-(?P<mnum>\d{{2}})-(?P<day>\d{{2}})(?=[\u0621-\u064a])", _OPENS_DIGIT),
        # Spaced separators, the same twice: "16 | 02 | 2024", "16 / 02 / 2024".
        (rf"{day_l}\s+(?P<sep>[-/.|])\s+(?P<mnum>\d{{1,2}})\s+(?P=sep)\s+{year}{edge_r}", _OPENS_DIGIT),
    )
    return tuple((re.compile(pattern), opening) for pattern, opening in patterns)


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(pattern for pattern, _opening in _patterns_opening())


#: Where a date that opens with a digit may start.
_DIGIT_START_RE = re.compile(_DIGIT)


@cache
def _month_first_words() -> list[str]:
    """The first word of every month name, longest first (``كانون`` of ``كانون الثاني``)."""
    return sorted(dict.fromkeys(name.split(" ")[0] for name in month_table()), key=len, reverse=True)


@cache
def _month_start_re() -> re.Pattern[str]:
    """Where a date that opens with a month name may start: an empty match before the first word of
    a month name with no word character before it, so that every such place is found; the pattern
    at that place tells whether the whole name is there."""
    words = _tree([[re.escape(ch) for ch in word] for word in _month_first_words()])
    return re.compile(rf"(?<![\w])(?={words})")


def _month_starts(text: str, until: int | None = None) -> list[int]:
    """The places of :func:`_month_start_re` in ``text``; with ``until``, only those up to it are
    needed (the text is read no further than a first word starting there can reach)."""
    if until is None:
        return [m.start() for m in _month_start_re().finditer(text)]
    end = min(len(text), until + len(_month_first_words()[0]) + 1)
    return [m.start() for m in _month_start_re().finditer(text, 0, end)]


@cache
def _glued_counter() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A counter's word, and a date run into the counter after it: ``2 سبتمبر 2025294 مشاهدة``."""
    month = _months_alternation()
    words = _counter_words()
    return (re.compile(rf"\d\s*(?:{words})"),
            re.compile(rf"(?P<day>{_DIGIT}\d?)\s*(?P<mon>{month})\s*[,]?\s*(?P<year>\d{{4}})"
                       rf"(?=\d{{1,9}}\s*(?:{words}))"))


@cache
def weekday_names() -> frozenset[str]:
    """Normalized weekday names (English and Arabic)."""
    return frozenset(normalize_text(w) for w in data_lines("weekdays.txt"))


#: Letters a word must have before a weekday glued to it (``uaemonday``) to count as glued.
GLUED_MIN_LETTERS = 2


@cache
def _glued_weekday_re() -> re.Pattern[str]:
    days = "|".join(re.escape(d) for d in sorted(weekday_names(), key=len, reverse=True) if len(d) >= 4)
    return re.compile(rf"[^\W\d_]{{{GLUED_MIN_LETTERS}}}(?:{days})[\s,،.\-–—]*$")


def glued_weekday(norm: str, start: int) -> bool:
    """The word right before the date at ``start`` in ``norm`` (a normalized text) is a weekday
    glued to other letters (``abu dhabi, uaemonday 22 january 2018``): a site's clock beside its
    location, text of two page elements run together, not the date of an article."""
    return _glued_weekday_re().search(norm[max(0, start - 40) : start]) is not None


def _iso(year: int, month: int, day: int | None) -> str | None:
    if not MIN_YEAR <= year <= MAX_YEAR or not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


#: Months in a year: a larger number in a numeric date is its day.
MONTHS_IN_YEAR = 12


def _to_iso(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    year = int(groups["year"])
    if groups.get("mnum") is not None:
        month = int(groups["mnum"])
    else:
        month = month_table()[re.sub(r"\s+", " ", groups["mon"])]
    day = int(groups["day"]) if groups.get("day") is not None else None
    if day is not None and _month_first(m, day, month):
        day, month = month, day
    return _iso(year, month, day)


def _month_first(m: re.Match[str], day: int, month: int) -> bool:
    """A numeric date written month first, as US sites write it, where only that reading is a day:
    ``04-21-2023``, ``01/31/2021`` (the second number is above 12, the first is not).  A date that
    both readings allow (``04/05/2021``) is read day first."""
    return (m.groupdict().get("mnum") is not None and m.start("day") < m.start("mnum")
            and month > MONTHS_IN_YEAR and day <= MONTHS_IN_YEAR)


class _StartPlaces:
    """The places of a text where a date may start: a digit after no word character (found at
    once), or a month name's first word at a word's start (found when first asked for, up to
    where the first asker needs them)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.digits = [m.start() for m in _DIGIT_START_RE.finditer(text)]
        self.months: list[int] | None = None

    def of(self, opening: str, until: int | None) -> list[int]:
        """The places where a pattern that opens with ``opening`` may start."""
        if opening == _OPENS_DIGIT:
            return self.digits
        if self.months is None:
            self.months = _month_starts(self.text, until)
        return self.months


def _matches_from(pattern: re.Pattern[str], text: str, starts: list[int], until: int | None
                  ) -> Iterator[re.Match[str]]:
    """``pattern``'s matches in ``text`` as its ``finditer`` gives them, tried only at ``starts``
    (in order), none starting at ``until`` or after."""
    pos = 0
    for start in starts:
        if until is not None and start >= until:
            return
        if start < pos or (m := pattern.match(text, start)) is None:
            continue
        yield m
        pos = m.end()


def find_date_normalized(norm: str) -> DateMatch | None:
    """First date in an already normalized text (most specific pattern wins at equal position)."""
    if _FOUR_DIGITS_RE.search(norm) is None:
        return None
    best: DateMatch | None = None
    places = _StartPlaces(norm)
    # Each pattern's first match that is a real date, and only up to the best date found so far:
    # one starting later cannot be the first.
    for pattern, opening in _patterns_opening():
        until = best.start + 1 if best else None
        for m in _matches_from(pattern, norm, places.of(opening, until), until):
            iso = _to_iso(m)
            if iso is None:
                continue
            if best is None or m.start() < best.start or (m.start() == best.start and m.end() > best.end):
                best = DateMatch(iso, m.start(), m.end())
            break
    if best is None:
        cue, glued = _glued_counter()
        m = glued.search(norm) if cue.search(norm) else None
        iso = _to_iso(m) if m else None
        if m and iso:
            best = DateMatch(iso, m.start(), m.end())
    if best is None and len(norm) <= GLUED_TAIL_MAX_CHARS:
        m = _glued_tail_re().search(norm)
        iso = _to_iso(m) if m else None
        if m and iso:
            best = DateMatch(iso, m.start(), m.end())
    return best


#: A line this short may end in a date glued to the source's name before it.
GLUED_TAIL_MAX_CHARS = 60


@cache
def _glued_tail_re() -> re.Pattern[str]:
    """A full date ending a short line, glued to the word before it: a stamp run into the source's
    name (``Memri12-02-2025``, ``بانيقيا نيوز9 يناير 2026``)."""
    month = _months_alternation()
    return re.compile(rf"(?<=[^\W\d_])(?P<day>\d{{1,2}})(?:\s*(?P<mon>{month})\s*[,]?\s*"
                      rf"|[-/.](?P<mnum>\d{{1,2}})[-/.])(?P<year>\d{{4}})\s*$")


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
@cache
def _dateline_words() -> frozenset[str]:
    """Words a dateline may hold besides its date (``Published``, ``نشر في``, ``الموافق`` ...)."""
    return frozenset(normalize_text(w) for w in data_lines("dateline_words.txt"))


@cache
def _hijri_re() -> re.Pattern[str]:
    """A Hijri date (``15 رجب 1438هـ``), to be passed over when a Gregorian one is beside it."""
    names = "|".join(re.escape(normalize_text(n)).replace(r"\ ", r"\s+")
                     for n in sorted(data_lines("hijri_months.txt"), key=len, reverse=True))
    numeric = r"\d{1,2}[-/.]\d{1,2}[-/.]1[34]\d\d|1[34]\d\d[-/.]\d{1,2}[-/.]\d{1,2}"  # years 1300-1499
    return re.compile(
        rf"(?<!\w)(?:(?:\d{{1,2}}\s*)?(?:{names})\s*\d{{3,4}}|{numeric})\s?(?:ه|هجري(?:ه)?)?(?!\w)"
    )


_NO_DATE = DateMatch("", -1, -1)


def is_dateline(text: str, norm: str | None = None, found: DateMatch | None = _NO_DATE) -> str | None:
    """ISO date if ``text`` is a dateline: a date with at most a weekday and a few filler words.

    ``norm`` is ``normalize_text(text)`` and ``found`` is ``find_date_normalized(norm)`` when the
    caller has them already."""
    if len(text) > 80:
        return None
    if norm is None:
        norm = normalize_text(text)
    if found is _NO_DATE:
        if not any(ch.isdigit() for ch in norm):
            return None
        found = find_date_normalized(norm)
    if found is None:
        return None
    rest = _TIME_RE.sub(" ", norm[: found.start] + " " + norm[found.end :])
    rest = _hijri_re().sub(" ", rest)
    rest = _without_update_day(rest)
    words = [w for w in _FILLER_RE.split(rest) if w]
    leftover = [w for w in words if w not in weekday_names() and w not in _dateline_words()]
    return found.iso if len(leftover) <= 1 else None


#: Dates a dateline may hold besides the first: the day it was updated
#: (``15:51 GMT 01.04.2024 (Updated: 16:00 GMT 01.04.2024)``).
DATELINE_MAX_DATES = 2


@cache
def _update_words() -> frozenset[str]:
    return frozenset(normalize_text(w) for w in data_lines("update_words.txt"))


def _without_update_day(rest: str) -> str:
    """``rest`` (a line without its first date and times) without a second full date after an
    update word (``data/update_words.txt``): the day of an update beside the day of publication,
    not a span of days (``Active: 8 December 2016 – 18 January 2026``)."""
    for _ in range(DATELINE_MAX_DATES - 1):
        found = find_date_normalized(rest) if any(ch.isdigit() for ch in rest) else None
        if (found is None or len(found.iso) != DAY_CHARS
                or not _update_words().intersection(_FILLER_RE.split(rest[: found.start]))):
            break
        rest = rest[: found.start] + " " + rest[found.end :]
    return rest


#: Length of an ISO day (``2017-04-12``).
DAY_CHARS = 10


#: How far into a line a leading date may start, and how far before a trailing date its cue is.
LEAD_CHARS = 40
CUE_CHARS = 30
# What may stand right before a date that ends a line: a separator or a publication word.  Not a
# bare "on" or "في": "… in Saydnaya in June 2011." ends a sentence, it is not a dateline.
_CUE_RE = re.compile(
    r"(?:[|:\-–—]|\b(?:published|posted|updated|update|date)(?:\s+on)?\b"
    r"|(?<!\w)(?:نشر|نشرت|نشر في|نشرت في|بتاريخ|تاريخ|الموافق))[\s:|\-–—]*$"
)


#: Words that may come before a date opening a longer line: a label, not "on"/"في" ("On July 28,
#: 2016 the group declared …" is a sentence about that day, not the page's date).
_LEAD_WORDS = frozenset(normalize_text(w) for w in (
    "date", "published", "posted", "updated", "نشر", "نشرت", "بتاريخ", "تاريخ", "التاريخ", "النشر"))
_LEAD_LINKS = frozenset(normalize_text(w) for w in ("on", "في", ":"))


#: A date right before a dash (or an agency in brackets) opens a wire dateline after at most this
#: many words of place or agency.
WIRE_MAX_WORDS = 3
_WIRE_AFTER_RE = re.compile(r"\s*(?:[—–]|-(?![\d/.-])|\((?:[^()\d]{2,20})\)\s*[—–-])")


def leading_date(norm: str, found: DateMatch | None = _NO_DATE) -> str | None:
    """ISO date that opens a longer line after at most a few dateline words
    (``date 2025-12-07 …``, ``نشر في 3 أيار 2018 …``); ``norm`` is normalized text, ``found`` its
    first date when the caller has it already."""
    if found is _NO_DATE:
        found = find_date_normalized(norm[: LEAD_CHARS + 30])
    if found is None or found.start > LEAD_CHARS:
        return None
    words = [w for w in _FILLER_RE.split(norm[: found.start]) if w and w not in weekday_names()]
    if (_WIRE_AFTER_RE.match(norm, found.end)
            and sum(w not in _LEAD_LINKS for w in words) <= WIRE_MAX_WORDS):  # "كييف في 30 مارس 2025-"
        return found.iso  # a wire dateline: "KurdWatch, May 31, 2016—On …", "بيروت، 3 أيار 2018 – …"
    if _bracketed_wire(norm, found) or _agency_after(norm, found, words) or _colon_wire(norm, found, words):
        return found.iso
    if any(w not in _LEAD_WORDS and w not in _LEAD_LINKS for w in words):
        return None
    if words and not any(w in _LEAD_WORDS for w in words):
        return None  # "On July 28, 2016 …": a bare "on" / "في" is no label
    return found.iso


#: An agency's name in brackets right after the date, the story going on with no dash: ``تونس 19
#: ديسمبر 2022 (شينخوا) أعلن …``.
_AGENCY_AFTER_RE = re.compile(r"\s*\((?:[^()\d]{2,20})\)\s*(?=[^\W\d_])")


def _agency_after(norm: str, found: DateMatch, words: list[str]) -> bool:
    """A wire dateline without its dash: a place of at most a few words, the date, then the agency
    in brackets and the story (``تونس 19 ديسمبر 2022 (شينخوا) أعلن …``, ``Tunis 19 December 2022
    (Xinhua) The head of …``); a weekday in the brackets is no agency."""
    m = _AGENCY_AFTER_RE.match(norm, found.end)
    if m is None or not 0 < len(words) <= WIRE_MAX_WORDS:
        return False
    return not any(w in weekday_names() for w in _FILLER_RE.split(m.group()) if w)


#: A colon right after the date, the story or headline going on after it (not a clock's ``:``).
_COLON_AFTER_RE = re.compile(r"\s*[:：]\s*(?=[^\W\d_])")


def _colon_wire(norm: str, found: DateMatch, words: list[str]) -> bool:
    """A wire dateline closed by a colon: a place or a series' name of at most a few words, the
    date, a colon, then the story (``CAIRO – 20 May 2024: Minister of Finance …``, ``Tarhuna,
    Libya, April 2 2021: They swept …``, ``Africa File, February 29, 2024: Russia Eyes …``)."""
    if _COLON_AFTER_RE.match(norm, found.end) is None:
        return False
    return 0 < sum(w not in _LEAD_LINKS for w in words) <= WIRE_MAX_WORDS


_AGENCY_DASH_RE = re.compile(r"\([^()]{2,60}\s[-–—]\s*$")


def _bracketed_wire(norm: str, found: DateMatch) -> bool:
    """A wire dateline with its agency and date in brackets: ``CAIRO (Pakistan Point News / Sputnik -
    04th June, 2020) Head of …``, ``دمشق (وكالة الأنباء - 3 أيار 2018) قالت …``; a place of at most
    a few words before the bracket.  (``Smith (born 4 June 1970) was …`` has no dash before its date.)"""
    if not norm.startswith(")", found.end):
        return False
    m = _AGENCY_DASH_RE.search(norm, 0, found.start)
    if m is None:
        return False
    place = [w for w in _FILLER_RE.split(norm[: m.start()]) if w]
    return 0 < len(place) <= WIRE_MAX_WORDS


#: What may follow a day that ends a line.
_AFTER_LAST_DAY = " .،,)]}"


def trailing_date(norm: str) -> str | None:
    """ISO day that ends a longer line after a publication cue (``… نشرت في : 03/09/2018``,
    ``… | May 12, 2017``); ``norm`` is normalized text."""
    tail = norm[-(CUE_CHARS + 40) :]
    if _FOUR_DIGITS_RE.search(tail) is None:
        return None
    end_min = len(tail.rstrip(_AFTER_LAST_DAY))  # a day ending here or later ends the line
    last: DateMatch | None = None
    places = _StartPlaces(tail)
    # Each pattern's first day that ends the line is the earliest it has, and only one before the
    # earliest so far counts.
    for pattern, opening in _patterns_opening():
        until = last.start if last else None
        for m in _matches_from(pattern, tail, places.of(opening, until), until):
            if m.end() >= end_min and (iso := _to_iso(m)) and len(iso) == DAY_CHARS:
                last = DateMatch(iso, m.start(), m.end())
                break
    if last is None:
        return None
    before = tail[max(0, last.start - CUE_CHARS) : last.start]
    before = _hijri_re().sub(" ", before).rstrip()
    return last.iso if _CUE_RE.search(before) or not before else None
