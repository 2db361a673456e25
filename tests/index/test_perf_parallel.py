"""Analysis over worker processes: same results, same order, failures reported."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from bicorpus.corpus import open_corpus
from bicorpus.errors import CorpusError, SearchIndexError
from bicorpus.index import build_index, open_index, parallel, update_index
from bicorpus.index.analysis import default_names
from bicorpus.index.search import indexed_passage
from bicorpus.model import Passage


def _square(n: int) -> int:
    return n * n


def _fail_on_13(n: int) -> int:
    if n == 1300:
        raise ValueError("thirteen hundred")
    return n


def _die_on_13(n: int) -> int:
    if n == 1300:
        os.kill(os.getpid(), signal.SIGKILL)
    return n


def test_parallel_map_keeps_order_and_values() -> None:
    n = parallel.MIN_PARALLEL * 3 + 17
    assert list(parallel.parallel_map(_square, range(n), workers=2)) == [i * i for i in range(n)]


def test_small_inputs_stay_in_process() -> None:
    assert list(parallel.parallel_map(_square, range(5), workers=2)) == [0, 1, 4, 9, 16]
    assert list(parallel.parallel_map(_square, iter(range(3000)), workers=0)) == [i * i for i in range(3000)]


def test_a_failing_item_is_one_clear_error() -> None:
    with pytest.raises(SearchIndexError, match="ValueError: thirteen hundred"):
        list(parallel.parallel_map(_fail_on_13, range(3000), workers=2))


def test_a_dead_worker_is_reported() -> None:
    with pytest.raises(SearchIndexError, match="worker died"):
        list(parallel.parallel_map(_die_on_13, range(3000), workers=2))


def test_a_dead_or_failing_worker_names_its_task_and_repair() -> None:
    named = {"what": "ingest", "repair": "run `bicorpus ingest` again", "error": CorpusError}
    with pytest.raises(CorpusError, match=r"^an ingest worker died: run `bicorpus ingest` again$"):
        list(parallel.parallel_map(_die_on_13, range(1400), workers=2, batch=16, min_parallel=1, **named))
    failed = r"^ingest failed in a worker process \(ValueError: thirteen hundred\)$"
    with pytest.raises(CorpusError, match=failed):
        list(parallel.parallel_map(_fail_on_13, range(1400), workers=2, batch=16, min_parallel=1, **named))


def test_an_error_reading_the_items_is_raised() -> None:
    def items():
        yield from range(2000)
        raise OSError("disk gone")

    with pytest.raises(OSError, match="disk gone"):
        list(parallel.parallel_map(_square, items(), workers=2))


def test_analysis_in_workers_equals_analysis_in_process() -> None:
    names = default_names()
    texts = ["قالت جبهة النصرة إن دير الزور هادئة.", "Fighters of al-Nusra Front entered Deir ez-Zor.",
             "ISIS (داعش) left Raqqa; Daesh denied it."]
    passages = [Passage(id=f"d:{i}", doc_id="d", ordinal=i, lang="mixed", region="body", text=t, norm=t,
                        start=0, end=len(t)) for i, t in enumerate(texts * 500)]

    def analyse(p: Passage):
        return indexed_passage(p, names)

    pooled = list(parallel.parallel_map(analyse, passages, workers=2))
    assert pooled == [indexed_passage(p, names) for p in passages]
    assert any(pooled[0].terms["ent"])


def test_build_index_in_parallel_matches_a_single_process_build(
        tmp_path: Path, small_corpus: Path, fake_names, monkeypatch: pytest.MonkeyPatch) -> None:
    build_index(open_corpus(small_corpus), tmp_path / "one", names=fake_names)
    monkeypatch.setattr(parallel, "MIN_PARALLEL", 1)
    monkeypatch.setattr(parallel, "BATCH", 2)
    monkeypatch.setattr(parallel, "default_workers", lambda: 2)
    build_index(open_corpus(small_corpus), tmp_path / "two", names=fake_names)
    one = open_index(tmp_path / "one", names=fake_names)
    two = open_index(tmp_path / "two", names=fake_names)
    with one, two:
        assert [p.id for p in one.passages()] == [p.id for p in two.passages()]
        for query in ("Nusra", "داعش", "Mosul"):
            ids = [[h.passage_id for h in ix.search(query).hits] for ix in (one, two)]
            assert ids[0] == ids[1] and ids[0], query


#: What a shard worker's failure on item 1300 reads like.
WORKER_FAILED = r"indexing failed in a worker process \(ValueError: thirteen hundred\)"


def _open_list() -> list[int]:
    return []


def _close_with_pid(shard: list[int], count: int) -> tuple[int, list[int], int]:
    return os.getpid(), shard, count


def test_sharded_builds_one_shard_per_source_in_worker_processes() -> None:
    sources = [range(0, 1000), range(1000, 1500), range(1500, 1500)]
    results = parallel.sharded(sources, _open_list, list.append, _close_with_pid)
    assert [shard for _, shard, _ in results] == [list(s) for s in sources]
    assert [count for _, _, count in results] == [1000, 500, 0]
    pids = {pid for pid, _, _ in results}
    assert len(pids) == 3 and os.getpid() not in pids


def _add_failing_on_13(shard: list[int], n: int) -> None:
    _fail_on_13(n)


def _add_dying_on_13(shard: list[int], n: int) -> None:
    _die_on_13(n)


def test_a_failing_shard_is_one_clear_error() -> None:
    with pytest.raises(SearchIndexError, match=WORKER_FAILED):
        parallel.sharded([range(1000), range(1000, 2000)], _open_list, _add_failing_on_13, _close_with_pid)


def test_a_dead_shard_worker_is_reported() -> None:
    with pytest.raises(SearchIndexError, match="worker died"):
        parallel.sharded([range(1000), range(1000, 2000)], _open_list, _add_dying_on_13, _close_with_pid)


def test_passage_shards_are_the_passages_in_runs(small_corpus: Path) -> None:
    corpus = open_corpus(small_corpus)
    every = [p.id for p in corpus.passages()]
    assert corpus.passage_count() == len(every) > 3
    for count in (1, 2, 3, len(every) + 2):
        runs = [[p.id for p in run] for run in corpus.passage_shards(count)]
        assert len(runs) == count and [i for run in runs for i in run] == every
        assert max(map(len, runs)) - min(map(len, runs[:-1] or runs)) <= 1 or count > len(every)


def test_shard_count_uses_workers_only_for_large_inputs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "default_workers", lambda: 2)
    assert parallel.shard_count(parallel.MIN_PARALLEL - 1) == 1
    assert parallel.shard_count(parallel.MIN_PARALLEL) == 2
    # shards near SHARD_PASSAGES each, a multiple of the workers, at most MAX_SHARDS
    assert parallel.shard_count(2 * parallel.SHARD_PASSAGES) == 2
    assert parallel.shard_count(5 * parallel.SHARD_PASSAGES) == 6
    assert parallel.shard_count(10**9) == parallel.MAX_SHARDS
    monkeypatch.setattr(parallel, "default_workers", lambda: 0)
    assert parallel.shard_count(10**6) == 1


def test_sharded_map_takes_a_batch_of_each_shard_in_turn() -> None:
    batch = parallel.BATCH
    shards = [range(0, 3 * batch), range(10_000, 10_000 + batch + 5)]
    out = list(parallel.sharded_map(_square, shards))
    first, second = [i * i for i in shards[0]], [i * i for i in shards[1]]
    assert out == (first[:batch] + second[:batch] + first[batch:2 * batch] + second[batch:]
                   + first[2 * batch:])
    assert list(parallel.sharded_map(_square, [range(5)])) == [0, 1, 4, 9, 16]  # one shard: in process
    # two at a time: the first two shards in turn, then the third
    third = range(20_000, 20_000 + batch + 1)
    waves = list(parallel.sharded_map(_square, [*shards, third], at_once=2))
    assert waves == out + [i * i for i in third]


def test_sharded_map_reports_a_failing_or_dead_worker() -> None:
    with pytest.raises(SearchIndexError, match=WORKER_FAILED):
        list(parallel.sharded_map(_fail_on_13, [range(1000), range(1000, 2000)]))
    with pytest.raises(SearchIndexError, match="worker died"):
        list(parallel.sharded_map(_die_on_13, [range(1000), range(1000, 2000)]))


def test_tantivy_build_in_worker_runs_adopts_their_segments_in_corpus_order(
        tmp_path: Path, small_corpus: Path, fake_names, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from bicorpus.index.engine import set_index_engine

    one, many = tmp_path / "one", tmp_path / "many"
    for path in (one, many):
        set_index_engine(path, "tantivy")
    build_index(open_corpus(small_corpus), one, names=fake_names)  # one process: no shards
    monkeypatch.setattr(parallel, "default_workers", lambda: 2)
    monkeypatch.setattr(parallel, "shard_count", lambda total: 5)  # 5 shards → 2 runs of consecutive shards
    build_index(open_corpus(small_corpus), many, names=fake_names)
    meta = json.loads((many / "meta.json").read_text())
    first_segments = {s["segment_id"].replace("-", "") for s in meta["segments"]}
    assert len(meta["segments"]) == 2  # one per worker run
    with open_index(one, names=fake_names) as a, open_index(many, names=fake_names) as b:
        assert [p.id for p in a.passages()] == [p.id for p in b.passages()]
        for query in ("Nusra", "داعش", "Mosul", '"the city"'):
            assert a.search(query).to_dict() == b.search(query).to_dict(), query
    # a rebuild over the index replaces its segments: the old files are gone, the new ones are listed
    # as the index's own (so Tantivy's own clean-up keeps track of them); the staging folder a killed
    # build left behind goes too
    (many / ".build-999999999-x1" / "shard-1").mkdir(parents=True)
    build_index(open_corpus(small_corpus), many, names=fake_names)
    segments = json.loads((many / "meta.json").read_text())["segments"]
    stems = {s["segment_id"].replace("-", "") for s in segments}
    on_disk = {f.name.split(".")[0] for f in many.iterdir() if f.suffix in (".idx", ".store", ".term")}
    assert on_disk == stems and not first_segments & stems
    managed = set(json.loads((many / ".managed.json").read_text()))
    assert {f.name for f in many.iterdir() if f.name.split(".")[0] in stems} <= managed
    assert not [f for f in many.iterdir() if f.name.startswith(".build-")]
    # the adopted index takes updates like any other
    doc = next(open_corpus(small_corpus).passages()).doc_id
    assert update_index(open_corpus(small_corpus), many, changed=[doc], names=fake_names) > 0
    with open_index(many, names=fake_names) as b, open_index(one, names=fake_names) as a:
        assert len(b) == len(a) and b.search("Nusra").total == a.search("Nusra").total


def _collector_state(n: int) -> tuple[int, int, int]:
    import gc

    return n, gc.get_threshold()[0], gc.get_freeze_count()


def test_workers_freeze_what_they_inherit_and_collect_less_often() -> None:
    import gc

    before = gc.get_threshold(), gc.get_freeze_count()
    inherited = [{"kept": i} for i in range(1000)]  # containers the workers inherit from this process
    n = parallel.MIN_PARALLEL * 2
    out = list(parallel.parallel_map(_collector_state, range(n), workers=2))
    assert [v for v, _, _ in out] == list(range(n))
    assert {t for _, t, _ in out} == {parallel.WORKER_GC_THRESHOLD}
    assert min(f for _, _, f in out) >= len(inherited)
    shards = [range(0, 5), range(5, 9)]
    thresholds = [t for _, t, _ in parallel.sharded_map(_collector_state, shards)]
    assert thresholds == [parallel.SHARD_GC_THRESHOLD] * 9  # shard workers make no cycles
    assert (gc.get_threshold(), gc.get_freeze_count()) == before  # this process is left as it was


def _slow_first(n: int) -> int:
    import time

    if n == 0:
        time.sleep(0.6)
    return n


def test_a_worker_that_finished_its_share_is_not_a_dead_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    # the first batch is slow: the other worker does every other batch, takes its end marker and
    # exits (status 0) while results are still due; waiting on, the map must not call that a death
    monkeypatch.setattr(parallel, "_POLL", 0.05)
    n = parallel.MIN_PARALLEL * 2
    assert list(parallel.parallel_map(_slow_first, range(n), workers=2)) == list(range(n))
