"""The corpus on disk: ``documents.jsonl``, ``passages.jsonl``, ``manifest.json``.

Reading side: :func:`open_corpus`; passages are streamed, never loaded whole.

Writing side: :class:`CorpusTransaction`.  A writer holds ``.lock`` (an exclusive ``flock``),
writes every new file into ``.pending/``, then creates ``.pending/COMMIT`` and renames the
files into place, manifest last.  A run killed before COMMIT leaves the previous corpus as it
was (the next writer deletes the leftovers); a run killed after COMMIT is finished by whoever
opens the corpus next (:func:`recover`), so a reader sees the corpus wholly before or wholly
after a write, never a mix.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import itertools
import json
import os
import re
import shutil
import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TypeVar

from .errors import CorpusError
from .lock import LOCK_FILE as LOCK_FILE
from .lock import WriterLock, commit_lock, try_writer_lock
from .model import LANGS, REGIONS, SCHEMA_VERSION, Document, Passage

# A passage row's document id as written (a JSON string); quotes inside values are escaped.
_DOC_ID_RE = re.compile(rb'"doc_id": ("(?:[^"\\]|\\.)*")')
_DOC_ID_KEY = b'"doc_id": "'


def raw_doc_id(line: bytes) -> str | None:
    """The document id of a raw ``passages.jsonl`` line, read without parsing the row (``None``
    when the line has no ``doc_id`` string)."""
    start = line.find(_DOC_ID_KEY)
    if start < 0:
        return None
    start += len(_DOC_ID_KEY)
    end = line.find(b'"', start)
    if end >= 0 and b"\\" not in line[start:end]:  # the common case, without the pattern
        return line[start:end].decode("utf-8", "replace")
    found = _DOC_ID_RE.search(line)
    if found is None:
        return None
    return json.loads(found.group(1))  # an escaped character: let JSON decode it


def block_rows_of(block: bytes, doc_ids: Iterable[bytes]) -> list[tuple[int, int]]:
    """The byte spans (newline included) of the lines of ``block`` whose document id is one of
    ``doc_ids``, in order, for a block whose every line holds one plain id (:func:`block_doc_ids`):
    there the id's key, quotes unescaped, can only be the one field of its row."""
    spans = []
    for doc_id in doc_ids:
        key = b'"doc_id": "' + doc_id + b'"'
        at = block.find(key)
        while at >= 0:
            start = block.rfind(b"\n", 0, at) + 1
            end = block.find(b"\n", at) + 1 or len(block)
            spans.append((start, end))
            at = block.find(key, end)
    return sorted(spans)


def block_lines(block: bytes) -> list[bytes]:
    """The lines of a block of whole lines, without their newlines."""
    lines = block.split(b"\n")
    return lines[:-1] if block.endswith(b"\n") else lines


# Every passage row's document id as written without escapes, found in a block of rows at once.
_PLAIN_DOC_ID_RE = re.compile(rb'"doc_id": "([^"\\]*)"')


def block_doc_ids(block: bytes) -> list[bytes] | None:
    """The raw document ids of a block of whole passage lines, one a line, or ``None`` when the
    block must be read line by line (a blank line, a line without a plain ``doc_id``: as many
    plain ids as lines is taken for one a line, as bicorpus writes them)."""
    found = _PLAIN_DOC_ID_RE.findall(block)
    return found if len(found) == block.count(b"\n") + (not block.endswith(b"\n")) else None

DOCUMENTS_FILE = "documents.jsonl"
PASSAGES_FILE = "passages.jsonl"
MANIFEST_FILE = "manifest.json"
PENDING_DIR = ".pending"
COMMIT_MARKER = "COMMIT"
#: Files of a corpus, in the order a commit renames them into place (manifest last).
CORPUS_FILES = (DOCUMENTS_FILE, PASSAGES_FILE, MANIFEST_FILE)


@dataclass(frozen=True)
class PassageFilter:
    """Metadata filters shared by search, export and iteration (``None`` = no constraint).

    Dates compare as ISO prefixes: ``since="2017-04"`` keeps ``2017-04-12``."""

    lang: str | None = None
    region: str | None = None
    doc: str | None = None
    since: str | None = None
    until: str | None = None
    #: With ``since``/``until``: keep undated passages too (by default a date filter drops them).
    include_undated: bool = False

    def accepts(self, p: Passage) -> bool:
        if self.lang and p.lang != self.lang:
            return False
        if self.region and p.region != self.region:
            return False
        if self.doc and p.doc_id != self.doc:
            return False
        if not p.date and (self.since or self.until):
            return self.include_undated
        if self.since and (not p.date or p.date < self.since):
            return False
        if self.until and (not p.date or p.date[: len(self.until)] > self.until):
            return False
        return True


_READ_CHUNK = 1 << 20
_R = TypeVar("_R", Document, Passage)
#: The JSON types a record field declared with this annotation may hold (``bool`` is never an int).
_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,), "int": (int,), "str | None": (str, type(None)), "int | None": (int, type(None)),
    "float | None": (int, float, type(None)), "list[str]": (list,), "dict[str, float]": (dict,),
    "dict[str, Any]": (dict,),
}
_PLAIN_TYPES = ("str", "int")
#: How deeply brackets may nest in a corpus row (a row nests 2 deep; JSON parsing recurses).
MAX_ROW_DEPTH = 32
_JSON_STRING_RE = re.compile(rb'"(?:[^"\\]|\\.)*"')
#: Bytes that are not brackets (deleted), and braces made square brackets (nesting is nesting).
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_SQUARE = bytes.maketrans(b"{}", b"[]")


def nested_deeper(line: bytes, limit: int) -> bool:
    """Whether the brackets of a raw JSON line (strings skipped) nest deeper than ``limit``, found
    without recursion and in time linear in the line: each pass deletes the innermost ``[]`` pairs
    (at C speed), so a line of depth ``d`` is empty after ``d`` passes."""
    brackets = _JSON_STRING_RE.sub(b"", line).translate(_SQUARE, _NOT_BRACKETS)
    if b"[" * (limit + 1) in brackets:  # that many openers in a row nest that deep
        return True
    for _ in range(limit + 1):
        reduced = brackets.replace(b"[]", b"")
        if reduced == brackets:
            return brackets.count(b"[") > limit  # what is left is unbalanced: ``]]][[[``
        brackets = reduced
    return True


try:  # orjson parses a row in a third of json's time, to the same values
    from orjson import loads as _fast_loads
except ImportError:  # a pure-Python install
    _fast_loads = None


def loads_row(line: bytes) -> Any:
    """One corpus line parsed as JSON; a line nested deeper than :data:`MAX_ROW_DEPTH` is a
    ``ValueError`` (checked on the raw bytes first: parsing it would exhaust the stack)."""
    if line.count(b"[") + line.count(b"{") > MAX_ROW_DEPTH and nested_deeper(line, MAX_ROW_DEPTH):
        raise ValueError(f"nested deeper than {MAX_ROW_DEPTH} levels")
    if _fast_loads is not None:
        try:
            return _fast_loads(line)
        except ValueError:
            pass  # what orjson refuses and json reads (NaN, huge numbers, lone surrogates), or an error
    return json.loads(line)


def row_problem(row: Any, record: type) -> str | None:
    """Why a parsed corpus row cannot be a ``record`` (``None`` when it can): a missing field, a
    field of another type, a passage language or region bicorpus does not write."""
    if not isinstance(row, dict):
        return "not a JSON object"
    if _sound_row(row, record):
        return None
    missing = [name for name, kind in _typed_fields(record) if kind in _PLAIN_TYPES and name not in row]
    if missing:
        return f"missing {', '.join(missing)}"
    bad = [name for name, kind in _typed_fields(record) if name in row and not _has_type(row[name], kind)]
    if bad:
        return f"bad {', '.join(bad)}"
    if record is Passage:
        if row["lang"] not in LANGS:
            return f"bad lang {row['lang'][:40]!r}"
        if row["region"] not in REGIONS:
            return f"bad region {row['region'][:40]!r}"
    return None


def _sound_row(row: dict[str, Any], record: type) -> bool:
    """Whether a row has every plain field and each checked field of its type, and (a passage) a
    language and region bicorpus writes: :func:`row_problem`'s verdict on a sound row, in one pass."""
    for name, allowed, required in _field_checks(record):
        if name in row:
            value = row[name]
            if type(value) is bool or not isinstance(value, allowed):
                return False
        elif required:
            return False
    return record is not Passage or (row["lang"] in LANGS and row["region"] in REGIONS)


@functools.cache
def _field_checks(record: type) -> tuple[tuple[str, tuple[type, ...], bool], ...]:
    """Each checked field of a record: its name, the types it may hold, whether it is required."""
    return tuple((name, _FIELD_TYPES[kind], kind in _PLAIN_TYPES) for name, kind in _typed_fields(record))


def _has_type(value: Any, kind: str) -> bool:
    allowed = _FIELD_TYPES[kind]
    return isinstance(value, allowed) and not (isinstance(value, bool) and bool not in allowed)


@functools.cache
def _typed_fields(record: type) -> tuple[tuple[str, str], ...]:
    """The fields of a record with a checked type: readers do string work and arithmetic on them,
    so a damaged row with another type is refused."""
    return tuple((f.name, str(f.type)) for f in dataclasses.fields(record) if str(f.type) in _FIELD_TYPES)


def _close_fds(fds: dict[str, int]) -> None:
    for fd in fds.values():
        try:
            os.close(fd)
        except OSError:
            pass
    fds.clear()


def _fd_lines(fd: int) -> Iterator[bytes]:
    """The lines of an open file from its start, read with ``pread`` (independent iterations of
    one descriptor do not disturb each other)."""
    offset = 0
    rest = b""
    while True:
        chunk = os.pread(fd, _READ_CHUNK, offset)
        if not chunk:
            break
        offset += len(chunk)
        lines = (rest + chunk).split(b"\n")
        rest = lines.pop()
        yield from lines
    if rest:
        yield rest


def _fd_read_all(fd: int) -> bytes:
    parts = []
    offset = 0
    while chunk := os.pread(fd, _READ_CHUNK, offset):
        parts.append(chunk)
        offset += len(chunk)
    return b"".join(parts)


def _snapshot(corpus: Path) -> dict[str, int]:
    """Descriptors of the three corpus files, all from the same commit.

    Taken under the shared commit lock, so no commit renames files meanwhile; when a committed
    write is still being moved into place (``.pending/COMMIT`` exists: its writer died, or is
    between its renames), each file is taken from ``.pending/`` if it is still there, else from
    the corpus folder: that is the committed state."""
    fds: dict[str, int] = {}
    with commit_lock(corpus, shared=True):
        pending = corpus / PENDING_DIR
        committed = (pending / COMMIT_MARKER).exists()
        try:
            for name in CORPUS_FILES:
                fd = None
                if committed:
                    try:
                        fd = os.open(pending / name, os.O_RDONLY)
                    except FileNotFoundError:
                        fd = None
                if fd is None:
                    try:
                        fd = os.open(corpus / name, os.O_RDONLY)
                    except FileNotFoundError:
                        continue
                fds[name] = fd
        except OSError as err:
            _close_fds(fds)
            raise CorpusError(f"cannot read the corpus at {corpus}: {err.strerror or err}") from err
    return fds


class PassageRun:
    """Passage rows ``start`` … ``stop - 1`` of a corpus (``stop`` ``None``: to the end), read when
    iterated; :meth:`raw_lines` gives the same rows unparsed."""

    def __init__(self, corpus: Corpus, start: int, stop: int | None) -> None:
        self.corpus, self.start, self.stop = corpus, start, stop

    def __iter__(self) -> Iterator[Passage]:
        return self.corpus._passage_row_records(self.start, self.stop)

    def raw_lines(self) -> Iterator[bytes]:
        """The run's lines of ``passages.jsonl`` as written, in blocks of whole lines (a blank line
        counts as a row here: what the blocks hold may differ a little from what iterating gives)."""
        row = 0
        for block in self.corpus.line_blocks(PASSAGES_FILE):
            lines = block.count(b"\n") + (not block.endswith(b"\n"))
            first, row = row, row + lines
            if row <= self.start:
                continue
            if self.stop is not None and first >= self.stop:
                return
            if first >= self.start and (self.stop is None or row <= self.stop):
                yield block
                continue
            kept = block_lines(block)[max(0, self.start - first):
                                      None if self.stop is None else self.stop - first]
            yield b"\n".join(kept)


class Corpus:
    """A corpus directory, opened for reading.

    The files are opened once, together, so a corpus object reads one consistent state (as it
    was when opened) however often it is iterated and whatever writers do meanwhile.  ``close()``
    (or ``with``) releases the files; they are also released when the object is collected."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            recover(self.path, discard=False)
        except (OSError, CorpusError):
            pass  # a read-only reader cannot finish the write; it reads the committed files anyway
        if not self.path.is_dir():
            raise CorpusError(f"no corpus at {self.path} (run `bicorpus ingest` first)")
        self._fds = _snapshot(self.path)
        self._intact: dict[str, bool] = {}
        self._finalizer = weakref.finalize(self, _close_fds, self._fds)
        manifest_path = self.path / MANIFEST_FILE
        if MANIFEST_FILE not in self._fds:
            self.close()
            raise CorpusError(f"no corpus at {self.path} (run `bicorpus ingest` first)")
        try:
            raw = _fd_read_all(self._fds[MANIFEST_FILE])
            #: SHA-256 of the manifest: names this state of the corpus (the index records it).
            self.fingerprint = hashlib.sha256(raw).hexdigest()
            self.manifest: dict[str, Any] = json.loads(raw)
            if not isinstance(self.manifest, dict):
                raise ValueError("not a JSON object")
        except (OSError, ValueError) as err:
            self.close()
            raise CorpusError(f"corpus manifest {manifest_path} is unreadable: {err}") from err
        version = self.manifest.get("schema_version")
        if version != SCHEMA_VERSION or isinstance(version, bool):
            self.close()
            found = f"schema version {version}" if isinstance(version, int) else (
                f"a schema_version that is not a whole number ({json.dumps(version)[:40]})")
            raise CorpusError(
                f"corpus at {self.path} has {found}, this bicorpus reads schema version "
                f"{SCHEMA_VERSION}: re-run `bicorpus ingest` on the sources"
            )

    def close(self) -> None:
        self._finalizer()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _fd(self, name: str) -> int:
        """The descriptor of one corpus file, as opened."""
        fd = self._fds.get(name)
        if fd is None:
            raise CorpusError(f"corpus file {self.path / name} is missing")
        return fd

    def raw_chunks(self, name: str) -> Iterator[bytes]:
        """The bytes of one corpus file, as opened, in chunks."""
        fd = self._fd(name)
        offset = 0
        try:
            while chunk := os.pread(fd, _READ_CHUNK, offset):
                offset += len(chunk)
                yield chunk
        except OSError as err:
            raise CorpusError(f"cannot read {self.path / name}: {err.strerror or err}") from err

    def file_digest(self, name: str) -> tuple[int, str]:
        """Size and SHA-256 of the bytes of one corpus file, as opened."""
        digest = hashlib.sha256()
        size = 0
        for chunk in self.raw_chunks(name):
            digest.update(chunk)
            size += len(chunk)
        return size, digest.hexdigest()

    def intact(self, name: str) -> bool:
        """Whether one data file is, byte for byte, what the manifest records of it (size and
        SHA-256), with the manifest itself matching its checksum: then every row is as bicorpus
        wrote it, and the manifest's counts describe the file."""
        if name not in self._intact:  # the files as opened do not change: asked once
            recorded = self.manifest.get("files")
            checksum = self.manifest.get("checksum")
            want = recorded.get(name) if isinstance(recorded, dict) else None
            self._intact[name] = (isinstance(want, dict) and checksum == manifest_checksum(self.manifest)
                                  and (want.get("size"), want.get("sha256")) == self.file_digest(name))
        return self._intact[name]

    def line_blocks(self, name: str) -> Iterator[bytes]:
        """The bytes of one corpus file, as opened, in blocks of whole lines (each ending with a
        newline, but perhaps the last)."""
        rest = b""
        for chunk in self.raw_chunks(name):
            cut = chunk.rfind(b"\n") + 1
            if not cut:
                rest += chunk
                continue
            yield rest + chunk[:cut]
            rest = chunk[cut:]
        if rest:
            yield rest

    def line_chunks(self, name: str, size: int = 1 << 22) -> Iterator[tuple[bytes, int]]:
        """The bytes of one corpus file, as opened, in chunks without copying them: ``(chunk, end)``,
        the chunk's first ``end`` bytes whole lines (each ending with a newline, but perhaps the
        file's last), the rest read again with the next chunk."""
        fd = self._fd(name)
        offset = 0
        try:
            while chunk := os.pread(fd, size, offset):
                end = chunk.rfind(b"\n") + 1 if len(chunk) == size else len(chunk)  # short: the file's end
                if not end:
                    size *= 2  # a line longer than the chunk
                    continue
                yield chunk, end
                offset += end
        except OSError as err:
            raise CorpusError(f"cannot read {self.path / name}: {err.strerror or err}") from err

    def raw_lines(self, name: str) -> Iterator[bytes]:
        """The raw lines (without newline) of one corpus file, as opened."""
        fd = self._fd(name)
        try:
            yield from _fd_lines(fd)
        except OSError as err:
            raise CorpusError(f"cannot read {self.path / name}: {err.strerror or err}") from err

    def _numbered(self, name: str, keep: Callable[[bytes], bool] | None = None,
                  lines: Iterable[tuple[int, bytes]] | None = None) -> Iterator[tuple[int, dict[str, Any]]]:
        path = self.path / name
        for lineno, line in enumerate(self.raw_lines(name), 1) if lines is None else lines:
            if not line.strip() or (keep is not None and not keep(line)):
                continue
            try:
                row = loads_row(line)
            except ValueError as err:
                raise CorpusError(f"{path}:{lineno}: corrupt JSON line ({err})") from err
            if not isinstance(row, dict):
                raise CorpusError(f"{path}:{lineno}: corrupt line (not a JSON object)")
            yield lineno, row

    def _lines(self, name: str) -> Iterator[dict[str, Any]]:
        return (row for _, row in self._numbered(name))

    def _records(self, name: str, record: type[_R], keep: Callable[[bytes], bool] | None = None,
                 lines: Iterable[tuple[int, bytes]] | None = None) -> Iterator[tuple[dict[str, Any], _R]]:
        """Rows of a file as records; a row missing fields or with mistyped ones is a CorpusError.

        ``keep``, when given, sees each raw line first: a line it refuses is not parsed.  ``lines``:
        the numbered lines to read (default: every line of the file)."""
        for lineno, row in self._numbered(name, keep, lines):
            problem = row_problem(row, record)
            if problem:
                raise CorpusError(f"{self.path / name}:{lineno}: corrupt row ({problem})")
            try:
                item = record.from_dict(row)
            except (TypeError, ValueError) as err:
                raise CorpusError(f"{self.path / name}:{lineno}: corrupt row ({err})") from err
            yield row, item

    def documents(self) -> Iterator[Document]:
        """Every document, in corpus order."""
        for _, doc in self._records(DOCUMENTS_FILE, Document):
            yield doc

    def passages(self, where: PassageFilter | None = None) -> Iterator[Passage]:
        """Every passage (optionally filtered), in document then ordinal order."""
        for _, passage in self._records(PASSAGES_FILE, Passage):
            if where is None or where.accepts(passage):
                yield passage


    def passage_count(self) -> int:
        """How many passages the corpus holds: as its manifest records, else counted (unparsed)."""
        count = self.manifest.get("passages")
        if isinstance(count, int) and not isinstance(count, bool) and count >= 0:
            return count
        return sum(1 for line in self.raw_lines(PASSAGES_FILE) if line.strip())

    def passage_shards(self, count: int) -> list[PassageRun]:
        """Every passage, as ``count`` lazy runs of consecutive rows of about equal size: chained,
        they are :meth:`passages`.  Each run skips the rows before it unparsed, so the runs can be
        read side by side (in different processes, say); the last run takes every row after it."""
        count = max(1, count)
        size = -(-self.passage_count() // count)
        return [self._passage_rows(k * size, (k + 1) * size if k < count - 1 else None) for k in range(count)]

    def _passage_rows(self, start: int, stop: int | None) -> PassageRun:
        return PassageRun(self, start, stop)

    def _passage_row_records(self, start: int, stop: int | None) -> Iterator[Passage]:
        rows = itertools.count()

        def keep(line: bytes) -> bool:
            row = next(rows)
            return row >= start and (stop is None or row < stop)

        for _, passage in self._records(PASSAGES_FILE, Passage, keep):
            yield passage

    def passages_of(self, doc_ids: Iterable[str]) -> Iterator[Passage]:
        """The passages of these documents only, in corpus order.

        Rows of other documents are recognised by their raw ``doc_id`` and never parsed, so
        picking a few documents out of a large corpus costs a scan, not a parse of every row."""
        wanted = set(doc_ids)
        if not wanted:
            return

        def keep(line: bytes) -> bool:
            doc_id = raw_doc_id(line)
            return doc_id is None or doc_id in wanted

        for _, passage in self._records(PASSAGES_FILE, Passage, keep, self._lines_of(wanted)):
            if passage.doc_id in wanted:
                yield passage

    def _lines_of(self, doc_ids: set[str]) -> Iterator[tuple[int, bytes]]:
        """The numbered passage lines that may hold rows of ``doc_ids``: a block of lines whose
        document ids are all plain and none of them is wanted is passed over whole."""
        wanted = {doc_id.encode("utf-8") for doc_id in doc_ids}
        lineno = 0
        for block in self.line_blocks(PASSAGES_FILE):
            found = block_doc_ids(block)
            if found is None:
                for line in block_lines(block):
                    lineno += 1
                    yield lineno, line
                continue
            at, before = 0, lineno
            for start, end in block_rows_of(block, wanted.intersection(found)):
                before += block.count(b"\n", at, start)
                at = start
                yield before + 1, block[start:end].rstrip(b"\n")
            lineno += len(found)


def open_corpus(path: str | Path = "corpus") -> Corpus:
    """Open the corpus at ``path`` for reading (raises :class:`CorpusError` with a clear message)."""
    return Corpus(path)


# --- writing side ------------------------------------------------------------------------------


def manifest_checksum(manifest: dict[str, Any]) -> str:
    """SHA-256 of a manifest's content (its ``checksum`` key left out), to notice a damaged manifest."""
    body = {k: v for k, v in manifest.items() if k != "checksum"}
    return hashlib.sha256(json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _roll_forward(corpus: Path, pending: Path) -> None:
    with commit_lock(corpus, shared=False):  # readers open the files before or after, never between
        for name in CORPUS_FILES:
            try:
                os.replace(pending / name, corpus / name)
            except FileNotFoundError:
                continue  # already moved (by an earlier, interrupted roll-forward or a reader)
        _fsync_dir(corpus)
    try:
        (pending / COMMIT_MARKER).unlink()
    except FileNotFoundError:
        pass
    shutil.rmtree(pending, ignore_errors=True)


def recover(path: str | Path, *, discard: bool = True) -> str | None:
    """Finish or drop an interrupted write of the corpus at ``path``.

    A ``.pending/`` directory with a ``COMMIT`` marker is rolled forward (its files renamed into
    place); without the marker it is deleted.  Writers call this holding the lock
    (``discard=True``).  Readers (``discard=False``) only roll forward, and only when they can
    take the lock: a writer holding it finishes its own commit.  Returns ``"rolled-forward"``,
    ``"discarded"`` or ``None``."""
    corpus = Path(path)
    pending = corpus / PENDING_DIR
    if not pending.is_dir():
        return None
    if not discard:
        if not (pending / COMMIT_MARKER).exists():
            return None
        lock = try_writer_lock(corpus)
        if lock is None:
            return None
        try:
            return recover(corpus, discard=True) if (pending / COMMIT_MARKER).exists() else None
        finally:
            lock.release()
    if (pending / COMMIT_MARKER).exists():
        _roll_forward(corpus, pending)
        return "rolled-forward"
    shutil.rmtree(pending, ignore_errors=True)
    return "discarded"


def _json_line(record: dict[str, Any]) -> bytes:
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


class CorpusTransaction:
    """One all-or-nothing rewrite of a corpus directory (a context manager).

    ``with CorpusTransaction(dir) as tx``: the lock is taken and any interrupted earlier write
    recovered; write rows with :meth:`add_document` / :meth:`add_passage` / the raw ``*_line``
    methods (unchanged rows can be copied byte for byte), then :meth:`commit` the manifest.
    Leaving the block without committing discards everything written."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.pending = self.path / PENDING_DIR
        self._lock_obj: WriterLock | None = None
        self._hashes = {DOCUMENTS_FILE: hashlib.sha256(), PASSAGES_FILE: hashlib.sha256()}
        self._sizes = {DOCUMENTS_FILE: 0, PASSAGES_FILE: 0}
        self._docs: IO[bytes] | None = None
        self._passages: IO[bytes] | None = None
        self.committed = False
        #: :attr:`Corpus.fingerprint` of the state this transaction committed.
        self.fingerprint: str | None = None

    # lock ---------------------------------------------------------------------------------
    def _lock(self) -> None:
        self._lock_obj = WriterLock(self.path).acquire()

    def __enter__(self) -> CorpusTransaction:
        self._lock()
        recover(self.path, discard=True)
        try:
            self.pending.mkdir()
            self._docs = open(self.pending / DOCUMENTS_FILE, "wb")
            self._passages = open(self.pending / PASSAGES_FILE, "wb")
        except OSError as err:
            self._abort()
            raise CorpusError(f"cannot write the corpus at {self.path}: {err.strerror or err}") from err
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if not self.committed:
            self._abort()
        self._close_files()
        self._unlock()
        if isinstance(exc, OSError):  # a full disk, a file size limit, a folder gone: one clear line
            state = "the write was committed" if self.committed else "the corpus was left as it was"
            reason = exc.strerror or exc
            raise CorpusError(f"cannot write the corpus at {self.path}: {reason}; {state}") from exc

    # writing -------------------------------------------------------------------------------
    def document_line(self, line: bytes) -> None:
        """Append one already serialized ``documents.jsonl`` line (ending in a newline)."""
        assert self._docs is not None
        self._docs.write(line)
        self._hashes[DOCUMENTS_FILE].update(line)
        self._sizes[DOCUMENTS_FILE] += len(line)

    def passage_line(self, line: bytes | memoryview) -> None:
        """Append already serialized ``passages.jsonl`` lines (one or more, each ending in a newline)."""
        assert self._passages is not None
        self._passages.write(line)
        self._hashes[PASSAGES_FILE].update(line)
        self._sizes[PASSAGES_FILE] += len(line)

    def passages_mark(self) -> tuple[int, Any]:
        """Where the passage lines written so far end (for :meth:`rewind_passages`)."""
        return self._sizes[PASSAGES_FILE], self._hashes[PASSAGES_FILE].copy()

    def rewind_passages(self, mark: tuple[int, Any]) -> None:
        """Forget the passage lines written since ``mark``."""
        assert self._passages is not None
        size, digest = mark
        self._passages.flush()
        self._passages.truncate(size)
        self._passages.seek(size)
        self._sizes[PASSAGES_FILE] = size
        self._hashes[PASSAGES_FILE] = digest.copy()

    def scratch(self, name: str) -> Path:
        """A path for a temporary file inside the pending directory (deleted with it)."""
        return self.pending / name

    def add_document(self, doc: Document) -> None:
        self.document_line(_json_line(doc.to_dict()))

    def add_passage(self, passage: Passage) -> None:
        self.passage_line(_json_line(passage.to_dict()))

    def commit(self, manifest: dict[str, Any]) -> None:
        """Make everything written the corpus: files synced, COMMIT marker, renames, manifest last.

        The manifest gets ``files``: the size and SHA-256 of each data file (``bicorpus check``)."""
        assert self._docs is not None and self._passages is not None
        manifest = {**manifest, "files": {name: {"size": self._sizes[name], "sha256": h.hexdigest()}
                                          for name, h in self._hashes.items()}}
        manifest["checksum"] = manifest_checksum(manifest)
        try:
            for fh in (self._docs, self._passages):
                fh.flush()
                os.fsync(fh.fileno())
                fh.close()
            body = (json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")
            self.fingerprint = hashlib.sha256(body).hexdigest()
            with open(self.pending / MANIFEST_FILE, "wb") as fh:
                fh.write(body)
                fh.flush()
                os.fsync(fh.fileno())
            _fsync_dir(self.pending)
            with open(self.pending / COMMIT_MARKER, "wb") as fh:
                fh.flush()
                os.fsync(fh.fileno())
            _fsync_dir(self.pending)
        except OSError as err:
            raise CorpusError(f"cannot write the corpus at {self.path}: {err.strerror or err}") from err
        self.committed = True
        _roll_forward(self.path, self.pending)

    # cleanup -------------------------------------------------------------------------------
    def _close_files(self) -> None:
        for fh in (self._docs, self._passages):
            if fh is not None and not fh.closed:
                fh.close()

    def _abort(self) -> None:
        self._close_files()
        if not (self.pending / COMMIT_MARKER).exists():
            shutil.rmtree(self.pending, ignore_errors=True)

    def _unlock(self) -> None:
        if self._lock_obj is not None:
            self._lock_obj.release()
            self._lock_obj = None


def read_manifest(path: str | Path) -> dict[str, Any] | None:
    """The manifest of the corpus at ``path`` (after recovery), ``None`` if there is no corpus yet."""
    corpus = Path(path)
    manifest_path = corpus / MANIFEST_FILE
    if not manifest_path.exists():
        return None
    return open_corpus(corpus).manifest


def iter_raw_lines(path: str | Path, name: str) -> Iterator[tuple[bytes, dict[str, Any]]]:
    """``(raw line, parsed row)`` of a corpus JSONL file, for copying rows unchanged.

    Each row is checked before it is handed out: a corrupt row (see :func:`row_problem`) or a
    repeated id is a :class:`CorpusError` naming the file and line: a damaged row is never
    carried into the next corpus."""
    file = Path(path) / name
    record: type = Passage if name == PASSAGES_FILE else Document
    ids: set[str] = set()
    try:
        fh = file.open("rb")
    except FileNotFoundError as err:
        raise CorpusError(f"corpus file {file} is missing") from err
    with fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = loads_row(line)
            except ValueError as err:
                raise CorpusError(f"{file}:{lineno}: corrupt JSON line ({err})") from err
            problem = row_problem(row, record)
            if problem:  # a damaged row is never copied into the next corpus
                raise CorpusError(f"{file}:{lineno}: corrupt row ({problem})")
            if row["id"] in ids:
                raise CorpusError(f"{file}:{lineno}: corrupt row (id {row['id'][:80]!r} repeats an earlier "
                                  "row)")
            ids.add(row["id"])
            yield (line if line.endswith(b"\n") else line + b"\n"), row
