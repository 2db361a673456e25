"""``--engine tantivy`` on ingest, reindex and search, and ``engine=`` in the API."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

import bicorpus
from bicorpus.cli import main
from bicorpus.index.engine import ENGINE_FILE, index_engine

ROOT = Path(__file__).resolve().parents[2]


def _pages(tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    pages.mkdir()
    for page in (ROOT / "seeds").glob("*.txt"):
        shutil.copy(page, pages / page.name)
    return pages


def _ids(output: str) -> list[tuple[str, str]]:
    return sorted((h["passage_id"], h["tier"]) for h in json.loads(output)["hits"])


def test_cli_ingest_reindex_search_with_tantivy(tmp_path: Path) -> None:
    runner = CliRunner()
    pages = _pages(tmp_path)
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    result = runner.invoke(main, ["ingest", str(pages), "--corpus", str(corpus), "--index", str(index),
                                  "--engine", "tantivy"])
    assert result.exit_code == 0, result.output
    assert index_engine(index) == "tantivy"
    assert json.loads((index / ENGINE_FILE).read_text("utf-8")) == {"engine": "tantivy"}
    on_tantivy = runner.invoke(main, ["search", "النصرة", "--index", str(index), "--json", "-n", "50"])
    assert on_tantivy.exit_code == 0, on_tantivy.output
    assert _ids(on_tantivy.output)
    # the index is read by the engine that built it, asked for or not
    assert runner.invoke(main, ["search", "النصرة", "--index", str(index), "--json", "-n", "50",
                                "--engine", "tantivy"]).output == on_tantivy.output

    wrong = runner.invoke(main, ["search", "Nusra", "--index", str(index), "--engine", "whoosh"])
    assert wrong.exit_code == 1
    assert "built by the tantivy engine" in wrong.output and "Traceback" not in wrong.output

    back = runner.invoke(main, ["reindex", "--corpus", str(corpus), "--index", str(index),
                                "--engine", "whoosh"])
    assert back.exit_code == 0, back.output
    assert index_engine(index) == "whoosh"
    on_whoosh = runner.invoke(main, ["search", "النصرة", "--index", str(index), "--json", "-n", "50"])
    assert _ids(on_whoosh.output) == _ids(on_tantivy.output)


def test_cli_rejects_an_unknown_engine(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["reindex", "--index", str(tmp_path / "i"), "--engine", "lucene"])
    assert result.exit_code == 1  # a usage error: one Error line, status 1
    assert "lucene" in result.output


def test_api_engine_option(tmp_path: Path) -> None:
    pages = _pages(tmp_path)
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    bicorpus.ingest([pages], corpus, index=index, engine="tantivy")
    assert index_engine(index) == "tantivy"
    found = bicorpus.search("Deir ez-Zor", index=index, engine="tantivy", limit=50)
    assert found.total >= 1
    assert bicorpus.reindex(corpus, index, engine="whoosh") == bicorpus.reindex(corpus, index)
    assert index_engine(index) == "whoosh"
    again = bicorpus.search("Deir ez-Zor", index=index, limit=50)
    pairs = [sorted((h.passage_id, h.tier) for h in r.hits) for r in (again, found)]
    assert pairs[0] == pairs[1]
