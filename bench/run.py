"""Measure bicorpus against a plain-Whoosh baseline on the same generated pages, in one run.

    python bench/run.py --pages 1000
    python bench/run.py --pages 11000 --json bench-11k.json --incremental
    python bench/run.py --markdown bench-11k.json      # the report as Markdown tables

Steps (each engine build and each query loop runs in its own fresh process, so every
peak-memory figure belongs to that step alone):

1. generate the pages (``bench/generate.py``; cached under ``--work`` by seed and count);
2. bicorpus ingest + index through the public API: pages/s, passages/s, MB/s, peak RSS,
   index size;
3. a stage profile of the same work: read, layout, segmentation, normalization, store,
   keys (analysis into term forms and name keys), index write;
4. the plain-Whoosh baseline (``bench/baseline.py``) on the corpus's own passages;
5. query latency p50/p95/p99 by query class on both indexes (same query texts; headline
   figures and ratios over the queries both answered); ``--profile-queries`` adds the
   hottest functions of the bicorpus query loop;
6. with ``--incremental``: rewrite 1% of the pages and re-ingest.

Prints ratios to the baseline and the targets, and writes a JSON report with ``--json``.
Each step is a plain function of this module (``STEPS``), and the work it measures is a
module-level function run in a fresh process (``bicorpus_build``, ``bicorpus_latency``...):
swap one to measure another engine or another API.
"""

from __future__ import annotations

import argparse
import datetime as dt
import inspect
import json
import os
import platform
import resource
import shutil
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from baseline import BaselineSearcher, build_baseline_from
from common import (
    QUERY_CLASSES,
    BenchQuery,
    StageTimes,
    StepUnavailable,
    build_queries,
    dir_size_mb,
    paired_latency,
    peak_rss_mb,
    ratio,
    repeat_isolated,
    run_isolated,
    time_queries,
)
from generate import mutate_pages, mutated_indexes, write_pages

ENGINES = ("whoosh", "tantivy")
PAGES_MARKER = ".bench-pages.json"

#: Targets at 100,000 passages on a 2-core machine, by engine: (report key, comparison, value).  The
#: Whoosh engine's old targets are retired; its ratios to plain Whoosh are still reported.
TARGETS_BY_ENGINE: dict[str, tuple[tuple[str, str, float], ...]] = {
    "tantivy": (
        ("ingest_passages_per_s", ">=", 6000.0),
        ("ingest_speed_vs_baseline", ">=", 3.0),
        ("peak_rss_mb", "<", 1024.0),
        ("query_p50_ms", "<=", 2.0),
        ("query_p95_ms", "<=", 5.0),
        ("query_cpu_p50_ms", "<=", 2.0),
        ("query_cpu_p95_ms", "<=", 5.0),
        ("incremental_share_of_full", "<", 0.10),
    ),
    "whoosh": (
        ("peak_rss_mb", "<", 1024.0),
        ("incremental_share_of_full", "<", 0.10),
    ),
}
TARGETS = TARGETS_BY_ENGINE["tantivy"]


# ---------------------------------------------------------------- bicorpus steps (run in child processes)


def _engine_kwargs(func: Callable[..., Any], engine: str) -> dict[str, Any]:
    """``engine=`` for an API function that takes it; the default engine needs nothing."""
    if "engine" in inspect.signature(func).parameters:
        return {"engine": engine}
    if engine != "whoosh":
        raise StepUnavailable(f"this bicorpus has no {engine} engine ({func.__qualname__} takes no engine)")
    return {}


def _choose_engine(index_dir: str, engine: str) -> None:
    """Record ``engine`` as the engine of the index directory (as ``--engine`` does)."""
    try:
        from bicorpus.index.engine import set_index_engine
    except ImportError:
        from bicorpus.index import update_index

        _engine_kwargs(update_index, engine)  # reports an engine this bicorpus lacks
        return
    set_index_engine(index_dir, engine)


def _ingest_and_index(pages_dir: str, corpus_dir: str, index_dir: str, engine: str) -> dict[str, Any]:
    """What ``bicorpus.api.ingest(paths, corpus, index=...)`` does, with the two halves timed apart:
    pipeline ingest (pages -> corpus), then the index brought up to date (built when missing)."""
    from bicorpus.corpus import open_corpus
    from bicorpus.index import update_index
    from bicorpus.pipeline import ingest

    start, start_cpu = time.perf_counter(), _cpu_with_children()
    report = ingest([pages_dir], corpus_dir)
    ingested = time.perf_counter()
    _choose_engine(index_dir, engine)
    written = update_index(open_corpus(corpus_dir), index_dir, changed=[*report.added, *report.changed],
                           removed=report.removed)
    done = time.perf_counter()
    return {
        "passages": report.passages,
        "documents": report.documents,
        "added_docs": len(report.added),
        "changed_docs": len(report.changed),
        "removed_docs": len(report.removed),
        "unchanged_docs": len(report.unchanged),
        "failures": len(report.failures),
        "index_passages_written": written,
        "ingest_seconds": round(ingested - start, 3),
        "index_seconds": round(done - ingested, 3),
        "seconds": round(done - start, 3),
        # CPU time of this process and of every worker it forked and waited for
        "cpu_seconds": round(_cpu_with_children() - start_cpu, 3),
        # the forked workers (page pool, index shards) are not in this process's own peak
        "worker_peak_rss_mb": round(peak_rss_mb(resource.RUSAGE_CHILDREN), 1),
    }


def _cpu_with_children() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def bicorpus_build(pages_dir: str, corpus_dir: str, index_dir: str, engine: str) -> dict[str, Any]:
    """Full ingest + index of the pages into a new corpus and index."""
    return _ingest_and_index(pages_dir, corpus_dir, index_dir, engine)


def bicorpus_reingest(pages_dir: str, corpus_dir: str, index_dir: str, engine: str) -> dict[str, Any]:
    """Re-ingest the (partly changed) pages into the existing corpus and update the index."""
    return _ingest_and_index(pages_dir, corpus_dir, index_dir, engine)


def bicorpus_stage_profile(pages_dir: str, index_dir: str, engine: str) -> dict[str, Any]:
    """The ingest + index work split into the pipeline's stages, one page at a time, streamed
    into the engine as ``build_index`` does:

    read (bytes -> text), layout (regions), segmentation (passages with offsets, language
    and metadata), normalization (``normalize_text`` of every passage), store (passage
    records as JSON lines, as the corpus writes them: ``pipeline.passage_line``), keys (analysis into
    exact/norm/stem/key/entity term streams), index write (the engine's own work: the rest).

    ``make_passages`` normalizes as it segments: ``bicorpus.segment.normalize_text`` is
    wrapped with a timer for the profile, and its time is taken out of segmentation."""
    from bicorpus import segment
    from bicorpus.index.analysis import default_names
    from bicorpus.index.engine import engine_class
    from bicorpus.index.search import indexed_passage
    from bicorpus.layout import analyze
    from bicorpus.pipeline import document_id, passage_line
    from bicorpus.sources import read_source

    names = default_names()
    times = StageTimes()
    inner = StageTimes()
    normalize_text = segment.normalize_text

    def timed_normalize(text: str) -> str:
        with inner.stage("normalization"):
            return normalize_text(text)

    segment.normalize_text = timed_normalize  # instrumentation, undone below
    counts = {"pages": 0, "passages": 0, "bytes": 0}
    paths = sorted(Path(pages_dir).glob("*.txt"))
    store_path = Path(index_dir).with_name("profile-passages.jsonl")

    def indexed(store: Any) -> Any:
        for path in paths:
            with times.stage("read"):
                source = read_source(path)
            with times.stage("layout"):
                layout = analyze(source.text)
            with times.stage("segmentation"):
                passages = segment.make_passages(document_id(source.text), source.text, layout)
            with times.stage("store"):
                for p in passages:
                    store.write(passage_line(p))
            counts["pages"] += 1
            counts["bytes"] += source.size
            for p in passages:
                counts["passages"] += 1
                with times.stage("keys"):
                    item = indexed_passage(p, names)
                yield item

    engine_obj = engine_class(engine).create(index_dir)
    start = time.perf_counter()
    try:
        with store_path.open("wb") as store:
            engine_obj.write(indexed(store), clear=True, bulk=True)
    finally:
        segment.normalize_text = normalize_text
    normalization = inner.seconds.get("normalization", 0.0)
    total = time.perf_counter() - start
    engine_obj.close()
    store_path.unlink()
    stages = dict(times.seconds)
    order = ["read", "layout", "segmentation", "normalization", "store", "keys"]
    stages["segmentation"] = stages.get("segmentation", 0.0) - normalization
    stages["normalization"] = normalization
    stages = {name: stages.get(name, 0.0) for name in order}
    stages["index write"] = total - sum(stages.values())
    return {
        **counts,
        "seconds": round(total, 3),
        "passages_per_s": round(counts["passages"] / total, 1),
        "stages": {
            name: {"seconds": round(s, 3), "share": round(s / total, 3),
                   "passages_per_s": round(counts["passages"] / s) if s > 0 else None}
            for name, s in stages.items()
        },
    }


def bicorpus_latency(index_dir: str, queries: list[dict[str, Any]], warmup: int) -> dict[str, Any]:
    """Query latency on a bicorpus index: one index kept open, every query through ``search``."""
    from bicorpus.corpus import PassageFilter
    from bicorpus.index import open_index

    index = open_index(index_dir)

    takes_where = "where" in inspect.signature(index.search).parameters

    def search(query: BenchQuery) -> int:
        pairs = (("lang", query.lang), ("region", query.region), ("since", query.since))
        filters = {k: v for k, v in pairs if v}
        if takes_where:
            where = PassageFilter(**filters) if filters else None
            return len(index.search(query.text, limit=10, where=where).hits)
        return len(index.search(query.text, limit=10, **filters).hits)

    try:
        return time_queries(search, [BenchQuery.from_dict(q) for q in queries], warmup=warmup)
    finally:
        index.close()


def hot_functions(profiler: Any, top: int) -> list[dict[str, Any]]:
    """The ``top`` functions by own time of a finished :class:`cProfile.Profile`."""
    import pstats

    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    rows = []
    for (filename, line, name), (_cc, calls, own, cumulative, _callers) in stats.items():
        short = "/".join(Path(filename).parts[-2:])
        rows.append({"function": f"{short}:{line}({name})", "calls": calls,
                     "own_s": round(own, 3), "cumulative_s": round(cumulative, 3)})
    return sorted(rows, key=lambda r: -r["own_s"])[:top]


def bicorpus_query_profile(index_dir: str, queries: list[dict[str, Any]], top: int) -> dict[str, Any]:
    """Where bicorpus query time goes: the query set once under cProfile, hottest functions first."""
    import cProfile

    profiler = cProfile.Profile()
    profiler.enable()
    bicorpus_latency(index_dir, queries, warmup=0)
    profiler.disable()
    return {"queries": len(queries), "hot_functions": hot_functions(profiler, top)}


def baseline_latency(index_dir: str, queries: list[dict[str, Any]], warmup: int) -> dict[str, Any]:
    """Query latency on the plain-Whoosh index (same query texts, no expansion)."""
    with BaselineSearcher(index_dir) as searcher:
        return time_queries(searcher.search, [BenchQuery.from_dict(q) for q in queries], warmup=warmup)


def raw_latency(index_dir: str, queries: list[dict[str, Any]], warmup: int) -> dict[str, Any]:
    """Query latency on the raw Tantivy index (same query texts, no expansion)."""
    from raw_tantivy import RawSearcher

    with RawSearcher(index_dir) as searcher:
        return time_queries(searcher.search, [BenchQuery.from_dict(q) for q in queries], warmup=warmup)


def raw_build(corpus_dir: str, index_dir: str) -> Any:
    from raw_tantivy import build_raw

    return build_raw(corpus_dir, index_dir)


# ---------------------------------------------------------------- orchestration


@dataclass
class Config:
    pages: int
    seed: int = 1
    engine: str = "tantivy"
    work: Path = Path("/tmp/bicorpus-bench")
    per_class: int = 60
    warmup: int = 1
    repeat: int = 1
    incremental: bool = False
    profile: bool = True
    keep: bool = False
    #: An earlier run's folder (kept with ``--keep``) whose corpus and index are measured again.
    reuse: Path | None = None


@dataclass
class Run:
    """Paths of one run and the figures gathered so far."""

    config: Config
    pages_dir: Path
    out_dir: Path
    report: dict[str, Any] = field(default_factory=dict)

    @property
    def corpus_dir(self) -> Path:
        return self.out_dir / "corpus"

    @property
    def index_dir(self) -> Path:
        return self.out_dir / "index"

    @property
    def baseline_dir(self) -> Path:
        return self.out_dir / "baseline-index"

    @property
    def raw_dir(self) -> Path:
        return self.out_dir / "raw-tantivy-index"

    @property
    def profile_dir(self) -> Path:
        return self.out_dir / "profile-index"


_PAGE_MB = os.sysconf("SC_PAGE_SIZE") / 2**20 if hasattr(os, "sysconf") else 4096 / 2**20


def _tree_rss_mb(root: int) -> float:
    """Resident memory of every process descended from ``root`` (not ``root`` itself), summed, in MB."""
    return _tree_memory_mb(root)[0]


def _tree_memory_mb(root: int) -> tuple[float, float]:
    """Resident memory (RSS) and proportional memory (PSS: a page shared by n processes counts 1/n in
    each) of every process descended from ``root`` (not ``root`` itself), summed, in MB.  PSS is 0
    where the kernel does not report it."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
    total, proportional, todo = 0.0, 0.0, list(children.get(root, []))
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * _PAGE_MB
            proportional += _pss_mb(pid)
        except (OSError, IndexError, ValueError):
            continue
    return total, proportional


def _pss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class TreeMemory:
    """Samples the summed resident memory of all of this process's descendants (a build process and
    the workers it forks) every ``interval`` seconds; ``peak_mb`` is the largest sum seen.  Pages
    shared between a worker and the process it was forked from count twice: an upper bound.
    ``peak_pss_mb`` is the largest sum of their proportional memory, which counts such pages once:
    the memory the processes hold together."""

    def __init__(self, interval: float = 0.5) -> None:
        self.interval = interval
        self.peak_mb = 0.0
        self.peak_pss_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="tree-memory", daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            if os.path.isdir("/proc"):
                rss, pss = _tree_memory_mb(os.getpid())
                self.peak_mb = max(self.peak_mb, rss)
                self.peak_pss_mb = max(self.peak_pss_mb, pss)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def ensure_pages(config: Config) -> tuple[Path, float]:
    """The generated pages for (seed, pages), written once and shared by every run; returns
    (folder, MB).  Written under a temporary name and renamed, so concurrent runs never see
    a half-written folder; runs never modify it (see :func:`private_pages`)."""
    pages_dir = config.work / f"pages-s{config.seed}-n{config.pages}"
    cached = _cached_pages_mb(pages_dir, config)
    if cached is not None:
        return pages_dir, cached
    log(f"generating {config.pages:,} pages (seed {config.seed}) in {pages_dir}")
    tmp = pages_dir.with_name(f"{pages_dir.name}.tmp-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    report = write_pages(tmp, config.pages, config.seed)
    mb = round(report.bytes / 1e6, 3)
    meta = {"pages": config.pages, "seed": config.seed, "mb": mb}
    (tmp / PAGES_MARKER).write_text(json.dumps(meta), "utf-8")
    if pages_dir.exists() and _cached_pages_mb(pages_dir, config) is None:
        shutil.rmtree(pages_dir)  # an incomplete folder left by an older harness
    try:
        os.rename(tmp, pages_dir)
    except OSError:  # another run finished the same pages first: use those
        shutil.rmtree(tmp, ignore_errors=True)
    return pages_dir, mb


def _cached_pages_mb(pages_dir: Path, config: Config) -> float | None:
    try:
        meta = json.loads((pages_dir / PAGES_MARKER).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if meta.get("pages") == config.pages and meta.get("seed") == config.seed:
        return float(meta["mb"])
    return None


def private_pages(shared: Path, private: Path) -> Path:
    """A run's own view of the shared pages: hard links (copies across file systems).

    The incremental step replaces files in it (``mutate_pages`` writes a new file and renames
    it over the link), so the shared pages stay as generated."""
    private.mkdir(parents=True)
    for path in shared.glob("*.txt"):
        try:
            os.link(path, private / path.name)
        except OSError:
            shutil.copy2(path, private / path.name)
    return private


def step_build(run: Run, source_mb: float) -> None:
    config = run.config
    log(f"bicorpus ingest + index ({config.engine}) x {config.repeat}")

    def fresh() -> None:
        shutil.rmtree(run.corpus_dir, ignore_errors=True)
        shutil.rmtree(run.index_dir, ignore_errors=True)

    with TreeMemory() as tree:
        result, peak, all_seconds = repeat_isolated(
            config.repeat, fresh, lambda r: r["seconds"],
            bicorpus_build, str(run.pages_dir), str(run.corpus_dir), str(run.index_dir), config.engine,
        )
    result["seconds_of_each_run"] = all_seconds
    seconds = result["seconds"]
    run.report.update(
        passages=result["passages"],
        ingest_seconds=seconds,
        ingest_pages_per_s=round(config.pages / seconds, 1),
        ingest_passages_per_s=round(result["passages"] / seconds, 1),
        ingest_cpu_us_per_passage=_per_passage_us(result.get("cpu_seconds"), result["passages"]),
        ingest_mb_per_s=round(source_mb / seconds, 3),
        peak_rss_mb=round(peak, 1),
        worker_peak_rss_mb=result.get("worker_peak_rss_mb"),
        all_processes_peak_rss_mb=round(tree.peak_mb, 1),
        all_processes_peak_pss_mb=round(tree.peak_pss_mb, 1) if tree.peak_pss_mb else None,
        index_mb=round(dir_size_mb(run.index_dir), 2),
        corpus_mb=round(dir_size_mb(run.corpus_dir), 2),
        ingest=result,
    )


def _per_passage_us(cpu_seconds: float | None, passages: int) -> float | None:
    return round(cpu_seconds / passages * 1e6, 1) if cpu_seconds and passages else None


def step_profile(run: Run, source_mb: float) -> None:
    log("stage profile")
    result, peak = run_isolated(bicorpus_stage_profile, str(run.pages_dir), str(run.profile_dir),
                                run.config.engine)
    result["peak_rss_mb"] = round(peak, 1)
    result["mb_per_s"] = round(source_mb / result["seconds"], 3)
    run.report["stages"] = result
    shutil.rmtree(run.profile_dir, ignore_errors=True)


def step_baseline(run: Run) -> None:
    from_corpus = (run.corpus_dir / "passages.jsonl").is_file()
    source = run.corpus_dir if from_corpus else run.pages_dir
    log(f"plain-Whoosh baseline from {'the corpus passages' if from_corpus else 'the pages'} "
        f"x {run.config.repeat}")
    build, peak, all_seconds = repeat_isolated(
        run.config.repeat, lambda: shutil.rmtree(run.baseline_dir, ignore_errors=True), lambda b: b.seconds,
        build_baseline_from, str(source), str(run.baseline_dir), from_corpus,
    )
    run.report.update(
        baseline_passages_per_s=round(build.passages_per_s, 1),
        baseline_cpu_us_per_passage=_per_passage_us(build.cpu_seconds, build.passages),
        baseline={
            "passages": build.passages,
            "passage_source": "corpus" if from_corpus else "pages",
            "seconds": round(build.seconds, 3),
            "add_seconds": round(build.add_seconds, 3),
            "commit_seconds": round(build.commit_seconds, 3),
            "seconds_of_each_run": all_seconds,
            "peak_rss_mb": round(peak, 1),
            "index_mb": round(dir_size_mb(run.baseline_dir), 2),
        },
    )


def step_raw(run: Run) -> None:
    if not (run.corpus_dir / "passages.jsonl").is_file():
        raise StepUnavailable("the raw Tantivy ceiling indexes the corpus passages: run the build first")
    log(f"raw Tantivy from the corpus passages x {run.config.repeat}")
    build, peak, all_seconds = repeat_isolated(
        run.config.repeat, lambda: shutil.rmtree(run.raw_dir, ignore_errors=True), lambda b: b.seconds,
        raw_build, str(run.corpus_dir), str(run.raw_dir),
    )
    run.report.update(
        raw_passages_per_s=round(build.passages_per_s, 1),
        raw_cpu_us_per_passage=_per_passage_us(build.cpu_seconds, build.passages),
        raw={
            "passages": build.passages,
            "seconds": round(build.seconds, 3),
            "seconds_of_each_run": all_seconds,
            "peak_rss_mb": round(peak, 1),
            "index_mb": round(dir_size_mb(run.raw_dir), 2),
        },
    )


def _query_step(run: Run, label: str, index_dir: Path, latency_of: Callable[..., Any],
                part: str | None) -> None:
    """Runs the bench queries against one index in a process of their own; their figures go
    under ``queries`` in the report's ``part`` (``None``: the report itself)."""
    queries = [q.to_dict() for q in build_queries(run.config.per_class, run.config.seed)]
    if index_dir.is_dir():
        log(f"{label} queries ({len(queries)} x {run.config.warmup + 1})")
        latency, peak = run_isolated(latency_of, str(index_dir), queries, run.config.warmup)
        target = run.report if part is None else run.report[part]
        target["queries"] = {**latency, "peak_rss_mb": round(peak, 1)}


def step_raw_queries(run: Run) -> None:
    _query_step(run, "raw Tantivy", run.raw_dir, raw_latency, "raw")


def step_queries(run: Run) -> None:
    run.report["query_count"] = len(build_queries(run.config.per_class, run.config.seed))
    _query_step(run, "bicorpus", run.index_dir, bicorpus_latency, None)


def step_baseline_queries(run: Run) -> None:
    _query_step(run, "baseline", run.baseline_dir, baseline_latency, "baseline")


def step_query_profile(run: Run) -> None:
    queries = [q.to_dict() for q in build_queries(run.config.per_class, run.config.seed)]
    log("bicorpus queries under cProfile")
    result, _ = run_isolated(bicorpus_query_profile, str(run.index_dir), queries, 25)
    run.report["query_profile"] = result


def step_incremental(run: Run) -> None:
    config = run.config
    indexes = mutated_indexes(config.pages, config.seed, 0.01)
    log(f"incremental: rewriting {len(indexes)} pages and re-ingesting")
    time.sleep(1.0)  # mtime granularity: the rewritten pages must look newer than the corpus
    mutate_pages(run.pages_dir, config.pages, config.seed, 0.01)
    result, peak = run_isolated(bicorpus_reingest, str(run.pages_dir), str(run.corpus_dir),
                                str(run.index_dir), config.engine)
    full = run.report.get("ingest_seconds")
    run.report["incremental_share_of_full"] = round(result["seconds"] / full, 4) if full else None
    run.report["incremental"] = {**result, "changed_pages": len(indexes), "peak_rss_mb": round(peak, 1)}


def compare_queries(report: dict[str, Any], queries: Sequence[BenchQuery]) -> None:
    """Headline latencies of both sides over the queries both answered, then drop the raw samples.

    Without the other side, a side's headline is its own summary."""
    ours = report.get("queries")
    theirs = report.get("baseline", {}).get("queries")
    if ours and theirs:
        paired = paired_latency(queries, ours["seconds"], theirs["seconds"])
        report["query_compared"] = paired["n"]
        if paired["n"]:
            _headline(report, "query", paired["ours"])
            _headline(report, "baseline_query", paired["theirs"])
        report["query_vs_baseline_by_class"] = {
            cls: {"p50": ratio(p["ours"]["p50_ms"], p["theirs"]["p50_ms"]),
                  "p95": ratio(p["ours"]["p95_ms"], p["theirs"]["p95_ms"])}
            for cls, p in paired["by_class"].items()
        }
    raw = report.get("raw", {}).get("queries")
    if ours and raw:
        paired = paired_latency(queries, ours["seconds"], raw["seconds"])
        report["raw_query_compared"] = paired["n"]
        if paired["n"]:
            _headline(report, "raw_query", paired["theirs"])
            for q in ("p50", "p95"):
                report[f"query_{q}_vs_raw"] = ratio(paired["ours"][f"{q}_ms"], paired["theirs"][f"{q}_ms"])
        report["query_vs_raw_by_class"] = {
            cls: {"p50": ratio(p["ours"]["p50_ms"], p["theirs"]["p50_ms"]),
                  "p95": ratio(p["ours"]["p95_ms"], p["theirs"]["p95_ms"])}
            for cls, p in paired["by_class"].items()
        }
    if raw and "raw_query_p50_ms" not in report and raw["all"]["n"]:
        _headline(report, "raw_query", raw["all"])
    if raw:
        raw.pop("seconds", None)
    for side, prefix in ((ours, "query"), (theirs, "baseline_query"), (raw, "raw_query")):
        if side and side.get("cpu_all", {}).get("n"):
            report[f"{prefix}_cpu_p50_ms"] = side["cpu_all"]["p50_ms"]
            report[f"{prefix}_cpu_p95_ms"] = side["cpu_all"]["p95_ms"]
    for side, prefix in ((ours, "query"), (theirs, "baseline_query")):
        if side:
            if f"{prefix}_p50_ms" not in report and side["all"]["n"]:
                _headline(report, prefix, side["all"])
            side.pop("seconds", None)


def _headline(report: dict[str, Any], prefix: str, summary: dict[str, Any]) -> None:
    for q in ("p50", "p95", "p99"):
        report[f"{prefix}_{q}_ms"] = summary[f"{q}_ms"]


def add_ratios_and_targets(report: dict[str, Any]) -> None:
    report["ingest_speed_vs_baseline"] = ratio(report.get("ingest_passages_per_s"),
                                               report.get("baseline_passages_per_s"))
    report["query_p50_vs_baseline"] = ratio(report.get("query_p50_ms"), report.get("baseline_query_p50_ms"))
    report["query_p95_vs_baseline"] = ratio(report.get("query_p95_ms"), report.get("baseline_query_p95_ms"))
    report["ingest_speed_vs_raw"] = ratio(report.get("ingest_passages_per_s"),
                                          report.get("raw_passages_per_s"))
    report["baseline_speed_vs_raw"] = ratio(report.get("baseline_passages_per_s"),
                                            report.get("raw_passages_per_s"))
    # CPU per passage, and what it makes of the build on two cores free of other work: plain Whoosh
    # builds in one process (its CPU time is its time), ours spreads its CPU over both cores at best
    report["ingest_cpu_vs_baseline"] = ratio(report.get("ingest_cpu_us_per_passage"),
                                             report.get("baseline_cpu_us_per_passage"))
    report["ingest_cpu_vs_raw"] = ratio(report.get("ingest_cpu_us_per_passage"),
                                        report.get("raw_cpu_us_per_passage"))
    cpu = report.get("ingest_cpu_us_per_passage")
    report["ingest_two_core_passages_per_s_from_cpu"] = round(2e6 / cpu, 1) if cpu else None
    report["ingest_speed_vs_baseline_from_cpu"] = ratio(report.get("baseline_cpu_us_per_passage"), cpu / 2
                                                        if cpu else None)
    targets = {}
    for key, op, limit in TARGETS_BY_ENGINE.get(report.get("engine", "tantivy"), TARGETS):
        value = report.get(key)
        met = None
        if value is not None:
            met = {">=": value >= limit, "<": value < limit, "<=": value <= limit}[op]
        targets[key] = {"target": f"{op} {limit:g}", "value": value, "met": met}
    report["targets"] = targets


def machine() -> dict[str, Any]:
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.machine(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def measure(config: Config, steps: Sequence[str]) -> dict[str, Any]:
    """Run the selected steps and return the report."""
    if config.reuse is not None:
        run = reused_run(config)
        source_mb = run.report.pop("source_mb")
    else:
        shared_pages, source_mb = ensure_pages(config)
        out_dir = config.work / f"run-s{config.seed}-n{config.pages}-{config.engine}-{os.getpid()}"
        shutil.rmtree(out_dir, ignore_errors=True)
        out_dir.mkdir(parents=True)
        run = Run(config, private_pages(shared_pages, out_dir / "pages"), out_dir)
    run.report.update(
        date=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        machine=machine(),
        pages=config.pages,
        seed=config.seed,
        engine=config.engine,
        source_mb=source_mb,
    )
    run.report["errors"] = {}
    for name in steps:
        try:
            STEPS[name](run, source_mb) if name in ("build", "profile") else STEPS[name](run)
        except Exception as err:
            # an API this step needs is missing, changed or failed: report it, keep measuring the rest
            run.report["errors"][name] = f"{type(err).__name__}: {err}"
            log(f"step {name} skipped: {type(err).__name__}: {err}")
    compare_queries(run.report, build_queries(config.per_class, config.seed))
    add_ratios_and_targets(run.report)
    run.report["bench_process_peak_rss_mb"] = round(peak_rss_mb(), 1)
    run.report["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    if not config.keep and config.reuse is None:
        shutil.rmtree(run.out_dir, ignore_errors=True)
    return run.report


def reused_run(config: Config) -> Run:
    """The run folder ``config.reuse`` (its corpus and index as an earlier ``--keep`` run left
    them), with the passage count its index recorded."""
    out_dir = config.reuse
    assert out_dir is not None
    if not (out_dir / "index").is_dir() or not (out_dir / "corpus").is_dir():
        raise SystemExit(f"--reuse {out_dir}: no corpus/ and index/ there (a run kept with --keep)")
    run = Run(config, out_dir / "pages", out_dir)
    recorded = json.loads((out_dir / "index" / "bicorpus.json").read_text("utf-8"))
    run.report["passages"] = recorded.get("passages")
    run.report["source_mb"] = round(dir_size_mb(out_dir / "pages"), 3) if run.pages_dir.is_dir() else None
    run.report["reused"] = str(out_dir)
    return run


STEPS: dict[str, Callable[..., None]] = {
    "build": step_build,
    "profile": step_profile,
    "baseline": step_baseline,
    "queries": step_queries,
    "baseline-queries": step_baseline_queries,
    "raw": step_raw,
    "raw-queries": step_raw_queries,
    "query-profile": step_query_profile,
    "incremental": step_incremental,
}


# ---------------------------------------------------------------- printing


def _fmt(value: Any, unit: str = "") -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        text = f"{value:,.2f}" if abs(value) < 100 else f"{value:,.0f}"
    else:
        text = f"{value:,}" if isinstance(value, int) else str(value)
    return text + unit


def summary(report: dict[str, Any]) -> str:
    """The human-readable summary printed at the end of a run."""
    base = report.get("baseline", {})
    lines = [
        f"bicorpus bench  {report['date']}  {report['machine']['cpus']} cpus  engine {report['engine']}  "
        f"load {_load(report['machine'])}",
        f"pages {_fmt(report['pages'])}  passages {_fmt(report.get('passages'))}  "
        f"source {_fmt(report['source_mb'], ' MB')}",
        "",
        f"{'':28}{'bicorpus':>14}{'plain Whoosh':>14}{'ratio':>8}{'raw tantivy':>14}{'ratio':>8}",
        f"{'ingest+index passages/s':28}{_fmt(report.get('ingest_passages_per_s')):>14}"
        f"{_fmt(report.get('baseline_passages_per_s')):>14}{_fmt(report.get('ingest_speed_vs_baseline')):>8}"
        f"{_fmt(report.get('raw_passages_per_s')):>14}{_fmt(report.get('ingest_speed_vs_raw')):>8}",
        f"{'build CPU us per passage':28}{_fmt(report.get('ingest_cpu_us_per_passage')):>14}"
        f"{_fmt(report.get('baseline_cpu_us_per_passage')):>14}{_fmt(report.get('ingest_cpu_vs_baseline')):>8}"
        f"{_fmt(report.get('raw_cpu_us_per_passage')):>14}{_fmt(report.get('ingest_cpu_vs_raw')):>8}",
        f"{'  on 2 free cores, passages/s':28}"
        f"{_fmt(report.get('ingest_two_core_passages_per_s_from_cpu')):>14}"
        f"{_fmt(report.get('ingest_speed_vs_baseline_from_cpu')):>22}  (from CPU time: an upper bound)",
        f"{'ingest pages/s':28}{_fmt(report.get('ingest_pages_per_s')):>14}",
        f"{'ingest MB/s':28}{_fmt(report.get('ingest_mb_per_s')):>14}",
        f"{'peak RSS MB (build)':28}{_fmt(report.get('peak_rss_mb')):>14}{_fmt(base.get('peak_rss_mb')):>14}",
        f"{'peak RSS MB (a worker)':28}{_fmt(report.get('worker_peak_rss_mb')):>14}",
        f"{'peak RSS MB (all, summed)':28}{_fmt(report.get('all_processes_peak_rss_mb')):>14}",
        f"{'peak PSS MB (all, summed)':28}{_fmt(report.get('all_processes_peak_pss_mb')):>14}",
        f"{'index MB':28}{_fmt(report.get('index_mb')):>14}{_fmt(base.get('index_mb')):>14}",
        f"{'query p50 ms':28}{_fmt(report.get('query_p50_ms')):>14}"
        f"{_fmt(report.get('baseline_query_p50_ms')):>14}{_fmt(report.get('query_p50_vs_baseline')):>8}"
        f"{_fmt(report.get('raw_query_p50_ms')):>14}{_fmt(report.get('query_p50_vs_raw')):>8}",
        f"{'query p95 ms':28}{_fmt(report.get('query_p95_ms')):>14}"
        f"{_fmt(report.get('baseline_query_p95_ms')):>14}{_fmt(report.get('query_p95_vs_baseline')):>8}"
        f"{_fmt(report.get('raw_query_p95_ms')):>14}{_fmt(report.get('query_p95_vs_raw')):>8}",
        f"{'query p99 ms':28}{_fmt(report.get('query_p99_ms')):>14}"
        f"{_fmt(report.get('baseline_query_p99_ms')):>14}",
        f"{'query CPU p50 / p95 ms':28}"
        + "".join(f"{_fmt(report.get(f'{p}_cpu_p50_ms')) + ' / ' + _fmt(report.get(f'{p}_cpu_p95_ms')):>{w}}"
                  for p, w in (("query", 14), ("baseline_query", 14), ("raw_query", 22))),
    ]
    ours = report.get("queries", {}).get("by_class", {})
    theirs = base.get("queries", {}).get("by_class", {})
    raws = report.get("raw", {}).get("queries", {}).get("by_class", {})
    if ours or theirs:
        lines += ["", f"{'query class p50/p95 ms':28}{'bicorpus':>14}{'plain Whoosh':>14}{'raw tantivy':>14}"
                  f"{'zero-hit':>10}"]
        for cls in QUERY_CLASSES:
            a, b, c = ours.get(cls, {}), theirs.get(cls, {}), raws.get(cls, {})
            zero = f"{_fmt(a.get('zero_hit_share'))}/{_fmt(b.get('zero_hit_share'))}"
            lines.append(f"  {cls:26}{_fmt(a.get('p50_ms'))+'/'+_fmt(a.get('p95_ms')):>14}"
                         f"{_fmt(b.get('p50_ms'))+'/'+_fmt(b.get('p95_ms')):>14}"
                         f"{_fmt(c.get('p50_ms'))+'/'+_fmt(c.get('p95_ms')):>14}{zero:>10}")
    if "query_compared" in report:
        lines.append(f"  headline latencies over the {report['query_compared']} queries both sides answered")
    failed = (len(report.get("queries", {}).get("failed", [])),
              len(base.get("queries", {}).get("failed", [])))
    if any(failed):
        lines.append(f"  failed queries (left out): bicorpus {failed[0]}, plain Whoosh {failed[1]}")
    stages = report.get("stages", {}).get("stages")
    if stages:
        lines += ["", f"{'stage profile':28}{'seconds':>10}{'share':>8}{'passages/s':>12}"]
        for name, s in stages.items():
            lines.append(f"  {name:26}{_fmt(s['seconds']):>10}{s['share']:>8.0%}"
                         f"{_fmt(s['passages_per_s']):>12}")
    hot = report.get("query_profile", {}).get("hot_functions", [])
    if hot:
        lines += ["", f"{'hottest query functions (own s)':60}{'calls':>10}{'own s':>8}"]
        lines += [f"  {h['function'][:58]:58}{h['calls']:>10,}{h['own_s']:>8.2f}" for h in hot[:10]]
    if "incremental" in report:
        inc = report["incremental"]
        lines += ["", f"incremental: {inc['changed_pages']} pages changed, re-ingest "
                  f"{_fmt(inc['seconds'], ' s')} = {_fmt(report.get('incremental_share_of_full'))} "
                  f"of a full ingest ({_fmt(inc.get('index_passages_written'))} passages rewritten "
                  "in the index)"]
    lines += ["", f"targets (at 100k passages, {report.get('engine')} engine):"]
    for key, t in report["targets"].items():
        mark = {True: "met", False: "MISSED", None: "not measured"}[t["met"]]
        lines.append(f"  {key:32}{t['target']:>10}  {_fmt(t['value']):>10}  {mark}")
    for name, err in report.get("errors", {}).items():
        lines.append(f"step {name} not measured: {err}")
    return "\n".join(lines)


def _load(machine_info: dict[str, Any]) -> str:
    start = machine_info.get("load_average_at_start") or [None]
    end = machine_info.get("load_average_at_end") or [None]
    return f"{_fmt(start[0])} at start, {_fmt(end[0])} at end"


def markdown(report: dict[str, Any]) -> str:
    """Markdown tables of a report, as docs/bench.md shows them."""
    base = report.get("baseline", {})
    raw = report.get("raw", {})
    m = report["machine"]
    out = [
        f"Run of {report['date'][:16].replace('T', ' ')} UTC, {m['cpus']} cores (1-minute load average "
        f"{_load(m)}), Python {m['python']}, "
        f"engine {report['engine']}: {report['pages']:,} pages, {_fmt(report.get('passages'))} passages, "
        f"{_fmt(report['source_mb'])} MB of source.",
        "",
        "| measure | bicorpus | plain Whoosh | ratio | raw Tantivy | ratio |",
        "|---|---|---|---|---|---|",
        f"| ingest + index, passages/s | {_fmt(report.get('ingest_passages_per_s'))} | "
        f"{_fmt(report.get('baseline_passages_per_s'))} | {_fmt(report.get('ingest_speed_vs_baseline'))} | "
        f"{_fmt(report.get('raw_passages_per_s'))} | {_fmt(report.get('ingest_speed_vs_raw'))} |",
        f"| build CPU time per passage, µs | {_fmt(report.get('ingest_cpu_us_per_passage'))} | "
        f"{_fmt(report.get('baseline_cpu_us_per_passage'))} | {_fmt(report.get('ingest_cpu_vs_baseline'))} | "
        f"{_fmt(report.get('raw_cpu_us_per_passage'))} | {_fmt(report.get('ingest_cpu_vs_raw'))} |",
        f"| on two free cores, from CPU time (upper bound), passages/s | "
        f"{_fmt(report.get('ingest_two_core_passages_per_s_from_cpu'))} | | "
        f"{_fmt(report.get('ingest_speed_vs_baseline_from_cpu'))} | | |",
        f"| ingest + index, pages/s | {_fmt(report.get('ingest_pages_per_s'))} | | | | |",
        f"| ingest + index, MB/s | {_fmt(report.get('ingest_mb_per_s'))} | | | | |",
        f"| peak RSS of the build, MB | {_fmt(report.get('peak_rss_mb'))} | "
        f"{_fmt(base.get('peak_rss_mb'))} | | {_fmt(raw.get('peak_rss_mb'))} | |",
        f"| peak RSS of its largest worker, MB | {_fmt(report.get('worker_peak_rss_mb'))} | | | | |",
        f"| peak RSS of all its processes (summed), MB | {_fmt(report.get('all_processes_peak_rss_mb'))} "
        "| | | | |",
        f"| peak PSS of all its processes (summed: shared pages once), MB | "
        f"{_fmt(report.get('all_processes_peak_pss_mb'))} | | | | |",
        f"| index size, MB | {_fmt(report.get('index_mb'))} | {_fmt(base.get('index_mb'))} | | "
        f"{_fmt(raw.get('index_mb'))} | |",
    ]
    for q in ("50", "95", "99"):
        vs = report.get(f"query_p{q}_vs_baseline")
        vr = report.get(f"query_p{q}_vs_raw")
        out.append(f"| query p{q}, ms | {_fmt(report.get(f'query_p{q}_ms'))} | "
                   f"{_fmt(report.get(f'baseline_query_p{q}_ms'))} | {_fmt(vs) if q != '99' else ''} | "
                   f"{_fmt(report.get(f'raw_query_p{q}_ms'))} | {_fmt(vr) if q != '99' else ''} |")
    ours_cpu, base_cpu, raw_cpu = (
        f"{_fmt(report.get(f'{p}_cpu_p50_ms'))} / {_fmt(report.get(f'{p}_cpu_p95_ms'))}"
        for p in ("query", "baseline_query", "raw_query"))
    out.append(f"| query CPU time p50 / p95, ms | {ours_cpu} | {base_cpu} | | {raw_cpu} | |")
    if "incremental" in report:
        inc = report["incremental"]
        out.append(f"| re-ingest, {inc['changed_pages']} of {report['pages']:,} pages changed, s | "
                   f"{_fmt(inc['seconds'])} ({_fmt(report.get('incremental_share_of_full'))} of full) "
                   "| | | | |")
    ours = report.get("queries", {}).get("by_class", {})
    theirs = base.get("queries", {}).get("by_class", {})
    raws = raw.get("queries", {}).get("by_class", {})
    cpus = [side.get("queries", {}).get("cpu_by_class", {}) for side in (report, base, raw)]
    if ours or theirs:
        out += ["", "| query class | bicorpus p50 / p95 ms (CPU) | plain Whoosh p50 / p95 ms (CPU) | "
                "raw Tantivy p50 / p95 ms (CPU) | zero-hit share |", "|---|---|---|---|---|"]
        for cls in QUERY_CLASSES:
            a, b, c = ours.get(cls, {}), theirs.get(cls, {}), raws.get(cls, {})
            ca, cb, cc = (side.get(cls, {}) for side in cpus)
            out.append(f"| {cls} | {_fmt(a.get('p50_ms'))} / {_fmt(a.get('p95_ms'))} "
                       f"({_fmt(ca.get('p50_ms'))} / {_fmt(ca.get('p95_ms'))}) | "
                       f"{_fmt(b.get('p50_ms'))} / {_fmt(b.get('p95_ms'))} "
                       f"({_fmt(cb.get('p50_ms'))} / {_fmt(cb.get('p95_ms'))}) | "
                       f"{_fmt(c.get('p50_ms'))} / {_fmt(c.get('p95_ms'))} "
                       f"({_fmt(cc.get('p50_ms'))} / {_fmt(cc.get('p95_ms'))}) | "
                       f"{_fmt(a.get('zero_hit_share'))} / {_fmt(b.get('zero_hit_share'))} |")
    stages = report.get("stages", {}).get("stages")
    if stages:
        out += ["", "| stage | seconds | share | passages/s |", "|---|---|---|---|"]
        out += [f"| {name} | {_fmt(st['seconds'])} | {st['share']:.0%} | {_fmt(st['passages_per_s'])} |"
                for name, st in stages.items()]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- command line


def parse_args(argv: Sequence[str] | None) -> tuple[Config, list[str], str | None]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, required=True,
                        help="number of generated pages (about 9 passages each)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--engine", choices=ENGINES, default="tantivy")
    parser.add_argument("--json", metavar="OUT", help="write the JSON report here")
    parser.add_argument("--work", default="/tmp/bicorpus-bench", help="working folder (pages cache, indexes)")
    parser.add_argument("--queries-per-class", type=int, default=60)
    parser.add_argument("--warmup", type=int, default=1, help="unmeasured passes over the queries first")
    parser.add_argument("--repeat", type=int, default=1,
                        help="builds of each side; the median is reported (default 1)")
    parser.add_argument("--incremental", action="store_true", help="also re-ingest with 1%% of pages changed")
    parser.add_argument("--no-profile", action="store_true", help="skip the stage profile")
    parser.add_argument("--no-baseline", action="store_true",
                        help="skip the plain-Whoosh baseline and the raw-Tantivy ceiling")
    parser.add_argument("--profile-queries", action="store_true",
                        help="also run the bicorpus queries under cProfile and report the hottest functions")
    parser.add_argument("--keep", action="store_true", help="keep the corpus and indexes under --work")
    parser.add_argument("--reuse", metavar="RUN_DIR",
                        help="measure again the corpus and index an earlier --keep run left in RUN_DIR "
                             "(its run-... folder): no build; the queries, and the raw-Tantivy ceiling "
                             "unless --no-baseline (plain Whoosh only with --whoosh-too)")
    parser.add_argument("--whoosh-too", action="store_true",
                        help="with --reuse, build and query the plain-Whoosh baseline as well")
    args = parser.parse_args(argv)
    if args.pages < 1:
        parser.error("--pages must be at least 1")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    config = Config(pages=args.pages, seed=args.seed, engine=args.engine, work=Path(args.work),
                    per_class=args.queries_per_class, warmup=args.warmup, incremental=args.incremental,
                    profile=not args.no_profile, keep=args.keep, repeat=args.repeat,
                    reuse=Path(args.reuse) if args.reuse else None)
    if config.reuse is not None:
        steps = ["queries"]
        if not args.no_baseline:
            steps = ["raw", "queries", "raw-queries"]
            if args.whoosh_too:
                steps = ["baseline", *steps, "baseline-queries"]
        return config, [*steps, *(["query-profile"] if args.profile_queries else [])], args.json
    steps = ["build"]
    if config.profile:
        steps.append("profile")
    steps.append("queries")
    if not args.no_baseline:
        steps[-1:-1] = ["baseline", "raw"]
        steps += ["baseline-queries", "raw-queries"]
    if args.profile_queries:
        steps.append("query-profile")
    if config.incremental:
        steps.append("incremental")
    return config, steps, args.json


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--markdown"]:
        if len(argv) != 2:
            raise SystemExit("usage: run.py --markdown REPORT.json")
        print(markdown(json.loads(Path(argv[1]).read_text("utf-8"))), end="")
        return 0
    config, steps, json_out = parse_args(argv)
    report = measure(config, steps)
    print(summary(report))
    if json_out:
        Path(json_out).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
        log(f"report written to {json_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
