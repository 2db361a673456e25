"""Pathological inputs at growing sizes: time and peak memory must grow linearly.

    python bench/hostile.py [--sizes 100000,1000000,10000000] [--timeout 120] [--only html-a,text-dots]

The fuzzer (``bench/fuzz.py``) tries many small random inputs; this runs the families of input
known to blow up a parser, each at every size, every case in a fresh process (its peak resident
memory is its own):

* ``html-a``, ``html-close``, ``html-bang``: a page of ``<a``, of ``</`` or of ``<!`` repeated;
* ``html-h2``: a page of many ``<h2>`` headings with a paragraph each;
* ``html-attrs``: one ``<p>`` with a huge number of attributes;
* ``text-dots``: a text page of dots then `` a`` (the sentence-end pattern);
* ``query-parens``: a query nested in parentheses (refused past the query limit: it must stay cheap);
* ``json-nested``: a corpus row of nested ``[`` read by ``stats``;
* ``alias-entity``: an alias file of one entity with that many bytes of names;
* ``alias-entities``: an alias file of that many bytes of one-name entities.

Prints one line per case (seconds, peak MB, outcome) and a JSON summary.  Flags a family whose
time grows more than 12x per 10x of input, a case above 1 GB, an internal error (anything but a
one-line ``BicorpusError``) and a timeout.  A size is not run once a smaller one of the family
timed out.  Exit status 1 when anything is flagged.
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SIZES = (100_000, 1_000_000, 10_000_000)
#: Most time growth tolerated per 10x of input (linear with headroom for noise).
MAX_GROWTH = 12.0
#: Most memory one case may take.
MAX_MB = 1024.0
#: Below this many seconds, timings are too noisy to judge growth.
MIN_TIMED = 0.05


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit.encode("utf-8")))


H2_SECTION = "<h2>Raqqa الرقة</h2><p>The battle for Raqqa. معركة الرقة.</p>\n"


def make_input(family: str, size: int, folder: Path) -> dict[str, Any]:
    """Write the input of one case; returns what the worker needs to run it."""
    if family.startswith("html-"):
        body = {
            "html-a": lambda: _repeat("<a", size),
            "html-close": lambda: _repeat("</", size),
            "html-bang": lambda: _repeat("<!", size),
            "html-h2": lambda: _repeat(H2_SECTION, size),
            "html-attrs": lambda: "<p " + _repeat('a="1" ', size) + ">Raqqa</p>",
        }[family]()
        page = folder / "page.html"
        page.write_text(f"<html><body>{body}</body></html>", "utf-8")
        return {"kind": "page", "path": str(page)}
    if family == "text-dots":
        page = folder / "page.txt"
        page.write_text(_repeat(".", size) + " a\n", "utf-8")
        return {"kind": "page", "path": str(page)}
    if family == "query-parens":
        depth = max(1, size // 2)
        return {"kind": "query", "query": "(" * depth + "Nusra" + ")" * depth}
    if family == "json-nested":
        depth = max(1, size // 2)
        return {"kind": "row", "row": "[" * depth + "]" * depth}
    if family == "alias-entity":
        names = _repeat("en: Commander Alpha{n}\n", size)
        lines = [line.replace("{n}", str(i)) for i, line in enumerate(names.splitlines())]
        path = folder / "aliases.txt"
        path.write_text("[big]\ntype: organization\n" + "\n".join(lines) + "\n", "utf-8")
        return {"kind": "alias", "path": str(path)}
    if family == "alias-entities":
        count = max(1, size // 48)
        path = folder / "aliases.txt"
        entities = (f"[e{i}]\ntype: person\nen: Person Number{i}\n" for i in range(count))
        path.write_text("".join(entities), "utf-8")
        return {"kind": "alias", "path": str(path)}
    raise ValueError(family)


FAMILIES = ("html-a", "html-close", "html-bang", "html-h2", "html-attrs", "text-dots", "query-parens",
            "json-nested", "alias-entity", "alias-entities")


def run_case(spec: dict[str, Any], folder: str) -> str:
    """In the worker process: run one case; returns its outcome (``ok``, ``refused: ...``) or raises."""
    from bicorpus.errors import BicorpusError

    try:
        if spec["kind"] == "page":
            from bicorpus.pipeline import process_document
            from bicorpus.sources import read_source, source_format

            path = Path(spec["path"])
            src = read_source(path, fmt=source_format(path))
            _, passages = process_document(src, path=path.name)
            return f"ok ({len(passages)} passages)"
        if spec["kind"] == "query":
            from bicorpus.index import open_index

            with open_index(Path(folder) / "index") as ix:
                return f"ok ({ix.search(spec['query']).total} hits)"
        if spec["kind"] == "row":
            from bicorpus.corpus import open_corpus

            corpus_dir = Path(folder) / "corpus"
            path = corpus_dir / "passages.jsonl"
            path.write_text(spec["row"] + "\n" + path.read_text("utf-8"), "utf-8")
            with open_corpus(corpus_dir) as corpus:
                return f"ok ({sum(1 for _ in corpus.passages())} rows)"
        if spec["kind"] == "alias":
            from bicorpus.names import Gazetteer

            return f"ok ({len(Gazetteer.load([spec['path']]))} entities)"
    except BicorpusError as err:
        message = str(err)
        assert "\n" not in message
        return f"refused: {message[:80]}"
    raise ValueError(spec["kind"])


def _warm_up(spec: dict[str, Any], folder: str) -> None:
    """Run a tiny case of the same kind first: imports and data tables loaded once do not count."""
    tiny = Path(tempfile.mkdtemp(prefix="bicorpus-warm-"))
    if spec["kind"] == "page":
        page = tiny / ("warm" + Path(spec["path"]).suffix)
        page.write_text("<p>Raqqa الرقة.</p>" if page.suffix == ".html" else "Raqqa. الرقة.\n", "utf-8")
        run_case({"kind": "page", "path": str(page)}, folder)
    elif spec["kind"] == "query":
        run_case({"kind": "query", "query": "Nusra"}, folder)
    elif spec["kind"] == "alias":
        alias = tiny / "warm.txt"
        alias.write_text("[w]\ntype: person\nen: Warm Up\n", "utf-8")
        run_case({"kind": "alias", "path": str(alias)}, folder)
    else:
        import bicorpus.corpus  # noqa: F401
    import shutil

    shutil.rmtree(tiny, ignore_errors=True)


def _worker(spec_file: str, folder: str) -> None:
    spec = json.loads(Path(spec_file).read_text("utf-8"))
    _warm_up(spec, folder)
    started = time.perf_counter()
    try:
        outcome = run_case(spec, folder)
        error = None
    except Exception as err:  # an internal error: the finding
        outcome, error = "internal error", f"{type(err).__name__}: {' '.join(str(err).split())[:200]}"
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"outcome": outcome, "error": error, "seconds": seconds, "peak_mb": peak_mb}))


def _prepare_shared(folder: Path) -> None:
    """A small corpus and index (queries and corpus rows run against them)."""
    from bicorpus.api import ingest

    pages = folder / "pages"
    pages.mkdir()
    page = "Report\n\nThe battle for Raqqa. معركة الرقة. جبهة النصرة and al-Nusra.\n"
    (pages / "p.txt").write_text(page, "utf-8")
    ingest([pages], folder / "corpus", index=folder / "index")


def run_family(family: str, sizes: list[int], shared: Path, timeout: float) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for size in sizes:
        if any(row["outcome"] == "timeout" for row in rows):
            rows.append({"family": family, "size": size, "outcome": "not run (a smaller size timed out)"})
            continue
        with tempfile.TemporaryDirectory(prefix="bicorpus-hostile-") as tmp:
            case = Path(tmp)
            spec = make_input(family, size, case)
            if spec["kind"] == "row":
                import shutil

                shutil.copytree(shared / "corpus", case / "corpus")
            spec_file = case / "spec.json"
            spec_file.write_text(json.dumps(spec), "utf-8")
            folder = str(case if spec["kind"] == "row" else shared)
            code = (f"import sys; sys.path.insert(0, {str(Path(__file__).resolve().parent)!r}); "
                    f"import hostile; hostile._worker({str(spec_file)!r}, {folder!r})")
            started = time.perf_counter()
            try:
                done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                      timeout=timeout)
            except subprocess.TimeoutExpired:
                rows.append({"family": family, "size": size, "outcome": "timeout",
                             "seconds": time.perf_counter() - started})
                continue
            try:
                result = json.loads(done.stdout.strip().splitlines()[-1])
            except (ValueError, IndexError):
                result = {"outcome": "internal error", "error": done.stderr.strip()[-300:], "seconds": None,
                          "peak_mb": None}
            rows.append({"family": family, "size": size, **result})
    return rows


def judge(rows: list[dict[str, Any]]) -> list[str]:
    """What is wrong with one family's rows."""
    flags: list[str] = []
    for row in rows:
        where = f"{row['family']} at {row['size']:,} bytes"
        if row["outcome"] == "timeout":
            flags.append(f"{where}: timeout")
        elif row["outcome"] == "internal error":
            flags.append(f"{where}: internal error {row.get('error')}")
        elif (row.get("peak_mb") or 0) > MAX_MB:
            flags.append(f"{where}: {row['peak_mb']:.0f} MB")
    timed = [r for r in rows if isinstance(r.get("seconds"), float)]
    for small, large in itertools.pairwise(timed):
        if small["seconds"] < MIN_TIMED and large["seconds"] < MIN_TIMED:
            continue
        decades = max(1.0, len(str(large["size"])) - len(str(small["size"])))
        growth = (large["seconds"] / max(small["seconds"], MIN_TIMED)) ** (1 / decades)
        if growth > MAX_GROWTH:
            flags.append(f"{small['family']}: time grows {growth:.0f}x per 10x of input "
                         f"({small['size']:,} → {large['size']:,} bytes)")
    return flags


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES), help="input sizes in bytes")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds one case may take")
    parser.add_argument("--only", default="", help="comma-separated families (default: all)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    families = [f for f in args.only.split(",") if f] or list(FAMILIES)
    summary: dict[str, Any] = {"sizes": sizes, "families": {}, "flags": []}
    with tempfile.TemporaryDirectory(prefix="bicorpus-hostile-shared-") as tmp:
        shared = Path(tmp)
        _prepare_shared(shared)
        for family in families:
            rows = run_family(family, sizes, shared, args.timeout)
            for row in rows:
                timed = isinstance(row.get("seconds"), float)
                seconds = f"{row['seconds']:8.2f} s" if timed else "       - s"
                peak = f"{row['peak_mb']:7.0f} MB" if isinstance(row.get("peak_mb"), float) else "      - MB"
                print(f"{family:<15} {row['size']:>11,} B {seconds} {peak}  {row['outcome']}", flush=True)
            flags = judge(rows)
            summary["families"][family] = rows
            summary["flags"].extend(flags)
    print(json.dumps({"flags": summary["flags"], "internal_errors": sum(
        1 for rows in summary["families"].values() for r in rows if r["outcome"] == "internal error")},
        indent=2, ensure_ascii=False))
    return 1 if summary["flags"] else 0


if __name__ == "__main__":
    sys.exit(main())
