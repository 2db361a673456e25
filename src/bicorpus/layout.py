"""Stage 2 of ingest: split a page into regions by script and shape, never by line numbers.

The page is cut into *units* (one non-blank line each; a hard-wrapped English line that runs on
in lower case is joined to the line before).  Each unit gets features from its shape (bullet
marker, ``AUTHOR يكتب: (TITLE)`` byline, header label such as ``أخبار المركز``, navigation words,
date, heading shape) and its script.  Then, in order:

1. the *article language* is the script of most letters in paragraph-like units;
2. the *site header* is the run of header-like units at the top, and another at the bottom
   (bullets, bylines, labels, navigation, short lines in the other script); labels and
   navigation become ``boilerplate``, the rest ``site-header``;
3. stray navigation lines anywhere (``Share | Print``, ``click here``, view counters,
   copyright) become ``boilerplate``;
4. in the article: the first short unit is the ``title``; dates and page bylines around it are
   ``dateline``; one short unit right after the title may be the ``subtitle``;
5. the rest is ``body``; short unpunctuated lines followed by a paragraph are section headings:
   they are not blocks themselves but the ``section`` of the body blocks under them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache

from .data import data_lines
from .dates import is_dateline
from .normalize import detect_lang, normalize_text, script_counts

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
#: Longest line that can be navigation boilerplate.
NAV_MAX_CHARS = 160

_BULLET_RE = re.compile(r"^(?:[•·▪●◦‣∙○■□►▶➢✓✔*]|[-–—](?=\s))\s*")
_TERMINAL = ".!?؟:;,،؛…"
_CLOSERS = "\"'”’»)]"
_BRACKETS = {"(": ")", "«": "»", '"': '"', "“": "”", "[": "]", "'": "'", "‹": "›", "﴿": "﴾", "﴾": "﴿"}
_NAV_SPLIT_RE = re.compile(r"[|•·/»«>\-–—,:;]+|\s{2,}")
_WORD_RE = re.compile(r"\w+")
_PUNCT_STRIP_RE = re.compile(r"[\s:：.\-–—|•·»«]+")
_LINE_RE = re.compile(r"[^\n]+")
_ALNUM_RE = re.compile(r"[^\W_]")


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
    r"^(?:by|written by|بقلم|إعداد|اعداد|كتب|كتبت|تأليف)\s*[:：]?\s+(?P<who>[^\d:：()]{2,80})$", re.I
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
def _nav_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.I) for p in data_lines("boilerplate_patterns.txt"))


def _label_key(text: str) -> str:
    return _PUNCT_STRIP_RE.sub(" ", normalize_text(text)).strip()


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
    return re.sub(r"\s+", " ", name[: m.end()].strip()), name[m.end() :].strip()


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
    if len(text) > SHAPE_MAX_CHARS:
        return None
    m = _byline_re().match(strip_bullet(text).strip())
    if not m:
        return None
    honorific, author = split_honorific(m.group("who"))
    if not author or len(author.split()) > 7 or any(ch.isdigit() for ch in author):
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
    key = _PUNCT_STRIP_RE.sub(" ", normalize_text(text) if norm is None else norm).strip()
    return key in _header_labels()


def is_navigation(text: str, norm: str | None = None) -> bool:
    """True for a line of navigation words (``Home | About | اتصل بنا``), a ``click here`` link,
    a view counter or a copyright notice.  ``norm`` is ``normalize_text(text)`` if known."""
    if len(text) > NAV_MAX_CHARS:
        return False
    norm = _BULLET_RE.sub("", normalize_text(text) if norm is None else norm, count=1)
    if not norm:
        return False
    if any(p.search(norm) for p in _nav_patterns()):
        return True
    words = _WORD_RE.findall(norm)
    return bool(words) and _covered_by_nav(words)


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
    for m in _LINE_RE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            yield m.start() + lead, m.start() + lead + len(stripped)


def _runs_on(prev: str, nxt: str) -> bool:
    """A hard-wrapped (or ``<br>``-broken) English line: the previous one is unfinished, the next
    starts in lower case."""
    return (
        len(prev) >= 20
        and not ends_sentence(prev)
        and nxt[:1].isascii()
        and nxt[:1].islower()
        and not _BULLET_RE.match(nxt)
    )


def _spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for start, end in _lines(text):
        if spans:
            p_start, p_end = spans[-1]
            adjacent = text.count("\n", p_end, start) == 1
            if adjacent and _runs_on(text[p_start:p_end], text[start:end]):
                spans[-1] = (p_start, end)
                continue
        spans.append((start, end))
    return spans


def make_unit(text: str, start: int, end: int) -> Unit:
    """Features of ``text[start:end]``."""
    chunk = text[start:end]
    lang, _ = detect_lang(chunk)
    if len(chunk) > SHAPE_MAX_CHARS:
        return Unit(start, end, chunk, lang)
    norm = normalize_text(chunk)
    return Unit(
        start,
        end,
        chunk,
        lang,
        bullet=_BULLET_RE.match(chunk) is not None,
        byline=parse_byline(chunk),
        page_byline=parse_page_byline(chunk),
        label=is_header_label(chunk, norm),
        nav=is_navigation(chunk, norm),
        date=is_dateline(chunk, norm),
    )


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


# --- regions -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """A region of the page that becomes one or more passages.  ``source[start:end]`` is its text."""

    region: str
    start: int
    end: int
    section: str | None = None
    author: str | None = None
    honorific: str | None = None
    linked_title: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Heading:
    """A section heading: not a passage itself, the ``section`` of the body blocks under it."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Layout:
    """The regions of one page."""

    lang: str
    title: str | None
    date: str | None
    author: str | None
    honorific: str | None
    blocks: tuple[Block, ...]
    headings: tuple[Heading, ...]


def _header_like(u: Unit, article_lang: str) -> bool:
    if u.marked_header or u.decoration:
        return True
    minority = u.lang in ("ar", "en") and u.lang != article_lang
    return minority and u.date is None and len(u.text) <= SHAPE_MAX_CHARS


def _zone_end(units: list[Unit], article_lang: str, *, require_marker: bool) -> int:
    """Length of the leading run of header-like units (0 if it has no marker and one is required)."""
    n = 0
    while n < len(units) and _header_like(units[n], article_lang):
        n += 1
    if require_marker and not any(u.bullet or u.byline or u.label for u in units[:n]):
        return 0
    return n


def _top_zone_end(units: list[Unit], article_lang: str) -> int:
    """End of the header at the top: the run of header-like units, extended through the last
    byline or header label that comes before the first paragraph (so a site-name line in the
    article's script above the header does not end the header early)."""
    end = _zone_end(units, article_lang, require_marker=False)
    first_paragraph = next((i for i, u in enumerate(units) if u.paragraph_like), len(units))
    strong = [i for i, u in enumerate(units[:first_paragraph]) if u.byline or u.label]
    return max(end, strong[-1] + 1) if strong else end


def _header_block(u: Unit) -> Block:
    if u.label or u.decoration or (u.nav and not u.byline):
        return Block("boilerplate", u.start, u.end)
    if u.byline:
        b = u.byline
        return Block("site-header", u.start, u.end, author=b.author, honorific=b.honorific,
                     linked_title=b.linked_title)
    linked = strip_brackets(strip_bullet(u.text)) if u.bullet else None
    return Block("site-header", u.start, u.end, linked_title=linked or None)


def _is_heading(units: list[Unit], i: int, article_lang: str) -> bool:
    u = units[i]
    if u.marked_header or u.date or u.page_byline:
        return False
    if u.html_level is not None and u.html_level >= 2:
        return True  # the page says so: <h2>-<h6>, whatever its punctuation or script
    if u.lang not in (article_lang, "mixed") or not _is_heading_shape(u.text):
        return False
    nxt = units[i + 1] if i + 1 < len(units) else None
    return nxt is not None and not nxt.nav and not _is_heading_shape(nxt.text)


def _title_candidate(u: Unit, article_lang: str) -> bool:
    if u.html_level == 1 and not u.marked_header and u.date is None:
        return True  # <h1>
    return (
        not u.marked_header
        and u.date is None
        and u.page_byline is None
        and len(u.text) <= TITLE_MAX_CHARS
        and u.lang in (article_lang, "mixed")
    )


def analyze(text: str, html_headings: Sequence[tuple[int, int, int]] = ()) -> Layout:
    """Regions of the page ``text`` (a decoded :class:`~bicorpus.sources.SourceText` text).

    ``html_headings`` (``SourceText.headings``) marks HTML ``<h1>`` as the title and ``<h2>``-``<h6>``
    as section headings, whatever their punctuation."""
    units = units_of(text, html_headings)
    lang = article_language(units)
    top = _top_zone_end(units, lang)
    bottom = _zone_end(units[top:][::-1], lang, require_marker=True)
    head, article, foot = units[:top], units[top : len(units) - bottom], units[len(units) - bottom :]

    head_blocks = [_head_block(u) for u in head]
    body = _article(article, lang)
    foot_blocks = [_header_block(u) for u in foot]
    head_date = next((b.date for b in head_blocks if b.date), None)
    return Layout(
        lang=lang,
        title=body.title,
        date=head_date or body.date,
        author=body.author,
        honorific=body.honorific,
        blocks=(*head_blocks, *body.blocks, *foot_blocks),
        headings=tuple(body.headings),
    )


def _head_block(u: Unit) -> Block:
    if u.date and not u.marked_header:  # a date line above or inside the header
        return Block("dateline", u.start, u.end, date=u.date)
    return _header_block(u)


@dataclass
class _Article:
    """What the walk through the article part of the page collects."""

    blocks: list[Block]
    headings: list[Heading]
    title: str | None = None
    date: str | None = None
    author: str | None = None
    honorific: str | None = None


def _article(units: list[Unit], lang: str) -> _Article:
    """Title, datelines, subtitle, body blocks and headings of the article, in page order."""
    out = _Article([], [])
    section: str | None = None
    stage = "before-title"  # → "after-title" → ("after-subtitle") → "body"
    for i, u in enumerate(units):
        if u.nav or u.label or u.decoration:
            out.blocks.append(Block("boilerplate", u.start, u.end))
            continue
        if stage != "body" and (u.date or u.page_byline):
            out.date = out.date or u.date
            if u.page_byline and out.author is None:
                out.author, out.honorific = u.page_byline.author, u.page_byline.honorific
            out.blocks.append(Block("dateline", u.start, u.end, date=u.date))
            continue
        if stage == "before-title" and _title_candidate(u, lang):
            out.title = u.text
            out.blocks.append(Block("title", u.start, u.end))
            stage = "after-title"
            continue
        if stage == "after-title" and _is_subtitle(units, i, lang):
            out.blocks.append(Block("subtitle", u.start, u.end))
            stage = "after-subtitle"
            continue
        stage = "body"
        if _is_heading(units, i, lang):
            section = u.text
            out.headings.append(Heading(u.text, u.start, u.end))
            continue
        out.blocks.append(Block("body", u.start, u.end, section=section))
    return out


def _is_subtitle(units: list[Unit], i: int, lang: str) -> bool:
    """The unit right after the title is a subtitle if it is short and either unfinished
    (no final full stop) or followed by a dateline before the first paragraph."""
    u = units[i]
    if len(u.text) > SUBTITLE_MAX_CHARS or u.lang not in (lang, "mixed") or u.bullet:
        return False
    nxt = units[i + 1] if i + 1 < len(units) else None
    if nxt is not None and (nxt.date or nxt.page_byline):
        return True
    if _is_heading(units, i, lang):
        return False
    return not ends_sentence(u.text) and len(u.text) >= 20
