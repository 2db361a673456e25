"""Kill test: `bicorpus ingest` killed with SIGKILL at random points never loses or mixes data.

    python bench/killtest.py --kills 50 --pages 120 --seed 7 [--work DIR] [--no-readers]
    python bench/killtest.py --repeat 20 --kills 8 --pages 24 --seed 1   # the test 20 times in a row

Generates pages (bench/generate.py) in two versions of a source folder: set A (the first half)
and set B (every page, a fifth of set A's pages rewritten).  Ingests A (corpus + index), then
round after round switches the source folder to the other set and starts `bicorpus ingest
--prune` as a subprocess, killing it with SIGKILL after a random delay spread over a whole run
(read, store and index phases).  After each kill:

* the corpus opens and its content is exactly state A or state B (fingerprint of the rows of
  ``documents.jsonl`` and ``passages.jsonl``, compared with the two known states);
* the index opens and searches; ``bicorpus check`` passes, or finds only that the index lags
  behind the corpus (a kill between the corpus commit and the index commit);
* a re-run of `bicorpus ingest` finishes the job: the corpus is the target state and
  ``bicorpus check`` passes.

Meanwhile reader processes open the corpus and search the index in a loop: every corpus they
see must be state A or B, every search total must be the one of state A or of state B, and no
read may fail.  Prints a JSON summary (kills, states seen, index lags repaired, reader figures).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import mutate_pages, write_pages

#: Queries the readers run; their totals are recorded for both states.
READER_QUERIES = ("Raqqa", "ISIS", "Nusra", "دير الزور")


def bicorpus_cmd(*args: str) -> list[str]:
    return [sys.executable, "-c", "import sys; from bicorpus.cli import main; sys.exit(main())", *args]


def corpus_state(corpus_dir: Path) -> str:
    """Order-insensitive fingerprint of a corpus's rows, read through ``open_corpus`` (one commit)."""
    from bicorpus.corpus import DOCUMENTS_FILE, PASSAGES_FILE, open_corpus

    with open_corpus(corpus_dir) as corpus:
        digest = hashlib.sha256()
        for name in (DOCUMENTS_FILE, PASSAGES_FILE):
            lines = sorted(line for line in corpus.raw_lines(name) if line.strip())
            digest.update(name.encode() + b"\0" + b"\n".join(lines) + b"\0")
        counts = (corpus.manifest.get("documents"), corpus.manifest.get("passages"))
        docs = sum(1 for _ in corpus.documents())
        passages = sum(1 for _ in corpus.passages())
    if counts != (docs, passages):
        return f"MIXED manifest {counts} files {(docs, passages)}"
    return digest.hexdigest()[:16]


def search_totals(index_dir: Path) -> tuple[int, ...]:
    from bicorpus.index import open_index

    with open_index(index_dir) as ix:
        return tuple(ix.search(q, limit=5).total for q in READER_QUERIES)


def switch_sources(src: Path, pristine: Path) -> None:
    """Make ``src`` hold exactly the files of ``pristine`` (contents and modification times)."""
    for old in src.iterdir():
        old.unlink()
    for page in pristine.iterdir():
        shutil.copy2(page, src / page.name)


def run_cli(work: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(bicorpus_cmd(*args), cwd=work, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise RuntimeError(f"bicorpus {' '.join(args)} failed ({result.returncode}): {result.stderr.strip()}")
    return result


def check_problems(work: Path) -> list[dict[str, str]]:
    result = run_cli(work, "check", "--json", check=False)
    try:
        return list(json.loads(result.stdout)["problems"])
    except (ValueError, KeyError) as err:
        raise RuntimeError(f"bicorpus check gave no report: {result.stderr.strip()}") from err


INGEST = ("ingest", "src", "--prune", "--no-progress", "-q")


def prepare(work: Path, pages: int, seed: int) -> dict[str, Any]:
    """Both source sets, the two reference states and their search totals."""
    set_a, set_b, src = work / "set-a", work / "set-b", work / "src"
    write_pages(set_b, pages, seed)
    set_a.mkdir()
    for page in sorted(set_b.iterdir())[: pages // 2]:
        shutil.copy2(page, set_a / page.name)
    mutate_pages(set_b, pages // 2, seed, 0.2)
    src.mkdir()
    states: dict[str, str] = {}
    totals: dict[str, tuple[int, ...]] = {}
    timings: dict[str, float] = {}
    for name, pristine in (("A", set_a), ("B", set_b)):
        switch_sources(src, pristine)
        started = time.monotonic()
        run_cli(work, *INGEST)
        timings[name] = time.monotonic() - started
        states[name] = corpus_state(work / "corpus")
        totals[name] = search_totals(work / "index")
    switch_sources(src, set_a)  # back to A: the kill rounds start there
    run_cli(work, *INGEST)
    assert corpus_state(work / "corpus") == states["A"], "state A is not reproducible"
    return {"states": states, "totals": totals, "timings": timings}


def reader_loop(work: Path, out: Path, stop: Path, states: dict[str, str],
                totals: dict[str, list[int]]) -> None:
    """Open the corpus and search the index until ``stop`` exists; record what was seen."""
    seen: Counter[str] = Counter()
    errors: list[str] = []
    while not stop.exists():
        try:
            state = corpus_state(work / "corpus")
            seen["corpus " + next((k for k, v in states.items() if v == state), f"UNKNOWN {state}")] += 1
            found = list(search_totals(work / "index"))
            for i, total in enumerate(found):  # each search sees one state (several may straddle a commit)
                seen["search " + next((k for k, v in totals.items() if v[i] == total),
                                      f"UNKNOWN {READER_QUERIES[i]} {total}")] += 1
        except Exception as err:  # any failure is a finding
            errors.append(f"{type(err).__name__}: {err}")
    out.write_text(json.dumps({"seen": seen, "errors": errors[:20], "n_errors": len(errors)}), "utf-8")


def start_readers(work: Path, n: int, info: dict[str, Any]) -> list[tuple[subprocess.Popen[bytes], Path]]:
    readers = []
    for i in range(n):
        out = work / f"reader-{i}.json"
        args = [str(Path(__file__).resolve().parent), str(work), str(out), str(work / "stop-readers"),
                json.dumps(info["states"]), json.dumps(info["totals"])]
        code = ("import json, sys; sys.path.insert(0, {!r}); import killtest; from pathlib import Path; "
                "killtest.reader_loop(Path({!r}), Path({!r}), Path({!r}), json.loads({!r}), json.loads({!r}))"
                ).format(*args)
        readers.append((subprocess.Popen([sys.executable, "-c", code], cwd=work), out))
    return readers


def stop_readers(work: Path, readers: list[tuple[subprocess.Popen[bytes], Path]]) -> dict[str, Any]:
    (work / "stop-readers").write_text("stop")
    merged: Counter[str] = Counter()
    errors: list[str] = []
    for proc, out in readers:
        proc.wait(timeout=120)
        data = json.loads(out.read_text("utf-8")) if out.exists() else {"seen": {}, "errors": ["no report"]}
        merged.update(data["seen"])
        errors.extend(data["errors"])
    return {"seen": dict(sorted(merged.items())), "errors": errors}


def run(work: Path, kills: int, pages: int, seed: int, readers: int = 1, log: Any = None) -> dict[str, Any]:
    """The whole test in ``work`` (an empty folder); returns the figures (``failures`` empty if it held)."""
    rng = random.Random(seed)
    info = prepare(work, pages, seed)
    states = info["states"]
    if states["A"] == states["B"]:
        raise RuntimeError("the two source sets give the same corpus")
    span = max(info["timings"].values()) * 1.2
    figures: dict[str, Any] = {"kills": 0, "pages": pages, "seed": seed, "run_seconds": info["timings"],
                               "states_after_kill": Counter(), "index_lagging_after_kill": 0,
                               "finished_before_kill": 0, "failures": []}
    procs = start_readers(work, readers, info)
    current = "A"
    try:
        for round_no in range(kills):
            target = "B" if current == "A" else "A"
            switch_sources(work / "src", work / f"set-{target.lower()}")
            delay = rng.uniform(0.0, span)
            proc = subprocess.Popen(bicorpus_cmd(*INGEST), cwd=work, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            time.sleep(delay)
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                figures["kills"] += 1
            else:
                figures["finished_before_kill"] += 1
            proc.wait()
            problems = _verify_after_kill(work, states, current, target, figures)
            rerun = run_cli(work, *INGEST, check=False)
            after = corpus_state(work / "corpus")
            final = check_problems(work)
            if rerun.returncode != 0 or after != states[target] or final:
                problems.append(f"re-run did not finish: rc {rerun.returncode} {rerun.stderr.strip()[:200]}; "
                                f"state {after}; check {final}")
            if problems:
                figures["failures"].append({"round": round_no, "delay": round(delay, 3),
                                            "problems": problems})
            if log:
                log(f"round {round_no + 1}/{kills}: delay {delay:.2f}s, "
                    f"{'ok' if not problems else 'FAILED ' + '; '.join(problems)}")
            current = target
    finally:
        figures["readers"] = stop_readers(work, procs)
    for key, count in figures["readers"]["seen"].items():
        if "UNKNOWN" in key:
            figures["failures"].append({"reader": key, "count": count})
    if figures["readers"]["errors"]:
        figures["failures"].append({"reader_errors": figures["readers"]["errors"][:5]})
    figures["states_after_kill"] = dict(figures["states_after_kill"])
    figures["search_totals"] = info["totals"]
    return figures


def _verify_after_kill(work: Path, states: dict[str, str], before: str, target: str,
                       figures: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    try:
        state = corpus_state(work / "corpus")
    except Exception as err:
        return [f"corpus does not open: {type(err).__name__}: {err}"]
    name = next((k for k, v in states.items() if v == state), None)
    if name not in (before, target):
        problems.append(f"corpus is neither before nor after: {state}")
    figures["states_after_kill"]["before" if name == before else "after"] += 1
    try:
        search_totals(work / "index")
    except Exception as err:
        problems.append(f"index does not search: {type(err).__name__}: {err}")
    found = check_problems(work)
    if any(p["where"] != "index" for p in found):
        problems.append(f"check found corpus problems: {found}")
    elif found:
        figures["index_lagging_after_kill"] += 1
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=50, help="rounds (each starts and kills one ingest)")
    parser.add_argument("--pages", type=int, default=120, help="pages in set B (set A holds half)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--readers", type=int, default=2, help="reader processes running meanwhile")
    parser.add_argument("--work", help="working folder (default: a temporary one, deleted afterwards)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run the whole test this many times in a row (seeds SEED, SEED+1, ...), each in "
                        "a fresh folder, and report how many runs failed")
    args = parser.parse_args(argv)
    if args.repeat > 1:
        return _repeat(args)
    if args.work:
        work = Path(args.work)
        work.mkdir(parents=True, exist_ok=False)
        figures = run(work, args.kills, args.pages, args.seed, args.readers, log=print)
    else:
        with tempfile.TemporaryDirectory(prefix="bicorpus-killtest-") as tmp:
            figures = run(Path(tmp), args.kills, args.pages, args.seed, args.readers, log=print)
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    return 1 if figures["failures"] else 0


def _repeat(args: argparse.Namespace) -> int:
    """The kill test ``args.repeat`` times in a row; one line per run, then a JSON summary."""
    summary: dict[str, Any] = {"runs": 0, "failed_runs": 0, "kills": 0, "reader_opens": 0, "failures": []}
    for number in range(args.repeat):
        seed = args.seed + number
        started = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="bicorpus-killtest-") as tmp:
            figures = run(Path(tmp) / "work", args.kills, args.pages, seed, args.readers)
        summary["runs"] += 1
        summary["kills"] += figures["kills"]
        summary["reader_opens"] += sum(figures["readers"]["seen"].values())
        if figures["failures"]:
            summary["failed_runs"] += 1
            summary["failures"].append({"seed": seed, "failures": figures["failures"][:3]})
        verdict = "ok" if not figures["failures"] else "FAILED"
        print(f"run {number + 1}/{args.repeat} (seed {seed}): {figures['kills']} kills, {verdict} "
              f"in {time.monotonic() - started:.1f} s", flush=True)
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    return 1 if summary["failed_runs"] else 0


if __name__ == "__main__":
    sys.exit(main())
