"""`bicorpus check` finds every disagreement between corpus files, manifest and index; ingest and
reindex repair the index."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from reliability_helpers import write_pages

from bicorpus.api import ingest, reindex, search
from bicorpus.check import check, index_record, sync_index
from bicorpus.cli import main
from bicorpus.corpus import open_corpus


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_a_fresh_corpus_and_index_agree(built):
    report = check("corpus", "index")
    assert report.ok, report.problems
    assert report.facts["documents"] == 6
    assert report.facts["passages"] == report.facts["index_passages"] > 6
    assert report.facts["file_hashes"] == "match"
    with open_corpus("corpus") as corpus:
        assert index_record("index")["corpus"] == corpus.fingerprint
    result = _run("check")
    assert result.exit_code == 0, result.output
    assert "ok: corpus and index agree" in result.output


def test_json_report(built):
    result = _run("check", "--json")
    data = json.loads(result.output)
    assert data["ok"] is True and data["problems"] == []
    assert data["versions"]["schema_version"] == 1


def test_index_left_behind_is_detected_and_ingest_repairs_it(built):
    write_pages(built / "pages", 8, "B")
    ingest(["pages"], "corpus", index=None, prune=True)  # as if killed before the index update
    report = check("corpus", "index")
    assert not report.ok
    assert {p.where for p in report.problems} == {"index"}
    assert any("another state of the corpus" in p.what for p in report.problems)
    assert all("bicorpus reindex" in p.repair for p in report.problems)
    result = _run("check")
    assert result.exit_code == 1
    assert "problem (index)" in result.output and "to repair: run `bicorpus reindex`" in result.output
    # nothing changed on disk since: a plain re-run still brings the index in step
    assert sync_index("corpus", "index") == "rebuilt"
    assert check("corpus", "index").ok
    assert any("B" in h.text for h in search("Report", index="index", limit=50).hits)


def test_ingest_cli_repairs_a_lagging_index_even_when_nothing_changed(built):
    write_pages(built / "pages", 7, "B")
    assert _run("ingest", "pages", "--prune", "--no-index").exit_code == 0
    assert not check("corpus", "index").ok
    result = _run("ingest", "pages", "--prune")  # no page changed: the corpus stays, the index catches up
    assert result.exit_code == 0, result.output
    assert "0 added, 0 changed" in result.output
    assert check("corpus", "index").ok


def test_incremental_update_when_the_index_is_current(built):
    before = open_corpus("corpus").fingerprint
    write_pages(built / "pages", 7, "A")  # one page more, the others unchanged
    report = ingest(["pages"], "corpus", index=None)
    assert report.before == before and report.after != before and len(report.added) == 1
    assert sync_index("corpus", "index", changed=report.added, before=report.before) == "updated"
    assert check("corpus", "index").ok
    assert sync_index("corpus", "index") == "current"


def test_reindex_repairs_a_deleted_or_damaged_index(built):
    shutil.rmtree(built / "index")
    report = check("corpus", "index")
    assert [p.where for p in report.problems] == ["index"]
    assert "no index" in report.problems[0].what
    assert reindex("corpus", "index") > 0
    assert check("corpus", "index").ok
    (built / "index" / "bicorpus.json").write_text("{not json")
    assert not check("corpus", "index").ok
    assert _run("reindex").exit_code == 0
    assert _run("check").exit_code == 0


def test_edited_corpus_file_is_detected(built):
    path = built / "corpus" / "passages.jsonl"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    row = json.loads(lines[0])
    row["text"] = row["text"].replace("ع", "غ", 1) if "ع" in row["text"] else row["text"] + "!"
    lines[0] = json.dumps(row, ensure_ascii=False) + "\n"
    path.write_text("".join(lines), "utf-8")
    report = check("corpus", None)
    assert [p.where for p in report.problems] == ["corpus"]
    assert "passages.jsonl does not match its manifest record" in report.problems[0].what
    assert "NEW_DIR" in report.problems[0].repair


def test_truncated_and_corrupt_files_are_one_line_problems(built):
    path = built / "corpus" / "passages.jsonl"
    data = path.read_bytes()
    path.write_bytes(data[: data.index(b"\n", len(data) // 2) + 20])  # cut in the middle of a line
    result = _run("check", "--no-index")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "corrupt JSON line" in result.output
    problems = [line for line in result.output.splitlines() if line.startswith("problem")]
    assert problems and all(line.count("\n") == 0 for line in problems)


def test_counts_disagreeing_with_the_manifest(built):
    path = built / "corpus" / "documents.jsonl"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:-1]), "utf-8")
    whats = " | ".join(p.what for p in check("corpus", None).problems)
    assert "manifest says documents 6, the files hold 5" in whats
    assert "belong to no document" in whats


def test_no_corpus(tmp_path: Path):
    result = _run("check", "--corpus", str(tmp_path / "nothing"), "--index", str(tmp_path / "none"))
    assert result.exit_code == 1
    assert "no corpus at" in result.output
    assert not (tmp_path / "nothing").exists()  # check creates nothing


def test_interrupted_write_is_a_note_not_a_problem(built):
    pending = built / "corpus" / ".pending"
    pending.mkdir()
    (pending / "passages.jsonl").write_text("half a line", "utf-8")
    report = check("corpus", "index")
    assert report.ok
    assert "never committed" in report.facts["interrupted_write"]
    assert "note: an interrupted write" in _run("check").output


def test_quick_check_skips_the_id_comparison(built):
    assert _run("check", "--quick").exit_code == 0


def test_edited_manifest_is_detected_by_its_checksum(built):
    path = built / "corpus" / "manifest.json"
    manifest = json.loads(path.read_text("utf-8"))
    manifest["max_passage_chars"] = 999  # nothing else disagrees with this edit
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2), "utf-8")
    whats = [p.what for p in check("corpus", None).problems]
    assert whats == ["manifest.json does not match its checksum: it was changed or damaged outside bicorpus"]


def test_missing_final_newline_is_a_difference_too(built):
    path = built / "corpus" / "documents.jsonl"
    path.write_bytes(path.read_bytes().rstrip(b"\n"))
    assert any("documents.jsonl does not match" in p.what for p in check("corpus", None).problems)
