"""Text-page layout rules: a document's table of contents under its heading."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.layout import line_key
from bicorpus.layout_caption_day import caption_with_day
from bicorpus.layout_contents import contents_headings, contents_items
from bicorpus.normalize import normalize_text


def test_a_reports_table_of_contents_stays_text():
    items = ["• Introduction", "• Summary of findings.", "• Opening paper: Dr Laila Haddad (guest speaker)",
             "• Responses:", "• First response: Mr Omar Farid", "• Second response: Dr Sami Nour",
             "• Chair: Ms Hana Saleh", "• Recommendations"]
    got = regions("\n".join(["Water report no. 12", PARA_EN, "Contents", *items, PARA_EN2]))
    assert all(got[line] == "body" for line in items), got
    assert got["Contents"] in {"heading", "body"}
    items = ["• تمهيد", "• الملخص التنفيذي.", "• الورقة الرئيسة: د. ليلى حداد (ضيفة اللقاء)",
             "• التعقيبات:", "• التعقيب الأول: أ. عمر فريد", "• التعقيب الثاني: د. سامي نور",
             "• إدارة الحوار: أ. هناء صالح", "• التوصيات"]
    got = regions("\n".join(["تقرير المياه رقم 12", PARA_AR, "المحتويات", *items, PARA_AR2]))
    assert all(got[line] == "body" for line in items), got
    assert got["المحتويات"] in {"heading", "body"}
    got = regions("\n".join(["تقرير المياه رقم 12", PARA_AR, "المحتويات", PARA_AR2]))
    assert got["المحتويات"] == "boilerplate"  # a label with no contents under it


def _items(texts: list[str], bullets: list[bool]) -> list[int]:
    return contents_items(texts, [line_key(t) for t in texts], bullets)


def test_contents_items_need_the_heading_and_a_run_of_bullets():
    texts = ["Contents", "• One: a", "• Two: b", "• Three: c", "Text goes on."]
    bullets = [False, True, True, True, False]
    assert _items(texts, bullets) == [1, 2, 3]
    assert contents_headings(_items(texts, bullets)) == [0]
    assert _items(["Related", *texts[1:]], bullets) == []  # no contents heading
    assert _items(texts[:3] + texts[4:], bullets[:3] + bullets[4:]) == []  # two bullets only
    texts = ["فهرس المحتويات:", "• أولا", "• ثانيا", "• ثالثا"]
    assert _items(texts, [False, True, True, True]) == [1, 2, 3]


def test_an_arabic_download_the_full_report_prompt_is_boilerplate():
    prompt = ".لتحميل الدراسة كاملة بصيغة PDF اضغطوا على الرابط في الأسفل."
    got = regions("\n".join(["دراسة عن العمالة المنزلية", PARA_AR, prompt, PARA_AR2]))
    assert got[prompt] == "boilerplate"
    assert got[PARA_AR2] == "body"
    prompt = "Download the full report in English and Arabic below."
    got = regions("\n".join(["A study of domestic workers", PARA_EN, prompt, PARA_EN2]))
    assert got[prompt] == "boilerplate"
    line = "تحميل البضائع في الميناء توقف ثلاثة أيام بسبب الإضراب، بحسب مسؤولين في الشركة."
    got = regions("\n".join([PARA_AR, line, PARA_AR2]))
    assert got[line] == "body"


def test_a_present_tense_caption_closing_on_its_day_is_boilerplate():
    caption = "The Jordanian foreign minister speaks during a news conference in Amman, March 3, 2024"
    got = regions("\n".join(["Jordan and Iraq sign a water deal", PARA_EN, caption, PARA_EN2]))
    assert got[caption] == "boilerplate"
    assert got[PARA_EN2] == "body"
    caption = "وزير الخارجية الأردني يتحدث خلال مؤتمر صحفي في عمّان، ٣ مارس ٢٠٢٤."
    got = regions("\n".join(["الأردن والعراق يوقعان اتفاق مياه", PARA_AR, caption, PARA_AR2]))
    assert got[caption] == "boilerplate"
    assert got[PARA_AR2] == "body"
    said = "The minister said the two countries had agreed on the price of water, on Sunday, March 3, 2024."
    got = regions("\n".join([PARA_EN, said, PARA_EN2]))
    assert got[said] == "body"


def test_caption_with_day_needs_a_caption_verb_and_a_closing_day():
    def caption(text: str) -> bool:
        return caption_with_day(normalize_text(text))

    assert caption("Protesters gather outside the parliament in Tunis, 5 May 2024.")
    assert caption("رئيس الوزراء يتفقد موقع السد في الحسكة، ١٢ أيار ٢٠٢٤")
    assert not caption("Protesters gathered outside the parliament in Tunis, 5 May 2024.")
    assert not caption("Protesters gather outside the parliament in Tunis on Sunday.")
    assert not caption("رئيس الوزراء زار موقع السد في الحسكة، ١٢ أيار ٢٠٢٤")
