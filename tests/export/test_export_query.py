"""Export by query: only the passages search finds for a name (needs a built index)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bicorpus.corpus import open_corpus
from bicorpus.export import export_corpus
from bicorpus.export.jsonl import read_jsonl


@pytest.fixture(scope="module")
def seed_index(seed_corpus: Path) -> Path:
    from bicorpus.index import build_index

    index = seed_corpus.parent / "index"
    build_index(open_corpus(seed_corpus), index)
    return index


def test_query_exports_just_the_passages_naming_it(
    seed_corpus: Path, seed_index: Path,
    tmp_path: Path
) -> None:
    import re

    export_corpus(seed_corpus, "jsonl", tmp_path / "nusra.jsonl", query="Nusra", index=seed_index)
    selected = [p for _, p in read_jsonl(tmp_path / "nusra.jsonl")]
    mentions = re.compile(r"nusra|النصرة", re.IGNORECASE)
    assert selected and all(mentions.search(p.text) for p in selected)
    every = [p for p in open_corpus(seed_corpus).passages() if re.search(r"al-Nusra", p.text)]
    assert {p.id for p in every} <= {p.id for p in selected}


def test_query_with_filters_and_no_hit(seed_corpus: Path, seed_index: Path, tmp_path: Path) -> None:
    from bicorpus.errors import ExportError

    report = export_corpus(
        seed_corpus, "csv", tmp_path / "q.csv", query="ISIS", region="title", index=seed_index
    )
    assert report.stats.passages == 1
    with pytest.raises(ExportError, match="no passage matches"):
        export_corpus(seed_corpus, "csv", tmp_path / "none.csv", query="Zarqawi", index=seed_index)
    assert not (tmp_path / "none.csv").exists()


def test_cli_query(seed_corpus: Path, seed_index: Path) -> None:
    import json

    from click.testing import CliRunner

    from bicorpus.cli import main

    result = CliRunner().invoke(main, ["export", "--corpus", str(seed_corpus), "--index", str(seed_index),
                                       "--format", "jsonl", "--query", "داعش", "--lang", "en"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(r["lang"] == "en" and "ISIS" in r["text"] for r in rows)


def test_cli_query_without_index(seed_corpus: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from bicorpus.cli import main

    args = ["export", "--corpus", str(seed_corpus), "--index", str(tmp_path / "none")]
    result = CliRunner().invoke(main, [*args, "--format", "csv", "--query", "Nusra"])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1 and "index" in result.output
