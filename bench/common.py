"""Measuring tools shared by the benchmarks: timers, percentiles, peak memory, query sets.

Nothing here knows about a particular engine: an engine is measured through
plain functions (build something, run one query) that the caller plugs in.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import random
import re
import resource
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from generate import GeneratorData, load_data

T = TypeVar("T")

#: Query classes, in report order.
QUERY_CLASSES: tuple[str, ...] = (
    "single", "multiword", "cross-script", "phrase", "filtered", "rare", "common",
)

_LEADING_ARTICLE_RE = re.compile(r"^(?:the|al|an|ar|as|ash|ad|az)[-\s]", re.IGNORECASE)
_PLAIN_WORDS_RE = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)+")


class StepUnavailable(RuntimeError):
    """A measured step cannot run here (an engine or API it needs is missing)."""


# ---------------------------------------------------------------- time and memory


@dataclass
class StageTimes:
    """Wall time per named stage, in the order the stages first ran."""

    seconds: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start

    def add(self, name: str, seconds: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds

    @property
    def total(self) -> float:
        return sum(self.seconds.values())


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory of this process (or of its waited-for children), in MB.

    For this process, Linux's ``VmHWM`` is read where it exists: unlike ``ru_maxrss``, which
    a spawned process inherits from the process it was forked from, it starts afresh at exec."""
    if who == resource.RUSAGE_SELF:
        try:
            with open("/proc/self/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024.0  # kB
        except OSError:
            pass
    return resource.getrusage(who).ru_maxrss / 1024.0  # Linux reports KiB


def _call_and_measure(
    func: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[T, float]:
    result = func(*args, **kwargs)
    return result, peak_rss_mb()


def _die_with_parent() -> None:
    """Ask Linux to end this worker when the measuring process ends (interrupted runs leave none)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


#: ``prctl`` option: signal sent to this process when its parent dies.
PR_SET_PDEATHSIG = 1


def run_isolated(func: Callable[..., T], *args: Any, **kwargs: Any) -> tuple[T, float]:
    """Run ``func(*args, **kwargs)`` in a fresh process; return its result and that process's peak RSS (MB).

    ``func`` must be importable (a module-level function), its result picklable.  A fresh
    process per call keeps each engine's memory peak separate from the others'."""
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=context,
                                                initializer=_die_with_parent) as pool:
        return pool.submit(_call_and_measure, func, args, kwargs).result()


def repeat_isolated(
    times: int, before: Callable[[], None], seconds_of: Callable[[T], float],
    func: Callable[..., T], *args: Any,
) -> tuple[T, float, list[float]]:
    """Run ``func(*args)`` ``times`` times, each in a fresh process after ``before()``.

    Returns the run with the median time (the upper one for an even count), the highest
    peak RSS of all runs, and every run's time in seconds."""
    runs: list[tuple[T, float]] = []
    for _ in range(max(1, times)):
        before()
        runs.append(run_isolated(func, *args))
    ordered = sorted(runs, key=lambda r: seconds_of(r[0]))
    median = ordered[len(ordered) // 2][0]
    return median, max(peak for _, peak in runs), [round(seconds_of(r), 3) for r, _ in runs]


def dir_size_mb(path: str | Path) -> float:
    """Total size of the files under ``path``, in MB (10^6 bytes)."""
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            total += os.path.getsize(os.path.join(root, name))
    return total / 1e6


# ---------------------------------------------------------------- statistics


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100) with linear interpolation between closest ranks."""
    if not values:
        raise ValueError("percentile of no values")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100.0
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def latency_summary(seconds: Sequence[float]) -> dict[str, float]:
    """p50/p95/p99/mean in milliseconds, and the number of samples."""
    ms = [s * 1000.0 for s in seconds]
    return {
        "n": len(ms),
        "p50_ms": round(percentile(ms, 50), 3),
        "p95_ms": round(percentile(ms, 95), 3),
        "p99_ms": round(percentile(ms, 99), 3),
        "mean_ms": round(sum(ms) / len(ms), 3),
    }


def ratio(value: float | None, base: float | None) -> float | None:
    """``value / base`` rounded, or ``None`` when either is missing or the base is zero."""
    if value is None or not base:
        return None
    return round(value / base, 2)


# ---------------------------------------------------------------- queries


@dataclass(frozen=True)
class BenchQuery:
    """One benchmark query: its class, its text, and optional metadata filters."""

    cls: str
    text: str
    lang: str | None = None
    region: str | None = None
    since: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BenchQuery:
        return cls(**data)


def _strip_article(name: str) -> str:
    return _LEADING_ARTICLE_RE.sub("", name, count=1)


def name_queries(data: GeneratorData) -> dict[str, list[str]]:
    """Candidate name queries by class, taken from the generator's entity table.

    single: one-word Latin names without article (``Nusra``, ``Raqqa``, ``ISIS``);
    multiword: Latin names of several words (``Deir ez-Zor``, ``Abu Bakr al-Baghdadi``);
    cross-script: Arabic names (``داعش``, ``دير الزور``), mostly queried against English text."""
    single: list[str] = []
    multi: list[str] = []
    arabic: list[str] = []
    for entity in data.entities:
        for spelling in entity.en:
            bare = _strip_article(spelling)
            if " " in bare:
                multi.append(bare)
            elif "-" not in bare and len(bare) > 2:
                single.append(bare)
        arabic.extend(entity.ar)
    return {
        "single": sorted(set(single)),
        "multiword": sorted(set(multi)),
        "cross-script": sorted(set(arabic)),
    }


#: A phrase query has at least one word this long (so it is not all stopwords).
PHRASE_CONTENT_WORD = 5


def phrase_queries(data: GeneratorData) -> list[str]:
    """Quoted 2-3 word phrases that occur verbatim in the sentence templates of both languages."""
    phrases: set[str] = set()
    for lang in ("en", "ar"):
        for template in data.language[lang]["sentences"]:
            for run in _PLAIN_WORDS_RE.findall(re.sub(r"\{\w+\}", "|", template)):
                words = run.split()
                for size in (2, 3):
                    for i in range(0, len(words) - size + 1, size):
                        phrase = words[i : i + size]
                        if any(len(w) >= PHRASE_CONTENT_WORD for w in phrase):
                            phrases.add(" ".join(phrase))
    return sorted(f'"{p}"' for p in phrases)


def term_queries(data: GeneratorData) -> dict[str, list[str]]:
    """Rare words (each sentence template with one is rarely used) and common words (head of each list)."""
    rare: list[str] = []
    common: list[str] = []
    for lang in ("en", "ar"):
        words = data.language[lang]
        rare.extend(words["rare"])
        common.extend(w for w in words["nouns"][:4] + words["adjectives"][:4] if " " not in w)
    return {"rare": rare, "common": common}


#: Filters a ``filtered`` query can carry (one each), cycled through.
FILTERS: tuple[dict[str, str], ...] = ({"lang": "ar"}, {"lang": "en"}, {"region": "body"}, {"since": "2020"})


def build_queries(per_class: int = 50, seed: int = 1, data: GeneratorData | None = None) -> list[BenchQuery]:
    """A deterministic query set: ``per_class`` queries of every class in :data:`QUERY_CLASSES`."""
    data = data or load_data()
    rng = random.Random(f"bicorpus-bench-queries:{seed}")
    pools = {**name_queries(data), "phrase": phrase_queries(data), **term_queries(data)}
    queries: list[BenchQuery] = []
    for cls in QUERY_CLASSES:
        if cls == "filtered":
            names = pools["single"] + pools["cross-script"]
            for i in range(per_class):
                queries.append(BenchQuery(cls, rng.choice(names), **FILTERS[i % len(FILTERS)]))
            continue
        pool = pools[cls]
        if per_class <= len(pool):
            picks = rng.sample(pool, per_class)
        else:
            picks = [rng.choice(pool) for _ in range(per_class)]
        queries.extend(BenchQuery(cls, text) for text in picks)
    return queries


def _zero_share(hits: list[int]) -> float:
    return round(hits.count(0) / len(hits), 3)


def time_queries(
    search: Callable[[BenchQuery], int],
    queries: Iterable[BenchQuery],
    warmup: int = 1,
) -> dict[str, Any]:
    """Run every query ``warmup`` times unmeasured, then once measured; latency summary by class.

    ``search`` runs one query and returns its number of hits (reported, to check that
    both engines really find things).  A query that raises is left out of the figures
    and listed under ``failed`` with its error."""
    queries = list(queries)
    failed: dict[BenchQuery, str] = {}
    for _ in range(warmup):
        for query in queries:
            _try(search, query, failed)
    samples: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    hits: dict[str, list[int]] = {}
    per_query: list[float | None] = []
    for query in queries:
        n = None
        if query not in failed:
            start, start_cpu = time.perf_counter(), time.process_time()
            n = _try(search, query, failed)
            elapsed, used = time.perf_counter() - start, time.process_time() - start_cpu
        per_query.append(elapsed if n is not None else None)
        if n is not None:
            samples.setdefault(query.cls, []).append(elapsed)
            cpu.setdefault(query.cls, []).append(used)
            hits.setdefault(query.cls, []).append(n)
    by_class = {
        cls: {**latency_summary(samples[cls]), "zero_hit_share": _zero_share(hits[cls])}
        for cls in QUERY_CLASSES
        if cls in samples
    }
    everything = [s for cls in samples for s in samples[cls]]
    all_cpu = [s for cls in cpu for s in cpu[cls]]
    return {
        "all": latency_summary(everything) if everything else {"n": 0},
        "by_class": by_class,
        # CPU time of the searching process per query: what a query costs apart from waiting for a
        # core, the figure to read when other work shares the machine
        "cpu_all": latency_summary(all_cpu) if all_cpu else {"n": 0},
        "cpu_by_class": {cls: latency_summary(cpu[cls]) for cls in QUERY_CLASSES if cls in cpu},
        "failed": [{**q.to_dict(), "error": err} for q, err in failed.items()],
        "seconds": per_query,
    }


def paired_latency(
    queries: Sequence[BenchQuery], ours: Sequence[float | None], theirs: Sequence[float | None]
) -> dict[str, Any]:
    """Latency of two engines over the queries both answered (per-query seconds, ``None`` = failed),
    overall and by class, so that a ratio always compares the same queries."""
    both = [
        (q.cls, a, b)
        for q, a, b in zip(queries, ours, theirs, strict=True)
        if a is not None and b is not None
    ]
    if not both:
        return {"n": 0, "by_class": {}}
    by_class = {}
    for cls in QUERY_CLASSES:
        pairs = [(a, b) for c, a, b in both if c == cls]
        if pairs:
            by_class[cls] = {"ours": latency_summary([a for a, _ in pairs]),
                             "theirs": latency_summary([b for _, b in pairs])}
    return {
        "n": len(both),
        "ours": latency_summary([a for _, a, _ in both]),
        "theirs": latency_summary([b for _, _, b in both]),
        "by_class": by_class,
    }


def _try(search: Callable[[BenchQuery], int], query: BenchQuery, failed: dict[BenchQuery, str]) -> int | None:
    try:
        return search(query)
    except Exception as err:
        failed[query] = f"{type(err).__name__}: {err}"
        return None
