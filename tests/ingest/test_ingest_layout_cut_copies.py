"""Text-page layout: a headline given whole above a copy of it cut short, the home page's name
opening an Arabic breadcrumb, and a wire dateline closed by a colon."""

from __future__ import annotations

from ingest_helpers import ARTICLE, PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.dates import leading_date
from bicorpus.layout import analyze
from bicorpus.normalize import normalize_text

# --- the headline whole above its cut copy ---------------------------------------------------------


def test_a_headline_going_on_in_lower_case_after_its_cut_copy_stays_whole():
    title = "Iraqi forces launch the offensive in a long awaited push"
    copy = "Iraqi forces launch the offensive"
    text = "\n".join([title, copy, PARA_EN, PARA_EN2])
    assert analyze(text).title == title
    assert regions(text)[copy] == "site-header"  # the cut copy: not the standfirst


def test_a_headline_whose_extra_words_the_text_tells_stays_whole():
    for title, copy, para, para2 in (
            ("Offensive to retake Mosul (Iraq)", "Offensive to retake Mosul", PARA_EN, PARA_EN2),
            ("انسحاب حركة أحرار الشام من مدينة إدلب", "أحرار الشام من مدينة إدلب", PARA_AR, PARA_AR2)):
        text = "\n".join([title, copy, para, para2])
        assert analyze(text).title == title, title
        assert regions(text)[copy] == "site-header", copy


def test_chrome_glued_to_the_headline_still_gives_the_bare_headline():
    # the site's name glued before the headline: words the text does not tell
    for glued, bare, para, para2 in (
            ("Daily Star Iraqi forces launch the offensive to retake Mosul",
             "Iraqi forces launch the offensive to retake Mosul", PARA_EN, PARA_EN2),
            ("صدى الوطن اليوم انسحاب حركة أحرار الشام من مدينة إدلب",
             "انسحاب حركة أحرار الشام من مدينة إدلب", PARA_AR, PARA_AR2)):
        text = "\n".join([glued, bare, para, para2])
        assert analyze(text).title == bare, bare
        assert regions(text)[glued] == "site-header", glued


def test_a_separator_before_the_extra_words_keeps_them_chrome():
    title = "Offensive to retake Mosul | Iraq"
    copy = "Offensive to retake Mosul"
    text = "\n".join([title, copy, PARA_EN, PARA_EN2])
    assert analyze(text).title == copy


# --- the home page's name opening an Arabic breadcrumb ---------------------------------------------


def test_an_arabic_line_opening_with_the_home_page_name_is_never_the_title():
    for crumb in ("الصفحة الرئيسية فعاليات و احداث إقليمية", "الرئيسية فعاليات وأنشطة المحافظة"):
        text = "\n".join([crumb, PARA_AR, PARA_AR2])
        layout = analyze(text)
        assert layout.title is None, crumb
        assert regions(text)[crumb] not in ARTICLE, crumb


def test_a_headline_under_an_arabic_breadcrumb_is_the_title():
    crumb = "الصفحة الرئيسية أخبار محلية سوريا"
    title = "هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب"
    text = "\n".join([crumb, title, PARA_AR, PARA_AR2])
    assert analyze(text).title == title


def test_the_main_word_inside_a_headline_does_not_make_it_a_breadcrumb():
    title = "المعابر الرئيسية في إدلب تحت سيطرة الهيئة"
    text = "\n".join([title, PARA_AR, PARA_AR2])
    assert analyze(text).title == title


# --- a wire dateline closed by a colon ------------------------------------------------------------


def test_a_wire_dateline_closed_by_a_colon_dates_the_page():
    for title, lead, day in (
            ("Offensive to retake Mosul begins",
             "MOSUL, Iraq, 17 October 2016: " + PARA_EN, "2016-10-17"),
            ("Africa File: Offensive to retake Mosul",
             "Africa File, February 29, 2024: " + PARA_EN, "2024-02-29"),
            ("هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب",
             "إدلب – 23 تموز 2017: " + PARA_AR, "2017-07-23")):
        text = "\n".join([title, lead, PARA_EN2 if day != "2017-07-23" else PARA_AR2])
        layout = analyze(text)
        assert layout.date == day, lead
        assert layout.title == title, lead


def test_a_colon_after_a_date_in_a_sentence_is_no_wire_dateline():
    for line in ("In the ministry's report of 20 May 2024: the figures fell.",
                 "On 20 May 2024: the figures fell."):
        assert leading_date(normalize_text(line)) is None, line
    assert leading_date(normalize_text("CAIRO – 20 May 2024: Minister of Finance said")) == "2024-05-20"
    assert leading_date(normalize_text("القاهرة 20 مايو 2024: قال وزير المالية")) == "2024-05-20"


# --- an Arabic headline in parts joined by two dots -----------------------------------------------

JOINED_AR = ("بعد أربعة أشهر على زيارة الحكومة إلى إدلب.. مشاريع أنجزت.. وأخرى على الطريق.. "
             "وثالثة تركت للزمن!.. لماذا لم تخصص الهيئة أي مبلغ لمعابر الشمال؟")


def test_an_arabic_headline_joined_by_two_dots_is_the_title_not_a_paragraph():
    assert len(JOINED_AR) >= 120  # long enough for its joins to read as sentence ends
    text = "\n".join([JOINED_AR, PARA_AR, PARA_AR2])
    layout = analyze(text)
    assert layout.title == JOINED_AR
    assert regions(text)[PARA_AR] == "body"


def test_an_arabic_line_with_commas_and_two_dots_stays_running_text():
    line = ("وقال المتحدث باسم الهيئة إن المعابر ستفتح قريباً.. وأضاف أن الاتفاق يشمل مناطق واسعة، "
            "من بينها ريف إدلب الجنوبي وسهل الغاب")
    assert len(line) >= 120
    text = "\n".join(["هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب", PARA_AR, line, PARA_AR2])
    assert regions(text)[line] == "body"
    assert analyze(text).title == "هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب"


# --- a long headline given twice at the top of the page --------------------------------------------

LONG_TWICE_EN = ("Iraqi forces backed by Kurdish and Shiite militias and US airpower launch the long "
                 "awaited offensive to retake Mosul")
LONG_TWICE_AR = ("هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب ومناطق واسعة من ريفها بعد انسحاب حركة "
                 "أحرار الشام إثر اتفاق هدنة")


def test_a_long_headline_given_twice_opening_the_page_is_the_title():
    for headline, para, para2 in ((LONG_TWICE_EN, PARA_EN, PARA_EN2), (LONG_TWICE_AR, PARA_AR, PARA_AR2)):
        assert len(headline) >= 100  # long enough for a copy close by to read as a caption
        for copies in (2, 3):
            text = "\n".join([*[headline] * copies, para, para2])
            assert analyze(text).title == headline, (headline, copies)


def test_a_long_caption_given_twice_under_the_title_stays_boilerplate():
    title = "Offensive to retake Mosul begins"
    text = "\n".join([title, LONG_TWICE_EN, LONG_TWICE_EN, PARA_EN, PARA_EN2])
    assert analyze(text).title == title
    assert regions(text)[LONG_TWICE_EN] == "boilerplate"
