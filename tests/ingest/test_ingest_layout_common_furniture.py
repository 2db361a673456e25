"""The web's common furniture lines (data/common_furniture.txt, mined from real HTML pages): a line
that is one of them, whole, is boilerplate between paragraphs or under the text; the same words
heading a section of a sectioned text, or inside a sentence, stay text."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.data import data_lines
from bicorpus.layout import line_key

TITLE_EN = "Iraqi forces launch the offensive to retake Mosul"
TITLE_AR = "هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب"
PARA_EN3 = ("The advance slowed in the western districts, where the narrow streets of the old city left "
            "armoured columns exposed and forced commanders to rely on small infantry units instead.")
PARA_AR3 = ("وتباطأ التقدم في الأحياء الغربية حيث تركت الشوارع الضيقة في المدينة القديمة الأرتال المدرعة "
            "مكشوفة وأجبرت القادة على الاعتماد على وحدات مشاة صغيرة بدلاً منها.")


def test_the_list_is_keyed_as_the_layout_keys_lines():
    keys = {line_key(line) for line in data_lines("common_furniture.txt")}
    assert line_key("Join the Conversation") in keys
    assert line_key("أعلن معنا") in keys
    assert line_key("Background") not in keys  # a report's heading is no furniture


def test_a_listed_line_between_paragraphs_is_boilerplate():
    for line in ("Join the Conversation", "Advertise With Us"):
        got = regions("\n".join([TITLE_EN, PARA_EN, line, PARA_EN2]))
        assert got[line] == "boilerplate", line
        assert got[PARA_EN2] == "body"
    for line in ("أعلن معنا", "منوعات"):
        got = regions("\n".join([TITLE_AR, PARA_AR, line, PARA_AR2]))
        assert got[line] == "boilerplate", line
        assert got[PARA_AR2] == "body"


def test_a_listed_line_under_the_text_is_boilerplate():
    for line in ("Story continues below", "Advertise With Us"):
        got = regions("\n".join([TITLE_EN, PARA_EN, PARA_EN2, line]))
        assert got[line] == "boilerplate", line
    got = regions("\n".join([TITLE_AR, PARA_AR, PARA_AR2, "أعلن معنا"]))
    assert got["أعلن معنا"] == "boilerplate"


def test_the_same_words_heading_a_section_of_the_text_stay_a_heading():
    # a text with section headings: "Culture" / "ثقافة" heads a section like the others
    page = "\n".join([TITLE_EN, PARA_EN, "The battle for the old city", PARA_EN2, "Culture", PARA_EN3])
    got = regions(page)
    assert got["Culture"] == "heading"
    assert got["The battle for the old city"] == "heading"
    page = "\n".join([TITLE_AR, PARA_AR, "المعركة في المدينة القديمة", PARA_AR2, "ثقافة", PARA_AR3])
    got = regions(page)
    assert got["ثقافة"] == "heading"


def test_the_words_inside_a_sentence_stay_text():
    sentence_en = ("Readers were asked to join the conversation about the offensive, and hundreds of them "
                   "wrote in from Mosul and Erbil within the first day of the fighting.")
    sentence_ar = ("ودعت الصحيفة المعلنين إلى أن أعلن معنا في حملة لدعم النازحين من إدلب وريفها "
                   "خلال الأسابيع الماضية، فاستجاب عدد كبير منهم.")
    got = regions("\n".join([TITLE_EN, PARA_EN, sentence_en, PARA_EN2]))
    assert got[sentence_en] == "body"
    got = regions("\n".join([TITLE_AR, PARA_AR, sentence_ar, PARA_AR2]))
    assert got[sentence_ar] == "body"
