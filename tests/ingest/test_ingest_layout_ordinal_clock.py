"""Text-page layout rules: a theme's clock with its weekday and an ordinal day is the site's, not
the page's dateline, right above the headline or above the menu."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.layout import analyze
from bicorpus.layout_clock import ordinal_clock


def test_an_ordinal_clock_right_above_the_headline_is_site_header():
    title = "Iraqi forces and coalition prepare the battle to retake Mosul"
    text = "\n".join(["Tue. Sep 26th, 2023", title, PARA_EN, PARA_EN2])
    got = regions(text)
    assert got["Tue. Sep 26th, 2023"] == "site-header"
    assert got[title] == "title"
    assert analyze(text).date is None


def test_an_ordinal_clock_above_an_arabic_headline_is_site_header():
    title = "هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب"
    text = "\n".join(["Friday February 23rd, 2024", title, PARA_AR, PARA_AR2])
    got = regions(text)
    assert got["Friday February 23rd, 2024"] == "site-header"
    assert got[title] == "title"
    assert analyze(text).date is None


def test_an_ordinal_clock_above_the_menu_gives_no_date():
    menu = ["• About", "• Partner with Us", "• News", "• Opinion", "• Interview"]
    title = "Iraqi forces and coalition prepare the battle to retake Mosul"
    text = "\n".join(["Skip to content", "Tue. Dec 23rd, 2025", *menu, title, PARA_EN, PARA_EN2])
    layout = analyze(text)
    assert regions(text)["Tue. Dec 23rd, 2025"] == "site-header"
    assert layout.date is None
    assert layout.title == title


def test_a_pages_own_dateline_above_the_clock_or_without_weekday_stays():
    title = "Iraqi forces and coalition prepare the battle to retake Mosul"
    text = "\n".join(["Tue. Sep 26th, 2023", title, "27th September 2023", PARA_EN, PARA_EN2])
    assert analyze(text).date == "2023-09-27"
    assert regions(text)["27th September 2023"] == "dateline"
    title_ar = "هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب"
    text = "\n".join(["الثلاثاء 26 سبتمبر 2023", title_ar, PARA_AR, PARA_AR2])
    assert analyze(text).date == "2023-09-26"


def test_the_clock_shape():
    assert ordinal_clock("Tue. Sep 26th, 2023")
    assert ordinal_clock("Thursday, 13th of June 2024")
    assert not ordinal_clock("27th February 2022")  # no weekday: a dateline
    assert not ordinal_clock("Tuesday, September 26, 2023")  # a plain day: maybe the page's own
    assert not ordinal_clock("Tue. Sep 26th, 2023 by John Smith")
