"""Web archives: the pages of a ``.warc`` / ``.warc.gz`` crawl (wget ``--warc-file``, Browsertrix,
Heritrix), read with warcio.

Each HTML or plain-text page the crawl fetched (a ``response`` record with HTTP status 200, or a
``resource`` record, of type ``text/html``, ``application/xhtml+xml`` or ``text/plain``) becomes one
page, read exactly as a file of that kind would be (:func:`bicorpus.sources.source_from_bytes`),
with the target URL and the fetch date (``WARC-Date``) as metadata.  Every other record (requests,
metadata, warcinfo, revisits, images, redirects, errors) is skipped and counted by kind.

A page's document path is the archive's path, ``#``, and the record's byte offset in the archive
(``crawl.warc.gz#1234``): unique, stable while the file is, and enough to read that one record
again (:func:`read_member`).
"""

from __future__ import annotations

import gzip
import hashlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import SourceError
from ..sources import SourceText, _check_path, member_of, source_from_bytes

#: Media types read as pages, and the reader each goes through.
PAGE_TYPES: dict[str, str] = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "txt"}
_HASH_CHUNK = 1 << 20


@dataclass
class ArchivePages:
    """What one archive holds: its pages (document path → page, or the reason it cannot be read),
    the records skipped (kind → count), and the archive's size and SHA-256."""

    pages: list[tuple[str, SourceText | str]] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    size: int = 0
    sha256: str = ""
    #: Why reading stopped early (a damaged archive), after the pages listed.
    error: str | None = None


def file_sha256(path: str | Path) -> tuple[int, str]:
    """Size and SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(_HASH_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def _kind(record: Any) -> tuple[str | None, str]:
    """``(format, "")`` for a page record, ``(None, what it is)`` for a record to skip."""
    rec_type = record.rec_type
    if rec_type not in ("response", "resource"):
        return None, rec_type or "unknown"
    http = record.http_headers
    if rec_type == "response" and http is not None:
        status = (http.get_statuscode() or "").strip()
        if status != "200":
            return None, f"status {status or 'unknown'}"
        ctype = http.get_header("Content-Type") or ""
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    media = ctype.split(";", 1)[0].strip().lower()
    fmt = PAGE_TYPES.get(media)
    if fmt is None:
        return None, media or "no content type"
    return fmt, ""


def _charset(record: Any) -> str | None:
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    ctype = headers.get_header("Content-Type") or ""
    for param in ctype.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _page(record: Any, fmt: str, path: str, mtime: float | None, max_bytes: int) -> SourceText | str:
    """One page record read as a page, or the reason it cannot be."""
    try:
        raw = record.content_stream().read(max_bytes + 1)
    except Exception as err:  # a damaged body (bad gzip or chunked encoding): this record only
        return f"unreadable record ({type(err).__name__}: {err})"
    if len(raw) > max_bytes:
        return f"record too large (over the {max_bytes / 2**20:g} MB limit, see --max-size)"
    url = record.rec_headers.get_header("WARC-Target-URI")
    meta: dict[str, Any] = {}
    fetched = record.rec_headers.get_header("WARC-Date")
    if fetched:
        meta["fetched"] = fetched
    try:
        return source_from_bytes(raw, path, fmt, mtime=mtime, charset=_charset(record), url=url, meta=meta)
    except SourceError as err:
        return err.reason


def _records(fh: BinaryIO) -> Iterator[tuple[Any, Any]]:
    from warcio.archiveiterator import ArchiveIterator

    iterator = ArchiveIterator(fh)
    for record in iterator:
        yield iterator, record


def _one_line(err: BaseException) -> str:
    return f"{type(err).__name__}: {' '.join(str(err).split())}"


def _single_gzip_stream(err: BaseException) -> bool:
    """warcio's complaint about a ``.warc.gz`` compressed as one gzip stream rather than one gzip
    member per record (``gzip crawl.warc``): readable, but only from the start, decompressed."""
    return "non-chunked gzip" in str(err)


def read_warc(path: str | Path, shown: str | None = None, *, max_bytes: int) -> ArchivePages:
    """Every page of the archive at ``path``; their document paths start with ``shown`` (default:
    ``path``).  Raises :class:`SourceError` when the file cannot be opened or is no web archive."""
    shown = shown or str(path)
    try:
        _check_path(Path(path), 1 << 62)  # an archive holds many pages: the size limit is per page
    except SourceError as err:
        raise SourceError(shown, err.reason) from err
    try:
        size, sha256 = file_sha256(path)
        mtime = Path(path).stat().st_mtime
        out = _read_pages(open(path, "rb"), shown, mtime, max_bytes)
        if out.error == "single gzip stream":
            out = _read_pages(gzip.open(path, "rb"), shown, mtime, max_bytes)  # offsets: decompressed
    except FileNotFoundError as err:
        raise SourceError(shown, "no such file") from err
    except OSError as err:
        raise SourceError(shown, f"cannot read ({err.strerror or err})") from err
    if out.error and not out.pages and not out.skipped:
        raise SourceError(shown, f"not a readable web archive ({out.error})")
    if out.error:
        out.error = f"damaged web archive after {len(out.pages)} pages ({out.error})"
    out.size, out.sha256 = size, sha256
    return out


def _read_pages(fh: BinaryIO, shown: str, mtime: float, max_bytes: int) -> ArchivePages:
    out = ArchivePages()
    with fh:
        try:
            for iterator, record in _records(fh):
                if record.format != "warc":  # warcio also guesses the older ARC format, from any text
                    raise ValueError(f"no WARC record at byte {iterator.offset}")
                fmt, skip = _kind(record)
                if fmt is None:
                    out.skipped[skip] += 1
                    continue
                page = _page(record, fmt, "", mtime, max_bytes)
                member = f"{shown}#{iterator.get_record_offset()}"
                if isinstance(page, SourceText):
                    page = _renamed(page, member)
                out.pages.append((member, page))
        except Exception as err:  # warcio raises several kinds on a damaged or foreign file
            out.error = "single gzip stream" if _single_gzip_stream(err) else _one_line(err)
    return out


def _renamed(src: SourceText, path: str) -> SourceText:
    return replace(src, path=path)


def read_member(path: str, *, max_bytes: int) -> SourceText:
    """The page at a document path inside an archive (``crawl.warc.gz#1234``)."""
    located = member_of(path)
    if located is None or not located[1].isdigit():
        raise SourceError(path, "not a page of a web archive (ARCHIVE#OFFSET)")
    archive, offset = located[0], int(located[1])
    try:
        mtime = Path(archive).stat().st_mtime
    except FileNotFoundError as err:
        raise SourceError(path, "no such file") from err
    except OSError as err:
        raise SourceError(path, f"cannot read ({err.strerror or err})") from err
    # straight to the record; else from the start; in one gzip stream, in the decompressed stream
    for decompress, start in _attempts(archive, offset):
        try:
            with gzip.open(archive, "rb") if decompress else open(archive, "rb") as stream:
                stream.seek(start)
                for iterator, record in _records(stream):
                    if record.format != "warc" or record.rec_type is None:
                        break
                    fmt, skip = _kind(record)
                    page = _page(record, fmt, path, mtime, max_bytes) if fmt else f"not a page ({skip})"
                    if iterator.get_record_offset() == offset:
                        if isinstance(page, str):
                            raise SourceError(path, page)
                        return page
                    if start:
                        break
        except SourceError:
            raise
        except Exception:  # not a record boundary, a damaged archive, not a gzip stream
            continue
    raise SourceError(path, f"no page record at byte {offset} of the archive")


_GZIP_MAGIC = b"\x1f\x8b"


def _attempts(archive: str, offset: int) -> list[tuple[bool, int]]:
    """Where to look for the record at ``offset`` (decompress?, start): a plain archive and one of
    gzip members give the offset in the file, where a member starts; an archive gzipped as one
    stream gives it in the decompressed stream, and its compressed bytes there must not be read as
    a record (warcio reads some garbage as one: ``not a page (unknown)``)."""
    try:
        with open(archive, "rb") as fh:
            first = fh.read(2)
            fh.seek(offset)
            there = fh.read(2)
    except OSError:
        return [(False, offset), (False, 0), (True, offset)]
    if first != _GZIP_MAGIC:
        return [(False, offset), (False, 0)]
    if there != _GZIP_MAGIC:
        return [(True, offset)]
    return [(False, offset), (False, 0), (True, offset)]
