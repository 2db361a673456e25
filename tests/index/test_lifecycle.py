"""Building, updating, version guard, damaged indexes, threads and readers during writes."""

import json
import threading
from pathlib import Path

import pytest
from index_helpers import SMALL_DOCS, write_corpus

from bicorpus.corpus import open_corpus
from bicorpus.errors import SearchIndexError
from bicorpus.index import build_index, open_index, update_index
from bicorpus.index.analysis import NameModel


def test_missing_index_directory(tmp_path: Path, fake_names: NameModel) -> None:
    with pytest.raises(SearchIndexError, match=r"no index at .*run `bicorpus ingest` or `bicorpus reindex`"):
        open_index(tmp_path / "nowhere", names=fake_names)
    (tmp_path / "empty").mkdir()
    with pytest.raises(SearchIndexError, match="no index at"):
        open_index(tmp_path / "empty", names=fake_names)


def test_index_from_another_version(small_index, fake_names: NameModel) -> None:
    path = Path(small_index.path)
    data = json.loads((path / "bicorpus.json").read_text())
    (path / "bicorpus.json").write_text(json.dumps({**data, "keys": 99}))
    with pytest.raises(SearchIndexError) as err:
        open_index(path, names=fake_names)
    assert "built by another version" in str(err.value) and "bicorpus reindex" in str(err.value)
    assert "keys 99 (expected 1)" in str(err.value)


def test_corrupt_index_files(small_index, fake_names: NameModel) -> None:
    path = Path(small_index.path)
    small_index.close()
    damaged = [*path.glob("*.toc"), *path.glob("meta.json")]  # Whoosh's or Tantivy's table of contents
    assert damaged
    for f in damaged:
        f.write_bytes(b"\x00garbage")
    with pytest.raises(SearchIndexError, match=r"unreadable.*bicorpus reindex"):
        open_index(path, names=fake_names)
    (path / "bicorpus.json").write_text("{not json")
    with pytest.raises(SearchIndexError, match=r"no readable bicorpus\.json"):
        open_index(path, names=fake_names)


def test_reindex_repairs_a_damaged_index(tmp_path: Path, small_corpus: Path, fake_names: NameModel) -> None:
    index = tmp_path / "index"
    index.mkdir()
    (index / "_MAIN_1.toc").write_bytes(b"junk")
    (index / "bicorpus.json").write_text("junk")
    assert build_index(open_corpus(small_corpus), index, names=fake_names) == 7
    with open_index(index, names=fake_names) as ix:
        assert len(ix) == 7 and ix.search("Ghouta").hits


def test_update_rewrites_only_changed_documents(tmp_path: Path, fake_names: NameModel) -> None:
    corpus = write_corpus(tmp_path, SMALL_DOCS)
    index = tmp_path / "index"
    assert update_index(open_corpus(corpus), index, names=fake_names) == 7  # no index yet: full build
    with open_index(index, names=fake_names) as ix:
        assert ix.search("Ghouta").hits
        # d2 changes, d1 is removed, d3 is new
        write_corpus(tmp_path, {"d2": ["Raqqa and Hama were shelled."], "d3": ["الرقة وحماة"]})
        written = update_index(open_corpus(corpus), index, changed=["d2", "d3"], removed=["d1"],
                               names=fake_names)
        assert written == 2
        assert ix.search("Ghouta").hits == []  # the open index sees the commit
        assert [h.passage_id for h in ix.search("Raqqa").hits] == ["d2:0", "d3:0"]
        assert ix.search("Mosul").hits == []
        assert len(ix) == 2
    assert json.loads((index / "bicorpus.json").read_text())["passages"] == 2


def test_counts_across_segments_with_deletions(tmp_path: Path, fake_names: NameModel) -> None:
    corpus = write_corpus(tmp_path, SMALL_DOCS)
    index = tmp_path / "index"
    build_index(open_corpus(corpus), index, names=fake_names)
    docs = {**SMALL_DOCS, "d3": ["Mosul again", "Mosul and an-Nusrah", "Nothing"]}
    write_corpus(tmp_path, docs)
    update_index(open_corpus(corpus), index, changed=["d3", "d2"], names=fake_names)  # d2 rewritten
    with open_index(index, names=fake_names) as ix:
        full = ix.search("Mosul OR Nusra", limit=50)
        assert len({h.passage_id for h in full.hits}) == full.total == 6
        for query in ("Mosul", "Nusra", "Mosul NOT Nusra", '"Mosul again"', "Mosul lang:en", "Daesh"):
            every = ix.search(query, limit=50)
            assert ix.search(query, limit=1).total == every.total == len(every.hits), query
            assert len({h.passage_id for h in every.hits}) == len(every.hits)
        assert ix.search("Mosul", limit=1, since="2018").total == 1


def test_update_with_nothing_changed_writes_nothing(small_index, small_corpus: Path, fake_names) -> None:
    path = Path(small_index.path)
    before = sorted(p.name for p in path.iterdir())
    assert update_index(open_corpus(small_corpus), path, names=fake_names) == 0
    assert sorted(p.name for p in path.iterdir()) == before


def test_unchanged_documents_are_not_rewritten(tmp_path: Path, fake_names: NameModel) -> None:
    corpus = write_corpus(tmp_path, SMALL_DOCS)
    index = tmp_path / "index"
    build_index(open_corpus(corpus), index, names=fake_names)
    # The corpus file now says something else for d1, but d1 is not listed as changed:
    write_corpus(tmp_path, {"d1": ["nothing here"], "d2": SMALL_DOCS["d2"]})
    update_index(open_corpus(corpus), index, changed=["d2"], names=fake_names)
    with open_index(index, names=fake_names) as ix:
        assert [h.passage_id for h in ix.search("Cairo").hits] == ["d1:3"]


def test_searches_from_many_threads(small_index) -> None:
    expected = {q: [h.passage_id for h in small_index.search(q).hits] for q in ("Nusra", "Daesh", "Mosul")}
    errors: list[BaseException] = []

    def worker(q: str) -> None:
        try:
            for _ in range(20):
                assert [h.passage_id for h in small_index.search(q).hits] == expected[q]
        except BaseException as err:
            errors.append(err)

    threads = [threading.Thread(target=worker, args=(q,)) for q in expected for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_readers_keep_working_while_the_index_is_written(tmp_path: Path, fake_names: NameModel) -> None:
    corpus = write_corpus(tmp_path, SMALL_DOCS)
    index = tmp_path / "index"
    build_index(open_corpus(corpus), index, names=fake_names)
    stop = threading.Event()
    seen: list[int] = []
    errors: list[BaseException] = []

    def reader() -> None:
        with open_index(index, names=fake_names) as ix:
            while not stop.is_set():
                try:
                    seen.append(len(ix.search("Mosul").hits))
                except BaseException as err:
                    errors.append(err)
                    return

    threads = [threading.Thread(target=reader) for _ in range(2)]
    for t in threads:
        t.start()
    for round_ in range(4):
        docs = {**SMALL_DOCS, "d3": [f"Mosul round {round_}"]}
        write_corpus(tmp_path, docs)
        update_index(open_corpus(corpus), index, changed=["d3"], names=fake_names)
        build_index(open_corpus(corpus), index, names=fake_names)
    stop.set()
    for t in threads:
        t.join()
    assert errors == []
    assert seen and set(seen) <= {3, 4}
