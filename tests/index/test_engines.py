"""The Tantivy engine behind the same interface as Whoosh: same passages, same tiers, same totals.

Both engines are fed the same analysed term streams; for a query list covering every query
class (one-word names, multi-word names, Arabic names, quoted phrases in both languages,
filters, rare and common words, NOT, OR, field and date filters) they must return the same
passage id sets with the same tiers, on the seed page and on a generated corpus.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

import bicorpus
from bicorpus.corpus import PassageFilter, open_corpus
from bicorpus.errors import SearchIndexError
from bicorpus.index import build_index, open_index, tantivy_engine, update_index
from bicorpus.index.engine import (
    DEFAULT_ENGINE,
    ENGINE_FILE,
    index_engine,
    is_engine_file,
    require_engine,
    set_index_engine,
)

ROOT = Path(__file__).resolve().parents[2]
BENCH_DIR = ROOT / "bench"
ENGINES = ("whoosh", "tantivy")
#: Large enough that every search returns all of its matches: id sets compare whole.
ALL = 5_000

#: Hand-written queries for the query-language features the bench classes do not use.
LANGUAGE_QUERIES: tuple[tuple[str, dict[str, str]], ...] = (
    ("Nusra NOT Raqqa", {}),
    ("Aleppo OR Homs", {}),
    ("Raqqa region:body", {}),
    ("ISIS lang:en", {}),
    ("داعش lang:ar", {}),
    ("=Nusra", {}),
    ("Nusra", {"since": "2015", "until": "2019-06"}),
    ("Mosul", {"since": "2019"}),
    ("Aleppo date:2018", {}),
)


def _ingest(pages: Path, work: Path) -> Path:
    corpus = work / "corpus"
    bicorpus.ingest([pages], corpus, index=None)
    return corpus


def _build_both(corpus: Path, work: Path) -> dict[str, Path]:
    out = {}
    for engine in ENGINES:
        index = work / f"index-{engine}"
        set_index_engine(index, engine)
        build_index(open_corpus(corpus), index)
        out[engine] = index
    return out


def _answers(index: Path, queries: list[tuple[str, dict[str, str]]]) -> dict[str, object]:
    out: dict[str, object] = {}
    with open_index(index) as ix:
        for text, filters in queries:
            where = PassageFilter(**filters) if filters else None
            everything = ix.search(text, limit=ALL, where=where)
            top = ix.search(text, limit=10, where=where)
            out[f"{text} {filters}"] = (everything.total, top.total,
                                        sorted((h.passage_id, h.tier) for h in everything.hits),
                                        [h.tier for h in top.hits])
    return out


def _bench_queries(per_class: int) -> list[tuple[str, dict[str, str]]]:
    sys.path.insert(0, str(BENCH_DIR))
    try:
        from common import QUERY_CLASSES, build_queries
    finally:
        sys.path.remove(str(BENCH_DIR))
    queries = build_queries(per_class=per_class, seed=1)
    assert {q.cls for q in queries} == set(QUERY_CLASSES)
    return [(q.text, {k: v for k, v in (("lang", q.lang), ("region", q.region), ("since", q.since)) if v})
            for q in queries]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    sys.path.insert(0, str(BENCH_DIR))
    try:
        from generate import write_pages
    finally:
        sys.path.remove(str(BENCH_DIR))
    work = tmp_path_factory.mktemp("generated")
    write_pages(work / "pages", 60, seed=3)
    corpus = _ingest(work / "pages", work)
    return {"corpus": corpus, **_build_both(corpus, work)}


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    work = tmp_path_factory.mktemp("seed")
    pages = work / "pages"
    pages.mkdir()
    for page in (ROOT / "seeds").glob("*.txt"):
        shutil.copy(page, pages / page.name)
    corpus = _ingest(pages, work)
    return {"corpus": corpus, **_build_both(corpus, work)}


SEED_QUERIES: list[tuple[str, dict[str, str]]] = [
    ("Nusra", {}), ("an-Nusrah", {}), ("النصرة", {}), ("Deir ez-Zor", {}), ("Deir al-Zour", {}),
    ("دير الزور", {}), ("ISIS", {}), ("Daesh", {}), ("داعش", {}), ('"Eastern Ghouta"', {}),
    ("Mosul NOT Raqqa", {}), ("Syria", {"lang": "en"}), ("أخبار", {}), ("يكتب", {"region": "site-header"}),
    ("Syrian", {}), ("Raqqa OR Aleppo", {}), ("=Nusra", {}),
]


def test_seed_same_passages_and_tiers(seed: dict[str, Path]) -> None:
    whoosh = _answers(seed["whoosh"], SEED_QUERIES)
    tantivy = _answers(seed["tantivy"], SEED_QUERIES)
    assert sum(bool(a[2]) for a in whoosh.values()) >= len(SEED_QUERIES) - 2  # the queries do find things
    assert tantivy == whoosh


def test_generated_same_passages_and_tiers_for_every_query_class(generated: dict[str, Path]) -> None:
    queries = _bench_queries(per_class=8) + list(LANGUAGE_QUERIES)
    whoosh = _answers(generated["whoosh"], queries)
    tantivy = _answers(generated["tantivy"], queries)
    found = [key for key, answer in whoosh.items() if answer[2]]
    assert len(found) >= len(queries) // 2, "too few queries find anything to compare"
    tiers = {tier for answer in whoosh.values() for _, tier in answer[2]}
    assert {"exact", "translit", "alias"} <= tiers
    mismatched = [key for key in whoosh if whoosh[key] != tantivy[key]]
    assert not mismatched, mismatched


def test_the_engine_is_recorded_and_opened(generated: dict[str, Path]) -> None:
    assert index_engine(generated["tantivy"]) == "tantivy"
    assert index_engine(generated["whoosh"]) == "whoosh"
    assert (generated["tantivy"] / ENGINE_FILE).is_file()
    with open_index(generated["tantivy"]) as ix:
        assert type(ix._engine).__name__ == "TantivyEngine"
        first = next(ix.passages())
        assert ix.passage(first.id) == first
        assert [p.id for p in ix.document_passages(first.doc_id)] == \
               [p.id for p in sorted(ix.document_passages(first.doc_id), key=lambda p: p.ordinal)]
    require_engine(generated["tantivy"], "tantivy")
    require_engine(generated["tantivy"], None)
    with pytest.raises(SearchIndexError, match="built by the tantivy engine"):
        require_engine(generated["tantivy"], "whoosh")


def test_stored_passages_agree(generated: dict[str, Path]) -> None:
    with open_index(generated["whoosh"]) as w, open_index(generated["tantivy"]) as t:
        assert len(w) == len(t) > 100
        assert sorted(p.id for p in w.passages()) == sorted(p.id for p in t.passages())
        some = next(w.passages())
        assert t.passage(some.id) == w.passage(some.id)
        assert t.neighbours(some.id, 2) == w.neighbours(some.id, 2)


def test_update_gives_the_same_index_as_a_build(tmp_path: Path, generated: dict[str, Path]) -> None:
    corpus = open_corpus(generated["corpus"])
    index = tmp_path / "index"
    set_index_engine(index, "tantivy")
    build_index(corpus, index)
    docs = sorted({p.doc_id for p in corpus.passages()})
    with open_index(index) as ix:
        before = len(ix)
        gone = len(ix.document_passages(docs[0]))
    update_index(corpus, index, changed=[], removed=[docs[0]])
    with open_index(index) as ix:
        assert len(ix) == before - gone
        assert ix.document_passages(docs[0]) == []
    update_index(corpus, index, changed=[docs[0]])
    queries = [("Nusra", {}), ("داعش", {}), ("Raqqa region:body", {})]
    assert _answers(index, queries) == _answers(generated["tantivy"], queries)


def test_switching_engines_rebuilds_with_the_new_one(tmp_path: Path, generated: dict[str, Path]) -> None:
    index = tmp_path / "index"
    bicorpus.reindex(generated["corpus"], index)
    assert index_engine(index) == DEFAULT_ENGINE == "tantivy"
    assert json.loads((index / ENGINE_FILE).read_text("utf-8")) == {"engine": "tantivy"}
    assert set_index_engine(index, "whoosh") is True
    assert set_index_engine(index, "whoosh") is False
    with open_index(index) as ix:  # the old index serves until the new one replaces it
        assert type(ix._engine).__name__ == "TantivyEngine" and ix.search("Nusra").total > 0
    bicorpus.reindex(generated["corpus"], index)
    with open_index(index) as ix:
        assert type(ix._engine).__name__ == "WhooshEngine"
        assert ix.search("Nusra").total == open_index(generated["tantivy"]).search("Nusra").total
    assert not any(is_engine_file(p.name, "tantivy") for p in index.iterdir())  # one engine's files
    assert json.loads((index / ENGINE_FILE).read_text("utf-8")) == {"engine": "whoosh"}
    assert set_index_engine(index, "tantivy") is True
    bicorpus.reindex(generated["corpus"], index)
    with open_index(index) as ix:
        assert type(ix._engine).__name__ == "TantivyEngine"
    assert not any(is_engine_file(p.name, "whoosh") for p in index.iterdir())
    assert sorted(p.name for p in index.iterdir() if not is_engine_file(p.name, "tantivy")) == [
        ".bicorpus-lock", "bicorpus.json", "engine.json"]


@pytest.mark.parametrize("engine", ["whoosh", "tantivy"])
def test_an_index_without_an_engine_record_keeps_its_engine(tmp_path: Path, generated: dict[str, Path],
                                                            engine: str) -> None:
    """An index built before engines were recorded (or whose record is gone) is told by its files."""
    index = tmp_path / "index"
    set_index_engine(index, engine)
    bicorpus.reindex(generated["corpus"], index)
    (index / ENGINE_FILE).unlink()
    assert index_engine(index) == engine
    with open_index(index) as ix:
        assert type(ix._engine).__name__.lower().startswith(engine)
        assert ix.search("Nusra").total == open_index(generated[engine]).search("Nusra").total
    assert index_engine(tmp_path / "new") == DEFAULT_ENGINE  # nothing there: the default


def test_unknown_engine_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SearchIndexError, match="unknown engine 'lucene'"):
        set_index_engine(tmp_path / "index", "lucene")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / ENGINE_FILE).write_text('{"engine": "xapian"}', "utf-8")
    with pytest.raises(SearchIndexError, match="unknown engine"):
        index_engine(tmp_path / "bad")


@pytest.mark.parametrize(("term", "escaped"), [
    ("nusra", "nusra"), ("+isis", "\\+isis"), ("#d_z", "\\#d_z"), ("~a.b", "\\~a\\.b"), ("داعش", "داعش"),
    (">x(y)|z*", ">x\\(y\\)\\|z\\*"),
])
def test_regex_escape(term: str, escaped: str) -> None:
    assert tantivy_engine.regex_escape(term) == escaped


@pytest.mark.parametrize(("date", "last", "number"), [
    ("2017-04-12", False, 20170412), ("2017-04", False, 20170400), ("2017", False, 20170000),
    ("2017-04", True, 20170499), ("2017", True, 20179999), ("2017-04-12", True, 20170412),
    ("2017-13", False, None), ("c. 2017", False, None), ("2017-4-1", False, None), ("", False, None),
])
def test_day_number(date: str, last: bool, number: int | None) -> None:
    assert tantivy_engine.day_number(date, last=last) == number


DATES = ("2017", "2017-04", "2017-04-12", "2017-04-30", "2017-05-01", "2018-01", "2019-12-31",
         "c. 2017", "2017-13", "summer 2018", None)


@pytest.mark.parametrize(("low", "high"), [
    ("2017-04", None), (None, "2017-04\uffff"), (None, "2017-04"), ("2017", "2017\uffff"),
    ("2017-04-12", "2018\uffff"), ("2017-05", "2019-12-31"), ("2016", "2016\uffff"), ("2017", None),
    ("c", "d"), ("2017-13", None), (None, "summer 2018"),
])
def test_tantivy_date_ranges_compare_as_text(tmp_path: Path, low: str | None, high: str | None) -> None:
    """A date range runs on the ``day`` number column (and the odd dates as text) yet keeps the
    ranges' text semantics: ``low <= date <= high``; passages without a date never match."""
    from bicorpus.index.engine import IndexedPassage, RangeQ, TermQ

    engine = tantivy_engine.TantivyEngine.create(tmp_path / "index")
    engine.write(IndexedPassage(fields={"id": f"p{i}", "doc": "d", "date": date, "text": "x"},
                                terms={"form": [("x",)]}) for i, date in enumerate(DATES))
    rows = engine.search(TermQ("form", "x"), limit=50, filter=RangeQ("date", low, high))
    want = {f"p{i}" for i, d in enumerate(DATES)
            if d is not None and (low is None or low <= d) and (high is None or d <= high)}
    assert {row["id"] for row, _ in rows} == want
    assert engine.count(TermQ("form", "x"), filter=RangeQ("date", low, high)) == len(want)
    iso = all(b is None or tantivy_engine.day_number(b.rstrip("\uffff")) is not None for b in (low, high))
    translate = tantivy_engine._Translator(engine._schema, engine._searcher())
    on_column = translate.date_range(RangeQ("date", low, high))
    assert (on_column is not None) == iso


@pytest.mark.parametrize("engine_name", ENGINES)
def test_every_dated_passage_and_the_undated_ones_counted_apart(tmp_path: Path, engine_name: str,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """``HAS_DATE`` holds every passage with a date, ISO or odd ("c. 2017"), and ``UNDATED`` the
    others; counted on another thread (``count_soon``, Tantivy, here for any count) or not, the
    counts are the same."""
    from bicorpus.index.engine import IndexedPassage, TermQ, count_soon, engine_class
    from bicorpus.index.search import HAS_DATE, UNDATED

    monkeypatch.setattr(tantivy_engine, "THREAD_COUNT_POSTINGS", 0)
    engine = engine_class(engine_name).create(tmp_path / "index")
    engine.write(IndexedPassage(fields={"id": f"p{i}", "doc": "d", "lang": "en" if i % 2 else "ar",
                                        "date": date, "text": "x"},
                                terms={"form": [("x",)]}) for i, date in enumerate(DATES))
    dated = sum(d is not None for d in DATES)
    x = TermQ("form", "x")
    with engine.pinned():
        assert engine.count(x, filter=HAS_DATE) == dated == 10
        assert engine.count(x, filter=UNDATED) == 1
        filters = (HAS_DATE, *(TermQ("lang", v) for v in ("en", "ar", "fa")))
        later = [count_soon(engine, x, filter=f) for f in filters]
        if engine_name == "whoosh":
            assert later == [None] * 4  # no counting on another thread: the caller counts
        else:
            assert [wait() for wait in later] == [dated, 5, 6, 0]  # type: ignore[misc]
            assert count_soon(engine, TermQ("form", "absent"))() == 0  # type: ignore[misc]
    engine.close()


def test_tantivy_counts_on_a_thread_only_what_costs_more_than_handing_it_over(tmp_path: Path) -> None:
    from bicorpus.index.engine import IndexedPassage, PhraseQ, TermQ

    engine = tantivy_engine.TantivyEngine.create(tmp_path / "index")
    engine.write(IndexedPassage(fields={"id": f"p{i}", "doc": "d", "text": "x y"},
                                terms={"form": [("x",), ("y",)]}) for i in range(30))
    with engine.pinned():
        translate = engine._translator(engine._searcher())
        assert translate.postings(PhraseQ("form", (("x", "z"), ("y",)))) == 60
        assert engine.count_soon(TermQ("form", "x")) is None  # 30 postings: counted by the caller
    engine.close()


def test_tantivy_searcher_sees_another_writers_commit(tmp_path: Path) -> None:
    """A searcher is kept between searches while the index is unchanged, and replaced as soon as
    another writer (here another engine object, as another process would be) commits."""
    from bicorpus.index.engine import IndexedPassage, TermQ

    def passage(i: int) -> IndexedPassage:
        return IndexedPassage(fields={"id": f"p{i}", "doc": f"d{i}", "text": "x"}, terms={"form": [("x",)]})

    reader = tantivy_engine.TantivyEngine.create(tmp_path / "index")
    reader.write([passage(0)])
    first = reader._searcher()
    assert reader._searcher() is first and reader.doc_count() == 1
    writer = tantivy_engine.TantivyEngine.open(tmp_path / "index")
    writer.write([passage(1), passage(2)])
    assert reader.doc_count() == 3
    assert reader._searcher() is not first
    assert reader.count(TermQ("form", "x")) == 3


def test_a_forked_process_counts_on_threads_of_its_own(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """An engine that counted on a thread before a fork still counts in the forked child (the
    parent's threads do not exist there)."""
    import multiprocessing

    from bicorpus.index.engine import IndexedPassage, TermQ

    monkeypatch.setattr(tantivy_engine, "THREAD_COUNT_POSTINGS", 0)
    engine = tantivy_engine.TantivyEngine.create(tmp_path / "index")
    engine.write(IndexedPassage(fields={"id": f"p{i}", "doc": "d", "text": "x"}, terms={"form": [("x",)]})
                 for i in range(5))
    with engine.pinned():
        assert engine.count_soon(TermQ("form", "x"))() == 5  # type: ignore[misc]
    context = multiprocessing.get_context("fork")
    answers = context.Queue()

    def child() -> None:
        with engine.pinned():
            answers.put(engine.count_soon(TermQ("form", "x"))())  # type: ignore[misc]

    process = context.Process(target=child)
    process.start()
    process.join(timeout=60)
    alive = process.is_alive()
    if alive:
        process.kill()
    assert not alive and answers.get(timeout=5) == 5
    engine.close()
