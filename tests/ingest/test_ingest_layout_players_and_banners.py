"""Text-page layout rules: an article's audio player, a wiki's edit links, "read the full article"
in other languages, a government site's banner, an outlet's name under the story."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.layout import analyze

ARTICLE = {"body", "title", "subtitle", "heading", "dateline"}


def test_an_audio_player_line_is_boilerplate():
    for player in ("Getting your Trinity Audio player ready...", "Listen to this article",
                   "Your browser does not support the audio element."):
        text = "\n".join(["Gulf ports see record traffic this winter", player, PARA_EN, PARA_EN2])
        assert regions(text)[player] == "boilerplate"
    player = "استمع إلى المقال"
    text = "\n".join(["موانئ الخليج تسجل حركة قياسية هذا الشتاء", player, PARA_AR, PARA_AR2])
    assert regions(text)[player] == "boilerplate"


def test_a_sentence_about_listening_stays_text():
    line = "Listen to the latest episode of our podcast, featuring the region's ministers and envoys."
    text = "\n".join([PARA_EN, line, PARA_EN2])
    assert regions(text)[line] not in {"boilerplate", "site-header"}


def test_a_wikis_edit_links_are_not_headings():
    text = "\n".join(["History", "[edit]", PARA_EN, "Economy", "[edit]", PARA_EN2])
    got = regions(text)
    assert got["[edit]"] == "boilerplate"
    text = "\n".join(["التاريخ", "عدل", PARA_AR, "الاقتصاد", "عدل", PARA_AR2])
    assert regions(text)["عدل"] == "boilerplate"


def test_read_the_full_article_in_other_languages_is_boilerplate():
    for more in ("Den vollständigen Artikel lesen ...", "Lire la suite", "Leggi tutto", "Leer más"):
        text = "\n".join([PARA_EN, PARA_EN2, more])
        assert regions(text)[more] == "boilerplate", more
        text = "\n".join([PARA_AR, PARA_AR2, more])
        assert regions(text)[more] == "boilerplate", more


def test_a_government_sites_banner_is_not_the_title():
    title = "Iraqi forces launch their offensive to retake Mosul"
    text = "\n".join(["An official website of the Government of Saudi Arabia", title, PARA_EN, PARA_EN2])
    assert analyze(text).title == title
    assert regions(text)["An official website of the Government of Saudi Arabia"] not in ARTICLE
    title_ar = "هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب"
    banner_ar = "موقع حكومي رسمي تابع لحكومة المملكة العربية السعودية"
    text = "\n".join([banner_ar, title_ar, PARA_AR, PARA_AR2])
    assert analyze(text).title == title_ar
    assert regions(text)[banner_ar] not in ARTICLE


def test_a_numeric_date_written_month_first_dates_the_page():
    title = "Iraqi forces launch their offensive to retake Mosul"
    text = "\n".join([title, "04-21-2023 02:59 PM", PARA_EN, PARA_EN2])
    assert analyze(text).date == "2023-04-21"
    title_ar = "هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب"
    text = "\n".join([title_ar, "01/31/2021", PARA_AR, PARA_AR2])
    assert analyze(text).date == "2021-01-31"


def test_a_numeric_date_both_readings_allow_is_read_day_first():
    title = "Iraqi forces launch their offensive to retake Mosul"
    text = "\n".join([title, "04/05/2021", PARA_EN, PARA_EN2])
    assert analyze(text).date == "2021-05-04"
    text = "\n".join([title, "31/01/2021", PARA_EN, PARA_EN2])
    assert analyze(text).date == "2021-01-31"


def test_an_outlets_name_under_the_last_paragraph_is_boilerplate():
    title = "Iraqi forces launch their offensive to retake Mosul"
    text = "\n".join([title, PARA_EN, PARA_EN2, "Levant News Agency (LNA)"])
    assert regions(text)["Levant News Agency (LNA)"] == "boilerplate"
    title_ar = "هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب"
    text = "\n".join([title_ar, PARA_AR, PARA_AR2, "وكالة الأنباء الشامية"])
    assert regions(text)["وكالة الأنباء الشامية"] == "boilerplate"


def test_a_short_line_of_text_under_the_last_paragraph_is_no_outlet():
    title = "Iraqi forces launch their offensive to retake Mosul"
    line = "the news agency said later"
    text = "\n".join([title, PARA_EN, PARA_EN2, line])
    assert regions(text)[line] != "boilerplate"
    title_ar = "هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب"
    text = "\n".join([title_ar, PARA_AR, "وكالة الأنباء الشامية", PARA_AR2])
    assert regions(text)["وكالة الأنباء الشامية"] != "boilerplate"


def test_a_pictures_file_name_is_boilerplate():
    for label in ("Jane & Omar_Figure 3 (1)", "IMG_20240612_101522", "img 20210603 232525"):
        text = "\n".join([PARA_EN, label, PARA_EN2])
        assert regions(text)[label] == "boilerplate", label
        text = "\n".join([PARA_AR, label, PARA_AR2])
        assert regions(text)[label] == "boilerplate", label


def test_a_numbered_list_item_joined_by_an_underscore_is_no_file_name():
    item = "1_وقف إطلاق النار في إدلب"
    text = "\n".join([PARA_AR, item, PARA_AR2])
    assert regions(text)[item] != "boilerplate"


def test_a_posted_by_line_is_the_pages_byline_not_its_title():
    text = "\n".join(["Posted by: Levant News Agency", PARA_EN, PARA_EN2])
    layout = analyze(text)
    assert layout.title is None
    assert layout.author == "Levant News Agency"
    text = "\n".join(["نشر بواسطة: وكالة الأنباء الشامية", PARA_AR, PARA_AR2])
    layout = analyze(text)
    assert layout.title is None
    assert layout.author == "وكالة الأنباء الشامية"
