"""Ingest over a process pool gives byte for byte the corpus a single process gives."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bicorpus import pipeline
from bicorpus.corpus import DOCUMENTS_FILE, MANIFEST_FILE, PASSAGES_FILE

BENCH_DIR = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(BENCH_DIR))
    try:
        from generate import write_pages
    finally:
        sys.path.remove(str(BENCH_DIR))
    out = tmp_path_factory.mktemp("pool") / "pages"
    write_pages(out, 60, seed=5)
    (out / "000030_broken.txt").write_bytes(b"\x00\x01binary\x00" * 10)  # fails in the middle
    third = next(iter(sorted(out.glob("000003_*.txt"))))
    (out / "000031_copy.txt").write_bytes(third.read_bytes())  # a duplicate of page 3
    (out / "000032_arabic.txt").write_text("عنوان الصفحة\n\nقالت جبهة النصرة إن دير الزور هادئة.\n", "utf-8")
    return out


def _files(corpus: Path) -> dict[str, bytes]:
    return {name: (corpus / name).read_bytes() for name in (DOCUMENTS_FILE, PASSAGES_FILE, MANIFEST_FILE)}


def _run(pages: Path, corpus: Path, pool_min: int, monkeypatch: pytest.MonkeyPatch, **options):
    monkeypatch.setattr(pipeline, "POOL_MIN_FILES", pool_min)
    errors: list[tuple[str, str]] = []
    seen: list[int] = []
    report = pipeline.ingest([pages], corpus, on_error=lambda p, r: errors.append((p, r)),
                             progress=lambda done, total, path: seen.append(done), **options)
    return report, errors, seen


def test_pool_and_single_process_write_the_same_corpus(tmp_path: Path, pages: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    single = _run(pages, tmp_path / "single", 10**9, monkeypatch)
    pooled = _run(pages, tmp_path / "pooled", 1, monkeypatch)
    assert pooled[0].to_dict() == single[0].to_dict()
    assert pooled[1] == single[1] and len(pooled[1]) == 1 and "000030_broken" in pooled[1][0][0]
    assert pooled[2] == single[2] == sorted(single[2])
    assert len(single[0].duplicates) == 1 and single[0].passages > 300
    a, b = _files(tmp_path / "single"), _files(tmp_path / "pooled")
    assert a[DOCUMENTS_FILE] == b[DOCUMENTS_FILE] and a[PASSAGES_FILE] == b[PASSAGES_FILE]
    assert "جبهة النصرة".encode() in b[PASSAGES_FILE]


def test_pool_reingest_recognizes_unchanged_and_changed_files(tmp_path: Path, pages: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    _run(pages, corpus, 1, monkeypatch)
    page = next(iter(sorted(pages.glob("000010_*.txt"))))
    original = page.read_bytes()
    try:
        page.write_bytes(original + b"\n\nA new closing paragraph about Raqqa.\n")
        report, _, _ = _run(pages, corpus, 1, monkeypatch)
    finally:
        page.write_bytes(original)
    assert len(report.changed) == 1 and not report.added
    assert len(report.unchanged) == 60 - 1 + 1  # every other page, and the Arabic one


def test_pool_strict_stops_at_the_first_failure(tmp_path: Path, pages: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    report, errors, _ = _run(pages, tmp_path / "corpus", 1, monkeypatch, strict=True)
    assert report.stopped and len(errors) == 1
    assert not (tmp_path / "corpus" / MANIFEST_FILE).exists()


def test_pool_reingest_of_a_changed_page_among_unchanged_ones_writes_what_one_process_writes(
        tmp_path: Path, pages: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # only the changed page travels to the workers; its result must land in its own place
    corpora = {"pooled": (tmp_path / "pooled", 1), "single": (tmp_path / "single", 10**9)}
    for corpus, pool_min in corpora.values():
        _run(pages, corpus, pool_min, monkeypatch)
    page = next(iter(sorted(pages.glob("000020_*.txt"))))
    original = page.read_bytes()
    try:
        page.write_bytes(original + "\n\nفقرة ختامية جديدة عن الرقة. A new closing paragraph.\n".encode())
        reports = {name: _run(pages, corpus, least, monkeypatch)[0]
                   for name, (corpus, least) in corpora.items()}
    finally:
        page.write_bytes(original)
    assert reports["pooled"].to_dict() == reports["single"].to_dict() and len(reports["pooled"].changed) == 1
    pooled, single = _files(tmp_path / "pooled"), _files(tmp_path / "single")
    assert pooled[DOCUMENTS_FILE] == single[DOCUMENTS_FILE] and pooled[PASSAGES_FILE] == single[PASSAGES_FILE]
    assert "فقرة ختامية جديدة".encode() in pooled[PASSAGES_FILE]
