"""bicorpus explain: text, JSON and table output; alias files; errors in one line."""

import json
from pathlib import Path

from click.testing import CliRunner

from bicorpus.cli import main


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["explain", *args])


def test_text_output_shows_keys_and_entity() -> None:
    result = run("al-Nusrah Front")
    assert result.exit_code == 0, result.output
    assert "nsr" in result.output
    assert "article" in result.output
    assert "nusra (organization)" in result.output
    assert "successor jfs" in result.output


def test_arabic_name_and_compare() -> None:
    result = run("النصرة", "--compare", "an-Nusrah")
    assert result.exit_code == 0, result.output
    assert "an-nsra" in result.output
    assert "translit match" in result.output


def test_json_output() -> None:
    result = run("Deir ez-Zor", "--json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert [t["token"] for t in doc["tokens"]] == ["Deir", "ez", "Zor"]
    assert doc["tokens"][1]["article"] is True and doc["tokens"][1]["keys"] == []
    assert doc["entities"][0]["id"] == "deir-ez-zor"
    assert ["دير الزور", "ar"] in doc["entities"][0]["names"]


def test_jsonl_and_csv_rows() -> None:
    result = run("ISIS", "--jsonl")
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows[0]["token"] == "ISIS" and rows[0]["entity"] == "isis"
    result = run("داعش", "--csv")
    assert result.output.splitlines()[0].startswith("token,normalized,romanization")
    assert "isis" in result.output


def test_no_entity() -> None:
    result = run("Villalon")
    assert result.exit_code == 0
    assert "no entity" in result.output


def test_user_alias_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("[villalon]\ntype: person\nen: Villalon\nar: فيلالون\n", encoding="utf-8")
    result = run("فيلالون", "--aliases", str(path), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["entities"][0]["id"] == "villalon"


def test_bad_alias_file_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("[x]\nnonsense\n", encoding="utf-8")
    result = run("Nusra", "--aliases", str(path))
    assert result.exit_code == 1
    assert result.output.strip().startswith(f"Error: {path}:2:")
    assert len(result.output.strip().splitlines()) == 1


def test_empty_name_is_one_line_error() -> None:
    for name in ["", "...", "  "]:
        result = run(name)
        assert result.exit_code == 1
        assert result.output.startswith("Error: nothing to explain")
        assert len(result.output.strip().splitlines()) == 1
