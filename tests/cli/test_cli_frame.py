"""Every command is documented, has an example in --help, and errors never show a traceback."""

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from bicorpus.cli import main
from bicorpus.cli.output import emit_rows
from bicorpus.errors import BicorpusError

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = sorted(main.commands)


def test_there_are_commands() -> None:
    assert COMMANDS, "the CLI registers no commands"


@pytest.mark.parametrize("name", COMMANDS)
def test_command_help_has_an_example(name: str) -> None:
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"`bicorpus {name} --help` shows no example"
    assert f"bicorpus {name}" in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_documented(name: str) -> None:
    docs = "\n".join(p.read_text("utf-8") for p in [ROOT / "README.md", *(ROOT / "docs").glob("*.md")])
    assert f"bicorpus {name}" in docs, f"`bicorpus {name}` is not documented in README.md or docs/"


def _failing_group() -> click.Group:
    from bicorpus.cli import _Group

    @click.group(cls=_Group)
    def group() -> None:
        pass

    @group.command()
    def known() -> None:
        raise BicorpusError("corpus is locked by PID 1")

    @group.command()
    def unknown() -> None:
        raise ValueError("boom\nsecond line")

    return group


def test_bicorpus_error_is_one_line_exit_1() -> None:
    result = CliRunner().invoke(_failing_group(), ["known"])
    assert result.exit_code == 1
    assert result.output.strip() == "Error: corpus is locked by PID 1"


def test_unexpected_error_is_one_line_without_traceback() -> None:
    result = CliRunner().invoke(_failing_group(), ["unknown"])
    assert result.exit_code == 3
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "ValueError: boom second line" in result.output


def test_emit_rows_keeps_arabic_readable(capsys: pytest.CaptureFixture[str]) -> None:
    emit_rows([{"name": "النصرة", "n": 2}], "jsonl")
    assert capsys.readouterr().out.strip() == '{"name": "النصرة", "n": 2}'


def test_emit_rows_csv_and_table(capsys: pytest.CaptureFixture[str]) -> None:
    rows = [{"name": "داعش", "tags": ["a", "b"]}, {"name": "ISIS", "tags": None}]
    emit_rows(rows, "csv")
    assert capsys.readouterr().out.splitlines() == ["name,tags", 'داعش,"[""a"", ""b""]"', "ISIS,"]
    emit_rows(rows, "table")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["name", "tags"]
    assert lines[2].startswith("داعش")


def test_output_cut_short_by_its_reader_ends_quietly(tmp_path: Path) -> None:
    """``bicorpus search X | head``: the reader closing the pipe is no error to report."""
    import subprocess
    import sys

    seeds = Path(__file__).resolve().parents[2] / "seeds"
    run = [sys.executable, "-c", "from bicorpus.cli import main; main()"]
    subprocess.run([*run, "ingest", str(seeds), "--corpus", "corpus", "--index", "index"], cwd=tmp_path,
                   check=True, capture_output=True)
    proc = subprocess.Popen([*run, "search", "Nusra", "--limit", "50"], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader goes away before the first line is written
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141
    assert stderr == ""
