"""Regions of an HTML page, from its blocks (:mod:`bicorpus.readers.html`) and the text-line rules.

The main content the extractor kept is the article; the rest is ``site-header`` or
``boilerplate``.  Within the page, in order:

* the **title** is the block that reads as the page's metadata title (else the ``<h1>`` nearest
  the start of the main content);
* **datelines** are date lines and page bylines (``By NAME``) between the title and the first
  paragraph; a short unfinished line right after the title (or followed by a dateline) is the
  **subtitle**;
* ``<h2>``-``<h6>`` in the main content are **section headings**:
  the ``section`` of the body blocks under them, and body passages themselves (section: their
  own text), so a heading stays searchable.  A ``<figcaption>`` or table caption is never a
  heading: a body passage when the extractor kept it, else ``boilerplate``;
* **body**: the other main-content blocks, except lines the text rules know as navigation,
  header labels, share/print/copyright lines or bare decoration, which are ``boilerplate``; so
  are a line heading related articles (``readers/data/article_end.txt``: "Read also", "Auch
  interessant", "اقرأ أيضا"...) and the lines after it up to the next paragraph, and short
  promotion lines (``readers/data/promo.txt``: newsletters, subscriptions, cookie notices);
* outside the main content: header bullets of the shape ``AUTHOR يكتب: (TITLE)`` are
  ``site-header`` with their author and linked title (wherever they are, even inside the main
  content), other list items above the article are ``site-header`` with their linked title, and
  everything else is ``boilerplate``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from importlib.resources import files

from ..dates import find_date_normalized
from ..layout import (
    NAV_MAX_CHARS,
    NAV_PATTERN_MAX_CHARS,
    SHAPE_MAX_CHARS,
    Block,
    Byline,
    Heading,
    Layout,
    Unit,
    article_language,
    ends_sentence,
    is_header_label,
    is_navigation,
    make_unit,
    parse_byline,
    strip_brackets,
)
from ..layout import PARAGRAPH_MIN_CHARS as _UNIT_PARAGRAPH_CHARS
from ..layout import strip_bullet as _strip_bullet
from ..normalize import normalize_text
from .html import HtmlBlock, PageMeta, words_key
from .page_meta import month_dateline, page_date

#: Longest line (words) that can head an article's end or be a promotion line.
END_MAX_WORDS = 12
PROMO_MAX_WORDS = 25
#: A related-articles heading outside the main content heads main-content lines at most this many
#: blocks below it (or below the last line it heads).
TAIL_REACH = 2
#: Paragraph-shaped: at least this many characters, ending a sentence.
PARAGRAPH_MIN_CHARS = 80


@cache
def _phrases(name: str) -> frozenset[str]:
    """Entries of ``readers/data/NAME`` as word keys of their normalized text (read once)."""
    text = files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    lines = (line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))
    keys = (words_key(normalize_text(line)) for line in lines)
    return frozenset(k for k in keys if k)


def _key(text: str) -> str:
    """The words of a line's normalized text (alef and hamza forms, diacritics and case folded), as
    the phrase lists are matched."""
    return words_key(normalize_text(text))


#: A "Read also: HEADLINE" line: the cue before the first colon, at most this many characters.
CUE_MAX_CHARS = 40
#: ... and the whole line at most this many words (a headline, not a paragraph).
CUE_LINE_MAX_WORDS = 40
_CUE_RE = re.compile(r"([^:：]{2," + str(CUE_MAX_CHARS) + r"})[:：]\s*\S")


def _cue_line(text: str) -> bool:
    """A line that links one related article after a cue and a colon (``Read also: HEADLINE``,
    ``Lea también: …``, ``اقرأ أيضا: …``): the cue begins with an entry of ``article_end.txt``."""
    m = _CUE_RE.match(_strip_bullet(text))
    if m is None or len(text.split()) > CUE_LINE_MAX_WORDS:
        return False
    return _starts_with(_key(m.group(1)), "article_end.txt", END_MAX_WORDS)


def _starts_with(key: str, name: str, max_words: int) -> bool:
    """``key`` (a line's words) has at most ``max_words`` words and begins with an entry of ``name``
    of two words or more, or is an entry."""
    words = key.split(" ")
    if not key or len(words) > max_words:
        return False
    phrases = _phrases(name)
    if key in phrases:
        return True  # the whole line; an entry of one word only matches a whole line
    return any(" ".join(words[:n]) in phrases for n in range(2, min(len(words), 6) + 1))


def _paragraph(text: str) -> bool:
    return len(text) >= PARAGRAPH_MIN_CHARS and ends_sentence(text)


#: When no dateline follows the title: how many blocks above it and below it a date line may
#: stand, and the longest such line.
DATE_ABOVE_REACH = 3
DATE_BELOW_REACH = 8
NEAR_DATE_MAX_CHARS = 160
#: A line holding a date and other words is a date line near the title when it is this short.
NEAR_DATE_IN_MAX_CHARS = 80


def _update_line(text: str) -> bool:
    """The first date of ``text`` follows an update cue (``Updated …``, ``آخر تحديث: …``,
    ``Mis à jour le …``: ``readers/data/update_cues.txt``): the page's last change."""
    norm = normalize_text(text)
    found = find_date_normalized(norm)
    before = f" {words_key(norm[: found.start] if found else norm)} "
    return any(f" {cue} " in before for cue in _phrases("update_cues.txt"))


def _line_day(u: Unit, b: HtmlBlock, loose: bool) -> str | None:
    """The publication day a short line near the title shows: a dateline, a date opening or closing
    it after a label, a dateline written with a month name of another language
    (:func:`~bicorpus.readers.page_meta.month_dateline`: ``20. März 2021 - 15:00 Uhr``), or
    (``loose``) a date in a short line (``Issued on: 27/08/2019 - 18:34``,
    ``بيروت - الأحد ١٢ نيسان ٢٠١٧``); not in a list item, caption or navigation, not an update."""
    if b.item or b.caption or u.caption or u.nav or b.end - b.start > NEAR_DATE_MAX_CHARS:
        return None
    day = u.date or u.date_lead or u.date_tail or month_dateline(u.text)
    if day is None and loose and u.date_in and (len(u.text) <= NEAR_DATE_IN_MAX_CHARS or "|" in u.text):
        day = u.date_in
    if day is None or len(day) != 10 or _update_line(u.text):
        return None
    return day


def _near_title_date(units: _Units, blocks: Sequence[HtmlBlock], title_i: int,
                     loose: bool = True) -> str | None:
    """The day a date line near the title shows when none follows it: the nearest of the
    :data:`DATE_ABOVE_REACH` blocks above it (a kicker and date over the headline; not past a
    paragraph) and of the :data:`DATE_BELOW_REACH` blocks below it (a byline box after the lead).
    Not ``loose``: only lines shaped as datelines, not a date among other words."""
    for i in range(title_i - 1, max(-1, title_i - 1 - DATE_ABOVE_REACH), -1):
        b = blocks[i]
        if b.end - b.start >= _UNIT_PARAGRAPH_CHARS or b.level is not None:
            break
        if day := _line_day(units[i], b, loose):
            return day
    for i in range(title_i + 1, min(len(blocks), title_i + 1 + DATE_BELOW_REACH)):
        b = blocks[i]
        if b.level is not None and b.level >= 1 and i > title_i + 1:
            break  # the next headline: another article's
        if b.end - b.start <= NEAR_DATE_MAX_CHARS and (day := _line_day(units[i], b, loose)):
            return day
    return None


#: Longest block that can be the title / subtitle.
TITLE_MAX_CHARS = 300
SUBTITLE_MAX_CHARS = 300


_ALNUM_RE = re.compile(r"[^\W_]")


class _Units:
    """The text-line features of each block (:func:`bicorpus.layout_units.make_unit`), computed when first
    asked for: most blocks outside the article never need them.  ``shape(i)`` gives only the
    features a body line and a line outside the article are judged by, each computed when asked for."""

    def __init__(self, text: str, blocks: Sequence[HtmlBlock]) -> None:
        self.text = text
        self.blocks = blocks
        self.cache: dict[int, Unit] = {}
        self.shapes: dict[int, _Shape] = {}

    def __getitem__(self, i: int) -> Unit:
        unit = self.cache.get(i)
        if unit is None:
            b = self.blocks[i]
            unit = self.cache[i] = make_unit(self.text, b.start, b.end)
        return unit

    def shape(self, i: int) -> Unit | _Shape:
        unit = self.cache.get(i)
        if unit is not None:
            return unit
        shape = self.shapes.get(i)
        if shape is None:
            shape = self.shapes[i] = _Shape(self, i)
        return shape


class _Shape:
    """Header-bullet, label, navigation and decoration features of one block, each as
    :func:`~bicorpus.layout_units.make_unit` gives it, computed only when asked for (a long paragraph
    needs no normalization at all)."""

    __slots__ = ("_byline", "_key", "_label", "_nav", "_norm", "end", "i", "start", "text", "units")

    def __init__(self, units: _Units, i: int) -> None:
        b = units.blocks[i]
        self.units, self.i = units, i
        self.start, self.end = b.start, b.end
        self.text = units.text[b.start:b.end]
        self._norm: str | None = None
        self._key: str | None = None
        self._byline: Byline | bool | None = False  # False: not computed yet
        self._label: bool | None = None
        self._nav: bool | None = None

    @property
    def norm(self) -> str:
        if self._norm is None:
            self._norm = normalize_text(self.text)
        return self._norm

    @property
    def key(self) -> str:
        """The words of the normalized text (see :func:`_key`)."""
        if self._key is None:
            self._key = words_key(self.norm)
        return self._key

    @property
    def bullet(self) -> bool:
        return len(self.text) <= SHAPE_MAX_CHARS and _strip_bullet(self.text) != self.text

    @property
    def byline(self) -> Byline | None:
        if self._byline is False:
            has_colon = "：" in self.text or ":" in self.text
            self._byline = parse_byline(self.text) if has_colon else None
        return self._byline  # type: ignore[return-value]

    @property
    def label(self) -> bool:
        if self._label is None:
            self._label = len(self.text) <= NAV_MAX_CHARS and is_header_label(self.text, self.norm)
        return self._label

    @property
    def nav(self) -> bool:
        if self._nav is None:
            if len(self.text) > NAV_PATTERN_MAX_CHARS or not is_navigation(self.text, self.norm):
                self._nav = False
            else:  # a date line is no navigation: the full features decide
                self._nav = self.units[self.i].nav
        return self._nav

    @property
    def decoration(self) -> bool:
        return _ALNUM_RE.search(self.text) is None

    @property
    def marked_header(self) -> bool:
        return self.bullet or self.byline is not None or self.label or self.nav

    @property
    def paragraph_like(self) -> bool:
        return len(self.text) >= _UNIT_PARAGRAPH_CHARS and not self.marked_header


def _title_index(text: str, blocks: Sequence[HtmlBlock], units: _Units, meta: PageMeta,
                 first_main: int) -> int | None:
    """The block that is the page's title: one reading as the metadata title (an ``<h1>`` first,
    the one nearest the main content), else the ``<h1>`` nearest the start of the main content."""
    key = words_key(meta.title) if meta.title else ""
    near = len(meta.title or "")
    candidates = [i for i, b in enumerate(blocks)
                  if b.end - b.start <= TITLE_MAX_CHARS and not b.item
                  and (b.level == 1 or (key and abs(b.end - b.start - near) <= near // 2 + 8
                                        and words_key(text[b.start:b.end]) == key))
                  and not units[i].marked_header and units[i].date is None]
    if key:
        same = [i for i in candidates if words_key(text[blocks[i].start:blocks[i].end]) == key]
        if same:
            return min(same, key=lambda i: (blocks[i].level != 1, abs(i - first_main)))
    h1 = [i for i in candidates if blocks[i].level == 1 and not blocks[i].chrome]
    if h1:
        return min(h1, key=lambda i: abs(i - first_main))
    return None


def _outside_block(text: str, units: _Units, i: int, b: HtmlBlock, above: bool) -> Block:
    chunk = text[b.start:b.end]
    if not (b.item and above) and (("：" not in chunk and ":" not in chunk) or parse_byline(chunk) is None):
        return Block("boilerplate", b.start, b.end)  # the common case, without the line's features
    u = units.shape(i)
    if u.byline is not None and not u.label:
        by = u.byline
        return Block("site-header", u.start, u.end, author=by.author, honorific=by.honorific,
                     linked_title=by.linked_title)
    if above and b.item and not (u.nav or u.label or u.decoration):
        linked = strip_brackets(_strip_bullet(u.text)) or None
        return Block("site-header", u.start, u.end, linked_title=linked)
    return Block("boilerplate", u.start, u.end)


def _subtitle(units: _Units, blocks: Sequence[HtmlBlock], i: int, nxt: int | None) -> bool:
    u, b = units[i], blocks[i]
    if len(u.text) > SUBTITLE_MAX_CHARS or b.item or b.caption or u.marked_header:
        return False
    if b.level is not None and b.level >= 2:
        return False
    if nxt is not None and (units[nxt].date or units[nxt].page_byline):
        return True
    return not ends_sentence(u.text) and len(u.text) >= 20


def html_layout(text: str, blocks: Sequence[HtmlBlock], meta: PageMeta
                ) -> tuple[Layout, str | None, str | None]:
    """The :class:`~bicorpus.layout.Layout` of an HTML page's visible ``text``, with the title and the
    date its text lines give (``None`` when they give none), to compare with the page metadata."""
    units = _Units(text, blocks)
    mains = [i for i, b in enumerate(blocks) if b.main]
    first_main = mains[0] if mains else len(blocks)
    title_i = _title_index(text, blocks, units, meta, first_main)
    lang = article_language([units.shape(i) for i in mains]  # type: ignore[misc]
                            or [units.shape(i) for i in range(len(blocks))])
    start = min(first_main, title_i) if title_i is not None else first_main

    out: list[Block] = []
    headings: list[Heading] = []
    section: str | None = None
    text_title = text[blocks[title_i].start:blocks[title_i].end] if title_i is not None else None
    text_date: str | None = None
    updated: str | None = None  # a dateline naming the page's last change
    author = honorific = None
    stage = "before-title" if title_i is not None else "after-title"
    tail = False  # after a line heading related articles, until the next paragraph
    tail_at = -1  # the last block of that tail
    for i, b in enumerate(blocks):
        if i == title_i:
            u = units[i]
            out.append(Block("title", u.start, u.end))
            stage = "after-title"
            continue
        in_article = b.main
        if not in_article and stage == "after-title" and start < i < first_main:
            u = units[i]
            if (u.date or u.page_byline) and not u.marked_header:
                in_article = True  # a dateline between the title and the extracted text
        if not in_article:
            if stage == "body" and not tail and b.end - b.start < 400:  # a related-articles heading
                chunk = text[b.start:b.end]
                tail = (len(chunk.split()) <= 2 * END_MAX_WORDS  # most lines: not normalized
                        and _starts_with(_key(chunk), "article_end.txt", END_MAX_WORDS))
                tail_at = i
            out.append(_outside_block(text, units, i, b, above=i < start))
            continue
        u = units[i] if stage != "body" else units.shape(i)
        if u.byline is not None and not u.label:
            out.append(_outside_block(text, units, i, b, above=True))  # a header bullet the extractor kept
            continue
        key = ("" if len(u.text) >= 400 else u.key if isinstance(u, _Shape) else _key(u.text))
        if key and _cue_line(u.text):  # one related article linked inline: no list follows
            out.append(Block("boilerplate", u.start, u.end))
            continue
        if tail and i - tail_at > TAIL_REACH:
            tail = False  # the main content resumes further down: not the list that heading heads
        if stage == "body" and (tail or _starts_with(key, "article_end.txt", END_MAX_WORDS)):
            tail = not (b.level is None and not b.item and _paragraph(u.text))
            tail_at = i
            if tail:
                out.append(Block("boilerplate", u.start, u.end))
                continue
        if u.nav or u.label or u.decoration:
            out.append(Block("boilerplate", u.start, u.end))
            continue
        if _starts_with(key, "promo.txt", PROMO_MAX_WORDS):
            out.append(Block("boilerplate", u.start, u.end))
            continue
        if stage != "body" and (u.date or u.page_byline) and len(u.text) <= TITLE_MAX_CHARS:
            if u.date and _update_line(u.text):
                updated = updated or u.date
            else:
                text_date = text_date or u.date
            if u.page_byline and author is None:
                author, honorific = u.page_byline.author, u.page_byline.honorific
            out.append(Block("dateline", u.start, u.end, date=u.date))
            continue
        if stage == "after-title" and title_i is not None:
            nxt = next((j for j in range(i + 1, len(blocks)) if blocks[j].main), None)
            if _subtitle(units, blocks, i, nxt):
                out.append(Block("subtitle", u.start, u.end))
                stage = "body"
                continue
        stage = "body"
        if b.level is not None and b.level >= 2 and not b.caption:
            section = u.text
            headings.append(Heading(u.text, u.start, u.end))
        out.append(Block("body", u.start, u.end, section=section))

    if text_date is None and title_i is not None:
        # a date among other words beats no date, not htmldate's guess (which reads the text too)
        near = _near_title_date(units, blocks, title_i, loose=meta.date is None)
        if near and (meta.date is None or meta.date_guessed or near in meta.other_dates):
            text_date = near
    if text_date is None and meta.date is None:
        text_date = updated
    if meta.authors:
        author, honorific = meta.authors[0], None
    return Layout(
        lang=lang,
        title=meta.title or text_title,
        date=page_date(meta, text_date),
        author=author,
        honorific=honorific,
        blocks=tuple(out),
        headings=tuple(headings),
    ), text_title, text_date


__all__ = ["html_layout"]
