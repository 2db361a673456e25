"""Corpus export for researchers: jsonl, csv, tsv, TEI, vertical (CWB / Sketch Engine), txt, parquet.

Everything streams: passages are read one document at a time and written as they come, so
exporting a million passages needs no more memory than the largest document.

>>> from bicorpus.export import export_corpus
>>> report = export_corpus("corpus", "csv", "out/corpus.csv", lang="ar")  # doctest: +SKIP
>>> report.stats.passages  # doctest: +SKIP
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import groupby
from pathlib import Path

from ..corpus import Corpus, PassageFilter, open_corpus
from ..errors import ExportError
from ..model import Document, Passage
from .base import (
    ExportInfo,
    ExportOptions,
    Output,
    Transaction,
    Writer,
    file_inside,
    is_stream,
    safe_file_stem,
)
from .card import CardInput, ExportStats, render_card
from .delimited import CsvWriter, TsvWriter, read_csv_records
from .jsonl import JsonlWriter, import_jsonl, read_jsonl
from .matches import entity_finder, passage_matches, read_matches
from .parquet import ParquetWriter, read_parquet_records, require_pyarrow
from .select import describe_filter, make_filter, query_hits
from .tei import TeiWriter, read_tei
from .translit import Transliterator, buckwalter_mapper, make_transliterator
from .txt import TxtWriter
from .vertical import VerticalWriter, read_vertical

#: Export formats by name.
WRITERS: dict[str, type[Writer]] = {
    w.name: w
    for w in (JsonlWriter, CsvWriter, TsvWriter, TeiWriter, VerticalWriter, TxtWriter, ParquetWriter)
}
FORMATS: tuple[str, ...] = tuple(WRITERS)
#: Name of the data card written inside a ``--split`` folder.
SPLIT_CARD_NAME = "README.md"


@dataclass
class ExportReport:
    """What an export wrote."""

    fmt: str
    stats: ExportStats
    files: list[Path] = field(default_factory=list)
    card: Path | None = None
    notes: list[str] = field(default_factory=list)


def writer_class(fmt: str) -> type[Writer]:
    """The writer of format ``fmt`` (one-line error listing the valid formats otherwise)."""
    try:
        return WRITERS[fmt]
    except KeyError:
        raise ExportError(f"unknown export format {fmt!r} (valid: {', '.join(FORMATS)})") from None


def card_path_for(out: Path, split: bool) -> Path:
    """Where the data card of an export to ``out`` goes."""
    return out / SPLIT_CARD_NAME if split else out.with_name(out.name + ".README.md")


class _DocumentLookup:
    """Documents by id, read in step with the passages (both files are in corpus order).

    Documents skipped on the way (no passage selected) are kept only until the next match;
    a document asked for again (passages out of order) is found by reading the file anew."""

    def __init__(self, corpus: Corpus) -> None:
        self._corpus = corpus
        self._documents = corpus.documents()
        self._skipped: dict[str, Document] = {}

    def get(self, doc_id: str) -> Document:
        found = self._skipped.pop(doc_id, None)
        if found is not None:
            return found
        for doc in self._documents:
            if doc.id == doc_id:
                self._skipped.clear()
                return doc
            self._skipped[doc.id] = doc
        for doc in self._corpus.documents():
            if doc.id == doc_id:
                return doc
        raise ExportError(f"passage of unknown document {doc_id!r}: the corpus is inconsistent, re-ingest it")


def _selected(corpus: Corpus, where: PassageFilter, ids: frozenset[str] | None) -> Iterator[Passage]:
    for passage in corpus.passages(where):
        if ids is None or passage.id in ids:
            yield passage


def iter_documents(
    corpus: Corpus, where: PassageFilter | None = None, ids: frozenset[str] | None = None
) -> Iterator[tuple[Document, list[Passage]]]:
    """(document, its selected passages) in corpus order, one document in memory at a time."""
    lookup = _DocumentLookup(corpus)
    for doc_id, group in groupby(_selected(corpus, where or PassageFilter(), ids), key=lambda p: p.doc_id):
        yield lookup.get(doc_id), list(group)


def _notes(fmt: str, translit: Transliterator | None) -> list[str]:
    notes = []
    if translit is not None and not translit.has_buckwalter:
        notes.append("No Buckwalter column: camel-tools (the `camel` extra) is not installed.")
    if fmt in ("csv", "tsv"):
        notes.append("Cells are written as they are (no formula escaping); Excel shows at most 32,767 "
                     "characters per cell.")
    if fmt == "txt":
        notes.append("txt is for reading: line breaks inside passages became spaces; use jsonl, csv or "
                     "tei for lossless exports.")
    return notes


def export_corpus(
    corpus: Corpus | str | Path,
    fmt: str,
    out: str | Path | None = None,
    *,
    lang: str | None = None,
    region: str | None = None,
    doc: str | None = None,
    since: str | None = None,
    until: str | None = None,
    include_undated: bool = False,
    query: str | None = None,
    index: str | Path | None = None,
    min_confidence: float | None = None,
    derived: bool = False,
    translit: bool = False,
    excel: bool = False,
    split: bool = False,
    force: bool = False,
    card: bool = True,
    command: str | None = None,
    entities: bool = True,
) -> ExportReport:
    """Export the selected passages of ``corpus`` in format ``fmt`` to ``out`` (``None``/``"-"``: stdout).

    With ``split`` ``out`` is a folder receiving one file per document, named after its id.
    A date filter (``since``/``until``) leaves out undated passages unless ``include_undated``.
    Existing files are never replaced unless ``force``; nothing is written unless the whole
    export succeeds.  A data card goes next to the export when ``card`` and ``out`` is a path.
    With ``query`` every format also carries each passage's match tier, score, confidence and
    spans; ``entities`` tags the gazetteer's names in TEI and fills the vertical ``entity`` column
    (``False``: faster, no name elements, ``_`` in that column)."""
    cls = writer_class(fmt)
    where = make_filter(lang=lang, region=region, doc=doc, since=since, until=until,
                        include_undated=include_undated)
    if excel and fmt not in ("csv", "tsv"):
        raise ExportError(f"--excel applies to csv and tsv, not {fmt}")
    if fmt == "parquet":
        require_pyarrow()
    corpus = corpus if isinstance(corpus, Corpus) else open_corpus(corpus)
    target = _target(out, cls, split, corpus)
    transliterator = make_transliterator() if translit else None
    ids = None
    matches = None
    if query is not None:
        matches = passage_matches(query_hits(query, index_path=Path(index or "index"), where=where,
                                             min_confidence=min_confidence, derived=derived))
        ids = frozenset(matches)
    finder = entity_finder(index or "index") if entities and fmt in ("tei", "vertical") else None
    options = ExportOptions(translit=transliterator, excel=excel, split=split, lang=lang, matches=matches,
                            entities=finder)
    info = ExportInfo(
        corpus_path=str(corpus.path),
        manifest=corpus.manifest,
        version=_version(),
        filters=describe_filter(where, query),
    )
    tx = Transaction(force=force)
    streamed = target is not None and not split and is_stream(target)  # no card beside a device or FIFO
    card_path = card_path_for(target, split) if (card and target is not None and not streamed) else None
    for path in (target if not split else None, card_path):
        if path is not None:
            tx.check(path)  # fail before writing anything

    stats = ExportStats()
    with tx:
        documents = iter_documents(corpus, where, ids)
        try:
            if split:
                assert target is not None
                _write_split(cls, tx, target, options, info, documents, stats)
            else:
                _write_one(cls(Output(tx, target), options), info, documents, stats)
        except BrokenPipeError:
            raise
        except UnicodeEncodeError as err:
            raise ExportError(
                f"document {stats.current!r} holds text that cannot be written as UTF-8 ({err.reason})"
            ) from err
        except OSError as err:
            raise ExportError(f"cannot write the export: {err.strerror or err}") from err
        if stats.passages == 0:
            filters = _filters_text(info.filters)
            raise ExportError(f"no passage matches the filters ({filters}); nothing written")
    report = ExportReport(fmt=fmt, stats=stats, files=list(tx.written), notes=_notes(fmt, transliterator))
    if card_path is not None:
        report.card = _write_card(card_path, report, info, transliterator, command, force)
    return report


def _target(out: str | Path | None, cls: type[Writer], split: bool, corpus: Corpus) -> Path | None:
    """The file (or ``--split`` folder) to write; ``None`` for standard output."""
    target = None if out is None or str(out) == "-" else Path(out)
    if target is None:
        if split or cls.needs_file:
            what = "--split" if split else cls.name
            raise ExportError(f"{what} needs --out PATH (it cannot write to standard output)")
        return None
    if split:
        if target.exists() and not target.is_dir():
            raise ExportError(f"{target} is a file; --split needs a folder")
        return target
    if target.is_dir():
        return target / f"{corpus.path.resolve().name or 'corpus'}{cls.extension}"
    return target


def _write_one(
    writer: Writer, info: ExportInfo, documents: Iterator[tuple[Document, list[Passage]]], stats: ExportStats
) -> None:
    writer.begin(info)
    for document, passages in documents:
        stats.current = document.id
        writer.write_document(document, passages)
        stats.add(document, passages)
    writer.end()
    stats.note_attributes(getattr(writer, "written", None))


def _write_split(
    cls: type[Writer],
    tx: Transaction,
    folder: Path,
    options: ExportOptions,
    info: ExportInfo,
    documents: Iterator[tuple[Document, list[Passage]]],
    stats: ExportStats,
) -> None:
    for document, passages in documents:
        stats.current = document.id
        path = file_inside(folder, safe_file_stem(document.id) + cls.extension)
        writer = cls(Output(tx, path), options)
        writer.begin(info)
        writer.write_document(document, passages)
        writer.end()
        stats.add(document, passages)
        stats.note_attributes(getattr(writer, "written", None))


def _filters_text(filters: dict[str, str]) -> str:
    return ", ".join(f"{k}={v}" for k, v in filters.items()) or "none"


def _write_card(
    path: Path,
    report: ExportReport,
    info: ExportInfo,
    translit: Transliterator | None,
    command: str | None,
    force: bool,
) -> Path:
    text = render_card(
        CardInput(
            fmt=report.fmt,
            stats=report.stats,
            corpus_path=info.corpus_path,
            manifest=info.manifest,
            version=info.version,
            created=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            filters=info.filters,
            files=report.files,
            extra_columns=translit.columns() if translit else (),
            match_columns="query" in info.filters,
            notes=report.notes,
            command=command,
        )
    )
    with Transaction(force=force) as tx:
        tx.open(path).write(text)
    return path


def _version() -> str:
    try:
        return importlib.metadata.version("bicorpus")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


__all__ = [
    "FORMATS",
    "WRITERS",
    "ExportReport",
    "ExportStats",
    "Transliterator",
    "buckwalter_mapper",
    "export_corpus",
    "import_jsonl",
    "iter_documents",
    "read_csv_records",
    "read_jsonl",
    "read_matches",
    "read_parquet_records",
    "read_tei",
    "read_vertical",
    "writer_class",
]
