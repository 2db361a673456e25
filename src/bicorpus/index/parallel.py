"""Work on passages over worker processes, for large index builds.

The analysis chain is pure Python and costs as much as the engine's own indexing, so a large
build spreads it over forked workers (one per core).  A full build splits the corpus into
shards, contiguous runs of passages (:func:`shard_count`), each read and analysed by a worker of
its own, as many at once as there are cores: :func:`sharded_map` hands the analysed passages to
this process (the Tantivy engine, which indexes on threads of its own), :func:`sharded` has
each worker write its shard itself (the Whoosh engine: one index segment per shard).
:func:`parallel_map` analyses batches this process feeds (index updates).  Forked workers inherit
the name model, whatever it is (the shipped gazetteer or user alias files), without pickling
it; the corpus lock's fork guard makes them die with this process.  Small inputs are analysed
in this process: starting workers would cost more than it saves.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing as mp
import os
import queue
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from ..errors import BicorpusError, SearchIndexError

P = TypeVar("P")
R = TypeVar("R")

#: Passages per batch sent to a worker.
BATCH = 256
#: Inputs below this many are analysed in this process.
MIN_PARALLEL = 4 * BATCH
#: Batches in flight per worker (bounds memory).
IN_FLIGHT = 4
#: Seconds between checks that the workers are still alive while waiting for a result.
_POLL = 1.0
#: Container objects a worker allocates between two young collections (Python's default is 700): a
#: worker makes many short-lived tuples, lists and dicts and keeps few cycles.
WORKER_GC_THRESHOLD = 50_000
#: The same for a shard worker of :func:`sharded_map` (corpus rows analysed and indexed): it makes
#: no cycles at all, and what it keeps grows only by its bounded memos (a passage's analysis, its
#: Tantivy values, each word's), which emptied and refilled crossed 50,000 new objects about every
#: 4,000 passages, each time a young collection of about 40 ms that found nothing to free.
SHARD_GC_THRESHOLD = 500_000


def tune_worker_gc(threshold: int = WORKER_GC_THRESHOLD) -> None:
    """Garbage collection for a forked worker: what it inherited (name model, memos, tables) is
    frozen, so the collector never walks it again (nor copies its memory pages by touching it),
    and young collections run less often (every ``threshold`` container objects kept).  Only
    memory reclamation timing changes."""
    gc.freeze()
    gc.set_threshold(threshold, *gc.get_threshold()[1:])


def default_workers() -> int:
    """One worker per core (at most 8), none on a single core."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 0 if cores < 2 else min(cores, 8)


def _work(func: Callable[[Any], Any], tasks: Any, results: Any) -> None:
    """Worker loop: ``(number, batch)`` in, ``(number, results or error text)`` out; ``None`` ends it."""
    tune_worker_gc()
    while (task := tasks.get()) is not None:
        number, batch = task
        try:
            results.put((number, [func(item) for item in batch], None))
        except Exception as err:  # reported to the feeding process, which raises it
            results.put((number, None, f"{type(err).__name__}: {err}"))


def parallel_map(func: Callable[[P], R], items: Iterable[P], *, workers: int | None = None,
                 batch: int = BATCH, min_parallel: int = MIN_PARALLEL, what: str = "analysis",
                 repair: str = "run `bicorpus reindex`", error: type[BicorpusError] = SearchIndexError,
                 ) -> Iterator[R]:
    """``map(func, items)``, in order, over forked worker processes when ``items`` are many (at
    least ``min_parallel``), sent to them ``batch`` at a time.

    ``func`` and what it refers to are inherited by the workers (fork), not pickled; items and
    results are.  A worker that fails or dies raises ``error`` here, naming ``what`` the workers
    do (``an analysis worker died``) and the ``repair`` (default: the index's analysis).  Leaving the
    iterator early (an error, Ctrl-C) stops the workers without waiting on them for long."""
    workers = default_workers() if workers is None else workers
    it = iter(items)
    head = list(itertools.islice(it, min_parallel))
    if workers < 2 or len(head) < min_parallel or "fork" not in mp.get_all_start_methods():
        yield from map(func, head)
        yield from map(func, it)
        return
    yield from _pooled(func, itertools.chain(head, it), workers, batch, what, repair, error)


def _pooled(func: Callable[[P], R], items: Iterator[P], workers: int, batch: int, what: str, repair: str,
            error: type[BicorpusError]) -> Iterator[R]:
    ctx = mp.get_context("fork")
    tasks = ctx.Queue(maxsize=workers * IN_FLIGHT)
    results = ctx.Queue()
    procs = [ctx.Process(target=_work, args=(func, tasks, results), daemon=True) for _ in range(workers)]
    for proc in procs:
        proc.start()
    stop = threading.Event()
    sent: list[int] = [0]
    failed: list[BaseException] = []  # raised while reading the items
    done_feeding = threading.Event()

    def put(task: Any) -> bool:
        while not stop.is_set():
            try:
                tasks.put(task, timeout=_POLL)
                return True
            except queue.Full:
                continue
        return False

    def feed() -> None:
        try:
            for number in itertools.count():
                chunk = list(itertools.islice(items, batch))
                if not chunk or not put((number, chunk)):
                    break
                sent[0] = number + 1
        except BaseException as err:
            failed.append(err)
        finally:
            done_feeding.set()
            for _ in procs:
                if not put(None):
                    break

    feeder = threading.Thread(target=feed, name="analysis-feeder", daemon=True)
    feeder.start()
    pending: dict[int, list[R]] = {}
    next_number = 0
    try:
        while not (done_feeding.is_set() and next_number >= sent[0]):
            if next_number in pending:
                yield from pending.pop(next_number)
                next_number += 1
                continue
            try:
                number, out, failure = results.get(timeout=_POLL)
            except queue.Empty:
                if _any_died(procs):
                    raise error(f"an {what} worker died: {repair}") from None
                continue
            if failure is not None:
                raise error(f"{what} failed in a worker process ({failure})")
            pending[number] = out
        if failed:
            raise failed[0]
    finally:
        stop.set()
        _stop(procs)
        feeder.join(timeout=5)
        for q in (tasks, results):
            q.cancel_join_thread()  # the workers are gone: exiting must not wait to flush to them
            q.close()


def _any_died(procs: Sequence[Any]) -> bool:
    """Whether a worker ended without being told to (killed, or failed outside its loop), or all
    ended while results are still due.  A worker that ran out of work and took its end marker
    exits with status 0 while the others may still be busy: that is not a death."""
    codes = [proc.exitcode for proc in procs]
    return any(code not in (None, 0) for code in codes) or all(code is not None for code in codes)


def _stop(procs: Sequence[Any], queues: Iterable[Any] = ()) -> None:
    """End the worker processes still running, wait for them, close the queues."""
    for proc in procs:
        if proc.is_alive():
            proc.terminate()
    for proc in procs:
        proc.join(timeout=5)
    for q in queues:
        q.cancel_join_thread()  # the workers are gone: exiting must not wait to flush to them
        q.close()


#: Passages a shard of a build is sized for: a Whoosh worker keeps its shard's postings in memory
#: (about 11 KB a passage by Whoosh's own estimate), and a shard this size fits its share of the
#: build's budget without spilling to disk.
SHARD_PASSAGES = 25_000
#: Most shards one build is split into (each Whoosh shard is a segment of the index).
MAX_SHARDS = 16


def shard_count(total: int) -> int:
    """How many shards a build of ``total`` passages is split into: one (built in this process)
    when the input is too small for workers to pay or the platform cannot fork, else a multiple
    of the workers, as many as keep shards near :data:`SHARD_PASSAGES` (at most :data:`MAX_SHARDS`)."""
    workers = default_workers()
    if workers < 2 or total < MIN_PARALLEL or "fork" not in mp.get_all_start_methods():
        return 1
    waves = -(-total // (workers * SHARD_PASSAGES))
    return workers * max(1, min(waves, MAX_SHARDS // workers))


def _map_shard(func: Callable[[Any], Any], shard: Iterable[Any], outbox: Any) -> None:
    """Shard worker of :func:`sharded_map`: ``func`` of every item, sent in batches; ``None`` ends."""
    tune_worker_gc(SHARD_GC_THRESHOLD)
    try:
        batch: list[Any] = []
        for item in shard:
            batch.append(func(item))
            if len(batch) >= BATCH:
                outbox.put((batch, None))
                batch = []
        if batch:
            outbox.put((batch, None))
        outbox.put(None)
    except Exception as err:  # reported to the reading process, which raises it
        outbox.put((None, f"{type(err).__name__}: {err}"))


def _next_message(outbox: Any, proc: Any) -> Any:
    """The next message of one worker, waiting as long as it lives."""
    while True:
        try:
            return outbox.get(timeout=_POLL)
        except queue.Empty:
            if not proc.is_alive() and outbox.empty():
                raise SearchIndexError("an indexing worker died: run `bicorpus reindex`") from None


def sharded_map(func: Callable[[P], R], shards: Sequence[Iterable[P]], *,
                at_once: int | None = None) -> Iterator[R]:
    """``func`` of every item of every shard, each shard read and mapped in a forked worker of its
    own (one shard: in this process), ``at_once`` shards at a time (default: all).  Results come
    batch by batch, taking the running shards in turn, so the same shards give the same order;
    this process neither reads nor pickles the items.

    A worker that fails or dies raises :class:`SearchIndexError` here."""
    if len(shards) < 2 or "fork" not in mp.get_all_start_methods():
        yield from map(func, itertools.chain.from_iterable(shards))
        return
    step = max(1, at_once or len(shards))
    for first in range(0, len(shards), step):
        yield from _map_wave(func, shards[first:first + step])


def _map_wave(func: Callable[[P], R], shards: Sequence[Iterable[P]]) -> Iterator[R]:
    """:func:`sharded_map` of shards that all run at once."""
    ctx = mp.get_context("fork")
    outboxes = [ctx.Queue(maxsize=IN_FLIGHT) for _ in shards]
    procs = [ctx.Process(target=_map_shard, args=(func, shard, outbox), daemon=True)
             for shard, outbox in zip(shards, outboxes, strict=True)]
    for proc in procs:
        proc.start()
    try:
        running = list(range(len(shards)))
        while running:
            for k in list(running):
                message = _next_message(outboxes[k], procs[k])
                if message is None:
                    running.remove(k)
                    continue
                batch, error = message
                if error is not None:
                    raise SearchIndexError(f"indexing failed in a worker process ({error})")
                yield from batch
    finally:
        _stop(procs, outboxes)


def sharded(sources: Sequence[Iterable[P]], open_shard: Callable[[], Any], add: Callable[[Any, P], None],
            close_shard: Callable[[Any, int], R], *, at_once: int | None = None) -> list[R]:
    """Build one shard per source, each in a forked worker process (:func:`sharded_map`, ``at_once``
    at a time) that iterates its source itself, opens a shard (``open_shard()``), adds every item
    (``add(shard, item)``) and closes it (``close_shard(shard, count)``); returns what each
    ``close_shard`` returned, in source order.  Only these results are pickled."""

    def build(source: Iterable[P]) -> R:
        shard = open_shard()
        count = 0
        for item in source:
            add(shard, item)
            count += 1
        return close_shard(shard, count)

    return list(sharded_map(build, [[source] for source in sources], at_once=at_once))
