"""The writer lock of a corpus directory, and the commit lock readers share.

**Writer lock** (``corpus/.lock``): an exclusive ``flock`` held for a whole write.  The kernel
drops it when the holder dies (even by SIGKILL), so a lock left by a dead process is simply
free: the next writer takes it over, in one atomic system call, with no race.  The holder
writes its PID, host, start time and command into the file so that a refused writer can say
who holds it::

    corpus at corpus is locked by PID 1234 on host since 2026-11-24T10:12:03Z
    (bicorpus ingest); wait for it or, if that process is gone, run again

**Commit lock** (``corpus/.commit-lock``): held exclusively by a writer only while it renames
the new files into place, and shared by readers while they open the files, so a reader opens
``documents.jsonl``, ``passages.jsonl`` and ``manifest.json`` all from before or all from after
a commit.
"""

from __future__ import annotations

import ctypes
import functools
import json
import os
import signal
import socket
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from .errors import BicorpusError, CorpusError, SearchIndexError

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - other systems: no locking
    fcntl = None  # type: ignore[assignment]

LOCK_FILE = ".lock"
#: The writer lock of an index directory (a name no engine uses for its own files).
INDEX_LOCK_FILE = ".bicorpus-lock"
COMMIT_LOCK_FILE = ".commit-lock"


@dataclass(frozen=True)
class LockInfo:
    """Who holds (or last held) a writer lock."""

    pid: int
    host: str
    since: str
    command: str = ""

    def alive(self) -> bool | None:
        """Whether the holder still runs (``None`` when it is on another host: unknown)."""
        if self.host != socket.gethostname():
            return None
        return pid_alive(self.pid)

    @classmethod
    def parse(cls, raw: bytes) -> LockInfo | None:
        try:
            data = json.loads(raw.decode("utf-8"))
            return cls(int(data["pid"]), str(data["host"]), str(data["since"]), str(data.get("command", "")))
        except (ValueError, KeyError, TypeError, AttributeError):
            return None


def of_a_gone_process(pid: str) -> bool:
    """Whether ``pid`` (a process id written in a file's name) names another process of this host
    that is gone: what it left behind (a staging folder, a temporary record) can be removed."""
    return pid.isdigit() and int(pid) != os.getpid() and not pid_alive(int(pid))


def pid_alive(pid: int) -> bool:
    """Whether a process with this id exists on this host."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    except OSError:
        return False
    return True


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _command() -> str:
    """What the holder is, for the message: ``bicorpus ingest`` from the command line."""
    name = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else ""
    if name == "bicorpus" and len(sys.argv) > 1:
        return f"bicorpus {sys.argv[1]}"[:60]
    return "bicorpus writer"


def read_lock_info(corpus: str | Path, name: str = LOCK_FILE) -> LockInfo | None:
    """The holder recorded in the writer lock file (it may be gone)."""
    try:
        return LockInfo.parse((Path(corpus) / name).read_bytes()[:4096])
    except OSError:
        return None


def locked_message(corpus: Path, info: LockInfo | None, kind: str = "corpus") -> str:
    if info is None or info.alive() is False:
        who = "another process"
    else:
        host = "" if info.host == socket.gethostname() else f" on {info.host}"
        what = f" (another {info.command})" if info.command else ""
        who = f"PID {info.pid}{host} since {info.since}{what}"
    return f"{kind} at {corpus} is locked by {who}; wait for it or, if that process is gone, run again"


_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """In a forked child: be killed when the parent dies (Linux ``PR_SET_PDEATHSIG``), and leave
    Ctrl-C to the parent (which stops its helpers): a helper printing its own ``KeyboardInterrupt``
    traceback, or ending before its parent's clean-up asks it to, helps nobody."""
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except (OSError, ValueError):  # pragma: no cover - not the main thread
        pass
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        return
    if os.getppid() == 1:  # the parent died before the call above: adopted by init
        os._exit(1)


@functools.cache
def guard_forked_children() -> None:
    """Make every process this one forks from now on die with it.

    A writer's forked helpers (Whoosh's multi-process index writer) inherit its locks; if the
    writer is killed (SIGKILL) they would linger forever, holding the corpus lock and the index
    write lock.  Installed once per process; a no-op where ``prctl`` does not exist."""
    if not sys.platform.startswith("linux"):  # pragma: no cover
        return
    os.register_at_fork(after_in_child=_die_with_parent)


class WriterLock:
    """The exclusive writer lock of one corpus directory (a context manager).

    Raises :class:`CorpusError` naming the holder when another live process has it.
    ``previous`` is the holder recorded before this one took the lock over (a dead process, or
    ``None``)."""

    def __init__(self, corpus: str | Path, *, what: str = "corpus", name: str = LOCK_FILE,
                 error: type[BicorpusError] = CorpusError) -> None:
        self.corpus = Path(corpus)
        self.what, self.name, self.error = what, name, error
        self._fh: BinaryIO | None = None
        self.previous: LockInfo | None = None

    @property
    def held(self) -> bool:
        return self._fh is not None

    def acquire(self) -> WriterLock:
        guard_forked_children()
        try:
            self.corpus.mkdir(parents=True, exist_ok=True)
            fh = open(self.corpus / self.name, "a+b", buffering=0)  # unbuffered: no late flush to fail
        except OSError as err:
            raise self.error(f"cannot write the {self.what} at {self.corpus}: {err.strerror or err}") from err
        if fcntl is not None:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                fh.close()
                info = read_lock_info(self.corpus, self.name)
                raise self.error(locked_message(self.corpus, info, self.what)) from None
        fh.seek(0)
        self.previous = LockInfo.parse(fh.read(4096))
        info = {"pid": os.getpid(), "host": socket.gethostname(), "since": _now(), "command": _command()}
        try:
            fh.seek(0)
            fh.truncate()
            fh.write(json.dumps(info).encode("utf-8") + b"\n")
        except OSError:
            pass  # the flock is what excludes; the record is informative only
        self._fh = fh
        return self

    def release(self) -> None:
        fh, self._fh = self._fh, None
        if fh is None:
            return
        try:
            fh.seek(0)
            fh.truncate()  # no holder any more
        except OSError:
            pass
        fh.close()  # drops the flock

    def __enter__(self) -> WriterLock:
        return self if self.held else self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def index_lock(index: str | Path) -> WriterLock:
    """The writer lock of an index directory (``.bicorpus-lock`` in it), taken by whoever writes
    the index: two corpora sharing one index cannot write it at once."""
    if Path(index).exists() and not Path(index).is_dir():
        raise SearchIndexError(f"{index} is a file, not an index folder: give the index folder with --index")
    return WriterLock(index, what="index", name=INDEX_LOCK_FILE, error=SearchIndexError)


def try_writer_lock(corpus: str | Path) -> WriterLock | None:
    """The writer lock if it is free right now, else ``None`` (never raises)."""
    lock = WriterLock(corpus)
    try:
        return lock.acquire()
    except CorpusError:
        return None


@contextmanager
def commit_lock(corpus: str | Path, *, shared: bool) -> Iterator[None]:
    """Hold the commit lock: ``shared`` for a reader opening the files, exclusive for the renames.

    A reader that cannot open or create the lock file (a read-only copy of a corpus, where no
    writer can run either) proceeds without it."""
    path = Path(corpus) / COMMIT_LOCK_FILE
    fd: int | None = None
    for flags in ((os.O_RDWR | os.O_CREAT, os.O_RDONLY) if shared else (os.O_RDWR | os.O_CREAT,)):
        try:
            fd = os.open(path, flags, 0o644)
            break
        except OSError as err:
            if not shared:
                raise CorpusError(f"cannot write the corpus at {corpus}: {err.strerror or err}") from err
    try:
        if fd is not None and fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
        yield
    finally:
        if fd is not None:
            os.close(fd)


def lock_status(corpus: str | Path) -> dict[str, Any]:
    """For ``bicorpus check``: whether a writer holds the lock now, and who (the lock is only probed)."""
    path = Path(corpus) / LOCK_FILE
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return {"locked": False}
    try:
        if fcntl is None:
            return {"locked": False}
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            info = read_lock_info(corpus)
            return {"locked": True, "pid": info.pid if info else None, "since": info.since if info else None}
        return {"locked": False}
    finally:
        os.close(fd)  # drops a probe lock with it
