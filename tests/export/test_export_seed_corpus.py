"""Export of a real corpus: the seed pages ingested by the pipeline, read back from every format."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from bicorpus.corpus import open_corpus
from bicorpus.export import export_corpus
from bicorpus.export.delimited import read_csv_records
from bicorpus.export.jsonl import import_jsonl, read_jsonl
from bicorpus.export.tei import read_tei
from bicorpus.export.vertical import read_vertical


@pytest.mark.parametrize(
    ("fmt", "reader"),
    [
        ("jsonl", read_jsonl),
        ("csv", read_csv_records),
        ("tsv", partial(read_csv_records, delimiter="\t")),
        ("tei", read_tei),
        ("vertical", read_vertical),
    ],
)
def test_seed_corpus_round_trips(seed_corpus: Path, tmp_path: Path, fmt: str, reader) -> None:
    corpus = open_corpus(seed_corpus)
    docs = {d.id: d for d in corpus.documents()}
    expected = [(docs[p.doc_id], p) for p in corpus.passages()]
    export_corpus(corpus, fmt, tmp_path / f"seed.{fmt}")
    assert list(reader(tmp_path / f"seed.{fmt}")) == expected


def test_seed_header_bullets_export(seed_corpus: Path, tmp_path: Path) -> None:
    report = export_corpus(seed_corpus, "jsonl", tmp_path / "bullets.jsonl", region="site-header")
    bullets = [p for _, p in read_jsonl(tmp_path / "bullets.jsonl")]
    assert report.stats.passages == len(bullets) >= 5
    assert {"سعيد عكاشة", "أيمن سمير"} <= {p.author for p in bullets}
    assert all(p.lang == "ar" and p.region == "site-header" for p in bullets)


def test_seed_jsonl_reimport_is_identical(seed_corpus: Path, tmp_path: Path) -> None:
    export_corpus(seed_corpus, "jsonl", tmp_path / "all.jsonl")
    copy = import_jsonl(tmp_path / "all.jsonl", tmp_path / "copy")
    original = open_corpus(seed_corpus)
    assert list(copy.documents()) == list(original.documents())
    assert list(copy.passages()) == list(original.passages())

