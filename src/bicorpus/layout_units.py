"""Stage 2 of ingest, first step: the page's *units* (one non-blank line each, a hard-wrapped
English line joined to the line before) and each unit's features from its shape and script (bullet
marker, byline, header label, navigation words, caption and credit patterns, date, heading shape).

:func:`bicorpus.layout.analyze` reads the regions of a page from these units.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from .data import data_lines, data_pattern
from .dates import (
    DateMatch,
    find_date_normalized,
    glued_weekday,
    is_dateline,
    leading_date,
    trailing_date,
)
from .layout_caption_day import caption_with_day
from .layout_journal import history_date
from .layout_trail import headline_trail
from .layout_wire_caption import wire_caption
from .normalize import collapse_whitespace, lang_label, normalize_text, script_counts
from .prefilter import Gated, gated, scans

#: Longest line (characters) still considered for header, heading, date and byline shapes.
SHAPE_MAX_CHARS = 400
#: Longest unit that can be a title / subtitle.
TITLE_MAX_CHARS = 250
SUBTITLE_MAX_CHARS = 300
#: Longest line that can be a section heading, and its word limit.
HEADING_MAX_CHARS = 90
HEADING_MAX_WORDS = 12
#: Units at least this long count as paragraphs when deciding the article language.
PARAGRAPH_MIN_CHARS = 80
#: Longest line that can be navigation boilerplate (made of navigation words), and longest line a
#: boilerplate pattern (links, "click here", counters, copyright) is looked for in.
NAV_MAX_CHARS = 160
NAV_PATTERN_MAX_CHARS = 250

#: A breadcrumb trail: at least this many parts, each of at most this many words.
BREADCRUMB_MIN_PARTS = 3
BREADCRUMB_MAX_WORDS = 4

_BULLET_RE = re.compile(r"^(?:[•·▪●◦‣∙○■□►▶➢✓✔*]|[-–—](?=\s))\s*")
_TERMINAL = ".!?؟:;,،؛…"
_CLOSERS = "\"'”’»)]"
_BRACKETS = {"(": ")", "«": "»", '"': '"', "“": "”", "[": "]", "'": "'", "‹": "›", "﴿": "﴾", "﴾": "﴿"}
_NAV_SPLIT_RE = re.compile(r"[|•·/»«>\-–—,:;]+|\s{2,}")
_WORD_RE = re.compile(r"\w+")
_PUNCT_STRIP_RE = re.compile(r"[\s:：.\-–—|•·»«]+")
# What _PUNCT_STRIP_RE changes in a text whose spaces are single and inside: one search tells
# the texts it leaves as they are (most lines) from the others.
_PUNCT_STRIP_NEEDED_RE = re.compile(r"[:：.\-–—|•·»«]|[^\S ]|  |^ | $")
_ALNUM_RE = re.compile(r"[^\W_]")
_SPACES_RE = re.compile(r"\s+")


# --- data tables ---------------------------------------------------------------------------------


@cache
def _honorific_re() -> re.Pattern[str]:
    forms = sorted(data_lines("honorifics.txt"), key=len, reverse=True)
    alts = []
    for form in forms:
        pattern = r"\s*".join(re.escape(part) for part in form.split())
        pattern = pattern.replace(r"\.", r"\.\s*")
        alts.append(pattern + (r"" if form.endswith(".") else r"(?=\s)"))
    return re.compile(rf"^(?P<hon>(?:{'|'.join(alts)})\s*)+")


@cache
def _byline_re() -> re.Pattern[str]:
    verbs = "|".join(re.escape(v) for v in sorted(data_lines("byline_verbs.txt"), key=len, reverse=True))
    pattern = rf"^(?P<who>[^:：()«»\"]{{2,80}}?)\s+(?P<verb>{verbs})\s*[:：]\s*(?P<rest>.*)$"
    return re.compile(pattern, re.I | re.S)


_PAGE_BYLINE_RE = re.compile(
    r"^(?:(?:by|written by|posted by|نشر بواسطة|بقلم|إعداد|اعداد|كتب|كتبت|تأليف)\s*[:：;]?\s+"
    r"|(?-i:By)(?=[A-Z][a-z])"
    r"|(?:الكاتب|الكاتبة|المؤلف|ترجمة|تقرير|reported by|report by|authors?)\s*[:：]\s*)"
    r"(?P<who>[^\d:：()]{2,80})$",
    re.I,
)


@cache
def _header_labels() -> frozenset[str]:
    return frozenset(_label_key(label) for label in data_lines("header_labels.txt"))


@cache
def _nav_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Navigation phrases (as word tuples) by their first word, longest first."""
    phrases = {tuple(_WORD_RE.findall(normalize_text(p))) for p in data_lines("boilerplate.txt")}
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted((p for p in phrases if p), key=len, reverse=True):
        by_first.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(group) for first, group in by_first.items()}


@cache
def _nav_patterns() -> _Patterns:
    return _one_pattern(data_lines("boilerplate_patterns.txt"))


@cache
def _section_words() -> frozenset[str]:
    return frozenset(_label_key(w) for w in data_lines("section_words.txt"))


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(a.casefold().rstrip(".") for a in data_lines("abbreviations.txt"))


@cache
def _caption_patterns() -> _Patterns:
    return _one_pattern(data_lines("caption_patterns.txt"))


@cache
def _credit_patterns() -> _Patterns:
    return _one_pattern(data_lines("credit_patterns.txt"))


class _ByLetter(dict[str, "re.Pattern[str] | None"]):
    """Anchored patterns grouped by the letter they start with, each group compiled when a line
    first starts with its letter (a run of a few pages meets few of the letters, and compiling
    every group took a third of a second).  ``groups[letter]`` is the group's pattern, or None
    when no pattern starts with that letter."""

    def __init__(self, sources: dict[str, str]) -> None:
        super().__init__()
        self._sources = sources

    def __missing__(self, letter: str) -> re.Pattern[str] | None:
        source = self._sources.get(letter)
        pattern = re.compile(source, re.I) if source is not None else None
        self[letter] = pattern
        return pattern


@dataclass(frozen=True)
class _Patterns:
    """The patterns of a data file, joined: those anchored at the start (``^…``) are tried at the
    start of the line only, the others searched only where their own needles are
    (:class:`~bicorpus.prefilter.Gated`).  The anchored ones are grouped by the letter they must
    start with (``by_first``; ``anchored`` holds those that may start otherwise, tried on every
    line)."""

    anchored: re.Pattern[str] | None
    by_first: _ByLetter = field(default_factory=lambda: _ByLetter({}))
    #: The floating patterns and the anchored ones that open with a long run (``[^.!?]{2,60}
    #: contributed…``), each tried only where its own needles are (bicorpus.prefilter).
    gated: Gated | None = None

    def search(self, text: str) -> bool:
        first = self.by_first[text[:1].casefold()]
        if first is not None and first.match(text):
            return True
        if self.anchored is not None and self.anchored.match(text):
            return True
        return self.gated is not None and self.gated.search(text)


_PLAIN_START_RE = re.compile(r"[^\\\[\](){}.*+?^$|\s]")


def _first_letters(pattern: str) -> frozenset[str] | None:
    """The letters a match of ``pattern`` (an anchored pattern without its ``^``) must start with,
    when the pattern says so plainly: a literal letter, or a group of alternatives each starting
    with one (``(leave|post) a …``); else None."""
    depth, escaped = 0, False
    for ch in pattern:  # an alternative at the top level ("a…|b…") may start with anything
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            return None
    if _PLAIN_START_RE.match(pattern) and pattern[1:2] not in ("?", "*", "{"):
        return frozenset({pattern[0].casefold()})
    if not pattern.startswith("(") or pattern.startswith("(?"):
        return None
    depth, alts, start = 0, [], 1
    for k, ch in enumerate(pattern):
        if ch == "\\":
            return None  # an escape inside the first group: not worth reading
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                alts.append(pattern[start:k])
                if pattern[k + 1 : k + 2] in ("?", "*", "{"):
                    return None  # an optional first group
                break
        elif ch == "|" and depth == 1:
            alts.append(pattern[start:k])
            start = k + 1
    else:
        return None
    letters = set()
    for alt in alts:
        if not alt or not _PLAIN_START_RE.match(alt) or alt[1:2] in ("?", "*", "{"):
            return None
        letters.add(alt[0].casefold())
    return frozenset(letters)


def _one_pattern(patterns: Sequence[str]) -> _Patterns:
    anchored = [p[1:] for p in patterns if p.startswith("^")]
    floating = [p for p in patterns if not p.startswith("^")]

    def join(group: list[str]) -> re.Pattern[str] | None:
        return re.compile("|".join(f"(?:{p})" for p in group), re.I) if group else None

    general: list[str] = []
    scanning: list[str] = []  # anchored, yet tried only where their needles are (looked for
    by_letter: dict[str, list[str]] = {}  # anyway when there are floating patterns)
    for p in anchored:
        letters = _first_letters(p)
        if letters is None:
            (scanning if floating and scans(p) else general).append(p)
        else:
            for letter in letters:
                by_letter.setdefault(letter, []).append(p)
    by_first = _ByLetter({letter: "|".join(f"(?:{p})" for p in group) for letter, group in by_letter.items()})
    return _Patterns(join(general), by_first,
                     gated(floating, scanning))


def _label_key(text: str) -> str:
    return _strip_punct(normalize_text(text))


def _strip_punct(norm: str) -> str:
    """``norm`` with runs of spaces and label punctuation (``:``, ``|``, dashes, bullets,
    guillemets) made one space, trimmed."""
    if _PUNCT_STRIP_NEEDED_RE.search(norm) is None:
        return norm
    return _PUNCT_STRIP_RE.sub(" ", norm).strip()


_KEY_STRIP_RE = re.compile(r"[\W_]+")
_KEY_WORD_RE = re.compile(r"[^\W_]+")
#: Marks that open or close words (none a letter or digit): stripped from a word's edges at once.
_KEY_EDGE_MARKS = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~«»“”‘’•·–—…،؛؟"
_DIGIT_RE = re.compile(r"\d")


def site_key(text: str) -> str:
    """A line's identity across the pages of a site: its text with spacing collapsed (site chrome
    repeats verbatim; this is cheap enough to take for every line of every page of a batch)."""
    return collapse_whitespace(text)


def line_key(text: str, norm: str | None = None) -> str:
    """A line's identity for comparing lines: normalized, punctuation, bullets and spacing dropped
    (``"= Deir ez-Zor Military Council ="`` and ``"Deir ez-Zor Military Council"`` are one key).
    ``norm`` is ``normalize_text(text)`` when the caller has it already.

    The runs of letters and digits (:func:`alnum_runs`) joined by spaces, as ``[\\W_]+`` replaced
    by a space would give."""
    return " ".join(alnum_runs(normalize_text(text) if norm is None else norm))


def alnum_runs(text: str) -> list[str]:
    """The runs of letters and digits of ``text`` (``[^\\W_]+``), in order.

    A word made of them alone (``str.isalnum``, what ``\\w`` reads but ``_``) is one run, and so
    is a word that is one once the marks at its edges are stripped (``(كوابح``, ``writes:``); only
    the others are searched (a replacement per space costs more)."""
    words: list[str] = []
    for part in text.split():
        if part.isalnum():
            words.append(part)
        else:
            core = part.strip(_KEY_EDGE_MARKS)
            if core.isalnum():
                words.append(core)
            elif core:
                words.extend(_KEY_WORD_RE.findall(part))
    return words


# --- unit features -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Byline:
    """Author (honorific apart) and linked title read from a header bullet or a page byline."""

    author: str | None
    honorific: str | None
    linked_title: str | None


def split_honorific(name: str) -> tuple[str | None, str]:
    """``"د. أيمن سمير"`` → ``("د.", "أيمن سمير")``; ``(None, name)`` without an honorific."""
    m = _honorific_re().match(name)
    if not m or not name[m.end() :].strip():
        return None, name.strip()
    return _SPACES_RE.sub(" ", name[: m.end()].strip()), name[m.end() :].strip()


def strip_brackets(text: str) -> str:
    """Remove one pair of brackets or quotes around the whole of ``text``."""
    text = text.strip()
    if len(text) >= 2 and _BRACKETS.get(text[0]) == text[-1]:
        return text[1:-1].strip()
    return text


def strip_bullet(text: str) -> str:
    """``"• foo"`` → ``"foo"``."""
    return _BULLET_RE.sub("", text, count=1)


def parse_byline(text: str) -> Byline | None:
    """Read ``[•] [HONORIFIC] AUTHOR يكتب: (TITLE)`` (or ``writes:``); ``None`` if not that shape."""
    if len(text) > SHAPE_MAX_CHARS or (":" not in text and "：" not in text):  # the colon after the verb
        return None
    m = _byline_re().match(strip_bullet(text).strip())
    if not m:
        return None
    honorific, author = split_honorific(m.group("who"))
    if not author or len(author.split()) > 7 or any(map(str.isdigit, author)):
        return None
    title = strip_brackets(m.group("rest")) or None
    return Byline(author, honorific, title)


def parse_page_byline(text: str) -> Byline | None:
    """Read a page's own byline: ``By NAME``, ``بقلم: NAME``."""
    if len(text) > 100:
        return None
    m = _PAGE_BYLINE_RE.match(text.strip())
    if not m:
        return None
    honorific, author = split_honorific(m.group("who").strip())
    if not author or len(author.split()) > 7:
        return None
    return Byline(author, honorific, None)


def is_header_label(text: str, norm: str | None = None) -> bool:
    """True for a line that is a header label such as ``أخبار المركز`` or ``Latest News``.

    ``norm`` is ``normalize_text(text)`` when the caller has it already."""
    if len(text) > NAV_MAX_CHARS:
        return False
    key = _strip_punct(normalize_text(text) if norm is None else norm)
    return key in _header_labels() or data_pattern("section_label_patterns.txt").match(key) is not None


def is_navigation(text: str, norm: str | None = None) -> bool:
    """True for a line of navigation words (``Home | About | اتصل بنا``), a ``click here`` link,
    a view counter or a copyright notice.  ``norm`` is ``normalize_text(text)`` if known."""
    if len(text) > NAV_PATTERN_MAX_CHARS:
        return False
    norm = _BULLET_RE.sub("", normalize_text(text) if norm is None else norm, count=1)
    if not norm:
        return False
    if _nav_patterns().search(norm):
        return True
    if len(text) > NAV_MAX_CHARS:
        return False
    if _is_breadcrumb(text):
        return True
    if headline_trail(text):
        return True  # a trail down to the page's headline
    first = _WORD_RE.search(norm)  # no navigation phrase starts with it: not all navigation words
    if first is None or first.group() not in _nav_phrases():
        return False
    return _covered_by_nav(_WORD_RE.findall(norm))


_CRUMB_SPLIT_RE = re.compile(r"\s+[»›>]\s+")  # spaced: "«داعش» و«النصرة»" is no trail


def _is_breadcrumb(text: str) -> bool:
    """A trail of three or more short parts between ``»``, ``›`` or ``>`` (``Home » News » Syria``),
    without sentence punctuation (read on the text itself: normalizing turns ``»`` into a quote)."""
    if "»" not in text and "›" not in text and ">" not in text:
        return False  # one part
    parts = _CRUMB_SPLIT_RE.split(f" {text} ".strip(" »›>"))
    return (len(parts) >= BREADCRUMB_MIN_PARTS and not any(ch in text for ch in ".!?؟،,")
            and all(0 < len(_WORD_RE.findall(part)) <= BREADCRUMB_MAX_WORDS for part in parts))


def is_caption(text: str, norm: str | None = None) -> bool:
    """True for an image caption, a photo credit or alt text (``PHOTO: …``, ``Hussein Malla/AP``,
    ``… (almadenahnews.com)``, ``img 20210603 232525``); ``norm`` is ``normalize_text(text)``."""
    if len(text) > SHAPE_MAX_CHARS:
        return False
    norm = normalize_text(text) if norm is None else norm
    return is_credit(text, norm) or _caption_patterns().search(norm)


def is_credit(text: str, norm: str | None = None) -> bool:
    """True for a photo credit standing alone (``Hussein Malla/AP``, ``Getty Images``)."""
    if len(text) > NAV_MAX_CHARS:
        return False
    norm = normalize_text(text) if norm is None else norm
    return _credit_patterns().search(norm)


def _covered_by_nav(words: list[str]) -> bool:
    phrases = _nav_phrases()
    i = 0
    while i < len(words):
        for phrase in phrases.get(words[i], ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                i += len(phrase)
                break
        else:
            return False
    return True


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence or clause punctuation (closing quotes ignored)."""
    return text.rstrip(_CLOSERS + " ")[-1:] in _TERMINAL


def _is_heading_shape(text: str) -> bool:
    if len(text) > HEADING_MAX_CHARS or len(text.split()) > HEADING_MAX_WORDS or ends_sentence(text):
        return False
    if _BULLET_RE.match(text):
        return False
    first = next((ch for ch in text if ch.isalpha()), "")
    if not first:
        return False
    return not (first.isascii() and first.islower())


# --- units ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """One line (or run-on lines) of the page with its shape features.  ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    lang: str
    bullet: bool = False
    byline: Byline | None = None
    page_byline: Byline | None = None
    label: bool = False
    nav: bool = False
    date: str | None = None
    html_level: int | None = None  # 1-6 when the line is an HTML <h1>-<h6>
    caption: bool = False
    #: A full date inside a short line that holds more than a date (``BEIRUT, 12 May 2017 (AFP) –``,
    #: ``By NAME | Fellow | May 12, 2017``), at the start of a longer line (``date 2025-12-07 …``),
    #: or at its end after a cue (``… نشرت في : 03/09/2018``).
    date_in: str | None = None
    date_lead: str | None = None
    date_tail: str | None = None
    credit: bool = False
    key: str = ""  # line_key(text); "" for a unit longer than SHAPE_MAX_CHARS

    @property
    def marked_header(self) -> bool:
        """Shape alone says this is header material (bullet, byline, label, navigation)."""
        return self.bullet or self.byline is not None or self.label or self.nav

    @property
    def decoration(self) -> bool:
        """No letter or digit at all: separators such as ``* * *`` or ``-----``."""
        return _ALNUM_RE.search(self.text) is None

    @property
    def paragraph_like(self) -> bool:
        return len(self.text) >= PARAGRAPH_MIN_CHARS and not self.marked_header


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the non-blank lines of ``text``, surrounding whitespace excluded."""
    start = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            yield start + lead, start + lead + len(stripped)
        start += len(line) + 1


@cache
def _runon_words() -> frozenset[str]:
    return frozenset(normalize_text(w) for w in data_lines("runon_words.txt"))


def _runs_on(prev: str, nxt: str) -> bool:
    """A hard-wrapped (or ``<br>``-broken) line: the previous one is unfinished and the next starts
    in lower case (English), or the previous one ends on a preposition or conjunction (Arabic)."""
    if len(prev) < 20 or ends_sentence(prev) or _BULLET_RE.match(nxt) or _URL_START_RE.match(nxt):
        return False
    if _CODE_WORD_RE.search(prev) is None or _ADDRESS_RE.match(prev) or _ADDRESS_RE.match(nxt):
        return False  # a timestamp, a code or an address line does not run on, nor into one
    if nxt[:1].isascii() and nxt[:1].islower():
        return True
    last = prev.rsplit(None, 1)[-1]
    return "\u0600" <= last[:1] <= "\u06ff" and normalize_text(last) in _runon_words()


_URL_START_RE = re.compile(r"(?:https?://|www\.)", re.I)


#: Hard-wrapped Arabic text: at least this many lines in a row (no blank line), each of these many
#: characters, of nearly one width (the longest at most this many times the shortest).
WRAP_MIN_LINES = 4
WRAP_MIN_CHARS = 30
WRAP_MAX_CHARS = 80
WRAP_MAX_RATIO = 1.35


def _arabic_start(text: str) -> bool:
    return "\u0621" <= text[:1] <= "\u064a"


def _wrapped_lines(text: str, lines: list[tuple[int, int]]) -> frozenset[int]:
    """Lines of an Arabic text hard-wrapped at a fixed width: a run of ``WRAP_MIN_LINES`` or more
    lines right under one another, each starting with an Arabic letter, of nearly one width (the
    run's last line aside, which may stop short)."""
    wrapped: set[int] = set()

    def close(run: list[int]) -> None:
        if len(run) >= WRAP_MIN_LINES:
            widths = [lines[k][1] - lines[k][0] for k in run[:-1]]  # the last line may stop short
            if max(widths) <= WRAP_MAX_RATIO * min(widths):
                wrapped.update(run)

    run: list[int] = []
    for i, (start, end) in enumerate(lines):
        fits = WRAP_MIN_CHARS <= end - start <= WRAP_MAX_CHARS and _arabic_start(text[start:end])
        if run and not fits and _short_last_line(text, lines, run, i):
            run.append(i)  # the paragraph's (or the cut page's) last words
            fits = False
        if run and not (fits and text.count("\n", lines[run[-1]][1], start) == 1):
            close(run)
            run = []
        if fits:
            run.append(i)
    close(run)
    return frozenset(wrapped)


def _short_last_line(text: str, lines: list[tuple[int, int]], run: list[int], i: int) -> bool:
    """Line ``i``, right under a run of wrapped lines, ends it short: Arabic words, narrower than
    the run, closing a sentence or the page (a paragraph's last words, a page cut off in
    mid-line); a short line under three lines of one width is otherwise no proof of wrapping
    (a source's name under a date line and a headline given twice)."""
    start, end = lines[i]
    return (0 < end - start < WRAP_MIN_CHARS and run[-1] == i - 1
            and text.count("\n", lines[i - 1][1], start) == 1 and _arabic_start(text[start:end])
            and (len(run) >= WRAP_MIN_LINES or i == len(lines) - 1 or ends_sentence(text[start:end])))


def _spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    lines = list(_lines(text))
    wrapped = _wrapped_lines(text, lines)
    for i, (start, end) in enumerate(lines):
        if spans:
            p_start, p_end = spans[-1]
            adjacent = text.count("\n", p_end, start) == 1
            if adjacent and (_runs_on(text[p_start:p_end], text[start:end]) or (
                    i - 1 in wrapped and _arabic_start(text[start:end])
                    and not ends_sentence(text[p_start:p_end]))):
                spans[-1] = (p_start, end)
                continue
        spans.append((start, end))
    return spans


#: Longest line whose inner date is read as the page's date (a dateline with a place or byline).
DATE_IN_MAX_CHARS = 160
#: ... and most words beside its date (more, and no ``|`` between parts: a sentence naming a day).
DATE_IN_MAX_WORDS = 14
#: How much of the start and the end of a long paragraph is read for a date opening or closing it.
EDGE_CHARS = 120


def make_unit(text: str, start: int, end: int) -> Unit:
    """Features of ``text[start:end]``."""
    chunk = text[start:end]
    if len(chunk) > SHAPE_MAX_CHARS:  # a paragraph: only a date opening or closing it matters
        head, tail = chunk[:EDGE_CHARS], chunk[-EDGE_CHARS:]  # \d: any script's digits
        return Unit(start, end, chunk, lang_label(chunk),
                    date_lead=leading_date(normalize_text(head)) if _DIGIT_RE.search(head) else None,
                    date_tail=trailing_date(normalize_text(tail)) if _DIGIT_RE.search(tail) else None,
                    caption=wire_caption(chunk))  # a wire photo's caption with its background
    unit = object.__new__(Unit)  # the fields set as the dataclass's __init__ would, without its
    fields = unit.__dict__  # object.__setattr__ for each of them (Unit is frozen)
    fields["start"] = start
    fields["end"] = end
    fields.update(_line_features(chunk))
    return unit


#: Short lines whose features are remembered: a site's chrome, bylines and datelines repeat from
#: page to page.
LINE_MEMO_SIZE = 4096


@lru_cache(maxsize=LINE_MEMO_SIZE)
def _first_date(norm: str) -> DateMatch | None:
    """:func:`~bicorpus.dates.find_date_normalized` of a normalized line, remembered: the rules
    that read a line's date again (chrome, stubs) find it here."""
    return find_date_normalized(norm)


@lru_cache(maxsize=LINE_MEMO_SIZE)
def _line_features(chunk: str) -> dict[str, object]:
    """The fields of the :class:`Unit` of a line up to :data:`SHAPE_MAX_CHARS` long but its place
    (``start``, ``end``); the same dict is handed out again for the same line (read only)."""
    norm = normalize_text(chunk)
    key = line_key(chunk, norm)
    found = _first_date(norm) if _DIGIT_RE.search(norm) else None  # the first date, once
    if found and glued_weekday(norm, found.start):
        found = None  # a site's clock run into its location line: "Abu Dhabi, UAEMonday 22 January 2018"
    date_lead = leading_date(norm, found) if found else None
    date_tail = trailing_date(norm) if found else None
    credit = is_credit(chunk, norm)
    table_row = chunk.rstrip().endswith("|")  # "البلد | سوريا | |": not a dateline
    date = is_dateline(chunk, norm, found) if found and not table_row else None
    date = history_date(norm, date)  # "Received 31 March 2024": a journal's history, not the page's day
    date_in = found.iso if found and len(found.iso) == 10 and len(chunk) <= DATE_IN_MAX_CHARS else None
    beside = norm[: found.start] + " " + norm[found.end :] if found else ""
    if date_in and "|" not in chunk and len(_WORD_RE.findall(beside)) > DATE_IN_MAX_WORDS:
        date_in = None  # a sentence that names a day ("… اليوم الخميس 8-12-2016"), not a dateline
    date_in = history_date(norm, date_in)
    return {
        "text": chunk,
        "lang": lang_label(chunk),
        "bullet": _BULLET_RE.match(chunk) is not None,
        "byline": parse_byline(chunk),
        "page_byline": parse_page_byline(chunk),
        "label": is_header_label(chunk, norm),
        "nav": date is None and (is_navigation(chunk, norm) or _menu_line(norm) or _glued_labels(chunk)),
        "date": date,
        "html_level": None,
        "caption": (credit or _caption_patterns().search(norm) or caption_with_day(norm)
                    or wire_caption(chunk, norm)),
        "date_in": date_in,
        "date_lead": date_lead,
        "date_tail": date_tail,
        "credit": credit,
        "key": key,
    }


#: A menu given as one line has at least this many section words.
MENU_MIN_WORDS = 3
_MENU_JOINERS = frozenset({"and", "&", "و"})
_MENU_PUNCT_RE = re.compile("[.,:;!?،؛؟\"']")


@cache
def _menu_words() -> frozenset[str]:
    return frozenset(normalize_text(w) for w in data_lines("menu_words.txt"))


def _menu_line(norm: str) -> bool:
    """A site's menu on one line: three or more words, all section names (``data/menu_words.txt``:
    ``Home News Politics Economy``, ``الرئيسية أخبار محليات عربي ودولي``), no punctuation."""
    if len(norm) > NAV_MAX_CHARS or _MENU_PUNCT_RE.search(norm):
        return False
    words = norm.split()
    if len(words) < MENU_MIN_WORDS:
        return False
    known = _menu_words()
    named = 0
    for w in words:
        if w in _MENU_JOINERS:
            continue
        if w not in known and not (w.startswith("و") and w[1:] in known):
            return False
        named += 1
    return named >= MENU_MIN_WORDS


#: Words glued with no space between them (``DevelopmentGovernmentNewsPolitics``): a run of
#: links (sections, tags) that a text dump joined.  This many joins, and the line is that run.
GLUED_LABELS_MIN_JOINS = 3
GLUED_LABELS_MAX_CHARS = 200
_GLUED_JOIN_RE = re.compile(r"[a-z)][A-Z][a-z]")


def _glued_labels(text: str) -> bool:
    """Section or tag links glued on one line (``Economy & DevelopmentGovernmentNewsPolitics``,
    ``South YemenAdenAidrous Al-ZubaidiPresidential Council``): three joins of a lower-case letter
    to a capital with no space, no sentence end; a name such as ``McDonald`` has one join."""
    if len(text) > GLUED_LABELS_MAX_CHARS or _final_char(text) in _TERMINAL:
        return False
    joins = _GLUED_JOIN_RE.findall(text)
    return len(joins) >= GLUED_LABELS_MIN_JOINS


def units_of(text: str, html_headings: Sequence[tuple[int, int, int]] = ()) -> list[Unit]:
    """The page's units in order; ``html_headings`` are ``(level, start, end)`` of HTML headings."""
    levels = {(start, end): level for level, start, end in html_headings}
    units = [make_unit(text, s, e) for s, e in _spans(text)]
    if levels:
        units = [replace(u, html_level=levels.get((u.start, u.end))) for u in units]
    return units


def article_language(units: list[Unit]) -> str:
    """``ar`` or ``en``: the script of most letters in paragraph-like units (all units if none)."""
    pool = [u for u in units if u.paragraph_like] or [u for u in units if not u.marked_header] or units
    ar = en = 0
    for u in pool:
        a, e = script_counts(u.text)
        ar, en = ar + a, en + e
    return "ar" if ar > en else "en"

def _final_char(text: str) -> str:
    return text.rstrip(_CLOSERS + " ")[-1:]

_CODE_WORD_RE = re.compile(r"[^\W\d_]{3,}")

_ADDRESS_RE = re.compile(r"^(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+)$", re.I)

