"""Text-page layout rules: a wire lead with its agency in brackets and no dash dates the page."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.dates import leading_date
from bicorpus.layout import analyze
from bicorpus.normalize import normalize_text


def test_a_wire_lead_with_its_agency_in_brackets_gives_the_pages_date():
    lead_ar = ("القاهرة 14 مايو 2023 (شينخوا) أعلنت وزارة الري اليوم أن منسوب المياه في بحيرة السد ارتفع "
               "خلال الأسبوع الماضي بعد أمطار غزيرة شهدتها المنطقة.")
    text = "\n".join([lead_ar, PARA_AR, PARA_AR2])
    assert analyze(text).date == "2023-05-14"
    assert regions(text)[lead_ar] == "body"
    lead_en = ("Cairo 14 May 2023 (Xinhua) The irrigation ministry said on Sunday that the water level in "
               "the dam's lake rose during the past week after heavy rains fell across the region.")
    text = "\n".join([lead_en, PARA_EN, PARA_EN2])
    assert analyze(text).date == "2023-05-14"
    assert leading_date(normalize_text(lead_en)) == "2023-05-14"


def test_a_weekday_in_brackets_after_a_date_is_no_agency():
    assert leading_date(normalize_text("في 14 مايو 2023 (الأحد) أعلنت الوزارة أن المنسوب ارتفع")) is None
    assert leading_date(normalize_text("On 14 May 2023 (Sunday) the ministry said the level rose")) is None
