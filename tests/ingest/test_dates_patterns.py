"""The date patterns, written so that ``re`` can skip to where a date may start, find exactly the
dates the plain patterns (each opened by its look-behind) find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bicorpus import dates
from bicorpus.dates import DateMatch, find_date_normalized, month_table, trailing_date
from bicorpus.normalize import normalize_text


def _plain_patterns() -> tuple[tuple[re.Pattern[str], ...], re.Pattern[str], re.Pattern[str]]:
    """The patterns written the straightforward way: a look-behind first, then the date."""
    names = sorted(month_table(), key=len, reverse=True)
    month = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    mon = rf"(?P<mon>{month})\.?(?:\s*[/\-(]\s*(?:{month})\.?\s*\)?)?"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?P<year>\d{4})"
    sep = r"\s*[,]?\s*"
    era = dates._ERA
    edge_l, edge_r = r"(?<![\w])", rf"(?:\s?{era}(?![^\W_])|(?![^\W_]))"  # "2024_ ...": a separator
    iso_time = dates._ISO_TIME
    words = dates._counter_words()
    patterns = (
        re.compile(rf"{edge_l}(?P<year>\d{{4}})[-/.](?P<mnum>\d{{1,2}})[-/.](?P<day>\d{{1,2}}){edge_r}"),
        re.compile(rf"{edge_l}(?P<year>\d{{4}})-(?P<mnum>\d{{2}})-(?P<day>\d{{2}}){iso_time}(?!\w)"),
        re.compile(rf"{edge_l}(?P<day>\d{{1,2}})[-/.](?P<mnum>\d{{1,2}})[-/.](?P<year>\d{{4}}){edge_r}"),
        re.compile(rf"{edge_l}{day}(?:\s*,?\s*|\s?[-./]\s?)(?:of\s+)?{mon}(?:{sep}|\s?[-./]\s?){year}{edge_r}"),
        re.compile(rf"{edge_l}{mon}\s*{day}{sep}{year}{edge_r}"),
        re.compile(rf"{edge_l}(?<!\d\s)(?<!\d){mon}{sep}{year}{edge_r}"),
        re.compile(rf"{edge_l}(?P<year>\d{{4}})-(?P<mnum>\d{{2}})-(?P<day>\d{{2}})(?=[\u0621-\u064a])"),
        re.compile(rf"{edge_l}(?P<day>\d{{1,2}})\s+(?P<sep>[-/.|])\s+(?P<mnum>\d{{1,2}})\s+(?P=sep)\s+"
                   rf"(?P<year>\d{{4}}){edge_r}"),
    )
    cue = re.compile(rf"\d\s*(?:{words})")
    glued = re.compile(rf"(?<![\w])(?P<day>\d{{1,2}})\s*(?P<mon>{month})\s*[,]?\s*(?P<year>\d{{4}})"
                       rf"(?=\d{{1,9}}\s*(?:{words}))")
    glued_tail = re.compile(rf"(?<=[^\W\d_])(?P<day>\d{{1,2}})(?:\s*(?P<mon>{month})\s*[,]?\s*"
                            rf"|[-/.](?P<mnum>\d{{1,2}})[-/.])(?P<year>\d{{4}})\s*$")
    return patterns, cue, glued, glued_tail


PLAIN, PLAIN_CUE, PLAIN_GLUED, PLAIN_GLUED_TAIL = _plain_patterns()


def plain_find_date(norm: str) -> DateMatch | None:
    """First date: every plain pattern tried over the whole text, no shortcut."""
    best: DateMatch | None = None
    for pattern in PLAIN:
        for m in pattern.finditer(norm):
            iso = dates._to_iso(m)
            if iso is None:
                continue
            if best is None or m.start() < best.start or (m.start() == best.start and m.end() > best.end):
                best = DateMatch(iso, m.start(), m.end())
            break
    if best is None:
        m = PLAIN_GLUED.search(norm) if PLAIN_CUE.search(norm) else None
        iso = dates._to_iso(m) if m else None
        if m and iso:
            best = DateMatch(iso, m.start(), m.end())
    if best is None and len(norm) <= dates.GLUED_TAIL_MAX_CHARS:  # a stamp run into a short line's source
        m = PLAIN_GLUED_TAIL.search(norm)
        iso = dates._to_iso(m) if m else None
        if m and iso:
            best = DateMatch(iso, m.start(), m.end())
    return best


def plain_last_days(tail: str) -> list[tuple[str, int, int]]:
    """Every full day the plain patterns find (as ``trailing_date`` reads them), in order."""
    return [(iso, m.start(), m.end()) for p in PLAIN for m in p.finditer(tail)
            if (iso := dates._to_iso(m)) and len(iso) == 10]


PIECES = [
    "1", "7", "12", "31", "00", "2017", "1999", "2100", "20171", "١٢", "٢٠١٧", "۱۲", "1438",
    " ", " ", " ", "  ", "\n", "/", "-", ".", ",", "،", "(", ")", "|", ":", " | ", " / ",
    "م", "ه", "هـ", "st", "th", "of ", "t16:17", "t16:17+0000", "z", "x", "ب", "ال", "on ",
    "نشر في", "published", "updated", "مشاهده", "views", "الخميس", "monday", "uae",
    "april", "apr", "may", "sept", "أبريل", "ابريل", "نيسان", "تموز", "يوليو", "كانون الثاني",
    "كانون  الثاني", "تشرين الاول", "ماي", "أفريل", "آب", "رجب",
]
TEXTS = st.lists(st.one_of(st.sampled_from(PIECES), st.text(alphabet="0123456789 -/.aمن", max_size=4)),
                 max_size=14).map("".join)


@settings(max_examples=600, deadline=None)
@given(TEXTS)
def test_first_date_same_as_plain_patterns(text: str) -> None:
    assert find_date_normalized(text) == plain_find_date(text)
    norm = normalize_text(text)
    assert find_date_normalized(norm) == plain_find_date(norm)


@settings(max_examples=600, deadline=None)
@given(TEXTS)
def test_every_day_found_same_as_plain_patterns(text: str) -> None:
    fast = [(iso, m.start(), m.end()) for p in dates._patterns() for m in p.finditer(text)
            if (iso := dates._to_iso(m)) and len(iso) == 10]
    assert fast == plain_last_days(text)


def plain_trailing_date(norm: str) -> str | None:
    """``trailing_date`` with the plain patterns and no shortcut."""
    tail = norm[-(dates.CUE_CHARS + 40) :]
    last = None
    for iso, start, end in plain_last_days(tail):
        if not tail[end:].strip(" .،,)]}") and (last is None or start < last[1]):
            last = (iso, start, end)
    if last is None:
        return None
    before = dates._hijri_re().sub(" ", tail[max(0, last[1] - dates.CUE_CHARS) : last[1]]).rstrip()
    return last[0] if dates._CUE_RE.search(before) or not before else None


@settings(max_examples=300, deadline=None)
@given(TEXTS, TEXTS)
def test_trailing_day_same_as_plain_patterns(before: str, text: str) -> None:
    line = normalize_text(before + " published: " + text)
    assert trailing_date(line) == plain_trailing_date(line)
    assert trailing_date(text) == plain_trailing_date(text)


def test_examples_of_each_pattern() -> None:
    for text in ("2017-04-12", "x2017-04-12", "2017-11-13t16:17+0000", "12/04/2017", "12 أبريل 2017م",
                 "april 12, 2017", "١٢ نيسان ٢٠١٧", "5 april 2017", "2025-01-16أصدر", "16 | 02 | 2024",
                 "2 سبتمبر 2025294 مشاهده", "12 تموز/يوليو 2017", "ب12 أبريل 2017", "نيسان2017",
                 "3 كانون  الثاني 2019", "no date here 123"):
        assert find_date_normalized(text) == plain_find_date(text), text


def test_an_earlier_date_of_a_later_pattern_wins() -> None:
    # The month-first date comes before the numeric one found first: it is the first date.
    assert find_date_normalized("may 5, 2017 - 12/04/2018") == DateMatch("2017-05-05", 0, 11)
    assert find_date_normalized("نيسان 2017 ثم 12/04/2018") == DateMatch("2017-04", 0, 10)
    # A bad date is passed over, the next match of the same pattern is read.
    assert find_date_normalized("31/02/2017 و 12/04/2018").iso == "2018-04-12"


def test_trailing_day_is_the_first_that_ends_the_line() -> None:
    line = "نشرت في : 12/04/2018"
    assert trailing_date(line) == plain_trailing_date(line) == "2018-04-12"
    line = "published | may 12, 2017 ."
    assert trailing_date(line) == plain_trailing_date(line) == "2017-05-12"
    assert trailing_date("12/04/2018 was the day it happened") is None
