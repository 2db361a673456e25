"""`bicorpus search`, `show` and `reindex` through click's CliRunner."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bicorpus.cli import main
from bicorpus.index import analysis


@pytest.fixture
def cli_env(tmp_path: Path, small_corpus: Path, fake_names, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A corpus and an index in ``tmp_path``, with the CLI using the test name model."""
    monkeypatch.setattr(analysis, "default_names", lambda: fake_names)
    monkeypatch.setattr(analysis, "default_key_version", lambda: fake_names.key_version)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["reindex"])
    assert result.exit_code == 0, result.output
    assert "Indexed 7 passages from corpus into index" in result.output
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_search_text_output_marks_matches_in_both_scripts(cli_env: Path) -> None:
    result = run("search", "Nusra")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:4] == ["1.", lines[0].split()[1], "exact", "d1:1"]
    assert "[[Nusra]]" in lines[1]
    assert "[[النصرة]]" in result.output  # Arabic in logical order, marked
    assert "translit" in result.output
    assert lines[-1] == "3 of 3 matching passages."


def test_search_json_document(cli_env: Path) -> None:
    result = run("search", "Daesh", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["query"] == "Daesh" and data["total"] == 3
    hit = data["hits"][0]
    for key in ("text", "matches", "lang", "region", "section", "passage_id", "doc_id", "score", "tier"):
        assert key in hit
    assert [h["tier"] for h in data["hits"]] == ["exact", "translit", "alias"]
    assert "داعش" in result.output  # not \\u-escaped
    match = data["hits"][2]["matches"][0]
    assert 0.0 <= match.pop("confidence") <= 1.0
    assert match == {"term": "Daesh", "text": "ISIS", "start": 22, "end": 26,
                     "tier": "alias", "entity": "isis"}


def test_search_jsonl_and_csv(cli_env: Path) -> None:
    lines = run("search", "Mosul", "--jsonl").output.splitlines()
    assert len(lines) == 3 and all(json.loads(x)["matches"] for x in lines)
    csv_out = run("search", "Mosul", "--csv").output.splitlines()
    assert csv_out[0].startswith("rank,score,tier,passage_id")
    assert len(csv_out) == 4


def test_search_options(cli_env: Path) -> None:
    data = json.loads(run("search", "Nusra", "--lang", "ar", "--json").output)
    assert [h["passage_id"] for h in data["hits"]] == ["d1:0"]
    data = json.loads(run("search", "Mosul", "--since", "2018", "--limit", "5", "--json").output)
    assert [h["passage_id"] for h in data["hits"]] == ["d2:1"]
    data = json.loads(run("search", "Nusra", "--exact", "--json").output)
    assert [h["passage_id"] for h in data["hits"]] == ["d1:1"]
    assert "No passages match" in run("search", "Timbuktu").output


@pytest.mark.parametrize(("args", "message"), [
    (["search", ""], "empty query"),
    (["search", "x" * 10_000], "too long"),
    (["search", '"Eastern Ghouta'], "unbalanced quote"),
    (["search", "(Mosul"], "unbalanced parenthesis"),
    (["search", "the", "of"], "nothing to search for"),
    (["search", "\u064b\u0652"], "nothing to search for"),
    (["search", "\x07\x1b"], "empty query"),
    (["search", "Mosul", "--since", "yesterday"], "not a date"),
    (["search", "Mosul", "--index", "elsewhere"], "no index at elsewhere"),
    (["show", "d9:9"], "no passage 'd9:9'"),
    (["reindex", "--corpus", "nocorpus"], "no corpus at nocorpus"),
])
def test_bad_input_is_one_line_and_non_zero(cli_env: Path, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    out = result.output.strip()
    assert len(out.splitlines()) == 1 and out.startswith("Error: ") and message in out, out


def test_index_from_another_version_says_reindex(cli_env: Path) -> None:
    meta = cli_env / "index" / "bicorpus.json"
    meta.write_text(json.dumps({**json.loads(meta.read_text()), "normalization": -1}))
    result = run("search", "Mosul")
    assert result.exit_code == 1
    assert "built by another version" in result.output and "run `bicorpus reindex`" in result.output
    assert run("reindex").exit_code == 0
    assert run("search", "Mosul").exit_code == 0


@pytest.mark.parametrize("engine, files", [("tantivy", "meta.json"), ("whoosh", "*.toc")])
def test_corrupt_index_is_one_line(cli_env: Path, engine: str, files: str) -> None:
    assert run("reindex", "--engine", engine).exit_code == 0
    damaged = list((cli_env / "index").glob(files))
    assert damaged
    for f in damaged:
        f.write_bytes(b"\x80\x04garbage")
    result = run("search", "Mosul")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "unreadable" in result.output


def test_show_prints_passage_metadata_and_neighbours(cli_env: Path) -> None:
    result = run("show", "d1:1")
    assert result.exit_code == 0, result.output
    assert "> d1:1" in result.output
    assert "section:  analysis" in result.output
    assert "  d1:0  [site-header] أخبار المركز" in result.output
    assert "  d1:2  [body] Fighters of an-Nusrah" in result.output
    data = json.loads(run("show", "d1:1", "--context", "2", "--json").output)
    assert data["passage"]["id"] == "d1:1"
    assert [p["id"] for p in data["before"]] == ["d1:0"]
    assert [p["id"] for p in data["after"]] == ["d1:2", "d1:3"]
