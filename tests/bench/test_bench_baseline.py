"""The plain-Whoosh baseline: its passage split, its index, its searches."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from baseline import (
    BaselineSearcher,
    build_baseline,
    build_baseline_from,
    passages_from_corpus,
    passages_from_pages,
    split_page,
)
from common import BenchQuery
from generate import generate_page, write_pages

SEED_PAGE = Path(__file__).resolve().parents[2] / "seeds" / "000_365465f9b8a3ec32.txt"

ROWS = [
    {"id": "d1:0", "doc_id": "d1", "lang": "en", "region": "title", "date": "2017-04-12",
     "text": "Why did ISIS and al-Nusra Front Strike a Deal?"},
    {"id": "d1:1", "doc_id": "d1", "lang": "en", "region": "body", "date": "2017-04-12",
     "text": "The coalition prepares the battle for Raqqa while ISIS retreats from Mosul."},
    {"id": "d2:0", "doc_id": "d2", "lang": "ar", "region": "body", "date": "2021-10-04",
     "text": "تشير المعطيات إلى أن تنظيم داعش يتراجع في الرقة ودير الزور."},
    {"id": "d2:1", "doc_id": "d2", "lang": "ar", "region": "site-header", "date": "2021-10-04",
     "text": "• د. أيمن سمير يكتب: (بين التوحد والتفكك: ما بعد الأسد)"},
    {"id": "d3:0", "doc_id": "d3", "lang": "en", "region": "body", "date": "2019-01-01",
     "text": "Residents of Raqqah reported clashes with Daesh near Deir ez-Zor."},
]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory):
    index_dir = tmp_path_factory.mktemp("baseline")
    build = build_baseline(ROWS, index_dir)
    assert build.passages == len(ROWS)
    with BaselineSearcher(index_dir, limit=50) as s:
        yield s


def test_split_of_the_sample_page() -> None:
    pieces = split_page(SEED_PAGE.read_text("utf-8"))
    regions = [r for r, _ in pieces]
    assert regions[:6] == ["site-header"] * 6  # label + 5 bullets
    assert pieces[1][1].startswith("• سعيد عكاشة يكتب")
    assert pieces[6] == ("title", "Why did ISIS and al-Nusra Front Strike a Deal?")
    assert pieces[7] == ("dateline", "12 أبريل، 2017")
    assert regions[8:] == ["body"] * (len(pieces) - 8)
    assert ("body", "Obvious Retreat") in pieces


def test_passages_from_generated_pages(tmp_path: Path) -> None:
    write_pages(tmp_path, 30, seed=4)
    rows = list(passages_from_pages(tmp_path))
    assert {r["doc_id"] for r in rows} == {p.stem for p in tmp_path.glob("*.txt")}
    assert {r["lang"] for r in rows} >= {"ar", "en"}
    assert {r["region"] for r in rows} >= {"site-header", "title", "dateline", "body"}
    assert len({r["id"] for r in rows}) == len(rows)
    assert all(r["date"] and re.fullmatch(r"\d{4}", r["date"]) for r in rows)
    joined = "\n".join(r["text"] for r in rows)
    page = generate_page(4, 0)
    assert page.split("\n\n")[-1].strip()[:40] in joined


def test_passages_from_corpus_reads_the_jsonl(tmp_path: Path) -> None:
    with (tmp_path / "passages.jsonl").open("w", encoding="utf-8") as fh:
        for row in ROWS:
            record = {**row, "norm": row["text"].lower(), "ordinal": 0}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        fh.write("\n")
    assert list(passages_from_corpus(tmp_path)) == ROWS


def test_search_finds_exactly_the_passages_with_the_word(searcher: BaselineSearcher) -> None:
    assert searcher.search(BenchQuery("single", "Raqqa")) == 1  # no Raqqah: no name expansion
    assert searcher.search(BenchQuery("single", "ISIS")) == 2
    assert searcher.search(BenchQuery("cross-script", "داعش")) == 1
    assert searcher.search(BenchQuery("cross-script", "الرقة")) == 1
    assert searcher.search(BenchQuery("single", "Nusra")) == 1
    assert searcher.search(BenchQuery("single", "Tadmur")) == 0


def test_phrases_and_multiword_names(searcher: BaselineSearcher) -> None:
    assert searcher.search(BenchQuery("phrase", '"battle for Raqqa"')) == 1
    assert searcher.search(BenchQuery("phrase", '"Raqqa battle"')) == 0
    assert searcher.search(BenchQuery("multiword", "Deir ez-Zor")) == 1
    # plain words: the clitic in "ودير الزور" hides it from "دير الزور"
    assert searcher.search(BenchQuery("cross-script", "دير الزور")) == 0
    assert searcher.search(BenchQuery("cross-script", "الزور")) == 1


def test_filters(searcher: BaselineSearcher) -> None:
    assert searcher.search(BenchQuery("filtered", "ISIS", lang="en")) == 2
    assert searcher.search(BenchQuery("filtered", "ISIS", lang="ar")) == 0
    assert searcher.search(BenchQuery("filtered", "Raqqa", region="title")) == 0
    assert searcher.search(BenchQuery("filtered", "Raqqah", since="2018")) == 1
    assert searcher.search(BenchQuery("filtered", "Raqqa", since="2018")) == 0


def test_build_from_pages_folder(tmp_path: Path) -> None:
    write_pages(tmp_path / "pages", 20, seed=8)
    expected = len(list(passages_from_pages(tmp_path / "pages")))
    build = build_baseline_from(tmp_path / "pages", tmp_path / "ix", from_corpus=False)
    assert build.passages == expected
    assert build.seconds >= build.add_seconds > 0 and build.text_mb > 0
    with BaselineSearcher(tmp_path / "ix", limit=10_000) as s:
        assert s.search(BenchQuery("common", "organization")) > 0
