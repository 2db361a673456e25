"""Dump the full results of the benchmark queries on one index, for comparing two builds.

    python bench/dump_results.py INDEX_DIR OUT.jsonl [--queries-per-class 60]

Each line is one query's whole answer (total, hits with tiers, scores, matches and spans), in
query order; two dumps of the same corpus compare byte for byte (``cmp A B``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import build_queries


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("index")
    parser.add_argument("out")
    parser.add_argument("--queries-per-class", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    from bicorpus.corpus import PassageFilter
    from bicorpus.index import open_index

    queries = build_queries(args.queries_per_class, seed=args.seed)
    with open_index(args.index) as index, open(args.out, "w", encoding="utf-8") as out:
        for q in queries:
            pairs = (("lang", q.lang), ("region", q.region), ("since", q.since))
            filters = {k: v for k, v in pairs if v}
            where = PassageFilter(**filters) if filters else None
            result = index.search(q.text, limit=10, where=where)
            row = {"query": q.to_dict(), **result.to_dict()}
            out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(queries)} queries written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
