"""The data card written next to an export: what is in it, where it came from, how it was made."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Document, Passage
from .columns import columns_for

#: Source paths listed one by one on the card; the rest are counted.
MAX_LISTED_SOURCES = 50
#: Manifest lists and tables longer than this are summarized on the card by their length.
MAX_MANIFEST_ITEMS = 20

#: Field descriptions for the record-shaped formats (jsonl, tei, vertical).
FORMAT_LAYOUT: dict[str, str] = {
    "jsonl": "One JSON object per line: the passage record (corpus schema) with `schema_version` "
    "and its `document` record; `translit`/`buckwalter` when exported with --translit.",
    "csv": "Comma-separated, header row, one passage per row; empty cell = no value.",
    "tsv": "Tab-separated, header row, one passage per row; fields with tabs, quotes or line "
    "breaks are double-quoted; empty cell = no value.",
    "parquet": "Apache Parquet, one passage per row, typed columns, nulls for missing values.",
    "tei": "TEI P5 XML: teiCorpus > TEI per document; site-header bullets in front, article in "
    "body, boilerplate in back; div/@type = region, div/@n = section; p/@xml:id, @xml:lang, "
    "@n (ordinal), @ana → feature structure in standOff with the other passage fields.",
    "vertical": "CWB / Sketch Engine vertical text: <doc> and <p> structures with every "
    "metadata field as attributes; one token per line: word, norm, translit, lang, space.",
    "txt": "Plain text, one passage per line (line breaks inside a passage become spaces), "
    "one file per language; with --translit a line-aligned romanized twin of each file.",
}

#: How to load each format in common tools.
LOADING_HINTS: dict[str, str] = {
    "jsonl": "pandas: `pd.read_json(path, lines=True)`; R: `jsonlite::stream_in(file(path))`",
    "csv": "pandas: `pd.read_csv(path, dtype=str, keep_default_na=False)`; "
    "R: `read.csv(path, encoding='UTF-8', colClasses='character')`",
    "tsv": "pandas: `pd.read_csv(path, sep='\\t', dtype=str, keep_default_na=False)`; "
    "R: `read.delim(path, encoding='UTF-8', colClasses='character')`",
    "parquet": "pandas: `pd.read_parquet(path)`; R: `arrow::read_parquet(path)`",
    "tei": "any XML/TEI tool; Python: `bicorpus.export.tei.read_tei(path)`",
    "vertical": "`cwb-encode -c utf8 -x` with the attributes listed below; Sketch Engine upload",
    "txt": "any text editor or AntConc",
}


@dataclass
class ExportStats:
    """Counts gathered while streaming (memory bounded by the number of distinct labels)."""

    documents: int = 0
    passages: int = 0
    langs: Counter[str] = field(default_factory=Counter)
    regions: Counter[str] = field(default_factory=Counter)
    first_date: str | None = None
    last_date: str | None = None
    sources: list[str] = field(default_factory=list)
    characters: int = 0
    current: str | None = None  # id of the document being written
    #: Attributes the writers wrote, by kind (vertical: ``positional``, ``doc``, ``p``), in order.
    attributes: dict[str, dict[str, None]] = field(default_factory=dict)

    def note_attributes(self, written: dict[str, dict[str, None]] | None) -> None:
        """Add the attributes a writer wrote (the card lists exactly these)."""
        for kind, names in (written or {}).items():
            self.attributes.setdefault(kind, {}).update(names)

    def add(self, doc: Document, passages: list[Passage]) -> None:
        self.documents += 1
        self.passages += len(passages)
        if len(self.sources) < MAX_LISTED_SOURCES:
            self.sources.append(doc.path)
        for p in passages:
            self.langs[p.lang] += 1
            self.regions[p.region] += 1
            self.characters += len(p.text)
            date = p.date or doc.date
            if date:
                self.first_date = min(self.first_date or date, date)
                self.last_date = max(self.last_date or date, date)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "passages": self.passages,
            "characters": self.characters,
            "passages_by_lang": dict(sorted(self.langs.items())),
            "passages_by_region": dict(sorted(self.regions.items())),
            "first_date": self.first_date,
            "last_date": self.last_date,
        }


@dataclass
class CardInput:
    """Everything the card describes."""

    fmt: str
    stats: ExportStats
    corpus_path: str
    manifest: dict[str, Any]
    version: str
    created: str
    filters: dict[str, str]
    files: list[Path]
    extra_columns: tuple[str, ...]
    notes: list[str]
    command: str | None = None
    #: The export is by query: the flat formats have the match columns.
    match_columns: bool = False


def _table(rows: list[tuple[str, Any]], head: tuple[str, str]) -> list[str]:
    lines = [f"| {head[0]} | {head[1]} |", "| --- | --- |"]
    lines += [f"| {k} | {v} |" for k, v in rows]
    return lines


def _columns_section(fmt: str, extra: tuple[str, ...], files: list[Path], matches: bool = False,
                     written: dict[str, dict[str, None]] | None = None) -> list[str]:
    if fmt in ("csv", "tsv", "parquet"):
        lines = ["| column | type | meaning |", "| --- | --- | --- |"]
        lines += [f"| {c.name} | {c.type} | {c.doc} |" for c in columns_for(extra, matches)]
        return lines
    if fmt == "vertical":
        written = written or {}
        positional = tuple(written.get("positional") or ())
        doc_attrs = "+".join(written.get("doc") or ())
        p_attrs = "+".join(written.get("p") or ())
        p_args = " ".join(f"-P {a}" for a in positional[1:])
        vrt = files[0].name if len(files) == 1 else "FILE.vrt"
        return [
            f"Positional attributes: {', '.join(positional)}.",
            "",
            "Encode with CWB:",
            "",
            "```",
            f"cwb-encode -c utf8 -x -d DATA -f {vrt} -R REGISTRY/NAME {p_args} "
            f"-S doc:0+{doc_attrs} -S p:0+{p_attrs}",
            "```",
        ]
    return []


def manifest_summary(manifest: dict[str, Any]) -> dict[str, Any]:
    """The manifest with long lists and tables (e.g. every source's hash) replaced by their size."""
    return {
        key: f"{len(value)} entries (see manifest.json)"
        if isinstance(value, (dict, list)) and len(value) > MAX_MANIFEST_ITEMS
        else value
        for key, value in manifest.items()
    }


def render_card(card: CardInput) -> str:
    """The Markdown text of a data card."""
    s = card.stats
    lines = [
        "# Data card: bicorpus export",
        "",
        f"Format **{card.fmt}**, written {card.created} by bicorpus {card.version}.",
        "",
    ]
    if card.command:
        lines += ["Produced with:", "", "```", card.command, "```", ""]
    lines += ["## Contents", ""]
    lines += _table(
        [
            ("documents", s.documents),
            ("passages", s.passages),
            ("characters of text", s.characters),
            ("dates", f"{s.first_date or '?'} … {s.last_date or '?'}"),
        ],
        ("", "count"),
    )
    lines += ["", "### Passages by language", ""]
    lines += _table(sorted(s.langs.items()), ("lang", "passages"))
    lines += ["", "### Passages by region", ""]
    lines += _table(sorted(s.regions.items()), ("region", "passages"))
    lines += ["", "## Sources", ""]
    lines += [f"- `{src}`" for src in s.sources]
    if s.documents > len(s.sources):
        lines.append(f"- … and {s.documents - len(s.sources)} more documents")
    lines += ["", "## Selection", ""]
    if card.filters:
        lines += [f"- {k}: `{v}`" for k, v in card.filters.items()]
    else:
        lines.append("- every passage of the corpus")
    lines += [
        "",
        "## Schema",
        "",
        f"Corpus schema version {card.manifest.get('schema_version')}. {FORMAT_LAYOUT[card.fmt]}",
        "",
        f"Loading: {LOADING_HINTS[card.fmt]}.",
        "",
    ]
    columns = _columns_section(card.fmt, card.extra_columns, card.files, card.match_columns,
                               card.stats.attributes)
    if columns:
        lines += [*columns, ""]
    lines += ["## Source corpus", "", f"`{card.corpus_path}`, manifest:", "", "```json"]
    lines += [json.dumps(manifest_summary(card.manifest), ensure_ascii=False, indent=2, sort_keys=True)]
    lines += ["```", ""]
    lines += ["## Files", ""]
    lines += [f"- `{f.name}` ({f.stat().st_size} bytes)" for f in card.files[:MAX_LISTED_SOURCES]]
    if len(card.files) > MAX_LISTED_SOURCES:
        lines.append(f"- … and {len(card.files) - MAX_LISTED_SOURCES} more files")
    if card.notes:
        lines += ["", "## Notes", ""]
        lines += [f"- {note}" for note in card.notes]
    return "\n".join(lines) + "\n"
