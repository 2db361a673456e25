"""What an HTML page says about itself (title, date, authors, site, URL, language), and how that
goes onto the :class:`~bicorpus.model.Document` record.

:func:`read_page_meta` reads the parsed page once:

* **title**: the visible ``<h1>`` (one repeated word for word counted once; the spacing of a
  declared title that differs from it in spaces alone) when another source agrees with it
  (``og:title``, JSON-LD ``headline``, ``<title>`` or a part of one between separators); the
  headline part of an ``<h1>`` that also holds a kicker or a date, when another source gives that
  part; the only ``<h1>`` of two words or more (sharing a word with a declared title when it is short or other
  ``<h1>`` elements stand beside it: not a page label or a tagline); an ``<h1>`` equal to the part
  of a declared title after a colon (``Petition: Headline``), or that a declared title opens with
  and goes on from (``Headline, Thailand``); else ``og:title`` /
  JSON-LD ``headline`` / ``<title>``, each
  without the site name the page puts before or after it (``Headline | Site``,
  ``عنوان - الجزيرة نت``, ``Site » Section » Headline``; separators ``| - – — : « » › · • / ~ ::``
  between spaces, in both scripts; a colon only before a recognised site name).  The site name
  is the declared one (``og:site_name``, JSON-LD ``publisher``, ``application-name``) or the URL's
  host; without either, parts of four words or fewer at the ends of a title are site and section
  names when the headline part is longer, or stands beside ``|``, ``»``, ``›``, ``·``, ``•``
  (not in a declared title that ``<title>`` holds whole beside a name of its own);
* **date**: the publication day from the ``<meta>`` names of ``data/page_meta_fields.tsv``
  (``article:published_time``, ``pubdate``, ``DC.date`` ...), JSON-LD ``datePublished`` (the
  order htmldate reads them in: when the two disagree, the ``<meta>`` day is more often the
  page's), ``itemprop="datePublished"``, a ``<time>`` in the article (not one in a list item or a
  related-articles box: another article's teaser), the page's URL (``/2017/04/12/``);
  a UTC timestamp gives way to the page's local day (:func:`_local_day`, :func:`page_date`); the
  other days the page states, its modified day among them, are kept (a dateline showing one of
  them makes it the date: a page showing its last change as its date).  Without
  a stated day, htmldate's search of the markup guesses one (a dateline in the text beats the
  guess).  A modified date (``dateModified``, ``article:modified_time``) only when nothing else
  gives one (``PageMeta.modified``), or when the page's first dateline shows it and the
  publication day is shown nowhere.  The first dateline after the ``<h1>`` (:func:`text_dateline`,
  not in a link, not an update line) also beats a day stated only in a generic
  ``<meta name="date">`` and, a reachable day apart, a UTC day; a ``<time datetime>`` naming the
  UTC moment with its offset gives the local day before the URL.  Only days from 1991 to
  tomorrow count (no ``1970-01-01``, no future); values are ISO, Unix timestamps or written
  dates (:func:`bicorpus.dates.parse_date`: Arabic months, Arabic-Indic digits, era marks, Hijri
  beside Gregorian);
* **authors**: JSON-LD ``author``, ``<meta name="author">`` and the like, ``itemprop="author"``,
  ``rel="author"`` links, else the first ``byline``/``author``-classed element (names only: URLs,
  the site's own name and e-mail addresses dropped);
* **site**, **URL** (``<link rel="canonical">``, ``og:url``), **language** and **direction**
  (``<html lang dir>``), **description**.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Iterator, Sequence
from email.utils import parsedate_to_datetime
from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from ..data import data_pairs
from ..model import Document

if TYPE_CHECKING:
    from lxml import etree

    from .html import PageMeta

#: Publication days before this one are not taken from metadata (the web's first pages).
MIN_DAY = _dt.date(1991, 1, 1)
#: How many other publication days the page states are kept (:attr:`PageMeta.other_dates`).
MAX_OTHER_DATES = 4
#: Longest title (characters) read from metadata.
TITLE_MAX_CHARS = 400
#: At most this many ``<h1>`` elements are looked at.
MAX_H1 = 8
#: A part of ``<title>`` this many words or fewer, at its start or end, may be a site name.
SITE_PART_MAX_WORDS = 4
#: The only ``<h1>`` of several words is the headline when it is the page's only ``<h1>`` and has
#: more than :data:`LABEL_MAX_WORDS` words, or when it shares a word of
#: :data:`RELATED_MIN_CHARS` letters or more with a declared title (or none is declared).
LABEL_MAX_WORDS = 3
RELATED_MIN_CHARS = 3

_SPACE_RE = re.compile(r"\s+")
_WORD_RE = re.compile(r"\w+")
#: Separators between a headline and a site or section name in a ``<title>`` / ``og:title`` (a
#: tatweel standing alone, `` ـ ``, is an Arabic page's dash; `` @ `` a blog post's, ``Post @ Blog``).
_TITLE_SEP_RE = re.compile(r"\s+(?:[|\-–—·•»«›~/ـ@]{1,2}|::)\s+|\s*[|│]\s*")
_TITLE_SEP_CAPTURE_RE = re.compile(r"(\s+(?:[|\-–—·•»«›~/ـ@]{1,2}|::)\s+|\s*[|│]\s*)")
_STRONG_SEPS = frozenset("|│·•»«›:@")
#: Separator marks left at either end of a title once its site part is gone (``» Jens Weber``).
_END_SEPS = " \t|│-–—·•›~/:ـ"
#: Separators a date or time part of a title stands behind (``:`` too, between spaces).
_END_PART_RE = re.compile(r"(\s+[|│:\-–—·•»«›~/ـ]{1,2}\s+)")
#: A part of a title that is only a date or a time (``Headline : 06.11.2023, 11.41 Uhr``).
_DATE_PART_RE = re.compile(
    r"^[\W_]*(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}:\d\d)(?:[\s,]+(?:\d{1,2}[.:]\d\d)(?:\s*\w{1,4})?)?[\W_]*$")
#: Class of a box of other articles' teasers (their ``<time>`` is not the page's date).
_TEASER_RE = re.compile(r"related|teaser|suggest|recommend|more-stories|read-more|sidebar|widget", re.I)
#: Class or id of a site's masthead: an ``<h1>`` inside one is the site's name, not the headline.
_MASTHEAD_RE = re.compile(r"(?:^|[\s_-])(?:site[-_]?(?:name|title|logo|branding)|sitename|logo|branding"
                          r"|masthead)(?:$|[\s_-])", re.I)
_MASTHEAD_IDS = frozenset({"header", "kopf", "masthead", "branding", "top", "site-header"})
#: Class of a kicker (topic line) standing before the headline inside an ``<h1>``.
_KICKER_CLASS_RE = re.compile(r"kicker|dachzeile|overline|topline|eyebrow|supertitle|super-title|roofline"
                              r"|spitzmarke|surtitre|topic|rubric", re.I)
#: A kicker inside an ``<h1>`` is this many words or fewer.
KICKER_MAX_WORDS = 6
#: How many ancestors of an ``<h1>`` are looked at for a masthead.
MASTHEAD_DEPTH = 4
_ARCHIVE_PREFIX_RE = re.compile(r"^https?://web\.archive\.org/web/\d+[a-z_]*/", re.I)
#: A colon ends a site name only when that name is recognised (``Reuters: …``); so do the full-width
#: colon and bar of CJK titles, and a colon or underscore between words without spaces
#: (``标题：朝日新聞デジタル``, ``Headline:phpspot開発日誌``, ``标题_好奇心日报``).
_COLON_SEP_RE = re.compile(r"(?<=\S)\s?:\s+|\s*[：｜]\s*|(?<=\S)[_:](?=[^\W\d])")
_ISO_DAY_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
#: An RFC 2822 timestamp with its offset (``Sat, 19 Oct 2019 00:04:00 +0200``), and an ISO one stating
#: a non-zero offset.
_RFC_STAMP_RE = re.compile(r"\d\d:\d\d(?::\d\d)?\s+(?:[+-]\d{4}|GMT|UTC|UT|Z)\s*$", re.I)
_LOCAL_STAMP_RE = re.compile(r"(\d{4}-\d\d-\d\d)[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?[+-](?!00:?00)\d\d:?\d\d")
#: Scripts longer than this (characters) are not searched for a local timestamp.
LOCAL_SCRIPT_MAX_CHARS = 500_000
_STAMP_RE = re.compile(r"^\s*(\d{10}|\d{13})\s*$")
# A day written without separators, with its time or not: 20170412, 201704121030, 20170412103000.
_COMPACT_DAY_RE = re.compile(r"^\s*((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:\d{4}|\d{6})?\s*$")
_URL_DATE_RES = (
    re.compile(r"(?<![\d])((?:19|20)\d\d)[/_.-](0?[1-9]|1[0-2])[/_.-](0?[1-9]|[12]\d|3[01])(?!\d)"),
    # eight digits standing apart from other digits, after a slash or inside a name
    # (``/20170412/``, ``alert20170412.html``, ``-20170412-nu3r``)
    re.compile(r"(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)"),
)
_ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "scholarlyarticle",
    "techarticle", "report", "liveblogposting", "posting", "socialmediaposting", "creativework",
})
_NOT_A_NAME_RE = re.compile(r"https?:|www\.|@|\.(?:com|net|org)\b|^\d+$", re.I)
_AUTHOR_SPLIT_RE = re.compile(r"\s*(?:;|\||،|\band\b|\bund\b|&|\s+و(?=\s))\s*")
#: A class, id or link naming the article's author (``byline``, ``post-author``, ``/author/jane``).
_BYLINE_CLASS_RE = re.compile(r"author|byline|writer|autor|auteur|/writers?/|كاتب", re.I)
#: A byline element holding more text than this (characters) is an author's biography, not a name.
BYLINE_MAX_CHARS = 60
#: How many byline elements are read.
BYLINE_TRIES = 3
_BY_RE = re.compile(r"^(?:by|von|par|por|from|بقلم|كتب|كتبت|إعداد)\s*[:：]?\s+", re.I)


def html_layout(*args, **kwargs):  # type: ignore[no-untyped-def]
    """:func:`bicorpus.readers.html_layout.html_layout`, imported when first needed (lxml and the
    extractor load only for HTML)."""
    from .html_layout import html_layout as _html_layout

    return _html_layout(*args, **kwargs)


@cache
def _fields() -> dict[str, str]:
    """Lower-cased ``<meta>`` name → field (``title``, ``published``, ``modified``, ``author``, ``site``)."""
    out: dict[str, str] = {}
    for field_name, name in data_pairs("page_meta_fields.tsv"):
        out.setdefault(name.lower(), field_name)
    return out


@cache
def _rank() -> dict[str, int]:
    """Lower-cased ``<meta>`` name → its preference within its field (0 first)."""
    seen: dict[str, int] = {}
    out: dict[str, int] = {}
    for field_name, name in data_pairs("page_meta_fields.tsv"):
        out.setdefault(name.lower(), seen.get(field_name, 0))
        seen[field_name] = seen.get(field_name, 0) + 1
    return out


def _clean(text: str | None) -> str:
    return _SPACE_RE.sub(" ", text or "").replace("\u200b", "").strip()


def _key(text: str | None) -> str:
    return " ".join(_WORD_RE.findall((text or "").casefold()))


def _squash(text: str | None) -> str:
    return "".join(_WORD_RE.findall((text or "").casefold()))


# --- dates -------------------------------------------------------------------------------------------


def day_of(value: Any, today: _dt.date | None = None) -> str | None:
    """ISO day of a metadata date value (``2017-04-12T10:00:00+02:00``, ``1491991200``,
    ``20170412``, ``April 12, 2017``, ``12 نيسان 2017``), or ``None`` when it gives no plausible full day
    (from :data:`MIN_DAY` to tomorrow)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(int(value))
    if not isinstance(value, str) or not value.strip():
        return None
    day: _dt.date | None = None
    if m := _ISO_DAY_RE.match(value):
        try:
            day = _dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    elif m := _COMPACT_DAY_RE.match(value):
        try:
            day = _dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    elif m := _STAMP_RE.match(value):
        stamp = int(m[1]) / (1000 if len(m[1]) == 13 else 1)
        day = _dt.datetime.fromtimestamp(stamp, _dt.UTC).date()
    else:
        from ..dates import parse_date

        iso = parse_date(value[:120])
        if not iso or len(iso) != 10:
            return None
        day = _dt.date.fromisoformat(iso)
    today = today or _dt.date.today()
    if not MIN_DAY <= day <= today + _dt.timedelta(days=1):
        return None
    return day.isoformat()


def url_day(url: str | None) -> str | None:
    """The publication day a URL's path gives (``/2017/04/12/``, ``/2020-06-03-1.38``,
    ``/20170412/``, ``alert20170412.html``, ``-20170412-a1b2``), or ``None``."""
    if not url:
        return None
    path = unquote(urlsplit(url).path)
    for pattern in _URL_DATE_RES:
        if m := pattern.search(path):
            return day_of(f"{m[1]}-{m[2]}-{m[3]}")
    return None


# --- JSON-LD -----------------------------------------------------------------------------------------


def _ld_objects(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every object of a JSON-LD document (``@graph`` and lists opened, nesting bounded)."""
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data[:50]:
            yield from _ld_objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        graph = data.get("@graph")
        if graph is not None:
            yield from _ld_objects(graph, depth + 1)
        main = data.get("mainEntity") or data.get("mainEntityOfPage")
        if isinstance(main, (dict, list)):
            yield from _ld_objects(main, depth + 1)


def _ld_types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _names(value: Any) -> list[str]:
    """Person names in a JSON-LD ``author`` value (a string, an object with ``name``, a list)."""
    out: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict):
            item = item.get("name")
            if isinstance(item, list):
                item = " ".join(str(i) for i in item)
        if isinstance(item, str):
            out.append(item)
    return out


_CDATA_RE = re.compile(r"(?://\s*|/\*\s*)?(?:<!\[CDATA\[|\]\]>)(?:\s*\*/)?")


def _loads(text: str) -> Any:
    try:
        return json.loads(text, strict=False)
    except ValueError:
        try:  # a trailing comma, a stray semicolon, HTML comment or CDATA marks: common, harmless
            text = _CDATA_RE.sub("", text.replace("<!--", "").replace("-->", ""))
            return json.loads(re.sub(r",\s*([}\]])", r"\1", text.strip().strip(";")), strict=False)
        except ValueError:
            return None


class _Found:
    """Candidates gathered in one pass over the page."""

    def __init__(self) -> None:
        self.meta: dict[str, list[str]] = {}  # field -> values, best name first
        self.meta_rank: dict[str, list[int]] = {}
        self.meta_names: dict[str, list[str]] = {}  # field -> the <meta> names of its values
        self.ld_title: str | None = None
        self.ld_published: str | None = None
        self.ld_modified: str | None = None
        self.ld_authors: list[str] = []
        self.ld_site: str | None = None
        self.title: str | None = None
        self.h1: list[str] = []
        self.h1_parts: list[list[str]] = []  # the texts of each h1's child elements
        self.h1_kickers: list[tuple[str, str, bool] | None] = []  # (kicker, headline, classed) per h1
        self.mastheads: list[str] = []  # h1s that name the site (in its masthead, linking home)
        self.canonical: str | None = None
        self.og_url: str | None = None
        self.item_published: str | None = None
        self.time_published: str | None = None
        self.item_authors: list[str] = []
        self.byline_authors: list[str] = []
        self.description: str | None = None

    def add_meta(self, field_name: str, rank: int, value: str, name: str = "") -> None:
        values = self.meta.setdefault(field_name, [])
        ranks = self.meta_rank.setdefault(field_name, [])
        at = next((i for i, r in enumerate(ranks) if r > rank), len(ranks))
        values.insert(at, value)
        ranks.insert(at, rank)
        self.meta_names.setdefault(field_name, []).insert(at, name)

    def first(self, field_name: str) -> str | None:
        values = self.meta.get(field_name)
        return values[0] if values else None

    def add_ld(self, data: Any) -> None:
        for obj in _ld_objects(data):
            types = _ld_types(obj)
            article = bool(types & _ARTICLE_TYPES) or any(t.endswith("article") for t in types)
            if article and not self._ld_article_title:
                headline = obj.get("headline") or obj.get("name")
                if isinstance(headline, str) and headline.strip():
                    self.ld_title = headline
                    self._ld_article_title = True
            elif "webpage" in types and self.ld_title is None:
                headline = obj.get("headline")
                if isinstance(headline, str) and headline.strip():
                    self.ld_title = headline
            if article or "webpage" in types:
                if self.ld_published is None or (article and not self._ld_date_article):
                    values = (obj.get("datePublished"), obj.get("dateCreated"))
                    raw = next((v for v in values if day_of(v)), None)
                    if raw is not None:
                        self.ld_published = str(raw)
                        self._ld_date_article = article
                if self.ld_modified is None:
                    self.ld_modified = day_of(obj.get("dateModified"))
            if article and not self.ld_authors:
                self.ld_authors = _names(obj.get("author") or obj.get("creator"))
            if article and self.ld_site is None:
                pub = obj.get("publisher")
                names = _names(pub) if pub else []
                self.ld_site = names[0] if names else None
            if self.ld_site is None and types & {"website", "organization", "newsmediaorganization"}:
                name = obj.get("name")
                self.ld_site = name if isinstance(name, str) else None

    _ld_article_title = False
    _ld_date_article = False


_NOT_TEXT = frozenset({"script", "style", "noscript", "template"})
#: Class of text shown to screen readers only.
_SR_ONLY_RE = re.compile(r"visually-?hidden|sr-only|screen-reader|element-invisible|a11y-hidden", re.I)


def _text(el: etree._Element) -> str:
    """The text of ``el`` without scripts, styles and labels hidden from view for screen readers
    (``<span class="visuallyhidden">Headline:</span>``) inside it."""
    hidden = {sub for sub in el.iterdescendants() if isinstance(sub.tag, str)
              and _SR_ONLY_RE.search(sub.get("class") or "")}
    parts: list[str] = []
    for sub in el.iter():
        if hidden and sub is not el and any(a in hidden for a in sub.iterancestors() if a is not el):
            continue  # inside a hidden label: neither its text nor its tail
        if isinstance(sub.tag, str) and sub.tag not in _NOT_TEXT and sub.text and sub not in hidden:
            parts.append(sub.text)
        if sub is not el and sub.tail:
            parts.append(sub.tail)
    return _clean(" ".join(parts))


def _gather(root: etree._Element) -> _Found:
    found = _Found()
    fields, rank = _fields(), _rank()
    for el in root.iter("meta", "title", "h1", "script", "link", "time", "a", "span", "div", "p"):
        tag = el.tag
        if tag == "meta":
            # ``value`` in place of ``content``: some saved and scraped copies of pages write it so
            content = el.get("content")
            if content is None:
                content = el.get("value")
            if content is None or not content.strip():
                continue
            for attr in ("property", "name", "itemprop"):
                name = el.get(attr)
                if not name:
                    continue
                name = name.strip().lower()
                field_name = fields.get(name)
                if field_name is not None:
                    found.add_meta(field_name, rank[name], content.strip(), name)
                elif name in ("og:url",):
                    found.og_url = found.og_url or content.strip()
                elif name in ("description", "og:description") and found.description is None:
                    found.description = _clean(content)
        elif tag == "title":
            if found.title is None:
                found.title = _clean(el.text_content() if hasattr(el, "text_content") else el.text)
        elif tag == "h1":
            if len(found.h1) < MAX_H1 and (text := _text(el)) and len(text) <= TITLE_MAX_CHARS:
                if _is_masthead(el):
                    found.mastheads.append(text)
                else:
                    found.h1.append(text)
                    found.h1_parts.append([t for sub in el if isinstance(sub.tag, str) and (t := _text(sub))])
                    found.h1_kickers.append(_kicker_split(el, text))
        elif tag == "script":
            kind = (el.get("type") or "").lower()
            if "ld+json" in kind and el.text:
                found.add_ld(_loads(el.text))
        elif tag == "link":
            rel = (el.get("rel") or "").lower()
            if rel == "canonical" and found.canonical is None:
                found.canonical = (el.get("href") or "").strip() or None
        else:
            prop = (el.get("itemprop") or "").lower()
            if tag == "time" and found.time_published is None and prop != "datemodified":
                if el.get("pubdate") is not None or _in_article(el):
                    raw = el.get("datetime") or ""
                    found.time_published = raw if day_of(raw) else None
            if prop == "datepublished" and found.item_published is None:
                raw = el.get("content") or el.get("datetime") or _text(el)
                found.item_published = raw if day_of(raw) else None
            elif prop == "author" and len(found.item_authors) < 5:
                name_el = next(iter(el.xpath(".//*[@itemprop='name']")), None)
                value = (name_el.get("content") if name_el is not None else None) or \
                    (_text(name_el) if name_el is not None else el.get("content") or _text(el))
                if value:
                    found.item_authors.append(value)
            elif tag == "a" and (el.get("rel") or "").lower() == "author" and len(found.item_authors) < 5:
                if value := _text(el):
                    found.item_authors.append(value)
            elif len(found.byline_authors) < BYLINE_TRIES:
                hint = (el.get("class") or "") + " " + (el.get("id") or "")
                if tag == "a":
                    hint += " " + (el.get("href") or "")
                if len(hint) > 2 and _BYLINE_CLASS_RE.search(hint) and "comment" not in hint.lower():
                    value = _text(el)
                    if 2 <= len(value) <= BYLINE_MAX_CHARS:
                        found.byline_authors.append(value)
    return found


def _kicker_split(h1: etree._Element, text: str) -> tuple[str, str, bool] | None:
    """``(kicker, headline, classed)`` when ``h1`` opens with an element of its own holding a short
    kicker (a topic line, ``<span class="dachzeile">Interne Unterlagen im Netz</span>
    <span>Daten von Rheinmetall gehackt</span>``, ``<small>Einheit der Woche</small>``) and the
    headline follows it; ``classed`` when that element is marked as a kicker (its class, or a
    ``<small>``).  ``None`` otherwise."""
    for sub in h1.iterdescendants():
        if not isinstance(sub.tag, str) or sub.tag in _NOT_TEXT:
            continue
        kicker = _text(sub)
        if not kicker or _key(kicker) == _key(text):
            continue  # empty, or a wrapper of the whole headline: look inside it
        if (not text.startswith(kicker) or len(kicker.split()) > KICKER_MAX_WORDS
                or not _key(kicker) or not _key(text).startswith(_key(kicker) + " ")):
            return None
        headline = text[len(kicker):].strip(_END_SEPS)
        if len(headline.split()) < 2 or len(_key(headline)) <= len(_key(kicker)):
            return None
        classed = sub.tag == "small" or bool(_KICKER_CLASS_RE.search(sub.get("class") or ""))
        return kicker, headline, classed
    return None


def _links_home(href: str | None) -> bool:
    """``href`` leads to a site's home page (``/``, ``https://site.org/``, an archived copy of one)."""
    if not href:
        return False
    href = _ARCHIVE_PREFIX_RE.sub("", href.strip())
    parts = urlsplit(href)
    return not parts.query and parts.path in ("", "/") and (bool(parts.netloc) or href.startswith("/"))


def _is_masthead(h1: etree._Element) -> bool:
    """``h1`` is the site's name in its masthead, not a headline: it links to the home page, or
    it or a near ancestor outside the article is classed as the site's name, logo or masthead
    (``site-title``, ``logo``, ``id="header"``)."""
    links = [a for a in h1.iter("a")]
    parent = h1.getparent()
    if parent is not None and parent.tag == "a":
        links.append(parent)
    if links and all(_links_home(a.get("href")) for a in links):
        return True
    for depth, anc in enumerate((h1, *h1.iterancestors())):
        if anc.tag in ("article", "main") or depth > MASTHEAD_DEPTH:
            return False
        if _MASTHEAD_RE.search(anc.get("class") or "") or _MASTHEAD_RE.search(anc.get("id") or ""):
            return True
        if (anc.get("id") or "").lower() in _MASTHEAD_IDS:
            return True
    return False


def _in_article(el: etree._Element) -> bool:
    """``el`` (a ``<time>``) is inside the page's article: an ``<article>`` or ``<main>`` ancestor,
    and no list item, ``aside``, ``nav``, ``footer`` or related-articles box around it (where the
    dates of other articles' teasers stand)."""
    inside = False
    for anc in el.iterancestors():
        if anc.tag in ("li", "aside", "nav", "footer"):
            return False
        if anc.tag in ("body", "html"):
            break  # the page's own classes ("one-sidebar") say nothing of where the time stands
        if _TEASER_RE.search(anc.get("class") or ""):
            return False
        if anc.tag in ("article", "main"):
            inside = True
    return inside


# --- titles ------------------------------------------------------------------------------------------


def _site_like(name: str) -> bool:
    """``name`` may be a site's name: a few words (``MSN``, ``الجزيرة نت``), not a headline some
    pages also put in a site-name field."""
    return len(name.split()) <= SITE_PART_MAX_WORDS + 2


def _site_keys(names: list[str | None], host: str | None) -> set[str]:
    keys = {_squash(n.lstrip("@")) for n in names if n}
    if host:
        host = host.lower().removeprefix("www.")
        keys.add(_squash(host))
        labels = host.split(".")
        keys.update(_squash(label) for label in labels if len(label) > 3)
        if len(labels) >= 2:
            keys.add(_squash(labels[-2]) if labels[-1] in ("com", "net", "org", "info") or len(labels) == 2
                     else _squash(labels[-3] if len(labels) > 2 else labels[0]))
    keys.discard("")
    return keys


def _parts(title: str, colon: bool = False) -> list[str]:
    parts = [p.strip() for p in _TITLE_SEP_RE.split(title)]
    if colon:
        parts = [q.strip() for p in parts for q in _COLON_SEP_RE.split(p)]
    return [p for p in parts if p]


def _is_site(part: str, sites: set[str]) -> bool:
    key = _squash(part)
    return bool(key) and (key in sites or any(len(s) >= 4 and (key.startswith(s) or key.endswith(s))
                                              and len(key) <= len(s) + 8 for s in sites))


def strip_site(title: str, sites: set[str]) -> str:
    """``title`` without the site (and section) names it starts or ends with, given ``sites``
    (squashed site-name keys)."""
    for colon in (False, True):
        parts = _parts(title, colon)
        if len(parts) < 2:
            continue
        lo, hi = 0, len(parts)
        while hi - lo > 1 and _is_site(parts[hi - 1], sites):
            hi -= 1
        while hi - lo > 1 and _is_site(parts[lo], sites):
            lo += 1
        if (lo, hi) != (0, len(parts)):
            return _span(title, parts[lo], parts[hi - 1])
        # the site's name between the headline and a tagline (``Headline : Site | Tagline``): the
        # headline is the side with more words
        for mid in range(1, len(parts) - 1):
            if _is_site(parts[mid], sites):
                before, after = parts[:mid], parts[mid + 1:]
                words = [sum(len(x.split()) for x in side) for side in (before, after)]
                side = before if words[0] >= words[1] else after
                return _span(title, side[0], side[-1])
    return title


def _span(title: str, first: str, last: str) -> str:
    start = title.find(first)
    end = title.rfind(last) + len(last)
    return title[start:end].strip() if 0 <= start < end else first


def _short_ends(title: str) -> str:
    """``title`` without short parts at its ends when one longer headline part remains:
    ``Headline - Section - Site``, ``Site | Headline``.  Beside ``|``, ``›``, ``»``, ``::``, ``·``
    or ``•`` the headline need only be the longest part; beside dashes it must also be longer
    than :data:`SITE_PART_MAX_WORDS` words (``Leasing or buying – which pays?`` stays whole)."""
    pieces = _TITLE_SEP_CAPTURE_RE.split(title)
    parts = [p.strip() for p in pieces[::2]]
    seps = [s.strip() for s in pieces[1::2]]
    if len(parts) < 2 or not all(parts):
        return title
    words = [len(p.split()) for p in parts]
    head = max(range(len(parts)), key=lambda i: words[i])
    others = [w for i, w in enumerate(words) if i != head]
    if max(others) > SITE_PART_MAX_WORDS or max(others) >= words[head]:
        return title
    beside = seps[max(0, head - 1): head + 1]
    strong = any(sep and sep[0] in _STRONG_SEPS for sep in beside)
    if words[head] > SITE_PART_MAX_WORDS or strong:
        return parts[head]
    return title


def _covers(h1: str, piece: str, children: Sequence[str] = (), split: bool = False) -> bool:
    """``piece`` (3 words or more) opens or closes ``h1`` and is most of it, and what is left of
    ``h1`` is a kicker or a date: the text of one of its child elements (``<h1><span>Syria</span>
    Fighting resumes</h1>``), a part holding a digit, or (``split``) a part of ``h1`` between
    separators (``"Reform now" / Jane Doe elected``).  ``Ultium Cells raises capacity in
    Tennessee`` is not covered by ``Ultium Cells raises capacity``: the rest runs on."""
    hk, pk = _key(h1), _key(piece)
    if pk.count(" ") < 2 or len(pk) * 2 < len(hk) or pk == hk:
        return False
    if hk.startswith(pk + " "):
        rest = hk[len(pk) + 1:]
    elif hk.endswith(" " + pk):
        rest = hk[: len(hk) - len(pk) - 1]
    else:
        return False
    return (any(ch.isdigit() for ch in rest) or rest in {_key(c) for c in children}
            or (split and pk in {_key(p) for p in _parts(h1)}))


def _variant(h1: str, piece: str, cands: Sequence[str], sites: set[str]) -> bool:
    """``h1`` and a declared title are two versions of one headline: both open (or both close)
    with ``piece`` and go on past a separator with words of their own, not a site name
    (``Leasing or buying – which is cheaper?`` beside ``Leasing or buying – which pays?``): the
    ``<h1>`` is then the headline the page shows, not ``piece``."""
    hk, pk = _key(h1), _key(piece)
    opens = hk.startswith(pk + " ")
    for cand in cands:
        keys = [_key(p) for p in _parts(cand)]
        if pk not in keys:
            continue
        at = keys.index(pk)
        nxt = at + 1 if opens else at - 1
        if not 0 <= nxt < len(keys):
            continue
        other = _parts(cand)[nxt]
        if keys[nxt] and keys[nxt] not in hk and not _is_site(other, sites):
            return True
    return False


_OPEN_SEPS = "_|│-–—:·•»›/~：｜＿－"


def _opens(title: str, h1: str) -> bool:
    """``title`` is ``h1`` followed by a separator and more (``标题 _频道 _网站``, ``Headline_Site``):
    separators without spaces around them, which :func:`_parts` does not split at."""
    if len(h1) < 4 or len(title) <= len(h1) or not title.startswith(h1):
        return False
    rest = title[len(h1):].lstrip()
    return rest[:1] in _OPEN_SEPS and bool(rest[1:].strip(_OPEN_SEPS + " "))


def _related(h1: str, cands: Sequence[str]) -> bool:
    """``h1`` shares a word of :data:`RELATED_MIN_CHARS` letters or more with one of the page's
    declared titles (alone or inside a longer word), or the page declares none: else it is a page
    label (``기사 상세``, ``Article details``) or a tagline (``Democracy in Europe Movement 2025``),
    not the headline."""
    if not cands:
        return True
    words = [w for w in _key(h1).split() if len(w) >= RELATED_MIN_CHARS]
    keys = [_key(c) for c in cands]
    # inside a word too: a compound (Finanzierung, Autofinanzierung) or an Arabic clitic (الهيئة, والهيئة)
    return any(w in k for w in words for k in keys)


def _spans(title: str) -> list[str]:
    """Every run of consecutive parts of ``title`` between separators (``A - B - C`` gives ``A``,
    ``A - B``, ``B``, ``B - C``, ``C`` and the whole)."""
    parts = _parts(title)
    if len(parts) > 8:
        return parts
    return [_span(title, parts[i], parts[j]) for i in range(len(parts)) for j in range(i, len(parts))]


def _tidy(title: str | None) -> str | None:
    """``title`` without a date or time part at its end (``Headline : 06.11.2023, 11.41 Uhr``) and
    without separator marks left at its ends (``» Jens Weber``)."""
    if not title:
        return title
    pieces = _END_PART_RE.split(title)
    while len(pieces) >= 3 and _DATE_PART_RE.match(pieces[-1]):
        pieces = pieces[:-2]
    while len(pieces) >= 3 and _DATE_PART_RE.match(pieces[0]):
        pieces = pieces[2:]
    title = "".join(pieces).strip(_END_SEPS)
    # a guillemet standing apart at one end with no partner is a separator, not a quotation mark
    if title[:2] in ("» ", "« ") and "«" not in title[1:] and "»" not in title[1:]:
        title = title[1:].strip(_END_SEPS)
    if title[-2:] in (" »", " «") and "«" not in title[:-1] and "»" not in title[:-1]:
        title = title[:-1].strip(_END_SEPS)
    return title or None


def _cut_quote(og: str | None, full: str | None) -> str | None:
    """``og`` cut short at a quotation mark the page left unescaped inside its ``content="..."``
    (``Senator calls Biden`` for ``Senator calls Biden "unfit"``): ``full`` (the ``<title>``) when
    it goes on from ``og`` with a quotation mark, else ``og``."""
    if og and full and len(full) > len(og) and full.startswith(og) and full[len(og):].lstrip()[:1] in "\"'":
        return full
    return og


def choose_title(found: _Found, sites: set[str]) -> str | None:
    """The page's title from its candidates (see the module docstring)."""
    return _tidy(_declared_spacing(_choose_title(found, sites), found))


def _declared_spacing(title: str | None, found: _Found) -> str | None:
    """``title`` as a declared title (``og:title``, JSON-LD, ``<title>``) or a part of one writes it,
    when the two differ in spaces alone: an ``<h1>``'s text joins its inline elements with spaces
    the page does not show (``<h1>Frauen im THW<span>:</span> Vergangenheit</h1>``)."""
    if not title:
        return title
    bare = "".join(title.split())
    for cand in (found.first("title"), found.ld_title, found.title):
        cand = _clean(cand)
        if not cand or cand == title:
            continue
        for piece in (cand, *_parts(cand), *_parts(cand, colon=True)):
            if piece != title and "".join(piece.split()) == bare:
                return piece
    return title


def _choose_title(found: _Found, sites: set[str]) -> str | None:
    og, ld, tt = (_clean(c)[:TITLE_MAX_CHARS * 2] or None for c in (found.first("title"), found.ld_title,
                                                                    found.title))
    og = _cut_quote(og, tt)
    og_s, ld_s, tt_s = (strip_site(c, sites) if c else None for c in (og, ld, tt))
    cands = [c for c in (og, ld, tt) if c]
    pieces = [c for c in (og_s, ld_s, tt_s) if c] + [p for c in cands for p in _parts(c)]
    whole = {_key(c) for c in cands} | {_key(c) for c in (og_s, ld_s, tt_s) if c}
    agree = whole | {_key(p) for p in pieces} | {_key(p) for c in cands for p in _spans(c)}
    agree.discard("")
    # an <h1> repeated word for word (one for small screens, one for large) counts once
    h1s: list[tuple[str, list[str]]] = []
    for h, parts in zip(found.h1, found.h1_parts, strict=True):
        if not _is_site(h, sites) and all(_key(h) != _key(seen) for seen, _ in h1s):
            h1s.append((h, parts))
    # an <h1> opening with a kicker element: the headline after it, when the kicker is marked as
    # one or a declared title gives the headline as a part of its own (``Kicker: Headline``)
    colon = {_key(p) for c in cands for p in _parts(c, colon=True)} | agree
    named = {_key(c) for c in (og, ld) if c}  # a "kicker" the page declares as its title is none
    for h1, kick in zip(found.h1, found.h1_kickers, strict=True):
        if kick and not _is_site(h1, sites) and (kick[2] or _key(kick[1]) in colon) \
                and _key(kick[0]) not in named:
            return kick[1]
    # an <h1> equal to a declared title: og:title or JSON-LD first (the page names its headline
    # there), then <title> (which may name a page label: "News - Site" beside the headline's <h1>)
    declared = {_key(c) for c in (og, ld, og_s, ld_s) if c}
    for keys in (declared, whole):
        for h1, _ in h1s:
            if _key(h1) in keys:
                return h1
    for h1, children in h1s:
        for piece in pieces:
            if _covers(h1, piece, children):
                return piece
    # an <h1> of three words or more equal to the part of a declared title after a colon: the
    # headline the page shows, without the kicker it declares before it (``Petition: Headline``)
    for h1, _ in h1s:
        if _key(h1).count(" ") >= 2 and _key(h1) in colon:
            return h1
    # the longest <h1> agreeing with a part of a declared title ("Zoll", "Fachmeldungen" and the
    # headline, each in an <h1> of its own); a one-word <h1> agreeing with a part of <title> only
    # is a page label ("detail", "News") when the page names its headline elsewhere
    for h1, _ in sorted(h1s, key=lambda h: -len(h[0].split())):
        if _key(h1) in agree and (" " in _key(h1) or not (og or ld)):
            return h1
    for h1, _ in h1s:
        if any(_opens(c, h1) for c in cands):
            return h1
    for h1, _ in h1s:
        for piece in pieces:
            if _covers(h1, piece, split=True) and not _variant(h1, piece, cands, sites):
                return piece
    # an <h1> of three words or more that a declared title opens with and goes on from (``Recipe``
    # and ``Recipe by jane``, ``Headline`` and ``Headline, Thailand``): the headline the page shows
    for h1, _ in h1s:
        key = _key(h1)
        if key.count(" ") >= 2 and any(_key(c).startswith(key + " ") for c in (og_s, ld_s, tt_s) if c):
            return h1
    multi = [h1 for h1, _ in h1s if " " in h1]
    if len(multi) == 1 and ((len(h1s) == 1 and len(multi[0].split()) > LABEL_MAX_WORDS)
                            or _related(multi[0], cands)):
        return multi[0]
    tt_parts = {_key(p) for p in _parts(tt)} if tt else set()
    for cand in (og_s, ld_s):
        if cand and (_key(cand) in tt_parts or (tt_s and _key(cand) == _key(tt_s))):
            return _short_ends(cand) if tt_s == tt else cand
    if og_s and ld_s and _key(og_s) == _key(ld_s):
        return og_s
    # a declared title the <title> holds whole beside a name of its own (``Blog: Headline``) is the
    # headline as the page declares it: its own short parts are no site name
    ttk = _key(tt)
    for cand in (og_s, ld_s):
        ck = _key(cand)
        if cand and ck and ttk != ck and (ttk.startswith(ck + " ") or ttk.endswith(" " + ck)) \
                and not _is_site(cand, sites):
            return cand
    for cand in (og_s, ld_s, tt_s):
        if cand and not _is_site(cand, sites):
            return _short_ends(cand)
    return h1s[0][0] if len(h1s) == 1 else (tt_s or None)


# --- authors -----------------------------------------------------------------------------------------


def _authors(values: list[str], sites: set[str]) -> tuple[str, ...]:
    out: list[str] = []
    for value in values:
        value = _BY_RE.sub("", _clean(value))
        if not value or _NOT_A_NAME_RE.search(value) or len(value) > 120:
            continue
        for name in _AUTHOR_SPLIT_RE.split(value):
            name = _BY_RE.sub("", name).strip(" ,.-–—:")
            if not name or _is_site(name, sites) or not any(ch.isalpha() for ch in name):
                continue
            if _key(name) not in {_key(n) for n in out}:
                out.append(name)
    return tuple(out[:10])


# --- the page ----------------------------------------------------------------------------------------


def _root_attr(root: etree._Element, name: str) -> str | None:
    value = root.get(name) or root.get(name.upper()) or ""
    if not value.strip():
        body = root.find("body")
        value = (body.get(name) if body is not None else None) or ""
    return value.strip() or None


def _quick_date(root: etree._Element, url: str | None) -> str | None:
    """htmldate's reading of the markup, published day only: its quick search (metadata,
    date-classed elements, ``<time>``, ``<abbr>``, the URL), then a dateline near the headline
    (:func:`text_dateline`: any language), then the oldest date written in a
    short text segment of the page and its patterns over the whole page (``Published on
    12.04.2017``; a year alone, as in a copyright line, is no day) -- its extensive search without
    the slow external date parser it ends with."""
    import logging
    from datetime import datetime

    import lxml.html
    from htmldate import find_date
    from htmldate.core import compare_reference, search_page
    from htmldate.extractors import FREE_TEXT_EXPRESSIONS
    from htmldate.settings import MAX_SEGMENT_LEN, MIN_SEGMENT_LEN
    from htmldate.utils import Extractor
    from htmldate.validators import check_extracted_reference

    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    latest = datetime.combine(_dt.date.today() + _dt.timedelta(days=1), datetime.min.time())
    earliest = datetime.combine(MIN_DAY, datetime.min.time())
    options = Extractor(False, latest, earliest, True, "%Y-%m-%d")
    try:
        found = find_date(root, extensive_search=False, original_date=True, url=url,
                          min_date=MIN_DAY.isoformat())
        if not found:
            found = text_dateline(root)
        if not found:
            reference = None
            for segment in FREE_TEXT_EXPRESSIONS(root):
                segment = segment.strip()
                if MIN_SEGMENT_LEN < len(segment) < MAX_SEGMENT_LEN:
                    reference = compare_reference(reference, segment, options)
            found = check_extracted_reference(reference, options)
        if not found:
            found = search_page(lxml.html.tostring(root, encoding="unicode"), options)
            if found and found.endswith("-01-01"):
                found = None  # its last resort: a year alone (a copyright line), read as 1 January
    except Exception:  # a third-party failure is "no date"
        return None
    return day_of(found) if found else None


@cache
def _month_date_re() -> tuple[dict[str, int], re.Pattern[str]]:
    """The month names of ``data/page_date_months.tsv`` (case-folded → month) and a pattern of a
    day written with one of them: ``15 августа 2016``, ``2 de abril de 2020``, ``12. März 2019``,
    ``maio 3, 2021``."""
    table = {name.casefold(): int(month) for name, month in data_pairs("page_date_months.tsv")}
    names = "|".join(re.escape(n) for n in sorted(table, key=len, reverse=True))
    year = r"((?:19|20)\d\d)(?!\d)"
    pattern = re.compile(
        rf"(?<!\w)(?:(\d{{1,2}})\.?\s*(?:de\s+)?({names})\.?,?\s*(?:de\s+|del\s+)?{year}"
        rf"|({names})\s+(\d{{1,2}}),?\s+{year})")
    return table, pattern


_DIGIT_RE = re.compile(r"\d")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
#: Elements whose dates belong to other articles or to the site (lists of teasers, menus, footers).
_OTHER_DATES_TAGS = frozenset({"li", "nav", "aside", "footer", "header"})
#: At most this many text pieces of a page are searched for a written day.
MONTH_DATE_MAX_TEXTS = 3000
MONTH_DATE_MAX_CHARS = 200
#: A dateline holds its day and at most this many other words (a weekday, "Publié le", a time).
DATELINE_OTHER_WORDS = 5
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _dateline_day(piece: str, table: dict[str, int], pattern: re.Pattern[str]) -> str | None:
    """The day ``piece`` gives when it is a dateline: the day, with at most
    :data:`DATELINE_OTHER_WORDS` other words, written with a month name of
    ``data/page_date_months.tsv`` or any way :mod:`bicorpus.dates` reads (``12.04.2017``,
    ``April 12, 2017``, ``12 نيسان 2017``)."""
    text = piece.translate(_DIGITS).casefold()
    m = pattern.search(text)
    if m is not None:
        span = m.span()
        day, month, year = (m[1], m[2], m[3]) if m[1] else (m[5], m[4], m[6])
        try:
            iso = _dt.date(int(year), table[month], int(day)).isoformat()
        except ValueError:
            return None
    else:
        from ..dates import find_date

        found = find_date(piece)
        if found is None or len(found.iso) != 10:
            return None
        from ..normalize import normalize_text

        text = normalize_text(piece)
        span, iso = (found.start, found.end), found.iso
    # other words (a Chinese, Japanese or Korean character counts as one: no spaces part them)
    words = _WORD_RE.findall(f"{text[:span[0]]} {text[span[1]:]}")
    if sum(max(1, len(_CJK_RE.findall(w))) for w in words) > DATELINE_OTHER_WORDS:
        return None  # a sentence, not a dateline
    return day_of(iso)


def month_dateline(text: str) -> str | None:
    """The day ``text`` gives when it is a dateline written with a month name of
    ``data/page_date_months.tsv`` (``20. März 2021 - 15:00 Uhr``, ``04 de mayo 2022``): the day and at
    most :data:`DATELINE_OTHER_WORDS` other words.  ISO, or ``None``."""
    if not 6 <= len(text) <= MONTH_DATE_MAX_CHARS or not _DIGIT_RE.search(text):
        return None
    table, pattern = _month_date_re()
    if pattern.search(text.translate(_DIGITS).casefold()) is None:
        return None
    return _dateline_day(text, table, pattern)


def text_dateline(root: etree._Element, links: bool = True, updates: bool = True) -> str | None:
    """The day a dateline of the page's visible text gives (:func:`_dateline_day`: a short piece of
    text holding a day and at most :data:`DATELINE_OTHER_WORDS` other words, ``martes 17 de marzo
    de 2020``, ``Publié le 3 mai 2019``, ``15 августа 2016, 13:43``, ``Stand: 28.04.2020``), not a
    sentence; not in a list item, menu, aside, header or footer (other articles' teasers, the
    site's own dates), nor (``links`` false) in a link; not (``updates`` false) one naming the
    page's last change (``Updated …``).  The first one after the page's first ``<h1>``, else the
    last one before it (a dateline above the headline).  ISO, or ``None``."""
    from .html_layout import _update_line

    table, pattern = _month_date_re()
    before: str | None = None
    seen_h1 = False
    for n, el in enumerate(root.iter()):
        if n > MONTH_DATE_MAX_TEXTS:
            break
        if el.tag == "h1":
            seen_h1 = True
        if not isinstance(el.tag, str) or el.tag in _NOT_TEXT:
            continue
        for own, piece in ((True, el.text), (False, el.tail)):
            if not piece or not 6 <= len(piece) <= MONTH_DATE_MAX_CHARS or not _DIGIT_RE.search(piece):
                continue
            iso = _dateline_day(piece, table, pattern)
            holder = el if own else el.getparent()
            if iso is None or holder is None or any(
                    a.tag in _OTHER_DATES_TAGS or (not links and a.tag == "a")
                    for a in (holder, *holder.iterancestors())):
                continue
            if not updates and _update_line(piece):
                continue
            if seen_h1:
                return iso
            before = iso
    return before


def _shown_days(root: etree._Element) -> set[str]:
    """Every day a dateline of the page's text shows (:func:`_dateline_day`), wherever it stands."""
    table, pattern = _month_date_re()
    out: set[str] = set()
    for n, el in enumerate(root.iter()):
        if n > MONTH_DATE_MAX_TEXTS:
            break
        if not isinstance(el.tag, str) or el.tag in _NOT_TEXT:
            continue
        for piece in (el.text, el.tail):
            if piece and 6 <= len(piece) <= MONTH_DATE_MAX_CHARS and _DIGIT_RE.search(piece):
                if iso := _dateline_day(piece, table, pattern):
                    out.add(iso)
    return out


def read_page_meta(root: etree._Element, *, extracted: bool = False, url: str | None = None) -> PageMeta:
    """Read what the page ``root`` says about itself (see the module docstring).  ``url`` is where
    it was fetched from, used when the page declares none; ``extracted`` is copied onto the
    result."""
    from .html import PageMeta

    found = _gather(root)
    page_url = found.canonical or found.og_url or url
    if page_url and not page_url.lower().startswith(("http://", "https://", "//")):
        page_url = url or None
    host = urlsplit(page_url if "//" in (page_url or "") else "").hostname if page_url else None
    declared = [n for n in (*found.meta.get("site", ()), found.ld_site) if n and _site_like(n)]
    site_name = declared[0] if declared else None
    if site_name and site_name.startswith("@"):
        site_name = site_name[1:] or None
    sites = _site_keys([*declared, *(m for m in found.mastheads if _site_like(m))], host)
    title = choose_title(found, sites)
    published, utc = _published(found)
    stated = _stated_days(found)
    if published and utc:
        stamp = _utc_stamp(found)
        published, utc = _local_day(root, published, url_day(page_url) or url_day(url), stamp)
        if utc and (local := _region_day(stamp, _root_attr(root, "lang"), host)):
            published, utc = local, False
        shown = text_dateline(root, links=False, updates=False) if utc else None
        if shown and shown != published and _reachable(
                stamp, (_dt.date.fromisoformat(shown) - _dt.date.fromisoformat(published)).days):
            published, utc = shown, False  # the dateline shows the page's local day
    # a generic <meta name="date"> alone: often the day of the last change, the dateline shown wins
    shown = text_dateline(root, links=False, updates=False) if published and _generic_only(found) else None
    if shown and shown != published:
        published, utc = shown, False
    # the page shows its last change as its dateline and its publication day nowhere
    if published and (shown := text_dateline(root, links=False)) and shown != published \
            and shown in _modified_days(found) and published not in _shown_days(root):
        published, utc = shown, False
    # a day the URL alone gives is a guess too (a print edition's day, a folder's): a dateline
    # the page shows beats it
    guessed = published is None or _generic_only(found)  # a generic <meta name="date"> is weak too
    published = published or url_day(page_url) or url_day(url)
    modified = None
    if published is None:
        modified = found.ld_modified or _first_day(found.meta.get("modified", ()))
        published = _quick_date(root, page_url or url)
        if published == modified:  # htmldate's last resort is the modified date
            published = None
        elif published is not None:
            modified = None
    authors = _authors(found.ld_authors or found.meta.get("author", []) or found.item_authors, sites)
    if not authors and found.byline_authors:
        authors = _authors(found.byline_authors[:1], sites)
    direction = _root_attr(root, "dir")
    return PageMeta(
        title=title[:TITLE_MAX_CHARS] if title else None,
        date=published,
        date_utc=utc,
        other_dates=tuple(d for d in dict.fromkeys((*stated, *_modified_days(found))) if d != published),
        date_guessed=guessed and published is not None,
        modified=modified,
        authors=authors,
        site=_clean(site_name) or host or None,
        url=page_url,
        lang=_root_attr(root, "lang") or _root_attr(root, "xml:lang"),
        dir=direction.lower() if direction else None,
        description=found.description or None,
        extracted=extracted,
    )


#: ``<meta>`` names of a page's date that many sites fill with the day of their last change.
_GENERIC_DATE_NAMES = frozenset({"date", "dc.date", "dcterms.date"})


def _generic_only(found: _Found) -> bool:
    """The page states its publication day only in a generic ``<meta name="date">``
    (:data:`_GENERIC_DATE_NAMES`), which many sites fill with the day of their last change: no
    other ``<meta>``, JSON-LD, ``itemprop`` or ``<time>`` gives one."""
    names = found.meta_names.get("published", [])
    return (bool(names) and all(n in _GENERIC_DATE_NAMES for n in names) and not found.ld_published
            and not found.item_published and not found.time_published)


def _instant(raw: str) -> _dt.datetime | None:
    """The moment a timestamp with a UTC offset names (ISO ``2019-10-19T00:04:00+02:00`` or RFC 2822
    ``Sat, 19 Oct 2019 00:04:00 +0200``), or ``None`` when it names no offset."""
    raw = raw.strip()
    try:
        stamp = _dt.datetime.fromisoformat(raw.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        if not _RFC_STAMP_RE.search(raw):
            return None
        try:
            stamp = parsedate_to_datetime(raw)
        except (TypeError, ValueError, IndexError):
            return None
    return stamp if stamp.tzinfo is not None else None


def _published(found: _Found) -> tuple[str | None, bool]:
    """The publication day the page states, and whether it is the UTC day of a timestamp.  A
    UTC timestamp gives way to another one stating a non-zero offset within a day of it
    (``2020-02-25T02:25:54Z`` and ``2020-02-24T21:25:54-05:00``, or ``2019-10-18T22:04:00Z`` and
    ``Sat, 19 Oct 2019 00:04:00 +0200``: the page's own day is the other one)."""
    raws = [r for r in (*found.meta.get("published", ()), found.ld_published, found.item_published,
                        found.time_published) if r]
    days = [(day_of(r), r) for r in raws]
    days = [(d, r) for d, r in days if d]
    if not days:
        return None, False
    day, raw = days[0]
    first_stamp = _instant(raw)
    if first_stamp is None or first_stamp.utcoffset():
        return day, False
    for other, other_raw in days[1:]:
        stamp = _instant(other_raw)
        if stamp is not None and stamp.utcoffset() and abs(stamp - first_stamp) <= SAME_MOMENT:
            local = stamp.date().isoformat()
            return (local if day_of(local) else other), False
    return day, True


def _utc_stamp(found: _Found) -> _dt.datetime | None:
    """The moment of the first stated publication timestamp, when it names one."""
    for raw in (*found.meta.get("published", ()), found.ld_published, found.item_published,
                found.time_published):
        if raw and day_of(raw):
            return _instant(raw)
    return None


def _stated_days(found: _Found) -> list[str]:
    """Every publication day the page states, in order of preference, once each."""
    out: list[str] = []
    for raw in (*found.meta.get("published", ()), found.ld_published, found.item_published,
                found.time_published):
        day = day_of(raw) if raw else None
        if day and day not in out:
            out.append(day)
    return out[:MAX_OTHER_DATES + 1]


def _modified_days(found: _Found) -> list[str]:
    """The days the page states as its last change (``article:modified_time``, JSON-LD
    ``dateModified``): a dateline under the headline showing one of them is the day the page shows,
    without an update cue (``Updated …``, which the layout reads apart)."""
    days = [day_of(raw) for raw in (*found.meta.get("modified", ()), found.ld_modified) if raw]
    return [d for d in dict.fromkeys(days) if d]


#: Two timestamps this close name one moment (a publication time written in UTC and in local time).
SAME_MOMENT = _dt.timedelta(hours=1)
#: UTC offsets in use run from -12:00 to +14:00.
_WEST_HOURS, _EAST_HOURS = 12, 14


def _reachable(utc: _dt.datetime | None, shift: int) -> bool:
    """A local day ``shift`` days from the UTC day of ``utc`` is possible at some UTC offset: the
    day before only for a time before 12:00 UTC, the day after only for one from 10:00 UTC
    (``2019-08-27T16:34:48+00:00`` is the 27th or the 28th somewhere, never the 26th)."""
    if abs(shift) != 1:
        return False
    if utc is None:
        return True
    utc = utc.astimezone(_dt.UTC)
    hours = utc.hour + utc.minute / 60
    if utc.hour == 0 and utc.minute == 0 and utc.second == 0:
        return True  # a midnight stamp is often a day alone written as a timestamp
    return hours < _WEST_HOURS if shift < 0 else hours >= 24 - _EAST_HOURS


@cache
def _region_zones() -> dict[str, str]:
    """Region code (``ar``, ``de``) → the IANA zone its press publishes in (``data/region_zones.tsv``)."""
    return dict(data_pairs("region_zones.tsv"))


_LANG_REGION_RE = re.compile(r"^[a-z]{2,3}[-_]([a-z]{2})(?:$|[-_])", re.I)


def _region_day(stamp: _dt.datetime | None, lang: str | None, host: str | None) -> str | None:
    """The local day of the UTC timestamp ``stamp`` when it is local midnight exactly in the region
    the page names (``2021-11-04T23:00:00Z`` on a German page: a day alone, stored as its local
    midnight in UTC).  The region is that of the page's language (``es-AR``), else its URL's
    country domain (``kas.de``, ``lanacion.com.ar``), looked up in ``data/region_zones.tsv``.
    ``None`` otherwise: a UTC time of day is what most pages show, whatever their region."""
    if stamp is None or (stamp.hour, stamp.minute, stamp.second) == (0, 0, 0) or stamp.microsecond:
        return None
    zones = _region_zones()
    region = None
    if lang and (m := _LANG_REGION_RE.match(lang.strip())):
        region = m[1].lower()
    if region not in zones and host:
        region = host.rstrip(".").rsplit(".", 1)[-1].lower()
    zone = zones.get(region or "")
    if zone is None:
        return None
    try:
        from zoneinfo import ZoneInfo

        local = stamp.astimezone(ZoneInfo(zone))
    except (ImportError, LookupError, ValueError, OSError):  # no time zone database here
        return None
    if (local.hour, local.minute, local.second) != (0, 0, 0):
        return None
    return day_of(local.date().isoformat())


def _time_local_day(root: etree._Element, first: _dt.date, utc: _dt.datetime | None) -> str | None:
    """The local day of a ``<time datetime>`` of the page stating a non-zero UTC offset and the
    moment ``utc`` names, within an hour (``2016-09-19T07:46:01-04:00`` shown for
    ``2016-09-19T11:46:01Z``, ``2019-10-19T01:10:00+02:00`` for ``2019-10-18T23:10:00Z``): the day
    the page shows, which beats a day its URL gives (a print edition's).  ``None`` when no such
    time stands in the page."""
    if utc is None or (utc.hour, utc.minute, utc.second) == (0, 0, 0):
        return None
    for el in root.iter("time"):
        raw = el.get("datetime") or ""
        if not _LOCAL_STAMP_RE.match(raw.strip()):
            continue
        stamp = _instant(raw)
        if stamp is None or abs(stamp - utc) > SAME_MOMENT:
            continue
        local = stamp.date()
        if abs((local - first).days) <= 1:
            return day_of(local.isoformat())
    return None


def _local_day(root: etree._Element, day: str, url_date: str | None,
               utc: _dt.datetime | None = None) -> tuple[str, bool]:
    """The page's local day for a UTC ``day``: the URL's when a day apart, else that of a timestamp
    in the page's scripts stating a non-zero offset and the same moment, within an hour
    (``"date":"2023-11-08T22:28:35-05:00"`` beside ``"datePublished":"2023-11-09T03:28:35Z"``).
    ``(day, True)`` when neither says."""
    first = _dt.date.fromisoformat(day)
    if (shown := _time_local_day(root, first, utc)) is not None:
        return shown, False
    if url_date and _reachable(utc, (_dt.date.fromisoformat(url_date) - first).days):
        return url_date, False
    for script in root.iter("script"):
        text = script.text
        if not text or len(text) > LOCAL_SCRIPT_MAX_CHARS:
            continue
        for m in _LOCAL_STAMP_RE.finditer(text):
            try:
                other = _dt.date.fromisoformat(m[1])
            except ValueError:
                continue
            if abs((other - first).days) != 1:
                continue
            stamp = _instant(m[0])
            if utc is None or (stamp is not None and abs(stamp - utc) <= _dt.timedelta(hours=1)):
                return m[1], False
    return day, True


def page_date(page: PageMeta, text_date: str | None) -> str | None:
    """The document's date from the page's metadata and the date its text lines give: the
    metadata's publication day; the text's when the metadata states several days and the text
    shows one of them, or gives a UTC day and the text the day before or after (the page's local
    day); the text's day when the metadata states none (beating htmldate's guess from the markup);
    a modified day last."""
    if page.date and page.date_guessed and text_date and len(text_date) == 10:
        return text_date
    if page.date and text_date in page.other_dates:
        return text_date  # the page states several days: the one it shows
    if page.date:
        if page.date_utc and text_date and len(text_date) == 10 and text_date != page.date:
            try:
                gap = abs((_dt.date.fromisoformat(text_date) - _dt.date.fromisoformat(page.date)).days)
            except ValueError:
                gap = 99
            if gap == 1:
                return text_date
        return page.date
    return text_date or page.modified


def _first_day(values: Any) -> str | None:
    for value in values:
        if day := day_of(value):
            return day
    return None


# --- onto the document -------------------------------------------------------------------------------


def apply_page_meta(doc: Document, page: PageMeta, text_title: str | None, text_date: str | None) -> None:
    """Store what the page says about itself on ``doc``: title, date, authors, site, URL, and
    language, direction and description in ``doc.meta``.  The page's metadata beats what the text
    lines suggest; when both exist and disagree, the text's reading is kept in
    ``meta["text_title"]`` / ``meta["text_date"]``.  The date is :func:`page_date`'s."""
    meta = dict(doc.meta)
    meta.update(page.as_meta())
    if page.title:
        if text_title and text_title.strip() != page.title:
            meta["text_title"] = text_title.strip()
        doc.title = page.title
    date = page_date(page, text_date)
    if date:
        if text_date and text_date != date:
            meta["text_date"] = text_date
        doc.date = date
    if page.authors:
        doc.authors = list(page.authors)
    if page.site:
        doc.site = page.site
    if page.url:
        doc.url = page.url
    doc.meta = meta


__all__ = [
    "apply_page_meta",
    "choose_title",
    "day_of",
    "html_layout",
    "month_dateline",
    "page_date",
    "read_page_meta",
    "strip_site",
    "url_day",
]
