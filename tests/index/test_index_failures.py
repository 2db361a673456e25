"""An index write that fails or is killed leaves the previous index as it was; converting an index to
the other engine replaces it in one step and leaves one engine's files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from index_helpers import FAKE_NAMES, SMALL_DOCS, write_corpus

from bicorpus.corpus import open_corpus
from bicorpus.index import build_index, open_index, search, tantivy_engine, update_index
from bicorpus.index.engine import (
    ENGINE_FILE,
    index_engine,
    is_engine_file,
    open_engine,
    set_index_engine,
    wanted_engine,
)

OTHER = {"tantivy": "whoosh", "whoosh": "tantivy"}
QUERIES = ("Ghouta", "Nusra", "الموصل", '"Eastern Ghouta"')


def _files(index: Path) -> dict[str, bytes]:
    """The index's files and their bytes; Tantivy's list of its files as a sorted list (its order is
    Tantivy's own), the lock and the engine record aside."""
    out: dict[str, bytes] = {}
    for p in sorted(index.iterdir()):
        if p.name in (".bicorpus-lock", ENGINE_FILE):
            continue
        assert p.is_file(), f"{p.name} left in the index folder"
        data = p.read_bytes()
        out[p.name] = json.dumps(sorted(json.loads(data))).encode() if p.name == ".managed.json" else data
    return out


def _answers(index: Path) -> list[tuple[int, list[str]]]:
    with open_index(index, names=FAKE_NAMES) as ix:
        return [(r.total, [h.passage_id for h in r.hits]) for r in map(ix.search, QUERIES)]


def _built(tmp_path: Path, engine: str) -> tuple[Path, Path]:
    corpus = write_corpus(tmp_path, SMALL_DOCS)
    index = tmp_path / "index"
    set_index_engine(index, engine)
    build_index(open_corpus(corpus), index, names=FAKE_NAMES)
    assert index_engine(index) == engine
    return corpus, index


def _failing_after(n: int):
    real = search.indexed_passage
    calls = [0]

    def analyse(p, names=None):
        calls[0] += 1
        if calls[0] > n:
            raise RuntimeError("analysis failed")
        return real(p, names)

    return analyse


@pytest.mark.parametrize("engine", ["tantivy", "whoosh"])
def test_converting_replaces_the_index_and_leaves_one_engines_files(tmp_path: Path, engine: str) -> None:
    corpus, index = _built(tmp_path, engine)
    before = _answers(index)
    new = OTHER[engine]
    assert set_index_engine(index, new) is True
    assert (index_engine(index), wanted_engine(index)) == (engine, new)
    assert _answers(index) == before  # the old index serves until the new one replaces it
    assert update_index(open_corpus(corpus), index, names=FAKE_NAMES) == 7  # an update converts it
    assert index_engine(index) == wanted_engine(index) == new
    assert type(open_engine(index)).__name__.lower().startswith(new)
    assert _answers(index) == before
    assert not [p.name for p in index.iterdir() if is_engine_file(p.name, engine)]
    assert json.loads((index / ENGINE_FILE).read_text("utf-8")) == {"engine": new}
    assert json.loads((index / "bicorpus.json").read_text("utf-8"))["engine"] == new


@pytest.mark.parametrize("engine", ["tantivy", "whoosh"])
def test_a_conversion_that_fails_leaves_the_old_index_as_it_was(tmp_path: Path, engine: str,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, index = _built(tmp_path, engine)
    before, files = _answers(index), _files(index)
    set_index_engine(index, OTHER[engine])
    monkeypatch.setattr(search, "indexed_passage", _failing_after(4))
    with pytest.raises(RuntimeError, match="analysis failed"):
        build_index(open_corpus(corpus), index, names=FAKE_NAMES)
    monkeypatch.undo()
    assert _files(index) == files  # nothing of the new engine, no folder of the build
    assert index_engine(index) == engine and _answers(index) == before
    build_index(open_corpus(corpus), index, names=FAKE_NAMES)  # asked again: converted
    assert index_engine(index) == OTHER[engine] and _answers(index) == before


_KILLED_CONVERSION = """
import os, sys
from bicorpus.corpus import open_corpus
from bicorpus.index import build_index, search, engine
from index_helpers import FAKE_NAMES

corpus, index, step = sys.argv[1:4]
if step == "before-commit":  # the new files moved in, the version record not yet written
    search._write_versions = lambda *a, **k: os._exit(9)
else:  # the version record written, the engine record and the old files not yet
    real = engine._replace_json
    def cut(target, data):
        if target.name == "engine.json":
            os._exit(9)
        real(target, data)
    engine._replace_json = cut
build_index(open_corpus(corpus), index, names=FAKE_NAMES)
"""


@pytest.mark.parametrize("step", ["before-commit", "after-commit"])
@pytest.mark.parametrize("engine", ["tantivy", "whoosh"])
def test_a_killed_conversion_leaves_a_usable_index_and_the_next_write_tidies(tmp_path: Path, engine: str,
                                                                            step: str) -> None:
    corpus, index = _built(tmp_path, engine)
    before, files = _answers(index), _files(index)
    new = OTHER[engine]
    set_index_engine(index, new)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent), *sys.path])}
    code = textwrap.dedent(_KILLED_CONVERSION)
    result = subprocess.run([sys.executable, "-c", code, str(corpus), str(index), step], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 9, result.stderr
    assert _answers(index) == before  # whichever index the records name, it answers the same
    assert index_engine(index) == (engine if step == "before-commit" else new)
    update_index(open_corpus(corpus), index, names=FAKE_NAMES)  # finishes the conversion, or tidies
    assert index_engine(index) == wanted_engine(index) == new
    assert _answers(index) == before
    left = [p.name for p in index.iterdir() if is_engine_file(p.name, engine) or p.name.startswith(".conv")]
    assert not left
    assert json.loads((index / ENGINE_FILE).read_text("utf-8")) == {"engine": new}
    assert files  # the old index had files of its own


def test_a_failed_tantivy_write_leaves_no_segment_behind(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, index = _built(tmp_path, "tantivy")
    before, files = _answers(index), _files(index)
    monkeypatch.setattr(search, "indexed_passage", _failing_after(3))
    with pytest.raises(RuntimeError, match="analysis failed"):  # a full rewrite, one process
        build_index(open_corpus(corpus), index, names=FAKE_NAMES)
    monkeypatch.undo()
    assert _files(index) == files and _answers(index) == before
    engine = open_engine(index)
    doomed = [search.indexed_passage(p, FAKE_NAMES) for p in open_corpus(corpus).passages()]

    def failing():
        yield from doomed[:4]
        raise RuntimeError("the corpus went away")

    with pytest.raises(RuntimeError, match="went away"):  # an update
        engine.write(failing(), delete_docs=["d1"])
    engine.close()
    assert _files(index) == files and _answers(index) == before


def test_a_tantivy_build_failing_while_adopting_its_shards_leaves_the_index_as_it_was(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, index = _built(tmp_path, "tantivy")
    before, files = _answers(index), _files(index)
    monkeypatch.setattr(tantivy_engine, "default_workers", lambda: 2)
    real, moves = os.replace, []

    def full_disk(src, dst):
        moves.append(dst)
        if len(moves) == 8:  # the first shard's files are in; the second shard's are not
            raise OSError(28, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(tantivy_engine.os, "replace", full_disk)
    engine = open_engine(index)
    shards = open_corpus(corpus).passage_shards(2)
    with pytest.raises(Exception, match="No space left"):
        engine.build(shards, lambda p: search.indexed_passage(p, FAKE_NAMES))
    monkeypatch.undo()
    engine.close()
    assert len(moves) == 8
    assert _files(index) == files and _answers(index) == before


def test_segments_a_killed_tantivy_writer_left_go_with_the_next_write(tmp_path: Path) -> None:
    corpus, index = _built(tmp_path, "tantivy")
    files = _files(index)
    live = next(name for name in files if name.endswith(".idx"))
    for stray in ("0123456789abcdef0123456789abcdef.idx", "0123456789abcdef0123456789abcdef.store",
                  live.replace(".idx", ".77.del")):  # a segment no commit names; deletions of a live one
        (index / stray).write_bytes(b"partial")
    update_index(open_corpus(corpus), index, changed=["d2"], names=FAKE_NAMES)
    assert not [name for name in os.listdir(index) if name.startswith("0123456789abcdef") or ".77." in name]


ALIASES = """[hurras]
type: organization
en: Hurras al-Din | Guardians of Religion
ar: حراس الدين
"""
PAGE = """Notes from the north

Fighters of Hurras al-Din were seen near Idlib.

قال بيان لتنظيم حراس الدين إن القصف استهدف مواقع في إدلب.

The Guardians of Religion denied the report.
"""
_KILLED_ALIAS_REBUILD = """
import os
import bicorpus
from bicorpus.index import search
search._write_versions = lambda *a, **k: os._exit(9)  # the new index committed, its record not written
bicorpus.reindex("corpus", "index", aliases=["mine.txt"])
"""


def test_a_rebuild_with_other_alias_files_killed_before_its_record_says_the_index_lags(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import bicorpus

    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "north.txt").write_text(PAGE, "utf-8")
    (tmp_path / "mine.txt").write_text(ALIASES, "utf-8")
    (tmp_path / "index" / ".bicorpus.json.999999999.tmp").parent.mkdir()
    (tmp_path / "index" / ".bicorpus.json.999999999.tmp").write_text("{", "utf-8")  # a killed writer's
    monkeypatch.chdir(tmp_path)
    bicorpus.ingest(["pages"], "corpus", index="index")
    assert not (tmp_path / "index" / ".bicorpus.json.999999999.tmp").exists()
    with bicorpus.open_index("index") as ix:
        assert ix.stale is None
    result = subprocess.run([sys.executable, "-c", _KILLED_ALIAS_REBUILD], cwd=tmp_path, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 9, result.stderr
    with bicorpus.open_index("index") as ix:  # its terms may be either gazetteer's: not answered as current
        assert ix.stale and "lags behind" in ix.stale
        assert ix.search("Hama").stale == ix.stale
    bicorpus.ingest(["pages"], "corpus", index="index", aliases=["mine.txt"])
    with bicorpus.open_index("index") as ix:
        assert ix.stale is None
        assert {h.text for h in ix.search("Guardians of Religion").hits} >= {
            "قال بيان لتنظيم حراس الدين إن القصف استهدف مواقع في إدلب."}


def test_tidying_leaves_a_live_conversion_alone_and_clears_a_dead_ones(tmp_path: Path) -> None:
    from bicorpus.index.engine import tidy_index

    _, index = _built(tmp_path, "tantivy")
    files = _files(index)
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (index / f".convert-{sleeper.pid}").mkdir()
        (index / "MAIN_abc.seg").write_bytes(b"moved in by a conversion to whoosh")
        tidy_index(index)  # another writer: the conversion is under way
        assert (index / "MAIN_abc.seg").exists() and (index / f".convert-{sleeper.pid}").is_dir()
    finally:
        sleeper.kill()
        sleeper.wait()
    tidy_index(index)  # its process is gone: what it left goes
    assert not (index / "MAIN_abc.seg").exists() and not (index / f".convert-{sleeper.pid}").exists()
    assert _files(index) == files
