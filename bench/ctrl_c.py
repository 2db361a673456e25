"""Ctrl-C at random moments of a large ingest: every run must end within 2 s with exit 130, one
line on stderr, no traceback, no process left, and a state that ``check`` accepts or that the
command the line names repairs.

    python bench/ctrl_c.py --pages 3000 --moments 10 [--seed 7] [--work DIR] [--json OUT]

Pages are generated (bench/generate.py); a first ingest builds the corpus and index, then each
round replaces every page with another (so the whole run is redone, ``--prune``) and sends SIGINT
to the ingest's process group at a random moment of it, as a terminal's Ctrl-C does.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generate import write_pages

CLI = [sys.executable, "-c", "from bicorpus.launch import main; main()"]


def group_alive(pgid: int) -> list[int]:
    """Processes of group ``pgid`` still running (zombies left out), as ``ps`` lists them."""
    listing = subprocess.run(["ps", "-e", "-o", "pid=,pgid=,stat="], capture_output=True, text=True,
                             check=True).stdout
    return [int(pid) for pid, group, state in (line.split() for line in listing.splitlines())
            if int(group) == pgid and not state.startswith("Z")]


def interrupt_group(proc: subprocess.Popen[str], timeout: float) -> tuple[str, float, list[int]]:
    """Ctrl-C to the process group ``proc`` leads: its stderr, seconds until it ended, and the
    processes of its group still running two seconds later (a group still running after
    ``timeout`` is killed)."""
    os.killpg(proc.pid, signal.SIGINT)
    sent = time.monotonic()
    try:
        _, err = proc.communicate(timeout=timeout)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    ended = time.monotonic() - sent
    deadline = time.monotonic() + 2
    while group_alive(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return err, ended, group_alive(proc.pid)


def check_state(work: Path) -> tuple[bool, str]:
    done = subprocess.run([*CLI, "check"], cwd=work, capture_output=True, text=True, timeout=600)
    return done.returncode == 0, (done.stdout + done.stderr).strip()


def one_round(work: Path, pages: int, seed: int, moment: float) -> dict[str, object]:
    shutil.rmtree(work / "pages")
    write_pages(work / "pages", pages, seed)  # other pages: the whole run is redone
    proc = subprocess.Popen([*CLI, "ingest", "pages", "--prune", "--no-progress", "-q"], cwd=work,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    time.sleep(moment)
    if proc.poll() is not None:
        return {"moment": moment, "finished_first": True}
    err, ended, left = interrupt_group(proc, timeout=30)
    lines = err.strip().splitlines()
    ok, said = check_state(work)
    repaired = None
    if not ok:  # the interrupt's line names the repair: run it
        rerun = subprocess.run([*CLI, "ingest", "pages", "--prune", "-q"], cwd=work, capture_output=True,
                               text=True, timeout=1200)
        repaired = rerun.returncode == 0 and check_state(work)[0]
    good = (proc.returncode == 130 and ended < 2 and not left and len(lines) == 1
            and "Traceback" not in err and (ok or bool(repaired)))
    return {"moment": round(moment, 2), "exit": proc.returncode, "ended_s": round(ended, 2),
            "processes_left": len(left), "stderr": lines, "check_ok": ok, "check": said.splitlines()[:2],
            "repaired": repaired, "good": good}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=3000)
    ap.add_argument("--moments", type=int, default=10)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--work", type=Path, default=None, help="working folder (default: a temporary one)")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bicorpus-ctrl-c-"))
    rng = random.Random(args.seed)
    try:
        write_pages(work / "pages", args.pages, args.seed)
        started = time.monotonic()
        first = subprocess.run([*CLI, "ingest", "pages", "--no-progress", "-q"], cwd=work,
                               capture_output=True, text=True, timeout=3600)
        took = time.monotonic() - started
        if first.returncode != 0:
            print(first.stderr, file=sys.stderr)
            return 1
        print(f"first ingest of {args.pages} pages: {took:.1f} s", flush=True)
        rounds = []
        for n in range(args.moments):
            moment = rng.uniform(0.05, 0.95) * took
            result = one_round(work, args.pages, args.seed + 1 + n, moment)
            rounds.append(result)
            print(json.dumps(result, ensure_ascii=False), flush=True)
        good = sum(bool(r.get("good")) for r in rounds)
        finished = sum(bool(r.get("finished_first")) for r in rounds)
        summary = {"pages": args.pages, "first_ingest_s": round(took, 1), "rounds": len(rounds), "good": good,
                   "finished_before_ctrl_c": finished, "bad": len(rounds) - good - finished}
        print(json.dumps(summary))
        if args.json:
            report = {"summary": summary, "rounds": rounds}
            args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1))
        return 0 if summary["bad"] == 0 else 1
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
