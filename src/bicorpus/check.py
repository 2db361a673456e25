"""Consistency of a corpus and its index: ``bicorpus check``, and keeping the index in step.

:func:`check` verifies, without changing anything:

* the corpus: it opens; no interrupted write is left half done; ``documents.jsonl`` and
  ``passages.jsonl`` have the sizes and SHA-256 the manifest records; every line parses; the
  counts (documents, passages, languages, regions, passages per document) agree with the
  manifest; passage ids are unique and belong to known documents;
* the index: it opens and was built by this version; it records the fingerprint of the
  corpus state it reflects, and that is the corpus's current one; it holds as many passages
  as the corpus, with the same ids.

Each problem comes with how to repair it.  :func:`sync_index` is what ``ingest`` runs after the
corpus is committed: an incremental index update when the index reflected the state the run
started from, a rebuild when it did not (an earlier run killed between the corpus commit and the
index commit), nothing when it is already current.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .corpus import (
    COMMIT_MARKER,
    DOCUMENTS_FILE,
    MANIFEST_FILE,
    PASSAGES_FILE,
    PENDING_DIR,
    Corpus,
    manifest_checksum,
    open_corpus,
)
from .errors import BicorpusError, CorpusError, SearchIndexError
from .lock import WriterLock, index_lock, lock_status, try_writer_lock
from .model import Document, Passage

if TYPE_CHECKING:
    from .index import SearchIndex
    from .index.analysis import NameModel

REINDEX = "run `bicorpus reindex` (or `bicorpus ingest`, which repairs the index itself)"
REINGEST = ("rebuild it from the sources: `bicorpus ingest SOURCES --corpus NEW_DIR --no-index`, replace the "
            "damaged folder with NEW_DIR, then `bicorpus reindex`")


@dataclass(frozen=True)
class Problem:
    """One disagreement found by :func:`check`."""

    where: str  # "corpus" or "index"
    what: str
    repair: str

    def to_dict(self) -> dict[str, str]:
        return {"where": self.where, "what": self.what, "repair": self.repair}


@dataclass
class CheckReport:
    """What :func:`check` found: figures and problems (``ok`` when there are none)."""

    corpus: str
    index: str | None
    facts: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def add(self, where: str, what: str, repair: str) -> None:
        self.problems.append(Problem(where, what, repair))

    def to_dict(self) -> dict[str, Any]:
        return {"corpus": self.corpus, "index": self.index, "ok": self.ok, **self.facts,
                "problems": [p.to_dict() for p in self.problems]}


# --- the corpus ---------------------------------------------------------------------------------


def _check_files(corpus: Corpus, report: CheckReport) -> None:
    checksum = corpus.manifest.get("checksum")
    if checksum is None and "files" in corpus.manifest:  # both are written together
        report.add("corpus", "manifest.json has lost its checksum: it was changed or damaged outside "
                   "bicorpus", REINGEST)
    elif checksum is not None and checksum != manifest_checksum(corpus.manifest):
        report.add("corpus", "manifest.json does not match its checksum: it was changed or damaged outside "
                   "bicorpus", REINGEST)
    recorded = corpus.manifest.get("files")
    if not isinstance(recorded, dict):
        report.facts["file_hashes"] = "not recorded (corpus written by an older bicorpus)"
        return
    report.facts["file_hashes"] = "match"
    for name in (DOCUMENTS_FILE, PASSAGES_FILE):
        want = recorded.get(name) or {}
        size, sha = corpus.file_digest(name)
        if want.get("size") != size or want.get("sha256") != sha:
            report.facts["file_hashes"] = "differ"
            report.add("corpus", f"{name} does not match its manifest record (size {size}, expected "
                       f"{want.get('size')}; the SHA-256 differs): the file was changed or damaged "
                       "outside bicorpus", REINGEST)


def _check_rows(corpus: Corpus, report: CheckReport) -> set[str]:
    manifest = corpus.manifest
    doc_passages: dict[str, int] = {}
    sources: dict[str, str] = {}
    for _, doc in corpus._records(DOCUMENTS_FILE, Document):
        doc_passages[doc.id] = doc.n_passages
        sources[doc.path] = doc.sha256
    if isinstance(manifest.get("sources"), dict) and manifest["sources"] != sources:
        differ = sorted(set(manifest["sources"].items()) ^ set(sources.items()))
        report.add("corpus", f"manifest sources disagree with {DOCUMENTS_FILE} ({len(differ)} entries, "
                   f"first: {differ[0][0]})", REINGEST)
    ids: set[str] = set()
    per_doc: Counter[str] = Counter()
    langs: Counter[str] = Counter()
    regions: Counter[str] = Counter()
    duplicates = orphans = 0
    for row, _ in corpus._records(PASSAGES_FILE, Passage):
        pid = str(row.get("id"))
        if pid in ids:
            duplicates += 1
        ids.add(pid)
        doc = str(row.get("doc_id"))
        if doc not in doc_passages:
            orphans += 1
        per_doc[doc] += 1
        langs[str(row.get("lang"))] += 1
        regions[str(row.get("region"))] += 1
    report.facts["documents"] = len(doc_passages)
    report.facts["passages"] = len(ids)
    expected = {"documents": len(doc_passages), "passages": sum(per_doc.values()),
                "langs": dict(langs), "regions": dict(regions)}
    for key, value in expected.items():
        if key in manifest and manifest[key] != value:
            report.add("corpus", f"manifest says {key} {manifest[key]}, the files hold {value}", REINGEST)
    if duplicates:
        report.add("corpus", f"{duplicates} duplicate passage ids in {PASSAGES_FILE}", REINGEST)
    if orphans:
        report.add("corpus", f"{orphans} passages belong to no document in {DOCUMENTS_FILE}", REINGEST)
    wrong = [d for d, n in doc_passages.items() if per_doc.get(d, 0) != n]
    if wrong:
        report.add("corpus", f"{len(wrong)} documents have another number of passages than recorded "
                   f"(first: {wrong[0]})", REINGEST)
    return ids


def check_corpus(path: str | Path, report: CheckReport) -> tuple[Corpus | None, set[str]]:
    corpus_dir = Path(path)
    status = lock_status(corpus_dir)
    if status.get("locked"):
        report.facts["writer"] = f"PID {status.get('pid')} since {status.get('since')} (a write is running)"
    pending = corpus_dir / PENDING_DIR
    if pending.is_dir() and not status.get("locked"):
        committed = (pending / COMMIT_MARKER).exists()
        state = "committed, not yet moved into place" if committed else "never committed"
        # harmless: readers ignore an uncommitted write and read a committed one where it lies
        report.facts["interrupted_write"] = (f"{pending} ({state}); the next `bicorpus ingest` finishes "
                                             "or drops it")
    try:
        corpus = open_corpus(corpus_dir)
    except CorpusError as err:
        report.add("corpus", str(err), REINGEST)
        return None, set()
    report.facts["fingerprint"] = corpus.fingerprint
    report.facts["versions"] = {k: corpus.manifest.get(k) for k in
                                ("schema_version", "ingest_version", "normalization_version")}
    try:
        _check_files(corpus, report)
        ids = _check_rows(corpus, report)
    except CorpusError as err:
        report.add("corpus", str(err), REINGEST)
        corpus.close()
        return None, set()
    return corpus, ids


# --- the index ----------------------------------------------------------------------------------


def index_record(index: str | Path) -> dict[str, Any] | None:
    """The versions, passage count and corpus fingerprint recorded in an index (``None``: none)."""
    from .index.search import VERSION_FILE

    try:
        data = json.loads((Path(index) / VERSION_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def check_index(path: str | Path, corpus: Corpus | None, ids: set[str], report: CheckReport, *,
                deep: bool = True) -> None:
    from .index import open_index

    try:
        ix = open_index(path)
    except BicorpusError as err:
        report.add("index", str(err), REINDEX)
        return
    with ix:
        try:
            _check_open_index(ix, path, corpus, ids, report, deep=deep)
        except BicorpusError as err:  # a damaged index file: diagnosed, never a crash
            report.add("index", str(err), REINDEX)


#: Words searched to read the index's term dictionaries when checking it.
_PROBES = ("ISIS", "النصرة")


def _check_open_index(ix: SearchIndex, path: str | Path, corpus: Corpus | None, ids: set[str],
                      report: CheckReport, *, deep: bool) -> None:
    count = len(ix)
    report.facts["index_passages"] = count
    recorded = (index_record(path) or {}).get("corpus")
    report.facts["index_fingerprint"] = recorded
    if corpus is None:
        return
    if recorded != corpus.fingerprint:
        report.add("index", "the index reflects another state of the corpus (an update was interrupted "
                   "or the corpus changed without it)", REINDEX)
    if count != len(ids):
        report.add("index", f"the index holds {count} passages, the corpus {len(ids)}", REINDEX)
    elif deep:
        for probe in _PROBES:
            ix.search(probe, limit=1)
        indexed = {p.id for p in ix.passages()}
        if indexed != ids:
            missing, extra = len(ids - indexed), len(indexed - ids)
            report.add("index", f"passage ids differ: {missing} missing from the index, {extra} not in "
                       "the corpus", REINDEX)


def check(corpus: str | Path = "corpus", index: str | Path | None = "index", *,
          deep: bool = True) -> CheckReport:
    """Verify the corpus at ``corpus`` and (unless ``None``) that the index at ``index`` agrees with it."""
    report = CheckReport(str(corpus), str(index) if index is not None else None)
    opened, ids = check_corpus(corpus, report)
    try:
        if index is not None:
            check_index(index, opened, ids, report, deep=deep)
    finally:
        if opened is not None:
            opened.close()
    return report


def index_lag(index: str | Path) -> str | None:
    """Why the index at ``index`` lags behind the corpus it was built from, or ``None`` when it
    reflects it (or that cannot be told: an index built before corpora were recorded, a corpus
    moved away).  Reads two small files; the corpus fingerprint is its manifest's SHA-256."""
    record = index_record(index) or {}
    corpus_path, recorded = record.get("corpus_path"), record.get("corpus")
    if not isinstance(corpus_path, str):
        return None
    corpus_dir = Path(corpus_path)
    current = corpus_fingerprint(corpus_dir)
    if current is None or current == recorded:
        return None
    shown = os.path.relpath(corpus_dir) if not os.path.relpath(corpus_dir).startswith("..") else corpus_dir
    return (f"the index at {index} lags behind the corpus at {shown} (an update was interrupted or the "
            "corpus changed since): results may be missing or out of date; run `bicorpus ingest` or "
            "`bicorpus reindex`")


def corpus_fingerprint(corpus: str | Path) -> str | None:
    """The fingerprint of the corpus state at ``corpus`` (a committed write still being moved into
    place counts), read without opening the corpus; ``None`` when there is none."""
    corpus_dir = Path(corpus)
    pending = corpus_dir / PENDING_DIR
    manifest = pending / MANIFEST_FILE if (pending / COMMIT_MARKER).exists() else corpus_dir / MANIFEST_FILE
    try:
        return hashlib.sha256(manifest.read_bytes()).hexdigest()
    except OSError:
        return None


def interrupted_state(corpus: str | Path, index: str | Path | None, before: str | None) -> str:
    """After Ctrl-C: one sentence saying what state the corpus and the index are in (``before``:
    the corpus fingerprint when the command started)."""
    now = corpus_fingerprint(corpus)
    if now is None:
        return f"no corpus was written at {corpus}; nothing else changed."
    if now == before:
        said = f"the corpus at {corpus} is as it was"
    else:
        said = f"the corpus at {corpus} holds this run's pages (its write was committed)"
    if index is None:
        return said + "."
    if now is not None and (index_record(index) or {}).get("corpus") == now and _usable(index):
        return said + f"; the index at {index} matches it."
    return said + f"; the index at {index} lags behind it: run `bicorpus ingest` again or `bicorpus reindex`."


# --- keeping the index in step ------------------------------------------------------------------


def sync_index(corpus_dir: str | Path, index: str | Path, *, changed: Iterable[str] = (),
               removed: Iterable[str] = (), before: str | None = None,
               aliases: Iterable[str | Path] | None = None) -> str:
    """Bring the index in step with the corpus, holding the corpus writer lock.

    ``changed``/``removed`` are the doc ids of the last ingest and ``before`` the fingerprint the
    corpus had when it started: when the index reflects ``before`` only those documents are
    rewritten; when it reflects something else it is rebuilt.  Returns ``"current"``,
    ``"updated"``, ``"rebuilt"`` or ``"busy"`` (another writer holds the corpus; it will sync the
    index itself).  ``aliases``: user alias files (default: those the index recorded); an index
    built with others is rebuilt."""
    from .index import build_index, update_index
    from .index.engine import index_engine, wanted_engine
    from .index.search import resolve_names

    lock = try_writer_lock(corpus_dir)
    if lock is None:
        return "busy"
    try:
        with lock, index_lock(index):
            corpus = open_corpus(corpus_dir)
            try:
                names = resolve_names(index, aliases=aliases)
                record = index_record(index)
                recorded = record.get("corpus") if record else None
                same_engine = wanted_engine(index) == index_engine(index)
                if (same_engine and recorded == corpus.fingerprint and _usable(index, names)
                        and _healthy(index, names, corpus)):
                    return "current"
                if (same_engine and recorded is not None and recorded == before and _usable(index, names)
                        and _healthy(index, names)):
                    update_index(corpus, index, changed=changed, removed=removed, names=names)
                    if (index_record(index) or {}).get("corpus") == corpus.fingerprint:
                        return "updated"
                build_index(corpus, index, names=names)
                return "rebuilt"
            finally:
                corpus.close()
    except OSError as err:  # a full disk...: the corpus is saved; the next run or reindex repairs the index
        raise SearchIndexError(f"cannot write the index at {index}: {err.strerror or err}; the corpus is "
                               "saved: run `bicorpus reindex` once there is room") from err


def _healthy(index: str | Path, names: NameModel, corpus: Corpus | None = None) -> bool:
    """Whether the index opens and reads (a deleted or damaged file shows here), holding as many
    passages as ``corpus`` when given."""
    from .index import open_index

    try:
        with open_index(index, names=names) as ix:
            if corpus is not None and len(ix) != corpus.passage_count():
                return False
            for probe in _PROBES:
                ix.search(probe, limit=1)
    except BicorpusError:
        return False
    return True


def _usable(index: str | Path, names: NameModel | None = None) -> bool:
    from .index.search import _check_versions

    try:
        _check_versions(Path(index), names)
    except BicorpusError:
        return False
    return True


def reindex(corpus_dir: str | Path = "corpus", index: str | Path = "index",
            aliases: Iterable[str | Path] | None = None) -> int:
    """Rebuild the index from the corpus, holding the corpus writer lock (a running ingest is
    waited for by nobody: the lock message says who holds it)."""
    from .index import build_index

    if not Path(corpus_dir).is_dir():
        open_corpus(corpus_dir).close()  # raises: no corpus there
    with WriterLock(corpus_dir), index_lock(index):
        corpus = open_corpus(corpus_dir)
        try:
            return build_index(corpus, index, aliases=aliases)
        except OSError as err:  # a full disk...: one line; the old index stays until a build commits
            raise SearchIndexError(f"cannot write the index at {index}: {err.strerror or err}") from err
        finally:
            corpus.close()


__all__ = ["CheckReport", "Problem", "check", "index_lag", "index_record", "reindex", "sync_index"]
