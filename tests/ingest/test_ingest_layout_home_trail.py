"""Text-page layout rules: a breadcrumb trail opening on the site's home page ends on the page's
headline (no trail splitter counts its parts), and a masthead naming a "Dr." editor."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.layout import analyze, is_navigation

ARTICLE = ("title", "subtitle", "dateline", "body", "heading")


def test_a_trail_from_home_to_the_headline_is_navigation():
    title = "Iraqi forces and coalition prepare the battle to retake Mosul .. the full story from the start"
    crumb = f"Home / Articles / Issues / {title}"
    text = "\n".join([crumb, title, PARA_EN, PARA_EN2])
    got = regions(text)
    assert got[crumb] not in ARTICLE
    assert got[title] == "title"
    assert analyze(text).title == title
    title_ar = "نزار سمير يكتب | هيئة تحرير الشام .. القصة الكاملة من البداية إلى النهاية في إدلب وريفها"
    crumb_ar = f"الرئيسية / مقالات / قضايا / {title_ar}"
    text = "\n".join([crumb_ar, '" هيئة تحرير الشام "', title_ar, PARA_AR, PARA_AR2])
    assert regions(text)[crumb_ar] not in ARTICLE
    assert analyze(text).title == title_ar


def test_a_sentence_starting_with_home_is_no_trail():
    assert not is_navigation("Home to two million people, the city fell in 2014.")
    assert not is_navigation("الرئيسية في هذه المرحلة هي حماية المدنيين")


def test_a_masthead_with_an_abbreviated_title_before_the_name_is_chrome():
    masthead = "رئيس مجلس الإدارة : د. خالد بن سالم"
    text = "\n".join([masthead, "رئيس التحرير: جابر سالم", PARA_AR, PARA_AR2])
    assert regions(text)[masthead] not in ARTICLE
    masthead_en = "Editor-in-Chief: Dr. John Smith"
    text = "\n".join([masthead_en, PARA_EN, PARA_EN2])
    assert regions(text)[masthead_en] not in ARTICLE


def test_a_sentence_naming_a_dr_editor_stays_body():
    body = "وقال رئيس التحرير د. خالد بن سالم إن الصحيفة ستواصل العمل رغم الضغوط التي تتعرض لها."
    text = "\n".join([PARA_AR, body, PARA_AR2])
    assert regions(text)[body] == "body"
