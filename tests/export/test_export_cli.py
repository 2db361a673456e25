"""The `bicorpus export` command: formats, filters, safe output, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bicorpus.cli import main
from bicorpus.export import FORMATS


def run(corpus: Path, *args: str):
    return CliRunner().invoke(main, ["export", "--corpus", str(corpus), *args])


def _one_line_error(result) -> str:
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert "Traceback" not in result.output
    assert lines[0].startswith("Error: ")
    return lines[0]


def test_jsonl_to_stdout_keeps_arabic_readable(corpus_dir: Path) -> None:
    result = run(corpus_dir, "--format", "jsonl", "--lang", "ar")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(r["lang"] == "ar" for r in rows)
    assert rows[0]["schema_version"] == 1
    assert "أخبار المركز" in result.stdout  # not \u escapes
    assert rows[1]["author"] == "سعيد عكاشة"
    assert rows[1]["document"]["path"] == "seeds/000_365465f9b8a3ec32.txt"


def test_unknown_format_lists_the_valid_ones(corpus_dir: Path) -> None:
    line = _one_line_error(run(corpus_dir, "--format", "docx"))
    assert "docx" in line
    for fmt in FORMATS:
        assert fmt in line


@pytest.mark.parametrize(
    ("args", "valid"),
    [
        (["--lang", "fr"], ["ar", "en", "mixed"]),
        (["--region", "footer"], ["site-header", "title", "body", "boilerplate"]),
        (["--since", "April 2017"], ["YYYY-MM-DD"]),
        (["--colour", "red"], ["--lang", "--region", "--doc", "--since", "--until", "--query"]),
    ],
)
def test_unknown_filter_is_one_line_listing_valid_values(corpus_dir: Path, args: list[str], valid) -> None:
    line = _one_line_error(run(corpus_dir, "--format", "csv", *args))
    for value in valid:
        assert value in line


def test_missing_format_is_one_line(corpus_dir: Path) -> None:
    line = _one_line_error(run(corpus_dir))
    assert "--format" in line and "jsonl" in line


def test_stray_argument_is_one_line(corpus_dir: Path) -> None:
    line = _one_line_error(run(corpus_dir, "--format", "csv", "corpus.csv"))
    assert "corpus.csv" in line and "--help" in line


def test_out_never_overwrites_without_force(corpus_dir: Path, out_dir: Path) -> None:
    target = out_dir / "corpus.csv"
    target.write_text("precious", encoding="utf-8")
    line = _one_line_error(run(corpus_dir, "--format", "csv", "--out", str(target)))
    assert "already exists" in line and "--force" in line
    assert target.read_text(encoding="utf-8") == "precious"
    assert sorted(p.name for p in out_dir.iterdir()) == ["corpus.csv"]  # no card, no temp file
    result = run(corpus_dir, "--format", "csv", "--out", str(target), "--force")
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("id,doc_id,ordinal")


def test_existing_card_is_not_overwritten_either(corpus_dir: Path, out_dir: Path) -> None:
    card = out_dir / "corpus.tsv.README.md"
    card.write_text("my notes", encoding="utf-8")
    _one_line_error(run(corpus_dir, "--format", "tsv", "--out", str(out_dir / "corpus.tsv")))
    assert card.read_text(encoding="utf-8") == "my notes"
    assert not (out_dir / "corpus.tsv").exists()


def test_no_matching_passage_writes_nothing(corpus_dir: Path, out_dir: Path) -> None:
    result = run(corpus_dir, "--format", "csv", "--since", "2030", "--out", str(out_dir / "x.csv"))
    line = _one_line_error(result)
    assert "no passage matches" in line and "since=2030" in line
    assert list(out_dir.iterdir()) == []


def test_filters_combine(corpus_dir: Path) -> None:
    result = run(corpus_dir, "--format", "jsonl", "--region", "body", "--since", "2017-04", "--until", "2018")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["000_365465f9b8a3ec32:0005", "000_365465f9b8a3ec32:0007"]


def test_doc_filter(corpus_dir: Path) -> None:
    result = run(corpus_dir, "--format", "txt", "--doc", "001_arabic-article")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert lines[0] == "بِسْمِ الله: الجماعات المسلحة في دير الزور"


def test_card_is_written_next_to_the_export(corpus_dir: Path, out_dir: Path) -> None:
    target = out_dir / "bullets.csv"
    result = run(corpus_dir, "--format", "csv", "--region", "site-header", "--out", str(target))
    assert result.exit_code == 0, result.output
    card = (out_dir / "bullets.csv.README.md").read_text(encoding="utf-8")
    assert "| passages | 3 |" in card
    assert "| documents | 1 |" in card
    assert "| ar | 3 |" in card
    assert "- region: `site-header`" in card
    assert "seeds/000_365465f9b8a3ec32.txt" in card
    assert "| linked_title | str |" in card
    command = next(line for line in card.splitlines() if line.startswith("bicorpus export "))
    assert {"--format csv", "--region site-header", f"--out {target}"} <= {
        " ".join(pair) for pair in zip(command.split()[2::2], command.split()[3::2], strict=False)
    }
    assert '"schema_version": 1' in card
    assert "exported 3 passages of 1 document as csv" in result.stderr


def test_no_card(corpus_dir: Path, out_dir: Path) -> None:
    result = run(corpus_dir, "--format", "jsonl", "--no-card", "--out", str(out_dir / "c.jsonl"))
    assert result.exit_code == 0, result.output
    assert [p.name for p in out_dir.iterdir()] == ["c.jsonl"]


def test_excel_csv_has_bom_and_crlf(corpus_dir: Path, out_dir: Path) -> None:
    target = out_dir / "excel.csv"
    result = run(corpus_dir, "--format", "csv", "--excel", "--out", str(target))
    assert result.exit_code == 0, result.output
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid,doc_id,")
    assert raw.count(b"\r\n") >= 14
    plain = out_dir / "plain.csv"
    run(corpus_dir, "--format", "csv", "--out", str(plain))
    assert not plain.read_bytes().startswith(b"\xef\xbb\xbf")
    assert b"\r\n" not in plain.read_bytes().replace("\r\nثمّ".encode(), b"")


def test_excel_only_for_delimited(corpus_dir: Path) -> None:
    assert "--excel" in _one_line_error(run(corpus_dir, "--format", "tei", "--excel"))


def test_split_writes_one_file_per_document_inside_the_folder(corpus_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "tei"
    result = run(corpus_dir, "--format", "tei", "--split", "--out", str(target))
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in target.iterdir())
    assert "000_365465f9b8a3ec32.xml" in names and "001_arabic-article.xml" in names
    assert "README.md" in names
    assert len(names) == 4
    weird = [n for n in names if n.startswith("_")]
    assert len(weird) == 1 and "/" not in weird[0] and ".." not in weird[0]
    assert not (tmp_path / "escape").exists()
    assert all(p.resolve().parent == target.resolve() for p in target.iterdir())


def test_split_and_parquet_need_a_path(corpus_dir: Path) -> None:
    assert "--out" in _one_line_error(run(corpus_dir, "--format", "tei", "--split"))
    assert "--out" in _one_line_error(run(corpus_dir, "--format", "parquet"))


def test_missing_corpus_is_one_line(tmp_path: Path) -> None:
    line = _one_line_error(run(tmp_path / "nowhere", "--format", "csv"))
    assert "no corpus" in line


def test_help_mentions_buckwalter_and_formats() -> None:
    result = CliRunner().invoke(main, ["export", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "Buckwalter" in text and "camel" in text
    for fmt in FORMATS:
        assert fmt in text


def test_a_date_filter_keeps_undated_passages_only_when_asked(corpus_dir: Path) -> None:
    every = [json.loads(line) for line in run(corpus_dir, "--format", "jsonl").stdout.splitlines()]
    undated = {r["id"] for r in every if not r["date"]}
    assert undated, "the sample corpus has undated passages"
    dated = run(corpus_dir, "--format", "jsonl", "--since", "2017")
    kept = run(corpus_dir, "--format", "jsonl", "--since", "2017", "--include-undated")
    assert dated.exit_code == 0 and kept.exit_code == 0, dated.output + kept.output
    dated_ids = {json.loads(line)["id"] for line in dated.stdout.splitlines()}
    kept_ids = {json.loads(line)["id"] for line in kept.stdout.splitlines()}
    assert not dated_ids & undated
    assert kept_ids == dated_ids | undated
