"""SIGKILL at random points: the corpus is before or after, the index catches up, readers never fail.

A small version of ``bench/killtest.py`` (which runs 50+ kills for the figures)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import killtest
import pytest
from reliability_helpers import write_pages

from bicorpus.check import check
from bicorpus.lock import lock_status


def test_random_kills_leave_before_or_after_and_a_rerun_finishes(tmp_path: Path):
    figures = killtest.run(tmp_path / "work", kills=8, pages=24, seed=20170412, readers=1)
    assert figures["failures"] == [], figures["failures"]
    assert figures["kills"] + figures["finished_before_kill"] == 8
    assert figures["kills"] >= 3  # most rounds kill a running ingest (delays spread over a measured run)
    seen = figures["readers"]["seen"]
    assert set(seen) <= {"corpus A", "corpus B", "search A", "search B"}
    assert sum(seen.values()) > 0 and figures["readers"]["errors"] == []


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


REBUILD = "import sys; from bicorpus.check import reindex; reindex(sys.argv[1], sys.argv[2])"
DIRECT = ("import sys; from bicorpus.corpus import open_corpus; from bicorpus.index import build_index; "
          "build_index(open_corpus(sys.argv[1]), sys.argv[2])")


@pytest.mark.parametrize("script", [REBUILD, DIRECT], ids=["reindex", "build_index"])
def test_helpers_of_a_killed_index_build_die_with_it(work: Path, script: str):
    """A large index build forks workers that inherit the corpus lock and the index write lock: killed
    with their parent, they must not linger holding both (every later write would be refused)."""
    write_pages(work / "pages", 200, "A")  # enough passages for the build to use its workers
    from bicorpus.api import ingest

    ingest(["pages"], "corpus", index=None)
    proc = subprocess.Popen([sys.executable, "-c", script, "corpus", "index"], cwd=work)
    helpers: list[int] = []
    deadline = time.monotonic() + 60
    while not helpers and proc.poll() is None and time.monotonic() < deadline:
        helpers = _children(proc.pid)
        time.sleep(0.005)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert helpers, "the build finished before its helpers could be seen"
    deadline = time.monotonic() + 20
    while any(_alive(h) for h in helpers) and time.monotonic() < deadline:
        time.sleep(0.05)
    lingering = [h for h in helpers if _alive(h)]
    for pid in lingering:  # never leave them behind, even when the test fails
        os.kill(pid, signal.SIGKILL)
    assert not lingering
    while lock_status(work / "corpus")["locked"] and time.monotonic() < deadline:
        time.sleep(0.05)  # a helper forked just as its parent died goes a moment later
    assert lock_status(work / "corpus") == {"locked": False}
    from bicorpus.api import reindex

    assert reindex("corpus", "index") > 0  # neither lock is held by a leftover
    assert check("corpus", "index").ok
