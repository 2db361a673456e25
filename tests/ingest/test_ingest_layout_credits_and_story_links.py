"""Text-page layout rules: reporter credits, subscription lines and links to the rest or the
original of a story, …"""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.layout import analyze

# --- boilerplate by its words ------------------------------------------------------------------------


def test_credits_subscriptions_and_links_to_the_story_are_boilerplate():
    furniture_en = ["To receive the Weekly Brief via email, please subscribe here",
                    "READ: Iraqi forces retake the old city of Mosul", "Source: Jane Doe.",
                    "See Full Page", "Reporter: Latifa Sadat"]
    text = "\n".join(["Iraqi forces launch the offensive on Mosul", furniture_en[0], PARA_EN,
                      furniture_en[1], furniture_en[2], PARA_EN2, *furniture_en[3:]])
    got = regions(text)
    for line in furniture_en:
        assert got[line] == "boilerplate", line
    assert got[PARA_EN] == got[PARA_EN2] == "body"
    furniture_ar = ["يمكن قراءة الخبر من المصدر من هنا", "تقرير: عمر الحاج"]
    text = "\n".join(["هيئة تحرير الشام تسيطر على إدلب", PARA_AR, PARA_AR2, *furniture_ar])
    got = regions(text)
    for line in furniture_ar:
        assert got[line] == "boilerplate", line
    assert got[PARA_AR] == got[PARA_AR2] == "body"


def test_a_reporters_credit_above_the_text_stays_the_byline():
    for credit, author in (("تقرير: عمر الحاج", "عمر الحاج"), ("إعداد: عمر الحاج", "عمر الحاج")):
        text = "\n".join(["هيئة تحرير الشام تسيطر على إدلب", credit, PARA_AR, PARA_AR2])
        assert regions(text)[credit] == "dateline"
        assert analyze(text).author == author
        text = "\n".join(["هيئة تحرير الشام تسيطر على إدلب", PARA_AR, PARA_AR2, credit])
        assert regions(text)[credit] == "boilerplate"


def test_a_sentence_about_reading_or_reports_stays_body():
    body = ("Read: that was the single word the commander wrote on the order before the troops "
            "moved into the old city of Mosul at dawn.")
    body_ar = "تقرير: قالت الأمم المتحدة في تقريرها إن القتال في إدلب أدى إلى نزوح آلاف العائلات."
    text = "\n".join(["Talks go on in Erbil", PARA_EN, body, PARA_EN2])
    assert regions(text)[body] == "body"
    text = "\n".join(["هيئة تحرير الشام تسيطر على إدلب", PARA_AR, body_ar, PARA_AR2])
    assert regions(text)[body_ar] == "body"


# --- links glued on one line -------------------------------------------------------------------------


def test_section_links_glued_on_one_line_are_not_the_title():
    glued = "Economy & DevelopmentGovernmentNewsPoliticsRegionScience & Technology"
    title = "Saudi Arabia scales back the Line project in Neom"
    text = "\n".join([glued, title, PARA_EN, PARA_EN2])
    layout = analyze(text)
    assert layout.title == title
    assert regions(text)[glued] not in ("title", "subtitle", "body")
    tags = "South YemenAdenAidrous Al-ZubaidiPresidential Council"
    text = "\n".join(["هيئة تحرير الشام تسيطر على إدلب", PARA_AR, PARA_AR2, tags])
    assert regions(text)[tags] == "boilerplate"


def test_names_with_one_capital_inside_stay_in_the_title():
    title = "McDonald and DiCaprio visit the camps near Mosul"
    text = "\n".join([title, PARA_EN, PARA_EN2])
    assert analyze(text).title == title


# --- the site's clock in two calendars ---------------------------------------------------------------


def test_a_clock_with_the_hijri_date_is_the_sites_not_the_title():
    clock = "الثلاثاء 28 أكتوبر 2025 09:27 مـ 6 جمادى أول 1447 هـ"
    title = "هيئة تحرير الشام تسيطر على إدلب"
    text = "\n".join(["النهار", clock, title, PARA_AR, PARA_AR2])
    layout = analyze(text)
    assert layout.title == title
    assert regions(text)[clock] == "site-header"
    clock_en = "Thursday, March 28, 2024 10:05 PM | Ramadan 18, 1445 AH"
    text = "\n".join(["The Daily", clock_en, "Iraqi forces launch the offensive on Mosul", PARA_EN, PARA_EN2])
    assert regions(text)[clock_en] == "site-header"


def test_a_dateline_with_the_hijri_date_but_no_clock_stays_the_dateline():
    dateline = "الخميس 28 مارس 2024 - 18 رمضان 1445 هـ"
    text = "\n".join(["هيئة تحرير الشام تسيطر على إدلب", dateline, PARA_AR, PARA_AR2])
    layout = analyze(text)
    assert regions(text)[dateline] == "dateline"
    assert layout.date == "2024-03-28"


# --- a newspaper's masthead --------------------------------------------------------------------------


def test_a_masthead_naming_the_editors_is_never_the_title():
    masthead = "المشهد اليمني رئيس التحريرعبد الرحمن البيل"
    text = "\n".join([masthead, PARA_AR, PARA_AR2])
    assert analyze(text).title is None
    assert regions(text)[masthead] not in ("title", "subtitle", "body")
    masthead_en = "EDITOR IN CHIEF- ABDULLAH BIN SALIM"
    text = "\n".join([masthead_en, PARA_EN, PARA_EN2])
    assert analyze(text).title is None
    assert regions(text)[masthead_en] not in ("title", "subtitle", "body")


def test_a_sentence_about_the_editor_stays_body():
    body = "وقال رئيس التحرير إن الصحيفة ستواصل العمل رغم الضغوط."
    body_en = "The editor-in-chief said the paper would keep printing despite the pressure."
    text = "\n".join(["هيئة تحرير الشام تسيطر على إدلب", PARA_AR, body, PARA_AR2])
    assert regions(text)[body] == "body"
    text = "\n".join(["Talks go on in Erbil", PARA_EN, body_en, PARA_EN2])
    assert regions(text)[body_en] == "body"


# --- disclaimers, however long -----------------------------------------------------------------------


def test_long_disclaimers_and_appeals_are_boilerplate():
    disclaimer = ("This article has been sourced from various publicly available news platforms around the "
                  "world. All intellectual property rights remain with the original publishers and authors, "
                  "and this site does not claim ownership of the content; it is given here for informational "
                  "purposes. If you are the rightful owner, please contact us for prompt removal.")
    notice = ("[Notice: The Project frequently cites sources from foreign domains. All such links are "
              "identified with an asterisk (*) for the reader's awareness.]")
    text = "\n".join(["Iraqi forces launch the offensive on Mosul", notice, PARA_EN, PARA_EN2, disclaimer])
    got = regions(text)
    assert got[disclaimer] == got[notice] == "boilerplate"
    assert got[PARA_EN] == got[PARA_EN2] == "body"
    disclaimer_ar = ("جميع المقالات المنشورة في الموقع تعبر عن رأي كاتبها، ولا يتحمل الموقع أي مسؤولية عن "
                     "محتواها أو عن الصور المرفقة بها، ويحق للموقع حذف أي تعليق مسيء دون الرجوع إلى صاحبه.")
    text = "\n".join(["هيئة تحرير الشام تسيطر على إدلب", PARA_AR, PARA_AR2, disclaimer_ar])
    got = regions(text)
    assert got[disclaimer_ar] == "boilerplate"
    assert got[PARA_AR] == got[PARA_AR2] == "body"


def test_a_paragraph_reporting_on_responsibility_stays_body():
    body = ("The group said it would bear no responsibility for the attack on the convoy, and blamed the "
            "government forces for the shelling of the villages around Idlib.")
    body_ar = ("وقالت الهيئة إنها لا تتحمل أي مسؤولية عن الهجوم، وحملت القوات الحكومية مسؤولية القصف "
               "الذي طال القرى المحيطة بإدلب خلال الأسبوع الماضي.")
    text = "\n".join(["Talks go on in Erbil", PARA_EN, body, PARA_EN2])
    assert regions(text)[body] == "body"
    text = "\n".join(["هيئة تحرير الشام تسيطر على إدلب", PARA_AR, body_ar, PARA_AR2])
    assert regions(text)[body_ar] == "body"


# --- labels of lists of other stories ----------------------------------------------------------------


def test_labels_of_lists_of_other_stories_are_boilerplate():
    text = "\n".join(["هيئة تحرير الشام تسيطر على إدلب", PARA_AR, "أهم الأخبار", PARA_AR2, "التحليلات"])
    got = regions(text)
    assert got["أهم الأخبار"] == got["التحليلات"] == "boilerplate"
    assert got[PARA_AR2] == "body"
    text = "\n".join(["Iraqi forces launch the offensive on Mosul", PARA_EN, "Top Stories", PARA_EN2,
                      "You Might Also Like"])
    got = regions(text)
    assert got["Top Stories"] == got["You Might Also Like"] == "boilerplate"
    assert got[PARA_EN2] == "body"


# --- captions by their words -------------------------------------------------------------------------


def test_captions_of_pictures_taken_or_drawn_and_people_from_right_are_boilerplate():
    captions = ["A conceptual image of the planned design for the new city on the coast",
                "A picture taken on July 27, 2018 shows policemen driving on a road leading to the camp",
                "Lebanese ministers opposing the plan, from right: Mohammad Haidar and Tamara Zein"]
    text = "\n".join(["Iraqi forces launch the offensive on Mosul", captions[0], PARA_EN, captions[1],
                      PARA_EN2, captions[2]])
    got = regions(text)
    for line in captions:
        assert got[line] == "boilerplate", line
    caption_ar = "وزراء لبنانيون يعارضون الخطة، من اليمين: محمد حيدر وتمارا الزين"
    text = "\n".join(["هيئة تحرير الشام تسيطر على إدلب", PARA_AR, PARA_AR2, caption_ar])
    got = regions(text)
    assert got[caption_ar] == "boilerplate"
    assert got[PARA_AR] == got[PARA_AR2] == "body"


def test_a_sentence_on_a_picture_of_the_war_stays_body():
    body = ("The picture of the war that emerges from the reports is grim, and the ministers, from the "
            "left and the right alike, called for talks.")
    text = "\n".join(["Talks go on in Erbil", PARA_EN, body, PARA_EN2])
    assert regions(text)[body] == "body"


# --- an author's label -------------------------------------------------------------------------------


def test_an_authors_label_makes_a_byline():
    for title, byline, author, paras in (
            ("Iraqi forces launch the offensive on Mosul", "Authors: Liam Karr", "Liam Karr",
             (PARA_EN, PARA_EN2)),
            ("هيئة تحرير الشام تسيطر على إدلب", "المؤلف: أحمد علي", "أحمد علي", (PARA_AR, PARA_AR2))):
        text = "\n".join([title, byline, *paras])
        assert analyze(text).author == author
        assert regions(text)[byline] == "dateline"
