"""`bicorpus ingest` and `bicorpus stats` through click's CliRunner."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from ingest_helpers import PAGES, SEED

from bicorpus.cli import main
from bicorpus.corpus import open_corpus


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds" / SEED.name)
    (tmp_path / "pages").mkdir()
    for p in PAGES.iterdir():
        shutil.copy(p, tmp_path / "pages" / p.name)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_ingest_defaults_to_seeds_and_corpus(work):
    result = run("ingest", "--no-index")
    assert result.exit_code == 0, result.output
    assert "1 documents, 24 passages in the corpus, 1 added" in result.output
    assert len(list(open_corpus(work / "corpus").documents())) == 1
    assert not (work / "index").exists()


def test_ingest_builds_the_index_unless_told_not_to(work):
    result = run("ingest", "seeds", "--index", "idx")
    assert result.exit_code == 0, result.output
    assert (work / "idx").is_dir()


def test_reingest_reports_unchanged(work):
    run("ingest", "pages", "--no-index")
    result = run("ingest", "pages", "--no-index")
    assert result.exit_code == 0
    assert f"0 added, 0 changed, {len(list(PAGES.iterdir()))} unchanged, 0 removed" in result.output


def test_bad_files_get_one_line_each_and_exit_1(work):
    (work / "pages" / "empty.txt").write_bytes(b"")
    (work / "pages" / "bin.txt").write_bytes(b"\x00" * 100)
    (work / "pages" / "dir.txt").mkdir()
    result = run("ingest", "pages", "--no-index")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "skipped pages/bin.txt: binary file (contains NUL or control bytes), not text" in lines
    assert "skipped pages/dir.txt: is a directory, not a file" in lines
    assert "skipped pages/empty.txt: empty file" in lines
    assert any("3 failed" in line for line in lines)
    assert lines[-1] == f"Error: 3 of {len(list(PAGES.iterdir())) + 3} files failed"
    assert "Traceback" not in result.output
    assert len(list(open_corpus(work / "corpus").documents())) == len(list(PAGES.iterdir()))


def test_strict_stops_and_changes_nothing(work):
    (work / "pages" / "a.txt").write_bytes(b"")
    result = run("ingest", "pages", "--no-index", "--strict")
    assert result.exit_code == 1
    assert "skipped pages/a.txt: empty file" in result.output
    assert "stopped at the first failure" in result.output
    assert not (work / "corpus" / "manifest.json").exists()


def test_max_size_option(work):
    result = run("ingest", "seeds", "--no-index", "--max-size", "0.001")
    assert result.exit_code == 1
    assert f"skipped seeds/{SEED.name}: file too large" in result.output
    assert run("ingest", "seeds", "--no-index", "--max-size", "0").exit_code == 1


def test_max_passage_chars_option(work):
    result = run("ingest", "seeds", "--no-index", "--max-passage-chars", "200")
    assert result.exit_code == 0
    assert max(len(p.text) for p in open_corpus(work / "corpus").passages()) <= 200


def test_prune_option(work):
    run("ingest", "pages", "--no-index")
    (work / "pages" / "en_only.txt").unlink()
    result = run("ingest", "pages", "--no-index", "--prune")
    assert result.exit_code == 0 and "1 removed" in result.output


def test_corrupt_corpus_is_one_error_line(work):
    (work / "corpus").mkdir()
    (work / "corpus" / "manifest.json").write_text("{not json")
    result = run("ingest", "seeds", "--no-index")
    assert result.exit_code == 1
    assert result.output.startswith("Error: corpus manifest")
    assert len(result.output.strip().splitlines()) == 1


def test_stats_text_and_json(work):
    run("ingest", "seeds", "--no-index")
    text = run("stats")
    assert text.exit_code == 0
    assert "1 documents, 24 passages" in text.output
    assert "16  body" in text.output and "5  site-header" in text.output
    data = json.loads(run("stats", "--json").output)
    assert data["documents"] == 1 and data["passages"] == 24
    assert data["region"] == {"body": 16, "boilerplate": 1, "dateline": 1, "site-header": 5, "title": 1}
    assert data["lang"] == {"ar": 7, "en": 17}
    rows = [json.loads(line) for line in run("stats", "--by", "document", "--jsonl").output.splitlines()]
    assert rows == [{"by": "document", "value": rows[0]["value"], "passages": 24,
                     "path": f"seeds/{SEED.name}", "title": "Why did ISIS and al-Nusra Front Strike a Deal?"}]
    csv_out = run("stats", "--by", "lang", "--csv").output.splitlines()
    assert csv_out == ["by,value,passages", "lang,en,17", "lang,ar,7"]


def test_stats_without_corpus(work):
    result = run("stats", "--corpus", "nowhere")
    assert result.exit_code == 1
    assert result.output.strip() == "Error: no corpus at nowhere (run `bicorpus ingest` first)"


def test_help_has_examples():
    for name in ("ingest", "stats"):
        result = run(name, "--help")
        assert result.exit_code == 0 and "Example" in result.output and f"bicorpus {name}" in result.output


def test_progress_bar_only_on_a_terminal(monkeypatch):
    from bicorpus.cli.ingest_cmds import _progress_bar

    class Tty:
        def __init__(self, tty: bool) -> None:
            self.tty, self.written = tty, []

        def isatty(self) -> bool:
            return self.tty

        def write(self, s: str) -> int:
            self.written.append(s)
            return len(s)

        def flush(self) -> None:
            pass

    pipe = Tty(False)
    monkeypatch.setattr("sys.stderr", pipe)
    with _progress_bar(True) as bar:
        assert bar is None
    terminal = Tty(True)
    monkeypatch.setattr("sys.stderr", terminal)
    with _progress_bar(False) as bar:
        assert bar is None
    with _progress_bar(True) as bar:
        assert bar is not None
        bar(1, 2, "a.txt")
        bar(2, 2, "b.txt")
    assert any("Ingesting" in s for s in terminal.written)
    assert not pipe.written
