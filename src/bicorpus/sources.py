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
import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import SourceError

if TYPE_CHECKING:
    from .readers.html import HtmlBlock, PageMeta

#: Files larger than this are refused (bytes); keeps memory bounded.  ``--max-size`` changes it.
DEFAULT_MAX_BYTES = 32 * 1024 * 1024

#: File name suffix → source format.
FORMATS: dict[str, str] = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".xhtml": "html"}

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LEGACY_ARABIC = ("windows-1256", "iso-8859-6")
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
_PLAUSIBLE_PUNCT = set("«»،؛؟…–—‘’“”•·°€\u00a0\u200c\u200d\u200e\u200f")


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
    #: HTML only: every line of ``text`` with its place in the page and whether it is main content.
    blocks: tuple[HtmlBlock, ...] = ()
    #: HTML only: what the page says about itself (title, date, authors, site, URL, language...).
    page: PageMeta | None = None


def source_format(path: str | Path) -> str | None:
    """``"txt"`` or ``"html"`` from the file name, ``None`` if bicorpus does not read it."""
    return FORMATS.get(Path(path).suffix.lower())


def normalize_newlines(text: str) -> str:
    """CRLF, lone CR, NEL and Unicode line/paragraph separators → ``\\n``."""
    return _NEWLINES_RE.sub("\n", text)


def _plausibility(text: str) -> float:
    """Share of non-ASCII characters that are letters, marks or common punctuation (1.0 if none)."""
    odd = [ch for ch in text if ord(ch) > 127]
    if not odd:
        return 1.0
    good = sum(1 for ch in odd if unicodedata.category(ch)[0] in "LM" or ch in _PLAUSIBLE_PUNCT)
    return good / len(odd)


def _arabic_score(text: str) -> float:
    """How plausible a legacy decode is: Arabic letters count for; accented Latin letters, stray
    vowel marks, symbols, and Arabic and Latin letters inside one word count against."""
    score = 0.0
    prev = ""  # script of the previous character: "ar", "lat" or ""
    for ch in text:
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
        elif cat[0] == "L":
            score -= 1
            prev = "lat"
        elif ch not in _PLAUSIBLE_PUNCT:
            score -= 2
            prev = ""
        else:
            prev = ""
    return score


def _first_bad_utf8(raw: bytes) -> int:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return err.start
    return -1


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
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls or _plausibility(text) < 0.9:
        return None
    return text, encoding


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:65536]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(_BINARY_TABLE, _BINARY_BYTES))
    return controls > max(8, len(sample) // 100)


def decode_bytes(raw: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``raw`` to ``(text, encoding)``; raises ``ValueError(reason)`` when it cannot.

    ``declared`` is a charset named by the document itself (HTML ``<meta>``), tried after BOMs
    and strict UTF-8."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(encoding.removesuffix("-sig")), encoding
            except UnicodeDecodeError as err:
                at = err.start + len(bom)
                raise ValueError(f"undecodable bytes: invalid {encoding} at byte {at}") from err
    utf16 = _bomless_utf16(raw)
    if utf16 is not None:
        return utf16
    if _looks_binary(raw):
        raise ValueError("binary file (contains NUL or control bytes), not text")
    bad = _first_bad_utf8(raw)
    if bad < 0:
        return raw.decode("utf-8"), "utf-8"
    high = len(raw) - len(raw.translate(None, _HIGH_BYTES))
    if len(_UTF8_MULTIBYTE_RE.findall(raw)) * 2 >= high * 0.5:
        raise ValueError(f"undecodable bytes: invalid UTF-8 at byte {bad} in a UTF-8 file")
    return _decode_legacy(raw, declared)


def _codec_name(name: str) -> str | None:
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return _CODEC_NAMES.get(codec, codec)


def _decode_legacy(raw: bytes, declared: str | None) -> tuple[str, str]:
    """The most plausible of windows-1256, ISO-8859-6 and a charset the page declares.

    The declared charset is not trusted blindly (old Arabic pages often declare ISO-8859-1):
    it is scored like the others and wins ties."""
    encodings = [(enc, 0) for enc in _LEGACY_ARABIC]
    declared_name = _codec_name(declared) if declared else None
    if declared_name and declared_name != "utf-8":
        encodings = [(enc, 0) for enc in _LEGACY_ARABIC if enc != declared_name] + [(declared_name, 1)]
    candidates = []
    for encoding, priority in encodings:
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        sample = text[:_SCORE_SAMPLE]
        if _plausibility(sample) >= 0.9:
            candidates.append((_arabic_score(sample), priority, encoding, text))
    if not candidates:
        raise ValueError("undecodable bytes: not UTF-8, UTF-16, windows-1256 or ISO-8859-6")
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
    if path.is_symlink() and not path.exists():
        raise SourceError(str(path), "broken symbolic link (target missing)")
    try:
        st = path.stat()
    except FileNotFoundError as err:
        raise SourceError(str(path), "no such file") from err
    except OSError as err:
        raise SourceError(str(path), f"cannot read ({err.strerror or err})") from err
    if path.is_dir():
        raise SourceError(str(path), "is a directory, not a file")
    if not path.is_file():
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
    """Read and decode one page (``.txt`` or ``.html``); raises :class:`SourceError` with the reason."""
    path = Path(path)
    fmt = fmt or source_format(path) or "txt"
    st = _check_path(path, max_bytes)
    try:
        with path.open("rb") as fh:
            raw = fh.read(max_bytes + 1)
    except PermissionError as err:
        raise SourceError(str(path), "permission denied") from err
    except OSError as err:
        raise SourceError(str(path), f"cannot read ({err.strerror or err})") from err
    if len(raw) > max_bytes:
        limit = f"{max_bytes / 2**20:g} MB"
        raise SourceError(str(path), f"file too large (over the {limit} limit, see --max-size)")
    if not raw.strip():
        raise SourceError(str(path), "empty file")
    if fmt == "html":
        return _read_html_source(path, raw, st)
    try:
        text, encoding = decode_bytes(raw)
    except ValueError as err:
        raise SourceError(str(path), str(err)) from err
    text = normalize_newlines(text)
    if not text.strip():
        raise SourceError(str(path), "empty file")
    return SourceText(
        path=str(path),
        text=text,
        encoding=encoding,
        sha256=hashlib.sha256(raw).hexdigest(),
        size=len(raw),
        format=fmt,
        mtime=st.st_mtime,
    )


def _read_html_source(path: Path, raw: bytes, st: os.stat_result) -> SourceText:
    """An HTML page: decoded (see :func:`bicorpus.readers.html.decode_html`), read as a tree
    (:func:`bicorpus.readers.html.read_html`); its text is the page's visible text."""
    from .readers.html import decode_html, read_html

    try:
        markup, encoding, replaced = decode_html(raw)
    except ValueError as err:
        raise SourceError(str(path), str(err)) from err
    page = read_html(markup, replaced=replaced)
    if not page.text.strip():
        raise SourceError(str(path), "no visible text")
    headings = tuple((b.level, b.start, b.end) for b in page.blocks if b.level is not None)
    return SourceText(
        path=str(path),
        text=page.text,
        encoding=encoding,
        sha256=hashlib.sha256(raw).hexdigest(),
        size=len(raw),
        format="html",
        mtime=st.st_mtime,
        headings=headings,
        blocks=page.blocks,
        page=page.meta,
    )


def iter_source_paths(paths: Iterable[str | Path], *, skip: Iterable[Path] = ()) -> Iterator[Path]:
    """Every page under ``paths``: files given explicitly, and ``.txt``/``.html``/``.htm`` files found
    by walking directories (sorted; hidden entries and the ``skip`` directories left out).

    Missing paths and directories named like pages are yielded as they are, so reading them
    reports the problem."""
    skipped = {p.resolve() for p in skip}
    for given in paths:
        root = Path(given)
        if not root.is_dir():
            yield root
            continue
        yield from _walk(root, skipped, set())


def _walk(root: Path, skipped: set[Path], visited: set[Path]) -> Iterator[Path]:
    real = root.resolve()
    if real in visited:  # a symbolic link back to a folder already walked
        return
    visited.add(real)
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        yield root
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir(follow_symlinks=True)
        except OSError:
            is_dir = False
        if source_format(path) is not None:
            yield path
        if is_dir and path.resolve() not in skipped:
            yield from _walk(path, skipped, visited)
