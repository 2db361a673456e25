"""A damaged corpus (truncated, bit-flipped, edited files) gives one-line errors or check problems,
never a traceback or an internal error."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from fuzz import DAMAGE_KINDS, damaged
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_helpers import write_pages

from bicorpus.api import ingest
from bicorpus.check import check
from bicorpus.cli import main

FILES = ("documents.jsonl", "passages.jsonl", "manifest.json")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pristine")
    write_pages(root / "pages", 4, "A")
    ingest([root / "pages"], root / "corpus", index=None)
    return root / "corpus"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(FILES), how=st.sampled_from(DAMAGE_KINDS),
       seed=st.integers(0, 10**6))
def test_damaged_corpus_never_crashes(tmp_path_factory: pytest.TempPathFactory, pristine: Path, name: str,
                                      how: str, seed: int) -> None:
    corpus = tmp_path_factory.mktemp("damaged") / "corpus"
    shutil.copytree(pristine, corpus)
    path = corpus / name
    path.write_bytes(damaged(path.read_bytes(), random.Random(seed), how))
    report = check(corpus, None)  # never raises
    assert all(p.what and "\n" not in p.what for p in report.problems)
    runner = CliRunner()
    for args in (["check", "--corpus", str(corpus), "--no-index"], ["stats", "--corpus", str(corpus)],
                 ["export", "--corpus", str(corpus), "--format", "jsonl", "--out", "-"]):
        result = runner.invoke(main, args)
        assert result.exit_code in (0, 1), (args, result.output[-500:])
        crashed = "internal error" in result.output or "Traceback" in result.output
        assert not crashed, result.output[-500:]


def test_ingest_never_copies_a_damaged_row(built):
    """Found by bench/fuzz.py: a junk row in passages.jsonl crashed the next ingest (TypeError)."""
    path = built / "corpus" / "passages.jsonl"
    path.write_bytes(b'{"id": 1}\n' + path.read_bytes())
    (built / "pages" / "new.txt").write_text("Raqqa\n\nالرقة ودير الزور.\n", "utf-8")
    result = CliRunner().invoke(main, ["ingest", "pages", "--no-index"])
    assert result.exit_code == 1
    assert result.output.strip() == ("Error: corpus/passages.jsonl:1: corrupt row (missing doc_id, ordinal, "
                                     "lang, region, text, norm, start, end)")


def test_manifest_that_lost_its_checksum(built):
    import json

    path = built / "corpus" / "manifest.json"
    manifest = json.loads(path.read_text("utf-8"))
    del manifest["checksum"]
    path.write_text(json.dumps(manifest), "utf-8")
    assert [p.where for p in check("corpus", None).problems] == ["corpus"]
