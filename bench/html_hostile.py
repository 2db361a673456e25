"""Hostile HTML: time and peak memory of reading one page, per family and size.

    python bench/html_hostile.py [--sizes 100000,1000000,10000000] [--json OUT]

Families: runs of ``<a``, ``</`` and ``<!``; thousands of ``<h2>`` sections; one ``<p>`` with
millions of attributes; an unclosed comment; deep nesting.  Each page is written to a temporary
file and read by ``read_source`` + ``process_document`` in a fresh process (so peak memory is that
page's).  Reading must grow linearly: the last column is the time ratio to the size before it.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

FAMILIES: dict[str, Callable[[int], str]] = {
    "a-openers": lambda n: "<p>start</p>" + "<a" * (n // 2),
    "close-openers": lambda n: "<p>start</p>" + "</" * (n // 2),
    "bang-openers": lambda n: "<p>start</p>" + "<!" * (n // 2),
    "h2-sections": lambda n: "<h1>T</h1>" + "<h2>Section heading</h2><p>Paragraph text here.</p>" * (n // 50),
    "attributes": lambda n: "<p " + " ".join(f"a{i}=1" for i in range(n // 8)) + ">text</p>",
    "unclosed-comment": lambda n: "<p>visible</p><!-- secret " + "x" * n,
    "nesting": lambda n: "<div>" * (n // 11) + "<p>deep</p>" + "</div>" * (n // 11),
}


def _child(path: str) -> None:
    from bicorpus.errors import SourceError
    from bicorpus.pipeline import process_document
    from bicorpus.readers.html import read_html
    from bicorpus.sources import read_source

    read_html("<p>warm-up: imports and the extractor's tables load before the clock starts</p>")
    t0 = time.perf_counter()
    try:
        process_document(read_source(path, fmt="html"))
        outcome = "ok"
    except SourceError as err:
        outcome = err.reason
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "outcome": outcome}))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100000,1000000,10000000")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        _child(args.child)
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    print(f"{'family':<18} {'bytes':>10} {'seconds':>8} {'peak MB':>8} {'x prev':>7}  outcome")
    with tempfile.TemporaryDirectory() as tmp:
        for family, make in FAMILIES.items():
            prev = None
            for size in sizes:
                path = Path(tmp) / f"{family}-{size}.html"
                path.write_text(make(size), "utf-8")
                out = subprocess.run([sys.executable, __file__, "--child", str(path)], capture_output=True,
                                     text=True, check=True)
                row = json.loads(out.stdout.strip().splitlines()[-1]) | {"family": family, "bytes": size}
                growth = row["seconds"] / prev if prev else None
                prev = max(row["seconds"], 1e-3)
                rows.append(row | {"growth": growth})
                print(f"{family:<18} {size:>10} {row['seconds']:>8.2f} {row['peak_mb']:>8.0f} "
                      f"{growth if growth is not None else float('nan'):>7.1f}  {row['outcome']}", flush=True)
                path.unlink()
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
