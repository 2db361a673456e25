"""Where a re-ingest with few changed pages spends its time.

Builds (once, then reused) a work folder with ``--pages`` generated pages, their corpus and a
tantivy index; then each round rewrites ``--fraction`` of the pages (a new revision each round)
and re-ingests them as ``bench/run.py --incremental`` does (pipeline ingest, then the index
brought up to date), timed, and with ``--profile`` under cProfile::

    python bench/reingest_profile.py --work /tmp/reingest --pages 11000 --rounds 3
    python bench/reingest_profile.py --work /tmp/reingest --profile 40

``--unchanged`` re-ingests without rewriting anything (the fixed cost alone).  The work folder
keeps the pages, corpus and index between runs; ``--fresh`` starts again.  Several source trees
can be compared on one work folder (``PYTHONPATH=<tree>/src``), each round changing new pages.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generate import mutate_pages, write_pages
from run import _ingest_and_index

SEED = 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", required=True, help="work folder (pages, corpus, index, state)")
    parser.add_argument("--pages", type=int, default=11000)
    parser.add_argument("--fraction", type=float, default=0.01)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--engine", default="tantivy")
    parser.add_argument("--profile", type=int, default=0, help="print this many cProfile lines (cumulative)")
    parser.add_argument("--unchanged", action="store_true", help="change no page")
    parser.add_argument("--fresh", action="store_true", help="rebuild pages, corpus and index first")
    args = parser.parse_args(argv)

    work = Path(args.work)
    pages, corpus, index, state = work / "pages", work / "corpus", work / "index", work / "state.json"
    if args.fresh:
        shutil.rmtree(work, ignore_errors=True)
    if not state.exists():
        work.mkdir(parents=True, exist_ok=True)
        write_pages(pages, args.pages, SEED)
        full = _ingest_and_index(str(pages), str(corpus), str(index), args.engine)
        print(json.dumps({"full": full}))
        state.write_text(json.dumps({"pages": args.pages, "revision": 1, "full_seconds": full["seconds"]}))
    info = json.loads(state.read_text())
    for _ in range(args.rounds):
        if not args.unchanged:
            time.sleep(1.0)  # the rewritten pages must look newer than the corpus
            info["revision"] += 1
            mutate_pages(pages, info["pages"], SEED, args.fraction, revision=info["revision"])
            state.write_text(json.dumps(info))
            # as pages edited a little while before the run (so each round is like the first): a page
            # ingested within 2 s of its change has its bytes compared again by the next run
            time.sleep(2.5)
        profiler = cProfile.Profile() if args.profile else None
        if profiler:
            profiler.enable()
        result = _ingest_and_index(str(pages), str(corpus), str(index), args.engine)
        if profiler:
            profiler.disable()
        shown = ("seconds", "ingest_seconds", "index_seconds", "cpu_seconds", "changed_docs", "added_docs",
                 "removed_docs", "unchanged_docs")
        print(json.dumps({k: result[k] for k in shown}))
        if profiler:
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
