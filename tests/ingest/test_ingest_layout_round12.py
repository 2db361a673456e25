"""Text-page layout rules: a site's clock (a weekday and a date) among the header's menus is the
site's chrome, not the page's dateline."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.layout import analyze

MENU_EN = ["• About us", "• Contact", "• Home", "• News", "• Opinion", "• Interviews"]
MENU_AR = ["• من نحن", "• اتصل بنا", "• الرئيسية", "• آخر الأخبار", "• آراء", "• حوارات"]


def _page(top: list[str], menu: list[str], headline: str, paras: list[str]) -> str:
    return "\n".join([*top, *menu, "Primary Menu", headline, *paras])


def test_a_clock_among_the_header_menus_is_not_the_pages_date():
    headline = "Flooding in the delta displaces thousands of families"
    text = _page(["Skip to content", "Wed. Mar 5th, 2025"], MENU_EN, headline, [PARA_EN, PARA_EN2])
    layout = analyze(text)
    assert layout.date is None
    assert regions(text)["Wed. Mar 5th, 2025"] == "site-header"
    assert layout.title == headline
    headline_ar = "الفيضانات في الدلتا تشرد آلاف الأسر"
    text = _page(["تخطى إلى المحتوى", "الأربعاء 5 مارس 2025"], MENU_AR, headline_ar, [PARA_AR, PARA_AR2])
    layout = analyze(text)
    assert layout.date is None
    assert regions(text)["الأربعاء 5 مارس 2025"] == "site-header"


def test_a_date_without_its_weekday_in_the_header_stays_the_pages_date():
    headline = "Flooding in the delta displaces thousands of families"
    text = _page(["Skip to content", "March 5, 2025"], MENU_EN, headline, [PARA_EN, PARA_EN2])
    assert analyze(text).date == "2025-03-05"
    text = _page(["تخطى إلى المحتوى", "5 مارس 2025"], MENU_AR, "الفيضانات في الدلتا تشرد آلاف الأسر",
                 [PARA_AR, PARA_AR2])
    assert analyze(text).date == "2025-03-05"
