"""Precision and recall of name queries in real running text.

Usage::

    python bench/realtext_names.py DEVDIR [--engine tantivy|whoosh] [--json OUT] [--verbose]
                                   [--min-confidence X] [--derived]

``DEVDIR`` holds (kept out of git: the pages are third-party text)

* ``pages/``: real pages (``.txt``) in Arabic and English;
* ``entities.tsv``: ``entity<TAB>regex``, one reviewed pattern per entity telling whether a
  passage really mentions it.  In a pattern ``A`` stands for the start of an Arabic word with
  its one- or two-letter proclitics (و ف ب ك ل) and ``Z`` for the end of a word;
* ``queries.tsv``: ``query<TAB>entity``, the name queries to run.

The pages are ingested into a temporary corpus and index, every query is run with the largest
limit, and each hit passage is judged by its entity's pattern: precision is the share of hit
passages that mention the entity, recall the share of the passages mentioning it that are hit.
Figures per query and over all queries (micro-averaged over passages); ``--verbose`` lists the
false and the missed passages of each query.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import bicorpus
from bicorpus.errors import QueryError
from bicorpus.index.search import MAX_LIMIT

_WORD_START = r"(?<!\w)[وفبكل]{0,2}"
_WORD_END = r"(?!\w)"


@dataclass
class QueryResult:
    query: str
    entity: str
    hits: int
    relevant: int
    true_hits: int
    false: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_hits / self.hits if self.hits else 1.0

    @property
    def recall(self) -> float:
        return self.true_hits / self.relevant if self.relevant else 1.0


def _rows(path: Path) -> list[tuple[str, str]]:
    out = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise SystemExit(f"{path}:{n}: expected two tab-separated columns")
        out.append((parts[0].strip(), parts[1].strip()))
    return out


def load_patterns(path: Path) -> dict[str, re.Pattern[str]]:
    """The entity patterns of ``entities.tsv`` (``A`` / ``Z``: Arabic word start / word end)."""
    out = {}
    for entity, pattern in _rows(path):
        expanded = re.sub(r"(?<![\\\w])A\(", lambda _: _WORD_START + "(", pattern)
        expanded = re.sub(r"\)Z", lambda _: ")" + _WORD_END, expanded)
        out[entity] = re.compile(expanded)
    return out


def _search(ix: bicorpus.SearchIndex, query: str, min_confidence: float | None, derived: bool) -> list:
    kwargs: dict = {"limit": MAX_LIMIT}
    if min_confidence is not None:
        kwargs["min_confidence"] = min_confidence
    if derived:
        kwargs["derived"] = True
    try:
        return ix.search(query, **kwargs).hits
    except QueryError as err:  # a query this version refuses finds nothing
        print(f"{query}: {err}", file=sys.stderr)
        return []


def run(devdir: Path, engine: str | None, min_confidence: float | None, derived: bool) -> dict:
    patterns = load_patterns(devdir / "entities.tsv")
    queries = _rows(devdir / "queries.tsv")
    unknown = sorted({e for _, e in queries} - set(patterns))
    if unknown:
        raise SystemExit(f"{devdir / 'queries.tsv'}: entities without a pattern: {', '.join(unknown)}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        t0 = time.perf_counter()
        bicorpus.ingest([devdir / "pages"], work / "corpus", index=work / "index", engine=engine)
        ingest_s = time.perf_counter() - t0
        passages = {p.id: p.text for p in bicorpus.open_corpus(work / "corpus").passages()}
        docs = {p.doc_id for p in bicorpus.open_corpus(work / "corpus").passages()}
        plain = {pid: text.replace("\u0640", "") for pid, text in passages.items()}  # tatweel aside
        truth = {e: {pid for pid, text in plain.items() if rx.search(text)} for e, rx in patterns.items()}
        results: list[QueryResult] = []
        t0 = time.perf_counter()
        with bicorpus.open_index(work / "index") as ix:
            for query, entity in queries:
                hit_ids = {h.passage_id for h in _search(ix, query, min_confidence, derived)}
                relevant = truth[entity]
                results.append(QueryResult(
                    query=query, entity=entity, hits=len(hit_ids), relevant=len(relevant),
                    true_hits=len(hit_ids & relevant),
                    false=[passages[i] for i in sorted(hit_ids - relevant)],
                    missed=[passages[i] for i in sorted(relevant - hit_ids)]))
        search_s = time.perf_counter() - t0
    hits = sum(r.hits for r in results)
    true_hits = sum(r.true_hits for r in results)
    relevant = sum(r.relevant for r in results)
    return {
        "pages": len(list((devdir / "pages").glob("*.txt"))), "documents": len(docs),
        "passages": len(passages), "queries": len(results),
        "entities": len({r.entity for r in results}),
        "precision": true_hits / hits if hits else 1.0,
        "recall": true_hits / relevant if relevant else 1.0,
        "hits": hits, "false": hits - true_hits, "missed": relevant - true_hits,
        "ingest_seconds": round(ingest_s, 2), "search_seconds": round(search_s, 2),
        "per_query": [{**asdict(r), "precision": r.precision, "recall": r.recall} for r in results],
    }


def _short(text: str, width: int = 150) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def report(summary: dict, verbose: bool) -> str:
    lines = [f"{'query':<22} {'entity':<10} {'hits':>5} {'rel':>5} {'false':>5} {'miss':>5} "
             f"{'prec':>6} {'recall':>6}"]
    for r in summary["per_query"]:
        lines.append(f"{r['query']:<22} {r['entity']:<10} {r['hits']:>5} {r['relevant']:>5} "
                     f"{len(r['false']):>5} {len(r['missed']):>5} {r['precision']:>6.3f} {r['recall']:>6.3f}")
        if verbose:
            lines += [f"    false: {_short(t)}" for t in r["false"]]
            lines += [f"    missed: {_short(t)}" for t in r["missed"]]
    lines.append(f"overall: {summary['queries']} queries over {summary['entities']} entities, "
                 f"{summary['pages']} pages, {summary['passages']} passages; "
                 f"{summary['hits']} hit passages, {summary['false']} false, {summary['missed']} missed; "
                 f"precision {summary['precision']:.3f}, recall {summary['recall']:.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("devdir", type=Path)
    ap.add_argument("--engine", choices=("tantivy", "whoosh"))
    ap.add_argument("--json", type=Path, help="write the figures (and every false/missed passage) here")
    ap.add_argument("--verbose", action="store_true", help="list false and missed passages")
    ap.add_argument("--min-confidence", type=float, help="drop matches below this confidence")
    ap.add_argument("--derived", action="store_true", help="let derived forms (nisba) match too")
    args = ap.parse_args(argv)
    summary = run(args.devdir, args.engine, args.min_confidence, args.derived)
    print(report(summary, args.verbose))
    if args.json:
        args.json.write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
