"""Text-page layout of a newspaper's chrome above the article: a masthead naming the editors, one
role on a line and the name under it, and a ticker of headlines long enough to read as a paragraph
above a text cut short."""

from __future__ import annotations

from ingest_helpers import ARTICLE, PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.layout import analyze
from bicorpus.layout_masthead import masthead_role

TITLE_AR = "مقتل ثلاثة مدنيين في قصف على ريف إدلب الجنوبي"
TITLE_EN = "Iraqi forces launch the offensive to retake Mosul"

# --- a masthead: each role on its line, the name under it --------------------------------------------


def test_masthead_roles_are_read_whole_or_broken_over_two_lines():
    assert masthead_role("رئيس التحرير")
    assert masthead_role("الإشراف العام")
    assert masthead_role("رئيس مجلسي") and masthead_role("الإدارة والتحرير")
    assert masthead_role("Editor-in-Chief")
    assert not masthead_role("العام")  # one word of a phrase is no role
    assert not masthead_role("رئيس الوزراء")
    assert not masthead_role("The editor resigned")


def test_a_masthead_given_twice_gives_no_title_and_stays_out_of_the_article():
    for masthead, title, para, para2 in (
            (["الإشراف العام", "سعاد عبد الكريم", "رئيس التحرير", "مروان حداد"], TITLE_AR, PARA_AR, PARA_AR2),
            (["Editor-in-Chief", "Sarah Whitfield", "Managing Editor", "Omar Haddad"], TITLE_EN, PARA_EN,
             PARA_EN2)):
        text = "\n".join([*masthead, *masthead, title, para, para2])
        assert analyze(text).title == title, title
        got = regions(text)
        for line in masthead:
            assert got[line] not in ARTICLE, line


def test_a_role_broken_over_two_lines_takes_the_name_under_it():
    text = "\n".join(["رئيس مجلسي", "الإدارة والتحرير", "مروان حداد", TITLE_AR, "12 مايو 2017",
                      PARA_AR, PARA_AR2])
    got = regions(text)
    assert got["مروان حداد"] not in ARTICLE
    assert analyze(text).title == TITLE_AR


def test_a_line_under_a_role_word_used_in_a_sentence_is_left_alone():
    # near miss: the line under a role line that is longer than a name (a headline) stays
    text = "\n".join(["Editor", TITLE_EN, PARA_EN, PARA_EN2])
    assert analyze(text).title == TITLE_EN
    text = "\n".join(["رئيس التحرير", TITLE_AR, PARA_AR, PARA_AR2])
    assert analyze(text).title == TITLE_AR


# --- a ticker of headlines that reads as a paragraph, above a text cut short -----------------------------

TICKER = ("صور .. افتتاح معرض الكتاب في دورته الجديدة بمشاركة واسعة .. غدا انطلاق مهرجان المسرح العربي "
          "في القاهرة .. وزير التعليم يتفقد امتحانات الشهادة الإعدادية في المحافظات .. «الشباب والرياضة» "
          "تنظم ندوة عن التطوع بين طلاب الجامعات .. محافظ الجيزة يتابع أعمال رصف الطرق الرئيسية")


def test_a_ticker_above_a_text_cut_short_is_no_paragraph_the_headline_under_it_stays():
    cut = "وقالت مصادر محلية إن القصف المدفعي استهدف منازل المدنيين في بلدة كفرنبل الجنوبية، وأسفر عن"
    text = "\n".join(["المواطن", TICKER, TITLE_AR, "الثلاثاء 03/أبريل/2018 - 11:16 ص", cut])
    layout = analyze(text)
    assert layout.title == TITLE_AR
    assert layout.date == "2018-04-03"
    got = regions(text)
    assert got[TICKER] not in ARTICLE
    assert got[cut] == "body"


def test_a_long_paragraph_with_commas_at_the_top_is_no_ticker():
    # near miss: prose of that length has commas; it stays the text's first paragraph
    para = TICKER.replace(" .. ", "، ") + "."
    text = "\n".join([TITLE_AR, para, PARA_AR2])
    assert regions(text)[para] == "body"
