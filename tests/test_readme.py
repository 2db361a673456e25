"""The README's Python example runs as written and prints what it promises."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text("utf-8")


def _python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README, re.DOTALL)


def test_readme_opens_with_the_two_setup_commands() -> None:
    commands = [line.strip() for line in README.splitlines() if line.startswith("    python3 -m venv")]
    assert len(commands) == 2
    assert "bicorpus ingest seeds/" in commands[0] and "bicorpus search" in commands[0]
    assert "pytest" in commands[1]
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert commands[1] in ci, ".ci/run must run the README's test command"


def test_readme_example_is_ten_lines() -> None:
    (block,) = _python_blocks()
    assert len([line for line in block.splitlines() if line.strip()]) <= 10


def test_readme_example_runs(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    (block,) = _python_blocks()
    exec(compile(block, "README.md", "exec"), {})
    out = capsys.readouterr().out.splitlines()
    assert any("Deir al-Zour" in line and "translit" in line for line in out[:-1])
    total, passages = map(int, re.match(r"^(\d+) hits; (\d+) passages$", out[-1]).groups())
    assert 1 <= total <= passages


def test_readme_alias_example_loads(tmp_path: Path) -> None:
    from bicorpus.names import Gazetteer

    block = re.search(r"```\n(\[hurras\].*?)```", README, re.DOTALL)
    assert block, "the README shows no alias file example"
    path = tmp_path / "aliases.txt"
    path.write_text(block.group(1), encoding="utf-8")
    gazetteer = Gazetteer.load([path])
    assert [e.id for e in gazetteer.lookup("حراس الدين")] == ["hurras"]
    assert [e.id for e in gazetteer.lookup("Hurras al-Din")] == ["hurras"]
