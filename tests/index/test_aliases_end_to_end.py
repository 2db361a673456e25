"""User alias files, end to end: ``--aliases`` on ingest, search and reindex, and the Python API.

The index records the alias files it was built with (paths and hashes); searches reload them,
and an index built with other alias files asks for ``bicorpus reindex`` in one line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import bicorpus
from bicorpus.cli import main
from bicorpus.errors import AliasFileError, SearchIndexError

ALIASES = """# Entities missing from the shipped gazetteer
[hurras]
type: organization
en: Hurras al-Din | Guardians of Religion
ar: حراس الدين | تنظيم حراس الدين
related: part-of qaeda
"""

PAGE = """Notes from the north

Fighters of Hurras al-Din were seen near Idlib.

قال بيان لتنظيم حراس الدين إن القصف استهدف مواقع في إدلب.

The Guardians of Religion denied the report.

Nothing else happened in Hama.
"""


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "north.txt").write_text(PAGE, "utf-8")
    (tmp_path / "mine.txt").write_text(ALIASES, "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def search(*args: str) -> dict:
    code, out = run("search", *args, "--json", "--limit", "50")
    assert code == 0, out
    return json.loads(out)


def spans(doc: dict) -> dict[str, str]:
    return {m["text"]: m["tier"] for h in doc["hits"] for m in h["matches"]}


def test_an_alias_file_links_the_names_of_a_new_entity(work: Path) -> None:
    code, out = run("ingest", "pages", "--aliases", "mine.txt", "-q")
    assert code == 0, out
    latin = spans(search("Hurras al-Din"))
    assert latin["Hurras al-Din"] == "exact"
    assert any("حراس الدين" in text and tier == "alias" for text, tier in latin.items())
    assert latin["Guardians of Religion"] == "alias"
    arabic = spans(search("حراس الدين"))
    assert arabic["Guardians of Religion"] == "alias"
    assert any("Hurras" in text for text in arabic)
    hits = search("حراس الدين")["hits"]
    assert all(m["entity"] == "hurras" for h in hits for m in h["matches"] if m["tier"] == "alias")


def test_without_the_alias_file_the_new_entity_is_unknown(work: Path) -> None:
    code, out = run("ingest", "pages", "-q")
    assert code == 0, out
    assert "Guardians of Religion" not in spans(search("حراس الدين"))


def test_the_index_records_the_alias_files(work: Path) -> None:
    run("ingest", "pages", "--aliases", "mine.txt", "-q")
    record = json.loads((work / "index" / "bicorpus.json").read_text("utf-8"))
    [(path, digest)] = record["aliases"]
    assert Path(path) == (work / "mine.txt").resolve()
    assert len(digest) == 64
    assert record["gazetteer"]  # the shipped gazetteer's fingerprint


def test_search_with_the_same_aliases_works_and_with_others_says_reindex(work: Path) -> None:
    run("ingest", "pages", "--aliases", "mine.txt", "-q")
    assert spans(search("Guardians of Religion", "--aliases", "mine.txt"))
    (work / "other.txt").write_text("[other]\ntype: other\nen: Something Else\n", "utf-8")
    code, out = run("search", "Hurras", "--aliases", "other.txt")
    assert code == 1
    assert out.count("\n") == 1 and out.startswith("Error:") and "bicorpus reindex --aliases" in out
    assert "Traceback" not in out


def test_a_changed_alias_file_asks_for_reindex_and_ingest_repairs_it(work: Path) -> None:
    run("ingest", "pages", "--aliases", "mine.txt", "-q")
    (work / "mine.txt").write_text(ALIASES + "\n[hama]\ntype: location\nen: Hamah\n", "utf-8")
    code, out = run("search", "Hurras")
    assert code == 1 and "changed since the index" in out and "bicorpus reindex" in out
    code, out = run("ingest", "pages", "-q")  # keeps the recorded alias files, rebuilds on their new content
    assert code == 0, out
    assert spans(search("Guardians of Religion"))


def test_reindex_switches_alias_sets(work: Path) -> None:
    run("ingest", "pages", "-q")
    assert "Guardians of Religion" not in spans(search("حراس الدين"))
    code, out = run("reindex", "--aliases", "mine.txt")
    assert code == 0, out
    assert spans(search("حراس الدين"))["Guardians of Religion"] == "alias"
    code, out = run("reindex")  # keeps the recorded alias files
    assert code == 0, out
    assert spans(search("حراس الدين"))["Guardians of Religion"] == "alias"
    code, out = run("reindex", "--no-aliases")
    assert code == 0, out
    assert "Guardians of Religion" not in spans(search("حراس الدين"))


def test_bad_alias_files_get_one_line(work: Path) -> None:
    code, out = run("ingest", "pages", "--aliases", "missing.txt", "-q")
    assert code == 1 and "missing.txt: alias file not found" in out and "Traceback" not in out
    assert not (work / "corpus").exists()  # checked before anything was read
    (work / "broken.txt").write_text("name without an entity\n", "utf-8")
    code, out = run("ingest", "pages", "--aliases", "broken.txt", "-q")
    assert code == 1 and "broken.txt" in out and out.strip().count("\n") == 0
    code, out = run("reindex", "--aliases", "mine.txt", "--no-aliases")
    assert code == 1 and "exclude each other" in out


def test_a_vanished_alias_file_says_what_to_do(work: Path) -> None:
    run("ingest", "pages", "--aliases", "mine.txt", "-q")
    (work / "mine.txt").unlink()
    code, out = run("search", "Hurras")
    assert code == 1 and "alias file not found" in out and "--no-aliases" in out


def test_python_api(work: Path) -> None:
    bicorpus.ingest([work / "pages"], work / "corpus", index=work / "index", aliases=[work / "mine.txt"])
    result = bicorpus.search("Guardians of Religion", index=work / "index")
    assert any("حراس الدين" in m.text and m.tier == "alias" for h in result.hits for m in h.matches)
    with bicorpus.open_index(work / "index", aliases=[work / "mine.txt"]) as ix:
        assert ix.search("حراس الدين").hits
    with pytest.raises(SearchIndexError, match="reindex"):
        bicorpus.open_index(work / "index", aliases=[])
    assert bicorpus.reindex(work / "corpus", work / "index", aliases=()) > 0
    plain = bicorpus.search("حراس الدين", index=work / "index")
    assert not any(m.tier == "alias" for h in plain.hits for m in h.matches)
    with pytest.raises(AliasFileError):
        bicorpus.reindex(work / "corpus", work / "index", aliases=[work / "nope.txt"])
