"""Text-page layout at the top of pages of sites never seen: a date with only a place or an
agency after it, and a short line naming nothing the text tells, stand where a title would and
are not one."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.layout import analyze

# --- a date, then only a place or an agency: the dateline ----------------------------------------


def test_a_date_with_a_place_and_agency_after_it_is_the_dateline_not_the_title():
    for line, para, para2 in (("date 2025-08-27 شفق نيوز- دمشق", PARA_AR, PARA_AR2),
                              ("2025-08-27 دمشق-سانا", PARA_AR, PARA_AR2),
                              ("2017-10-17 Beirut - Reuters", PARA_EN, PARA_EN2)):
        text = "\n".join([line, para, para2])
        layout = analyze(text)
        assert layout.title is None, line
        assert layout.date in ("2025-08-27", "2017-10-17"), line
        assert regions(text)[line] == "dateline", line


def test_a_date_opening_a_full_headline_keeps_the_headline_as_title():
    for line, para, para2 in (
            ("date 2017-04-24 Iraqi forces launch the offensive to retake Mosul", PARA_EN, PARA_EN2),
            ("date 2025-11-16 هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب", PARA_AR, PARA_AR2)):
        text = "\n".join([line, para, para2])
        assert analyze(text).title == line, line


# --- a short line above the text naming nothing the text tells -----------------------------------


def test_an_author_name_alone_above_the_text_is_not_the_title():
    for line, para, para2 in (("مصطفى واعراب", PARA_AR, PARA_AR2),
                              ("Article from February", PARA_EN, PARA_EN2)):
        text = "\n".join([line, para, para2])
        layout = analyze(text)
        assert layout.title is None, line
        assert regions(text)[line] == "site-header", line


def test_a_short_title_that_the_text_tells_of_stays_the_title():
    for line, para, para2 in (("سيطرة الهيئة على إدلب", PARA_AR, PARA_AR2),
                              ("Offensive to retake Mosul", PARA_EN, PARA_EN2)):
        text = "\n".join([line, para, para2])
        assert analyze(text).title == line, line


def test_a_short_title_with_a_dateline_under_it_stays_the_title():
    for line, date, para, para2 in (("محرر الأخبار العاجلة", "12 مايو 2017", PARA_AR, PARA_AR2),
                                    ("One-man rule persists", "12 May 2017", PARA_EN, PARA_EN2)):
        text = "\n".join([line, date, para, para2])
        assert analyze(text).title == line, line


def test_an_english_title_case_headline_stays_the_title_whatever_words_the_text_uses():
    text = "\n".join(["Army of Conquest", PARA_EN, PARA_EN2])
    assert analyze(text).title == "Army of Conquest"
    text = "\n".join(["army of conquest", PARA_EN, PARA_EN2])
    assert analyze(text).title is None


def test_a_short_title_given_twice_above_the_text_stays_the_title():
    for line, para, para2 in (("محرر الأخبار العاجلة", PARA_AR, PARA_AR2),):
        text = "\n".join([line, "صورة", line, para, para2])
        assert analyze(text).title == line, line


# --- date lines of the site's chrome above the title ----------------------------------------------


def test_a_date_beside_share_links_above_the_title_is_chrome_but_still_dates_the_page():
    for bar, title, para, para2 in (
            ("date 2024-12-14 Facebook Youtube", "Iraqi forces launch the offensive to retake Mosul",
             PARA_EN, PARA_EN2),
            ("2024-12-14 فيسبوك تويتر", "هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب", PARA_AR, PARA_AR2)):
        text = "\n".join([bar, title, para, para2])
        layout = analyze(text)
        assert regions(text)[bar] == "site-header", bar
        assert layout.title == title
        assert layout.date == "2024-12-14"


def test_a_month_alone_above_the_title_is_an_archive_label_not_a_dateline():
    for label, title, para, para2 in (
            ("Month: September 2014", "Iraqi forces launch the offensive to retake Mosul", PARA_EN, PARA_EN2),
            ("الشهر: أيلول 2014", "هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب", PARA_AR, PARA_AR2)):
        text = "\n".join([label, title, para, para2])
        assert regions(text)[label] == "site-header", label
        assert analyze(text).date is None


def test_a_date_beside_a_place_above_the_title_stays_the_dateline():
    text = "\n".join(["BEIRUT, 14 December 2024", "Iraqi forces launch the offensive to retake Mosul",
                      PARA_EN, PARA_EN2])
    assert regions(text)["BEIRUT, 14 December 2024"] == "dateline"


# --- a headline given twice above the text, apart ---------------------------------------------------


def test_a_headline_given_twice_apart_is_the_title_over_a_longer_site_slogan():
    for site, slogan, title, byline, para, para2 in (
            ("MarocDroit - Legal Sciences", "The Islamic State and Mosul news platform for decision-makers",
             "Iraqi forces launch the offensive", "John Smith", PARA_EN, PARA_EN2),
            ("موقع العلوم القانونية", "منصة أخبار هيئة تحرير الشام وإدلب وريفها لصناع القرار",
             "هيئة تحرير الشام في إدلب", "مينة عميمي", PARA_AR, PARA_AR2)):
        text = "\n".join([site, slogan, title, byline, title, para, para2])
        layout = analyze(text)
        assert layout.title == title, title
        assert regions(text)[slogan] == "site-header"


def test_a_caption_given_twice_in_a_row_under_the_title_is_not_the_title():
    for title, caption, para, para2 in (
            ("Iraqi forces launch the offensive to retake Mosul", "An Iraqi army tank near Mosul",
             PARA_EN, PARA_EN2),
            ("هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب", "عناصر من هيئة تحرير الشام", PARA_AR, PARA_AR2)):
        text = "\n".join([title, caption, caption, para, para2])
        assert analyze(text).title == title, title


def test_an_unfinished_line_between_the_title_and_its_copy_further_down_is_no_standfirst():
    for name, chrome, alias, para, para2 in (
            ("Syrian Salvation Government", "Extended-protected article", "Arabic: حكومة الإنقاذ السورية",
             PARA_EN, PARA_EN2),
            ("حكومة الإنقاذ السورية", "مقالة محمية بشكل موسع", "بالإنجليزية: Syrian Salvation Government",
             PARA_AR, PARA_AR2)):
        text = "\n".join([name, chrome, "From Wikipedia, the free encyclopedia", name, alias, para, para2])
        got = regions(text)
        assert analyze(text).title == name
        assert got[chrome] == "site-header", chrome
    # Without the copy, the unfinished line under the title is its standfirst.
    text = "\n".join(["Iraqi forces launch the long-awaited offensive to retake Mosul from the Islamic State",
                      "Coalition jets join the push", PARA_EN, PARA_EN2])
    assert regions(text)["Coalition jets join the push"] == "subtitle"


def test_an_infobox_context_line_glued_to_its_value_is_never_the_title():
    glued = "Part ofNational Intelligence and Security Service and the Armed Forces"
    text = "\n".join(["Jump to content", glued, PARA_EN, PARA_EN2])
    assert analyze(text).title is None
