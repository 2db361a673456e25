"""Text-page layout rules: a breadcrumb trail opening on the site's home page ends on the page's
headline (no trail splitter counts its parts), a masthead naming a "Dr." editor, an appeal for
money over the page."""

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


def test_an_appeal_for_money_above_the_headline_is_never_the_title():
    appeal = "UNITED24 - Make a charitable donation in support of Ukraine!"
    paras = ["The Coordination Framework is an umbrella bloc of Iraqi Shiite parties united mostly by their "
             "opposition to the movement of Muqtada al-Sadr, formed after the elections of October 2021.",
             "The framework included a group of forces allied with Iran and the Popular Mobilization Forces, "
             "and it named the prime minister after the Sadrists withdrew from parliament."]
    text = "\n".join([appeal, "Military", "Coordination Framework", *paras])
    assert regions(text)[appeal] not in ARTICLE
    assert analyze(text).title != appeal
    appeal_ar = "تبرع اليوم لمساعدة المعهد في توسيع نطاق تحليلاته"
    text = "\n".join([appeal_ar, PARA_AR, PARA_AR2])
    assert regions(text)[appeal_ar] not in ARTICLE
    assert analyze(text).title is None


def test_a_story_sentence_about_a_donation_stays_body():
    body = "He urged people to make a donation to the Red Crescent before the winter sets in."
    text = "\n".join([PARA_EN, body, PARA_EN2])
    assert regions(text)[body] == "body"


def test_a_trail_with_long_parts_is_navigation_never_the_title():
    from bicorpus.layout_trail import headline_trail

    crumb = "Back to Journals » Hepatic Medicine: Evidence and Research » Volume 16"
    title = "Advancing Hepatitis C Elimination in Africa: Insights from Egypt"
    paras = ["Hepatitis C remains a major cause of liver disease across Africa, and Egypt has shown how a "
             "national screening campaign can bring the number of new infections down within a decade.",
             "The Egyptian programme screened more than sixty million people and treated those found "
             "infected free of charge, which the authors describe as a model for the continent."]
    text = "\n".join([crumb, title, *paras])
    assert regions(text)[crumb] not in ARTICLE
    assert analyze(text).title == title
    crumb_ar = "الصفحة الأولى › أخبار عربية وعالمية › هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب"
    assert is_navigation(crumb_ar)
    assert headline_trail(crumb_ar)
    assert not headline_trail("Syria > Iraq > Lebanon, the report said, in that order.")
    assert not headline_trail("In 2014 the group said » it would fight » until the end")  # no name first
