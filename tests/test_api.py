"""The Python API: the example in docs/search.md runs as written, and the API matches the CLI."""

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _doc_example() -> str:
    text = (ROOT / "docs" / "search.md").read_text("utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.DOTALL)
    assert blocks, "docs/search.md has no python example"
    return blocks[0]


def test_doc_example_is_short() -> None:
    assert len([line for line in _doc_example().splitlines() if line.strip()]) <= 10


def test_doc_example_runs(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    exec(compile(_doc_example(), "docs/search.md", "exec"), {})
    out = capsys.readouterr().out.splitlines()
    hit_lines = out[:-1]
    assert hit_lines, "the example printed no hits"
    assert any("Deir al-Zour" in line and "translit" in line for line in hit_lines)
    assert re.match(r"^\d+ hits; \d+ body passages$", out[-1])


def test_public_names() -> None:
    import bicorpus

    for name in ("ingest", "reindex", "search", "open_index", "open_corpus", "Hit", "Match", "Passage",
                 "SearchIndex", "SearchResult", "PassageFilter", "BicorpusError"):
        assert hasattr(bicorpus, name), name
    assert (ROOT / "src" / "bicorpus" / "py.typed").exists()


def test_api_and_cli_give_the_same_hits(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    import bicorpus
    from bicorpus.cli import main

    bicorpus.ingest([ROOT / "seeds"], tmp_path / "corpus", index=tmp_path / "index")
    api = bicorpus.search("Nusra", index=tmp_path / "index", limit=5)
    cli = CliRunner().invoke(main, ["search", "Nusra", "--index", str(tmp_path / "index"), "--limit", "5",
                                    "--json"])
    assert cli.exit_code == 0, cli.output
    assert json.loads(cli.output) == json.loads(json.dumps(api.to_dict()))
    assert os.path.isdir(tmp_path / "index")
