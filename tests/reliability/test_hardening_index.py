"""The index: damage diagnosed in one line and repaired by ingest, a lagging index said so,
undated passages counted, one writer per index, readers safe during a commit, no partial
segments left by a failed write, every passage field read back."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from bicorpus.api import ingest, reindex
from bicorpus.check import check
from bicorpus.cli import main
from bicorpus.errors import SearchIndexError
from bicorpus.index import open_index


@pytest.fixture
def built(work: Path) -> Path:
    """``work`` with ``corpus/`` and a Whoosh ``index/`` (most of these tests damage Whoosh's own files;
    the Tantivy engine is the default for new indexes)."""
    ingest(["pages"], work / "corpus", index=work / "index", engine="whoosh")
    return work


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _one_error_line(output: str) -> str:
    lines = output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), output
    return lines[0]


@pytest.mark.parametrize("pattern", ["*.seg", "_MAIN_*.toc"])
def test_a_truncated_whoosh_file_is_one_line_from_search_and_a_problem_for_check(built: Path,
                                                                                    pattern: str):
    _truncate(next((built / "index").glob(pattern)))
    result = CliRunner().invoke(main, ["search", "Nusra"])
    assert result.exit_code == 1
    line = _one_error_line(result.output)
    assert line.startswith("Error: index at index is ") and "run `bicorpus reindex`" in line
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert "problem (index): index at index is " in result.output
    assert "Traceback" not in result.output and "internal error" not in result.output


def test_random_bytes_in_a_tantivy_term_file_are_one_line(work: Path):
    pytest.importorskip("tantivy")
    ingest(["pages"], "corpus", index="index", engine="tantivy")
    rng = random.Random(7)
    for path in sorted((work / "index").glob("*.term")):
        data = bytearray(path.read_bytes())
        n = len(data)  # random bytes over the second quarter of the term dictionary
        data[n // 4: n // 2] = bytes(rng.randrange(256) for _ in range(n // 2 - n // 4))
        path.write_bytes(bytes(data))
    code = "import sys; from bicorpus.cli import main; sys.exit(main())"
    for args in (["search", "Nusra"], ["check"]):
        result = subprocess.run([sys.executable, "-c", code, *args], cwd=work, capture_output=True,
                                text=True, timeout=120)
        assert result.returncode == 1, result.stderr
        assert "panicked" not in result.stderr and "Traceback" not in result.stderr
        assert "internal error" not in result.stderr + result.stdout
        assert len(result.stderr.strip().splitlines()) <= 1, result.stderr
        assert "index at index is" in result.stderr + result.stdout


@pytest.mark.parametrize("damage", ["delete", "truncate"])
def test_ingest_repairs_a_damaged_index_as_check_advises(built: Path, damage: str):
    segment = next((built / "index").glob("*.seg"))
    if damage == "delete":
        segment.unlink()
    else:
        _truncate(segment)
    report = check("corpus", "index")
    assert [p.where for p in report.problems] == ["index"]
    assert "bicorpus ingest" in report.problems[0].repair
    result = CliRunner().invoke(main, ["ingest", "pages"])
    assert result.exit_code == 0, result.output
    assert check("corpus", "index").ok
    assert open_index("index").search("Nusra").total > 0


def test_a_lagging_index_says_so_everywhere_and_strict_refuses(built: Path):
    (built / "pages" / "new.txt").write_text("Raqqa news\n\nThe battle for Raqqa. معركة الرقة.\n", "utf-8")
    ingest(["pages"], "corpus", index=None)  # the corpus moves on, the index does not
    result = CliRunner().invoke(main, ["search", "Raqqa"])
    assert result.exit_code == 0
    warnings = [line for line in result.output.splitlines() if line.startswith("Warning:")]
    assert warnings == ["Warning: the index at index lags behind the corpus at corpus (an update was "
                        "interrupted or the corpus changed since): results may be missing or out of date; "
                        "run `bicorpus ingest` or `bicorpus reindex`"]
    result = CliRunner().invoke(main, ["search", "Raqqa", "--json"])
    document = json.loads(result.output[result.output.index("{"):])
    assert "lags behind" in document["stale"]
    with open_index("index") as ix:
        assert ix.stale and ix.search("Raqqa").stale == ix.stale
    with pytest.raises(SearchIndexError, match="lags behind"):
        open_index("index", strict=True)
    result = CliRunner().invoke(main, ["search", "Raqqa", "--strict"])
    assert result.exit_code == 1 and "lags behind" in _one_error_line(result.output)
    reindex("corpus", "index")
    with open_index("index", strict=True) as ix:
        assert ix.stale is None and ix.search("Raqqa").stale is None


def test_a_date_filter_counts_the_undated_passages_it_leaves_out(built: Path):
    page = "Raqqa notes\n\nThe road to Raqqa was closed. طريق الرقة مغلق.\n\nRaqqa again. الرقة مجددا.\n"
    (built / "pages" / "undated.txt").write_text(page, "utf-8")
    ingest(["pages"], "corpus", index="index")
    with open_index("index") as ix:
        everything = ix.search("Raqqa", limit=100).total
        dated = ix.search("Raqqa", since="2017", limit=100)
        kept = ix.search("Raqqa", since="2017", include_undated=True, limit=100)
    assert dated.undated_left_out >= 2
    assert dated.total + dated.undated_left_out == everything == kept.total
    assert kept.undated_left_out == 0
    result = CliRunner().invoke(main, ["search", "Raqqa", "--since", "2017"])
    note = f"Note: the date filter left out {dated.undated_left_out} undated matching passages " \
           "(--include-undated keeps them)."
    assert note in result.output.splitlines()
    result = CliRunner().invoke(main, ["search", "Raqqa", "--since", "2017", "--include-undated", "--json"])
    assert json.loads(result.output)["total"] == everything


def test_two_corpora_cannot_write_one_index_at_once(built: Path):
    (built / "other").mkdir()
    (built / "other" / "o.txt").write_text("Mosul\n\nThe battle for Mosul. معركة الموصل.\n", "utf-8")
    from bicorpus.lock import index_lock

    with index_lock("index"):  # another ingest is writing the index
        result = CliRunner().invoke(main, ["ingest", "other", "--corpus", "corpus2", "--index", "index"])
    assert result.exit_code == 1
    assert _one_error_line(result.output).startswith("Error: index at index is locked by PID ")
    assert check("corpus", "index").ok  # the index still matches the corpus it was built from


def test_opening_the_index_retries_when_a_commit_removes_its_table_of_contents(built: Path,
                                                                            monkeypatch: pytest.MonkeyPatch):
    """A reader lists the index's files, then reads the newest table of contents; a commit in
    between removes it (``FileNotFoundError … _MAIN_5.toc``).  Every read of it must retry."""
    from whoosh.index import TOC

    real = TOC.read.__func__
    calls = {"n": 0}

    def racing(cls, storage, indexname, gen=None, schema=None):
        calls["n"] += 1
        if calls["n"] == 2:  # the second read of the open: the commit has just removed the file
            raise FileNotFoundError(2, "No such file or directory", "index/_MAIN_5.toc")
        return real(cls, storage, indexname, gen, schema)

    monkeypatch.setattr(TOC, "read", classmethod(racing))
    with open_index("index") as ix:
        assert ix.search("Nusra").total > 0
    assert calls["n"] >= 3


def test_a_full_disk_during_an_index_build_leaves_no_partial_segment(built: Path):
    before = {p.name for p in (built / "index").iterdir()}
    limit = max(p.stat().st_size for p in (built / "index").iterdir()) // 3
    code = ("import resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
            f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit})); "
            "from bicorpus.cli import main; sys.exit(main())")
    result = subprocess.run([sys.executable, "-c", code, "reindex"], cwd=built, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    assert _one_error_line(result.stderr).startswith("Error: cannot write the index at index: File too large")
    after = {p.name for p in (built / "index").iterdir()}
    assert after - before <= {".bicorpus-lock"}, after - before
    assert check("corpus", "index").ok  # the old index still serves


def test_passage_and_neighbours_carry_every_field_of_the_corpus(built: Path):
    from bicorpus.corpus import open_corpus

    with open_corpus("corpus") as corpus:
        stored = next(p for p in corpus.passages() if p.honorific and p.linked_title)
    with open_index("index") as ix:
        found = ix.passage(stored.id)
        before, after = ix.neighbours(stored.id, 1)
    assert found is not None
    assert (found.honorific, found.linked_title, found.lang_share) == (
        stored.honorific, stored.linked_title, stored.lang_share)
    assert found.honorific == "د." and found.lang_share
    assert all(p.lang_share for p in before + after)
    result = CliRunner().invoke(main, ["show", stored.id])
    assert "honorific: د." in result.output
    assert f"linked_title: {stored.linked_title}" in result.output
    result = CliRunner().invoke(main, ["show", stored.id, "--json"])
    assert json.loads(result.output)["passage"]["honorific"] == "د."


def test_a_passage_in_context_reads_its_document_once_and_a_missing_id_is_one_error(built: Path):
    from bicorpus.corpus import open_corpus
    from bicorpus.errors import PassageNotFound

    with open_corpus("corpus") as corpus:
        document = [p for p in corpus.passages() if p.doc_id == next(corpus.passages()).doc_id]
    middle = document[len(document) // 2]
    with open_index("index") as ix:
        found = ix.in_context(middle.id, 1)
        with pytest.raises(PassageNotFound, match=r"no passage 'nope-0001' .*ids look like"):
            ix.in_context("nope-0001")
        assert ix.neighbours("nope-0001") == ([], [])
    assert found.passage.id == middle.id
    assert [p.id for p in found.document] == [p.id for p in document]
    i = len(document) // 2
    assert [p.id for p in found.before] == [p.id for p in document[max(0, i - 1):i]]
    assert [p.id for p in found.after] == [p.id for p in document[i + 1:i + 2]]
