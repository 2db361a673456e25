"""Generated pages go through bicorpus's own ingest like the scraped pages they imitate."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from generate import write_pages

from bicorpus.corpus import open_corpus
from bicorpus.pipeline import ingest


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("gen")
    write_pages(root / "pages", 60, seed=21)
    report = ingest([root / "pages"], root / "corpus")
    assert report.ok and not report.duplicates
    return report, open_corpus(root / "corpus")


def test_every_page_becomes_a_document_with_title_and_date(corpus) -> None:
    report, c = corpus
    docs = list(c.documents())
    assert report.documents == len(docs) == 60
    assert all(d.title and d.date for d in docs)
    langs = Counter(d.lang for d in docs)
    assert langs["en"] > langs["ar"] > 0


def test_passages_per_page_and_regions(corpus) -> None:
    report, c = corpus
    passages = list(c.passages())
    assert report.passages == len(passages)
    assert 6 <= len(passages) / 60 <= 11
    regions = Counter(p.region for p in passages)
    assert regions["site-header"] > 0 and regions["title"] == 60 and regions["dateline"] == 60
    assert regions["body"] >= 60
    assert {p.lang for p in passages} >= {"ar", "en"}


def test_header_bullets_carry_their_authors(corpus) -> None:
    _, c = corpus
    bullets = [p for p in c.passages() if p.region == "site-header" and p.text.lstrip().startswith("•")]
    assert bullets
    assert all(p.author and p.author in p.text for p in bullets)
    assert any(p.honorific for p in bullets)


def test_reingest_of_unchanged_pages_changes_nothing(corpus, tmp_path: Path) -> None:
    _, c = corpus
    again = ingest([c.path.parent / "pages"], c.path)
    assert not (again.added or again.changed or again.removed)
    assert len(again.unchanged) == 60
