"""Output files: per-document names never escape their folder; failed exports leave nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bicorpus.errors import ExportError
from bicorpus.export import export_corpus
from bicorpus.export.base import Transaction, file_inside, safe_file_stem, variant_path

NASTY = ["../../etc/passwd", "..", ".", "", "/abs/path", "a/b", "a\\b", "CON", "nul.txt", ".hidden",
         "x" * 300, "دير الزور/٢", "ok_id-1.2"]


@pytest.mark.parametrize("doc_id", NASTY)
def test_stems_stay_inside_the_folder(doc_id: str, tmp_path: Path) -> None:
    stem = safe_file_stem(doc_id)
    assert stem and "/" not in stem and "\\" not in stem and not stem.startswith(".")
    assert len(stem) <= 111
    assert file_inside(tmp_path, stem + ".xml").parent == tmp_path.resolve()


def test_clean_ids_are_kept_and_others_are_marked() -> None:
    assert safe_file_stem("ok_id-1.2") == "ok_id-1.2"
    assert safe_file_stem("3a7ee3b77219d152") == "3a7ee3b77219d152"
    assert safe_file_stem("دير_الزور") == "دير_الزور"
    assert safe_file_stem("a/b").startswith("a_b-")
    assert safe_file_stem("CON").startswith("CON-")


@given(st.text(max_size=40), st.text(max_size=40))
def test_distinct_ids_get_distinct_stems(a: str, b: str) -> None:
    if a != b:
        assert safe_file_stem(a) != safe_file_stem(b)


@given(st.text(max_size=60))
def test_any_id_lands_inside(doc_id: str) -> None:
    folder = Path("/tmp/bicorpus-export-folder")
    stem = safe_file_stem(doc_id)
    assert (folder / (stem + ".xml")).resolve().parent == folder.resolve()


def test_file_inside_refuses_escapes(tmp_path: Path) -> None:
    for name in ("../x.xml", "sub/../../x.xml", "/etc/x.xml"):
        with pytest.raises(ExportError, match="outside"):
            file_inside(tmp_path, name)


def test_variant_path() -> None:
    assert variant_path(Path("out/corpus.txt"), "ar") == Path("out/corpus.ar.txt")
    assert variant_path(Path("out/corpus"), "en") == Path("out/corpus.en")
    assert variant_path(Path("out/corpus.txt"), None) == Path("out/corpus.txt")


def test_failed_transaction_leaves_no_file(tmp_path: Path) -> None:
    existing = tmp_path / "keep.csv"
    existing.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), Transaction(force=True) as tx:
        tx.open(existing).write("new")
        tx.open(tmp_path / "fresh.csv").write("new")
        raise RuntimeError("disk full")
    assert existing.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.csv"]


def test_split_into_an_existing_folder_does_not_replace_files(corpus_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "split"
    export_corpus(corpus_dir, "jsonl", folder, split=True)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    (folder / "001_arabic-article.jsonl").write_text("edited by hand", encoding="utf-8")
    with pytest.raises(ExportError, match="already exists"):
        export_corpus(corpus_dir, "jsonl", folder, split=True, card=False)
    assert (folder / "001_arabic-article.jsonl").read_text(encoding="utf-8") == "edited by hand"
    assert {p.name for p in folder.iterdir()} == set(before)  # no temporary files left
    export_corpus(corpus_dir, "jsonl", folder, split=True, force=True)
    assert (folder / "001_arabic-article.jsonl").read_bytes() == before["001_arabic-article.jsonl"]


def test_split_target_that_is_a_file(corpus_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "file.xml"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="--split needs a folder"):
        export_corpus(corpus_dir, "tei", target, split=True)


def test_unwritable_text_is_one_clear_error(make_corpus, tmp_path: Path, records) -> None:
    docs, passages = records
    passages[3].text = "broken \udcff surrogate"
    corpus = make_corpus(tmp_path / "corpus", docs, passages, ascii=True)
    with pytest.raises(ExportError, match=r"000_365465f9b8a3ec32.*UTF-8"):
        export_corpus(corpus, "csv", tmp_path / "out.csv")
    assert not (tmp_path / "out.csv").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["corpus"]
