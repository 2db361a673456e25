"""Text-page layout rules: the page's date read from a stamp run into its first line, a site's
clock never taken for the page's date, ..."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2

from bicorpus.layout import analyze

# --- dates ---------------------------------------------------------------------------------------------


def test_a_stamp_in_a_page_run_together_into_one_line_dates_the_page():
    text = ("Opinion Energy Oil exporters face a lean year as prices slide By Jane Doe "
            "March 3, 2025, 4:12 PM Reuters " + PARA_EN + " " + PARA_EN2)
    assert analyze(text).date == "2025-03-03"
    text = ("كتب أحمد سعيدالثلاثاء، 4 مارس 2025 10:15 ص " + PARA_AR + " " + PARA_AR2)
    assert analyze(text).date == "2025-03-04"


def test_a_headline_run_on_into_its_update_stamp_dates_the_page():
    text = "\n".join([("Gulf ports see record container traffic this winter as shipping lines"
                      " avoid the Red Sea3 min read . Updated: 14 Jan 2024, 09:40 AM IST"),
                      PARA_EN, PARA_EN2])
    assert analyze(text).date == "2024-01-14"
    text = "\n".join([("موانئ الخليج تسجل حركة حاويات قياسية هذا الشتاء مع تجنب خطوط الشحن"
                      " البحر الأحمر وارتفاع أسعار التأمين 3 دقائق قراءة آخر تحديث: 14 يناير 2024، 09:40 ص"),
                      PARA_AR, PARA_AR2])
    assert analyze(text).date == "2024-01-14"


def test_a_day_named_in_the_first_line_without_its_time_is_no_stamp():
    text = ("Talks resumed on March 3, 2025 after a pause of two weeks in the capital. "
            + PARA_EN + " " + PARA_EN2)
    assert analyze(text).date is None
    text = ("استؤنفت المحادثات في 4 مارس 2025 بعد توقف دام أسبوعين في العاصمة. " + PARA_AR + " " + PARA_AR2)
    assert analyze(text).date is None


def test_the_sites_clock_in_two_calendars_is_not_the_pages_date():
    text = "\n".join(["الخميس 27 مارس 2025 11:20 مـ 27 رمضان 1446 هـ", "صحيفة الوطن رئيس التحرير محمد علي",
                      PARA_AR, PARA_AR2])
    assert analyze(text).date is None
    text = "\n".join(["Thursday, March 27, 2025 11:20 PM | Ramadan 27, 1446 AH", "The Daily Courier",
                      PARA_EN, PARA_EN2])
    assert analyze(text).date is None
