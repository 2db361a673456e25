"""Text-page layout rules: an article's audio player, a wiki's edit links, "read the full article"
in other languages, a government site's banner, keyword stuffing and injected gambling spam."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.layout import analyze
from bicorpus.layout_spam import gambling_spam, keyword_stuffed

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


def test_a_keyword_stuffed_line_is_boilerplate():
    stuffed = "olive oil export olive oil exports tunisia olive oil export in tunisia"
    text = "\n".join([PARA_EN, PARA_EN2, "", stuffed])
    assert regions(text)[stuffed] == "boilerplate"
    stuffed_ar = "زيت الزيتون تصدير زيت الزيتون تونس تصدير زيت الزيتون في تونس"
    text = "\n".join([PARA_AR, PARA_AR2, "", stuffed_ar])
    assert regions(text)[stuffed_ar] == "boilerplate"


def test_a_sentence_that_repeats_words_is_not_stuffing():
    assert not keyword_stuffed("the olive oil of Tunisia and the olive oil of Spain")  # 10 words, 7 distinct
    assert not keyword_stuffed("oil oil oil oil oil oil oil, oil")  # punctuation: written for readers
    assert not keyword_stuffed("زيت الزيتون زيت الزيتون")  # too short


def test_injected_gambling_links_are_boilerplate():
    spam = "onewin casino bet mostbet aviator lucky jet pinup online 1xbet bonus"
    title = "Iraqi forces launch their offensive to retake Mosul"
    text = "\n".join([spam, title, PARA_EN, PARA_EN2])
    assert regions(text)[spam] == "boilerplate"
    assert analyze(text).title == title
    spam_ar = "كازينو اون لاين mostbet مراهنات 1xbet aviator"
    title_ar = "هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب"
    text = "\n".join([spam_ar, title_ar, PARA_AR, PARA_AR2])
    assert regions(text)[spam_ar] == "boilerplate"
    assert analyze(text).title == title_ar


def test_a_sentence_about_casinos_is_not_spam():
    assert not gambling_spam("The casino operator Mostbet sponsors the league, aviator fans say.")
    assert not gambling_spam("افتتح كازينو جديد في المدينة")
