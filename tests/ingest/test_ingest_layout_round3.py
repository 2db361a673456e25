"""Text-page layout rules: labelled bylines (``الكاتب:``, ``ترجمة:``, ``By;``), …"""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.layout import analyze, parse_page_byline

# --- bylines ----------------------------------------------------------------------------------------


def test_labelled_bylines_are_bylines_not_titles():
    assert parse_page_byline("الكاتب: يوسف دياب").author == "يوسف دياب"
    assert parse_page_byline("ترجمة : باسل وطفة").author == "باسل وطفة"
    assert parse_page_byline("By; Zagazola Makama").author == "Zagazola Makama"
    assert parse_page_byline("الكاتب الصحفي يتحدث عن الحرب") is None  # no label colon: a sentence
    text = "\n".join(["المصدر: الشرق الأوسط", "الكاتب: يوسف دياب", "الاثنين 10 تشرين الثاني 2025 06:12:29",
                      PARA_AR, PARA_AR2])
    layout = analyze(text)
    assert layout.title is None
    assert layout.author == "يوسف دياب"
    got = regions(text)
    assert got["الكاتب: يوسف دياب"] != "body"
