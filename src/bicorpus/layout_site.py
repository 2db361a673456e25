"""Site-level boilerplate: lines that repeat across many pages of one site.

A page alone says little about a line such as ``Syria Direct is an independent news organization``
under its last paragraph; the site's other pages say a lot: chrome is the same on every page,
articles are not.  So before the pages of a batch are laid out, the short lines (up to
:data:`LINE_MAX_CHARS` characters) of every text page are gathered by site, and a line found on
at least :data:`MIN_PAGES` pages of one site carrying at least as many different articles (pages
that share a long line are copies of one article) is a *repeated line* of that site.
:func:`bicorpus.layout.analyze` reads a repeated line as boilerplate, except header bullets and
bylines, which keep their per-page metadata, and section headings (a line that heads a
paragraph: ``Conclusion`` may open a section on every page).  One page per site loses nothing:
this is extra evidence on top of the per-page rules.

The site of a page is the host of a URL line near its top (``https://www.example.org/…``) when
there is one, else its folder.  HTML pages are left to their extractor (no table).

Only the edges of each file are read here (its first and last :data:`EDGE_BYTES` bytes), so the
pass costs little next to ingest itself (about 0.1 ms a file).

What a page gets from the table is its *hits*: the keys of its own lines that repeat across its
site.  They are an input of the page's processing like its text, and their fingerprint is kept
in ``Document.meta["site_lines"]``.  A page whose bytes are unchanged but whose hits changed (a
new page of its site made one of its lines repeated, or a removed page undid that) is processed
again; a page whose bytes and hits are both unchanged is not, so re-ingesting an unchanged
collection still writes nothing.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .layout import site_key
from .sources import source_format

#: Bytes read at each end of a file (site chrome sits at the top and the bottom of a page).
EDGE_BYTES = 4096
#: Longest line that can be a repeated line (chrome is short; a longer line shared by pages is
#: text, and tells copies of one article apart from different articles).
LINE_MAX_CHARS = 100
#: A line is repeated when it appears at the edges of at least this many pages of one site,
#: carrying at least this many different articles (pages sharing a long line are one article).
MIN_PAGES = 3
#: When the site is only the folder (no URL line), a folder may hold pages of many sites: a line is
#: then repeated only when it is also on at least this share of the folder's pages (a site's chrome
#: is on most of its pages; a name that titles a few pages of one topic is not chrome).
FOLDER_MIN_SHARE = 0.2

_URL_RE = re.compile(r"^(?:url\s*[:：]\s*)?https?://(?:www\.)?([^/\s:]+)", re.I)


@dataclass(frozen=True)
class PageEdges:
    """What the site pass keeps of one page: its site, the keys of its short lines, and those of
    its long lines (the article's identity: copies of one article share some)."""

    site: str
    keys: frozenset[str]
    article: frozenset[str]  # its long lines: copies of one article share some


def page_edges(text: str, folder: str) -> PageEdges:
    """What the site pass keeps of a page's text: the keys of its lines up to
    :data:`LINE_MAX_CHARS` long, the keys of its longer lines, and its site."""
    lines = [line.strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    keys = frozenset(k for line in lines if len(line) <= LINE_MAX_CHARS and (k := site_key(line)))
    site = folder
    for line in lines[: min(len(lines), 10)]:
        m = _URL_RE.match(line)
        if m:
            site = m.group(1).lower()
            break
    long_lines = [line for line in lines if len(line) > LINE_MAX_CHARS] or [max(lines, key=len, default="")]
    return PageEdges(site, keys, frozenset(f for line in long_lines if (f := _fold(line))))


_FOLD_RE = re.compile(r"[\W_]+")


def _fold(line: str) -> str:
    """A long line's letters and digits only, case folded: copies of an article that differ in
    quotes, spacing or punctuation still share it."""
    return _FOLD_RE.sub("", line.casefold())


def read_edges(path: Path) -> str:
    """The first and last :data:`EDGE_BYTES` bytes of a file as text (whole lines only), or ""."""
    try:
        with open(path, "rb") as f:
            head = f.read(EDGE_BYTES)
            tail = b""
            if len(head) == EDGE_BYTES:
                size = os.fstat(f.fileno()).st_size
                if size > 2 * EDGE_BYTES:
                    f.seek(size - EDGE_BYTES)
                    tail = f.read(EDGE_BYTES)
                elif size > EDGE_BYTES:
                    head += f.read()
    except OSError:
        return ""
    if tail:
        head = head.rsplit(b"\n", 1)[0]
        tail = tail.split(b"\n", 1)[-1]
    return _decode(head) + "\n" + _decode(tail)


def _decode(data: bytes) -> str:
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="ignore")  # a cut character, or another encoding
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True)
class SiteTable:
    """Repeated lines by site, and each page's hits."""

    repeated: Mapping[str, frozenset[str]] = field(default_factory=dict)
    pages: Mapping[str, PageEdges] = field(default_factory=dict)

    def hits(self, path: str | Path) -> frozenset[str]:
        """Keys of the page's own lines that repeat across its site (empty if none)."""
        page = self.pages.get(str(path))
        if page is None:
            return frozenset()
        return page.keys & self.repeated.get(page.site, frozenset())


def build_table(pages: Mapping[str, PageEdges]) -> SiteTable:
    """The repeated lines of each site from the pages' edges."""
    carriers: dict[tuple[str, str], list[PageEdges]] = defaultdict(list)
    for page in pages.values():
        for key in page.keys:
            carriers[(page.site, key)].append(page)
    by_site: dict[str, int] = defaultdict(int)
    for page in pages.values():
        by_site[page.site] += 1
    folders = {os.path.dirname(name) for name in pages}
    repeated: dict[str, set[str]] = defaultdict(set)
    for (site, key), found in carriers.items():
        least = MIN_PAGES
        if site in folders:
            least = max(least, FOLDER_MIN_SHARE * by_site[site])
        if len(found) >= least and _articles(found) >= MIN_PAGES:
            repeated[site].add(key)
    return SiteTable({site: frozenset(keys) for site, keys in repeated.items()}, dict(pages))


def _articles(pages: list[PageEdges]) -> int:
    """How many different articles the pages carry, at least: pages sharing a long line are
    copies of one article (syndicated, or one page saved twice) and count once."""
    seen: set[str] = set()
    count = 0
    for page in pages:
        if not page.article or not page.article & seen:
            count += 1
        seen |= page.article
        if count >= MIN_PAGES:
            break
    return count


def site_table(paths: Iterable[str | Path]) -> SiteTable:
    """The table for a batch of files: text pages are read at their edges; HTML pages, web
    archives and anything but a regular file are skipped."""
    pages: dict[str, PageEdges] = {}
    for path in paths:
        name = str(path)
        if source_format(name) in ("html", "warc") or not _regular_file(name):
            continue  # HTML and web archives have their own reading; FIFOs and devices are not read
        text = read_edges(Path(name))
        if text:
            pages[name] = page_edges(text, os.path.dirname(name))
    return build_table(pages)


def _regular_file(name: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(name).st_mode)
    except (OSError, ValueError):
        return False


def fingerprint(hits: frozenset[str]) -> str | None:
    """A short stable digest of a page's hits (``None`` when it has none), kept on its document."""
    if not hits:
        return None
    return hashlib.sha256("\n".join(sorted(hits)).encode("utf-8")).hexdigest()[:16]
