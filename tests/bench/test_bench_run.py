"""The measuring harness: steps, report keys, ratios, targets, page cache."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import run
from common import BenchQuery, latency_summary
from generate import generate_page, mutate_pages, mutated_indexes, page_name

REQUIRED_KEYS = (
    "passages", "ingest_passages_per_s", "baseline_passages_per_s", "peak_rss_mb", "index_mb",
    "query_p50_ms", "query_p95_ms", "baseline_query_p50_ms", "baseline_query_p95_ms",
)


def test_parse_args_selects_steps(tmp_path: Path) -> None:
    config, steps, out = run.parse_args(["--pages", "10", "--work", str(tmp_path)])
    assert steps == ["build", "profile", "baseline", "raw", "queries", "baseline-queries", "raw-queries"]
    assert config.pages == 10 and config.engine == "tantivy" and config.work == tmp_path and out is None
    config, steps, out = run.parse_args(["--pages", "10", "--engine", "whoosh", "--no-profile",
                                         "--incremental", "--json", "r.json"])
    assert steps == ["build", "baseline", "raw", "queries", "baseline-queries", "raw-queries", "incremental"]
    assert config.engine == "whoosh" and out == "r.json" and config.repeat == 1
    _, steps, _ = run.parse_args(["--pages", "10", "--no-baseline", "--no-profile"])
    assert steps == ["build", "queries"]
    config, _, _ = run.parse_args(["--pages", "10", "--repeat", "3"])
    assert config.repeat == 3
    with pytest.raises(SystemExit):
        run.parse_args(["--pages", "5", "--repeat", "0"])
    with pytest.raises(SystemExit):
        run.parse_args(["--pages", "0"])
    with pytest.raises(SystemExit):
        run.parse_args(["--pages", "5", "--engine", "lucene"])


def test_ratios_and_targets() -> None:
    report = {
        "engine": "tantivy",
        "ingest_passages_per_s": 6500.0, "baseline_passages_per_s": 2000.0, "raw_passages_per_s": 65000.0,
        "peak_rss_mb": 1500.0, "query_p50_ms": 3.0, "baseline_query_p50_ms": 1.5,
        "query_p95_ms": 5.0, "baseline_query_p95_ms": 20.0,
        "ingest_cpu_us_per_passage": 200.0, "baseline_cpu_us_per_passage": 600.0,
    }
    run.add_ratios_and_targets(report)
    # CPU: 200 µs a passage spread over two cores against plain Whoosh's 600 in one process
    assert report["ingest_cpu_vs_baseline"] == 0.33 and report["ingest_speed_vs_baseline_from_cpu"] == 6.0
    assert report["ingest_two_core_passages_per_s_from_cpu"] == 10_000.0
    assert report["ingest_speed_vs_baseline"] == 3.25 and report["ingest_speed_vs_raw"] == 0.1
    assert report["query_p50_vs_baseline"] == 2.0 and report["query_p95_vs_baseline"] == 0.25
    targets = report["targets"]
    assert targets["ingest_passages_per_s"]["met"] is True
    assert targets["ingest_speed_vs_baseline"]["met"] is True
    assert targets["peak_rss_mb"]["met"] is False
    assert targets["query_p50_ms"]["met"] is False
    assert targets["query_p95_ms"]["met"] is True
    assert targets["incremental_share_of_full"]["met"] is None
    whoosh = {**report, "engine": "whoosh", "peak_rss_mb": 500.0}
    run.add_ratios_and_targets(whoosh)
    assert set(whoosh["targets"]) == {"peak_rss_mb", "incremental_share_of_full"}  # its old targets retired
    assert whoosh["targets"]["peak_rss_mb"]["met"] is True and whoosh["ingest_speed_vs_baseline"] == 3.25


def test_raw_ratios_compare_the_same_queries() -> None:
    queries = [BenchQuery("single", "Nusra"), BenchQuery("single", "Raqqa"), BenchQuery("phrase", '"a b"')]
    ours = {"seconds": [0.004, 0.002, 0.010], "all": latency_summary([0.004, 0.002, 0.010])}
    raw = {"seconds": [0.001, None, 0.001], "all": latency_summary([0.001, 0.001])}
    report = {"queries": ours, "raw": {"queries": raw}}
    run.compare_queries(report, queries)
    assert report["raw_query_compared"] == 2  # the query raw Tantivy failed is left out of both sides
    assert report["query_p50_vs_raw"] is not None and report["query_p50_vs_raw"] > 1
    assert set(report["query_vs_raw_by_class"]) == {"single", "phrase"}
    assert "seconds" not in raw


def test_pages_are_generated_once_and_reused(tmp_path: Path) -> None:
    config = run.Config(pages=15, seed=3, work=tmp_path)
    pages_dir, mb = run.ensure_pages(config)
    assert len(list(pages_dir.glob("*.txt"))) == 15 and mb > 0
    stamp = (pages_dir / page_name(3, 0)).stat().st_mtime_ns
    again, mb_again = run.ensure_pages(config)
    assert again == pages_dir and mb_again == mb
    assert (pages_dir / page_name(3, 0)).stat().st_mtime_ns == stamp
    other, _ = run.ensure_pages(run.Config(pages=15, seed=4, work=tmp_path))
    assert other != pages_dir


def test_a_run_mutates_its_own_pages_never_the_shared_ones(tmp_path: Path) -> None:
    config = run.Config(pages=50, seed=6, work=tmp_path)
    shared, _ = run.ensure_pages(config)
    before = {p.name: p.read_bytes() for p in shared.glob("*.txt")}
    private = run.private_pages(shared, tmp_path / "run" / "pages")
    assert {p.name: p.read_bytes() for p in private.glob("*.txt")} == before
    changed = mutate_pages(private, 50, 6, 0.1)
    assert len(changed) == 5
    assert {p.name: p.read_bytes() for p in shared.glob("*.txt")} == before
    after = {p.name: p.read_bytes() for p in private.glob("*.txt")}
    expected = {page_name(6, i) for i in mutated_indexes(50, 6, 0.1)}
    assert {n for n in after if after[n] != before[n]} == expected
    assert (shared / page_name(6, 0)).read_text("utf-8") == generate_page(6, 0)
    assert not list(tmp_path.glob("*.tmp-*"))


def test_baseline_and_queries_alone(tmp_path: Path) -> None:
    report = run.measure(run.Config(pages=20, seed=2, work=tmp_path, per_class=5, warmup=0),
                         ["baseline", "queries", "baseline-queries"])
    assert report["baseline"]["passage_source"] == "pages"
    assert report["baseline"]["seconds_of_each_run"] == [report["baseline"]["seconds"]]
    assert report["baseline_passages_per_s"] > 0
    assert 0 < report["baseline_query_p50_ms"] <= report["baseline_query_p95_ms"]
    assert report["baseline"]["queries"]["all"]["n"] == 5 * len(run.QUERY_CLASSES)
    assert "query_p50_ms" not in report and "passages" not in report
    assert report["query_p50_vs_baseline"] is None and report["targets"]["query_p50_ms"]["met"] is None
    assert "ingest+index passages/s" in run.summary(report)
    md = run.markdown(report)
    assert f"| query p50, ms | - | {report['baseline_query_p50_ms']:.2f} | - |" in md
    assert "| single | - / - (- / -) |" in md
    assert 0 < report["baseline_query_cpu_p50_ms"] <= report["baseline_query_cpu_p95_ms"]
    assert not list(tmp_path.glob("run-*"))  # cleaned up without --keep


def test_full_run_writes_the_json_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.json"
    argv = ["--pages", "40", "--seed", "5", "--work", str(tmp_path / "w"), "--json", str(out),
            "--queries-per-class", "4", "--warmup", "0", "--incremental", "--repeat", "2"]
    assert run.main(argv) == 0
    report = json.loads(out.read_text("utf-8"))
    assert report["errors"] == {}
    for key in REQUIRED_KEYS:
        assert isinstance(report[key], (int, float)) and report[key] > 0, key
    assert report["baseline"]["passage_source"] == "corpus"
    assert report["raw"]["passages"] == report["passages"] and report["raw_passages_per_s"] > 0
    assert report["raw_query_p50_ms"] > 0 and report["ingest_speed_vs_raw"] > 0
    for side in ("ingest", "baseline", "raw"):
        assert report[f"{side}_cpu_us_per_passage"] > 0, side
    assert len(report["ingest"]["seconds_of_each_run"]) == len(report["baseline"]["seconds_of_each_run"]) == 2
    assert report["ingest_seconds"] == max(report["ingest"]["seconds_of_each_run"])  # upper median of 2
    assert report["baseline"]["passages"] == report["passages"] == report["stages"]["passages"]
    stages = report["stages"]["stages"]
    assert list(stages) == ["read", "layout", "segmentation", "normalization", "store", "keys", "index write"]
    assert all(s["seconds"] > 0 for s in stages.values())
    assert sum(s["seconds"] for s in stages.values()) == pytest.approx(report["stages"]["seconds"], abs=0.01)
    assert report["incremental"]["changed_pages"] == 1
    assert report["incremental"]["changed_docs"] + report["incremental"]["added_docs"] >= 1
    assert report["incremental"]["unchanged_docs"] == 39
    assert 0 < report["incremental"]["index_passages_written"] < report["passages"] / 4
    assert report["ingest"]["index_passages_written"] == report["passages"]
    printed = capsys.readouterr().out
    assert "plain Whoosh" in printed and "raw tantivy" in printed and "targets" in printed
    assert run.main(["--markdown", str(out)]) == 0
    md = capsys.readouterr().out
    assert md.startswith("Run of ") and f"{report['passages']:,} passages" in md
    assert "| keys |" in md and "| re-ingest, 1 of 40 pages changed, s |" in md
    pages_dir = tmp_path / "w" / "pages-s5-n40"
    assert (pages_dir / run.PAGES_MARKER).is_file()
    for i in mutated_indexes(40, 5, 0.01):
        assert (pages_dir / page_name(5, i)).read_text("utf-8") == generate_page(5, i)


def test_hot_functions_ranks_by_own_time() -> None:
    import cProfile

    def busy() -> int:
        return sum(i * i for i in range(200_000))

    profiler = cProfile.Profile()
    profiler.enable()
    busy()
    sorted(range(10))
    profiler.disable()
    hot = run.hot_functions(profiler, 3)
    assert len(hot) == 3
    assert hot[0]["own_s"] >= hot[1]["own_s"] >= hot[2]["own_s"]
    assert any("genexpr" in h["function"] or "busy" in h["function"] for h in hot)
    assert all(h["calls"] >= 1 for h in hot)


def test_profile_queries_option_adds_its_step() -> None:
    _, steps, _ = run.parse_args(["--pages", "3", "--profile-queries", "--incremental", "--no-baseline"])
    assert steps == ["build", "profile", "queries", "query-profile", "incremental"]


def test_query_comparison_uses_only_queries_both_sides_answered() -> None:
    queries = [BenchQuery("single", "a"), BenchQuery("single", "b"), BenchQuery("rare", "c")]
    report = {
        "queries": {"all": {"n": 2}, "seconds": [0.010, None, 0.002]},
        "baseline": {"queries": {"all": {"n": 3}, "seconds": [0.001, 0.500, 0.001]}},
    }
    run.compare_queries(report, queries)
    assert report["query_compared"] == 2
    assert report["query_p50_ms"] == pytest.approx(6.0)
    assert report["baseline_query_p50_ms"] == pytest.approx(1.0)  # the 500 ms query is not compared
    assert report["query_vs_baseline_by_class"] == {"single": {"p50": 10.0, "p95": 10.0},
                                                    "rare": {"p50": 2.0, "p95": 2.0}}
    assert "seconds" not in report["queries"] and "seconds" not in report["baseline"]["queries"]


def test_query_headline_of_one_side_alone() -> None:
    report = {"queries": {"all": {"n": 4, "p50_ms": 2.0, "p95_ms": 3.0, "p99_ms": 4.0}, "seconds": [0.002]}}
    run.compare_queries(report, [BenchQuery("single", "a")])
    assert (report["query_p50_ms"], report["query_p95_ms"], report["query_p99_ms"]) == (2.0, 3.0, 4.0)
    assert "baseline_query_p50_ms" not in report and "query_compared" not in report


def test_tree_memory_sums_the_descendants() -> None:
    import subprocess
    import sys
    import time

    code = ("import sys, time; x = b'a' * (60 * 2**20); sys.stdout.write('ready\\n'); sys.stdout.flush(); "
            "time.sleep(5)")
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
        with run.TreeMemory(interval=0.05) as tree:
            time.sleep(0.5)
        assert tree.peak_mb >= 60
        if Path("/proc/self/smaps_rollup").exists():  # the child's 60 MB are its own: counted once
            assert 60 <= tree.peak_pss_mb <= tree.peak_mb
    finally:
        child.kill()
        child.wait()
    assert run._tree_rss_mb(child.pid) == 0  # no descendants


def test_reuse_measures_a_kept_run_again_without_building(tmp_path: Path) -> None:
    config, steps, _ = run.parse_args(["--pages", "10", "--reuse", str(tmp_path / "gone")])
    assert steps == ["raw", "queries", "raw-queries"] and config.reuse == tmp_path / "gone"
    _, steps, _ = run.parse_args(["--pages", "10", "--reuse", "x", "--no-baseline", "--profile-queries"])
    assert steps == ["queries", "query-profile"]
    _, steps, _ = run.parse_args(["--pages", "10", "--reuse", "x", "--whoosh-too"])
    assert steps == ["baseline", "raw", "queries", "raw-queries", "baseline-queries"]
    with pytest.raises(SystemExit, match="no corpus/ and index/"):
        run.measure(config, steps)
    kept = run.measure(run.Config(pages=12, seed=3, work=tmp_path, per_class=2, warmup=0, keep=True),
                       ["build"])
    folder = next(tmp_path.glob("run-*"))
    again = run.measure(run.Config(pages=12, seed=3, work=tmp_path, per_class=2, warmup=0, reuse=folder),
                        ["queries"])
    assert again["errors"] == {} and again["passages"] == kept["passages"] > 0
    assert "ingest_passages_per_s" not in again and again["queries"]["all"]["n"] == 2 * len(run.QUERY_CLASSES)
    assert (folder / "index").is_dir()  # a reused run is never cleaned up
