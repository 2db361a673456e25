"""Text-page layout rules: an Arabic headline written as one sentence at the top of the page, and a
site's update clock (the time of day alone) above the headline."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.layout import analyze
from bicorpus.layout_headline import read_more_teaser
from bicorpus.layout_journal import history_date
from bicorpus.normalize import normalize_text

ARTICLE = {"body", "title", "subtitle", "heading", "dateline"}
LEAD_AR = PARA_AR + " " + PARA_AR2
LEAD_EN = PARA_EN + " " + PARA_EN2


def test_an_arabic_one_sentence_headline_at_the_top_is_the_title():
    headline = "مسلحون يهاجمون فندقاً في مقديشو ويقتلون عشرين شخصاً على الأقل."
    text = "\n".join([headline, LEAD_AR, PARA_AR2])
    assert analyze(text).title == headline
    assert regions(text)[LEAD_AR] == "body"
    joined = "بعد عامين على الاتفاق.. مشاريع أنجزت وأخرى تنتظر!"
    text = "\n".join(["• الأحد , 12 مارس 2023", joined, LEAD_AR, PARA_AR2])
    assert analyze(text).title == joined
    # the English counterpart, read as before
    headline_en = "Gunmen storm a hotel in Mogadishu and kill at least twenty people."
    text = "\n".join([headline_en, LEAD_EN, PARA_EN2])
    assert analyze(text).title == headline_en


def test_an_arabic_storys_first_sentence_is_not_the_title():
    opening = "وقال الوزير إن المفاوضات ستستأنف الأسبوع المقبل في العاصمة."
    text = "\n".join([opening, LEAD_AR, PARA_AR2])
    assert analyze(text).title is None
    assert regions(text)[opening] == "body"
    # under a wire's dateline the story has begun
    sentence = "قتل عشرون شخصاً على الأقل في هجوم على فندق في العاصمة الصومالية."
    text = "\n".join(["مقديشو-وكالات", sentence, LEAD_AR, PARA_AR2])
    assert analyze(text).title is None
    # a sentence with its corpus date, or two sentences, is the story's lead
    dated = "date 2023-03-12 هاجم مسلحون فندقاً في مقديشو وقتلوا عشرين شخصاً."
    assert analyze("\n".join([dated, LEAD_AR, PARA_AR2])).title is None
    two = "هاجم مسلحون فندقاً في مقديشو. وقتل عشرون شخصاً على الأقل."
    assert analyze("\n".join([two, LEAD_AR, PARA_AR2])).title is None
    # too long a line for a headline over too short a paragraph
    assert analyze("\n".join([PARA_AR, PARA_AR2])).title is None


def test_a_sites_update_clock_is_not_the_title():
    headline = "Iraqi forces prepare the battlefield to retake Mosul"
    for clock in ("Last Update 22:46", "Last updated: 09:15 GMT", "Updated 7:05 pm"):
        text = "\n".join([clock, "Thursday, 24 October 2019", headline, PARA_EN, PARA_EN2])
        assert analyze(text).title == headline, clock
        assert regions(text)[clock] not in ARTICLE, clock
    headline_ar = "هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب"
    for clock in ("آخر تحديث GMT04:59:17", "آخر تحديث: 22:46"):
        text = "\n".join([clock, "الخميس 24 أكتوبر 2019", headline_ar, PARA_AR, PARA_AR2])
        assert analyze(text).title == headline_ar, clock
        assert regions(text)[clock] not in ARTICLE, clock


def test_an_update_line_with_its_day_is_still_a_date():
    text = "\n".join(["Iraqi forces prepare the battlefield to retake Mosul", "Last updated: 25 May, 2013",
                      PARA_EN, PARA_EN2])
    assert analyze(text).date == "2013-05-25"


def test_a_journals_history_lines_are_not_the_pages_date():
    title = "Iraqi forces prepare the battlefield to retake Mosul"
    text = "\n".join([title, "Received 31 March 2024", "Accepted for publication 28 May 2024",
                      "Published 4 June 2024", PARA_EN, PARA_EN2])
    layout = analyze(text)
    assert layout.date == "2024-06-04"
    assert layout.title == title
    got = regions(text)
    assert got["Received 31 March 2024"] not in ARTICLE
    assert got["Accepted for publication 28 May 2024"] not in ARTICLE
    assert got["Published 4 June 2024"] == "dateline"
    text = "\n".join([title, "Received 1 March 2016; accepted 25 March 2016; published 28 March 2016",
                      PARA_EN, PARA_EN2])
    assert analyze(text).date == "2016-03-28"
    title_ar = "هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب"
    text = "\n".join([title_ar, "تاريخ الاستلام: 12 مارس 2023", "تاريخ القبول: 3 مايو 2023",
                      "تاريخ النشر: 20 مايو 2023", PARA_AR, PARA_AR2])
    assert analyze(text).date == "2023-05-20"
    assert analyze(text).title == title_ar
    assert regions(text)["تاريخ القبول: 3 مايو 2023"] not in ARTICLE
    text = "\n".join([title_ar, "تاريخ الاستلام: 12 مارس 2023؛ تاريخ النشر: 20 مايو 2023", PARA_AR, PARA_AR2])
    assert analyze(text).date == "2023-05-20"


def test_a_line_opening_on_received_without_its_date_keeps_its_date():
    for line, day in (("Received praise on 12 May 2017", "2017-05-12"),
                      ("استلم الوزير رسالة في 12 مايو 2017", "2017-05-12")):
        assert history_date(normalize_text(line), day) == day
    assert history_date(normalize_text("Received 12 May 2017"), "2017-05-12") is None
    assert history_date(normalize_text("استلم البحث 12 مايو 2017"), "2017-05-12") is None


def test_a_headline_with_an_exclamation_mark_inside_is_the_title():
    headline = "Mosul at last! Iraqi forces prepare the battlefield to retake the city"
    text = "\n".join([headline, PARA_EN, PARA_EN2])
    assert analyze(text).title == headline
    headline_ar = "إدلب أخيراً! هيئة تحرير الشام تبسط سيطرتها على المدينة"
    text = "\n".join([headline_ar, PARA_AR, PARA_AR2])
    assert analyze(text).title == headline_ar


def test_two_sentences_are_still_not_a_headline():
    for line in ("Forces advanced at dawn. The city fell by noon", "تقدمت القوات فجراً. وسقطت المدينة ظهراً"):
        para_a, para_b = (PARA_EN, PARA_EN2) if line.isascii() else (PARA_AR, PARA_AR2)
        assert analyze("\n".join([line, para_a, para_b])).title != line


def test_a_teaser_with_its_read_more_link_is_not_the_standfirst():
    headline = "Mosul at last! Iraqi forces prepare the battlefield to retake the city"
    teaser = ("by Sam Jones Iraqi forces have spent months preparing the battlefield to retake the"
              " city, freeing up the supply lines to the south of it… Continue Reading")
    text = "\n\n".join([headline, teaser, "Second story of the week in the region", PARA_EN, PARA_EN2])
    assert regions(text)[teaser] == "body"
    headline_ar = "إدلب أخيراً! هيئة تحرير الشام تبسط سيطرتها على المدينة"
    teaser_ar = ("بقلم سامي جونز بسطت هيئة تحرير الشام سيطرتها على مدينة إدلب ومناطق واسعة"
                 " من ريفها شمال سوريا بعد انسحاب حركة أحرار الشام الإسلامية من تلك المناطق"
                 " إثر اتفاق هدنة بين الطرفين في الشمال… اقرأ المزيد")
    second = "القصة الثانية في المنطقة هذا الأسبوع"
    text = "\n\n".join([headline_ar, teaser_ar, second, PARA_AR, PARA_AR2])
    assert analyze(text).title == headline_ar
    assert regions(text)[teaser_ar] == "body"
    assert read_more_teaser(teaser) and read_more_teaser(teaser_ar)
    assert not read_more_teaser("Iraqi forces want more") and not read_more_teaser("القوات تريد المزيد")
