"""The flat table layout shared by csv, tsv and parquet: one passage per row.

Columns are data: :data:`COLUMNS` lists each column with its source field, type and
meaning; :func:`flat_row` and :func:`records_from_row` convert both ways, so a row read
back from any of the flat formats gives the original :class:`Passage` and :class:`Document`.
An empty cell means "no value" (``None``) for optional fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import ExportError
from ..model import Document, Passage
from .matches import MATCH_DOCS


@dataclass(frozen=True)
class Column:
    """One column of the flat layout."""

    name: str
    record: str  # "passage", "document", "share" or "extra"
    field: str
    type: str  # "str", "int", "float"
    optional: bool
    doc: str


def _p(name: str, type_: str, optional: bool, doc: str) -> Column:
    return Column(name, "passage", name, type_, optional, doc)


def _d(field: str, type_: str, optional: bool, doc: str) -> Column:
    return Column(f"doc_{field}", "document", field, type_, optional, doc)


#: Every column of the flat layout, in order.
COLUMNS: tuple[Column, ...] = (
    _p("id", "str", False, "passage id (unique in the corpus)"),
    _p("doc_id", "str", False, "id of the document the passage belongs to"),
    _p("ordinal", "int", False, "position of the passage in its document, from 0"),
    _p("lang", "str", False, "language label: ar, en or mixed"),
    _p("region", "str", False, "site-header, title, subtitle, dateline, body or boilerplate"),
    _p("section", "str", True, "heading of the article section the passage is in"),
    _p("title", "str", True, "title of the article the passage belongs to"),
    _p("date", "str", True, "ISO date of the article"),
    _p("author", "str", True, "author named by the passage (header bullets: the linked article's author)"),
    _p("honorific", "str", True, "honorific before the author's name, e.g. د."),
    _p("linked_title", "str", True, "title of the article a header bullet links to"),
    _p("start", "int", False, "character offset of the passage in the source text"),
    _p("end", "int", False, "character offset just after the passage in the source text"),
    Column("share_ar", "share", "ar", "float", True, "share of Arabic letters in the passage (0-1)"),
    Column("share_en", "share", "en", "float", True, "share of Latin letters in the passage (0-1)"),
    _p("text", "str", False, "original passage text, exactly as in the source"),
    _p("norm", "str", False, "normalized search form of the text"),
    _d("path", "str", False, "source file path"),
    _d("title", "str", True, "document title"),
    _d("date", "str", True, "document date (ISO)"),
    _d("lang", "str", True, "document language label"),
    _d("size", "int", False, "source file size in bytes"),
    _d("encoding", "str", False, "source file encoding"),
    _d("sha256", "str", False, "SHA-256 of the source file"),
    _d("format", "str", False, "source file format"),
    _d("n_passages", "int", False, "number of passages of the document in the corpus"),
    _d("mtime", "float", True, "source file modification time (POSIX seconds)"),
    _d("site", "str", True, "site the page comes from (the name it declares, or its host)"),
    _d("url", "str", True, "URL of the page (canonical when it declares one)"),
    _d("authors", "str", True, "the article's authors as the page names them, separated by '; '"),
)

#: Columns added by ``--translit``.
EXTRA_COLUMNS: tuple[Column, ...] = (
    Column("translit", "extra", "translit", "str", False, "romanization of the text, word by word"),
    Column("buckwalter", "extra", "buckwalter", "str", False, "Buckwalter transliteration (camel-tools)"),
)

#: Columns added by an export by ``--query``: how each passage matched it.
MATCH_COLUMNS: tuple[Column, ...] = tuple(
    Column(name, "match", name, kind, True, MATCH_DOCS[name])
    for name, kind in (("match_tier", "str"), ("match_score", "float"), ("match_confidence", "float"),
                       ("match_spans", "str"))
)

_CONVERT = {"str": str, "int": int, "float": float}
#: Columns added after the first flat exports: a file without them still reads back.
_LATER_COLUMNS = frozenset({"doc_authors"})


def column_names(extra: tuple[str, ...] = (), matches: bool = False) -> list[str]:
    """Header of the flat layout, with the given extra columns at the end (then the match columns of
    an export by query)."""
    return [c.name for c in columns_for(extra, matches)]


def columns_for(extra: tuple[str, ...] = (), matches: bool = False) -> list[Column]:
    """Column descriptions of the flat layout with the given extras (and the match columns)."""
    by_name = {c.name: c for c in EXTRA_COLUMNS}
    return list(COLUMNS) + [by_name[name] for name in extra] + (list(MATCH_COLUMNS) if matches else [])


def flat_row(doc: Document, passage: Passage) -> dict[str, Any]:
    """The flat row of a passage (typed values; ``None`` for missing ones)."""
    row: dict[str, Any] = {}
    for col in COLUMNS:
        if col.record == "passage":
            row[col.name] = getattr(passage, col.field)
        elif col.record == "document":
            value = getattr(doc, col.field)
            row[col.name] = ("; ".join(value) or None) if isinstance(value, list) else value
        else:
            row[col.name] = passage.lang_share.get(col.field)
    return row


def _value(col: Column, raw: Any) -> Any:
    if raw is None or (raw == "" and (col.optional or col.type != "str")):
        if not col.optional:
            raise ExportError(f"column {col.name!r} is empty but required")
        return None
    try:
        return _CONVERT[col.type](raw)
    except (TypeError, ValueError) as err:
        raise ExportError(f"column {col.name!r} has a bad value {raw!r}") from err


def records_from_row(row: Mapping[str, Any]) -> tuple[Document, Passage]:
    """Rebuild the document and passage of a flat row (strings or typed values)."""
    passage: dict[str, Any] = {"lang_share": {}}
    document: dict[str, Any] = {}
    for col in COLUMNS:
        if col.name not in row:
            if col.name in _LATER_COLUMNS:  # a file written before the column existed
                continue
            raise ExportError(f"column {col.name!r} is missing")
        value = _value(col, row[col.name])
        if col.record == "passage":
            passage[col.field] = value
        elif col.name == "doc_authors":
            document[col.field] = value.split("; ") if value else []
        elif col.record == "document":
            document[col.field] = value
        elif value is not None:
            passage["lang_share"][col.field] = value
    document["id"] = passage["doc_id"]
    return Document.from_dict(document), Passage.from_dict(passage)
