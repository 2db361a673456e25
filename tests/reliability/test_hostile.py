"""Hostile input: huge files, special files, scripts in HTML, paths escaping the export folder,
corpus files that are valid JSON of the wrong shape.  One clear line each, bounded memory."""

from __future__ import annotations

import json
import os
import resource
from pathlib import Path

import pytest
from click.testing import CliRunner

from bicorpus.api import ingest, search
from bicorpus.cli import main
from bicorpus.corpus import CorpusTransaction, open_corpus
from bicorpus.errors import AliasFileError, CorpusError, QueryError, SourceError
from bicorpus.model import Document, Passage
from bicorpus.names import Gazetteer
from bicorpus.sources import read_source

GB = 2**30


def _sparse(path: Path, size: int, head: bytes = b"Raqqa \xd8\xa7\xd9\x84\xd8\xb1\xd9\x82\xd8\xa9 ") -> Path:
    """A file of ``size`` bytes that takes no disk space (a hole after ``head``)."""
    with open(path, "wb") as fh:
        fh.write(head)
        fh.truncate(size)
    return path


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_a_1_gb_page_is_refused_before_it_is_read(work):
    _sparse(work / "pages" / "huge.txt", GB)
    before = _peak_rss_mb()
    result = CliRunner().invoke(main, ["ingest", "pages", "--no-index"])
    assert result.exit_code == 1
    expected = "skipped pages/huge.txt: file too large (1024.0 MB; the limit is 32 MB, see --max-size)"
    assert expected in result.output
    assert "Traceback" not in result.output
    assert _peak_rss_mb() - before < 200  # nothing near the file's size was read
    with open_corpus("corpus") as corpus:
        assert corpus.manifest["documents"] == 6  # the rest still went in


def test_a_100_mb_line_is_refused_by_the_size_limit(tmp_path: Path):
    page = _sparse(tmp_path / "line.txt", 100 * 2**20, b"x" * 1000)  # one line, no newline
    with pytest.raises(SourceError, match="file too large"):
        read_source(page)


def test_a_file_growing_past_the_limit_while_read_is_cut_at_the_limit(tmp_path: Path):
    page = tmp_path / "page.txt"
    page.write_text("ISIS " * 1000, "utf-8")
    with pytest.raises(SourceError, match="file too large"):
        read_source(page, max_bytes=1000)


def test_special_files_never_block(tmp_path: Path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(SourceError, match="not a regular file"):
        read_source(fifo)
    with pytest.raises(SourceError, match="not a regular file"):
        read_source("/dev/zero")


def test_a_1_gb_alias_file_is_refused(tmp_path: Path):
    aliases = _sparse(tmp_path / "aliases.txt", GB, b"[isis]\nen: ISIS\n")
    before = _peak_rss_mb()
    with pytest.raises(AliasFileError, match=r"aliases.txt: alias file too large"):
        Gazetteer.load([aliases])
    assert _peak_rss_mb() - before < 200


def test_a_huge_query_is_refused_at_once(built):
    with pytest.raises(QueryError, match="query is too long"):
        search("Raqqa " * 20_000_000, index="index")  # 120 MB


def test_scripts_and_event_handlers_never_reach_text_or_index(work):
    page = work / "pages" / "evil.html"
    page.write_text(
        "<html><head><title>x</title><script>var PAYLOADSCRIPT = 1;</script></head><body>"
        "<h1>Raqqa</h1><p onclick=\"PAYLOADHANDLER()\">النصرة في <b onmouseover='PAYLOADHOVER'>الرقة</b></p>"
        "<style>.PAYLOADSTYLE{}</style><img src=x onerror=PAYLOADIMG>"
        "<svg><script>PAYLOADSVG</script></svg><iframe src='javascript:PAYLOADFRAME'></iframe>"
        "<noscript>PAYLOADNOSCRIPT</noscript><a href=\"javascript:PAYLOADHREF\">link</a></body></html>",
        "utf-8",
    )
    ingest(["pages"], "corpus", index="index")
    corpus_text = (work / "corpus" / "passages.jsonl").read_text("utf-8")
    assert "النصرة في الرقة" in corpus_text
    assert "PAYLOAD" not in corpus_text
    assert search("PAYLOADSCRIPT OR PAYLOADHANDLER OR PAYLOADIMG OR PAYLOADHREF", index="index").total == 0
    assert search("الرقة", index="index").total >= 1


def _corpus_with_doc_id(folder: Path, doc_id: str) -> Path:
    doc = Document(id=doc_id, path="x.txt", size=5, encoding="utf-8", sha256="0" * 64, format="txt",
                   title="t", date=None, lang="en", n_passages=1, mtime=None)
    passage = Passage(id=f"{doc_id}-0000", doc_id=doc_id, ordinal=0, lang="en", region="body",
                      text="Raqqa", norm="raqqa", start=0, end=5)
    with CorpusTransaction(folder) as tx:
        tx.add_document(doc)
        tx.add_passage(passage)
        tx.commit({"schema_version": 1, "documents": 1, "passages": 1})
    return folder


@pytest.mark.parametrize("doc_id", ["../../escaped", "/tmp/escaped-abs", "..", "a/../../escaped", "CON",
                                    "دير/../../الزور"])
def test_export_split_never_writes_outside_its_folder(tmp_path: Path, doc_id: str):
    from bicorpus.export import export_corpus

    corpus = _corpus_with_doc_id(tmp_path / "corpus", doc_id)
    out = tmp_path / "out" / "split"
    out.mkdir(parents=True)
    export_corpus(corpus, "txt", out, split=True)
    written = [p for p in tmp_path.rglob("*") if p.is_file() and "corpus" not in p.parts]
    assert written and all(out in p.parents for p in written)
    assert not Path("/tmp/escaped-abs.txt").exists()


@pytest.mark.parametrize("manifest", ["[1, 2]", "\"text\"", "null", "{\"schema_version\": 1"])
def test_manifest_of_the_wrong_shape_is_one_line(tmp_path: Path, manifest: str):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "manifest.json").write_text(manifest, "utf-8")
    with pytest.raises(CorpusError, match=r"manifest .* is unreadable"):
        open_corpus(corpus)
    result = CliRunner().invoke(main, ["stats", "--corpus", str(corpus)])
    assert result.exit_code == 1 and result.output.startswith("Error: corpus manifest")


def test_rows_of_the_wrong_shape_are_one_line(built):
    path = built / "corpus" / "passages.jsonl"
    path.write_text("[1, 2, 3]\n" + path.read_text("utf-8"), "utf-8")
    result = CliRunner().invoke(main, ["stats"])
    assert result.exit_code == 1
    assert "passages.jsonl:1: corrupt line (not a JSON object)" in result.output
    assert "Traceback" not in result.output


def test_lock_file_replaced_by_a_directory(built):
    lock = built / "corpus" / ".lock"
    lock.unlink()
    lock.mkdir()
    result = CliRunner().invoke(main, ["ingest", "pages", "--no-index"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot write the corpus at corpus")


def test_manifest_json_is_never_executed_or_expanded(built):
    manifest = json.loads((built / "corpus" / "manifest.json").read_text("utf-8"))
    assert isinstance(manifest["sources"], dict)  # plain data through json.loads, nothing else


def test_prune_from_another_working_directory_keeps_documents_whose_files_exist(work, monkeypatch):
    ingest(["pages"], "corpus", index=None)
    elsewhere = work / "elsewhere"
    (elsewhere / "more").mkdir(parents=True)
    new_page = "Report on Raqqa\n\nالرقة ودير الزور في تقرير جديد.\n"
    (elsewhere / "more" / "new.txt").write_text(new_page, "utf-8")
    monkeypatch.chdir(elsewhere)
    report = ingest(["more", str(work / "pages")], str(work / "corpus"), index=None, prune=True)
    assert report.removed == []
    assert len(report.added) == 1 and len(report.unchanged) == 6  # the same files, recognised
    with open_corpus(work / "corpus") as corpus:
        paths = sorted(d.path for d in corpus.documents())
    assert paths == ["elsewhere/more/new.txt", *(f"pages/p{i:03d}.txt" for i in range(6))]
    (work / "pages" / "p000.txt").unlink()
    report = ingest([str(work / "pages")], str(work / "corpus"), index=None, prune=True)
    assert len(report.removed) == 1  # only the file really gone


@pytest.mark.parametrize("markup", [
    '<p>Raqqa</p><![&;|\n{*"<*?WNU R S<p>الرقة</p>',  # found by bench/fuzz.py: AssertionError in html.parser
    "<!DOCTYPE html [ <!x> ]><p>Raqqa</p><p>الرقة</p>",
    "<!DOCTYPE html [ % ]><p>Raqqa</p><p>الرقة</p>",
    "<![CDATA[ unfinished <p>Raqqa</p><p>الرقة</p>",
    "<!ELEMENT [ x ><p>Raqqa</p><p>الرقة</p>",
])
def test_malformed_declarations_do_not_crash_the_html_reader(tmp_path: Path, markup: str):
    page = tmp_path / "page.html"
    page.write_text(markup, "utf-8")
    try:
        src = read_source(page)
    except SourceError as err:  # acceptable only as a one-line refusal
        assert "\n" not in str(err)
        return
    assert "الرقة" in src.text


FULL_DISK = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), int(sys.argv[1])))
from bicorpus.cli import main
sys.argv = ["bicorpus", *sys.argv[2:]]
main()
"""


def test_a_full_disk_is_one_line_and_loses_nothing(built):
    """Writes past a file size limit (as on a full disk) fail with one line; the corpus stays as it was."""
    import subprocess
    import sys

    from reliability_helpers import write_pages

    before = (built / "corpus" / "passages.jsonl").read_bytes()
    write_pages(built / "pages", 40, "B")
    result = subprocess.run([sys.executable, "-c", FULL_DISK, "30000", "ingest", "pages"], cwd=built,
                            capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip().splitlines()[-1] == (
        "Error: cannot write the corpus at corpus: File too large; the corpus was left as it was")
    assert (built / "corpus" / "passages.jsonl").read_bytes() == before
    assert not (built / "corpus" / ".pending").exists()
    # the index files of these 48 passages are a few KB each
    result = subprocess.run([sys.executable, "-c", FULL_DISK, "1000", "reindex"], cwd=built,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.startswith("Error: ")
    repaired = CliRunner().invoke(main, ["reindex"])  # with room again
    assert repaired.exit_code == 0, repaired.output
    assert CliRunner().invoke(main, ["check"]).exit_code == 0
