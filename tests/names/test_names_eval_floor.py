"""The name matcher keeps its score on real English–Arabic name pairs (ANETAC sample).

Floors: cross-script recall ≥ 93% at a false-match rate ≤ 0.1% (20,000 seeded non-pairs
here; ``bench/eval_names.py`` reports 200,000)."""

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
_SPEC = importlib.util.spec_from_file_location("bicorpus_eval_names", BENCH / "eval_names.py")
assert _SPEC is not None and _SPEC.loader is not None
eval_names = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = eval_names  # dataclasses look their module up by name
_SPEC.loader.exec_module(eval_names)

RECALL_FLOOR = 0.93
FMR_CEILING = 0.001


@pytest.fixture(scope="module")
def rows() -> list:  # type: ignore[type-arg]
    return eval_names.load_rows(BENCH / "data" / "names-dev.tsv")


def test_the_vendored_file_is_whole(rows: list) -> None:
    assert len(rows) == 5000
    assert {r.cls for r in rows} == {"person", "location", "organization"}


def test_recall_floor_per_half(rows: list) -> None:
    dev, held_out = eval_names.split_rows(rows)
    for part in (dev, held_out):
        figures = eval_names.recall(part, eval_names.match_matcher)
        assert figures["overall"] >= RECALL_FLOOR, figures
        assert min(figures[c] for c in eval_names.CLASSES) >= RECALL_FLOOR - 0.02, figures


def test_false_match_ceiling(rows: list) -> None:
    pairs = eval_names.nonpairs(rows, 20_000)
    figures = eval_names.false_match_rate(pairs, eval_names.match_matcher)
    assert figures["overall"] <= FMR_CEILING, figures


def test_keys_alone_carry_most_of_the_recall(rows: list) -> None:
    figures = eval_names.recall(rows, eval_names.keys_matcher)
    assert figures["overall"] >= 0.90, figures


def test_the_matcher_beats_a_crude_skeleton(rows: list) -> None:
    ours = eval_names.recall(rows, eval_names.match_matcher)["overall"]
    crude = eval_names.recall(rows, eval_names.crude_matcher)["overall"]
    assert ours >= crude + 0.05, (ours, crude)
