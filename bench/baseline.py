"""The plain-Whoosh baseline: what a straightforward Whoosh index of the same passages costs.

``StandardAnalyzer`` on one stored text field plus a few id fields, the default
single-process writer, no name keys and no normalization beyond the analyzer's
lowercasing.  Queries are the benchmark's query texts parsed as they are (no name
expansion).  Passages come from a bicorpus corpus (``passages.jsonl``) so both
engines index the identical passage set, or, without a corpus, from a simple
split of the page files (:func:`split_page`).
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common import BenchQuery
from whoosh import index as whoosh_index
from whoosh.analysis import StandardAnalyzer
from whoosh.fields import ID, TEXT, Schema
from whoosh.qparser import QueryParser
from whoosh.query import And, Term, TermRange

from bicorpus.normalize import detect_lang

#: Fields of a baseline passage record.
RECORD_KEYS = ("id", "doc_id", "lang", "region", "date", "text")

_BLOCK_SPLIT_RE = re.compile(r"\n\s*\n")
_BULLET_RE = re.compile(r"^\s*•")
_DATE_RE = re.compile(r"^\s*[\d٠-٩]{1,2} [^\d٠-٩]+،? ?,? ?[\d٠-٩]{4}\s*$")
_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
_YEAR_RE = re.compile(r"\d{4}")


def baseline_schema() -> Schema:
    """Stored text with the standard analyzer, plus ids for filters and display."""
    return Schema(
        id=ID(stored=True, unique=True),
        doc_id=ID(stored=True),
        lang=ID(),
        region=ID(),
        date=ID(stored=True),
        text=TEXT(analyzer=StandardAnalyzer(), stored=True),
    )


# ---------------------------------------------------------------- passage sources


def passages_from_corpus(corpus_dir: str | Path) -> Iterator[dict[str, Any]]:
    """Passage records of a bicorpus corpus, streamed from its ``passages.jsonl``."""
    with (Path(corpus_dir) / "passages.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                yield {key: row.get(key) for key in RECORD_KEYS}


def _region_of(block: str, position: int) -> str:
    if _BULLET_RE.match(block):
        return "site-header"
    if _DATE_RE.match(block):
        return "dateline"
    return "title" if position == 0 else "body"


def split_page(text: str) -> list[tuple[str, str]]:
    """``(region, text)`` pieces of a page: header lines one by one, then blank-line separated blocks.

    A rough stand-in for bicorpus's layout analysis, used only when no corpus is given."""
    pieces: list[tuple[str, str]] = []
    position = 0
    for block in _BLOCK_SPLIT_RE.split(text):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        if len(lines) > 1 and any(_BULLET_RE.match(line) for line in block.splitlines()):
            pieces.extend(("site-header", line) for line in lines)
            continue
        joined = " ".join(lines)
        pieces.append((_region_of(block, position), joined))
        position += 1
    return pieces


def _page_date(pieces: list[tuple[str, str]]) -> str | None:
    for region, text in pieces:
        if region == "dateline":
            year = _YEAR_RE.search(text.translate(_INDIC))
            return year.group() if year else None
    return None


def passages_from_pages(pages_dir: str | Path) -> Iterator[dict[str, Any]]:
    """Passage records from the page files themselves (sorted by name), via :func:`split_page`."""
    for path in sorted(Path(pages_dir).glob("*.txt")):
        pieces = split_page(path.read_text("utf-8"))
        date = _page_date(pieces)
        for ordinal, (region, text) in enumerate(pieces):
            yield {
                "id": f"{path.stem}:{ordinal}",
                "doc_id": path.stem,
                "lang": detect_lang(text)[0],
                "region": region,
                "date": date,
                "text": text,
            }


# ---------------------------------------------------------------- build and search


@dataclass
class BaselineBuild:
    """What building the baseline index cost."""

    passages: int
    seconds: float
    add_seconds: float
    commit_seconds: float
    text_mb: float
    #: CPU time of the building process, all its threads (what the build costs apart from waiting for a core).
    cpu_seconds: float = 0.0

    @property
    def passages_per_s(self) -> float:
        return self.passages / self.seconds if self.seconds else 0.0


def build_baseline(passages: Iterable[dict[str, Any]], index_dir: str | Path) -> BaselineBuild:
    """Index ``passages`` into a fresh plain-Whoosh index at ``index_dir`` with the default writer."""
    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    start, start_cpu = time.perf_counter(), time.process_time()
    ix = whoosh_index.create_in(str(index_dir), baseline_schema())
    writer = ix.writer()
    count = 0
    text_bytes = 0
    for row in passages:
        text = row["text"] or ""
        writer.add_document(
            id=str(row["id"]),
            doc_id=str(row["doc_id"]),
            lang=row.get("lang") or "",
            region=row.get("region") or "",
            date=row.get("date") or "",
            text=text,
        )
        count += 1
        text_bytes += len(text.encode("utf-8"))
    added = time.perf_counter()
    writer.commit()
    done = time.perf_counter()
    ix.close()
    return BaselineBuild(count, done - start, added - start, done - added, text_bytes / 1e6,
                         time.process_time() - start_cpu)


def build_baseline_from(source: str | Path, index_dir: str | Path, from_corpus: bool) -> BaselineBuild:
    """Build from a corpus folder (``from_corpus``) or from a folder of pages (picklable entry point)."""
    passages = passages_from_corpus(source) if from_corpus else passages_from_pages(source)
    return build_baseline(passages, index_dir)


class BaselineSearcher:
    """Runs benchmark queries on a baseline index; one searcher kept open, as a server would."""

    def __init__(self, index_dir: str | Path, limit: int = 10) -> None:
        self._ix = whoosh_index.open_dir(str(index_dir))
        self._searcher = self._ix.searcher()
        self._parser = QueryParser("text", self._ix.schema)
        self.limit = limit

    def _filter(self, query: BenchQuery) -> Any:
        terms: list[Any] = []
        if query.lang:
            terms.append(Term("lang", query.lang))
        if query.region:
            terms.append(Term("region", query.region))
        if query.since:
            # Dates are ISO strings: everything from the prefix on sorts at or after it.
            terms.append(TermRange("date", query.since, None))
        if not terms:
            return None
        return terms[0] if len(terms) == 1 else And(terms)

    def search(self, query: BenchQuery) -> int:
        """Run one query, materialize the top hits' stored fields, return how many came back."""
        parsed = self._parser.parse(query.text)
        results = self._searcher.search(parsed, limit=self.limit, filter=self._filter(query))
        return len([hit.fields() for hit in results])

    def close(self) -> None:
        self._searcher.close()
        self._ix.close()

    def __enter__(self) -> BaselineSearcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
