"""CPU of the date functions on what the layout of text pages gives them.

    python bench/dates_time.py DIR... [--rounds N]

Lays out every ``*.txt`` page under each ``DIR`` once, recording the arguments the layout passes
to each date function of :mod:`bicorpus.dates`, then times each function on those arguments alone
(CPU time, best of ``--rounds``) and the layout itself.  Run it on two codes in turn
(``PYTHONPATH=OTHER/src python bench/dates_time.py …``) and compare the ratios of the same run.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import bicorpus.dates as dates_mod
import bicorpus.layout as layout_mod
from bicorpus.sources import read_source

FUNCTIONS = ("find_date_normalized", "is_dateline", "leading_date", "trailing_date", "glued_weekday")


def _best(run: Callable[[], Any], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dirs", type=Path, nargs="+")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    pages = [read_source(p) for d in args.dirs for p in sorted(d.rglob("*.txt"))]
    calls: dict[str, list[tuple[Any, ...]]] = {name: [] for name in FUNCTIONS}
    originals = {name: getattr(dates_mod, name) for name in FUNCTIONS}
    # every module of the package that imported a date function by name calls it through its own
    # namespace: the recording version goes there
    holders = [(module, name) for module in list(sys.modules.values())
               if getattr(module, "__name__", "").startswith("bicorpus.") and module is not dates_mod
               for name in FUNCTIONS if getattr(module, name, None) is originals[name]]

    def recording(name: str) -> Callable[..., Any]:
        def call(*a: Any) -> Any:
            calls[name].append(a)
            return originals[name](*a)
        return call

    recorders = {name: recording(name) for name in FUNCTIONS}
    for module, name in holders:
        setattr(module, name, recorders[name])
    try:
        for src in pages:
            layout_mod.analyze(src.text, src.headings)
    finally:
        for module, name in holders:
            setattr(module, name, originals[name])

    def lay_out() -> None:
        for src in pages:
            layout_mod.analyze(src.text, src.headings)

    total = _best(lay_out, args.rounds)
    print(f"{len(pages)} pages: layout {1000 * total / max(1, len(pages)):.3f} ms a page")
    dates_total = 0.0
    for name, function in originals.items():
        spent = _best(lambda f=function, a=calls[name]: [f(*x) for x in a], args.rounds)
        dates_total += spent
        print(f"{name:22s} {len(calls[name]):7d} calls {1000 * spent:9.1f} ms")
    print(f"date functions {1000 * dates_total:.1f} ms, {100 * dates_total / total:.1f}% of the layout")
    return 0


if __name__ == "__main__":
    sys.exit(main())
