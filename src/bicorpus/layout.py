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

This module runs the passes in that order (:func:`analyze`); the stages live beside it: the units
and their features in :mod:`bicorpus.layout_units`, the shape of lines (paragraph, headline) in
:mod:`bicorpus.layout_shape`, the boilerplate passes in :mod:`bicorpus.layout_boilerplate`, the
title in :mod:`bicorpus.layout_title`, the page's date in :mod:`bicorpus.layout_dates`, and single rules
in the other ``layout_*`` modules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from .data import data_lines
from .layout_boilerplate import (
    _announces_list,
    _bare_name,
    _boilerplate_flags,
    _byline_in_text,
    _dated_chrome,
)
from .layout_clock import ordinal_clock
from .layout_dates import (
    _CLOCK_TIME_RE,
    _listing_day,
    _opening_timestamp,
    _page_day,
    _pick_date,
    _site_clock,
    _site_clock_day,
    _stamped_day,
)
from .layout_headline import read_more_teaser
from .layout_headline_tail import headline_goes_on
from .layout_lead_day import foreign_dateline, today_in_lead
from .layout_lead_verb import arabic_lead_verb
from .layout_shape import (
    _FIELD_RE,
    CAPTION_NEIGHBOUR_CHARS,
    STANDFIRST_MAX_CHARS,
    STANDFIRST_MIN_CHARS,
    STANDFIRST_TITLE_MIN_WORDS,
    _headline_shaped,
    _sentence_of_text,
    _two_sentences,
    is_paragraph,
)
from .layout_shape import looks_like_paragraph as looks_like_paragraph
from .layout_standfirst import standfirst_over_picture
from .layout_title import (
    _dated_headline,
    _entry_name_repeated,
    _headline_after_lead,
    _names_entry,
    _never_title,
    _Once,
    _one_sentence_headline,
    _opening,
    _pick_title,
    _prev_in,
    _starts_a_word,
    _whole_text_under,
    title_stems,
)
from .layout_title import _not_title_patterns as _not_title_patterns
from .layout_twice_headline import headline_given_twice
from .layout_units import (
    _CLOSERS,
    _TERMINAL,
    _WORD_RE,
    HEADING_MAX_CHARS,
    HEADING_MAX_WORDS,
    PARAGRAPH_MIN_CHARS,
    SHAPE_MAX_CHARS,
    SUBTITLE_MAX_CHARS,
    Unit,
    _final_char,
    _is_heading_shape,
    _label_key,
    _section_words,
    article_language,
    ends_sentence,
    strip_brackets,
    strip_bullet,
    units_of,
)

# Names imported as themselves stay importable from here: other modules, the tests and the bench
# read them from this module.
from .layout_units import NAV_MAX_CHARS as NAV_MAX_CHARS
from .layout_units import NAV_PATTERN_MAX_CHARS as NAV_PATTERN_MAX_CHARS
from .layout_units import Byline as Byline
from .layout_units import _caption_patterns as _caption_patterns
from .layout_units import _credit_patterns as _credit_patterns
from .layout_units import _first_letters as _first_letters
from .layout_units import _nav_patterns as _nav_patterns
from .layout_units import _one_pattern as _one_pattern
from .layout_units import _strip_punct as _strip_punct
from .layout_units import alnum_runs as alnum_runs
from .layout_units import is_caption as is_caption
from .layout_units import is_credit as is_credit
from .layout_units import is_header_label as is_header_label
from .layout_units import is_navigation as is_navigation
from .layout_units import line_key as line_key
from .layout_units import make_unit as make_unit
from .layout_units import parse_byline as parse_byline
from .layout_units import parse_page_byline as parse_page_byline
from .layout_units import site_key as site_key
from .layout_units import split_honorific as split_honorific

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
    if _key_point(u, article_lang):
        return False
    if u.marked_header or u.decoration:
        return True
    minority = u.lang in ("ar", "en") and u.lang != article_lang
    return minority and u.date is None and len(u.text) <= SHAPE_MAX_CHARS


#: Shortest bullet read as a sentence of the article (a key point) rather than a linked headline.
KEY_POINT_MIN_CHARS = 60


def _key_point(u: Unit, article_lang: str) -> bool:
    """A bullet in the article's script that is a finished sentence (``• The army withdrew from
    the city to spare civilians.``): one of the article's key points, not a header's linked
    headline (headlines do not end in a full stop) nor a byline."""
    return (u.bullet and u.byline is None and not u.label and not u.nav and u.lang == article_lang
            and len(u.text) >= KEY_POINT_MIN_CHARS and _final_char(u.text) == ".")


def _foreign_bullet(u: Unit, article_lang: str) -> bool:
    return u.bullet and u.lang in ("ar", "en") and u.lang != article_lang


def _zone_end(units: list[Unit], article_lang: str, *, require_marker: bool) -> int:
    """Length of the leading run of header-like units (0 if it has no marker and one is required:
    a byline, a header label, or a bullet in the other script; a plain list in the article's
    script is the article's own)."""
    n = 0
    while n < len(units) and _header_like(units[n], article_lang):
        n += 1
    if require_marker and not any(u.byline or u.label or _foreign_bullet(u, article_lang) for u in units[:n]):
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


def _announced_item(units: list[Unit], i: int) -> bool:
    """Line ``i`` is a ``Label: value`` item of a list a line of text announces with a colon
    (``… distributed among the provinces as follows:`` / ``Baghdad: 69 seats`` / ``Basra: 25
    seats``): the text's list, not a heading, even right above a paragraph."""
    k = i
    while k > 0 and _FIELD_RE.match(units[k].text):
        k -= 1
    return k < i and not _FIELD_RE.match(units[k].text) and _announces_list(units[k].text)


def _is_heading(units: list[Unit], i: int, article_lang: str, para: list[bool], boiler: list[bool]) -> bool:
    """A short unpunctuated line between paragraphs that heads a paragraph (or heads a
    subheading that does).  Above the first paragraph there are no section headings."""
    u = units[i]
    if u.marked_header or u.date or u.page_byline or u.caption:
        return False
    if u.html_level is not None and u.html_level >= 2:
        return True  # the page says so: <h2>-<h6>, whatever its punctuation or script
    if not any(para[:i]):
        return False
    if u.lang not in (article_lang, "mixed") or not _is_heading_shape(u.text) or "|" in u.text:
        return False
    if _announced_item(units, i):
        return False
    nxt = _next_kept(boiler, i)
    if nxt is None:
        return False
    if para[nxt]:
        return True
    after = _next_kept(boiler, nxt)
    return (after is not None and para[after] and _is_heading_shape(units[nxt].text)
            and not units[nxt].marked_header)


def _more_headings(
    units: list[Unit], first_para: int, lang: str, para: list[bool], boiler: list[bool]
) -> bool:
    """The article has section headings below its first paragraph."""
    return any(not boiler[j] and _is_heading(units, j, lang, para, boiler)
               for j in range(first_para + 1, len(units)))


def _next_kept(boiler: list[bool], i: int) -> int | None:
    return next((j for j in range(i + 1, len(boiler)) if not boiler[j]), None)


def _heads_key_points(units: list[Unit], boiler: list[bool], i: int, lang: str) -> bool:
    """``units[i]`` is a section word (``Summary``, ``Key Takeaways``, ``الملخص``) over the article's
    key points, maybe with a second section word between them (``Synopsis`` / ``Key Takeaways``)."""
    if _label_key(units[i].text) not in _section_words():
        return False
    j = _next_kept(boiler, i)
    while j is not None and _label_key(units[j].text) in _section_words():
        j = _next_kept(boiler, j)
    return j is not None and _key_point(units[j], lang)


def analyze(
    text: str, html_headings: Sequence[tuple[int, int, int]] = (), *, repeated: frozenset[str] = frozenset()
) -> Layout:
    """Regions of the page ``text`` (a decoded :class:`~bicorpus.sources.SourceText` text).

    ``html_headings`` (``SourceText.headings``) marks HTML ``<h1>`` as the title and ``<h2>``-``<h6>``
    as section headings, whatever their punctuation.  ``repeated`` holds the :func:`site_key` of
    lines that repeat across many pages of the page's site (:mod:`bicorpus.layout_site`): they are
    boilerplate, except header bullets, bylines and section headings."""
    units = units_of(text, html_headings)
    lang = article_language(units)
    if _label_page(units):
        return Layout(lang=lang, title=None, date=None, author=None, honorific=None,
                      blocks=(_header_block(units[0]),), headings=())
    top = _top_zone_end(units, lang)
    bottom = _zone_end(units[top:][::-1], lang, require_marker=True)
    head, article, foot = units[:top], units[top : len(units) - bottom], units[len(units) - bottom :]

    head_blocks = [_head_block(u) for u in head]
    body = _article(article, lang, repeated)
    foot_blocks = [_header_block(u) for u in foot]
    head_date = next((b.date for b in head_blocks if b.date), None)
    date = _stamped_day(units) or _page_day(head_date) or _page_day(body.date) or _opening_timestamp(units)
    if date is None and body.lead is not None:  # a dateline in another language, the story's "today"
        date = (foreign_dateline([u.text for u in units[: top + body.lead]])
                or today_in_lead(article[body.lead].text))
    title = body.title
    if title is None and body.opens and (k := _other_script_headline(head, lang)) is not None:
        title = head[k].text  # a text in one language under its headline in the other
        head_blocks[k] = Block("title", head[k].start, head[k].end)
    return Layout(
        lang=lang,
        title=title,
        date=date,
        author=body.author,
        honorific=body.honorific,
        blocks=(*head_blocks, *body.blocks, *foot_blocks),
        headings=tuple(body.headings),
    )


#: Fewest words of a headline in the other script read as the page's title.
OTHER_SCRIPT_TITLE_MIN_WORDS = 6
#: A picture's alt text left as one token (``z3fyyopy``, ``hezbollah``) is at most this long.
ALT_TOKEN_MAX_CHARS = 40


def _other_script_headline(head: list[Unit], lang: str) -> int | None:
    """With no title in the article and its text opening right under the site header (nothing
    but boilerplate between them: a picture's alt text in the article's script): the header's
    last line (a picture's alt text of one token under it aside) when it is a headline of
    :data:`OTHER_SCRIPT_TITLE_MIN_WORDS` words or more in the other script (``New statement from
    … : "Declaration"`` over a statement given in Arabic).  Site names, menus and taglines in the
    other script are shorter or not headline-shaped."""
    i = len(head) - 1
    if i > 0 and " " not in head[i].text.strip() and len(head[i].text) <= ALT_TOKEN_MAX_CHARS:
        i -= 1
    if i < 0:
        return None
    u = head[i]
    if (u.lang not in ("ar", "en") or u.lang == lang or u.bullet or u.byline or u.label or u.nav
            or u.decoration or u.caption or u.date or u.date_in or u.page_byline):
        return None
    if len(_WORD_RE.findall(u.text)) < OTHER_SCRIPT_TITLE_MIN_WORDS or _never_title(u):
        return None
    return i if _headline_shaped(u, u.lang) else None


#: A page that is one line of at most this many words (no <h1>, no date) is a tag page's label.
LABEL_PAGE_MAX_WORDS = 5


def _label_page(units: list[Unit]) -> bool:
    """The page is a tag or category page holding only its label (``سعر الفائدة 2026``, ``Syria
    elections``): site chrome with no article under it, no title.  A headline alone (more words)
    is still a title."""
    if len(units) != 1:
        return False
    u = units[0]
    return (u.html_level is None and not (u.date or u.date_in or u.date_lead)
            and len(u.text) <= SHAPE_MAX_CHARS and len(_WORD_RE.findall(u.text)) <= LABEL_PAGE_MAX_WORDS)


def _head_block(u: Unit) -> Block:
    if u.date and not u.marked_header and not ordinal_clock(u.text):  # a date line above or inside the header
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
    #: The first paragraph (its number among the article's units), if any.
    lead: int | None = None
    #: The text opens the article part: nothing but boilerplate above its first paragraph.
    opens: bool = False


def _article(units: list[Unit], lang: str, repeated: frozenset[str] = frozenset()) -> _Article:
    """Title, datelines, subtitle, body blocks and headings of the article, in page order."""
    out = _Article([], [])
    n = len(units)
    para = [is_paragraph(u) for u in units]
    tickers = _early_tickers(units, para)
    for i in tickers:
        para[i] = False  # a ticker is no paragraph: the lines under it are not "after the text"
    boiler = _boilerplate_flags(units, para, repeated, lang)
    for i in tickers:
        boiler[i] = True
    _mark_headline_tickers(units, para, boiler)
    twice = headline_given_twice(units, para, boiler, lambda i: _headline_shaped(units[i], lang))
    if twice is not None:
        boiler = [*boiler[:twice], False, *boiler[twice + 1:]]  # the page's headline given twice at its top
    kept_paras = [i for i in range(n) if para[i] and not boiler[i]]
    first_para = kept_paras[0] if kept_paras else n
    lead_end = kept_paras[1] if len(kept_paras) > 1 else n  # datelines may follow a standfirst
    zone = [i for i in range(first_para) if not boiler[i]]
    set_aside: list[int] = []
    title_i = _pick_title(units, zone, lang, first_para, set_aside)
    other_stories = frozenset(i for i in set_aside
                              if not (units[i].date or units[i].date_in or units[i].page_byline))
    glued_key = None
    whole_under = _Once(lambda: _whole_text_under(units, first_para))
    if title_i is not None and (bare := _bare_copy(units, zone, title_i, lang, whole_under)) != title_i:
        glued_key, title_i = units[title_i].key, bare
    elif title_i is not None:
        glued_key = _cut_copy_key(units, zone, title_i, first_para)  # the headline's cut copy under it
    if title_i is None:  # a title given twice (page title and headline) under a summary paragraph
        title_i = next((i for i in range(first_para, min(lead_end, n)) if not boiler[i] and units[i].key
                        and _headline_shaped(units[i], lang)
                        and any(units[k].key == units[i].key for k in range(i + 1, min(i + 4, n)))), None)
    opening = _opening(units, first_para) if any(
        boiler[i] and not (units[i].nav or units[i].label or units[i].decoration or units[i].caption)
        for i in range(first_para)) else ""
    named = _entry_name_repeated(units, boiler, opening, first_para, lang, repeated) if opening else None
    if named is not None and (title_i is None or named < title_i) and not any(
            _names_entry(units, i, opening, lang) for i in zone):
        title_i = named
        boiler = [*boiler[:named], False, *boiler[named + 1:]]
    if title_i is None:  # a blog's tagline or teaser above the post's date and headline
        restart = _headline_after_lead(units, lang, para, boiler, kept_paras)
        if restart is not None:
            title_i, first_para = restart
            later = [i for i in kept_paras if i > first_para]
            lead_end = later[0] if later else n
            zone = [i for i in range(first_para) if not boiler[i]]
    if title_i is None and zone and _dated_headline(units[zone[0]], lang):
        title_i = zone[0]
    if title_i is None and (summary := _one_sentence_headline(units, lang, zone, kept_paras)) is not None:
        title_i = summary
        later = [i for i in kept_paras if i > title_i]
        first_para = later[0] if later else n
        lead_end = later[1] if len(later) > 1 else n
        zone = [i for i in range(first_para) if not boiler[i]]
    if title_i is not None:
        title_i = _headline_over_standfirst(units, zone, title_i, lang, para, boiler)
        _mark_captions_under_title(units, boiler, title_i, first_para)
    clock = _site_clock(units, zone, title_i)
    picked = _pick_date(units, [i for i in zone if i != clock], boiler)
    if picked and (picked[0] == clock or _site_clock_day(units[picked[0]])
                   or _listing_day(units, boiler, picked[0]) or ordinal_clock(units[picked[0]].text)):
        picked = None
    date_i = picked[0] if picked else None
    out.date = picked[1] if picked else None
    title_key = units[title_i].key if title_i is not None else None
    subtitle_i = None
    if title_i is not None:
        apart = _copy_apart(units, zone, title_i)
        subtitle_i = _subtitle_of(units, title_i, lang, para, boiler, unfinished=not apart)
    if subtitle_i is None and title_i is not None:
        subtitle_i = (_restated_standfirst(units, title_i, lang, para, boiler)
                      or _standfirst_over_wire(units, title_i, lang, para, boiler)
                      or _standfirst_above_picture(units, title_i, lang, para, boiler))
    if subtitle_i is not None and ((glued_key and units[subtitle_i].key == glued_key)
                                   or _too_short_for_standfirst(units[subtitle_i])
                                   or arabic_lead_verb(units[subtitle_i].text)):
        subtitle_i = None  # the headline's glued copy, a caption or a label under it, the lead: no standfirst
    points = (_key_points_under_title(units, title_i, first_para, lang, para, boiler)
              if title_i is not None and first_para < n else frozenset())
    out.lead = first_para if first_para < n else None
    out.opens = out.lead is not None and all(boiler[:first_para])
    section: str | None = None
    for i, u in enumerate(units):
        if boiler[i]:
            out.blocks.append(Block("boilerplate", u.start, u.end))
        elif i == title_i:
            out.title = u.text
            out.blocks.append(Block("title", u.start, u.end))
        elif i == subtitle_i:
            out.blocks.append(Block("subtitle", u.start, u.end))
        elif i in points:
            out.blocks.append(Block("subtitle", u.start, u.end))  # the standfirst's key points
        elif title_key and i > title_i and u.key == title_key:
            out.blocks.append(Block("site-header", u.start, u.end))  # the title repeated
        elif glued_key and i < first_para and u.key == glued_key:
            out.blocks.append(Block("site-header", u.start, u.end))  # the title with chrome glued to it
        elif i == clock or (i < first_para and _dated_chrome(u)):
            out.blocks.append(Block("site-header", u.start, u.end))  # the site's clock, not the page's day
        elif title_i is None and i in other_stories:
            out.blocks.append(Block("site-header", u.start, u.end))  # other stories' headlines, no title
        elif i < lead_end and (u.date or u.page_byline or (u.date_in and not para[i])):
            if date_i is not None and i < date_i and not u.page_byline and any(
                    not (units[k].date or units[k].date_in or units[k].page_byline)
                    for k in range(i + 1, date_i)):
                out.blocks.append(Block("site-header", u.start, u.end))  # a clock above the page's own date
                continue
            if u.page_byline and out.author is None:
                out.author, out.honorific = u.page_byline.author, u.page_byline.honorific
            out.blocks.append(Block("dateline", u.start, u.end, date=u.date or u.date_in))
        elif (title_i is not None and (i - 1 in (title_i, subtitle_i) or i - 1 == first_para == title_i + 1)
              and not boiler[i - 1] and _bare_name(u.text)):
            if out.author is None:
                out.author = u.text  # the writer's name alone under the headline: the byline
            out.blocks.append(Block("dateline", u.start, u.end))
        elif (i < first_para
              and (_next_kept(boiler, i) == first_para or _heads_key_points(units, boiler, i, lang))
              and (title_i < i if title_i is not None else _label_key(u.text) in _section_words())
              and _is_heading_shape(u.text.rstrip(" :：")) and not u.marked_header and not u.caption
              and u.lang in (lang, "mixed") and "|" not in u.text and not u.date_in
              and (_label_key(u.text) in _section_words()
                   or _more_headings(units, first_para, lang, para, boiler))):
            section = u.text  # a heading over the first paragraph, under the title ("Early Life", "مقدمة:")
            out.headings.append(Heading(u.text, u.start, u.end))
        elif i < first_para and (own := _article_line_above_text(units, i, title_i, first_para, lang,
                                                                  para, boiler)):
            if own == "heading":
                section = u.text
                out.headings.append(Heading(u.text, u.start, u.end))
            else:
                out.blocks.append(Block("body", u.start, u.end, section=section))
        elif (i < first_para and (len(u.text) < PARAGRAPH_MIN_CHARS or (title_i is not None and i < title_i)
                                  or (not para[i] and _never_title(u)))  # an infobox's "Part of …"
              and not _is_heading(units, i, lang, para, boiler) and not _key_point(u, lang)):
            out.blocks.append(Block("site-header", u.start, u.end))  # chrome: site name, kicker, tags
        elif u.date and len(u.text) <= SHAPE_MAX_CHARS and i > first_para:
            out.blocks.append(Block("dateline", u.start, u.end, date=u.date))
        elif i > first_para and _byline_in_text(u):
            out.blocks.append(Block("dateline", u.start, u.end))  # a listed item's or a box's byline
        elif _is_heading(units, i, lang, para, boiler):
            section = u.text
            out.headings.append(Heading(u.text, u.start, u.end))
        else:
            out.blocks.append(Block("body", u.start, u.end, section=section))
    return out


#: A ticker of headlines run into one line is at least this long, ...
TICKER_MIN_CHARS = 250
#: ... and stands among this many first lines of the article part, above its first paragraph.
TICKER_REACH = 4
#: The two dots that join an Arabic headline's parts (``«دافع عن الفتيات فقتل».. تفاصيل``); an
#: ellipsis has three.
_HEADLINE_JOIN_RE = re.compile(r"(?<!\.)\.\.(?!\.)")
_ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064a]")


def _headline_ticker(u: Unit) -> bool:
    """An Arabic site's ticker of headlines run together into one long line (``اندلاع حريق في شقة
    سكنية .. تفاصيل مصرع شاب … جامعة بنها تشارك في …``): headlines joined by ``..`` and spaces, with
    no comma anywhere (prose of that length has some) and no sentence end at its end."""
    t = u.text.rstrip()
    return (len(t) >= TICKER_MIN_CHARS and t[-1] not in _TERMINAL + _CLOSERS and "،" not in t and "," not in t
            and _HEADLINE_JOIN_RE.search(t) is not None and _ARABIC_LETTER_RE.search(t) is not None)


def _early_tickers(units: list[Unit], para: list[bool]) -> list[int]:
    """The tickers of headlines (:func:`_headline_ticker`) among the first lines, above the first
    paragraph, found before the boilerplate is: a ticker long enough to read as a paragraph must
    not count as the page's last paragraph when the text under it is cut short (the masthead,
    the headline and the dateline under it would read as a footer)."""
    found = []
    for i in range(min(len(units), TICKER_REACH)):
        u = units[i]
        if u.nav or u.label or u.decoration or u.caption:
            continue
        if len(u.text) >= TICKER_MIN_CHARS and _headline_ticker(u):
            found.append(i)
        elif para[i]:
            break
    return found


def _mark_headline_tickers(units: list[Unit], para: list[bool], boiler: list[bool]) -> None:
    """Flag a ticker of headlines (:func:`_headline_ticker`) among the first lines, above the first
    paragraph: the site's chrome, never the article's lead."""
    for i in range(min(len(units), TICKER_REACH)):
        if boiler[i]:
            continue
        if len(units[i].text) >= TICKER_MIN_CHARS and _headline_ticker(units[i]):
            boiler[i] = True
        elif para[i]:
            return


#: A standfirst has more words than this; a shorter line under the headline is a picture's
#: caption ("Islamic State militants", "السلطة الوطنية الفلسطينية"), a label or a source.
STANDFIRST_MAX_SHORT_WORDS = 4


def _too_short_for_standfirst(u: Unit) -> bool:
    return 1 < len(u.text.split()) <= STANDFIRST_MAX_SHORT_WORDS and not ends_sentence(u.text)


#: Shortest caption (key characters) whose copy may have its credit glued to it.
GLUED_CAPTION_MIN_CHARS = 12


def _mark_captions_under_title(units: list[Unit], boiler: list[bool], title_i: int, first_para: int) -> None:
    """Under the title, a short unfinished line given twice in a row, the second copy perhaps with
    its credit glued to it (``ناقلة نفط إيرانية`` / ``ناقلة نفط إيرانية``, ``الرئيس التونسي قيس سعيد``
    / ``الرئيس التونسي قيس سعيدصورة من: …``), is a picture's alt text and caption, not a heading
    over the first paragraph; the title's own copies aside.  When the picture stands above the
    first paragraph, short unfinished lines between the title and it (tags, a kicker) do not
    become a heading either; a picture further down leaves the text's headings above it alone."""
    title_key = units[title_i].key
    for i in range(title_i + 2, len(units)):
        first, second = units[i - 1], units[i]
        if (not first.key or first.key == title_key or (boiler[i - 1] and boiler[i]) or first.bullet
                or len(first.text) >= CAPTION_NEIGHBOUR_CHARS or ends_sentence(first.text)
                or first.date or first.page_byline):
            continue
        rest = second.key[len(first.key) :] if second.key.startswith(first.key) else " "
        glued = len(first.key) >= GLUED_CAPTION_MIN_CHARS and rest[:1] not in ("", " ")
        if second.key == first.key or glued:
            boiler[i - 1] = boiler[i] = True
            if i >= first_para:
                continue  # a picture inside the text: the headings above it stay
            for k in range(title_i + 1, i - 1):
                u = units[k]
                if not (u.date or u.date_in or u.page_byline or ends_sentence(u.text)
                        or len(u.text) >= CAPTION_NEIGHBOUR_CHARS):
                    boiler[k] = True


#: At most this many words of chrome (site name, breadcrumb) glued to a copy of the headline.
GLUED_CHROME_MAX_WORDS = 6


def _bare_copy(units: list[Unit], zone: list[int], title_i: int, lang: str,
               under: Callable[[], str] | None = None) -> int:
    """The headline without the chrome glued to it: when the chosen line is another headline-shaped
    line above the first paragraph with a few words before or after it (a site name
    ``العرب اليوم - …``, a breadcrumb without separators ``Home News …``), the bare headline (its
    first copy) is the title; the glued line is ``site-header``."""
    key = units[title_i].key
    for i in zone:
        bare = units[i].key
        if (i == title_i or not bare or len(bare) >= len(key) or not _headline_shaped(units[i], lang)
                or _never_title(units[i])):
            continue
        if key.startswith(bare + " "):
            extra = key[len(bare):]
        elif key.endswith(" " + bare):
            extra = key[: -len(bare)]
        elif len(bare) >= GLUED_CAPTION_MIN_CHARS and key.endswith(bare):
            extra = key[: -len(bare)] + " "  # glued without a space: "HomeWorldQatar PM hopes …"
        else:
            continue
        if len(extra.split()) <= GLUED_CHROME_MAX_WORDS:
            if under is not None and title_i < i and _goes_on(units, title_i, i, under):
                continue  # the headline whole over its cut copy, not chrome glued to it
            return i
    return title_i


def _cut_copy_key(units: list[Unit], zone: list[int], title_i: int, first_para: int) -> str | None:
    """The key of a copy of the title cut short under it, above the first paragraph (``… Kicks Off``
    under ``… Kicks Off (Oman)``, :func:`headline_goes_on`): ``site-header``, never the standfirst."""
    title = units[title_i]
    under = _Once(lambda: _whole_text_under(units, first_para))
    for i in zone:
        key = units[i].key
        if (i > title_i and key and len(key) < len(title.key)
                and (title.key.startswith(key + " ") or title.key.endswith(" " + key))
                and _goes_on(units, title_i, i, under)):
            return key
    return None


def _goes_on(units: list[Unit], whole: int, cut: int, under: Callable[[], str]) -> bool:
    """``units[whole]`` is the headline and ``units[cut]`` its cut copy (:func:`headline_goes_on`)."""
    return headline_goes_on(units[whole].text, units[cut].text, under, title_stems, _starts_a_word)


def _subtitle_of(
    units: list[Unit], title_i: int, lang: str, para: list[bool], boiler: list[bool],
    *, unfinished: bool = True,
) -> int | None:
    """The standfirst: the first kept unit after the title (datelines aside) if it is short and
    either unfinished (no final full stop; not when ``unfinished`` is false) or followed by a
    dateline before the first paragraph."""
    title_key = units[title_i].key
    i = title_i + 1
    while i < len(units) and (boiler[i] or units[i].key == title_key):
        i += 1
    if i >= len(units):
        return None
    u = units[i]
    if u.date or u.page_byline or u.date_in:
        return _standfirst_under_dateline(units, i, lang, para, boiler)
    if len(u.text) > SUBTITLE_MAX_CHARS:
        return None
    if read_more_teaser(u.text):
        return None  # a listed story's teaser under its headline, not the page's standfirst
    if (u.bullet or u.caption or u.lang not in (lang, "mixed") or _never_title(u)
            or _CLOCK_TIME_RE.search(u.text)):
        return None  # a clock ("آخر تحديث GMT04:59:17") is the site's, not a standfirst
    nxt = _next_kept(boiler, i)
    if (nxt is not None and (units[nxt].date or units[nxt].page_byline or units[nxt].date_in)
            and any(para[nxt + 1 :])):
        return i  # a standfirst above the dateline (not the only paragraph above a date at the bottom)
    if (i + 1 < len(units) and units[i + 1].caption and nxt is not None
            and len(u.text) <= STANDFIRST_MAX_CHARS):
        return i  # a standfirst above the picture or its credit
    if (title_key and i + 1 < len(units) and units[i + 1].key == title_key and any(para[i + 1 :])
            and not u.key.startswith(title_key + " ")):  # not an entry's first words ("X is ...")
        return i  # a standfirst between the title and its copy (the headline block given twice)
    if _is_heading(units, i, lang, para, boiler):
        return None
    return i if unfinished and not ends_sentence(u.text) and len(u.text) >= 20 else None


#: A standfirst the first paragraph restates: its length (a longer line is a paragraph), and the
#: share of its content words (:func:`title_stems`, at least ``RESTATED_MIN_WORDS``) that come back
#: in that paragraph.
RESTATED_MIN_CHARS = 40
RESTATED_MIN_WORDS = 4
RESTATED_SHARE = 0.55


def _restated_standfirst(
    units: list[Unit], title_i: int, lang: str, para: list[bool], boiler: list[bool]
) -> int | None:
    """A standfirst right under the title (or its copy): a line of one or two
    sentences that the longer paragraph right under it tells again (``Six members of the Yemeni
    security forces were killed …`` over ``Eleven people including at least six members of the
    security forces have been killed …``): a summary before the text, not its first paragraph.
    Another paragraph must follow (a page of two lines is all text); a finished line under the
    title's dateline is the lead of the text."""
    title_key = units[title_i].key

    def skipped(k: int) -> bool:
        v = units[k]
        return boiler[k] or (bool(title_key) and v.key == title_key)

    i = title_i + 1
    while i < len(units) and skipped(i):
        i += 1
    j = i + 1
    while j < len(units) and skipped(j):
        j += 1
    if j >= len(units) or not para[j] or not any(para[j + 1 :]):
        return None
    u = units[i]
    if (not RESTATED_MIN_CHARS <= len(u.text) <= STANDFIRST_MAX_CHARS or len(u.text) >= len(units[j].text)
            or u.bullet or u.caption or u.marked_header or u.lang not in (lang, "mixed") or _never_title(u)):
        return None
    stems = title_stems(u.text)
    if len(stems) < RESTATED_MIN_WORDS:
        return None
    return i if len(stems & title_stems(units[j].text)) >= RESTATED_SHARE * len(stems) else None


#: A wire dateline opening the text: a place in capitals or a place and its agency, then a dash
#: (``BAGHDAD —``, ``ERBIL, Kurdistan Region –``, ``Mogadishu (Caasimada Online) –``, ``— --``,
#: ``الحسكة ـ``, ``بغداد (رويترز) –``).
_WIRE_OPENING_RE = re.compile(
    r"^(?:[A-Z][A-Z.'-]{2,}(?:[ ,/]+[A-Za-z.'-]+){0,3}\s*(?:\([^()]{1,30}\))?\s*[—–-]"
    r"|[A-Z][A-Za-z.'-]+(?:\s[A-Z][A-Za-z.'-]+){0,2}\s*\([^()]{1,30}\)\s*[—–-]"
    r"|[—–]\s*--"
    r"|[\u0600-\u06ff]+(?:\s[\u0600-\u06ff]+){0,2}\s*(?:\([^()]{1,30}\))?\s*[-ـ–—]\s)"
)


def _headline_over_standfirst(
    units: list[Unit], zone: list[int], title_i: int, lang: str, para: list[bool], boiler: list[bool]
) -> int:
    """Two headlines stacked right above a text opening with its wire dateline (``Rebels surrender
    heavy arms in Syria's Ghouta`` / ``Syrian government forces have taken full control over Douma``
    / ``BEIRUT - The remaining rebels …``): the upper one is the title, the lower its standfirst,
    however long each is."""
    j = _next_kept(boiler, title_i)
    if (j is None or not (para[j] or len(units[j].text) >= PARAGRAPH_MIN_CHARS)
            or not _WIRE_OPENING_RE.match(units[j].text)):
        return title_i
    prev = _prev_in(zone, title_i) if title_i in zone else None
    if (prev is None or prev != title_i - 1 or not _headline_shaped(units[prev], lang)
            or _never_title(units[prev])
            or len(_WORD_RE.findall(units[prev].text)) < STANDFIRST_TITLE_MIN_WORDS):
        return title_i
    return prev


def _first_under_title(units: list[Unit], title_i: int, boiler: list[bool]) -> int | None:
    """The first line under the title that is neither boilerplate nor a copy of the title."""
    title_key = units[title_i].key
    i = title_i + 1
    while i < len(units) and (boiler[i] or (bool(title_key) and units[i].key == title_key)):
        i += 1
    return i if i < len(units) else None


def _standfirst_over_wire(
    units: list[Unit], title_i: int, lang: str, para: list[bool], boiler: list[bool]
) -> int | None:
    """A standfirst between the title and a text that opens with its wire dateline (``BAGHDAD —
    Soldiers cheered …``, ``الحسكة ـ لا تنتهي …``): the news text starts at the dateline, so the
    line of text above it (datelines and bylines aside) is the summary given before it."""
    i = _first_under_title(units, title_i, boiler)
    if i is None:
        return None
    u = units[i]
    if (u.date or u.date_in or u.page_byline or len(u.text) > STANDFIRST_MAX_CHARS or u.bullet or u.caption
            or u.marked_header or u.lang not in (lang, "mixed") or _never_title(u)
            or _WIRE_OPENING_RE.match(u.text)):
        return None
    j = _next_kept(boiler, i)
    while j is not None and (units[j].date or units[j].page_byline) and not para[j]:
        j = _next_kept(boiler, j)
    if (j is None or not (para[j] or len(units[j].text) >= PARAGRAPH_MIN_CHARS)  # "— --" reads as a bullet
            or not _WIRE_OPENING_RE.match(units[j].text)):
        return None
    return i


def _standfirst_above_picture(
    units: list[Unit], title_i: int, lang: str, para: list[bool], boiler: list[bool]
) -> int | None:
    """A standfirst of one or two finished sentences right under the title, above the page's
    picture (its alt text, caption, credit or share bar) and the text under it
    (:func:`~bicorpus.layout_standfirst.standfirst_over_picture`)."""
    title_key = units[title_i].key
    i = _first_under_title(units, title_i, boiler)
    if i is None:
        return None
    u = units[i]
    if (u.date or u.date_in or u.page_byline or u.bullet or u.caption or u.marked_header
            or u.lang not in (lang, "mixed") or _never_title(u) or _WIRE_OPENING_RE.match(u.text)
            or (title_key and u.key.startswith(title_key + " "))):  # an entry's first words ("X is ...")
        return None
    texts = [v.text for v in units]
    chrome = [b and (v.nav or v.label) for v, b in zip(units, boiler, strict=True)]
    pictures = [v.caption or v.credit or (b and not c) for v, b, c in zip(units, boiler, chrome, strict=True)]
    found = standfirst_over_picture(i, texts, para, boiler, pictures, chrome,
                                    lambda j: _more_headings(units, j, lang, para, boiler))
    return i if found else None


def _standfirst_under_dateline(
    units: list[Unit], i: int, lang: str, para: list[bool], boiler: list[bool]
) -> int | None:
    """A standfirst under the title's dateline(s) (``i`` is the first): a long unfinished line (no
    final punctuation, not running text) before the first paragraph."""
    j = _next_kept(boiler, i)
    while j is not None and (units[j].date or units[j].page_byline or units[j].date_in) and not para[j]:
        j = _next_kept(boiler, j)
    if j is None or para[j] or not any(para[j + 1 :]):
        return None
    v = units[j]
    if (len(v.text) < STANDFIRST_MIN_CHARS or len(v.text) > SUBTITLE_MAX_CHARS or ends_sentence(v.text)
            or v.marked_header or v.caption or v.lang not in (lang, "mixed") or _never_title(v)):
        return None
    return j


def _copy_apart(units: list[Unit], zone: list[int], title_i: int) -> bool:
    """The title is given again above the text, not right under it (an entry's name over its
    tagline and again over its infobox): the lines between are the page's chrome, an unfinished
    one among them no standfirst (``Extended-protected article``, ``Arabic: قوات الدعم السريع``)."""
    key = units[title_i].key
    return bool(key) and any(k > title_i + 1 and units[k].key == key for k in zone)


# --- the article's own lines above its first paragraph -------------------------------------------

#: A short item of a bulleted list is the article's when the run of bullets (same marker, the
#: article's script) it stands in has at least this many items, ...
ARTICLE_LIST_MIN_ITEMS = 3
#: ... and at least this share of the others are of paragraph length, some of them finished
#: sentences (a site's list of linked headlines or tags is made of short lines, a poll's of
#: unfinished ones).
ARTICLE_LIST_LONG_SHARE = 0.5


def _article_line_above_text(
    units: list[Unit], i: int, title_i: int | None, first_para: int, lang: str,
    para: list[bool], boiler: list[bool],
) -> str | None:
    """``"heading"`` or ``"body"`` when ``units[i]`` (above the first paragraph, short, not the
    title) is the article's text that the chrome rule would take as a site's line: the page's
    first line, with no title, heading its first paragraph in a text cut into sections below
    (``A preventable tragedy`` over the opening paragraph of a page that starts there), or an item
    of a list of the article's own sentences (``• ينظم البحث كالآتي :`` among long items of the
    same bullet)."""
    u = units[i]
    if ((title_i is not None and i < title_i) or u.byline or u.page_byline or u.label or u.nav
            or u.caption or u.credit or u.date or u.date_in or u.decoration or u.lang not in (lang, "mixed")):
        return None
    if u.bullet:
        return "body" if _item_of_article_list(units, i, lang, boiler) else None
    if _opening_sentence(units, i, lang, para, boiler):
        return "body"
    text = u.text.rstrip(" :：")
    if (u.lang != lang or "|" in text or not _is_heading_shape(text)
            or (len(text.split()) < 2 and _label_key(text) not in _section_words())):
        return None
    nxt = _next_kept(boiler, i)
    if nxt is None or not para[nxt] or _announced_item(units, i):
        return None
    if title_i is not None or any(not boiler[k] for k in range(i)):
        return None  # under a title or other lines: a kicker, a byline, a source line
    return "heading" if _sections_below(units, first_para, lang, para, boiler) else None


#: Fewest words of a one-line paragraph of the article above its first long paragraph.
OPENING_SENTENCE_MIN_WORDS = 4


def _opening_sentence(units: list[Unit], i: int, lang: str, para: list[bool], boiler: list[bool]) -> bool:
    """``units[i]`` is a short paragraph of one finished sentence of the article's script, with a
    verb (``Gulf residents are still in shock.``), right over a paragraph: the text's first
    paragraph, kept short, not a site's line (those do not end in a full stop)."""
    u = units[i]
    nxt = _next_kept(boiler, i)
    return (u.lang == lang and _final_char(u.text) == "." and not _two_sentences(u.text)
            and len(u.text.split()) >= OPENING_SENTENCE_MIN_WORDS and nxt is not None and para[nxt]
            and _sentence_of_text(u.text))


def _sections_below(
    units: list[Unit], first_para: int, lang: str, para: list[bool], boiler: list[bool]
) -> bool:
    """Below its first paragraph the text has a short line of its script between two paragraphs
    (a section heading, a question heading ``What part, exactly?``): the text is cut into
    sections, so a line of that shape over its first paragraph is one too."""
    for j in range(first_para + 1, len(units)):
        v = units[j]
        if (boiler[j] or para[j] or v.lang != lang or v.marked_header or v.date or v.caption
                or len(v.text) > HEADING_MAX_CHARS or len(v.text.split()) > HEADING_MAX_WORDS
                or _final_char(v.text) == "."):
            continue
        prev, nxt = _prev_kept(boiler, j), _next_kept(boiler, j)
        if prev is not None and nxt is not None and para[prev] and para[nxt]:
            return True
    return False


def _prev_kept(boiler: list[bool], i: int) -> int | None:
    return next((j for j in range(i - 1, -1, -1) if not boiler[j]), None)


def _item_of_article_list(units: list[Unit], i: int, lang: str, boiler: list[bool]) -> bool:
    """``units[i]`` is a bullet in a run of kept bullets with the same marker, in the article's
    script, most of them sentences of paragraph length: the article's list, whatever this item's
    length."""
    marker = units[i].text[:1]

    def item(k: int) -> bool:
        v = units[k]
        return (not boiler[k] and v.bullet and v.text[:1] == marker and v.byline is None
                and v.lang in (lang, "mixed"))

    lo = i
    while lo > 0 and item(lo - 1):
        lo -= 1
    hi = i + 1
    while hi < len(units) and item(hi):
        hi += 1
    run = range(lo, hi)
    if len(run) < ARTICLE_LIST_MIN_ITEMS:
        return False
    long_items = [units[k].text for k in run if k != i and len(units[k].text) >= PARAGRAPH_MIN_CHARS]
    return (len(long_items) >= ARTICLE_LIST_LONG_SHARE * (len(run) - 1)
            and any(ends_sentence(text) for text in long_items))


# --- the standfirst given as key points under the title ------------------------------------------

#: Key points under the title: at least this many bullets, each a finished sentence of at least
#: this many words (a list of tags is shorter, linked headlines are unfinished).
KEY_POINTS_MIN_ITEMS = 2
KEY_POINT_MIN_WORDS = 5


@cache
def _standfirst_cues() -> frozenset[str]:
    return frozenset(_label_key(w) for w in data_lines("standfirst_cues.txt"))


def _key_points_under_title(
    units: list[Unit], title_i: int, first_para: int, lang: str, para: list[bool], boiler: list[bool],
) -> frozenset[int]:
    """The bullets of the standfirst: a run of bulleted sentences of the article's script (same
    marker) between the title and the first paragraph (or the section heading over it), under the
    datelines or a line announcing a summary (``Key Takeaways``, ``أبرز النقاط``): ``- The Houthi
    group arrested WFP staff in Sanaa.`` / ``- UNICEF staff are also being questioned.`` over
    ``Aden, Sep 1 (NationPress) The Houthi group …`` sum the text up, they are not its body."""
    title_key = units[title_i].key
    i = title_i + 1
    while i < first_para and (boiler[i] or units[i].key == title_key or units[i].date or units[i].date_in
                              or units[i].page_byline or _label_key(units[i].text) in _standfirst_cues()):
        i += 1
    marker = units[i].text[:1] if i < first_para and units[i].bullet else ""
    run: list[int] = []
    k = i
    while marker and k < first_para and (boiler[k] or units[k].text[:1] == marker):
        u = units[k]
        if not boiler[k]:
            if (not u.bullet or u.byline or u.nav or u.label or u.lang not in (lang, "mixed")
                    or len(strip_bullet(u.text).split()) < KEY_POINT_MIN_WORDS
                    or not ends_sentence(u.text)):  # linked headlines are unfinished
                return frozenset()
            run.append(k)
        k += 1
    while k < first_para and (boiler[k] or _label_key(units[k].text) in _section_words()):
        k += 1  # the text's first section heading ("Introduction")
    if len(run) < KEY_POINTS_MIN_ITEMS or k != first_para or not para[first_para]:
        return frozenset()
    return frozenset(run)
