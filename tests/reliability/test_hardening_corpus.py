"""A damaged corpus is never carried forward, and no corpus row reaches the user as a traceback."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bicorpus.check import check
from bicorpus.cli import main
from bicorpus.corpus import open_corpus
from bicorpus.errors import CorpusError


def _rows(path: Path) -> list[str]:
    return path.read_text("utf-8").splitlines()


def _write_rows(path: Path, rows: list[str]) -> None:
    path.write_text("\n".join(rows) + "\n", "utf-8")


def _fingerprint(corpus: Path) -> str:
    return hashlib.sha256((corpus / "manifest.json").read_bytes()).hexdigest()


def _change_a_page(work: Path) -> None:
    page = work / "pages" / "p000.txt"
    more = "\nThe battle for Raqqa goes on. معركة الرقة مستمرة.\n"
    page.write_text(page.read_text("utf-8") + more, "utf-8")


def test_a_repeated_row_stops_the_ingest_with_file_and_line(built: Path):
    path = built / "corpus" / "passages.jsonl"
    rows = _rows(path)
    _write_rows(path, [*rows[:3], rows[2], *rows[3:]])
    before = _fingerprint(built / "corpus")
    _change_a_page(built)
    result = CliRunner().invoke(main, ["ingest", "pages", "--no-index"])
    assert result.exit_code == 1
    assert result.output.strip().startswith("Error: corpus/passages.jsonl:4: corrupt row (id ")
    assert "repeats an earlier row" in result.output
    assert _fingerprint(built / "corpus") == before  # nothing was committed
    assert not check("corpus", None).ok  # and check keeps reporting the damage


@pytest.mark.parametrize(("field", "value", "reason"), [
    ("lang", "xx", "bad lang 'xx'"),
    ("region", "../evil", "bad region '../evil'"),
])
def test_a_row_with_an_unknown_lang_or_region_stops_the_ingest(built: Path, field: str, value: str,
                                                               reason: str):
    path = built / "corpus" / "passages.jsonl"
    rows = _rows(path)
    row = json.loads(rows[4])
    row[field] = value
    rows[4] = json.dumps(row, ensure_ascii=False)
    _write_rows(path, rows)
    before = _fingerprint(built / "corpus")
    _change_a_page(built)
    result = CliRunner().invoke(main, ["ingest", "pages", "--no-index"])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: corpus/passages.jsonl:5: corrupt row ({reason})"
    assert _fingerprint(built / "corpus") == before
    problems = [p.what for p in check("corpus", None).problems]
    assert any(reason in what for what in problems), problems


NESTED = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize("args", [
    ["stats"], ["export", "--format", "jsonl", "--out", "-"], ["check", "--no-index"],
    ["ingest", "pages", "--no-index"], ["reindex"],
])
def test_a_deeply_nested_row_is_one_line(built: Path, args: list[str]):
    path = built / "corpus" / "passages.jsonl"
    rows = _rows(path)
    _write_rows(path, [*rows[:2], NESTED, *rows[2:]])
    _change_a_page(built)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output[-300:]
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert "corpus/passages.jsonl:3: corrupt JSON line (nested deeper than 32 levels)" in result.output


@pytest.mark.parametrize("args", [["export", "--format", "jsonl", "--out", "-"], ["reindex"], ["stats"]])
def test_a_number_where_a_date_belongs_is_one_line(built: Path, args: list[str]):
    path = built / "corpus" / "passages.jsonl"
    rows = _rows(path)
    row = json.loads(rows[1])
    row["date"] = 12345
    rows[1] = json.dumps(row, ensure_ascii=False)
    _write_rows(path, rows)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output[-300:]
    assert result.output.strip().endswith("Error: corpus/passages.jsonl:2: corrupt row (bad date)")


def test_a_schema_version_written_as_text_is_named_as_such(built: Path):
    path = built / "corpus" / "manifest.json"
    manifest = json.loads(path.read_text("utf-8"))
    manifest["schema_version"] = "1"
    path.write_text(json.dumps(manifest), "utf-8")
    with pytest.raises(CorpusError) as err:
        open_corpus("corpus")
    assert 'a schema_version that is not a whole number ("1")' in str(err.value)
    assert "has schema version 1," not in str(err.value)


def test_a_row_with_a_field_this_bicorpus_does_not_know_is_read_without_it(built: Path):
    # a row written by another bicorpus version may hold more fields: they are left out, and the
    # passage is the one the row without them gives
    path = built / "corpus" / "passages.jsonl"
    rows = _rows(path)
    first = json.loads(rows[0])
    before = next(open_corpus(built / "corpus").passages())
    _write_rows(path, [json.dumps({**first, "colour": "red"}, ensure_ascii=False), *rows[1:]])
    after = next(open_corpus(built / "corpus").passages())
    assert after == before and after.text == first["text"] and not hasattr(after, "colour")
