"""The ingest pipeline, stage by stage.

1. **read**      :func:`bicorpus.sources.read_source` — bytes → decoded text (HTML → visible text)
2. **layout**    :func:`bicorpus.layout.analyze` — regions: site-header, title, dateline, body...
3. **normalize** :func:`bicorpus.normalize.normalize_text` — the search form of each passage
4. **segment**   :func:`bicorpus.segment.make_passages` — passages with offsets and metadata
5. **store**     :class:`bicorpus.corpus.CorpusTransaction` — the corpus, rewritten all or nothing

Stages 2-4 for one page are the pure function :func:`process_document`.  :func:`ingest` runs
the batch: unchanged files are recognized (the size, mtime and inode kept for them, or the same
bytes) and their corpus rows copied byte for byte; a changed file replaces its passages;
``prune`` drops documents whose file is gone.  A file that cannot be read is reported and skipped.

A re-ingest of a few changed files in a large collection does little beyond them: each file is
asked one ``stat``; the kept rows are copied unparsed, found by position (each document's rows
follow one another in the order of ``documents.jsonl``) and checked against the manifest's
SHA-256 as they are copied; the site pass reads again only the edges of changed files.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing as mp
import os
import stat
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from .corpus import (
    DOCUMENTS_FILE,
    MANIFEST_FILE,
    PASSAGES_FILE,
    Corpus,
    CorpusTransaction,
    block_doc_ids,
    block_lines,
    block_rows_of,
    iter_raw_lines,
    loads_row,
    open_corpus,
    raw_doc_id,
)
from .errors import CorpusError, SourceError
from .layout import analyze
from .layout_site import fingerprint, load_memo, save_memo, site_table
from .model import SCHEMA_VERSION, Document, Passage
from .normalize import NORMALIZATION_VERSION
from .readers.page_meta import apply_page_meta, html_layout
from .segment import DEFAULT_MAX_PASSAGE_CHARS, make_passages, passage_id
from .sources import (
    BAD_NAME,
    DEFAULT_MAX_BYTES,
    Skipped,
    SourceText,
    member_of,
    read_source,
    shown_name,
    source_format,
    valid_name,
    walk_source_names,
)

#: Bumped whenever layout or segmentation changes what a page gives; a corpus written by
#: another version is re-processed in full.
INGEST_VERSION = 37

ErrorCallback = Callable[[str, str], None]
ProgressCallback = Callable[[int, int, str], None]


@dataclass
class IngestReport:
    """What one ingest run did.

    To bring an index up to date: delete the passages of ``removed`` and ``changed`` documents,
    then add the passages of ``added`` and ``changed`` ones.  ``removed`` also lists the old id
    of a changed file whose content (hence id) changed."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    #: ``(path, note)`` for pages read with a caveat (invalid bytes replaced by U+FFFD).
    warnings: list[tuple[str, str]] = field(default_factory=list)
    #: ``(path, reason)`` for entries of the folders walked that were not read: files of other kinds,
    #: symbolic links out of the folders named, link loops, file names that are not valid UTF-8.
    skipped: list[tuple[str, str]] = field(default_factory=list)
    #: Files of the kinds bicorpus does not read (also in ``skipped``), counted by extension.
    unsupported: Counter[str] = field(default_factory=Counter)
    #: Web archive records that are not pages (requests, metadata, images...), counted by kind.
    skipped_records: Counter[str] = field(default_factory=Counter)
    documents: int = 0
    passages: int = 0
    written: bool = False
    stopped: bool = False
    #: Fingerprints (manifest SHA-256) of the corpus before and after the run (``None``: no corpus).
    before: str | None = None
    after: str | None = None

    @property
    def ok(self) -> bool:
        return not self.failures

    @property
    def files(self) -> int:
        """Files this run looked at."""
        return (len(self.added) + len(self.changed) + len(self.unchanged) + len(self.failures)
                + len(self.duplicates))

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "changed": self.changed,
            "unchanged": len(self.unchanged),
            "removed": self.removed,
            "failures": [{"path": p, "reason": r} for p, r in self.failures],
            "duplicates": [{"path": p, "same_as": o} for p, o in self.duplicates],
            "warnings": [{"path": p, "warning": w} for p, w in self.warnings],
            "skipped": [{"path": p, "reason": r} for p, r in self.skipped],
            "unsupported": dict(self.unsupported.most_common()),
            "skipped_records": dict(sorted(self.skipped_records.items())),
            "documents": self.documents,
            "passages": self.passages,
            "written": self.written,
            "stopped": self.stopped,
        }


# --- one document (stages 2-4) --------------------------------------------------------------------


def document_id(text: str) -> str:
    """Stable content-derived id: the first 16 hex digits of the SHA-256 of the decoded text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def process_document(
    src: SourceText, *, max_passage_chars: int = DEFAULT_MAX_PASSAGE_CHARS, path: str | None = None,
    repeated: frozenset[str] = frozenset(),
) -> tuple[Document, list[Passage]]:
    """Stages 2-4 for one decoded page: its :class:`Document` record and passages (pure).

    ``repeated``: keys of the page's lines that repeat across its site's pages
    (:meth:`bicorpus.layout_site.SiteTable.hits`), read as boilerplate at the page's edges."""
    doc_id = document_id(src.text)
    text_title = text_date = None
    if src.blocks and src.page is not None:  # 2. layout: an HTML page read as a tree
        layout, text_title, text_date = html_layout(src.text, src.blocks, src.page)
    else:
        layout = analyze(src.text, src.headings, repeated=repeated)  # 2. layout
    passages = make_passages(doc_id, src.text, layout, max_chars=max_passage_chars)  # 3-4.
    if not all(p.norm for p in passages):  # lines of invisible characters only (ZWSP, NBSP...)
        kept = [p for p in passages if p.norm]
        passages = [replace(p, ordinal=i, id=passage_id(doc_id, i)) for i, p in enumerate(kept)]
    doc = Document(
        id=doc_id,
        path=path or src.path,
        size=src.size,
        encoding=src.encoding,
        sha256=src.sha256,
        format=src.format,
        title=layout.title,
        date=layout.date,
        lang=layout.lang,
        n_passages=len(passages),
        mtime=src.mtime,
        site=urlsplit(src.url).hostname if src.url else None,
        url=src.url,
        meta=dict(src.meta),
    )
    if src.page is not None:
        apply_page_meta(doc, src.page, text_title, text_date)
    if repeated:
        doc.meta["site_lines"] = fingerprint(repeated)
    return doc, passages


_PASSAGE_FIELDS = tuple(f.name for f in fields(Passage))
#: What ``json.dumps(row, ensure_ascii=False)`` uses, made once instead of once a row.
_ROW_ENCODER = json.JSONEncoder(ensure_ascii=False)


def passage_line(passage: Passage) -> bytes:
    """One ``passages.jsonl`` line: the same JSON as ``Passage.to_dict`` (fields in order), built
    without the deep copy ``dataclasses.asdict`` makes."""
    row = {name: getattr(passage, name) for name in _PASSAGE_FIELDS}
    return (_ROW_ENCODER.encode(row) + "\n").encode("utf-8")


# --- the batch ---------------------------------------------------------------------------------


def display_path(path: str | Path, base: str | None = None) -> str:
    """How a document's path is recorded: relative to ``base`` (the corpus's recorded base folder;
    default the working directory) when under it, else absolute."""
    absolute = os.path.abspath(path)
    root = os.path.abspath(base) if base else os.getcwd()
    prefix = root if root.endswith(os.sep) else root + os.sep
    if os.sep == "/" and absolute != root:  # the common cases, without relpath's work
        if absolute.startswith(prefix):
            return absolute[len(prefix):]
        return absolute  # not under the base: relpath would climb out of it ("../...")
    try:
        rel = os.path.relpath(absolute, root)
    except ValueError:
        return Path(absolute).as_posix()
    return Path(absolute if rel.startswith("..") else rel).as_posix()


@dataclass
class _Existing:
    """The corpus as it was before this run: document records by path and by id."""

    by_path: dict[str, Document]
    by_id: dict[str, Document]
    current: bool  # written by this ingest/normalization version, with the same passage limit
    fingerprint: str | None = None
    #: The folder relative document paths are relative to (recorded in the manifest as ``base``),
    #: so a run from another working directory finds the same files (and --prune keeps them).
    base: str = field(default_factory=os.getcwd)
    #: The corpus as opened at the start of the run (``None`` when there was none).
    corpus: Corpus | None = None

    #: Archive path → the documents of its pages.
    archives: dict[str, list[Document]] = field(default_factory=dict)
    #: ``id(document)`` → its line as read, when ``documents.jsonl`` was intact.
    raw_lines: dict[int, bytes] | None = None

    def __post_init__(self) -> None:
        for doc in self.by_path.values():
            member = member_of(doc.path)
            if member:
                self.archives.setdefault(member[0], []).append(doc)

    def stored(self, shown: str) -> list[Document]:
        """The documents the corpus holds for a file: one, or one per page of an archive."""
        doc = self.by_path.get(shown)
        return [doc] if doc is not None else self.archives.get(shown, [])

    def located(self, recorded: str) -> Path:
        """Where the file of a recorded document path is, from the current working directory."""
        return Path(recorded) if os.path.isabs(recorded) else Path(self.base) / recorded

    @classmethod
    def load(cls, corpus_dir: Path, max_passage_chars: int) -> _Existing:
        if not (corpus_dir / MANIFEST_FILE).exists():
            if any((corpus_dir / n).exists() for n in (DOCUMENTS_FILE, PASSAGES_FILE)):
                raise CorpusError(
                    f"{corpus_dir} holds corpus files but no manifest: remove it or pick another --corpus"
                )
            return cls({}, {}, True)
        corpus = open_corpus(corpus_dir)
        raw = _intact_documents(corpus)
        docs = [doc for _, doc in raw] if raw is not None else list(corpus.documents())
        manifest = corpus.manifest
        current = (
            manifest.get("ingest_version") == INGEST_VERSION
            and manifest.get("normalization_version") == NORMALIZATION_VERSION
            and manifest.get("max_passage_chars") == max_passage_chars
        )
        base = manifest.get("base")
        if not isinstance(base, str) or not os.path.isdir(base):
            base = os.getcwd()  # an older corpus, or one moved from another machine
        return cls({d.path: d for d in docs}, {d.id: d for d in docs}, current, corpus.fingerprint, base,
                   corpus, raw_lines={id(d): line for line, d in raw} if raw is not None else None)


def _intact_documents(corpus: Corpus) -> list[tuple[bytes, Document]] | None:
    """The documents of an intact ``documents.jsonl`` (its size and SHA-256 are the manifest's: the
    rows are as bicorpus wrote them, so their fields are not checked one by one), by raw line (with
    its newline), in file order.  ``None`` when the file is not intact or a row does not make a
    document (then each row is read and checked)."""
    if not corpus.intact(DOCUMENTS_FILE):
        return None
    docs: list[tuple[bytes, Document]] = []
    try:
        for line in corpus.raw_lines(DOCUMENTS_FILE):
            if line.strip():
                doc = Document(**loads_row(line))
                if not (type(doc.id) is type(doc.path) is str and type(doc.n_passages) is int
                        and type(doc.meta) is dict):  # what the incremental path counts and looks up on
                    return None
                docs.append((line + b"\n", doc))
    except (ValueError, TypeError):
        return None
    return docs


#: The file, in the corpus folder, that keeps each source file's ``(size, mtime in ns, inode)``.
STAMPS_FILE = "file-stamps.json"
#: How long (ns) after its last change a file's stamp is kept: a file changed again within one
#: tick of its file system's clock (2 s on the coarsest) keeps its time, so a stamp taken sooner
#: could miss a change.
STAMP_AFTER_NS = 2 * 10**9


@dataclass
class _FileStamps:
    """Each source file's ``(size, mtime in ns, inode)`` when the last run asked it (by document
    path), kept beside the corpus.  A file is taken for unchanged without reading it only when its
    stamp is the one kept *and* its size and time are the ones its documents record; any other
    file is read and its bytes compared with the recorded SHA-256.  A stamp is kept only when the
    file had not changed for :data:`STAMP_AFTER_NS` when the run started: a later change then
    gives it another time.  A missing or damaged stamps file only makes a slower run."""

    kept: dict[str, tuple[int, int, int]]
    started: int
    now: dict[str, tuple[int, int, int]] = field(default_factory=dict)

    @classmethod
    def load(cls, corpus_dir: Path, started: int) -> _FileStamps:
        kept: dict[str, tuple[int, int, int]] = {}
        try:
            with open(corpus_dir / STAMPS_FILE, "rb") as f:
                if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                    raise ValueError("not a file")
                data = loads_row(f.read())
            files = data["files"] if isinstance(data, dict) and data.get("version") == 1 else {}
            for name, stamp in files.items():
                if not (isinstance(stamp, list) and len(stamp) == 3 and all(type(n) is int for n in stamp)):
                    raise ValueError("a bad stamp")
                kept[name] = (stamp[0], stamp[1], stamp[2])
        except (OSError, ValueError, TypeError, AttributeError, KeyError):
            kept = {}
        return cls(kept, started)

    def check(self, shown: str, st: os.stat_result | None) -> bool:
        """Whether the file's stamp is the one kept (and notes it for the next run)."""
        if st is None or not stat.S_ISREG(st.st_mode):
            return False
        stamp = (st.st_size, st.st_mtime_ns, st.st_ino)
        if st.st_mtime_ns + STAMP_AFTER_NS < self.started:
            self.now[shown] = stamp
        return self.kept.get(shown) == stamp

    def save(self, corpus_dir: Path) -> None:
        """Keeps this run's stamps when they differ from the ones kept (written to a temporary
        file renamed into place)."""
        if self.now == self.kept or not corpus_dir.is_dir():
            return
        tmp = corpus_dir / (STAMPS_FILE + ".part")
        body = {"version": 1, "files": {name: list(stamp) for name, stamp in self.now.items()}}
        try:
            tmp.write_bytes(json.dumps(body, ensure_ascii=False).encode("utf-8", "surrogateescape"))
            os.replace(tmp, corpus_dir / STAMPS_FILE)
        except (OSError, UnicodeError):
            tmp.unlink(missing_ok=True)


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except (OSError, ValueError):
        return None


def _unchanged_by_stat(stored: list[Document], st: os.stat_result | None) -> bool:
    """The file (``st``: its ``os.stat``) has the size and mtime the corpus records for it (for an
    archive, on each page)."""
    if not stored or st is None or any(d.mtime is None for d in stored):
        return False
    sizes = {d.meta.get("archive_size", d.size) if member_of(d.path) else d.size for d in stored}
    return sizes == {st.st_size} and {d.mtime for d in stored} == {st.st_mtime}


def ingest(
    paths: Iterable[str | Path],
    corpus_dir: str | Path = "corpus",
    *,
    prune: bool = False,
    strict: bool = False,
    max_passage_chars: int = DEFAULT_MAX_PASSAGE_CHARS,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_error: ErrorCallback | None = None,
    progress: ProgressCallback | None = None,
    follow_links: bool = False,
) -> IngestReport:
    """Ingest the pages under ``paths`` into the corpus at ``corpus_dir``.

    Files that fail are reported through ``on_error(path, reason)`` and listed in the report;
    the rest still go in.  With ``strict`` the first failure stops the run and nothing is
    written.  ``progress(done, total, path)`` is called after each file.  Symbolic links inside
    the folders that lead out of them are skipped unless ``follow_links``.  A web archive
    (``.warc``, ``.warc.gz``) gives one document per page, with the path ``ARCHIVE#OFFSET``."""
    corpus_dir = Path(corpus_dir)
    report = IngestReport()
    started = time.time_ns()  # before any file is asked: see _FileStamps
    files: list[str] = []  # paths as strings: a ``Path`` of each of many files costs more than its reading
    stats: dict[str, os.stat_result | None] = {}  # each file's ``os.stat``, asked once
    for entry in walk_source_names(paths, skip=[corpus_dir], follow_links=follow_links):
        if isinstance(entry, Skipped):
            _skip(report, entry, on_error)
            continue
        st = _stat(entry)
        if st is None and not os.path.lexists(entry):
            _fail(report, shown_name(entry), "no such file", on_error)
        elif not valid_name(entry):
            _fail(report, shown_name(entry), BAD_NAME, on_error)
        else:
            files.append(entry)
            stats[entry] = st
    if strict and report.failures:
        report.stopped = True
        return report
    if not files and not (corpus_dir / MANIFEST_FILE).exists():
        return report  # nothing to read and no corpus: no empty corpus folder either

    with CorpusTransaction(corpus_dir) as tx:  # the writer lock is held from here on
        existing = _Existing.load(corpus_dir, max_passage_chars)
        report.before = report.after = existing.fingerprint
        new_part = tx.scratch("new-passages.part")
        new_docs: dict[str, Document] = {}  # doc id → record, in processing order
        replaced: set[str] = set()  # old doc ids to drop
        seen_paths: set[str] = set()
        tasks: list[tuple[int, str, _Task | None]] = []  # (file number, shown path, work to do)
        memo = load_memo(corpus_dir, f"{INGEST_VERSION}")
        stamps = _FileStamps.load(corpus_dir, started)
        sites = site_table(files, memo, stats)  # lines repeated across a site's pages (bicorpus.layout_site)
        hit_prints: dict[frozenset[str], str | None] = {}
        for done, path in enumerate(files, 1):
            shown = display_path(path, existing.base)
            if shown in seen_paths:
                continue
            seen_paths.add(shown)
            stored = existing.stored(shown)
            hits = sites.hits(path)
            if hits not in hit_prints:  # pages of one site mostly share their hits
                hit_prints[hits] = fingerprint(hits)
            same_site_lines = all(d.meta.get("site_lines") == hit_prints[hits] for d in stored)
            st = stats[path]
            known_stamp = stamps.check(shown, st)
            if existing.current and same_site_lines and known_stamp and _unchanged_by_stat(stored, st):
                tasks.append((done, shown, None))
                continue
            known = _recorded_sha256(stored) if existing.current and same_site_lines else None
            tasks.append((done, shown, _Task(path, shown, known, max_passage_chars, max_bytes, hits)))
        with open(new_part, "wb") as part_file, _processed(t[2] for t in tasks) as results:
            part = _NewPassages(part_file)
            for (done, shown, task), result in zip(tasks, results, strict=True):
                if task is None:
                    report.unchanged.extend(d.id for d in existing.stored(shown))
                elif isinstance(result, str):
                    _fail(report, shown, result, on_error)
                    if strict:
                        report.stopped = True
                        return report
                elif isinstance(result, _Archive):
                    if not _take_archive(result, shown, existing, report, new_docs, replaced, part, on_error,
                                         strict):
                        report.stopped = True
                        return report
                else:
                    _take(result, shown, existing, report, new_docs, replaced, part)
                if progress:
                    progress(done, len(files), shown)

        if prune:
            for doc in existing.by_path.values():
                file = _file_of(doc.path)
                gone = not existing.located(file).exists()
                if doc.id not in replaced and gone and file not in seen_paths:
                    replaced.add(doc.id)
                    report.removed.append(doc.id)
        report.removed.extend(i for i in sorted(replaced) if i not in report.removed and i not in new_docs)

        if not (report.added or report.changed or report.removed) and (corpus_dir / MANIFEST_FILE).exists():
            report.documents = len(existing.by_id)
            report.passages = sum(d.n_passages for d in existing.by_id.values())
            save_memo(corpus_dir, memo, sites)
            stamps.save(corpus_dir)
            return report  # nothing changed: the corpus files stay byte-identical

        # 5. store
        manifest = _store(tx, corpus_dir, existing, replaced, new_docs, new_part, part, max_passage_chars)
        report.documents = manifest["documents"]
        report.passages = manifest["passages"]
        report.written = True
        report.after = tx.fingerprint
        save_memo(corpus_dir, memo, sites)
        stamps.save(corpus_dir)
    return report


def _fail(report: IngestReport, shown: str, reason: str, on_error: ErrorCallback | None) -> None:
    report.failures.append((shown, reason))
    if on_error:
        on_error(shown, reason)


def _skip(report: IngestReport, entry: Skipped, on_error: ErrorCallback | None) -> None:
    """An entry of a folder that is not read: a file name that cannot be stored is a failure, the
    rest (other kinds of files, links out of the folders, loops) are listed as skipped."""
    if entry.kind == "name":
        _fail(report, entry.path, entry.reason, on_error)
        return
    report.skipped.append((entry.path, entry.reason))
    if entry.kind == "unsupported":
        report.unsupported[entry.reason[entry.reason.rfind("(") + 1 : -1]] += 1


def _file_of(path: str) -> str:
    """The file a document path names: the archive for a page inside a web archive."""
    member = member_of(path)
    return member[0] if member else path


def _recorded_sha256(stored: list[Document]) -> str | None:
    """The SHA-256 the corpus records for a file: its document's, or its archive's."""
    if len(stored) == 1 and member_of(stored[0].path) is None:
        return stored[0].sha256
    hashes = {d.meta.get("archive_sha256") for d in stored}
    return hashes.pop() if len(hashes) == 1 else None


@dataclass(frozen=True)
class _Task:
    """One file to read and process (stages 1-4), possibly in a worker process."""

    path: str
    shown: str
    known_sha256: str | None  # the corpus's record of this file: equal bytes mean unchanged
    max_passage_chars: int
    max_bytes: int
    repeated: frozenset[str] = frozenset()  # the page's lines repeated across its site


@dataclass(frozen=True)
class _Processed:
    """What stages 1-4 made of one file: its record and passage lines (``None``: unchanged bytes),
    and each passage's language and region (counted for the manifest without parsing the lines)."""

    doc: Document | None
    lines: bytes = b""
    kinds: tuple[tuple[str, str], ...] = ()


def _processed_page(doc: Document, passages: list[Passage]) -> _Processed:
    return _Processed(doc, b"".join(passage_line(p) for p in passages),
                      tuple((p.lang, p.region) for p in passages))


class _NewPassages:
    """The passage lines of this run's new and changed documents, written to a scratch file as they
    come, with their count by language and region."""

    def __init__(self, file: IO[bytes]) -> None:
        self.file = file
        self.kinds: Counter[tuple[str, str]] = Counter()

    def add(self, result: _Processed) -> None:
        self.file.write(result.lines)
        self.kinds.update(result.kinds)


@dataclass(frozen=True)
class _Archive:
    """What stages 1-4 made of a web archive: each page's document path and result (or the reason
    it failed), the records skipped by kind, why reading stopped early (a damaged archive);
    ``unchanged``: the archive's bytes are the ones recorded, nothing was read."""

    pages: tuple[tuple[str, _Processed | str], ...] = ()
    skipped: tuple[tuple[str, int], ...] = ()
    error: str | None = None
    unchanged: bool = False


def _process_file(task: _Task | None) -> _Processed | _Archive | str | None:
    """Stages 1-4 for one file (pure; runs in a worker process): the result, or the reason it failed."""
    if task is None:
        return None
    path = Path(task.path)
    fmt = source_format(path)
    if fmt == "warc":
        return _process_archive(task)
    try:
        src = read_source(path, max_bytes=task.max_bytes, fmt=fmt)  # 1. read
    except SourceError as err:
        return err.reason
    if task.known_sha256 is not None and task.known_sha256 == src.sha256:
        return _Processed(None)
    doc, passages = process_document(src, max_passage_chars=task.max_passage_chars, path=task.shown,
                                     repeated=task.repeated)  # 2-4.
    return _processed_page(doc, passages)


def _process_archive(task: _Task) -> _Archive | str:
    """Stages 1-4 for each page of a web archive."""
    from .readers.warc import file_sha256, read_warc

    try:
        if task.known_sha256 is not None and file_sha256(task.path)[1] == task.known_sha256:
            return _Archive(unchanged=True)
        archive = read_warc(task.path, task.shown, max_bytes=task.max_bytes)  # 1. read
    except (SourceError, OSError) as err:
        return err.reason if isinstance(err, SourceError) else f"cannot read ({err.strerror or err})"
    pages: list[tuple[str, _Processed | str]] = []
    for member, src in archive.pages:
        if isinstance(src, str):
            pages.append((member, src))
            continue
        src.meta.update(archive_size=archive.size, archive_sha256=archive.sha256)
        doc, passages = process_document(src, max_passage_chars=task.max_passage_chars, path=member)  # 2-4.
        pages.append((member, _processed_page(doc, passages)))
    return _Archive(tuple(pages), tuple(archive.skipped.items()), archive.error)


def _take_archive(
    result: _Archive,
    shown: str,
    existing: _Existing,
    report: IngestReport,
    new_docs: dict[str, Document],
    replaced: set[str],
    part: _NewPassages,
    on_error: ErrorCallback | None,
    strict: bool,
) -> bool:
    """Records the pages of one web archive (as :func:`_take` each) in place of the pages the corpus
    holds for it.  ``False``: a page failed and ``strict`` stops the run."""
    stored = existing.stored(shown)
    if result.unchanged:
        report.unchanged.extend(d.id for d in stored)
        return True
    report.skipped_records.update(dict(result.skipped))
    # a changed archive replaces its pages (but a page that now fails keeps its last good version);
    # its old pages go first, so a page that moved within the archive is not taken for a duplicate
    failed = {member for member, page in result.pages if isinstance(page, str)}
    replaced.update(d.id for d in stored if d.path not in failed)
    for member, page in result.pages:
        if isinstance(page, str):
            _fail(report, member, page, on_error)
            if strict:
                return False
        else:
            _take(page, member, existing, report, new_docs, replaced, part)
    if result.error:
        _fail(report, shown, result.error, on_error)
        if strict:
            return False
    return True


#: Files worth a process pool: below this many, starting workers costs more than it saves.
POOL_MIN_FILES = 200
#: Files handed to a worker at a time.
POOL_CHUNK = 16


@contextmanager
def _processed(tasks: Iterable[_Task | None]) -> Iterator[Iterator[_Processed | str | None]]:
    """Results of :func:`_process_file` for ``tasks``, in order: over a pool of one worker per core
    (forked: the corpus lock's guard makes workers die with this process) when there is enough
    work, in this process otherwise.  Leaving the block stops the workers (at once: a stopped
    ``multiprocessing.Pool`` could wait forever on a queue lock a worker it ended held)."""
    todo = list(tasks)
    workers = min(os.cpu_count() or 1, 8)
    busy = sum(t is not None for t in todo)
    if workers < 2 or busy < POOL_MIN_FILES or "fork" not in mp.get_all_start_methods():
        yield map(_process_file, todo)
        return
    from .index.parallel import parallel_map

    results = parallel_map(_process_file, (t for t in todo if t is not None), workers=workers,
                           batch=POOL_CHUNK, min_parallel=1, what="ingest",
                           repair="run `bicorpus ingest` again", error=CorpusError)
    try:  # the files known unchanged (no task) stay here: only the others travel to the workers
        yield (None if t is None else next(results) for t in todo)
    finally:
        results.close()  # stops the workers when the results were not all read


def _take(
    result: _Processed,
    shown: str,
    existing: _Existing,
    report: IngestReport,
    new_docs: dict[str, Document],
    replaced: set[str],
    part: _NewPassages,
) -> None:
    """Records one processed file: unchanged, a duplicate of another, changed or added."""
    stored = existing.by_path.get(shown)
    doc = result.doc
    if doc is None:
        assert stored is not None
        report.unchanged.append(stored.id)
        return
    twin = new_docs.get(doc.id) or existing.by_id.get(doc.id)
    if twin is not None and twin.path != shown:
        if doc.id in new_docs or (twin.id not in replaced and existing.located(_file_of(twin.path)).exists()):
            report.duplicates.append((shown, twin.path))
            if stored is not None and stored.id != doc.id:
                replaced.add(stored.id)  # this file's old content is gone from it
            return
        replaced.add(twin.id)  # the same page under a new name: the old record goes
    if stored is not None:
        replaced.add(stored.id)
        report.changed.append(doc.id)
    else:
        report.added.append(doc.id)
    new_docs[doc.id] = doc
    part.add(result)
    if doc.meta.get("replacement_chars"):
        n = doc.meta["replacement_chars"]
        report.warnings.append((shown, f"{n} invalid byte sequence{'s' if n > 1 else ''} read as U+FFFD "
                                       f"(encoding {doc.encoding})"))


def _store(
    tx: CorpusTransaction,
    corpus_dir: Path,
    existing: _Existing,
    replaced: set[str],
    new_docs: dict[str, Document],
    new_part: Path,
    new_passages: _NewPassages,
    max_passage_chars: int,
) -> dict[str, Any]:
    """Stage 5: kept rows copied unchanged, new rows appended, manifest with counts and hashes."""
    dropped = replaced | set(new_docs)
    langs: Counter[str] = Counter()
    regions: Counter[str] = Counter()
    sources: dict[str, str] = {}
    n_docs = n_passages = 0
    if existing.by_id:
        kept_docs = _intact_document_lines(existing, dropped)
        if kept_docs is not None:
            for line, doc in kept_docs:
                tx.document_line(line)
                sources[doc.path] = doc.sha256
            n_docs += len(kept_docs)
        else:
            for line, row in iter_raw_lines(corpus_dir, DOCUMENTS_FILE):
                if row.get("id") not in dropped:
                    tx.document_line(line)
                    sources[row["path"]] = row["sha256"]
                    n_docs += 1
        kept = _copy_by_position(tx, existing, dropped)
        if kept is None:
            kept = _copy_intact_passages(tx, existing.corpus, dropped)
        if kept is not None:
            n_passages, langs, regions = kept
        else:
            for line, row in iter_raw_lines(corpus_dir, PASSAGES_FILE):
                if row.get("doc_id") not in dropped:
                    tx.passage_line(line)
                    langs[row.get("lang")] += 1
                    regions[row.get("region")] += 1
                    n_passages += 1
    for doc in new_docs.values():
        tx.add_document(doc)
        sources[doc.path] = doc.sha256
        n_docs += 1
    with open(new_part, "rb") as part:  # whole lines, in batches
        while batch := part.read(_COPY_BATCH):
            tx.passage_line(batch + part.readline())
    for (lang, region), n in new_passages.kinds.items():
        langs[lang] += n
        regions[region] += n
        n_passages += n
    manifest = {
        "schema_version": SCHEMA_VERSION,
        "ingest_version": INGEST_VERSION,
        "normalization_version": NORMALIZATION_VERSION,
        "max_passage_chars": max_passage_chars,
        "documents": n_docs,
        "passages": n_passages,
        "langs": dict(sorted(langs.items())),
        "regions": dict(sorted(regions.items())),
        "sources": dict(sorted(sources.items())),
        "base": existing.base,
    }
    tx.commit(manifest)
    return manifest


#: Bytes of kept rows gathered before one write (and one hash update).
_COPY_BATCH = 1 << 20


_DOC_ROW_START = b'{"id": "'


def _intact_document_lines(existing: _Existing, dropped: set[str]) -> list[tuple[bytes, Document]] | None:
    """The document lines to keep with their records, read without parsing when ``documents.jsonl``
    is intact (the manifest's size and SHA-256) and each line opens with its id, as bicorpus writes
    them: the records are those the run started from.  ``None``: each row must be parsed and checked."""
    corpus = existing.corpus
    if corpus is None or not corpus.intact(DOCUMENTS_FILE):
        return None
    if existing.raw_lines is not None and len(existing.raw_lines) == len(existing.by_id):
        lines = existing.raw_lines  # every line read with its document, ids all different
        return [(lines[id(doc)], doc) for doc in existing.by_id.values() if doc.id not in dropped]
    kept: list[tuple[bytes, Document]] = []
    seen = 0
    for line in corpus.raw_lines(DOCUMENTS_FILE):
        if not line.strip():
            continue
        end = line.find(b'"', len(_DOC_ROW_START))
        if not line.startswith(_DOC_ROW_START) or end < 0 or b"\\" in line[:end]:
            return None
        doc = existing.by_id.get(line[len(_DOC_ROW_START):end].decode("utf-8", "replace"))
        if doc is None:
            return None
        seen += 1
        if doc.id not in dropped:
            kept.append((line + b"\n", doc))
    return kept if seen == len(existing.by_id) else None


def _copy_by_position(tx: CorpusTransaction, existing: _Existing, dropped: set[str]
                      ) -> tuple[int, Counter[str], Counter[str]] | None:
    """Copies the passage rows of kept documents, found by position: bicorpus writes each
    document's rows one after another, in the order of ``documents.jsonl``, so the rows of a
    dropped document are the ``n_passages`` lines after those of the documents before it.  Only
    the dropped rows are looked at (each must carry its document's id) and parsed (for the
    counts); the rest is copied in slices.  The file is hashed as it is read: it must be, byte for
    byte, what the manifest records, or what was written is taken back and ``None`` returned
    (then the rows are found by id, or parsed and checked), as when the documents file or the
    manifest cannot be trusted."""
    corpus = existing.corpus
    if corpus is None or not corpus.intact(DOCUMENTS_FILE):
        return None
    manifest = corpus.manifest
    total, langs, regions = manifest.get("passages"), manifest.get("langs"), manifest.get("regions")
    record = manifest["files"].get(PASSAGES_FILE)  # intact(): the manifest is sound and has files
    if not (isinstance(total, int) and isinstance(langs, dict) and isinstance(regions, dict)
            and isinstance(record, dict)):
        return None
    spans: list[tuple[int, int, bytes]] = []  # (first line, line after, the rows' doc_id key)
    line = 0
    for doc in existing.by_id.values():
        if doc.id in dropped and doc.n_passages:
            key = b'"doc_id": ' + _ROW_ENCODER.encode(doc.id).encode("utf-8")
            spans.append((line, line + doc.n_passages, key))
        line += doc.n_passages
    if line != total:
        return None
    mark = tx.passages_mark()
    lang_counts, region_counts = Counter(langs), Counter(regions)
    digest, size, lineno = hashlib.sha256(), 0, 0
    todo = iter(spans)
    span = next(todo, None)
    for chunk, stop in corpus.line_chunks(PASSAGES_FILE):  # the lines of chunk[:stop], copied as views
        view = memoryview(chunk)
        digest.update(view[:stop])
        size += stop
        end_line = lineno + chunk.count(b"\n", 0, stop) + (chunk[stop - 1] != 0x0A)
        at, pos, cur = 0, 0, lineno  # ``pos``: where line ``cur`` starts in the chunk
        while span is not None and span[0] < end_line:
            first, after, key = span
            first, last = max(first, cur), min(after, end_line)
            if first > cur:  # the rows before are passed over: the document's first row holds its key
                found = chunk.find(key, pos, stop)
                start = chunk.rfind(b"\n", pos, found) + 1 if found >= 0 else stop
                if found < 0 or chunk.count(b"\n", pos, start) != first - cur:
                    tx.rewind_passages(mark)
                    return None
                pos = start
            end = _line_start(chunk, pos, last - first, stop)
            for row_line in block_lines(chunk[pos:end]):
                try:
                    if key not in row_line:
                        raise ValueError("not a row of the document")
                    row = json.loads(row_line)
                    lang_counts[row["lang"]] -= 1
                    region_counts[row["region"]] -= 1
                except (ValueError, KeyError, TypeError):  # the file is not as written (the hash will say)
                    tx.rewind_passages(mark)
                    return None
                total -= 1
            tx.passage_line(view[at:pos])
            at, pos, cur = end, end, last
            if after > end_line:
                break  # the document's rows go on in the next chunk
            span = next(todo, None)
        tx.passage_line(view[at:stop])
        if at < stop and chunk[stop - 1] != 0x0A:  # the file's last line, kept
            tx.passage_line(b"\n")
        lineno = end_line
    as_recorded = (size, digest.hexdigest()) == (record.get("size"), record.get("sha256"))
    if span is not None or lineno != line or not as_recorded:
        tx.rewind_passages(mark)
        return None
    return total, +lang_counts, +region_counts


def _line_start(block: bytes, pos: int, lines: int, stop: int) -> int:
    """Where the line ``lines`` lines after the one starting at ``pos`` starts (``stop``, the end of
    the block's lines, when there are fewer)."""
    for _ in range(lines):
        pos = block.find(b"\n", pos, stop) + 1
        if not pos:
            return stop
    return pos


def _copy_intact_passages(tx: CorpusTransaction, corpus: Corpus | None, dropped: set[str]
                          ) -> tuple[int, Counter[str], Counter[str]] | None:
    """Copies the passage rows of kept documents without parsing them, when the passages file is
    intact (its size and SHA-256 are the manifest's): the rows are then as written, and the
    counts are the manifest's minus the dropped rows, the only ones parsed.  Returns the kept
    passage count and language and region counts; ``None`` (nothing copied) when the file or
    the manifest cannot be trusted, so each row must be parsed and checked."""
    if corpus is None:
        return None
    manifest = corpus.manifest
    total, langs, regions = manifest.get("passages"), manifest.get("langs"), manifest.get("regions")
    if not (isinstance(total, int) and isinstance(langs, dict) and isinstance(regions, dict)):
        return None
    if not corpus.intact(PASSAGES_FILE):
        return None
    lang_counts, region_counts = Counter(langs), Counter(regions)
    dropped_raw = {doc_id.encode("utf-8") for doc_id in dropped}
    for block in corpus.line_blocks(PASSAGES_FILE):
        found = block_doc_ids(block)
        if found is not None:  # the rows that go are found by their ids; the rest is copied in slices
            kept, at = [], 0
            for start, end in block_rows_of(block, dropped_raw.intersection(found)):
                row = json.loads(block[start:end])
                lang_counts[row["lang"]] -= 1
                region_counts[row["region"]] -= 1
                total -= 1
                kept.append(block[at:start])
                at = end
            kept.append(block[at:])
            if at < len(block) and not block.endswith(b"\n"):  # the file's last line, kept
                kept.append(b"\n")
            tx.passage_line(b"".join(kept))
            continue
        batch: list[bytes] = []
        for line in block_lines(block):
            if not line.strip():
                continue
            if raw_doc_id(line) in dropped:
                row = json.loads(line)
                lang_counts[row["lang"]] -= 1
                region_counts[row["region"]] -= 1
                total -= 1
                continue
            batch.append(line + b"\n")
        if batch:
            tx.passage_line(b"".join(batch))
    return total, +lang_counts, +region_counts


__all__ = [
    "INGEST_VERSION",
    "IngestReport",
    "display_path",
    "document_id",
    "ingest",
    "process_document",
]
