"""The raw-Tantivy ceiling: what Tantivy itself costs on the same passages, without bicorpus.

One stored ``text`` field with Tantivy's default tokenizer (lowercased words, positions), ``id``,
``doc_id``, ``lang`` and ``region`` as raw keywords and the year of ``date`` as a fast integer;
Tantivy's own writer with its default threads; no name keys, no normalization.  Queries are the
benchmark's query texts parsed by Tantivy's query parser on ``text`` (quoted phrases stay phrases,
no name expansion); filters are term queries and a year range.  It indexes the corpus's own
``passages.jsonl``, like the plain-Whoosh baseline, so every side indexes the same passages.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import tantivy
from baseline import BaselineBuild, passages_from_corpus
from common import BenchQuery

#: Writer memory of the raw build (what the bicorpus engine gives its whole build).
WRITER_HEAP = 256_000_000
_YEAR_RE = re.compile(r"\d{4}")


def raw_schema() -> Any:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("text", stored=True)  # the default tokenizer, with positions
    for name in ("id", "doc_id", "lang", "region"):
        builder.add_text_field(name, stored=name in ("id", "doc_id"), tokenizer_name="raw")
    builder.add_integer_field("year", stored=False, indexed=False, fast=True)
    return builder.build()


def build_raw(corpus_dir: str | Path, index_dir: str | Path) -> BaselineBuild:
    """Index the corpus's passages into a fresh raw Tantivy index (reading and parsing included)."""
    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    start, start_cpu = time.perf_counter(), time.process_time()
    index = tantivy.Index(raw_schema(), path=str(index_dir))
    writer = index.writer(heap_size=WRITER_HEAP)
    count = text_bytes = 0
    for row in passages_from_corpus(corpus_dir):
        text = row["text"] or ""
        doc = tantivy.Document()
        doc.add_text("text", text)
        for name in ("id", "doc_id", "lang", "region"):
            doc.add_text(name, str(row.get(name) or ""))
        year = _YEAR_RE.match(row.get("date") or "")
        if year:
            doc.add_integer("year", int(year.group()))
        writer.add_document(doc)
        count += 1
        text_bytes += len(text.encode("utf-8"))
    added = time.perf_counter()
    writer.commit()
    writer.wait_merging_threads()
    done = time.perf_counter()
    return BaselineBuild(count, done - start, added - start, done - added, text_bytes / 1e6,
                         time.process_time() - start_cpu)


class RawSearcher:
    """Runs benchmark queries on a raw Tantivy index: the top hits with their stored fields."""

    def __init__(self, index_dir: str | Path, limit: int = 10) -> None:
        self._index = tantivy.Index.open(str(index_dir))
        self._schema = self._index.schema
        self._searcher = self._index.searcher()
        self.limit = limit

    def _filtered(self, query: Any, q: BenchQuery) -> Any:
        parts = [(tantivy.Occur.Must, query)]
        for name, value in (("lang", q.lang), ("region", q.region)):
            if value:
                parts.append((tantivy.Occur.Must, tantivy.Query.term_query(self._schema, name, value)))
        if q.since:
            year = int(q.since[:4])
            parts.append((tantivy.Occur.Must, tantivy.Query.range_query(
                self._schema, "year", tantivy.FieldType.Integer, year, 9999, use_inverted_index=False)))
        return query if len(parts) == 1 else tantivy.Query.boolean_query(parts)

    def search(self, q: BenchQuery) -> int:
        query, _errors = self._index.parse_query_lenient(q.text, ["text"])
        hits = self._searcher.search(self._filtered(query, q), limit=self.limit).hits
        return len([json.dumps(self._searcher.doc(address).to_dict()) for _, address in hits])

    def close(self) -> None:
        self._searcher = None

    def __enter__(self) -> RawSearcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
