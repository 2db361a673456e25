"""Exports to devices and FIFOs, stale part files, alias files that are no files or are huge,
and Ctrl-C during an ingest."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from ctrl_c import interrupt_group
from reliability_helpers import write_pages

from bicorpus.check import check
from bicorpus.cli import main
from bicorpus.corpus import PENDING_DIR
from bicorpus.errors import AliasFileError
from bicorpus.names import gazetteer
from bicorpus.names.gazetteer import Entity, Gazetteer, _Draft, _parse

CLI = "from bicorpus.launch import main; main()"  # what the installed `bicorpus` program runs


def test_export_to_a_fifo_writes_a_stream_and_keeps_the_fifo(built: Path):
    fifo = built / "stream"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = CliRunner().invoke(main, ["export", "--format", "jsonl", "--out", str(fifo), "--force"])
    reader.join(timeout=60)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # never replaced by a regular file
    assert received and received[0].count(b"\n") > 10 and b'"doc_id"' in received[0]
    assert not (built / "stream.README.md").exists()  # no data card beside a FIFO
    assert not list(built.glob(".stream.*"))


def test_export_to_a_character_device_streams_to_it(built: Path):
    result = CliRunner().invoke(main, ["export", "--format", "csv", "--out", "/dev/null"])
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert not Path("/dev/null.README.md").exists()


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_stale_part_files_of_dead_exports_are_cleaned_up(built: Path):
    out = built / "out"
    out.mkdir()
    dead, alive = _dead_pid(), os.getppid()
    stale = [out / f".corpus.jsonl.{dead}.part", out / f".p0001.xml.{dead}.part"]
    live = out / f".corpus.jsonl.{alive}.part"
    for path in [*stale, live]:
        path.write_text("half written", "utf-8")
    result = CliRunner().invoke(main, ["export", "--format", "jsonl", "--out", str(out / "corpus.jsonl")])
    assert result.exit_code == 0, result.output
    assert not any(p.exists() for p in stale)
    assert live.exists()  # another export still running
    (out / "split").mkdir()
    leftover = out / "split" / f".doc.xml.{dead}.part"
    leftover.write_text("half written", "utf-8")
    result = CliRunner().invoke(main, ["export", "--format", "tei", "--split", "--out", str(out / "split")])
    assert result.exit_code == 0, result.output
    assert not leftover.exists()


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero"])
def test_an_alias_file_that_is_no_regular_file_is_refused_without_hanging(built: Path, kind: str):
    target = "/dev/zero"
    if kind == "fifo":
        os.mkfifo(built / "aliases.fifo")
        target = "aliases.fifo"
    for args in (["search", "Nusra", "--aliases", target], ["ingest", "pages", "--aliases", target]):
        result = subprocess.run([sys.executable, "-c", CLI, *args], cwd=built, capture_output=True, text=True,
                                timeout=60)
        assert result.returncode == 1
        assert result.stderr.strip() == (f"Error: {target}: not a regular file (a FIFO, device or socket is "
                                         "never read)")


def test_a_recorded_alias_file_replaced_by_a_fifo_does_not_hang(built: Path):
    (built / "aliases.txt").write_text("[hurras]\ntype: organization\nen: Hurras al-Din\nar: حراس الدين\n",
                                       "utf-8")
    assert CliRunner().invoke(main, ["reindex", "--aliases", "aliases.txt"]).exit_code == 0
    (built / "aliases.txt").unlink()
    os.mkfifo(built / "aliases.txt")
    result = subprocess.run([sys.executable, "-c", CLI, "search", "Nusra"], cwd=built, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 1
    assert "not a regular file" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_an_alias_file_too_large_gives_its_exact_size(tmp_path: Path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(gazetteer.MAX_ALIAS_FILE_BYTES + 1)
    with pytest.raises(AliasFileError) as err:
        Gazetteer.load([big])
    assert "(16,777,217 bytes; the limit is 16,777,216 bytes, 16 MB)" in str(err.value)


class _CountingList(list):  # type: ignore[type-arg]
    """A list that counts membership scans (each one walks the whole list)."""

    scans = 0

    def __contains__(self, item: object) -> bool:
        type(self).scans += 1
        return super().__contains__(item)


def test_an_entity_with_many_names_loads_without_scanning_its_names():
    """Each name of an entity used to be checked against the list of its names so far: an entity
    of 50,000 names took 25 s to load.  Repeats are now found in constant time."""
    drafts = {"big": _Draft(Entity("big", "", names=_CountingList(), acronyms=_CountingList(),
                                   related=_CountingList()), "<test>", 1)}
    names = "\n".join(f"en: Commander{i} Alpha" for i in range(2000))
    text = f"[big]\ntype: organization\n{names}\nen: Commander1 Alpha\nacronym: BIG\nacronym: BIG\n"
    _parse(text, "<test>", drafts)
    entity = drafts["big"].entity
    assert len(entity.names) == 2000 and entity.acronyms == ["BIG"]  # repeats dropped
    assert _CountingList.scans == 0


@pytest.mark.parametrize("moment", [0.1, 0.2, 0.3, 0.45])
def test_ctrl_c_during_an_ingest_ends_every_process_and_says_what_state_is_left(tmp_path: Path,
                                                                                    moment: float):
    write_pages(tmp_path / "pages", 260, "A")  # enough files for the ingest to use its helpers
    started = time.monotonic()
    ingest = [sys.executable, "-c", CLI, "ingest", "pages", "--no-progress", "-q"]
    first = subprocess.run(ingest, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr
    took = time.monotonic() - started
    pending = tmp_path / "corpus" / PENDING_DIR  # there while an ingest holds the corpus
    for attempt in range(4):  # every page changed: a whole run again, larger while it ends too soon
        write_pages(tmp_path / "pages", 260 * 2**attempt, f"B{attempt}")
        proc = subprocess.Popen(ingest, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, start_new_session=True)
        # The Ctrl-C lands in the ingest, not in Python's own start-up, however loaded the machine
        # is (a Ctrl-C while the program loads: the test after this one).
        while not pending.exists() and proc.poll() is None:
            time.sleep(0.005)
        time.sleep(took * moment)
        # Still writing the corpus: the Ctrl-C lands inside the work.  A run that has just ended
        # its work may be leaving Python when the signal comes, which is not what this tests.
        if proc.poll() is None and pending.exists():
            break
        proc.communicate()
    else:
        pytest.fail("every ingest ended before the Ctrl-C")
    err, _, left = interrupt_group(proc, timeout=30)  # how fast it ends: bench/ctrl_c.py
    assert proc.returncode == 130, err
    assert not left
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    said = ("Interrupted: the corpus at corpus ", "Interrupted: nothing was changed.")  # (still loading)
    assert lines[0].startswith(said), err
    assert "Traceback" not in err and "Process" not in err
    report = check(tmp_path / "corpus", tmp_path / "index")
    if not report.ok:  # the line names the repair; it works
        assert "lags behind it: run `bicorpus ingest` again" in lines[0]
        rerun = subprocess.run([sys.executable, "-c", CLI, "ingest", "pages", "-q"], cwd=tmp_path,
                               capture_output=True, text=True, timeout=600)
        assert rerun.returncode == 0, rerun.stderr
        assert check(tmp_path / "corpus", tmp_path / "index").ok


CTRL_C_WHILE_LOADING = """
import builtins, os, signal
from bicorpus import launch
real_import = builtins.__import__
def importing(name, *args, **kwargs):
    if name == "click":  # the command line's first import: Ctrl-C arrives while it loads
        os.kill(os.getpid(), signal.SIGINT)
    return real_import(name, *args, **kwargs)
builtins.__import__ = importing
launch.main()
"""


def test_ctrl_c_while_the_program_loads_is_one_line_and_exit_130(tmp_path: Path):
    done = subprocess.run([sys.executable, "-c", CTRL_C_WHILE_LOADING, "stats"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 130, done.stderr
    assert done.stderr == "Interrupted: nothing was changed.\n"


CTRL_C_AT_EXIT = """
import atexit, os, signal, time
def late():  # Ctrl-C while Python shuts down, after the command has ended
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(5)
    print("the shutdown went on")
atexit.register(late)
from bicorpus import launch
launch.main()
"""


@pytest.mark.parametrize(("args", "status"), [(["ingest", "pages", "--no-progress"], 0),
                                              (["search", "(("], 1)])
def test_ctrl_c_after_the_command_ended_keeps_its_status_and_output(tmp_path: Path, args: list[str],
                                                                    status: int):
    write_pages(tmp_path / "pages", 3, "A")
    done = subprocess.run([sys.executable, "-c", CTRL_C_AT_EXIT, *args], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == status, done.stderr
    assert "Traceback" not in done.stderr and "KeyboardInterrupt" not in done.stderr
    assert "the shutdown went on" not in done.stdout
    said = done.stdout + done.stderr
    assert ("3 documents" in said) if status == 0 else said.startswith("Error: ")


def test_importing_the_package_loads_the_library_only_when_used():
    code = ("import sys, bicorpus; before = 'bicorpus.api' in sys.modules; bicorpus.ingest; "
            "print(before, 'bicorpus.api' in sys.modules, bicorpus.corpus.__name__)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == ["False", "True", "bicorpus.corpus"], done.stderr
