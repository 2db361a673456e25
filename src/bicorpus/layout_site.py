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
pass costs little next to ingest itself (about 0.1 ms a file).  What it keeps of each file is
also remembered beside the corpus (:data:`EDGES_FILE`, with the file's size and modification
time, a page's keys joined in one string): a re-ingest reads again only the files whose size or
time changed, and writes back the memo lines of the others as it read them.

What a page gets from the table is its *hits*: the keys of its own lines that repeat across its
site.  They are an input of the page's processing like its text, and their fingerprint is kept
in ``Document.meta["site_lines"]``.  A page whose bytes are unchanged but whose hits changed (a
new page of its site made one of its lines repeated, or a removed page undid that) is processed
again; a page whose bytes and hits are both unchanged is not, so re-ingesting an unchanged
collection still writes nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from .corpus import loads_row
from .layout_units import alnum_runs, site_key
from .sources import source_format

try:  # orjson writes and reads the memo's rows in a third of json's time, to the same values
    from orjson import dumps as _fast_dumps
    from orjson import loads as _fast_loads
except ImportError:  # a pure-Python install
    _fast_dumps = _fast_loads = None

#: Bytes read at each end of a file (site chrome sits at the top and the bottom of a page).
EDGE_BYTES = 4096
#: Longest line that can be a repeated line (chrome is short; a longer line shared by pages is
#: text, and tells copies of one article apart from different articles).
LINE_MAX_CHARS = 100
#: A long line is known by its first this many characters (copies of an article share them).
FOLD_MAX_CHARS = 400
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
    article: frozenset[str]  # digests of its long lines: copies of one article share some


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


#: The ASCII characters that are no letter or digit (what ``[\W_]`` matches in ASCII), as bytes.
_ASCII_NOT_ALNUM = bytes(c for c in range(128) if not chr(c).isalnum())
#: Marks beyond ASCII common in long lines (Arabic punctuation, typographic quotes and dashes).
_COMMON_MARKS = "،؛؟“”‘’«»–—…"


def _fold(line: str) -> str:
    """A digest of a long line's letters and digits, case folded: copies of an article that differ
    in quotes, spacing or punctuation still share it.

    The letters and digits (``[\\W_]+`` dropped) are the UTF-8 of the line without its ASCII
    marks and spaces (deleted byte by byte) and the common marks beyond ASCII, when what is left
    is all letters and digits (``str.isalnum``); else they are read word by word."""
    text = line[:FOLD_MAX_CHARS].casefold()
    data = text.encode("utf-8").translate(None, _ASCII_NOT_ALNUM)
    if not data.isascii():
        rest = data.decode("utf-8")
        for mark in _COMMON_MARKS:
            if mark in rest:
                rest = rest.replace(mark, "")
        data = rest.encode("utf-8") if rest.isalnum() else "".join(alnum_runs(text)).encode("utf-8")
    return hashlib.blake2b(data, digest_size=8).hexdigest() if data else ""


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
    #: ``(size, mtime in ns)`` of each file read (or found unchanged in the memo).
    stamps: Mapping[str, tuple[int, int]] = field(default_factory=dict)

    def hits(self, path: str | Path) -> frozenset[str]:
        """Keys of the page's own lines that repeat across its site (empty if none)."""
        page = self.pages.get(str(path))
        if page is None:
            return frozenset()
        return page.keys & self.repeated.get(page.site, frozenset())


def build_table(pages: Mapping[str, PageEdges]) -> SiteTable:
    """The repeated lines of each site from the pages' edges.

    Each site's keys are counted at once; only the keys on enough pages to be repeated get the
    list of their pages (in the pages' order) that :func:`_articles` reads."""
    by_site: dict[str, list[PageEdges]] = defaultdict(list)
    for page in pages.values():
        by_site[page.site].append(page)
    folders = {os.path.dirname(name) for name in pages}
    repeated: dict[str, frozenset[str]] = {}
    for site, site_pages in by_site.items():
        least = MIN_PAGES
        if site in folders:
            least = max(least, FOLDER_MIN_SHARE * len(site_pages))
        counts = Counter(chain.from_iterable(page.keys for page in site_pages))
        candidates = {key for key, n in counts.items() if n >= least}
        if not candidates:
            continue
        carriers: dict[str, list[PageEdges]] = defaultdict(list)
        for page in site_pages:
            for key in page.keys & candidates:
                carriers[key].append(page)
        keys = frozenset(key for key, found in carriers.items() if _articles(found) >= MIN_PAGES)
        if keys:
            repeated[site] = keys
    return SiteTable(repeated, dict(pages))


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


def site_table(paths: Iterable[str | Path], memo: EdgeMemo | None = None,
               stats: Mapping[str, os.stat_result | None] | None = None) -> SiteTable:
    """The table for a batch of files: text pages are read at their edges; HTML pages, web
    archives and anything but a regular file are skipped.  A file ``memo`` holds with its current
    size and modification time is not read again.  ``stats``: each file's ``os.stat`` taken by the
    caller (``None``: it failed), so a file is not asked twice."""
    pages: dict[str, PageEdges] = {}
    stamps: dict[str, tuple[int, int]] = {}
    known = memo.pages if memo is not None else {}
    for path in paths:
        name = str(path)
        if source_format(name) in ("html", "warc"):
            continue  # HTML and web archives have their own reading
        stamp = _regular_file_stamp(name) if stats is None or name not in stats else _stamp_of(stats[name])
        if stamp is None:
            continue  # FIFOs and devices are not read
        before = known.get(name)
        if before is not None and before[0] == stamp:
            edges: PageEdges | None = before[1]
        else:
            text = read_edges(Path(name))
            edges = page_edges(text, os.path.dirname(name)) if text else None
        if edges is not None:
            pages[name] = edges
            stamps[name] = stamp
    table = build_table(pages)
    return SiteTable(table.repeated, table.pages, stamps)


def _regular_file_stamp(name: str) -> tuple[int, int] | None:
    """``(size, mtime in ns)`` of a regular file, ``None`` for anything else."""
    try:
        st = os.stat(name)
    except (OSError, ValueError):
        return None
    return _stamp_of(st)


def _stamp_of(st: os.stat_result | None) -> tuple[int, int] | None:
    return (st.st_size, st.st_mtime_ns) if st is not None and stat.S_ISREG(st.st_mode) else None


# --- the memo of pages' edges, kept beside the corpus ------------------------------------------------

#: The file, in the corpus folder, that remembers each text file's edges between runs.
EDGES_FILE = "site-edges.jsonl"


@dataclass(frozen=True)
class EdgeMemo:
    """What the site pass kept of each file in an earlier run, with the file's ``(size, mtime in
    ns)`` then.  ``version`` names the rules that made it: a memo of other rules is not used.
    ``lines``: each page's memo line as read, written again as it is when the page is unchanged."""

    version: str
    pages: Mapping[str, tuple[tuple[int, int], PageEdges]] = field(default_factory=dict)
    lines: Mapping[str, bytes] = field(default_factory=dict, compare=False)


#: Separates the keys of a page in a memo line (a key is one line with its spacing collapsed).
_KEY_SEP = "\n"


def _split_keys(joined: str) -> frozenset[str]:
    return frozenset(joined.split(_KEY_SEP)) if joined else frozenset()


def load_memo(folder: Path, version: str) -> EdgeMemo:
    """The memo kept in ``folder`` (an empty one when there is none, it is unreadable or damaged,
    or it was made by other rules: it only saves reading, so nothing is lost).

    A line is ``[name, size, mtime_ns, site, keys, article]``, the keys and the article's digests
    each joined by newlines into one string (parsed and checked at C speed)."""
    empty = EdgeMemo(version)
    pages: dict[str, tuple[tuple[int, int], PageEdges]] = {}
    lines: dict[str, bytes] = {}
    if _regular_file_stamp(str(folder / EDGES_FILE)) is None:
        return empty  # none there (or not a file: a FIFO is never opened)
    try:
        with open(folder / EDGES_FILE, "rb") as f:
            if json.loads(f.readline() or b"null") != {"version": version}:
                return empty
            body = f.read()
        raw = body.splitlines(keepends=True)
        if raw and not raw[-1].endswith(b"\n"):
            raw[-1] += b"\n"
        for line, row in zip(raw, _memo_rows(body, raw), strict=True):
            name, size, mtime, site, keys, article = row
            if not (type(name) is str and type(size) is int and type(mtime) is int and type(site) is str
                    and type(keys) is str and type(article) is str):
                return empty
            pages[name] = ((size, mtime), PageEdges(site, _split_keys(keys), _split_keys(article)))
            lines[name] = line
    except (OSError, ValueError, TypeError):
        return empty
    return EdgeMemo(version, pages, lines)


def _memo_rows(body: bytes, lines: list[bytes]) -> list[object]:
    """The memo's rows (one JSON value a line), parsed at once as one JSON array when orjson is
    there (a newline can only end a row: JSON writes one inside a string as ``\\n``)."""
    if _fast_loads is not None and b"\r" not in body:
        rows = _fast_loads(b"[" + b",".join(lines) + b"]")
        if isinstance(rows, list) and len(rows) == len(lines):
            return rows
    return [loads_row(line) for line in lines]


def save_memo(folder: Path, memo: EdgeMemo, table: SiteTable) -> None:
    """Keeps ``table``'s pages as the memo in ``folder`` when they differ from ``memo`` (one JSON
    line a page, written to a temporary file and renamed into place: a failure leaves the old memo
    or none, never a part).  A page the memo holds unchanged keeps its line as read."""
    pages = {name: (table.stamps[name], edges) for name, edges in table.pages.items() if name in table.stamps}
    if pages == dict(memo.pages) or not folder.is_dir():
        return
    known = memo.pages
    tmp = folder / (EDGES_FILE + ".part")
    try:
        with open(tmp, "wb") as f:
            f.write((json.dumps({"version": memo.version}) + "\n").encode("utf-8"))
            f.writelines(memo.lines[name] if known.get(name) == page and name in memo.lines
                         else _memo_row(_memo_fields(name, *page)) for name, page in pages.items())
        os.replace(tmp, folder / EDGES_FILE)
    except OSError:
        tmp.unlink(missing_ok=True)


def _memo_fields(name: str, stamp: tuple[int, int], edges: PageEdges) -> list[object]:
    return [name, stamp[0], stamp[1], edges.site, _KEY_SEP.join(sorted(edges.keys)),
            _KEY_SEP.join(sorted(edges.article))]


def _memo_row(row: list[object]) -> bytes:
    """One line of the memo: ``row`` as JSON (UTF-8) and a newline."""
    if _fast_dumps is not None:
        try:
            return _fast_dumps(row) + b"\n"
        except TypeError:
            pass  # what orjson refuses (a lone surrogate in a name): json writes it escaped
    return (json.dumps(row) + "\n").encode("ascii")


def fingerprint(hits: frozenset[str]) -> str | None:
    """A short stable digest of a page's hits (``None`` when it has none), kept on its document."""
    if not hits:
        return None
    return hashlib.sha256("\n".join(sorted(hits)).encode("utf-8")).hexdigest()[:16]
