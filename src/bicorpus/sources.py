"""Stage 1 of ingest: read a page from disk as text.

``read_source(path)`` returns a :class:`SourceText`: the decoded text with line endings
normalized to ``\\n`` (for HTML, the extracted visible text), plus the encoding, size and
SHA-256 of the raw bytes.  Every character offset bicorpus records indexes this text.

Encodings, tried in order: a BOM (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE), strict UTF-8, then the
legacy Arabic code pages windows-1256 and ISO-8859-6 (the more plausible decode wins).  HTML
pages may also name their charset in a ``<meta>`` tag.  Anything else is refused with a
:class:`~bicorpus.errors.SourceError` whose reason says why (binary file, undecodable bytes,
empty file, too large...).
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import SourceError

if TYPE_CHECKING:
    from .readers.html import HtmlBlock, PageMeta

#: Files larger than this are refused (bytes); keeps memory bounded.  ``--max-size`` changes it.
DEFAULT_MAX_BYTES = 32 * 1024 * 1024

#: File name suffix → source format.
FORMATS: dict[str, str] = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".xhtml": "html",
                           ".warc": "warc", ".warc.gz": "warc"}

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LEGACY_ARABIC = ("windows-1256", "iso-8859-6")
_LATIN = "windows-1252"
#: Python codec names reported under their usual names.
_CODEC_NAMES = {"cp1256": "windows-1256", "iso8859-6": "iso-8859-6", "latin-1": "iso-8859-1",
                "iso8859-1": "iso-8859-1", "cp1252": "windows-1252"}
#: Characters of a legacy decode scored to choose between code pages.
_SCORE_SAMPLE = 262144
_HIGH_BYTES = bytes(range(128, 256))
_NEWLINES_RE = re.compile(r"\r\n?|[\u2028\u2029\x85]")
# Bytes that never occur in text: C0 controls except tab, newlines, form feed, escape.
_BINARY_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_BINARY_TABLE = bytes.maketrans(b"", b"")
_UTF8_MULTIBYTE_RE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
#: A character that shows: not a space, a control or an invisible format character (ZWSP, BOM...).
_VISIBLE_RE = re.compile(r"[^\s\x00-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
                         r"\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8]")
_PLAUSIBLE_PUNCT = set("«»،؛؟…–—‘’“”•·°€\u00a0\u200c\u200d\u200e\u200f„‚‹›©®™§†‡‰±×²³½¼¾£¥¢µ")


@dataclass(frozen=True)
class SourceText:
    """A decoded page.  ``text`` is what every offset in the corpus refers to."""

    path: str
    text: str
    encoding: str
    sha256: str
    size: int
    format: str
    mtime: float | None = None
    #: HTML only: ``(level, start, end)`` of the ``<h1>``–``<h6>`` lines in ``text``.
    headings: tuple[tuple[int, int, int], ...] = ()
    #: Where the page was fetched from (a web archive record's target URL).
    url: str | None = None
    #: Reading notes kept on the document: ``encoding_guessed``, ``replacement_chars``, ``fetched``...
    meta: dict[str, Any] = field(default_factory=dict)
    #: HTML only: every line of ``text`` with its place in the page and whether it is main content.
    blocks: tuple[HtmlBlock, ...] = ()
    #: HTML only: what the page says about itself (title, date, authors, site, URL, language...).
    page: PageMeta | None = None


def source_format(path: str | Path) -> str | None:
    """``"txt"``, ``"html"`` or ``"warc"`` (a web archive of many pages) from the file name, ``None`` if
    bicorpus does not read it."""
    whole = os.fspath(path)
    if whole.endswith(".txt") and len(whole) > 4 and whole[-5] != "/":
        return "txt"  # the common case, without the name's copies below (".txt" alone is a hidden name)
    name = os.path.basename(whole.rstrip("/")).lower()
    if name.endswith(".warc.gz"):
        return "warc"
    return FORMATS.get(os.path.splitext(name)[1])


def member_of(path: str) -> tuple[str, str] | None:
    """``(archive file, record)`` for the document path of a page inside a web archive
    (``crawl.warc.gz#1234``), ``None`` for any other path."""
    container, sep, member = path.rpartition("#")
    if sep and member and source_format(container) == "warc":
        return container, member
    return None


def normalize_newlines(text: str) -> str:
    """CRLF, lone CR, NEL and Unicode line/paragraph separators → ``\\n``."""
    if "\r" not in text and (text.isascii() or not any(sep in text for sep in "\u2028\u2029\x85")):
        return text  # nothing to replace: a few scans for one character cost less than the search
    return _NEWLINES_RE.sub("\n", text)


def _plausibility(text: str) -> float:
    """Share of non-ASCII characters that are letters, marks or common punctuation (1.0 if none)."""
    odd = [ch for ch in text if ord(ch) > 127]
    if not odd:
        return 1.0
    good = sum(1 for ch in odd if unicodedata.category(ch)[0] in "LM" or ch in _PLAUSIBLE_PUNCT)
    return good / len(odd)


def _legacy_score(text: str) -> float:
    """How plausible a legacy decode is, character by character outside ASCII.

    For: Arabic letters in Arabic words, vowel marks on them, accented Latin letters inside Latin
    words (beside an ASCII letter: the "ñ" of "Peña").  Against: Arabic and Latin letters inside
    one word, vowel marks on anything else, runs of accented letters with no ASCII letter beside
    them (Arabic bytes read as windows-1252), other letters, and symbols."""
    score = 0.0
    n = len(text)
    prev = ""  # script of the previous character: "ar", "lat" or ""
    for i, ch in enumerate(text):
        o = ord(ch)
        if o < 128:
            cur = "lat" if ch.isalpha() else ""
            if cur and prev == "ar":
                score -= 3
            prev = cur
            continue
        cat = unicodedata.category(ch)
        if 0x0621 <= o <= 0x064A:
            score += 1 if prev != "lat" else -3
            prev = "ar"
        elif cat == "Mn":
            score += 0.5 if prev == "ar" else -2
        elif cat[0] == "L" and 0xC0 <= o <= 0x24F:
            after = text[i + 1] if i + 1 < n else ""
            before = text[i - 1] if i else ""
            beside_ascii = (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())
            score += 1 if beside_ascii else -1
            prev = "lat"
        elif cat[0] == "L":
            score -= 1
            prev = "lat"
        elif ch not in _PLAUSIBLE_PUNCT:
            score -= 2
            prev = ""
        else:
            prev = ""
    return score


def _controls(text: str) -> int:
    """Control characters in ``text``, other than tab, newlines and form feed."""
    return sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")


def _bomless_utf16(raw: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: NUL bytes (the high bytes of ASCII characters) nearly all on one side
    of each code unit, and a plausible strict decode."""
    sample = raw[:65536]
    if len(raw) % 2 or b"\x00" not in sample:
        return None
    odd = sample[1::2].count(0)
    even = sample[0::2].count(0)
    if odd + even < 4 or min(odd, even) > (odd + even) // 20:
        return None
    encoding = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        return None
    if _controls(text) or _plausibility(text) < 0.9:
        return None
    return text, encoding


def _looks_binary(raw: bytes, stray_nuls: bool = False) -> bool:
    """NUL bytes anywhere in the file (for HTML: more than one per 4 KB, as a browser skips a few
    stray ones), or many control bytes."""
    nuls = raw.count(0)
    if nuls and (not stray_nuls or nuls > max(1, len(raw) // 4096)):
        return True
    controls = len(raw) - len(raw.translate(_BINARY_TABLE, _BINARY_BYTES)) - nuls
    return controls > max(8, len(raw) // 100)


@dataclass(frozen=True)
class Decoded:
    """Decoded bytes: the text, the encoding's name, how many replacement characters (U+FFFD)
    stand for bytes that were not valid in it, and whether the encoding was guessed (scored
    among legacy code pages, and not the charset the document names) rather than known (a BOM,
    UTF-8, UTF-16, or the declared charset)."""

    text: str
    encoding: str
    replaced: int = 0
    guessed: bool = False


def _decode_replacing(raw: bytes, encoding: str) -> tuple[str, int]:
    """``raw`` decoded with U+FFFD for invalid bytes, and how many were put in."""
    text = raw.decode(encoding, "replace")
    genuine = raw.count("\ufffd".encode(encoding)) if encoding.startswith("utf-8") else 0
    return text, text.count("\ufffd") - genuine


def decode(raw: bytes, declared: str | None = None, *, stray_nuls: bool = False) -> Decoded:
    """Decode ``raw``; raises ``ValueError(reason)`` when it is binary or no encoding explains it.

    Tried in order: a BOM; UTF-16 without one; UTF-8 (a few invalid bytes in a file that is
    otherwise UTF-8 become U+FFFD, counted in ``replaced``); then the legacy code pages
    windows-1256, ISO-8859-6 and windows-1252 and ``declared`` (a charset the document names,
    e.g. an HTML ``<meta>``), scored for plausibility.  ``stray_nuls``: a few NUL bytes (at most
    one per 4 KB) are replaced rather than taken as a sign of a binary file, as in HTML."""
    utf8 = "utf-8"
    if raw.startswith(codecs.BOM_UTF8):
        raw, utf8 = raw[len(codecs.BOM_UTF8) :], "utf-8-sig"
    else:
        for bom, encoding in _BOMS:
            if raw.startswith(bom):  # UTF-16 or UTF-32
                text, replaced = _decode_replacing(raw[len(bom) :], encoding)
                if _controls(text[:65536]) > max(8, min(len(text), 65536) // 100):
                    raise ValueError("binary file (contains NUL or control bytes), not text")
                if replaced > max(8, len(text) // 100):  # not a page with a few bad code units
                    raise ValueError(f"undecodable bytes: {replaced} invalid {encoding} sequences")
                return _without_nuls(Decoded(text, encoding, replaced))
        utf16 = _bomless_utf16(raw)
        if utf16 is not None:
            return Decoded(*utf16)
    if _looks_binary(raw, stray_nuls):
        raise ValueError("binary file (contains NUL or control bytes), not text")
    try:
        return _without_nuls(Decoded(raw.decode("utf-8"), utf8))  # valid UTF-8: decoded once
    except UnicodeDecodeError:
        pass
    high = len(raw) - len(raw.translate(None, _HIGH_BYTES))
    if utf8 == "utf-8-sig" or len(_UTF8_MULTIBYTE_RE.findall(raw)) * 2 >= high * 0.5:
        text, replaced = _decode_replacing(raw, "utf-8")
        return _without_nuls(Decoded(text, utf8, replaced))
    text, encoding = _decode_legacy(raw, declared)
    named = _codec_name(declared) if declared else None
    # not the charset the page names (browsers read a page labelled ISO-8859-1 as windows-1252)
    guessed = named != encoding and {named, encoding} != {"iso-8859-1", "windows-1252"}
    return _without_nuls(Decoded(text, encoding, guessed=guessed))


def _without_nuls(decoded: Decoded) -> Decoded:
    """Stray NUL characters (HTML only gets this far with them) replaced by U+FFFD and counted."""
    nuls = decoded.text.count("\x00")
    if not nuls:
        return decoded
    return replace(decoded, text=decoded.text.replace("\x00", "\ufffd"), replaced=decoded.replaced + nuls)


def decode_bytes(raw: bytes, declared: str | None = None) -> tuple[str, str]:
    """``(text, encoding)`` of :func:`decode`; raises ``ValueError(reason)`` when it cannot."""
    decoded = decode(raw, declared)
    return decoded.text, decoded.encoding


def _codec_name(name: str) -> str | None:
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return _CODEC_NAMES.get(codec, codec)


def _decode_legacy(raw: bytes, declared: str | None) -> tuple[str, str]:
    """The most plausible of windows-1256, ISO-8859-6, windows-1252 (or ISO-8859-1) and a charset the
    page declares.

    The declared charset is not trusted blindly (old Arabic pages often declare ISO-8859-1):
    it is scored like the others and wins ties; windows-1252 wins ties with the Arabic code
    pages (the text is then the same: Latin letters and punctuation they share)."""
    priority = {enc: 0 for enc in _LEGACY_ARABIC}
    priority[_LATIN] = priority["iso-8859-1"] = 1  # ISO-8859-1 for the bytes windows-1252 leaves undefined
    declared_name = _codec_name(declared) if declared else None
    if declared_name and declared_name != "utf-8":
        priority[declared_name] = 2
    candidates = []
    for encoding, rank in priority.items():
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        sample = text[:_SCORE_SAMPLE]
        if _plausibility(sample) >= 0.9:
            candidates.append((_legacy_score(sample), rank, encoding, text))
    if not candidates:
        raise ValueError("undecodable bytes: not UTF-8, UTF-16, windows-1256, ISO-8859-6 or windows-1252")
    _, _, encoding, text = max(candidates, key=lambda c: (c[0], c[1]))
    return text, encoding


# --- HTML → visible text -------------------------------------------------------------------

_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "math", "iframe",
                          "object", "canvas", "select", "button"})
_PARAGRAPH_TAGS = frozenset({"p", "div", "section", "article", "main", "header", "footer", "nav", "aside",
                             "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol",
                             "dl", "figure", "figcaption", "form", "fieldset", "address", "hr", "body",
                             "title", "time"})
_HEADING_TAGS = {f"h{n}": n for n in range(1, 7)}
_LINE_TAGS = frozenset({"br", "li", "tr", "dt", "dd", "caption", "option"})
_SPACE_RE = re.compile(r"[ \t\n\r\f\v]+")
_BLANKS_RE = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_TRAILING_RE = re.compile(r"[ \t]+\n")
_LEADING_RE = re.compile(r"\n[ \t]+")


class _TextExtractor(HTMLParser):
    """Collects visible text; block elements become line breaks, list items get a bullet."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.pre = 0
        self.in_head = False
        self.heading: tuple[int, list[str]] | None = None  # level and text of an open <hN>
        self.headings: list[tuple[int, str]] = []

    def parse_html_declaration(self, i: int) -> int:
        """A malformed ``<!...>`` declaration is a bogus comment, as browsers read it (the standard
        parser raises AssertionError on some, e.g. ``<![&``)."""
        try:
            return int(super().parse_html_declaration(i))
        except AssertionError:
            return int(self.parse_bogus_comment(i))

    def parse_starttag(self, i: int) -> int:
        """A start tag the standard parser cannot make sense of is text."""
        try:
            return int(super().parse_starttag(i))
        except AssertionError:
            self.handle_data("<")
            return i + 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "head":
            self.in_head = True
        elif tag == "body":
            self.in_head = False
        if tag in _HIDDEN_TAGS:
            self.hidden += 1
            return
        if tag == "pre":
            self.pre += 1
        if tag in _HEADING_TAGS:
            self.heading = (_HEADING_TAGS[tag], [])
        if tag in _PARAGRAPH_TAGS:
            self.parts.append("\n\n")
        elif tag == "li":
            self.parts.append("\n• ")
        elif tag in _LINE_TAGS:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _PARAGRAPH_TAGS:
            self.parts.append("\n\n")
        elif tag in _LINE_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False
        if tag in _HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
            return
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in _HEADING_TAGS and self.heading is not None:
            level, chunks = self.heading
            heading = _SPACE_RE.sub(" ", "".join(chunks)).strip()
            if heading:
                self.headings.append((level, heading))
            self.heading = None
        if tag in _PARAGRAPH_TAGS:
            self.parts.append("\n\n")
        elif tag in _LINE_TAGS and tag not in ("br", "li"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.hidden or self.in_head:
            return
        self.parts.append(data if self.pre else _SPACE_RE.sub(" ", data))
        if self.heading is not None:
            self.heading[1].append(data)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page: scripts, styles, head and markup dropped, entities decoded,
    paragraphs separated by a blank line, list items on their own line with a ``•`` bullet."""
    return html_to_text_and_headings(markup)[0]


def html_to_text_and_headings(markup: str) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    """:func:`html_to_text` and the ``(level, start, end)`` spans of the ``<h1>``–``<h6>`` lines in it."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = normalize_newlines("".join(parser.parts))
    text = _TRAILING_RE.sub("\n", text)
    text = _LEADING_RE.sub("\n", text)
    text = _BLANKS_RE.sub("\n\n", text)
    text = text.strip() + "\n" if text.strip() else ""
    return text, _locate_headings(text, parser.headings)


def _locate_headings(text: str, headings: list[tuple[int, str]]) -> tuple[tuple[int, int, int], ...]:
    """Find each heading, in order, as a whole line of ``text``."""
    spans = []
    cursor = 0
    for level, heading in headings:
        at = text.find(heading, cursor)
        while at >= 0:
            end = at + len(heading)
            if (at == 0 or text[at - 1] == "\n") and text[end : end + 1] in ("\n", ""):
                spans.append((level, at, end))
                cursor = end
                break
            at = text.find(heading, at + 1)
    return tuple(spans)


# --- reading files ---------------------------------------------------------------------------


def _check_path(path: Path, max_bytes: int) -> os.stat_result:
    try:
        st = path.stat()
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise SourceError(str(path), "symbolic link loop (the link leads back to itself)") from err
        if path.is_symlink():
            raise SourceError(str(path), "broken symbolic link (target missing)") from err
        if isinstance(err, FileNotFoundError):
            raise SourceError(str(path), "no such file") from err
        raise SourceError(str(path), f"cannot read ({err.strerror or err})") from err
    if stat.S_ISDIR(st.st_mode):  # what path.is_dir() and is_file() would stat again
        try:
            os.scandir(path).close()
        except OSError as err:  # a folder the walk could not list
            raise SourceError(str(path), f"cannot read the folder ({err.strerror or err})") from err
        raise SourceError(str(path), "is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise SourceError(str(path), "not a regular file")
    if st.st_size > max_bytes:
        raise SourceError(
            str(path), f"file too large ({st.st_size / 2**20:.1f} MB; the limit is {max_bytes / 2**20:g} MB, "
            "see --max-size)"
        )
    return st


def read_source(
    path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, fmt: str | None = None
) -> SourceText:
    """Read and decode one page (``.txt`` or ``.html``); raises :class:`SourceError` with the reason.

    A page inside a web archive is read by its document path, ``crawl.warc.gz#OFFSET``."""
    path = Path(path)
    if fmt is None and member_of(str(path)) is not None:
        from .readers.warc import read_member

        return read_member(str(path), max_bytes=max_bytes)
    fmt = fmt or source_format(path) or "txt"
    st = _check_path(path, max_bytes)
    try:
        with path.open("rb") as fh:
            # at most max_bytes + 1 bytes, asked for by the size the file had (asking for the
            # limit itself makes the buffer of that size, costlier than reading a page)
            raw = fh.read(min(st.st_size, max_bytes) + 1)
            if st.st_size < len(raw) <= max_bytes:  # the file grew since
                raw += fh.read(max_bytes + 1 - len(raw))
    except PermissionError as err:
        raise SourceError(str(path), "permission denied") from err
    except OSError as err:
        raise SourceError(str(path), f"cannot read ({err.strerror or err})") from err
    if len(raw) > max_bytes:
        limit = f"{max_bytes / 2**20:g} MB"
        raise SourceError(str(path), f"file too large (over the {limit} limit, see --max-size)")
    return source_from_bytes(raw, str(path), fmt, mtime=st.st_mtime)


def source_from_bytes(raw: bytes, path: str, fmt: str, *, mtime: float | None = None,
                      charset: str | None = None, url: str | None = None,
                      meta: dict[str, Any] | None = None) -> SourceText:
    """Decode the bytes of one page (``fmt`` ``"txt"`` or ``"html"``) as :func:`read_source` does;
    ``charset``: one its transport named (an HTTP ``Content-Type``), tried like a ``<meta>`` one."""
    if not raw.strip():
        raise SourceError(str(path), "empty file")
    declared = charset
    if fmt == "html":
        m = _META_CHARSET_RE.search(raw[:4096])
        declared = m.group(1).decode("ascii", "replace") if m else charset
    try:
        decoded = decode(raw, declared, stray_nuls=fmt == "html")
    except ValueError as err:
        raise SourceError(str(path), str(err)) from err
    text, encoding = decoded.text, decoded.encoding
    text = normalize_newlines(text)
    headings: tuple[tuple[int, int, int], ...] = ()
    blocks: tuple[HtmlBlock, ...] = ()
    page: PageMeta | None = None
    if fmt == "html":  # read as a tree: the text is the page's visible text (bicorpus.readers.html)
        from .readers.html import read_html

        html = read_html(text, url)
        text, blocks, page = html.text, html.blocks, html.meta
        headings = tuple((b.level, b.start, b.end) for b in blocks if b.level is not None)
    if not text.strip():
        raise SourceError(str(path), "no visible text" if fmt == "html" else "empty file")
    if not _VISIBLE_RE.search(text):
        raise SourceError(str(path), "no text (only blank or invisible characters)")
    meta = dict(meta or {})
    if decoded.guessed:
        meta["encoding_guessed"] = True
    if decoded.replaced:
        meta["replacement_chars"] = decoded.replaced
    return SourceText(
        path=path,
        text=text,
        encoding=encoding,
        sha256=hashlib.sha256(raw).hexdigest(),
        size=len(raw),
        format=fmt,
        mtime=mtime,
        headings=headings,
        url=url,
        meta=meta,
        blocks=blocks,
        page=page,
    )


@dataclass(frozen=True)
class Skipped:
    """An entry met while walking a folder and not read, and why.  ``kind``: ``"unsupported"`` (a
    file of a kind bicorpus does not read), ``"link"`` (a symbolic link out of the folders named),
    ``"loop"`` (a symbolic link back to a folder on its own path), ``"name"`` (a file name that is not
    valid UTF-8)."""

    path: str
    reason: str
    kind: str


def shown_name(path: str | Path) -> str:
    """A path as it can be printed and stored: bytes of a file name that are not valid UTF-8 shown
    as ``\\xNN`` escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


#: Why a file whose name is not valid UTF-8 is not read (its name could not be stored).
BAD_NAME = "file name is not valid UTF-8 (rename it to ingest it)"


def valid_name(path: str) -> bool:
    """The path can be stored and printed as UTF-8 (no undecodable bytes in a file name)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def walk_sources(paths: Iterable[str | Path], *, skip: Iterable[Path] = (), follow_links: bool = False
                 ) -> Iterator[Path | Skipped]:
    """Every page under ``paths`` (as :func:`iter_source_paths`), and a :class:`Skipped` entry for each
    file found in a folder and not read: files of other kinds, symbolic links that lead out of the
    folders named (followed with ``follow_links``), links back to a folder on their own path, and
    file names that are not valid UTF-8."""
    for entry in walk_source_names(paths, skip=skip, follow_links=follow_links):
        yield Path(entry) if isinstance(entry, str) else entry


def walk_source_names(paths: Iterable[str | Path], *, skip: Iterable[Path] = (), follow_links: bool = False
                      ) -> Iterator[str | Skipped]:
    """:func:`walk_sources` with each page's path as a string (the same as ``str`` of its ``Path``),
    without making a ``Path`` of every entry."""
    skipped = {str(p.resolve()) for p in skip}
    given = [Path(p) for p in paths]
    roots = [os.path.realpath(p) for p in given if p.is_dir()]
    visited: set[str] = set()  # folders walked, so a folder two links lead to is read once
    for root in given:
        if not root.is_dir():
            yield str(root)
            continue
        real = os.path.realpath(root)
        if real not in visited:
            visited.add(real)
            yield from _walk(str(root), skipped, {real}, visited, roots, follow_links)


def iter_source_paths(paths: Iterable[str | Path], *, skip: Iterable[Path] = (), follow_links: bool = False
                      ) -> Iterator[Path]:
    """Every page under ``paths``: files given explicitly, and the files of the kinds bicorpus reads
    found by walking directories (sorted; hidden entries and the ``skip`` directories left out;
    symbolic links out of the folders named only with ``follow_links``).

    Missing paths and directories named like pages are yielded as they are, so reading them
    reports the problem."""
    for entry in walk_sources(paths, skip=skip, follow_links=follow_links):
        if isinstance(entry, Path):
            yield entry


def _inside(real: str, roots: list[str]) -> bool:
    return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def _walk(root: str, skipped: set[str], ancestors: set[str], visited: set[str], roots: list[str],
          follow_links: bool) -> Iterator[str | Skipped]:
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        yield root
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = entry.path
        try:
            is_dir = entry.is_dir(follow_symlinks=True)
        except OSError:
            is_dir = False
        fmt = source_format(path)
        if not is_dir and fmt is None:
            try:
                regular = entry.is_file(follow_symlinks=True) or entry.is_symlink()
            except OSError:
                regular = True
            if regular:
                ext = "".join(Path(entry.name).suffixes[-1:]).lower() or "no extension"
                yield Skipped(shown_name(path), f"not a kind of file bicorpus reads ({ext})", "unsupported")
            continue
        link = entry.is_symlink()
        real = os.path.realpath(path) if link or is_dir else path
        if link:
            if is_dir and real in ancestors:
                yield Skipped(shown_name(path), f"symbolic link loop (back to {shown_name(real)})", "loop")
                continue
            if (is_dir or os.path.exists(real)) and not follow_links and not _inside(real, roots):
                yield Skipped(shown_name(path), f"symbolic link to {shown_name(real)}, outside the folders "
                              "named (--follow-links follows it)", "link")
                continue
        if fmt is not None:
            if not valid_name(path):
                yield Skipped(shown_name(path), BAD_NAME, "name")
            else:
                yield path
        if is_dir and real not in skipped and real not in visited:
            visited.add(real)
            yield from _walk(path, skipped, ancestors | {real}, visited, roots, follow_links)
