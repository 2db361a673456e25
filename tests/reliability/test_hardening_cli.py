"""The command line: one `Error:` line and exit 1 for every bad input and unwritable output,
file names printed with control characters escaped, output cut short ends quietly with 141."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from reliability_helpers import write_pages

import bicorpus
from bicorpus.api import search
from bicorpus.cli import main
from bicorpus.errors import QueryError

NESTED_QUERY = "(" * 250 + "Nusra" + ")" * 250


def _bicorpus(*args: str, cwd: Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    code = "import sys; from bicorpus.cli import main; sys.exit(main())"
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, stderr=subprocess.PIPE, text=True,
                          timeout=120, **kwargs)  # type: ignore[call-overload]


def _one_error_line(output: str) -> str:
    lines = output.strip().splitlines()
    assert len(lines) == 1, output
    assert lines[0].startswith("Error: "), output
    return lines[0]


def test_a_deeply_nested_query_is_a_query_error(built: Path):
    with pytest.raises(QueryError, match="nested too deeply"):
        search(NESTED_QUERY, index="index")
    for args in (["search", NESTED_QUERY], ["export", "--format", "jsonl", "--query", NESTED_QUERY]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1
        line = _one_error_line(result.output)
        assert line == "Error: the query is nested too deeply (too many parentheses)"


@pytest.mark.parametrize("value", ["nan", "1e400", "1e15", "inf", "0", "-3"])
def test_a_max_size_that_is_no_size_is_one_line(work: Path, value: str):
    result = CliRunner().invoke(main, ["ingest", "pages", "--no-index", "--max-size", value])
    assert result.exit_code == 1
    assert "--max-size" in _one_error_line(result.output)


@pytest.mark.parametrize("args", [["search", "Nusra", "--limit", "0"], ["search"], ["show"],
                                  ["check", "--quick", "extra"], ["search", "Nusra", "--lang", "fr"]])
def test_usage_errors_are_one_error_line_and_exit_1(built: Path, args: list[str]):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    _one_error_line(result.output)
    assert "Usage:" not in result.output


@pytest.mark.parametrize("args", [["search", "Nusra"], ["stats", "--json"],
                                  ["export", "--format", "jsonl"], ["export", "--format", "csv"]])
def test_output_to_a_full_disk_is_one_line(built: Path, args: list[str]):
    with open("/dev/full", "w") as full:
        result = _bicorpus(*args, cwd=built, stdout=full)
    assert result.returncode == 1, result.stderr
    line = _one_error_line(result.stderr)
    assert "No space left on device" in line and "internal error" not in line


def test_a_file_name_cannot_forge_a_message_line(work: Path):
    (work / "pages" / "bad\nError: fake line.txt").write_bytes(b"\x00\x01binary\x00" * 10)
    result = _bicorpus("ingest", "pages", "--no-index", cwd=work)
    assert result.returncode == 1
    assert not any(line.startswith("Error: fake") for line in result.stderr.splitlines()), result.stderr
    assert "skipped pages/bad\\nError: fake line.txt: " in result.stderr


def test_printable_escapes_control_characters():
    from bicorpus.errors import printable

    assert printable("a\nb\rc\x1b[31m\u202e") == "a\\nb\\rc\\x1b[31m\\u202e"
    assert printable("جبهة النصرة: Nusra") == "جبهة النصرة: Nusra"


def test_tei_export_cut_short_by_its_reader_ends_quietly_with_141(tmp_path: Path):
    write_pages(tmp_path / "pages", 150, "A")  # far more than a pipe holds
    assert _bicorpus("ingest", "pages", "--no-index", cwd=tmp_path).returncode == 0
    code = "import sys; from bicorpus.cli import main; sys.exit(main())"
    proc = subprocess.Popen([sys.executable, "-c", code, "export", "--format", "tei"], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    head = proc.stdout.read(100)
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 141
    assert len(head) == 100 and err == b""


def test_an_index_path_naming_a_file_says_so(built: Path):
    (built / "not-an-index").write_text("x", "utf-8")
    for args in (["ingest", "pages", "--index", "not-an-index"],
                 ["export", "--format", "jsonl", "--query", "Nusra", "--index", "not-an-index"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1
        line = _one_error_line(result.output)
        assert "not-an-index is a file, not an index folder" in line
        assert "engine.json" not in line


def test_the_package_has_a_version():
    assert isinstance(bicorpus.__version__, str) and bicorpus.__version__[0].isdigit()


def test_no_error_output_leaks_into_a_second_line_with_debug_off(built: Path):
    env = {k: v for k, v in os.environ.items() if k != "BICORPUS_DEBUG"}
    result = _bicorpus("search", NESTED_QUERY, cwd=built, env=env)
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
