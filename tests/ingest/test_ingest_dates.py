"""Dates in Arabic or English become ISO dates."""

from __future__ import annotations

import pytest

from bicorpus.dates import find_date, is_dateline, leading_date, month_table, parse_date, trailing_date
from bicorpus.normalize import normalize_text


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("12 أبريل، 2017", "2017-04-12"),  # Egyptian month, Arabic comma
        ("12 ابريل 2017", "2017-04-12"),  # without hamza
        ("12 إبريل 2017", "2017-04-12"),
        ("١٢ نيسان ٢٠١٧", "2017-04-12"),  # Levantine month, Arabic-Indic digits
        ("۱۲ نيسان ۲۰۱۷", "2017-04-12"),  # extended (Persian) digits
        ("الأربعاء، 12 يوليو/تموز 2017", "2017-07-12"),  # both names and a weekday
        ("12 تموز/يوليو 2017", "2017-07-12"),
        ("12 نيسان (أبريل) 2017", "2017-04-12"),
        ("15 كانون الثاني 2019", "2019-01-15"),  # two-word month
        ("3 تشرين الأول، 2020", "2020-10-03"),
        ("1 كانون الأول 2020", "2020-12-01"),
        ("5 أفريل 2021", "2021-04-05"),  # Maghrebi
        ("٣١ ديسمبر ٢٠٢٤", "2024-12-31"),
        ("April 12, 2017", "2017-04-12"),
        ("Wednesday, 12 April 2017", "2017-04-12"),
        ("Apr. 5th, 2019", "2019-04-05"),
        ("12 of April 2017", "2017-04-12"),
        ("12-Apr-2017", "2017-04-12"),
        ("2017-04-12", "2017-04-12"),
        ("2017/4/2", "2017-04-02"),
        ("12/04/2017", "2017-04-12"),  # numeric dates are read day first
        ("12.04.2017", "2017-04-12"),
        ("April 2017", "2017-04"),
        ("نيسان ٢٠١٧", "2017-04"),
        ("published on 1 June 2016 in Cairo", "2016-06-01"),
    ],
)
def test_parse_date(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["31/02/2017", "12 May", "April", "12 أبريل", "0 April 2017",
                                  "32 April 2017", "1 April 1066", "no date here", "", "٢٠١٧"])
def test_not_a_date(text):
    assert parse_date(text) is None


def test_first_date_wins():
    found = find_date("from 3 March 2016 to 4 April 2017")
    assert found is not None and found.iso == "2016-03-03"


@pytest.mark.parametrize("text", ["12 أبريل، 2017", "الأربعاء، 12 يوليو/تموز 2017",
                                  "Published: April 12, 2017", "نشر في 12 أبريل 2017", "2017-04-12",
                                  "الأربعاء 12 أبريل 2017 - 10:30 ص", "April 12, 2017 10:30 pm GMT",
                                  "Last updated: 12/04/2017 14:05"])
def test_dateline(text):
    assert is_dateline(text) is not None


@pytest.mark.parametrize("text", [
    "Their disagreement escalated in February 2017 during the negotiations.",
    "وقعت المواجهات في 12 أبريل 2017 قرب مدينة دير الزور الواقعة على نهر الفرات",
])
def test_sentence_with_a_date_is_not_a_dateline(text):
    assert parse_date(text) is not None
    assert is_dateline(text) is None


def test_month_table_is_data():
    table = month_table()
    assert table["ابريل"] == 4 and table["نيسان"] == 4 and table["april"] == 4
    assert table["تشرين الاول"] == 10
    assert len(set(table.values())) == 12


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("28 يوليو 2016م", "2016-07-28"),  # era mark glued to the year
        ("28 يوليو 2016 م", "2016-07-28"),
        ("12/4/2017م", "2017-04-12"),
        ("3 أيار/مايو 2018", "2018-05-03"),  # Levantine / Egyptian pair
        ("٣ أيار ٢٠١٨", "2018-05-03"),  # Levantine month, Arabic-Indic digits
        ("١٢ تشرين ثاني ٢٠١٩", "2019-11-12"),  # Levantine month without the article
        ("5 يونيه 2015", "2015-06-05"),  # Egyptian spelling
        ("02.نيسان.2016", "2016-04-02"),  # dotted, Levantine month
        ("9 دجنبر 2020", "2020-12-09"),  # Moroccan
        ("15 رجب 1438هـ الموافق 12 أبريل 2017م", "2017-04-12"),  # Hijri, then its Gregorian day
        ("15/7/1438هـ - 12/4/2017م", "2017-04-12"),
    ],
)
def test_arabic_date_forms(text, iso):
    assert parse_date(text) == iso
    assert is_dateline(text) == iso  # each is a whole dateline too


def test_hijri_date_alone_is_not_converted():
    assert parse_date("15 رجب 1438هـ") is None
    assert parse_date("April 2017 مع") == "2017-04"  # a word starting with م is not an era mark


def test_dateline_with_update_and_source_words():
    assert is_dateline("Last Update: 2024-03-05 16:30:10 - Source: CHANNEL8") == "2024-03-05"


def test_date_opening_a_longer_line():
    line = " date 2025-12-07 مع انطلاق معركة \"رد العدوان\" من الشمال"
    assert leading_date(normalize_text(line)) == "2025-12-07"
    assert leading_date(normalize_text("نشر في 3 أيار 2018 تقرير عن الوضع في إدلب")) == "2018-05-03"
    assert leading_date(normalize_text("The battle began on 12 May 2017 in Raqqa")) is None
    # a paragraph about that day, not a label before the page's date
    assert leading_date(normalize_text("On July 28, 2016 Jabhat al-Nusra declared a new name")) is None
    assert leading_date(normalize_text("في 28 تموز 2016 أعلنت جبهة النصرة اسمها الجديد")) is None


def test_date_closing_a_longer_line_after_a_cue():
    line = "تقرير مركز الدراسات عن مستقبل الفصائل في إدلب وريف حلب الغربي … نشرت في : 03/09/2018"
    assert trailing_date(normalize_text(line)) == "2018-09-03"
    byline = "By Ahmad Majidyar | Fellow and Director - The Middle East Institute | May 12, 2017"
    assert trailing_date(normalize_text(byline)) == "2017-05-12"
    # a date that merely ends a sentence of the text is not the page's date
    assert trailing_date(normalize_text("وقال إن المعركة بدأت مع قوات التحالف 12 مايو 2017")) is None


def test_an_iso_day_glued_to_arabic_words_after_it_is_read_but_not_a_longer_number():
    from bicorpus.dates import find_date

    assert find_date("2025-01-16أصدر مركز الزيتونة").iso == "2025-01-16"
    assert find_date("build 2025-01-16Tx") is None  # a timestamp's T without its time
    assert find_date("2025-01-163") is None
