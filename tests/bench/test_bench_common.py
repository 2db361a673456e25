"""Measuring helpers: percentiles, query sets, timing, isolated runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from common import (
    QUERY_CLASSES,
    BenchQuery,
    StageTimes,
    build_queries,
    dir_size_mb,
    latency_summary,
    name_queries,
    percentile,
    phrase_queries,
    ratio,
    repeat_isolated,
    run_isolated,
    time_queries,
)
from generate import load_data


def allocate_and_report(megabytes: int) -> int:
    block = bytearray(megabytes * 1024 * 1024)
    for i in range(0, len(block), 4096):
        block[i] = 1
    return len(block)


def test_percentile_interpolates() -> None:
    values = list(range(1, 101))
    assert percentile(values, 50) == pytest.approx(50.5)
    assert percentile(values, 95) == pytest.approx(95.05)
    assert percentile(values, 100) == 100
    assert percentile([3.0], 99) == 3.0
    assert percentile([5, 1, 3], 50) == 3
    with pytest.raises(ValueError):
        percentile([], 50)


def test_latency_summary_in_milliseconds() -> None:
    summary = latency_summary([0.001] * 98 + [0.1, 0.2])
    assert summary["n"] == 100
    assert summary["p50_ms"] == pytest.approx(1.0)
    assert summary["p99_ms"] > 90
    assert summary["mean_ms"] == pytest.approx((98 + 100 + 200) / 100)


def test_ratio() -> None:
    assert ratio(3.0, 2.0) == 1.5
    assert ratio(None, 2.0) is None and ratio(1.0, 0) is None


def test_stage_times_accumulate() -> None:
    times = StageTimes()
    with times.stage("read"):
        pass
    times.add("read", 1.0)
    times.add("index write", 2.0)
    assert list(times.seconds) == ["read", "index write"]
    assert times.seconds["read"] >= 1.0 and times.total >= 3.0


def test_name_queries_come_from_the_entity_table() -> None:
    pools = name_queries(load_data())
    assert {"Nusra", "ISIS", "Raqqa", "Daesh"} <= set(pools["single"])
    assert {"Deir ez-Zor", "Abu Bakr al-Baghdadi", "Jabhat al-Nusra"} <= set(pools["multiword"])
    assert {"داعش", "دير الزور", "جبهة النصرة"} <= set(pools["cross-script"])
    assert all(" " not in q for q in pools["single"])
    assert all(" " in q for q in pools["multiword"])


def test_phrases_are_quoted_template_text() -> None:
    data = load_data()
    phrases = phrase_queries(data)
    templates = " ".join(data.language["en"]["sentences"] + data.language["ar"]["sentences"])
    assert phrases and all(p.startswith('"') and p.endswith('"') for p in phrases)
    assert all(p.strip('"') in templates for p in phrases)
    assert any("\u0621" <= p[1] <= "\u064a" for p in phrases)


def test_query_set_is_deterministic_and_covers_every_class() -> None:
    queries = build_queries(per_class=20, seed=3)
    assert queries == build_queries(per_class=20, seed=3)
    assert queries != build_queries(per_class=20, seed=4)
    assert [q.cls for q in queries] == [c for c in QUERY_CLASSES for _ in range(20)]
    filtered = [q for q in queries if q.cls == "filtered"]
    assert all(q.lang or q.region or q.since for q in filtered)
    assert all(not (q.lang or q.region or q.since) for q in queries if q.cls != "filtered")
    assert BenchQuery.from_dict(filtered[0].to_dict()) == filtered[0]


def test_time_queries_runs_warmup_then_measures() -> None:
    calls: list[str] = []

    def search(query: BenchQuery) -> int:
        calls.append(query.text)
        return 0 if query.text == "none" else 3

    queries = [BenchQuery("single", "a"), BenchQuery("single", "none"), BenchQuery("rare", "b")]
    report = time_queries(search, queries, warmup=2)
    assert len(calls) == 9
    assert report["all"]["n"] == 3
    assert report["by_class"]["single"]["n"] == 2
    assert report["by_class"]["single"]["zero_hit_share"] == 0.5
    assert report["by_class"]["rare"]["zero_hit_share"] == 0.0
    assert list(report["by_class"]) == ["single", "rare"]


def test_run_isolated_reports_the_child_peak() -> None:
    small_result, small_peak = run_isolated(allocate_and_report, 1)
    big_result, big_peak = run_isolated(allocate_and_report, 150)
    assert small_result == 1024 * 1024 and big_result == 150 * 1024 * 1024
    assert big_peak - small_peak > 120


def test_dir_size(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a").write_bytes(b"x" * 500_000)
    (tmp_path / "sub" / "b").write_bytes(b"y" * 250_000)
    assert dir_size_mb(tmp_path) == pytest.approx(0.75)


def test_time_queries_leaves_out_queries_that_fail() -> None:
    def search(query: BenchQuery) -> int:
        if query.text == "bad":
            raise ValueError("nothing to search for")
        return 1

    queries = [BenchQuery("phrase", "good"), BenchQuery("phrase", "bad"), BenchQuery("common", "x")]
    report = time_queries(search, queries, warmup=1)
    assert report["all"]["n"] == 2 and report["by_class"]["phrase"]["n"] == 1
    assert report["seconds"][1] is None and report["seconds"][0] > 0 and report["seconds"][2] > 0
    error = "ValueError: nothing to search for"
    assert report["failed"] == [{"cls": "phrase", "text": "bad", "error": error}]


def test_phrases_have_a_content_word() -> None:
    for phrase in phrase_queries(load_data()):
        assert max(len(w) for w in phrase.strip('"').split()) >= 5, phrase


def read_number(path: str) -> float:
    return float(Path(path).read_text())


def test_repeat_isolated_reports_the_median_run(tmp_path: Path) -> None:
    values = iter([5.0, 1.0, 20.0])
    box = tmp_path / "value"

    def before() -> None:  # each run reads the value written just before it
        box.write_text(str(next(values)))

    median, peak, seconds = repeat_isolated(3, before, lambda v: v, read_number, str(box))
    assert median == 5.0 and seconds == [5.0, 1.0, 20.0] and peak > 0
    assert next(values, None) is None
