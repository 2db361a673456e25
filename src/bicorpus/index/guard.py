"""A damaged index is one clear line, never a traceback.

A truncated Whoosh segment or table of contents raises ``EOFError``, ``struct.error`` or
``UnpicklingError`` from deep inside Whoosh; random bytes in a Tantivy file make its Rust code
panic (``pyo3_runtime.PanicException``, a ``BaseException``) after printing a Rust backtrace.
:class:`GuardedEngine` wraps an opened engine so that every read turns such a failure into a
:class:`~bicorpus.errors.SearchIndexError` naming the index and the repair; the Rust panic
message printed on standard error is silenced while an engine call runs.
"""

from __future__ import annotations

import contextlib
import functools
import os
import pickle
import struct
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from ..errors import BicorpusError, SearchIndexError

T = TypeVar("T")

#: What reading a damaged index file raises (besides a Rust panic, recognised by its type name).
DAMAGE_ERRORS: tuple[type[BaseException], ...] = (
    EOFError, struct.error, pickle.UnpicklingError, OSError, ValueError, KeyError, IndexError,
    TypeError, AttributeError, UnicodeDecodeError, OverflowError, MemoryError, AssertionError,
)


def is_damage(err: BaseException) -> bool:
    """Whether ``err`` is what a damaged index file makes an engine raise."""
    if isinstance(err, BicorpusError | KeyboardInterrupt | SystemExit | GeneratorExit | RecursionError):
        return False
    return isinstance(err, DAMAGE_ERRORS) or type(err).__name__ == "PanicException"


def damaged_error(path: Path | str, err: BaseException) -> SearchIndexError:
    detail = " ".join(str(err).split())[:120]
    what = f"{type(err).__name__}: {detail}" if detail else type(err).__name__
    return SearchIndexError(f"index at {path} is damaged ({what}): run `bicorpus reindex`")


_QUIET_LOCK = threading.Lock()


@functools.cache
def _devnull() -> int:
    """A write descriptor on the null device, opened once for the process (every search uses it)."""
    return os.open(os.devnull, os.O_WRONLY)


@contextmanager
def rust_panics_quiet() -> Iterator[None]:
    """Keep a Rust panic's message off standard error (the hook pyo3 installs prints it there
    before the exception reaches Python).  Honoured when ``RUST_BACKTRACE`` is unset, and only
    by the first thread to enter: file descriptor 2 is shared by the whole process."""
    if os.environ.get("BICORPUS_DEBUG") or not _QUIET_LOCK.acquire(blocking=False):
        yield
        return
    saved = None
    try:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.flush()
            saved = os.dup(2)
            os.dup2(_devnull(), 2)
        yield
    finally:
        if saved is not None:
            os.dup2(saved, 2)
            os.close(saved)
        _QUIET_LOCK.release()


def guarded(path: Path | str, call: Callable[[], T], *, quiet: bool = False) -> T:
    """``call()``, with damage to the index at ``path`` reported as a :class:`SearchIndexError`."""
    try:
        if quiet:
            with rust_panics_quiet():
                return call()
        return call()
    except BaseException as err:
        if is_damage(err):
            raise damaged_error(path, err) from None
        raise


def guard_reads(method: Callable[..., T]) -> Callable[..., T]:
    """A :class:`~bicorpus.index.search.SearchIndex` method whose engine reads report a damaged
    index (at ``self.path``) as one :class:`SearchIndexError`."""

    @functools.wraps(method)
    def call(self: Any, *args: Any, **kwargs: Any) -> T:
        return guarded(self.path, lambda: method(self, *args, **kwargs), quiet=self._quiet)

    return call


def guarded_iter(path: Path, rows: Iterator[T], *, quiet: bool = False) -> Iterator[T]:
    """``rows``, each step guarded as :func:`guarded` guards a call."""
    while True:
        try:
            row = guarded(path, lambda: next(rows), quiet=quiet)
        except StopIteration:
            return
        yield row


def open_guarded(path: Path, opener: Callable[[Path], T]) -> tuple[T, bool]:
    """``opener(path)`` (an engine) with damage reported as one line, and whether the engine's
    panics must be kept quiet (Tantivy)."""
    quiet = False
    try:
        from .engine import index_engine

        quiet = index_engine(path) == "tantivy"
    except BicorpusError:
        pass
    return guarded(path, lambda: opener(path), quiet=quiet), quiet
