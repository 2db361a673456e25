"""Streaming export machinery: safe output files, the writer interface, export options.

Every file is written under a hidden temporary name next to its target and moved into
place only when the whole export succeeded, so an interrupted or failed export never
leaves a half-written file and never replaces an existing one (unless ``force``).
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import stat
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, ClassVar

from ..errors import ExportError
from ..model import Document, Passage
from .matches import EntityFinder, PassageMatch
from .translit import Transliterator

#: Characters kept as they are in file names derived from document ids.
_UNSAFE_NAME_RE = re.compile(r"[^\w.\-]")
#: File names Windows refuses, whatever the extension.
_RESERVED_NAMES = frozenset(
    ["con", "prn", "aux", "nul"] + [f"com{i}" for i in range(10)] + [f"lpt{i}" for i in range(10)]
)
_MAX_NAME = 100


def safe_file_stem(doc_id: str) -> str:
    """A file-name stem for ``doc_id`` that cannot leave its folder.

    Word characters, dots and hyphens are kept (Arabic letters included); anything else
    becomes ``_``.  Whenever the id had to change (or would be hidden, reserved or very
    long) a short hash of the id is appended so that distinct ids never share a file."""
    stem = _UNSAFE_NAME_RE.sub("_", doc_id).lstrip(".")
    changed = (
        stem != doc_id
        or not stem
        or len(stem) > _MAX_NAME
        or stem.split(".")[0].lower() in _RESERVED_NAMES
    )
    if changed:
        digest = hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:10]
        stem = f"{stem[:_MAX_NAME]}-{digest}" if stem else f"doc-{digest}"
    return stem


def file_inside(folder: Path, name: str) -> Path:
    """``folder / name``, refusing any name that would resolve outside ``folder``."""
    target = (folder / name).resolve()
    if target.parent != folder.resolve():
        raise ExportError(f"refusing to write {name!r}: it would land outside {folder}")
    return target


def variant_path(path: Path, variant: str | None) -> Path:
    """``corpus.txt`` + ``ar`` → ``corpus.ar.txt``; no variant → ``path`` itself."""
    if not variant:
        return path
    return path.with_name(f"{path.stem}.{variant}{path.suffix}") if path.suffix else path.with_name(
        f"{path.name}.{variant}"
    )


#: The temporary name of a file being exported: ``.NAME.PID.part`` beside it.
_PART_RE = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.part$")


def is_stream(path: Path) -> bool:
    """Whether ``path`` names an existing device or FIFO (written to as a stream, never replaced)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode) or stat.S_ISBLK(mode)


def remove_stale_parts(folder: Path) -> int:
    """Delete the temporary files (``.NAME.PID.part``) that exports killed before they finished
    left in ``folder``: those of processes that no longer run.  Returns how many went."""
    from ..lock import pid_alive

    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        found = _PART_RE.match(entry.name)
        if found is None or int(found["pid"]) == os.getpid() or pid_alive(int(found["pid"])):
            continue
        try:
            if entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
                removed += 1
        except OSError:
            pass
    return removed


@dataclass
class _Pending:
    tmp: Path
    final: Path
    handle: IO[Any]
    #: Written in place as a stream (a device or FIFO): nothing to rename or delete.
    stream: bool = False


class Transaction:
    """Files of one export: written to temporary names, renamed into place by :meth:`commit`."""

    def __init__(self, force: bool = False) -> None:
        self.force = force
        self._pending: list[_Pending] = []
        self._targets: set[Path] = set()
        self._swept: set[Path] = set()
        self.written: list[Path] = []

    def check(self, path: Path) -> None:
        """Fail now if ``path`` may not be written (exists without ``force``, is a folder, is taken)."""
        if path.is_dir():
            raise ExportError(f"{path} is a folder; give a file name with --out")
        if path.is_socket():
            raise ExportError(f"{path} is a socket; give a file name with --out")
        if is_stream(path):
            if path.resolve() in self._targets:
                raise ExportError(f"two outputs of this export would both be written to {path}")
            return  # a device or FIFO is written to, never replaced
        if path.exists() and not self.force:
            raise ExportError(f"{path} already exists (use --force to replace it)")
        if path.resolve() in self._targets:
            raise ExportError(f"two outputs of this export would both be written to {path}")

    def open(self, path: Path, *, binary: bool = False) -> IO[Any]:
        """A new file for ``path`` (text: UTF-8, newlines written as given)."""
        self.check(path)
        if is_stream(path):
            try:
                stream: IO[Any] = (open(path, "wb") if binary
                                   else open(path, "w", encoding="utf-8", newline=""))
            except OSError as err:
                raise ExportError(f"cannot write {path}: {err.strerror or err}") from err
            self._targets.add(path.resolve())
            self._pending.append(_Pending(path, path, stream, stream=True))
            return stream
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.parent.resolve() not in self._swept:
                self._swept.add(path.parent.resolve())
                remove_stale_parts(path.parent)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
            handle: IO[Any] = open(tmp, "wb") if binary else open(tmp, "w", encoding="utf-8", newline="")
        except OSError as err:
            raise ExportError(f"cannot write {path}: {err.strerror or err}") from err
        self._targets.add(path.resolve())
        self._pending.append(_Pending(tmp, path, handle))
        return handle

    def commit(self) -> list[Path]:
        """Close every file and move it into place; returns the final paths."""
        try:
            for item in self._pending:
                item.handle.close()
            for item in self._pending:
                if not item.stream:
                    os.replace(item.tmp, item.final)
                self.written.append(item.final)
        except OSError as err:
            self.abort()
            raise ExportError(f"cannot finish writing the export: {err}") from err
        self._pending = []
        return self.written

    def abort(self) -> None:
        """Close and delete every temporary file; existing files stay untouched."""
        for item in self._pending:
            try:
                item.handle.close()
            except OSError:
                pass
            finally:
                if not item.stream:  # a device or FIFO is never deleted
                    item.tmp.unlink(missing_ok=True)
        self._pending = []

    def __enter__(self) -> Transaction:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()


class Output:
    """Where one writer's bytes go: a file (and its per-language siblings) or standard output."""

    def __init__(self, tx: Transaction, path: Path | None) -> None:
        self.tx = tx
        self.path = path

    @property
    def is_stdout(self) -> bool:
        return self.path is None

    def text(self, variant: str | None = None) -> IO[str]:
        """A UTF-8 text stream (standard output too, whatever the terminal's encoding)."""
        if self.path is None:
            return _stdout_text()
        return self.tx.open(variant_path(self.path, variant))

    def binary(self, variant: str | None = None) -> IO[bytes]:
        if self.path is None:
            return _Unclosable(sys.stdout.buffer)  # type: ignore[return-value]
        return self.tx.open(variant_path(self.path, variant), binary=True)


def _stdout_text() -> IO[str]:
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (embedded interpreters): write to it as it is
        return _Unclosable(sys.stdout)  # type: ignore[return-value]
    return _StdoutText(buffer, encoding="utf-8", newline="")


class _StdoutText(io.TextIOWrapper):
    """UTF-8 text over standard output's bytes; closing flushes and leaves standard output open."""

    _detached = False

    def close(self) -> None:
        if not self._detached:
            self._detached = True
            self.flush()
            self.detach()


class _Unclosable:
    """Standard output handed to a writer: closing it only flushes."""

    def __init__(self, stream: IO[Any]) -> None:
        self._stream = stream

    def write(self, data: Any) -> int:
        return self._stream.write(data)

    def flush(self) -> None:
        self._stream.flush()

    def close(self) -> None:
        self._stream.flush()


@dataclass(frozen=True)
class ExportOptions:
    """Choices that change what a writer produces."""

    translit: Transliterator | None = None
    excel: bool = False
    split: bool = False
    lang: str | None = None
    #: How each passage matched ``--query`` (passage id → match values); ``None`` without a query.
    matches: Mapping[str, PassageMatch] | None = None
    #: Finds the gazetteer entities named in a text (TEI name elements, the vertical entity column).
    entities: EntityFinder | None = None


@dataclass
class ExportInfo:
    """What a writer may mention about the export as a whole."""

    corpus_path: str
    manifest: dict[str, Any]
    version: str
    filters: dict[str, str] = field(default_factory=dict)


class Writer:
    """One export format, fed one document (with its selected passages) at a time.

    A writer keeps at most one document in memory; subclasses stream everything else."""

    name: ClassVar[str] = ""
    extension: ClassVar[str] = ""
    description: ClassVar[str] = ""
    needs_file: ClassVar[bool] = False

    def __init__(self, output: Output, options: ExportOptions) -> None:
        self.output = output
        self.options = options

    def begin(self, info: ExportInfo) -> None:
        """Called once before the first document."""

    def write_document(self, doc: Document, passages: Sequence[Passage]) -> None:
        raise NotImplementedError

    def end(self) -> None:
        """Called once after the last document (close files here)."""
