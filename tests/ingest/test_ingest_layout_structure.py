"""Text-page layout by the shape and place of lines, with no word list: lists of definitions
under a paragraph are text, infoboxes of names and numbers are not."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.layout import analyze

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


# --- a run of short lines above the first long paragraph is furniture ------------------------------

LONG_EN = PARA_EN + " " + PARA_EN2
LONG_AR = PARA_AR + " " + PARA_AR2
BOX_EN = ["Syrian Salvation Government (Tahrir al-Sham)", "Interim Government (National Army)",
          "Capital", "Idlib (de facto)", "Prime Minister", "Mohammed al-Bashir",
          "Population", "4,000,000 (2023)"]
BOX_AR = ["حكومة الإنقاذ السورية (هيئة تحرير الشام)", "الحكومة المؤقتة (الجيش الوطني)",
          "العاصمة", "إدلب (بحكم الأمر الواقع)", "رئيس الوزراء", "محمد البشير",
          "عدد السكان", "4,000,000 (2023)"]


def test_a_run_of_short_lines_above_the_first_long_paragraph_is_boilerplate():
    title = "Syrian Salvation Government"
    text = "\n".join([title, "Areas under control of the government and of the opposition groups in 2024:",
                      *BOX_EN, LONG_EN])
    got = regions(text)
    for line in BOX_EN:
        assert got[line] == "boilerplate", line
    assert got[LONG_EN] == "body"
    assert analyze(text).title == title
    title_ar = "حكومة الإنقاذ السورية"
    text = "\n".join([title_ar, "مناطق سيطرة الحكومة وفصائل المعارضة في عام 2024:", *BOX_AR, LONG_AR])
    got = regions(text)
    for line in BOX_AR:
        assert got[line] == "boilerplate", line
    assert analyze(text).title == title_ar


def test_a_list_of_short_lines_under_the_first_long_paragraph_stays_text():
    text = "\n".join(["The governments of north-western Syria", LONG_EN, *BOX_EN, PARA_EN2])
    got = regions(text)
    assert [got[line] for line in BOX_EN[2:]] == ["body"] * 6


def test_seven_short_lines_above_the_text_are_not_a_run():
    # title, the line ending in a colon and five lines: seven short lines in all
    text = "\n".join(["Syrian Salvation Government",
                      "Areas under control of the government and of the opposition groups in 2024:",
                      *BOX_EN[:5], LONG_EN])
    got = regions(text)
    assert got[BOX_EN[0]] == "body"


# --- after the last paragraph: one furniture line, then a list -------------------------------------


def test_short_lines_under_one_furniture_line_after_the_text_are_boilerplate():
    tail_en = ["More from the section", "Subscribe to our newsletter now"]
    text = "\n".join(["Fighting resumes in the south of Tripoli", PARA_EN, PARA_EN2, "Share this:", *tail_en])
    got = regions(text)
    assert got["Share this:"] == "boilerplate"
    for line in tail_en:
        assert got[line] == "boilerplate", line
    tail_ar = ["أخبار من القسم", "اشترك الآن بالنشرة الإخبارية"]
    got = regions("\n".join(["اشتباكات جديدة في طرابلس", PARA_AR, PARA_AR2, "... المزيد", *tail_ar]))
    assert got["... المزيد"] == "boilerplate"
    for line in tail_ar:
        assert got[line] == "boilerplate", line


def test_one_line_under_a_read_also_line_at_the_end_stays_text():
    cut = 'ويرفض تحالف "هيئة تحرير الشام" مفاو'  # a page cut short after a "read also" line
    got = regions("\n".join(["اشتباكات جديدة في طرابلس", PARA_AR, PARA_AR2,
                             'قد يهمك: النظام السوري يخرق اتفاق "خفض تصعيد" بالغوطة', cut]))
    assert got[cut] == "body"
    cut_en = "The alliance rejects talks with the"
    got = regions("\n".join(["Fighting resumes in the south of Tripoli", PARA_EN, PARA_EN2,
                             "Read also: Regime forces advance in the Qalamoun mountains", cut_en]))
    assert got[cut_en] == "body"


# --- lines made from one template are never the title ----------------------------------------------


def test_lines_opening_alike_are_list_items_not_the_title():
    items = [f"Click the following link for a safe PDF copy: Jabhat al-Nusra — {name}" for name in
             ("Targeting Two Groups of Soldiers", "Raid in the Gharbah Neighbourhood",
              "Report on Some of the Various Operations")]
    text = "\n".join([*items, PARA_EN, PARA_EN2])
    layout = analyze(text)
    assert layout.title not in items
    got = regions(text)
    assert [got[line] for line in items] == ["body"] * 3
    items_ar = [f"اضغط على الرابط التالي لتحميل نسخة آمنة بصيغة PDF من بيان جبهة النصرة عن {name}" for name in
                ("استهداف مجموعتين من الجنود", "اقتحام حي الغربة", "تقرير عن بعض العمليات")]
    text = "\n".join([*items_ar, PARA_AR, PARA_AR2])
    assert analyze(text).title not in items_ar
    got = regions(text)
    assert [got[line] for line in items_ar] == ["body"] * 3


def test_a_title_given_three_times_is_still_the_title():
    title = "Rebels surrender heavy arms in Syria's Ghouta"
    assert analyze("\n".join([title, title, PARA_EN, title, PARA_EN2])).title == title
    title_ar = "المعارضة تسلم أسلحتها الثقيلة في الغوطة الشرقية"
    assert analyze("\n".join([title_ar, title_ar, PARA_AR, title_ar, PARA_AR2])).title == title_ar


# --- a site name or breadcrumb glued to the headline ----------------------------------------------


def test_the_headline_beside_its_copy_with_a_site_name_glued_is_the_title():
    title = "تركيا تسمح بمرور السوريين عبر معبر باب الهوى وسبعة معابر أخرى مغلقة"
    glued = "العرب اليوم - " + title
    layout = analyze("\n".join([title, "العرب اليوم -", glued, PARA_AR, PARA_AR2]))
    assert layout.title == title
    got = regions("\n".join([title, "العرب اليوم -", glued, PARA_AR, PARA_AR2]))
    assert got[glued] == "site-header"
    title_en = "Turkey opens the Bab al-Hawa crossing to Syrians returning for the holiday"
    crumbs = "Home Investigations " + title_en
    assert analyze("\n".join([crumbs, title_en, PARA_EN, PARA_EN2])).title == title_en


def test_a_heading_that_opens_with_the_title_words_stays_a_heading():
    title = "Hayat Tahrir al-Sham and its rule over Idlib"
    heading = title + " after 2019"
    text = "\n".join([title, PARA_EN, heading, PARA_EN2])
    assert analyze(text).title == title
    assert [h.text for h in analyze(text).headings] == [heading]


# --- a block of text given twice is text; a caption given twice is not ------------------------------

CAPTION_EN = ("Rebel fighters from Ahrar al-Sham in Jabal al-Zawiya in the southern countryside of Idlib, "
              "photographed in March")
CAPTION_AR = ("مقاتلون من حركة أحرار الشام في جبل الزاوية بريف إدلب الجنوبي خلال معارك شهر آذار "
              "الماضي في المنطقة الجبلية")


def test_paragraphs_given_twice_as_a_block_stay_text():
    text = "\n".join(["Hezbollah and the army plan", PARA_EN, PARA_EN2, PARA_EN, PARA_EN2])
    layout = analyze(text)
    assert [b.region for b in layout.blocks if b.region in ("body", "boilerplate")] == ["body"] * 4
    text = "\n".join(["هيئة تحرير الشام في إدلب", PARA_AR, PARA_AR2, PARA_AR, PARA_AR2])
    layout = analyze(text)
    assert [b.region for b in layout.blocks if b.region in ("body", "boilerplate")] == ["body"] * 4


def test_a_caption_given_twice_around_its_credit_is_still_boilerplate():
    lines = ["Fighting in Idlib", PARA_EN, CAPTION_EN, "Khalil Ashawi", CAPTION_EN, PARA_EN2]
    got = regions("\n".join(lines))
    assert got[CAPTION_EN] == "boilerplate"
    got = regions("\n".join(["معارك في إدلب", PARA_AR, CAPTION_AR, CAPTION_AR, PARA_AR2]))
    assert got[CAPTION_AR] == "boilerplate"


def test_a_short_line_going_on_in_lower_case_between_paragraphs_is_text():
    cut = "has since overseen a harsh crackdown on Islamists."
    got = regions("\n".join(["Militants attack army posts in Sinai", PARA_EN, cut, PARA_EN2]))
    assert got[cut] == "body"
    caption = "ISIS feeling the pinch."  # a short sentence alone between paragraphs: a caption
    got = regions("\n".join(["Militants attack army posts in Sinai", PARA_EN, caption, PARA_EN2]))
    assert got[caption] == "boilerplate"


# --- a line in the other script above the article's first paragraph --------------------------------


def test_a_line_in_the_other_script_above_the_first_paragraph_is_boilerplate():
    caption = ("A Syrian man stands at a makeshift camp for displaced people who fled the attacks "
               "in the south of Idlib province")
    got = regions("\n".join(["العامل الجهادي في إدلب السورية: حديث مع أبو محمد الجولاني", caption,
                             PARA_AR, PARA_AR2]))
    assert got[caption] == "boilerplate"
    assert got[PARA_AR] == "body"
    caption_ar = "رجل سوري يقف في مخيم مؤقت للنازحين الفارين من هجمات القوات الحكومية في ريف إدلب الجنوبي"
    got = regions("\n".join(["The jihadist factor in Syria's Idlib", caption_ar, PARA_EN, PARA_EN2]))
    assert got[caption_ar] == "boilerplate"
    assert got[PARA_EN] == "body"


def test_a_quote_in_the_other_script_inside_the_article_stays_text():
    quote = "رجل سوري يقف في مخيم مؤقت للنازحين الفارين من هجمات القوات الحكومية في ريف إدلب الجنوبي"
    got = regions("\n".join(["The jihadist factor in Syria's Idlib", PARA_EN, quote, PARA_EN2]))
    assert got[quote] == "body"
