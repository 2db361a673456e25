"""Site chrome above a text page's article: the headline given again with the site's name or a
breadcrumb glued to it, and the site's clock between the title and the text."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.layout import analyze

HEADLINE_AR = "تركيا تسمح بمرور السوريين عبر معبر باب الهوى"
HEADLINE_EN = "Turkey Reopens the Bab al-Hawa Crossing for Syrians"


def test_a_headline_with_the_site_name_glued_to_it_is_chrome_and_the_bare_copy_the_title():
    arabic = "\n".join([HEADLINE_AR, "آخر تحديث GMT04:59:17", "العرب اليوم -",
                        f"العرب اليوم - {HEADLINE_AR}", PARA_AR, PARA_AR2])
    assert analyze(arabic).title == HEADLINE_AR
    got = regions(arabic)
    assert got[f"العرب اليوم - {HEADLINE_AR}"] == "site-header"
    assert got["آخر تحديث GMT04:59:17"] == "site-header"  # the site's clock, not a standfirst
    text = "\n".join([HEADLINE_EN, "Last update GMT04:59:17", "Arab Daily -",
                      f"Arab Daily - {HEADLINE_EN}", PARA_EN, PARA_EN2])
    assert analyze(text).title == HEADLINE_EN
    got = regions(text)
    assert got[f"Arab Daily - {HEADLINE_EN}"] == "site-header"
    assert got["Last update GMT04:59:17"] == "site-header"


def test_a_breadcrumb_without_separators_ending_in_the_headline_is_chrome():
    arabic = "\n".join([f"الرئيسية تحقيقات مواضيعية {HEADLINE_AR}", HEADLINE_AR, PARA_AR, PARA_AR2])
    assert analyze(arabic).title == HEADLINE_AR
    assert regions(arabic)[f"الرئيسية تحقيقات مواضيعية {HEADLINE_AR}"] == "site-header"
    text = "\n".join([f"Home Investigations Topics {HEADLINE_EN}", HEADLINE_EN, PARA_EN, PARA_EN2])
    assert analyze(text).title == HEADLINE_EN
    assert regions(text)[f"Home Investigations Topics {HEADLINE_EN}"] == "site-header"


def test_a_longer_headline_that_only_opens_like_another_stays_the_title():
    # Seven words or more beyond the shorter line: a headline of its own, not chrome around a copy.
    short = "Turkey Reopens the Crossing"
    long = f"{short} After Months of Talks With the Syrian Opposition and Ankara"
    text = "\n".join([short, long, PARA_EN, PARA_EN2])
    assert analyze(text).title == long


def test_a_taxonomy_line_under_an_entry_name_is_chrome_not_the_title():
    mosul = "Iraqi Forces Launch the Offensive to Retake Mosul"
    taxonomy = "Region: Middle East & North Africa / Iraq / Nineveh Province"
    text = "\n".join([taxonomy, mosul, PARA_EN, PARA_EN2])
    assert analyze(text).title == mosul
    assert regions(text)[taxonomy] == "site-header"
    idlib = "هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب"
    arabic = "\n".join(["القسم: تقارير ودراسات / سوريا / محافظة إدلب الشمالية", idlib, PARA_AR, PARA_AR2])
    assert analyze(arabic).title == idlib
    assert regions(arabic)["القسم: تقارير ودراسات / سوريا / محافظة إدلب الشمالية"] == "site-header"


def test_a_credit_a_post_stamp_or_a_source_with_its_place_alone_above_the_text_is_no_title():
    for line in ["Credited from: ALJAZEERA", "Posted on 09/04/2016 by Lorianne", "Reuters (Beirut)"]:
        text = "\n".join([line, PARA_EN, PARA_EN2])
        assert analyze(text).title is None, line
        assert regions(text)[line] not in ("title", "body")
    for line in ["المصدر: الجزيرة نت", "نشر في 12 أيار 2017", "البلاد (صنعاء)"]:
        arabic = "\n".join([line, PARA_AR, PARA_AR2])
        assert analyze(arabic).title is None, line
        assert regions(arabic)[line] not in ("title", "body")


def test_a_headline_with_a_one_word_kicker_and_colon_stays_the_title():
    # "Label: value" is chrome only when the value is a path or one or two words.
    text = "\n".join(["Syria: Rebels Surrender Their Heavy Arms", PARA_EN, PARA_EN2])
    assert analyze(text).title == "Syria: Rebels Surrender Their Heavy Arms"
    arabic = "\n".join(["سوريا: المعارضة تسلم أسلحتها الثقيلة", PARA_AR, PARA_AR2])
    assert analyze(arabic).title == "سوريا: المعارضة تسلم أسلحتها الثقيلة"


def test_a_menu_on_one_line_is_navigation_never_the_title():
    # Longer than the headline, and sharing no word with the text: shape alone would take it.
    title = "Mosul Offensive Begins"
    menu = "Home News Politics Economy Sports"
    text = "\n".join([menu, title, PARA_EN, PARA_EN2])
    assert analyze(text).title == title
    assert regions(text)[menu] not in ("title", "subtitle", "body")
    title_ar = "معركة إدلب تبدأ"
    menu_ar = "الرئيسية محليات عربي ودولي رياضة"
    arabic = "\n".join([menu_ar, title_ar, PARA_AR, PARA_AR2])
    assert analyze(arabic).title == title_ar
    assert regions(arabic)[menu_ar] not in ("title", "subtitle", "body")


def test_a_headline_made_mostly_of_section_words_is_no_menu():
    # One word that names no section ("Collapse", "تنهار") and the line is a headline again.
    text = "\n".join(["World Economy Politics Collapse", PARA_EN, PARA_EN2])
    assert regions(text)["World Economy Politics Collapse"] != "boilerplate"
    arabic = "\n".join(["السياسة والاقتصاد تنهار", PARA_AR, PARA_AR2])
    assert regions(arabic)["السياسة والاقتصاد تنهار"] != "boilerplate"


def test_a_month_alone_is_not_the_page_date():
    text = "\n".join(["Month: September 2014", "Iraqi Forces Launch the Offensive to Retake Mosul",
                      PARA_EN, PARA_EN2])
    assert analyze(text).date is None
    arabic = "\n".join(["الشهر: أيلول 2014", "هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب",
                        PARA_AR, PARA_AR2])
    assert analyze(arabic).date is None
    dated = "\n".join(["Iraqi Forces Launch the Offensive to Retake Mosul", "12 September 2014",
                       PARA_EN, PARA_EN2])
    assert analyze(dated).date == "2014-09-12"


def test_an_iso_day_glued_to_an_arabic_first_paragraph_is_the_page_date():
    arabic = "\n".join(["هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب", "2025-01-16" + PARA_AR, PARA_AR2])
    assert analyze(arabic).date == "2025-01-16"
    text = "\n".join(["Iraqi Forces Launch the Offensive to Retake Mosul", "2025-01-16T" + PARA_EN, PARA_EN2])
    assert analyze(text).date is None  # a timestamp's T glued to Latin letters: no day read


def test_a_report_section_word_alone_above_the_text_heads_it_and_is_no_title():
    text = "\n".join(["Executive Summary", PARA_EN, PARA_EN2])
    layout = analyze(text)
    assert layout.title is None
    assert [h.text for h in layout.headings] == ["Executive Summary"]
    arabic = "\n".join(["ملخص تنفيذي", PARA_AR, PARA_AR2])
    layout = analyze(arabic)
    assert layout.title is None
    assert [h.text for h in layout.headings] == ["ملخص تنفيذي"]
