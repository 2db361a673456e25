"""Text-page layout rules: newsletter and paywall promotions, comment and review prompts, a list
widget's marks, licence lines, source lines closing the story, captions closing with their agency."""

from __future__ import annotations

from ingest_helpers import ARTICLE, PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.layout import analyze

TITLE_EN = "Iraqi forces launch the offensive to retake Mosul"
TITLE_AR = "هيئة تحرير الشام تسيطر على إدلب"


# --- promotions and prompts ----------------------------------------------------------------------------


def test_a_newsletter_promotion_over_the_story_is_boilerplate():
    unlock = "Unlock the Morning Briefing for free"
    pitch = "Jane Doe, Editor of the Courier, selects her favourite stories in this weekly newsletter."
    text = "\n".join([TITLE_EN, unlock, pitch, PARA_EN, PARA_EN2])
    got = regions(text)
    assert got[unlock] == got[pitch] == "boilerplate"
    assert got[PARA_EN] == got[PARA_EN2] == "body"
    assert analyze(text).title == TITLE_EN
    # with no headline above it, the promotion is not taken for the title either
    text = "\n".join([unlock, pitch, PARA_EN, PARA_EN2])
    assert analyze(text).title is None
    assert regions(text)[unlock] not in ARTICLE


def test_a_pitch_closing_on_its_newsletter_call_is_boilerplate():
    pitch = ("Start your day with an assessment of the stories that will shape the next 24 hours. "
             "Download The Morning Brief.")
    text = "\n".join([TITLE_EN, PARA_EN, pitch, PARA_EN2])
    assert regions(text)[pitch] == "boilerplate"
    pitch_ar = "احصل على أهم أخبار سوريا كل صباح في بريدك. اشترك في نشرتنا البريدية الآن."
    text = "\n".join([TITLE_AR, PARA_AR, pitch_ar, PARA_AR2])
    assert regions(text)[pitch_ar] == "boilerplate"


def test_a_review_prompt_and_a_comment_count_under_the_story_are_boilerplate():
    text = "\n".join([TITLE_AR, PARA_AR, PARA_AR2, "إترك مراجعة"])
    assert regions(text)["إترك مراجعة"] == "boilerplate"
    text = "\n".join([TITLE_EN, PARA_EN, PARA_EN2, "Leave a review", "No responses yet"])
    got = regions(text)
    assert got["Leave a review"] == got["No responses yet"] == "boilerplate"
    assert got[PARA_EN2] == "body"


def test_a_list_widgets_marks_and_the_suggested_stories_label_are_boilerplate():
    marks = "قائمة من 3 عناصرنهاية القائمة"
    text = "\n".join([TITLE_AR, PARA_AR, "قصص مقترحة", marks, PARA_AR2])
    got = regions(text)
    assert got["قصص مقترحة"] == got[marks] == "boilerplate"
    assert got[PARA_AR] == got[PARA_AR2] == "body"
    text = "\n".join([TITLE_EN, PARA_EN, "Suggested stories", PARA_EN2])
    assert regions(text)["Suggested stories"] == "boilerplate"


def test_a_licence_line_is_boilerplate():
    licence = "This work is licensed under the Creative Commons Attribution International License (CC BY)."
    text = "\n".join([TITLE_EN, licence, PARA_EN, PARA_EN2])
    assert regions(text)[licence] == "boilerplate"
    licence_ar = "هذا العمل مرخّص بموجب رخصة المشاع الإبداعي: نسب المصنف 4.0 دولي."
    text = "\n".join([TITLE_AR, PARA_AR, PARA_AR2, licence_ar])
    assert regions(text)[licence_ar] == "boilerplate"
    # a sentence about licences in the text stays
    said = ("The ministry said the company was licensed under the new mining law to export the ore from "
            "the northern fields for ten years.")
    assert regions("\n".join([TITLE_EN, PARA_EN, said, PARA_EN2]))[said] == "body"


def test_a_source_line_with_a_spaced_full_stop_closing_the_story_is_boilerplate():
    for source in ("المصدر : قناة الغد .", "Source: Sky News ."):
        para, para2 = (PARA_AR, PARA_AR2) if source.startswith("ال") else (PARA_EN, PARA_EN2)
        text = "\n".join([TITLE_EN, para, para2, source])
        assert regions(text)[source] == "boilerplate", source


# --- captions --------------------------------------------------------------------------------------------


def test_a_caption_closing_with_its_agency_in_brackets_is_boilerplate_not_the_title():
    caption = "Iraqi Prime Minister Haider al-Abadi in Baghdad (Anadolu Agency)"
    text = "\n".join([caption, PARA_EN, PARA_EN2])
    assert regions(text)[caption] == "boilerplate"
    assert analyze(text).title is None
    caption_ar = "عناصر من هيئة تحرير الشام في ريف إدلب (الجزيرة)"
    text = "\n".join([TITLE_AR, caption_ar, PARA_AR, PARA_AR2])
    got = regions(text)
    assert got[caption_ar] == "boilerplate"
    assert analyze(text).title == TITLE_AR
    # a headline marked as a video is not a caption
    video = "هيئة تحرير الشام تسيطر على معبر باب الهوى (فيديو)"
    assert analyze("\n".join([video, PARA_AR, PARA_AR2])).title == video


# --- bylines below the first paragraph ------------------------------------------------------------------


def test_the_bylines_of_listed_items_are_not_text():
    items = ["Jul 20, 2023", "Iraqi forces push into western Mosul", "By Jane Doe and Omar al-Hassan",
             PARA_EN, "Jul 18, 2023", "The coalition prepares the battlefield", "By Mark N. Katz", PARA_EN2]
    text = "\n".join([TITLE_EN, PARA_EN2.replace("six", "eight"), *items])
    got = regions(text)
    assert got["By Jane Doe and Omar al-Hassan"] == got["By Mark N. Katz"] == "dateline"
    assert got[PARA_EN] == got[PARA_EN2] == "body"
    items_ar = ["هيئة تحرير الشام بعد عام على السيطرة", "بقلم: محمد علي الحسن", PARA_AR,
                "أحرار الشام والهدنة", "بقلم: سامر عبد الله", PARA_AR2]
    text = "\n".join([TITLE_AR, PARA_AR2.replace("2017", "2018"), *items_ar])
    got = regions(text)
    assert got["بقلم: محمد علي الحسن"] == got["بقلم: سامر عبد الله"] == "dateline"
    assert got[PARA_AR] == got[PARA_AR2] == "body"


def test_the_stamps_of_listed_items_are_not_text():
    stamp, stamp2 = "April 20, 2016 | EXPERT: Jane Doe", "April 13, 2016 | EXPERT: Jane Doe"
    text = "\n".join([TITLE_EN, "Research and Analysis", stamp, PARA_EN, stamp2, PARA_EN2])
    got = regions(text)
    assert got[stamp2] == "dateline"
    assert got[PARA_EN] == got[PARA_EN2] == "body"
    stamp_ar, stamp_ar2 = "12 مارس 2024 | كتب: محمد علي", "5 مارس 2024 | كتب: سامر عبد الله"
    text = "\n".join([TITLE_AR, "أبحاث وتحليلات", stamp_ar, PARA_AR, stamp_ar2, PARA_AR2])
    got = regions(text)
    assert got[stamp_ar2] == "dateline"
    assert got[PARA_AR2] == "body"
    # a timeline's entry goes on after a colon: the text
    entry = "March 2, 2016: Iraqi forces took the town of Hit"
    text = "\n".join([TITLE_EN, PARA_EN, PARA_EN2, entry, PARA_EN.replace("Mosul", "Hit")])
    assert regions(text)[entry] in ("body", "heading")


def test_a_publication_type_label_between_listed_items_is_not_text():
    items = ["Feb 1, 2023", "Iraqi forces push into western Mosul", "By Jane Doe", PARA_EN,
             "Issue Brief", "Dec 15, 2021", "The coalition prepares the battlefield", "By Mark N. Katz",
             PARA_EN2, "Policy Brief"]
    got = regions("\n".join([TITLE_EN, PARA_EN2.replace("six", "eight"), *items]))
    assert got["Issue Brief"] == got["Policy Brief"] == "boilerplate"
    assert got[PARA_EN] == got[PARA_EN2] == "body"


def test_topic_tags_between_listed_items_are_boilerplate():
    items = ["Feb 1, 2023", "Iraqi forces push into western Mosul", "By Jane Doe", PARA_EN,
             "Politics & Diplomacy", "Dec 15, 2021", "The coalition prepares the battlefield",
             "By Mark N. Katz", PARA_EN2, "Elections Iraq", "Aug 30, 2021", "Kurds enter Raqqa",
             "By Omar Hassan", PARA_EN.replace("Mosul", "Raqqa")]
    got = regions("\n".join([TITLE_EN, PARA_EN2.replace("six", "eight"), *items]))
    assert got["Politics & Diplomacy"] == got["Elections Iraq"] == "boilerplate"
    assert got[PARA_EN] == got[PARA_EN2] == "body"
    items_ar = ["12 مارس 2024", "هيئة تحرير الشام بعد عام على السيطرة", "بقلم: محمد علي", PARA_AR,
                "سياسة الشرق الأوسط", "5 مارس 2024", "أحرار الشام والهدنة", "بقلم: سامر عبد الله", PARA_AR2]
    got = regions("\n".join([TITLE_AR, PARA_AR2.replace("2017", "2018"), *items_ar]))
    assert got["سياسة الشرق الأوسط"] == "boilerplate"
    assert got[PARA_AR] == got[PARA_AR2] == "body"
    # a headline standing above its item's date is no tag
    items = ["Iraqi forces push into the western districts of Mosul", "Feb 1, 2023", "By Jane Doe", PARA_EN,
             "The coalition prepares the battlefield around the city", "Dec 15, 2021", "By Mark N. Katz",
             PARA_EN2]
    got = regions("\n".join([TITLE_EN, PARA_EN2.replace("six", "eight"), *items]))
    assert got["The coalition prepares the battlefield around the city"] != "boilerplate"


def test_a_sentence_opening_on_by_below_the_first_paragraph_stays_text():
    for line in ("By then, the fighters had left the old city",
                 "By contrast, the army held the airport and the road to the north."):
        text = "\n".join([TITLE_EN, PARA_EN, line, PARA_EN2])
        assert regions(text)[line] in ("body", "heading"), line  # the text, not a byline


# --- hard-wrapped Arabic text ending short ---------------------------------------------------------------

WRAPPED_3 = ["أعلنت المديرية العامة للأمن العام اللبناني أن أعداد اللاجئين",
             "السوريين الذين غادروا طواعية الأراضي اللبنانية أمس عائدين إلى",
             "ديارهم في سوريا بلغ سبعمائة نازح ممن كانوا يقطنون منطقة البقاع"]


def test_three_wrapped_lines_and_a_short_last_line_closing_the_sentence_are_one_paragraph():
    lines = [*WRAPPED_3, "الأوسط وبلدة شبعا."]
    text = "\n".join([TITLE_AR, "", *lines, "", PARA_AR2])
    got = regions(text)
    assert got["\n".join(lines)] == "body"  # one paragraph, in the text
    assert analyze(text).title == TITLE_AR


def test_wrapped_lines_cut_short_at_the_end_of_the_page_stay_text():
    lines = [*WRAPPED_3, "الأوسط وب"]  # the page stops in mid-line
    text = "\n".join([TITLE_AR, PARA_AR, PARA_AR2, "", *lines])
    got = regions(text)
    assert got["\n".join(lines)] == "body"


def test_a_short_source_line_under_lines_of_one_width_is_not_wrapped_text():
    title = "مجلس الأمن الدولي يستعد للتصويت على قرار حول الصحراء الغربية"
    lines = ["الجريدة اليومية الجمعة 31 أكتوبر 2025 | 01:54 مساءً", title, title, "وكالات"]
    got = regions("\n".join([title, "", *lines, "", PARA_AR, PARA_AR2]))
    assert got["وكالات"] != "body"
    assert got[lines[0]] == "dateline"  # not joined to the lines under it
    assert got[PARA_AR2] == "body"


# --- a short sentence between two paragraphs -------------------------------------------------------------


def test_a_short_sentence_with_an_auxiliary_verb_between_paragraphs_is_text():
    line = "The coalition has previously rejected any truce."
    text = "\n".join([TITLE_EN, PARA_EN, line, PARA_EN2])
    assert regions(text)[line] == "body"
    caption = "Kurdish fighters near the front line."  # a caption names what is shown
    text = "\n".join([TITLE_EN, PARA_EN, caption, PARA_EN2])
    assert regions(text)[caption] == "boilerplate"


def test_a_short_arabic_sentence_opening_on_and_between_paragraphs_is_text():
    line = "ويشير البيان إلى اتفاق الهدنة الأخير."
    text = "\n".join([TITLE_AR, PARA_AR, line, PARA_AR2])
    assert regions(text)[line] == "body"
    caption = "مقاتلون من الهيئة قرب معبر باب الهوى."
    text = "\n".join([TITLE_AR, PARA_AR, caption, PARA_AR2])
    assert regions(text)[caption] == "boilerplate"


# --- a page cut off by its end in mid-text ---------------------------------------------------------------


def test_a_section_heading_and_the_cut_start_of_its_text_closing_the_page_are_text():
    text = "\n".join([TITLE_EN, PARA_EN, "Keywords:", "Mosul, Iraq, Coalition", "1. Introduction",
                      "The battle for the"])
    got = regions(text)
    assert got["Keywords:"] == "boilerplate"
    assert got["1. Introduction"] in ("heading", "body")
    assert got["The battle for the"] in ("heading", "body")
    text = "\n".join([TITLE_AR, PARA_AR, "الكلمات المفتاحية", "إدلب، هيئة تحرير الشام", "الملخص",
                      "بسطت الهيئة سيطرتها"])
    got = regions(text)
    assert got["الملخص"] in ("heading", "body")
    assert got["بسطت الهيئة سيطرتها"] in ("heading", "body")


def test_a_last_line_stopping_on_a_preposition_under_the_text_is_text():
    items = ["Aleppo: 20 seats", "Idlib: 8 seats", "Raqqa: 3 seats", "Hama: 12 seats"]
    cut = "The decree also sets out the"
    text = "\n".join([TITLE_EN, PARA_EN, "The seats are shared out among the provinces as follows:",
                      *[f"-\n{i}" for i in items], cut])
    got = regions(text)
    assert got[cut] == got[items[-1]] == "body"
    cut_ar = "وينص المرسوم على"
    assert regions("\n".join([TITLE_AR, PARA_AR, PARA_AR2, cut_ar]))[cut_ar] == "body"
    # a share line stopping on "on" is the site's, not the text
    share = "شارك الخبر على"
    assert regions("\n".join([TITLE_AR, PARA_AR, PARA_AR2, share]))[share] == "boilerplate"


# --- a notice a few lines into the page ------------------------------------------------------------------


def test_a_sites_notice_under_the_title_and_its_series_line_is_boilerplate():
    notice = ("[Notice: The Mosul Project frequently cites sources from foreign domains. All such links are "
              "marked with an asterisk for the reader's awareness.]")
    text = "\n".join(["Mosul File", "The Mosul File is a weekly assessment of the battle for the city.",
                      TITLE_EN, notice, PARA_EN, PARA_EN2])
    assert regions(text)[notice] == "boilerplate"
    notice_ar = ("المقالات المنشورة تعبر عن رأي كاتبها ولا تعبر بالضرورة عن رأي الموقع أو سياسته التحريرية، "
                 "ويتحمل الكاتب وحده مسؤولية ما يرد فيها.")
    text = "\n".join(["ملف إدلب", "تقرير أسبوعي عن تطورات الشمال السوري", TITLE_AR, notice_ar,
                      PARA_AR, PARA_AR2])
    assert regions(text)[notice_ar] == "boilerplate"
    assert regions(text)[PARA_AR] == "body"


def test_a_site_builders_page_marks_are_boilerplate():
    text = "\n".join(["top of page", TITLE_EN, PARA_EN, PARA_EN2, "4 views0 comments", "bottom of page"])
    got = regions(text)
    assert got["top of page"] == got["bottom of page"] == "boilerplate"
    assert analyze(text).title == TITLE_EN
    text = "\n".join(["أعلى الصفحة", TITLE_AR, PARA_AR, PARA_AR2, "أسفل الصفحة"])
    got = regions(text)
    assert got["أعلى الصفحة"] == got["أسفل الصفحة"] == "boilerplate"


# --- a related list with excerpts ------------------------------------------------------------------------


def test_the_excerpts_under_a_related_posts_cue_go_with_its_headlines():
    excerpt = ("The coalition has been preparing the battlefield for the offensive on the western bank of "
               "the river for weeks, officials said on…")
    excerpt2 = "Kurdish fighters entered the eastern districts of the city on Friday after a week of heavy…"
    text = "\n".join([TITLE_EN, PARA_EN, PARA_EN2, "Related Posts", "Coalition prepares Mosul push", excerpt,
                      "Kurds enter Raqqa", excerpt2])
    got = regions(text)
    assert got[excerpt] == got[excerpt2] == got["Kurds enter Raqqa"] == "boilerplate"
    assert got[PARA_EN2] == "body"
    excerpt_ar = ("بسطت فصائل المعارضة سيطرتها على عدد من القرى في ريف حماة الشمالي بعد معارك عنيفة مع "
                  "قوات النظام استمرت أياماً…")
    text = "\n".join([TITLE_AR, PARA_AR, PARA_AR2, "مقالات ذات صلة", "المعارضة تتقدم في ريف حماة", excerpt_ar,
                      "الهيئة تسيطر على معبر باب الهوى", excerpt_ar.replace("حماة", "إدلب")])
    got = regions(text)
    assert got[excerpt_ar] == "boilerplate"
    assert got[PARA_AR2] == "body"


# --- a paragraph given twice --------------------------------------------------------------------------------


def test_a_sentence_of_the_text_given_twice_keeps_its_first_copy():
    lead = ("BEIRUT – A US-backed operation to capture Raqqa will start in the coming days after advances "
            "to the outskirts of the city, a commander of the Syrian Kurdish militia said on Saturday.")
    text = "\n".join([lead, "Original Article", TITLE_EN, lead, PARA_EN2])
    # the first copy is the text, the second its copy
    assert [b.region for b in analyze(text).blocks if text[b.start:b.end] == lead] == ["body", "boilerplate"]
    lead_ar = ("وأعلنت قوات سوريا الديمقراطية أن معركة الرقة ستبدأ خلال أيام بعد تقدمها إلى أطراف المدينة، "
               "بحسب ما قاله أحد قادتها يوم السبت في مؤتمر صحفي.")
    text = "\n".join([lead_ar, "المقال الأصلي", TITLE_AR, lead_ar, PARA_AR2])
    got = [b.region for b in analyze(text).blocks if text[b.start:b.end] == lead_ar]
    assert got == ["body", "boilerplate"]
    # a caption given twice (alt text and caption) stays boilerplate both times
    caption = ("Fighters of the Syrian Democratic Forces ride in a pickup truck on the outskirts of Raqqa, "
               "Syria, June 7, 2017. Reuters")
    text = "\n".join([TITLE_EN, caption, "Original Article", caption, PARA_EN, PARA_EN2])
    assert [b.region for b in analyze(text).blocks if text[b.start:b.end] == caption] == ["boilerplate"] * 2


# --- a topic tag beside the page's stamp ---------------------------------------------------------------


def test_a_topic_tag_beside_the_pages_stamp_is_boilerplate_and_the_stamp_still_dates_the_page():
    for tag, title, paras in (("قطاع غزة", TITLE_AR, (PARA_AR, PARA_AR2)),
                              ("Syrian Civil War", TITLE_EN, (PARA_EN, PARA_EN2))):
        stamped = f"date 2025-08-18 {tag}"
        text = "\n".join([stamped, title, *paras])
        assert regions(text)[stamped] == "boilerplate", tag
        layout = analyze(text)
        assert layout.date == "2025-08-18"
        assert layout.title == title
    # a dateline beside the stamp stays the dateline
    stamped = "date 2025-08-27 شفق نيوز- دمشق"
    assert regions("\n".join([stamped, TITLE_AR, PARA_AR, PARA_AR2]))[stamped] == "dateline"
