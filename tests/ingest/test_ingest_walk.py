"""Walking the input folders: symbolic links, loops, undecodable file names, files of other kinds,
missing paths and pages with nothing to read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from bicorpus.cli import main
from bicorpus.corpus import open_corpus
from bicorpus.pipeline import ingest
from bicorpus.sources import BAD_NAME, Skipped, walk_sources

PAGE = "مقتل قيادي في هيئة تحرير الشام بإدلب\nAbu Mohammad al-Jolani said the Nusra Front would stay.\n"


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.txt").write_text(PAGE, encoding="utf-8")
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def outside(work):
    """A page outside pages/, and links to it and to its folder from inside pages/."""
    (work / "private").mkdir()
    (work / "private" / "secret.txt").write_text("Secret notes about Raqqa.\n")
    (work / "pages" / "secret.txt").symlink_to(work / "private" / "secret.txt")
    (work / "pages" / "private").symlink_to(work / "private")
    return work


def test_links_out_of_the_folder_are_skipped_with_the_reason(outside):
    report = ingest(["pages"], "corpus")
    assert [d.path for d in open_corpus("corpus").documents()] == ["pages/a.txt"]
    assert report.ok
    reasons = dict(report.skipped)
    assert set(reasons) == {"pages/private", "pages/secret.txt"}
    assert all("outside the folders named (--follow-links follows it)" in r for r in reasons.values())
    result = run("ingest", "pages", "--corpus", "c2", "--no-index")
    assert result.exit_code == 0, result.output
    assert "skipped pages/secret.txt: symbolic link to " in result.output


def test_follow_links_reads_them(outside):
    result = run("ingest", "pages", "--no-index", "--follow-links")
    assert result.exit_code == 0, result.output
    paths = sorted(d.path for d in open_corpus("corpus").documents())
    assert paths[0] == "pages/a.txt" and paths[1] in ("pages/private/secret.txt", "pages/secret.txt")
    assert "symbolic link" not in result.output


def test_links_between_the_folders_named_are_followed(work):
    (work / "more").mkdir()
    (work / "more" / "b.txt").write_text("Deir ez-Zor and Raqqa.\n")
    (work / "pages" / "b.txt").symlink_to(work / "more" / "b.txt")
    found = [e for e in walk_sources([work / "pages", work / "more"])]
    assert work / "pages" / "b.txt" in found and not any(isinstance(e, Skipped) for e in found)


def test_loops_are_reported_as_loops(work):
    (work / "pages" / "sub").mkdir()
    (work / "pages" / "sub" / "up").symlink_to(work / "pages")
    (work / "pages" / "self.txt").symlink_to(work / "pages" / "self.txt")
    report = ingest(["pages"], "corpus")
    assert dict(report.failures) == {"pages/self.txt": "symbolic link loop (the link leads back to itself)"}
    reason = dict(report.skipped)["pages/sub/up"]
    assert reason.startswith("symbolic link loop (back to ") and "broken" not in reason
    assert len(report.added) == 1


def test_undecodable_file_name_is_reported_escaped_and_the_rest_goes_in(work):
    bad = os.fsdecode(b"pages/bad\xff.txt")
    Path(bad).write_text("Raqqa page with a bad name.\n")
    report = ingest(["pages"], "corpus")
    assert len(report.added) == 1
    assert report.failures == [("pages/bad\\xff.txt", BAD_NAME)]
    result = run("ingest", "pages", "--corpus", "c2", "--index", "i2")
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert "skipped pages/bad\\xff.txt: file name is not valid UTF-8" in result.output
    assert "internal error" not in result.output
    assert len(list(open_corpus("c2").documents())) == 1
    named = ingest([bad], "c3")  # named on the command line
    assert named.failures == [("pages/bad\\xff.txt", BAD_NAME)]


def test_missing_input_path_is_one_error_line_and_creates_no_folders(work):
    result = run("ingest", "nope/")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == ["Error: no such file or folder: nope"]
    assert not (work / "corpus").exists() and not (work / "index").exists()
    report = ingest(["nope"], "corpus")
    assert report.failures == [("nope", "no such file")] and not (work / "corpus").exists()


def test_a_folder_of_other_kinds_ends_with_a_hint(work):
    (work / "pdfs").mkdir()
    for name in ("a.pdf", "b.PDF", "c.docx", "notes"):
        (work / "pdfs" / name).write_bytes(b"%PDF-1.4 not a page")
    report = ingest(["pdfs"], "corpus")
    assert dict(report.unsupported) == {".pdf": 2, ".docx": 1, "no extension": 1}
    assert report.to_dict()["unsupported"] == {".pdf": 2, ".docx": 1, "no extension": 1}
    assert not (work / "corpus").exists()
    result = run("ingest", "pdfs")
    assert result.exit_code == 0
    assert "not read: 2 .pdf, 1 .docx, 1 no extension (bicorpus reads .txt, .text, .html, .htm, .xhtml, " \
           ".warc, .warc.gz files)" in result.output
    assert not (work / "corpus").exists() and not (work / "index").exists()


def test_whitespace_and_invisible_only_pages(work):
    (work / "pages" / "zw.txt").write_text("\u00a0\u200b\n\u200b \u200b\n")
    (work / "pages" / "mixed.txt").write_text("Raqqa was retaken in 2017.\n\n\u200b\u200b\n\n\u00a0\u200b\n\n"
                                              "The SDF held it after that.\n")
    report = ingest(["pages"], "corpus")
    assert report.failures == [("pages/zw.txt", "no text (only blank or invisible characters)")]
    passages = list(open_corpus("corpus").passages())
    assert passages and all(p.norm for p in passages)
    mixed = [p for p in passages if "SDF" in p.text or "Raqqa" in p.text]
    assert [p.ordinal for p in mixed] == [0, 1]


def test_a_page_with_a_stray_byte_goes_in_with_one_warning_line(work):
    data = PAGE.encode("utf-8")
    (work / "pages" / "stray.txt").write_bytes(data[:30] + b"\x92" + data[30:])
    result = run("ingest", "pages", "--no-index")
    assert result.exit_code == 0, result.output
    assert "warning pages/stray.txt: 1 invalid byte sequence read as U+FFFD (encoding utf-8)" in result.output
    assert "2 added" in result.output
    report = ingest(["pages"], "c2")
    assert report.to_dict()["warnings"] == [
        {"path": "pages/stray.txt", "warning": "1 invalid byte sequence read as U+FFFD (encoding utf-8)"}]
    doc = next(d for d in open_corpus("c2").documents() if d.path == "pages/stray.txt")
    assert doc.meta == {"replacement_chars": 1} and doc.encoding == "utf-8"
