"""The writer lock: a second writer is told who holds the corpus; a dead holder's lock is taken over."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from bicorpus.cli import main
from bicorpus.corpus import CorpusTransaction
from bicorpus.errors import CorpusError
from bicorpus.lock import LOCK_FILE, WriterLock, lock_status, read_lock_info

HOLD = """
import sys, time
from bicorpus.lock import WriterLock
lock = WriterLock(sys.argv[1]).acquire()
print("held", flush=True)
time.sleep(60)
"""


def _holder(corpus: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(corpus)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_second_writer_is_told_the_pid_and_start_time(tmp_path):
    corpus = tmp_path / "corpus"
    proc = _holder(corpus)
    try:
        with pytest.raises(CorpusError) as caught:
            WriterLock(corpus).acquire()
        message = str(caught.value)
        assert f"corpus at {corpus} is locked by PID {proc.pid} since 20" in message
        assert "Z (another bicorpus writer)" in message
        assert "wait for it or, if that process is gone, run again" in message
        assert "\n" not in message
        assert lock_status(corpus) == {"locked": True, "pid": proc.pid, "since": read_lock_info(corpus).since}
    finally:
        proc.kill()
        proc.wait()


def test_cli_ingest_refused_while_another_process_writes(work):
    proc = _holder(work / "corpus")
    try:
        result = CliRunner().invoke(main, ["ingest", "pages", "--no-index"])
    finally:
        proc.kill()
        proc.wait()
    assert result.exit_code == 1
    assert f"Error: corpus at corpus is locked by PID {proc.pid} since" in result.output
    assert "Traceback" not in result.output
    assert not (work / "corpus" / "manifest.json").exists()  # nothing half written


def test_lock_of_a_killed_process_is_taken_over(tmp_path):
    corpus = tmp_path / "corpus"
    proc = _holder(corpus)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert read_lock_info(corpus).pid == proc.pid  # its record is still there...
    with WriterLock(corpus) as lock:  # ...but the lock died with it
        assert lock.previous is not None and lock.previous.pid == proc.pid
        assert read_lock_info(corpus).pid == os.getpid()
    assert lock_status(corpus) == {"locked": False}


def test_stale_record_of_a_dead_pid_does_not_block(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    record = {"pid": dead.pid, "host": socket.gethostname(), "since": "2026-01-01T00:00:00Z",
              "command": "bicorpus ingest"}
    (corpus / LOCK_FILE).write_text(json.dumps(record))
    with CorpusTransaction(corpus) as tx:
        tx.commit({"schema_version": 1, "documents": 0, "passages": 0})
    assert (corpus / "manifest.json").exists()


def test_garbage_in_the_lock_file_is_harmless(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / LOCK_FILE).write_bytes(b"\x00\xff not json \xd8\xa7")
    assert read_lock_info(corpus) is None
    with WriterLock(corpus):
        assert read_lock_info(corpus).pid == os.getpid()


def test_message_when_the_holder_record_is_missing(tmp_path):
    corpus = tmp_path / "corpus"
    proc = _holder(corpus)
    try:
        (corpus / LOCK_FILE).write_bytes(b"")  # e.g. the holder had not written its record yet
        with pytest.raises(CorpusError, match="locked by another process"):
            WriterLock(corpus).acquire()
    finally:
        proc.kill()
        proc.wait()


def test_reindex_waits_for_no_one_and_names_the_holder(built):
    proc = _holder(built / "corpus")
    try:
        result = CliRunner().invoke(main, ["reindex"])
    finally:
        proc.kill()
        proc.wait()
    assert result.exit_code == 1
    assert f"locked by PID {proc.pid}" in result.output


def test_lock_is_released_after_a_write(built):
    with WriterLock(built / "corpus"):
        assert lock_status(built / "corpus")["locked"] is True
    assert lock_status(built / "corpus") == {"locked": False}
