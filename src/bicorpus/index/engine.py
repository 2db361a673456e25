"""The boundary between bicorpus and a search engine.

Everything above this line (analysis, query language, tiers, explanations) is
engine-independent; an engine only stores passages with pre-analysed term
streams and runs the small query algebra below.  The Tantivy engine (the default for a new
index) lives in :mod:`bicorpus.index.tantivy_engine`, the only module that imports tantivy; the
Whoosh engine (pure Python, ``--engine whoosh``) in :mod:`bicorpus.index.whoosh_engine`, the only
module that imports Whoosh.  Both are fed the same analysed term streams, so they match the
same passages.  Which engine an index directory uses is recorded in its ``engine.json``;
opening an index opens whichever engine built it (an index from before that record is told
apart by its files: Tantivy's ``meta.json`` or Whoosh's table of contents).
"""

from __future__ import annotations

import importlib
import json
import os
import re
import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from ..errors import SearchIndexError
from ..lock import of_a_gone_process

T = TypeVar("T")

#: Stored, filterable metadata fields of a passage.
META_FIELDS: tuple[str, ...] = ("id", "doc", "lang", "region", "section", "date")
#: Stored-only fields of a passage.
STORED_FIELDS: tuple[str, ...] = ("text", "title", "author", "ordinal", "start", "end", "mentions",
                                  "honorific", "linked_title", "lang_share")
#: Stored field holding a passage's gazetteer mentions (:func:`bicorpus.index.analysis.encode_mentions`).
MENTIONS_FIELD = "mentions"


@dataclass(frozen=True)
class TermQ:
    field: str
    text: str


@dataclass(frozen=True)
class PhraseQ:
    """Adjacent positions; each slot lists alternative terms for that position."""

    field: str
    slots: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class PrefixQ:
    field: str
    text: str


@dataclass(frozen=True)
class RangeQ:
    """``low <= value <= high`` on a keyword field (either end open when ``None``)."""

    field: str
    low: str | None
    high: str | None


@dataclass(frozen=True)
class AllQ:
    items: tuple[EngineQuery, ...]


@dataclass(frozen=True)
class AnyQ:
    items: tuple[EngineQuery, ...]


@dataclass(frozen=True)
class NotQ:
    """Excludes what ``item`` matches (meaningful inside :class:`AllQ`)."""

    item: EngineQuery


EngineQuery = TermQ | PhraseQ | PrefixQ | RangeQ | AllQ | AnyQ | NotQ


def prune(q: EngineQuery, has_term: Callable[[str, str], bool]) -> EngineQuery | None:
    """``q`` without the terms the index lacks; ``None`` when it can match nothing.

    Lets the search skip a tier level that adds nothing the index holds."""
    if isinstance(q, TermQ):
        return q if has_term(q.field, q.text) else None
    if isinstance(q, PhraseQ):
        slots = tuple(tuple(t for t in slot if has_term(q.field, t)) for slot in q.slots)
        return PhraseQ(q.field, slots) if all(slots) else None
    if isinstance(q, AnyQ):
        items = tuple(p for p in (prune(i, has_term) for i in q.items) if p is not None)
        return None if not items else items[0] if len(items) == 1 else AnyQ(items)
    if isinstance(q, AllQ):
        kept: list[EngineQuery] = []
        for item in q.items:
            if isinstance(item, NotQ):
                inner = prune(item.item, has_term)
                if inner is not None:
                    kept.append(NotQ(inner))
            elif (p := prune(item, has_term)) is None:
                return None
            else:
                kept.append(p)
        return AllQ(tuple(kept))
    if isinstance(q, NotQ):
        inner = prune(q.item, has_term)
        return NotQ(inner) if inner is not None else AllQ(())
    return q


@dataclass(frozen=True)
class IndexedPassage:
    """What an engine stores for one passage: metadata, text and the analysed term streams
    (``terms[field][position]`` lists the terms at that position)."""

    fields: dict[str, Any]
    terms: dict[str, list[tuple[str, ...]]]


class Engine(Protocol):
    """What bicorpus needs from a search engine."""

    path: Path

    def write(self, adds: Iterable[IndexedPassage], delete_docs: Iterable[str] = (), *,
              clear: bool = False, bulk: bool = False) -> int:
        """Delete every passage of ``delete_docs``, add ``adds``, commit atomically; ``clear`` empties
        the index first; ``bulk`` tunes the writer for large builds.  Returns the number added."""
        ...

    def build(self, shards: Sequence[Iterable[T]], analyse: Callable[[T], IndexedPassage], *,
              foresee: Callable[[Iterable[bytes]], Iterable[str]] | None = None) -> int:
        """Empty the index and add ``analyse(item)`` for every item of every shard, in shard order,
        committed atomically; shards may be read, analysed and written in parallel (several when the
        input is large: :func:`bicorpus.index.parallel.shard_count`).  Returns the number added.
        ``foresee``: the terms at shared positions of raw corpus rows, for an engine that wants to
        know them beforehand (:func:`bicorpus.index.search.foreseen_terms`)."""
        ...

    def search(self, query: EngineQuery, *, limit: int, filter: EngineQuery | None = None,
               mask: EngineQuery | None = None) -> list[tuple[dict[str, Any], float]]:
        """Best ``limit`` passages (stored fields, score) matching ``query`` and ``filter``, not ``mask``."""
        ...

    def count(self, query: EngineQuery, *, filter: EngineQuery | None = None) -> int:
        ...

    # optional: ``search_counted(query, *, limit, filter=None, mask=None) -> (hits, total)``, the hits
    # of :meth:`search` and the number of passages they are the best of, in one pass
    # (:func:`search_counted` falls back on a search and a count).
    # optional: ``count_soon(query, *, filter=None) -> Callable[[], int] | None``, :meth:`count`
    # started on another thread, the function waiting for it (:func:`count_soon`).

    def has_term(self, field: str, text: str) -> bool:
        """Whether any passage holds ``text`` in ``field``."""
        ...

    def stored(self, passage_id: str) -> dict[str, Any] | None:
        ...

    def doc_passages(self, doc_id: str) -> list[dict[str, Any]]:
        ...

    def iter_stored(self) -> Iterator[dict[str, Any]]:
        ...

    def doc_count(self) -> int:
        ...

    def pinned(self) -> AbstractContextManager[None]:
        """A block within which every call of this thread reads the same commit."""
        ...

    def close(self) -> None:
        ...


def search_counted(engine: Engine, query: EngineQuery, *, limit: int, filter: EngineQuery | None = None,
                   mask: EngineQuery | None = None) -> tuple[list[tuple[dict[str, Any], float]], int]:
    """``engine.search(...)`` and the number of passages matching ``query`` and ``filter``, not ``mask``:
    in one engine pass when the engine offers one, else a search and a count."""
    own = getattr(engine, "search_counted", None)
    if own is not None:
        return own(query, limit=limit, filter=filter, mask=mask)  # type: ignore[no-any-return]
    rows = engine.search(query, limit=limit, filter=filter, mask=mask)
    counted = query if mask is None else AllQ((query, NotQ(mask)))
    return rows, engine.count(counted, filter=filter)


def count_soon(engine: Engine, query: EngineQuery, *,
               filter: EngineQuery | None = None) -> Callable[[], int] | None:
    """The function that waits for ``engine.count(query, filter=filter)`` started now on another
    thread, so that the count runs while the caller goes on; ``None`` when the engine cannot count
    on another thread (``count_soon``), or finds this count too cheap to be worth one."""
    own = getattr(engine, "count_soon", None)
    return own(query, filter=filter) if own is not None else None


#: Engine name → (module, class).  Only these modules import an engine library.
ENGINES: dict[str, tuple[str, str]] = {
    "whoosh": ("bicorpus.index.whoosh_engine", "WhooshEngine"),
    "tantivy": ("bicorpus.index.tantivy_engine", "TantivyEngine"),
}
DEFAULT_ENGINE = "tantivy"
#: File in an index directory naming its engine (absent: told by the index files, else the default).
ENGINE_FILE = "engine.json"
#: Python package each engine needs, for the message when it is missing.
_EXTRAS = {"tantivy": "pip install tantivy (or build the index with --engine whoosh)"}


def check_engine_name(name: str) -> str:
    if name not in ENGINES:
        raise SearchIndexError(f"unknown engine {name!r}: use one of {', '.join(ENGINES)}")
    return name


def engine_class(name: str) -> Any:
    """The engine class called ``name`` (its library imported now)."""
    module, cls = ENGINES[check_engine_name(name)]
    try:
        return getattr(importlib.import_module(module), cls)
    except ImportError as err:
        hint = _EXTRAS.get(name, "reinstall bicorpus")
        raise SearchIndexError(f"the {name} engine is not installed: {hint}") from err


def index_engine(path: str | Path) -> str:
    """The engine the index at ``path`` uses (or will be built with).

    The version record of a built index names the engine whose files it describes, and wins: an
    engine change commits by replacing that record (:func:`convert_index`); then the engine record."""
    return _engine_records(Path(path))[0]


def wanted_engine(path: str | Path) -> str:
    """The engine the index at ``path`` is to be built with next: the one asked for by
    :func:`set_index_engine` while the index is still another engine's, else its own."""
    return _engine_records(Path(path))[1]


def _engine_records(path: Path) -> tuple[str, str]:
    """``(engine of the index, engine wanted next)`` at ``path``."""
    if path.exists() and not path.is_dir():
        raise SearchIndexError(f"{path} is a file, not an index folder: give the index folder with --index")
    try:
        data = json.loads((path / ENGINE_FILE).read_text("utf-8"))
    except FileNotFoundError:
        data = None
    except (OSError, ValueError) as err:
        raise SearchIndexError(f"index at {path} has an unreadable {ENGINE_FILE}: "
                               "run `bicorpus reindex`") from err
    if data is not None:
        name = data.get("engine") if isinstance(data, dict) else None
        if not isinstance(name, str) or name not in ENGINES:
            raise SearchIndexError(f"index at {path} names an unknown engine ({name!r}): "
                                   "run `bicorpus reindex`")
    built = _recorded_engine(path)
    used = built or (name if data is not None else _engine_by_files(path))
    wanted = data.get("next") if isinstance(data, dict) else None
    if data is not None and built is not None and built != name:
        wanted = wanted or name  # a conversion committed while the engine record still named the old one
    return used, wanted if isinstance(wanted, str) and wanted in ENGINES else used


def _recorded_engine(path: Path) -> str | None:
    """The engine the version record of a built index names (``None``: none named)."""
    from .search import VERSION_FILE

    try:
        data = json.loads((path / VERSION_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    name = data.get("engine") if isinstance(data, dict) else None
    return name if isinstance(name, str) and name in ENGINES else None


def _engine_by_files(path: Path) -> str:
    """The engine of an index without an engine record, by its files (none: the default engine)."""
    if (path / "meta.json").is_file():
        return "tantivy"
    try:
        if any(name.endswith(".toc") for name in os.listdir(path)):
            return "whoosh"
    except OSError:
        pass
    return DEFAULT_ENGINE


def set_index_engine(path: str | Path, name: str) -> bool:
    """Make ``name`` the engine of the index directory at ``path``; returns whether the wish changed.

    With no index there yet, the engine is recorded for the one to be built.  An index of another
    engine stays as it is, searchable, and the wish is recorded beside it: the next ingest or
    reindex builds the index anew with ``name`` beside the old one and replaces it in one step
    (:func:`convert_index`), leaving only the new engine's files."""
    check_engine_name(name)
    path = Path(path)
    used, wanted = _engine_records(path)
    if wanted == name:
        return False
    engine_class(name)  # a missing library is reported before anything changes
    path.mkdir(parents=True, exist_ok=True)
    if used == name or not has_engine_files(path, used):
        _replace_json(path / ENGINE_FILE, {"engine": name})
    else:
        _replace_json(path / ENGINE_FILE, {"engine": used, "next": name})
    return True


#: Folder inside an index folder where another engine's index is built before it replaces the
#: index (``.convert-PID``).
CONVERT_PREFIX = ".convert-"
#: Files of Tantivy's segments: ``<32 hex digits>.<component>`` and ``<32 hex>.<opstamp>.del``.
_TANTIVY_SEGMENT_RE = re.compile(r"[0-9a-f]{32}(\.\d+)?\.(idx|pos|term|store|fast|fieldnorm|del)")
_TANTIVY_FILES = frozenset({"meta.json", ".managed.json", ".tantivy-meta.lock", ".tantivy-writer.lock"})


def is_engine_file(name: str, engine: str) -> bool:
    """Whether a file of an index folder called ``name`` belongs to ``engine``'s index."""
    if engine == "whoosh":
        return name.startswith(("_MAIN_", "MAIN_"))
    return name in _TANTIVY_FILES or _TANTIVY_SEGMENT_RE.fullmatch(name) is not None


def has_engine_files(path: Path, engine: str) -> bool:
    try:
        return any(is_engine_file(name, engine) for name in os.listdir(path))
    except OSError:
        return False


def remove_engine_files(path: Path, engine: str) -> None:
    """Delete ``engine``'s files from the index folder at ``path`` (those of an index no record
    names: left by a conversion that was interrupted, or replaced by one)."""
    for name in os.listdir(path):
        if is_engine_file(name, engine):
            try:
                os.unlink(path / name)
            except FileNotFoundError:
                pass
            except IsADirectoryError:
                shutil.rmtree(path / name, ignore_errors=True)


def tidy_index(path: str | Path) -> None:
    """Remove what interrupted writes left in the index folder at ``path``: the folders of
    conversions and the temporary records whose process is gone, and the files of an engine the
    records do not name (the index of a conversion that did not commit, or the old index of one
    that did).  Call it holding the index's writer lock."""
    path = Path(path)
    if not path.is_dir():
        return
    converting = False
    for found in path.glob(CONVERT_PREFIX + "*"):
        pid = found.name[len(CONVERT_PREFIX):]
        if of_a_gone_process(pid):
            shutil.rmtree(found, ignore_errors=True)
        else:
            converting = True
    for found in path.glob(".*.tmp"):  # a record being replaced when its writer was killed
        pid = found.name.rsplit(".", 2)[-2]
        if of_a_gone_process(pid):
            found.unlink(missing_ok=True)
    # A conversion under way moves its files in; an index from before engines were recorded is
    # told by its files, so none of them is stale.
    if converting or not (path / ENGINE_FILE).is_file():
        return
    used, wanted = _engine_records(path)
    for other in ENGINES:
        if other != used and has_engine_files(path, other):
            remove_engine_files(path, other)
    data = json.loads((path / ENGINE_FILE).read_text("utf-8"))
    if data.get("engine") != used:  # a conversion committed before the engine record was updated
        _replace_json(path / ENGINE_FILE, {"engine": used, **({"next": wanted} if wanted != used else {})})


def convert_index(path: str | Path, build: Callable[[Path], int], record: Callable[[Path, str], None]) -> int:
    """Replace the index at ``path`` by one of the engine wanted for it, built by ``build(folder)``
    in a folder of its own inside it (the old index serves meanwhile).  Then, holding the index's
    writer lock: the new engine's files are moved in beside the old ones (their names never
    collide), ``record(path, engine)`` writes the version record naming the new engine (that
    replace is the commit), the engine record follows and the old engine's files go.  A failure
    or a kill before the commit leaves the old index as it was (what the build left is removed now
    or by the next writer: :func:`tidy_index`); after it, the new index."""
    path = Path(path)
    used, wanted = _engine_records(path)
    staging = path / f"{CONVERT_PREFIX}{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        count = build(staging)
        remove_engine_files(path, wanted)  # a part left by an earlier attempt
        names = sorted(os.listdir(staging), key=lambda n: n in ("meta.json", ".managed.json") or
                       n.startswith("_MAIN_"))  # tables of contents last
        for name in names:
            if is_engine_file(name, wanted) and (staging / name).is_file():
                os.replace(staging / name, path / name)
        record(path, wanted)
    except BaseException:
        if _recorded_engine(path) != wanted:
            remove_engine_files(path, wanted)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _replace_json(path / ENGINE_FILE, {"engine": wanted})
    if wanted != used:
        remove_engine_files(path, used)
    return count


def _replace_json(target: Path, data: dict[str, Any]) -> None:
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n", "utf-8")
    os.replace(tmp, target)


def require_engine(path: str | Path, name: str | None) -> None:
    """Refuse an index built by another engine than the one asked for (``None``: any)."""
    if name is None:
        return
    used = index_engine(path)
    if check_engine_name(name) != used:
        raise SearchIndexError(f"index at {path} was built by the {used} engine: "
                               f"run `bicorpus reindex --engine {name}` first")


def open_engine(path: str | Path) -> Engine:
    """The index at ``path``, opened with the engine that built it."""
    return engine_class(index_engine(path)).open(path)  # type: ignore[no-any-return]


def create_engine(path: str | Path) -> Engine:
    """A new, empty index at ``path`` with the engine recorded for it (default: Tantivy); the engine
    is written down beside it, so the index keeps its engine whatever the default."""
    name = index_engine(path)
    engine = engine_class(name).create(path)
    if not (Path(path) / ENGINE_FILE).exists():
        _replace_json(Path(path) / ENGINE_FILE, {"engine": name})
    return engine  # type: ignore[no-any-return]
