"""HTML pages read as a document tree: visible text block by block, the main content, page metadata.

:func:`read_html` parses the decoded markup once with lxml (libxml2's HTML parser: broken markup
is repaired as browsers do, an unclosed comment runs to the end of the page and stays a comment),
then

1. walks the tree (iteratively, so nesting depth costs no stack) and writes the page's *visible
   text*: one line per block element (``p``, ``div``, ``li``, ``h1``-``h6``, table rows...), a
   ``<br>`` also ending a line, list items starting with ``• ``, paragraphs separated by a blank
   line.  Scripts, styles, ``<head>``, form controls and elements marked ``hidden`` are not text
   (content styled ``display:none`` is: galleries and tabs show it on a click).
   Every line becomes an :class:`HtmlBlock` with its exact span in that text;
2. runs trafilatura's main-content extractor on the same tree and marks the blocks whose text
   it kept (:func:`mark_main`: trafilatura's paragraphs are matched back to the blocks in page
   order, by their words);
3. reads the page metadata (:class:`PageMeta`, :func:`bicorpus.readers.page_meta.read_page_meta`):
   title, date, authors, site name, canonical URL (``og:title``, JSON-LD, ``<h1>``, ``<title>``
   without the site name, ``article:published_time``, ``<time datetime>``, the URL, htmldate's
   search of the markup) and the ``lang`` and ``dir`` of ``<html>``.

Every step costs time and memory linear in the size of the page.  Pages over
:data:`EXTRACTOR_MAX_CHARS` characters of markup or :data:`EXTRACTOR_MAX_BLOCKS` blocks are read
without the extractor: every block outside navigation, header, footer and aside elements is then
main content.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import lxml.html
from lxml import etree

#: Above this many characters of markup, the main-content extractor is not run.
EXTRACTOR_MAX_CHARS = 4_000_000
#: Above this many blocks, the main-content extractor is not run.
EXTRACTOR_MAX_BLOCKS = 20_000
#: How far ahead (characters of extracted text) a block is looked for after the last one found.
MATCH_WINDOW = 4000

_HIDDEN_TAGS = frozenset({
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "select", "button", "input", "textarea", "audio", "video", "map", "title", "meta", "link",
    "rt", "rp",
})
_BLOCK_TAGS = frozenset({
    "html", "body", "p", "div", "section", "article", "main", "header", "footer", "nav", "aside",
    "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr",
    "ul", "ol", "dl", "dt", "dd", "li", "figure", "figcaption", "caption", "form", "fieldset",
    "legend", "address", "hr", "details", "summary", "center", "menu", "dialog", "hgroup", "option",
})
_CELL_TAGS = frozenset({"td", "th"})
_HEADING_TAGS = {f"h{n}": n for n in range(1, 7)}
_CAPTION_TAGS = frozenset({"figcaption", "caption"})
#: Paragraph-like elements: text inside one of them is no heading even inside an ``<hN>`` (a
#: heading left unclosed swallows the paragraphs after it).
_UNHEADING_TAGS = frozenset({"p", "li", "ul", "ol", "dl", "table", "article", "section", "blockquote",
                             "figure", "main", "aside", "nav", "footer", "header", "form"})
_CHROME_TAGS = frozenset({"nav", "header", "footer", "aside", "menu"})
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "menu", "menubar"})
_SPACE_RE = re.compile(r"[ \t\n\r\f\v\u00a0]+")
#: Invisible inside a word: soft hyphens and zero-width spaces are not text.
_INVISIBLE_RE = re.compile(r"[\u00ad\u200b]+")
_WORD_RE = re.compile(r"\w+")
_BREAK = "\x00"  # a <br> in the line being collected (NUL never reaches the parser)
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
#: A start tag this long (characters) loses its attributes before parsing: libxml2 checks each
#: attribute against all the earlier ones of its tag, so a tag with millions of attributes would
#: cost quadratic time.  No attribute bicorpus reads is that long.
LONG_TAG_CHARS = 8192
#: (The tag name is taken whole, possessively: a regex that gave characters of it back to the
#: attributes on failure would rescan every tag of the page once per character of its name.)
_LONG_TAG_RE = re.compile(r"<([A-Za-z][A-Za-z0-9:_-]{0,64}+)[^<>]{" + str(LONG_TAG_CHARS) + ",}>")


_SPACES_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class HtmlBlock:
    """One line of a page's visible text: ``text[start:end]``, where it sits in the page."""

    start: int
    end: int
    #: 1-6 inside ``<h1>``-``<h6>``.
    level: int | None = None
    #: A list item (its text starts with ``• ``).
    item: bool = False
    #: Inside ``<figcaption>`` or a table ``<caption>``.
    caption: bool = False
    #: Inside ``nav``, ``header``, ``footer``, ``aside`` (or an element with such a role).
    chrome: bool = False
    #: Kept by the main-content extractor.
    main: bool = False


@dataclass(frozen=True)
class PageMeta:
    """What the page says about itself."""

    title: str | None = None
    date: str | None = None
    #: ``date`` is the UTC day of a timestamp (``…T02:25:54Z``): the page's local day may be one off.
    date_utc: bool = False
    #: Other days the page states (publication days that disagree, the day of its last change): the
    #: one its text shows wins.
    other_dates: tuple[str, ...] = ()
    #: ``date`` is htmldate's guess from the markup, not a date the page states: a dateline beats it.
    date_guessed: bool = False
    #: The day the page says it was last changed, given only when it states no publication day.
    modified: str | None = None
    authors: tuple[str, ...] = ()
    site: str | None = None
    url: str | None = None
    lang: str | None = None
    dir: str | None = None
    description: str | None = None
    #: Whether the main-content extractor ran (``False`` for very large pages or when it found nothing).
    extracted: bool = False

    def as_meta(self) -> dict[str, Any]:
        """The fields that go into ``Document.meta``."""
        out: dict[str, Any] = {}
        if self.lang:
            out["lang"] = self.lang
        if self.dir:
            out["dir"] = self.dir
        if self.description:
            out["description"] = self.description
        if self.modified:
            out["modified"] = self.modified
        return out


@dataclass(frozen=True)
class HtmlPage:
    """A page read by :func:`read_html`."""

    text: str
    blocks: tuple[HtmlBlock, ...]
    meta: PageMeta = field(default_factory=PageMeta)


# --- parsing -----------------------------------------------------------------------------------------


def parse(markup: str) -> etree._Element | None:
    """The page's tree (``None`` when there is no element at all), parsed as trafilatura parses
    pages (its repairs for libxml2, comments and processing instructions dropped), so that its
    extractor sees what it is tuned on."""
    from trafilatura.utils import load_html

    markup = _XML_DECL_RE.sub("", markup.replace("\x00", ""), count=1)
    markup = _LONG_TAG_RE.sub(r"<\1>", markup)
    if not markup.strip():
        return None
    try:
        root = load_html(markup)
    except Exception:  # a parser failure is "no tree", whatever its kind
        root = None
    if root is not None:
        return root
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
    try:
        return lxml.html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError):
        return None


# --- visible text ------------------------------------------------------------------------------------


#: A ``<noscript>`` holding this many characters of text is the page's content for readers
#: without scripts (blogs that render posts with scripts), so its text is visible.
NOSCRIPT_CONTENT_CHARS = 400


class _Writer:
    """Accumulates the visible text and its blocks."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.blocks: list[HtmlBlock] = []
        self.bullet = False
        self.soft = False  # the next line follows a <br>: one newline, not a blank line

    def flush(self, raw: str, *, level: int | None, item: bool, caption: bool, chrome: bool,
              pre: bool) -> None:
        """Write the line ``raw`` (its ``<br>`` marked by :data:`_BREAK`) as one block or more."""
        if pre:
            chunks = raw.replace(_BREAK, "\n").split("\n")
        else:
            raw = _INVISIBLE_RE.sub("", raw)
            if _BREAK in raw:
                chunks = self._joined(_SPACE_RE.sub(" ", part).strip() for part in raw.split(_BREAK))
            else:
                chunks = [_SPACE_RE.sub(" ", raw).strip()]
        for chunk in chunks:
            text = chunk.strip() if pre else chunk
            if not text:
                continue
            if self.bullet:
                text = "• " + text
                self.bullet = False
            if self.parts:
                sep = "\n" if self.soft or pre else "\n\n"
                self.parts.append(sep)
                self.length += len(sep)
            self.blocks.append(HtmlBlock(self.length, self.length + len(text), level, item, caption, chrome))
            self.parts.append(text)
            self.length += len(text)
            self.soft = True
        self.soft = False

    @staticmethod
    def _joined(lines: Iterator[str]) -> list[str]:
        """Lines split by ``<br>``: one block while a line runs on (the next starts in lower case
        after an unfinished one), a block each otherwise (separated by a single newline)."""
        out: list[str] = []
        for line in lines:
            if not line:
                continue
            if out and line[:1].islower() and out[-1][-1:] not in ".!?؟:;…":
                out[-1] += "\n" + line
            else:
                out.append(line)
        return out


#: Per tag: (hidden, block, cell, heading level or 0, ends a heading, chrome, list item, caption, pre).
_TAG_KINDS: dict[str, tuple[bool, bool, bool, int, bool, bool, bool, bool, bool]] = {
    tag: (tag in _HIDDEN_TAGS, tag in _BLOCK_TAGS, tag in _CELL_TAGS, _HEADING_TAGS.get(tag, 0),
          tag in _UNHEADING_TAGS, tag in _CHROME_TAGS, tag == "li", tag in _CAPTION_TAGS, tag == "pre")
    for tag in _HIDDEN_TAGS | _BLOCK_TAGS | _CELL_TAGS | set(_HEADING_TAGS) | _UNHEADING_TAGS | _CHROME_TAGS
    | _CAPTION_TAGS
}
_INLINE = (False, False, False, 0, False, False, False, False, False)


def visible_text(root: etree._Element, *, noscript: bool = False) -> tuple[str, tuple[HtmlBlock, ...]]:
    """The visible text of the page (ending in a newline, empty if none) and its blocks.
    ``<noscript>`` content is text only with ``noscript`` (for a page that has no other)."""
    out = _Writer()
    line: list[str] = []  # the pieces of the line being collected
    levels: list[int] = []
    items = captions = chromes = pres = in_noscript = 0
    # (tag kind, chrome, pushed a heading level) of each open element; None for a hidden one
    stack: list[tuple[tuple[bool, ...], bool, bool] | None] = []
    kinds = _TAG_KINDS

    def flush() -> None:
        if not line or (len(line) == 1 and not line[0].strip()):  # nothing to write: the common case
            del line[:]
            out.soft = False
            return
        raw = "".join(line)
        del line[:]
        out.flush(raw, level=levels[-1] or None if levels else None, item=items > 0, caption=captions > 0,
                  chrome=chromes > 0, pre=pres > 0)

    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, el in walker:
        if event == "start":
            tag = el.tag
            if tag.__class__ is not str:
                tag = ""
            kind = kinds.get(tag, _INLINE)
            if kind[0] or el.get("hidden") is not None:
                if tag == "noscript" and (
                        noscript or in_noscript > 0 or len(el.text_content()) >= NOSCRIPT_CONTENT_CHARS):
                    in_noscript += 1  # its text is visible: an inline element
                else:
                    walker.skip_subtree()
                    stack.append(None)
                    continue
            role = el.get("role")
            chrome = kind[5] or (role is not None and role.lower() in _CHROME_ROLES)
            pushed = False
            if kind[1]:
                if line:
                    flush()
                else:
                    out.soft = False
            elif tag == "br":
                line.append(_BREAK)
            elif kind[2]:
                line.append(" ")
            if kind[3]:
                levels.append(kind[3])
                pushed = True
            elif levels and kind[4]:
                levels.append(0)
                pushed = True
            stack.append((kind, chrome, pushed))
            if kind[6]:
                items += 1
                out.bullet = True
            elif kind[7]:
                captions += 1
            elif kind[8]:
                pres += 1
            if chrome:
                chromes += 1
            text = el.text
            if text:
                line.append(text)
            continue
        if event != "end":  # a comment or processing instruction: only its tail is text
            if el.tail:
                line.append(el.tail)
            continue
        entry = stack.pop() if stack else (_INLINE, False, False)
        if entry is not None:
            kind, chrome, pushed = entry
            if el.tag == "noscript":
                in_noscript -= 1
            if kind[1]:
                if line:
                    flush()
                else:
                    out.soft = False
            elif kind[2]:
                line.append(" ")
            if pushed:
                levels.pop()
            if kind[6]:
                items -= 1
                out.bullet = False
            elif kind[7]:
                captions -= 1
            elif kind[8]:
                pres -= 1
            if chrome:
                chromes -= 1
        if el.tail:
            line.append(el.tail)
    flush()
    if not out.parts:
        return "", ()
    out.parts.append("\n")
    return "".join(out.parts), tuple(out.blocks)


# --- main content ------------------------------------------------------------------------------------


def words_key(text: str) -> str:
    """The words of ``text``, casefolded, one space apart: what block and extractor text are matched on."""
    return " ".join(_WORD_RE.findall(text.casefold()))


def mark_main(text: str, blocks: tuple[HtmlBlock, ...], paragraphs: list[str]) -> tuple[HtmlBlock, ...]:
    """``blocks`` with ``main`` set on those whose words the extractor's ``paragraphs`` hold.

    Walks the blocks and the paragraphs together in page order: a block of one or two words is
    found only right where the last block found ended; a longer one when its words occur within
    :data:`MATCH_WINDOW` characters after the last block found, at the start or end
    of a paragraph, right where the last one ended, or anywhere in that window if the block is
    long (six words or more).  Out of page order, a block is found when its words make up a whole
    paragraph and no other block of the page has the same words, or when it has six words or more.
    Linear in the sizes of the text and the paragraphs."""
    keys = [words_key(p) for p in paragraphs]
    keys = [k for k in keys if k]
    if not keys:
        return blocks
    joined = " " + " ".join(keys) + " "
    starts: set[int] = set()  # offsets of the space before each paragraph
    ends: set[int] = set()  # offsets of the space after each paragraph
    at = 0
    for key in keys:
        starts.add(at)
        at += len(key) + 1
        ends.add(at)
    whole = set(keys)
    shingles = _Shingles(joined)
    block_keys = [words_key(text[b.start:b.end]) for b in blocks]
    counts = Counter(block_keys)
    cursor = 0
    out = []
    for block, key in zip(blocks, block_keys, strict=True):
        found = False
        if key:
            needle = " " + key + " "
            short = key.count(" ") < 2
            limit = cursor + len(needle) + (2 if short else MATCH_WINDOW)
            pos = joined.find(needle, cursor, limit)
            tries = 0
            while pos >= 0 and tries < 3:
                end = pos + len(needle) - 1
                if pos - cursor <= 1 or (not short and (pos in starts or end in ends or key.count(" ") >= 5)):
                    found = True
                    cursor = end
                    break
                tries += 1
                pos = joined.find(needle, pos + 1, limit)
            if not found and key in whole and counts[key] == 1 and " " in key:
                found = True
            if not found and key.count(" ") >= SHINGLE - 1:
                found = _found_anywhere(joined, needle, shingles)
        out.append(_with_main(block, found))
    return tuple(out)


#: Words in the shingles that find a long block anywhere in the extractor's output.
SHINGLE = 6


class _Shingles:
    """Where each run of :data:`SHINGLE` words starts in the joined extractor text (built on first use,
    after :data:`DIRECT_SEARCHES` plain searches of the whole text)."""

    def __init__(self, joined: str) -> None:
        self.joined = joined
        self.index: dict[str, list[int]] | None = None
        self.searches = 0

    def positions(self, head: str) -> list[int]:
        if self.index is None:
            self.index = {}
            starts = [m.start() - 1 for m in _WORD_RE.finditer(self.joined)]
            words = self.joined.split()
            for i in range(len(words) - SHINGLE + 1):
                self.index.setdefault(" ".join(words[i:i + SHINGLE]), []).append(starts[i])
        return self.index.get(head, [])


#: Blocks looked for out of page order by a plain search of the extractor text, before its
#: shingles are indexed (most pages need a few; the index keeps a page with thousands linear).
DIRECT_SEARCHES = 64


def _found_anywhere(joined: str, needle: str, shingles: _Shingles) -> bool:
    """A long block's words anywhere in the extractor text, out of page order: a plain search for
    the first :data:`DIRECT_SEARCHES` blocks, then looked up by its first words (a few places
    checked: linear overall)."""
    if shingles.searches < DIRECT_SEARCHES:
        shingles.searches += 1
        return needle in joined
    head = " ".join(needle.split()[:SHINGLE])
    return any(joined.startswith(needle, pos) for pos in shingles.positions(head)[:4])


#: A paragraph the extractor left out is taken back when it has at least this many characters.
RECOVER_MIN_CHARS = 80
#: How many blocks above the first main block a left-out lead paragraph may be.
LEAD_REACH = 3
#: How many paragraphs right after the extractor's last block, one after another, are the article
#: going on (fewer: an author's note, a newsletter pitch).
TRAIL_MIN = 3
#: Longest heading (words) taken back between two main blocks.
HEADING_MAX_WORDS = 12
_SENTENCE_END = tuple(".!?؟…:\"'”’»)")


def _paragraph_shaped(text: str, block: HtmlBlock) -> bool:
    return (not block.chrome and not block.item and block.level is None and not block.caption
            and len(text) >= RECOVER_MIN_CHARS and text.rstrip().endswith(_SENTENCE_END))


def recover_main(text: str, blocks: tuple[HtmlBlock, ...]) -> tuple[HtmlBlock, ...]:
    """Take back paragraphs the extractor left out of an article it found: the lead paragraphs
    just above its first block (a standfirst, a teaser set apart by the layout; not when the
    extractor's first block is a heading, above which the page's chrome lies), and a paragraph
    or an ``<h2>``-``<h6>`` heading with one of its blocks at most :data:`BETWEEN_REACH` blocks
    away on either side, and a run of :data:`TRAIL_MIN` paragraphs or more (with short headings
    among them) right after its last block: the article's next chunk, which extractors often
    lose after an ad slot.  Only paragraph-shaped blocks
    (:data:`RECOVER_MIN_CHARS` or more, ending a sentence, outside navigation, lists, headings and
    captions) and short headings are taken back."""
    mains = [i for i, b in enumerate(blocks) if b.main]
    if not mains:
        return blocks
    out = list(blocks)
    first = mains[0]
    above = range(first - 1, max(-1, first - 1 - LEAD_REACH), -1) if blocks[first].level is None else ()
    for i in above:
        b = blocks[i]
        if not _paragraph_shaped(text[b.start:b.end], b):
            break
        out[i] = _with_main(b, True)
    for i in range(1, len(blocks) - 1):
        b = blocks[i]
        if b.main or not (_main_within(blocks, i, -1) and _main_within(blocks, i, 1)):
            continue
        if _article_shaped(text, b):
            out[i] = _with_main(b, True)
    # the article going on past the extractor's last block (its next chunk, after an ad slot)
    run = []
    for i in range(mains[-1] + 1, len(blocks)):
        if not _article_shaped(text, blocks[i]):
            break
        run.append(i)
    while run and not _paragraph_shaped(text[blocks[run[-1]].start:blocks[run[-1]].end], blocks[run[-1]]):
        run.pop()  # a run ends on a paragraph, not on a heading
    if sum(_paragraph_shaped(text[blocks[i].start:blocks[i].end], blocks[i]) for i in run) >= TRAIL_MIN:
        for i in run:
            out[i] = _with_main(blocks[i], True)
    return tuple(out)


def _article_shaped(text: str, block: HtmlBlock) -> bool:
    """A paragraph, or a short ``<h2>``-``<h6>`` heading outside navigation."""
    chunk = text[block.start:block.end]
    if _paragraph_shaped(chunk, block):
        return True
    return (block.level is not None and block.level >= 2 and not block.chrome
            and len(chunk.split()) <= HEADING_MAX_WORDS)


#: How many blocks away (either side) the extractor's blocks may be for a block between them to be
#: taken back.
BETWEEN_REACH = 1


def _main_within(blocks: tuple[HtmlBlock, ...], i: int, step: int) -> bool:
    """A main block within :data:`BETWEEN_REACH` blocks of ``i`` in direction ``step``."""
    for k in range(1, BETWEEN_REACH + 1):
        j = i + step * k
        if not 0 <= j < len(blocks):
            return False
        if blocks[j].main:
            return True
    return False


def _with_main(block: HtmlBlock, main: bool) -> HtmlBlock:
    if block.main == main:
        return block
    return HtmlBlock(block.start, block.end, block.level, block.item, block.caption, block.chrome, main)


def _declared_only(meta: PageMeta) -> HtmlPage:
    """A page that shows no text of its own (its article drawn by scripts): its text is the title
    and description its metadata declares, a headline and a paragraph of the article, so the page
    keeps its title, date and authors.  No text when it declares no title."""
    if not meta.title:
        return HtmlPage("", (), meta)
    title = _SPACES_RE.sub(" ", meta.title).strip()
    text, blocks = title, [HtmlBlock(0, len(title), level=1, main=True)]
    description = _SPACES_RE.sub(" ", meta.description or "").strip()
    if description and words_key(description) != words_key(title):
        start = len(text) + 2
        text = f"{text}\n\n{description}"
        blocks.append(HtmlBlock(start, len(text), main=True))
    return HtmlPage(text + "\n", tuple(blocks), meta)


def _fallback_main(blocks: tuple[HtmlBlock, ...]) -> tuple[HtmlBlock, ...]:
    """Without the extractor: every block outside navigation, header, footer and aside."""
    return tuple(_with_main(b, not b.chrome) for b in blocks)


# --- metadata ----------------------------------------------------------------------------------------


def _page_meta(root: etree._Element, extracted: bool, url: str | None) -> PageMeta:
    """The page's metadata: :func:`bicorpus.readers.page_meta.read_page_meta`."""
    from .page_meta import read_page_meta

    return read_page_meta(root, extracted=extracted, url=url)


def _extract(root: etree._Element) -> Any:
    """trafilatura's reading of the tree (a copy): main content (the page's metadata is read by
    :func:`_page_meta`), ``None`` if it fails."""
    from trafilatura import bare_extraction

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    try:
        return bare_extraction(root, with_metadata=False, include_comments=False, include_tables=True,
                               include_formatting=False)
    except Exception:  # the extractor is a black box: any failure means "no main content found"
        return None


def read_html(markup: str, url: str | None = None) -> HtmlPage:
    """Read a decoded HTML page: visible text, blocks with their main-content mark, metadata.
    ``url``: where the page was fetched from (a WARC record's target), when known: its path may
    date the page."""
    root = parse(markup)
    if root is None:
        return HtmlPage("", (), PageMeta())
    text, blocks = visible_text(root)
    if not blocks:  # a page whose whole body is inside <noscript> (an unclosed one, often)
        text, blocks = visible_text(root, noscript=True)
    if not blocks:
        return _declared_only(_page_meta(root, False, url))
    if len(markup) > EXTRACTOR_MAX_CHARS or len(blocks) > EXTRACTOR_MAX_BLOCKS:
        meta = _page_meta(root, False, url)
        return HtmlPage(text, _fallback_main(blocks), meta)
    doc = _extract(root)
    paragraphs = (doc.text or "").split("\n") if doc is not None else []
    marked = recover_main(text, mark_main(text, blocks, paragraphs)) if paragraphs else blocks
    extracted = any(b.main for b in marked)
    if not extracted:
        marked = _fallback_main(blocks)
    return HtmlPage(text, marked, _page_meta(root, extracted, url))


__all__ = ["HtmlBlock", "HtmlPage", "PageMeta", "mark_main", "parse", "read_html", "visible_text",
           "words_key"]
