"""Stage 2 of ingest: the boilerplate passes.  :func:`_boilerplate_flags` flags every line of a page
that is no part of the article (footers, credits, disclaimers, teasers of other stories, chrome runs,
infobox gaps, lists of other stories …) from its shape, its place and the word lists in ``data/``;
with them, the shapes those passes share with the title and date passes (a writer's bare name, a
byline inside the text, a date line of the site's chrome).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from .data import data_lines
from .layout_asides import mark_asides
from .layout_caption_echo import mark_caption_echoes
from .layout_clock import ordinal_clock
from .layout_contents import contents_headings, contents_items
from .layout_furniture import furniture_lines
from .layout_masthead import mark_masthead
from .layout_notices import mark_access_notices
from .layout_outlet import outlet_name
from .layout_shape import (
    _FIELD_RE,
    _GLUED_RE,
    CAPTION_MAX_WORDS,
    CAPTION_NEIGHBOUR_CHARS,
    CHROME_RUN_MIN_JUNK,
    CHROME_RUN_MIN_LINES,
    CHROME_RUN_SHARE,
    CODE_MAX_CHARS,
    CREDIT_CAPTION_MAX_CHARS,
    DUP_CAPTION_MIN_CHARS,
    DUP_CAPTION_WINDOW,
    FOOTER_MIN_LINES,
    HEADLINE_MAX_CHARS,
    INFOBOX_MAX_CHARS,
    INFOBOX_MIN_LINES,
    OPENING_CHARS,
    PARAGRAPH_END_MIN_CHARS,
    RUN_LINE_MAX_CHARS,
    RUN_TITLE_MIN_WORDS,
    TAIL_FURNITURE_MIN_LINES,
    TEASER_HEAD_SHARE,
    TEASER_LONGER_LINES,
    TEASER_LOOKAHEAD,
    TEASER_MAX_OFFSET,
    TEASER_MIN_CHARS,
    TEASER_SLACK_CHARS,
    TEASER_WINDOW,
    _block_given_twice,
    _headline_shaped,
    _near_duplicates,
    _sentence_of_text,
)
from .layout_story_list import mark_story_lists
from .layout_units import (
    _ADDRESS_RE,
    _CLOSERS,
    _CODE_WORD_RE,
    _TERMINAL,
    _WORD_RE,
    PARAGRAPH_MIN_CHARS,
    SHAPE_MAX_CHARS,
    Unit,
    _final_char,
    _first_date,
    _is_heading_shape,
    _label_key,
    _one_pattern,
    _Patterns,
    _section_words,
    ends_sentence,
    is_caption,
    is_header_label,
    is_navigation,
    line_key,
    site_key,
)
from .layout_watch import mark_watch_lines
from .layout_wrapped import hard_wrapped
from .normalize import normalize_text

if TYPE_CHECKING:
    from .names.gazetteer import Gazetteer


def _boilerplate_flags(
    units: list[Unit], para: list[bool], repeated: frozenset[str], lang: str = "en"
) -> list[bool]:
    """Which units of the article are boilerplate: furniture by shape (navigation, labels,
    captions), infobox runs, captions by their place (a short sentence between long paragraphs),
    near-duplicates of boilerplate, short lines after the last paragraph, and lines that repeat
    across the site's pages (``repeated`` keys; not header bullets, bylines or section headings)."""
    n = len(units)
    keys = [u.key for u in units]
    flags = [u.nav or u.label or u.decoration or u.caption for u in units]
    fields, definitions = _infobox_fields(units, para)
    _keep_contents_lists(units, fields, definitions, flags)
    _mark_runs(flags, fields, INFOBOX_MIN_LINES)
    _mark_runs(flags, [bool(_GLUED_RE.match(u.text)) for u in units], 2)
    long_ = [len(u.text) >= CAPTION_NEIGHBOUR_CHARS for u in units]
    for i in range(1, n - 1):
        u = units[i]
        if (not flags[i] and long_[i - 1] and long_[i + 1] and len(u.text) < CAPTION_NEIGHBOUR_CHARS
                and _final_char(u.text) == "." and len(_WORD_RE.findall(u.text)) <= CAPTION_MAX_WORDS
                and not u.text[:1].islower()  # a line going on in lower case is the text, cut short
                and not _sentence_of_text(u.text)):
            flags[i] = True
    for i in range(1, n):
        if (units[i - 1].credit and len(units[i].text) <= CREDIT_CAPTION_MAX_CHARS
                and not _is_heading_shape(units[i].text)):
            flags[i] = True  # the caption under a photo credit
        for k in range(max(0, i - DUP_CAPTION_WINDOW), i):
            if (keys[i] and keys[i] == keys[k] and len(keys[i]) >= DUP_CAPTION_MIN_CHARS
                    and not _block_given_twice(keys, k, i)):
                flags[i] = True  # a long line given twice close by: alt text and caption, ...
                flags[k] = flags[k] or not _sentence_of_text(units[k].text)  # ... or the text and its copy
    for _ in range(2):  # both directions: a caption's repeat before or after it
        for i in range(1, n):
            if flags[i] != flags[i - 1] and _near_duplicates(keys[i], keys[i - 1]):
                flags[i] = flags[i - 1] = True
    _mark_captions_above_credits(units, flags)
    mark_masthead([u.text for u in units], keys, flags)
    _mark_teasers(units, keys, para, flags)
    _mark_chrome_runs(units, para, flags, lang)
    _mark_inner_furniture(units, para, flags)
    furniture = furniture_lines(units)
    seen_boiler = set()
    for i in range(n):
        if not keys[i]:
            continue
        if flags[i]:
            seen_boiler.add(keys[i])
        elif keys[i] in seen_boiler:
            flags[i] = True
    paras = [i for i in range(n) if para[i]]
    if paras:
        last = paras[-1]
        tail = [i for i in range(last + 1, n) if not flags[i]]
        short = [i for i in tail if not units[i].date and not units[i].bullet and not units[i].byline
                 and not definitions[i]
                 and not ends_sentence(units[i].text) and len(units[i].text) <= HEADLINE_MAX_CHARS]
        # a footer, or a list of related headlines
        if len(short) >= FOOTER_MIN_LINES and not hard_wrapped([units[i].text for i in tail]):
            for i in short:
                flags[i] = True
        flags[:] = [f or w for f, w in zip(flags, furniture, strict=True)]  # after the footer's count
        _mark_after_furniture(units, para, flags)
        for i in range(last + 1, n):
            flags[i] = flags[i] and not definitions[i]  # a list the text announces stays text
    flags[:] = [f or w for f, w in zip(flags, furniture, strict=True)]
    texts = [u.text for u in units]
    _mark_outlet_signature(units, para, flags)
    mark_watch_lines(texts, keys, flags)
    _mark_list_cues(units, para, flags)
    mark_story_lists(texts, para, flags)
    _mark_stamped_chrome(units, flags)
    _mark_excerpt_tail(units, flags)
    _mark_disclaimers(units, flags)
    _mark_closing_credits(units, para, flags)
    _keep_cut_ending(units, flags, furniture)
    _mark_listing_tags(units, para, flags)
    _mark_common_furniture(units, para, flags)
    mark_asides(texts, para, flags)
    mark_access_notices(texts, flags)
    mark_caption_echoes(texts, keys, [u.caption for u in units], flags)
    if repeated:
        for i in range(n):
            u = units[i]
            heads_paragraph = i + 1 < n and para[i + 1] and _is_heading_shape(u.text)
            if site_key(u.text) in repeated and not (u.bullet or u.byline or heads_paragraph):
                flags[i] = True
    return flags


def _mark_outlet_signature(units: list[Unit], para: list[bool], flags: list[bool]) -> None:
    """The line right under the article's last paragraph naming a news outlet (``Sky News Arabia``:
    :func:`~bicorpus.layout_outlet.outlet_name`) signs the story with its source: boilerplate."""
    last = max((i for i, p in enumerate(para) if p), default=None)
    if last is not None and last + 1 < len(units) and outlet_name(units[last + 1].text):
        flags[last + 1] = True


@cache
def _common_furniture() -> frozenset[str]:
    return frozenset(line_key(line) for line in data_lines("common_furniture.txt"))


def _mark_common_furniture(units: list[Unit], para: list[bool], flags: list[bool]) -> None:
    """A line that is, whole, one of the web's common furniture lines (``Spread the love``,
    ``Leave a Reply``, ``أعلن معنا``: ``data/common_furniture.txt``, mined from real HTML pages,
    compared by :func:`line_key`) under the first paragraph is boilerplate; not a bullet, byline or
    date, and not a heading of the text: a heading between paragraphs on a page whose text has other
    such headings."""
    furniture = _common_furniture()
    first_para = next((i for i in range(len(units)) if para[i]), len(units))
    # above the first paragraph the header rules place every line (title, dateline, site header)
    hits = [i for i in range(first_para + 1, len(units)) if units[i].key in furniture and not flags[i]]
    if not hits:
        return

    def heads_text(i: int) -> bool:
        return first_para < i < len(units) - 1 and para[i + 1] and _is_heading_shape(units[i].text)

    sectioned: bool | None = None
    for i in hits:
        u = units[i]
        if u.bullet or u.byline or u.page_byline or u.date:
            continue
        if heads_text(i):
            if sectioned is None:
                sectioned = any(heads_text(j) and not flags[j] and units[j].key not in furniture
                                for j in range(first_para + 1, len(units) - 1))
            if sectioned:
                continue
        flags[i] = True


@cache
def _cut_end_words() -> frozenset[str]:
    return frozenset(normalize_text(w) for w in data_lines("cut_end_words.txt"))


#: A numbered section heading: ``1. Introduction``, ``2.1 Background``.
_NUMBERED_HEADING_RE = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+(?P<rest>\S.*)$")


def _section_heading(text: str) -> bool:
    """``Introduction``, ``Summary``, ``1. Introduction``, ``الملخص``: a report's section heading."""
    m = _NUMBERED_HEADING_RE.match(text)
    return _label_key(m.group("rest") if m else text) in _section_words()


def _furniture_shaped(u: Unit) -> bool:
    return bool(u.nav or u.label or u.decoration or u.caption or u.date or u.byline or u.page_byline)


def _keep_cut_ending(units: list[Unit], flags: list[bool], furniture: Sequence[bool]) -> None:
    """The page cut off by its end in mid-text: its last line, stopping on a word no sentence ends
    on (``وينص المرسوم على``, ``… as part of the``: ``data/cut_end_words.txt``) under a line of
    the text, or any short start of text under a section heading (``Summary`` / ``The Tali``,
    ``1. Introduction`` / ``The Middle East``), is the text going on, with that heading; not a
    footer's lines, nor a widget's (``شاركوا المقال على``: ``furniture``, :func:`furniture_lines`)."""
    n = len(units)
    if n < 3 or not flags[-1] or furniture[-1]:
        return
    last, above = units[-1], units[-2]
    text = _FOOTNOTE_RE.sub("", last.text).rstrip()
    if not text or _final_char(text) in _TERMINAL + _CLOSERS or _furniture_shaped(last):
        return
    if not _furniture_shaped(above) and _section_heading(above.text):
        flags[-1] = flags[-2] = False
        return
    words = normalize_text(text).split()
    if not flags[-2] and words and words[-1] in _cut_end_words():
        flags[-1] = False


#: A listing's item opens with its date and has its byline within this many lines under it.
LISTING_BYLINE_REACH = 3
#: A listing needs this many such items.
LISTING_MIN_ITEMS = 2
#: Most words of a topic-tag line between a listed teaser and the next item (a headline is longer).
LISTING_TAG_MAX_WORDS = 5
#: Lower-case words a line of topic tags may hold (``Politics & Diplomacy``, ``Peace and Security``).
_TAG_JOINERS = frozenset({"&", "and", "of", "v", "vs"})


def _tag_line(u: Unit) -> bool:
    """``Elections Israel``, ``China Economy & Business``: a few words, capitalized in Latin letters,
    ending no sentence."""
    words = u.text.split()
    return (0 < len(_WORD_RE.findall(u.text)) <= LISTING_TAG_MAX_WORDS and not ends_sentence(u.text)
            and not (u.date or u.page_byline)
            and all(not w[:1].isascii() or not w[:1].isalpha() or w[:1].isupper() or w in _TAG_JOINERS
                    for w in words))


def _mark_listing_tags(units: list[Unit], para: list[bool], flags: list[bool]) -> None:
    """On a listing page (items each opening with a date line and a byline under their headline:
    two or more), the lines of a few capitalized words between an item's teaser and the next item's
    date (``Elections Israel``, ``Middle East Politics & Diplomacy``: :func:`_tag_line`) are the
    item's topic tags: boilerplate.  A headline standing above its date is longer."""
    n = len(units)
    items = [i for i in range(1, n) if units[i].date and not flags[i]
             and any(_byline_in_text(units[k]) for k in range(i + 1, min(n, i + 1 + LISTING_BYLINE_REACH)))]
    if len(items) < LISTING_MIN_ITEMS:
        return
    for i in items:
        j = i - 1
        while j > 0 and not para[j]:
            u = units[j]
            if not flags[j]:
                if not _tag_line(u):
                    break
                flags[j] = True
            j -= 1


#: Longest line read as a reporter's credit closing the article.
CLOSING_CREDIT_MAX_CHARS = 80


@cache
def _closing_credit_patterns() -> _Patterns:
    return _one_pattern(data_lines("closing_credit_patterns.txt"))


def _mark_closing_credits(units: list[Unit], para: list[bool], flags: list[bool]) -> None:
    """Under the article's last paragraph, a reporter's or editor's credit (``Reporter: Jane Doe``,
    ``تقرير: عمر الحاج``: ``data/closing_credit_patterns.txt``) is boilerplate; above the text the
    same line is the page's byline."""
    last = next((i for i in range(len(units) - 1, -1, -1) if para[i] and not flags[i]), None)
    if last is None:
        return
    patterns = _closing_credit_patterns()
    for i in range(last + 1, len(units)):
        text = units[i].text
        if not flags[i] and len(text) <= CLOSING_CREDIT_MAX_CHARS and patterns.search(normalize_text(text)):
            flags[i] = True


#: Longest line read for a disclaimer's phrases.
DISCLAIMER_MAX_CHARS = 1500
#: A disclaimer stands among the article's first or last lines (this many each side) and says
#: what it is in its first characters.
DISCLAIMER_EDGE_LINES = 4
DISCLAIMER_OPENING_CHARS = 80


@cache
def _disclaimer_patterns() -> _Patterns:
    return _one_pattern(data_lines("disclaimer_patterns.txt"))


def _mark_disclaimers(units: list[Unit], flags: list[bool]) -> None:
    """A site's disclaimer, notice or appeal, however long its line (``MENAFN provides the
    information "as is" without warranty …``, ``لا يتحمل الموقع أي مسؤولية …``:
    ``data/disclaimer_patterns.txt``, read in the opening of the line as it stands), among the
    article's first or last lines, is boilerplate."""
    patterns = _disclaimer_patterns()
    n = len(units)
    edges = range(n) if n <= 2 * DISCLAIMER_EDGE_LINES else (
        *range(DISCLAIMER_EDGE_LINES), *range(n - DISCLAIMER_EDGE_LINES, n))
    for i in edges:
        text = units[i].text
        if (not flags[i] and PARAGRAPH_MIN_CHARS <= len(text) <= DISCLAIMER_MAX_CHARS
                and patterns.search(text[:DISCLAIMER_OPENING_CHARS])):
            flags[i] = True  # its opening says what it is


#: Excerpts of other posts closing a page: at least this many lines cut short with an ellipsis.
EXCERPT_TAIL_MIN_LINES = 2
EXCERPT_MIN_CHARS = 100


def _mark_excerpt_tail(units: list[Unit], flags: list[bool]) -> None:
    """Lines cut short with an ellipsis at the end of the page, two or more in a row with only
    boilerplate between them (``… According to Houthi media so…``): excerpts of other posts (a
    "related posts" list), not the text.  One such line alone may be the text's own last
    paragraph, cut by the page; and the text itself, a paragraph above them, must stay."""
    run: list[int] = []
    above = None
    for i in range(len(units) - 1, -1, -1):
        t = units[i].text.rstrip()
        if len(t) >= EXCERPT_MIN_CHARS and (t.endswith("…") or t.endswith("...")):
            run.append(i)
        elif not flags[i]:
            above = i
            break
    if (len(run) >= EXCERPT_TAIL_MIN_LINES and above is not None
            and len(units[above].text) >= PARAGRAPH_MIN_CHARS):
        for i in run:
            flags[i] = True


def _mark_stamped_chrome(units: list[Unit], flags: list[bool]) -> None:
    """The page's first line, stamped with its date (``date 2025-06-09 …``; the date is the page's
    all the same, :func:`_stamped_day`), is boilerplate when what follows the stamp is: a widget
    or an appeal (``date 2025-06-09 Your support helps us …``), a caption, a label."""
    if not units or flags[0] or _dated_chrome(units[0]):  # share links beside it: site-header already
        return
    m = _STAMP_RE.match(units[0].text)
    rest = units[0].text[m.end():].strip() if m else ""
    if rest and (is_navigation(rest) or is_caption(rest) or is_header_label(rest) or _stamped_tag(rest)):
        flags[0] = True


#: A topic tag beside the page's stamp has this many words (one word may be the text's start).
STAMPED_TAG_WORDS = (2, 3)
_PLAIN_WORDS_RE = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


def _stamped_tag(rest: str) -> bool:
    """What follows the page's stamp is a topic tag: two or three words of letters alone, no
    punctuation (``date 2025-08-18 قطاع غزة``, ``date 2025-08-05 سلاح حزب الله``); a dateline has its
    dash, colon or agency (``شفق نيوز- دمشق``, ``تونس - (د ب أ)``), a writer's name is a byline."""
    return (STAMPED_TAG_WORDS[0] <= len(rest.split()) <= STAMPED_TAG_WORDS[1]
            and _PLAIN_WORDS_RE.fullmatch(rest) is not None and not _bare_name(rest))


def _code_like(text: str) -> bool:
    """A short line without a word of three letters: a year, a phone number, a locale (``ar_EG``)."""
    return len(text) <= CODE_MAX_CHARS and _CODE_WORD_RE.search(text) is None


def _metadata_shaped(u: Unit) -> bool:
    """A line of page metadata: a web or e-mail address alone, or a code (a year, a phone number,
    a locale name such as ``ar_EG``)."""
    return _ADDRESS_RE.match(u.text) is not None or _code_like(u.text)


_COMMA_RE = re.compile(r"\s*[,،]\s*")


def _tag_list(text: str) -> bool:
    """Three or more short items between commas: ``World, Middle East, Iraq``."""
    parts = _COMMA_RE.split(text)
    return len(parts) >= 3 and all(0 < len(_WORD_RE.findall(p)) <= 3 for p in parts)


def _mark_chrome_runs(units: list[Unit], para: list[bool], flags: list[bool], lang: str) -> None:
    """A run of short lines that holds metadata-shaped lines (web and e-mail addresses, phone
    numbers, years, locale codes) and timestamps, a third of it or more, is page metadata as a
    whole: the site name, its tags and the like beside them go too.  Headlines of four words or
    more, bylines and section headings stay; date lines go only when the run holds several
    (published and modified stamps)."""
    n = len(units)
    i = 0
    while i < n:
        j = i
        while j < n and not para[j] and (len(units[j].text) <= RUN_LINE_MAX_CHARS
                                         or _metadata_shaped(units[j])):
            j += 1
        if j - i >= CHROME_RUN_MIN_LINES:
            run = range(i, j)
            after_text = any(para[:i])
            dates = [k for k in run if units[k].date]
            junk = [k for k in run if not units[k].date and _metadata_shaped(units[k])]
            anchored = any(_ADDRESS_RE.match(units[k].text) for k in junk) or len(dates) >= 2
            if (anchored and len(junk) >= CHROME_RUN_MIN_JUNK  # a table of figures has no address
                    and CHROME_RUN_SHARE * (len(junk) + len(dates)) >= j - i):
                for k in run:
                    u = units[k]
                    if u.byline or u.page_byline or (u.date_in and not u.date) or (u.date and len(dates) < 2):
                        continue
                    if (k + 1 < n and para[k + 1] and after_text
                            and _is_heading_shape(u.text.rstrip(" :："))):
                        continue  # a section heading over a paragraph
                    if (not u.date and not _tag_list(u.text)
                            and _headline_shaped(u, lang, min_words=RUN_TITLE_MIN_WORDS)):
                        continue  # a headline (a site name in the run is shorter)
                    flags[k] = True
        i = max(j, i + 1)


def _mark_teasers(units: list[Unit], keys: list[str], para: list[bool], flags: list[bool]) -> None:
    """A paragraph near the top that a later, longer line opens with (after at most a stamp such
    as ``16:17 GMT 13.11.2017 (updated …)``) is a teaser or page description given before the
    article (``og:description``): the later line is the text."""
    checked = 0
    long_keys: dict[int, str] = {}  # keys of the opening of lines too long to have one
    for i, key in enumerate(keys):
        if checked >= TEASER_LOOKAHEAD:
            break
        if len(key) < TEASER_MIN_CHARS or flags[i] or not para[i]:
            continue
        checked += 1
        size = len(units[i].text)
        head = key[: max(TEASER_MIN_CHARS, int(TEASER_HEAD_SHARE * len(key)))]  # its tail may be a stamp
        longer = 0
        for j in range(i + 1, min(len(units), i + TEASER_WINDOW)):
            other = units[j].text
            if len(other) <= size:
                continue
            longer += 1
            if longer > TEASER_LONGER_LINES:
                break
            if not keys[j] and j not in long_keys:
                long_keys[j] = line_key(other[: SHAPE_MAX_CHARS + TEASER_SLACK_CHARS])
            if 0 <= (keys[j] or long_keys[j]).find(head) <= TEASER_MAX_OFFSET:
                flags[i] = True
                break


def _mark_after_furniture(units: list[Unit], para: list[bool], flags: list[bool]) -> None:
    """After the last full paragraph, once furniture has begun (two furniture lines or more
    there), the lines after the first of them up to a headline's length are furniture too: a
    comment form's sentences (``You must be logged in to post a comment.``), a related list's
    headlines, long ones included (the last paragraph is above them)."""
    last = next((i for i in range(len(units) - 1, -1, -1)
                 if para[i] and not flags[i] and len(units[i].text) >= PARAGRAPH_MIN_CHARS), None)
    if last is None:
        return
    furniture = [i for i in range(last + 1, len(units)) if flags[i]]
    # a picture's caption stands inside the text: it does not open the furniture under it
    opening = next((i for i in furniture if not units[i].caption), None)
    if opening is None:
        return
    if len(furniture) < TAIL_FURNITURE_MIN_LINES:
        # one furniture line: the lines under it are furniture only when they are a list (two or
        # more, none longer than a headline); one line alone may be the text going on (a "read
        # also" line inside the article, then the rest of a page cut short)
        after = [i for i in range(furniture[0] + 1, len(units)) if not flags[i]]
        if (len(after) < TAIL_FURNITURE_MIN_LINES
                or any(len(units[i].text) > HEADLINE_MAX_CHARS for i in after)):
            return
    for i in range(opening + 1, len(units)):
        u = units[i]
        if not flags[i] and len(u.text) <= HEADLINE_MAX_CHARS and not (u.date or u.byline or u.page_byline):
            flags[i] = True


#: A clock time (``11:33``, ``GMT 11:33``) and a year: the stamp of a listed headline.
_CLOCK_RE = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?![\d:])")
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
#: A stamp glued to the headline before it, as list items lose their spacing: ``… 24 hoursGMT 11:33``.
_GLUED_STAMP_RE = re.compile(r"[^\W\d_](?:GMT|UTC|\d{1,2}:\d{2}(?![\d:]))")
#: Two elements glued by a text dump: ``… with Yemeni forcesMaintained by …``.
_CAMEL_GLUE_RE = re.compile(r"[a-z]{2}[A-Z][a-z]")
STAMP_LINE_MAX_CHARS = 240
STAMP_RUN_MIN_LINES = 2
#: Words of three letters or more beside a stamp that make it a headline (a stamp alone has <= 3).
STAMP_HEADLINE_MIN_WORDS = 5
#: An agency or channel alone on its line: ``LBC``, ``AFP`` (a heading over a paragraph stays).
_LONE_CREDIT_RE = re.compile(r"^[A-Z]{2,6}$")
#: A footnote mark of an encyclopedia text: ``… region[7]``.
_FOOTNOTE_RE = re.compile(r"\[\d{1,3}\]")
INFOBOX_GAP_MAX_LINES = 4


def _infobox_field(u: Unit) -> bool:
    """A ``Label: value`` line of an infobox; a sentence after a label (``العودة المنظمة: تشمل
    توفير حافلات …``, a list item of the text) is no field value."""
    return (_FIELD_RE.match(u.text) is not None and len(u.text) <= INFOBOX_MAX_CHARS
            and not (len(u.text) >= PARAGRAPH_MIN_CHARS and _final_char(u.text) == "."))


#: Median words (of three letters or more) of the values of a ``Label: value`` run under a
#: paragraph that make it a list of definitions (a glossary: ``Ansar (pl): supporters; those
#: who came …``), not an infobox, whose values are names, dates and numbers
#: (``Leader: Abu Mohammad al-Julani``, ``Size: 1,300+ (self claim, Feb. 2017)``).
DEFINITION_MIN_WORDS = 5


def _infobox_fields(units: list[Unit], para: list[bool]) -> tuple[list[bool], list[bool]]:
    """Which units are infobox fields (``Label: value`` lines), and which are definitions: runs of
    such lines under a paragraph whose values are phrases (median :data:`DEFINITION_MIN_WORDS`
    words or more), a glossary or a list of definitions that is part of the text, whatever its
    site (also at the end of the page, where short unfinished lines are otherwise a footer)."""
    fields = [_infobox_field(u) for u in units]
    definitions = [False] * len(units)
    first = next((i for i in range(len(units)) if para[i]), len(units))
    i = first + 1
    while i < len(units):
        j = i
        while j < len(units) and fields[j]:
            j += 1
        if j - i >= INFOBOX_MIN_LINES:
            words = sorted(len(_CODE_WORD_RE.findall(re.split(r"[:：]", units[k].text, maxsplit=1)[-1]))
                           for k in range(i, j))
            if words[len(words) // 2] >= DEFINITION_MIN_WORDS:
                fields[i:j] = [False] * (j - i)
                definitions[i:j] = [True] * (j - i)
        i = max(j, i + 1)
    _mark_announced_lists(units, fields, definitions)
    return fields, definitions


#: Fields a list announced by the text (a line ending in a colon) must hold.
ANNOUNCED_LIST_MIN_FIELDS = 2


def _announces_list(text: str) -> bool:
    """A line of text ending in a colon announces the list under it (``… distributed among the
    provinces as follows:``, ``… على النحو التالي:``)."""
    return len(text) >= PARAGRAPH_END_MIN_CHARS and text.rstrip()[-1:] in (":", "：")


def _mark_announced_lists(units: list[Unit], fields: list[bool], definitions: list[bool]) -> None:
    """``Label: value`` lines under a line of text that ends in a colon (``… distributed among
    the provinces as follows:``, ``… على النحو التالي:``) are the list it announces (seats by province,
    members and their posts), part of the text, not an infobox; separator lines (``-``) may stand
    between the items."""
    n = len(units)
    for i in range(n - 1):
        u = units[i]
        if fields[i] or u.marked_header or not _announces_list(u.text):
            continue
        items, j = [], i + 1
        while j < n and (fields[j] or units[j].decoration):
            if fields[j]:
                items.append(j)
            j += 1
        if len(items) >= ANNOUNCED_LIST_MIN_FIELDS:
            for k in items:
                fields[k], definitions[k] = False, True


def _keep_contents_lists(
    units: list[Unit], fields: list[bool], definitions: list[bool], flags: list[bool]
) -> None:
    """The bullets of a table of contents (:mod:`bicorpus.layout_contents`) are text: no infobox
    fields, and kept as the list the text announces; their heading is the text's heading, no label."""
    items = contents_items([u.text for u in units], [u.key for u in units], [u.bullet for u in units])
    for k in items:
        fields[k], definitions[k] = False, True
    for k in contents_headings(items):
        flags[k] = False


#: Longest credit line read for a credit closing its caption.
CREDIT_AFTER_MAX_CHARS = 130


@cache
def _credit_after_patterns() -> _Patterns:
    return _one_pattern(data_lines("credit_after_patterns.txt"))


def _mark_captions_above_credits(units: list[Unit], flags: list[bool]) -> None:
    """A photo credit that closes its caption (``Ebrahim Noroozi/AP Photo``, ``(photo credit:
    REUTERS)``: ``data/credit_after_patterns.txt``) is boilerplate, and so is the caption right
    above it when that is a sentence or a line too long for a headline (a headline above such a
    credit is the title over its picture); the line under it is the text going on."""
    for i, u in enumerate(units):
        # every pattern holds a slash or a colon: other lines are not normalized for nothing
        if (len(u.text) > CREDIT_AFTER_MAX_CHARS or ("/" not in u.text and ":" not in u.text)
                or not _credit_after_patterns().search(normalize_text(u.text))):
            continue
        flags[i] = True
        if i == 0:
            continue
        above = units[i - 1]
        if (len(above.text) <= SHAPE_MAX_CHARS and not (above.date or above.byline or above.page_byline)
                and (ends_sentence(above.text) or len(above.text) >= CAPTION_NEIGHBOUR_CHARS)):
            flags[i - 1] = True


def _stamped(u: Unit) -> bool:
    """A short line holding a clock time and a year (or a date): a timestamp, alone or beside a headline."""
    return (len(u.text) <= STAMP_LINE_MAX_CHARS and ":" in u.text and _CLOCK_RE.search(u.text) is not None
            and (_YEAR_RE.search(u.text) is not None or u.date is not None))


def _mark_inner_furniture(units: list[Unit], para: list[bool], flags: list[bool]) -> None:
    """Furniture known by its shape and place inside or under the article, with no word list."""
    _mark_stamped_lists(units, para, flags)
    _mark_lone_credits(units, para, flags)
    _mark_infobox_gaps(units, para, flags)
    _mark_repeated_captions(units, para, flags)
    _mark_author_bio(units, para, flags)


#: Most words of a line heading a list of other articles (``More from Middle East``).
LIST_CUE_MAX_WORDS = 4
#: Most lines such a heading heads (up to the next paragraph).
LIST_CUE_REACH = 10


@cache
def _list_cues() -> frozenset[str]:
    """Lines heading related articles, tags or reading tips (``Read also``, ``Most read``,
    ``الأكثر قراءة``): the list the HTML reader uses too, ``readers/data/article_end.txt``."""
    text = files("bicorpus.readers").joinpath("data", "article_end.txt").read_text(encoding="utf-8")
    lines = (line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))
    return frozenset(k for k in map(line_key, lines) if k)


def _list_cue(key: str) -> bool:
    """``key`` (a :func:`line_key`) is a cue, or begins with a cue of two words or more and has at
    most :data:`LIST_CUE_MAX_WORDS` words."""
    if not key:
        return False
    cues = _list_cues()
    if key in cues:
        return True
    words = key.split(" ")
    return len(words) <= LIST_CUE_MAX_WORDS and any(" ".join(words[:k]) in cues for k in range(2, len(words)))


def _mark_list_cues(units: list[Unit], para: list[bool], flags: list[bool]) -> None:
    """After the first paragraph, a line heading a list of other articles (``Read also``,
    ``Most read``, ``اقرأ أيضاً``) is boilerplate with the short lines under it, up to the next
    paragraph: the list's headlines, which would otherwise read as section headings."""
    first = next((i for i, p in enumerate(para) if p and not flags[i]), None)
    if first is None:
        return
    n = len(units)
    for i in range(first + 1, n):
        if not _list_cue(units[i].key):
            continue
        flags[i] = True
        for j in range(i + 1, min(n, i + 1 + LIST_CUE_REACH)):
            u = units[j]
            if ((((para[j] and not flags[j]) or len(u.text) > HEADLINE_MAX_CHARS) and not _listed_excerpt(u))
                    or u.date or u.page_byline):
                break
            flags[j] = True


def _listed_excerpt(u: Unit) -> bool:
    """A listed story's excerpt, cut with an ellipsis (``Amid an uproar over the lack of … case,…``):
    under a "Related posts" cue it goes with the headlines, not the text."""
    t = u.text.rstrip()
    return len(t) <= SHAPE_MAX_CHARS and (t.endswith("…") or t.endswith("..."))


def _mark_stamped_lists(units: list[Unit], para: list[bool], flags: list[bool]) -> None:
    """After the first paragraph, headlines with their timestamps are a list of other articles:
    a run of two or more stamped lines, one of them with a headline beside its stamp, or a line
    whose stamp is glued to its headline (``… in the past 24 hoursGMT 11:33 2017 …``); a stamped
    sentence (a timeline's entry, ending in a full stop) is text.  A short
    line glued to the next element right after such a run (``… forcesMaintained by …``) is the
    list's last item run into the footer."""
    first = next((i for i, p in enumerate(para) if p), None)
    if first is None:
        return
    n = len(units)
    stamped = [i > first and not para[i] and _stamped(u) for i, u in enumerate(units)]
    if not any(stamped):
        return
    i = first + 1
    while i < n:
        if not stamped[i]:
            i += 1
            continue
        j = i
        while j < n and stamped[j]:
            j += 1
        run = range(i, j)
        headline = any(len(_CODE_WORD_RE.findall(units[k].text)) >= STAMP_HEADLINE_MIN_WORDS for k in run)
        glued = [k for k in run if _GLUED_STAMP_RE.search(units[k].text)]
        if (j - i >= STAMP_RUN_MIN_LINES and headline) or glued:
            for k in run if j - i >= STAMP_RUN_MIN_LINES else glued:
                flags[k] = True
            if (j - i >= STAMP_RUN_MIN_LINES and j < n and len(units[j].text) <= STAMP_LINE_MAX_CHARS
                    and _CAMEL_GLUE_RE.search(units[j].text)):
                flags[j] = True
        i = max(j, i + 1)


def _mark_lone_credits(units: list[Unit], para: list[bool], flags: list[bool]) -> None:
    """An agency or channel name alone on its line (``LBC``) under the last paragraph is a
    credit; a list of such names (``SDF``, ``YPG``, ``YPJ``) is not."""
    last = next((i for i in range(len(units) - 1, -1, -1) if para[i] and not flags[i]), None)
    if last is None:
        return
    caps = [_LONE_CREDIT_RE.match(u.text) is not None for u in units]
    for i in range(last + 1, len(units)):
        if caps[i] and not flags[i] and not caps[i - 1] and not (i + 1 < len(units) and caps[i + 1]):
            flags[i] = True


def _mark_infobox_gaps(units: list[Unit], para: list[bool], flags: list[bool]) -> None:
    """Above the first paragraph, a few bullets or footnoted lines (``• ISIL captures 350
    villages[7]``) between two boilerplate lines belong to the infobox around them, and so does a
    bullet with a footnote mark anywhere there (an infobox's results, however long)."""
    first = next((i for i in range(len(units)) if para[i] and not flags[i]), len(units))
    for i in range(first):
        if units[i].bullet and _FOOTNOTE_RE.search(units[i].text):
            flags[i] = True
    i = 1
    while i < first:
        j = i
        while (j < first and not flags[j] and len(units[j].text) <= INFOBOX_MAX_CHARS
               and (units[j].bullet or _FOOTNOTE_RE.search(units[j].text))):
            j += 1
        if i < j < first and flags[i - 1] and flags[j] and j - i <= INFOBOX_GAP_MAX_LINES:
            for k in range(i, j):
                flags[k] = True
        i = max(j, i + 1)


#: How many of the last paragraphs can be notes on the author.
AUTHOR_BIO_MAX_PARAGRAPHS = 2


@cache
def _author_bio_patterns() -> _Patterns:
    return _one_pattern(data_lines("author_bio_patterns.txt"))


def _mark_author_bio(units: list[Unit], para: list[bool], flags: list[bool]) -> None:
    """The last paragraphs of the page, when they are a note on the author (``Sulagna is a
    Research Analyst in …``, ``كاتب وباحث سوري``; ``data/author_bio_patterns.txt``), are
    boilerplate; the article's first paragraph never is."""
    first = next((i for i, p in enumerate(para) if p and not flags[i]), None)
    if first is None:
        return
    checked = 0
    for i in range(len(units) - 1, first, -1):
        u = units[i]
        if flags[i] or len(u.text) < PARAGRAPH_END_MIN_CHARS:  # a "* كاتب …" line counts too
            continue
        opening = normalize_text(u.text[:OPENING_CHARS])  # the patterns read the note's opening
        if len(u.text) > SHAPE_MAX_CHARS or not _author_bio_patterns().search(opening):
            return
        flags[i] = True
        checked += 1
        if checked == AUTHOR_BIO_MAX_PARAGRAPHS:
            return


#: Shortest line whose copy close by (alt text and caption of one picture) makes both boilerplate.
REPEAT_CAPTION_MIN_CHARS = 20


def _mark_repeated_captions(units: list[Unit], para: list[bool], flags: list[bool]) -> None:
    """Below the second paragraph, a short line given twice within three lines is a picture's alt
    text and caption (``A wounded soldier is taken into hospital``), and so are the two lines
    right after it that together repeat it (the caption broken in two).  Higher up, a line given
    twice is the title (over a summary paragraph, the page title and the headline)."""
    kept = [i for i, p in enumerate(para) if p and not flags[i]]
    if len(kept) < 2:
        return
    first = kept[1]
    keys = [u.key if not para[i] else "" for i, u in enumerate(units)]
    n = len(units)
    for i in range(first + 1, n):
        key = keys[i]
        if len(key) < REPEAT_CAPTION_MIN_CHARS:
            continue
        for k in range(max(first + 1, i - DUP_CAPTION_WINDOW), i):
            if keys[k] == key:
                flags[i] = flags[k] = True
        if flags[i] and i + 2 < n and keys[i + 1] and keys[i + 2] and f"{keys[i + 1]} {keys[i + 2]}" == key:
            flags[i + 1] = flags[i + 2] = True


def _mark_runs(flags: list[bool], hits: list[bool], min_run: int) -> None:
    i = 0
    while i < len(hits):
        j = i
        while j < len(hits) and hits[j]:
            j += 1
        if j - i >= min_run:
            for k in range(i, j):
                flags[k] = True
        i = max(j, i + 1)

_STAMP_RE = re.compile(r"date (\d{4}-\d\d-\d\d)(?![\d-])")

#: Length of an ISO day (``2017-04-12``).
DAY_ISO_CHARS = 10
#: A writer's name alone on its line: two to four capitalised words, none of them an ordinary
#: English word (Zipf frequency under this; "Mission Statement", "Key Findings" are headings).
BARE_NAME_MAX_ZIPF = 4.0
_BARE_NAME_RE = re.compile(r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?(?: [A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?){1,3}")


#: Words of a name in Latin letters that are not capitalized (``Abd al-Aziz``, ``Jan van Dijk``).
_NAME_PARTICLES = frozenset({"and", "al", "el", "bin", "ibn", "de", "da", "di", "du", "la", "le",
                             "van", "von", "der", "den", "y"})


def _byline_in_text(u: Unit) -> bool:
    """``By Mark N. Katz``, ``Written by Jane Doe``, ``بقلم: محمد علي`` on its own line below the
    first paragraph: the byline of a listed item or of an author box, not the text.  Only a name
    (capitalized words, particles and commas in Latin letters; no sentence end): ``By then, the
    fighters had left`` is the text."""
    b = u.page_byline
    if b is None or b.author is None or ends_sentence(u.text):
        return False
    words = b.author.replace(",", " ").split()
    return all(not w[:1].isalpha() or not w[:1].isascii() or w[:1].isupper()
               or w.lower() in _NAME_PARTICLES for w in words)


def _bare_name(text: str) -> bool:
    """``Amreen Hussain``: a person's name alone on the line, by its shape and its rare words; not
    a place or a group the name tables know (``Deir Ezzor``, ``Jabhat Nusra``: a kicker)."""
    if len(text) > SHAPE_MAX_CHARS or not _BARE_NAME_RE.fullmatch(text):
        return False
    from .names.ordinary import zipf
    if not all(zipf(w) < BARE_NAME_MAX_ZIPF for w in text.split()):
        return False
    return all(e.type == "person" for e in _name_tables().lookup(text))


@cache
def _name_tables() -> Gazetteer:
    """The bundled name tables (read once, when a line first looks like a bare name)."""
    from .names.gazetteer import Gazetteer
    return Gazetteer.load()


@cache
def _social_networks() -> frozenset[str]:
    return frozenset(data_lines("social_networks.txt"))


def _dated_chrome(u: Unit) -> bool:
    """A date line of the site's chrome above the text, not the page's dateline: a month alone
    (``Month: September 2014``, an archive's label), or a date beside share links only
    (``date 2024-12-14 Facebook Youtube``: ``data/social_networks.txt``)."""
    if u.date and len(u.date) != DAY_ISO_CHARS:
        return True
    if u.date and ordinal_clock(u.text):
        return True  # the theme's clock: "Tue. Sep 26th, 2023"
    if not (u.date or u.date_in) or len(u.text) > SHAPE_MAX_CHARS:
        return False
    norm = normalize_text(u.text)
    found = _first_date(norm)
    if found is None:
        return False
    if _clock_in_two_calendars(norm):
        return True
    words = _WORD_RE.findall(norm[found.end:])
    return bool(words) and all(w in _social_networks() for w in words)


#: A Hijri year with its mark, normalized (``1447 هـ`` → ``1447 ه``, ``1445 AH``).
_HIJRI_YEAR_RE = re.compile(r"(?<!\d)1[34]\d\d\s*(?:ه|h|ah)\b")


def _clock_in_two_calendars(norm: str) -> bool:
    """The site's clock: the time of day and the Hijri date beside the Gregorian one (``الثلاثاء 28
    أكتوبر 2025 09:27 مـ 6 جمادى أول 1447 هـ``); a page's own dateline gives one of them at most."""
    return _CLOCK_RE.search(norm) is not None and _HIJRI_YEAR_RE.search(norm) is not None

