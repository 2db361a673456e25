"""Text-page layout by the shape and place of lines, with no word list: lists of definitions
under a paragraph are text, infoboxes of names and numbers are not."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

# --- a glossary under a paragraph is text, an infobox is not ---------------------------------------

GLOSSARY_EN = [
    "Ansar (pl): supporters; those who came to the aid of the Prophet on his arrival in Medina",
    "Fatah: conquest, victory, triumph over an enemy in battle",
    "Haq: truth, rightfulness; al-haqq is also an attribute of God",
    "Hurr: denoting freedom or liberation from a master",
    "Shabiha (pl): ghosts; a term used to describe pro-regime militias",
]
GLOSSARY_AR = [
    "الأنصار: الذين نصروا النبي عند هجرته إلى المدينة وقاتلوا معه.",
    "الفتح: النصر والغلبة على العدو في المعركة وبسط السيطرة على الأرض.",
    "الشبيحة: وصف يطلق على المسلحين الموالين للنظام في المدن السورية.",
    "الحر: من تحرر من سلطان غيره ولم يعد خاضعاً لأحد من الناس.",
]


def test_a_glossary_under_a_paragraph_is_body_also_at_the_end_of_the_page():
    text = "\n".join(["A glossary of the names of armed groups in Syria", PARA_EN, *GLOSSARY_EN])
    got = regions(text)
    for line in GLOSSARY_EN:
        assert got[line] == "body", line


def test_an_arabic_glossary_of_sentences_between_paragraphs_is_body():
    text = "\n".join(["معجم أسماء الفصائل المسلحة في سوريا", PARA_AR, *GLOSSARY_AR, PARA_AR2])
    got = regions(text)
    for line in GLOSSARY_AR:
        assert got[line] == "body", line


def test_an_infobox_of_names_and_numbers_under_a_paragraph_stays_boilerplate():
    fields = ["Leader: Abu Mohammad al-Julani", "Founded: January 2017",
              "Headquarters: Idlib", "Size: 31,000 (est. 2017)"]
    fields_ar = ["القائد: أبو محمد الجولاني", "التأسيس: يناير 2017", "المقر: إدلب"]
    text = "\n".join(["Hayat Tahrir al-Sham and its rule over Idlib", PARA_EN, *fields, PARA_EN2])
    got = regions(text)
    for line in fields:
        assert got[line] == "boilerplate", line
    got = regions("\n".join(["هيئة تحرير الشام وحكمها في إدلب", PARA_AR, *fields_ar, PARA_AR2]))
    for line in fields_ar:
        assert got[line] == "boilerplate", line
