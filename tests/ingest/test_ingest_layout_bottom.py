"""Text-page layout inside and under the article: lists of stamped headlines, comment forms,
a channel credit alone on its line, lines inside an infobox, captions saying what a picture shows."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.layout import analyze, is_caption, is_navigation

# --- related headlines with their timestamps ------------------------------------------------------


def test_headlines_glued_to_their_timestamps_after_the_article_are_boilerplate():
    listed = ["GMT 14:07 2017 Wednesday ,20 December",
              "More than 20 Houthis killed in Sanaa in the past 24 hours"
              "GMT 11:33 2017 Wednesday ,13 December",
              "Air raids on Yemen rebel training camp kill 26GMT 10:17 2017 Monday ,04 December"]
    footer = "8 Houthi militants killed in clashes with Yemeni forcesMaintained and developed by Arab Group."
    title = "Suicide attack hits security headquarters in Aden"
    text = "\n".join([title, PARA_EN, PARA_EN2, *listed, footer])
    got = regions(text)
    for line in [*listed, footer]:
        assert got[line] == "boilerplate", line
    assert got[PARA_EN2] == "body"


def test_arabic_headlines_with_their_timestamps_after_the_article_are_boilerplate():
    listed = ["مقتل 20 حوثياً في صنعاء خلال الساعات الأربع والعشرين الماضية 11:33 13-12-2017",
              "غارات جوية على معسكر تدريب للمتمردين في اليمن 10:17 04-12-2017"]
    glued = "مقتل أربعين حوثياً في مواجهات غرب اليمنGMT 16:24 2017 الأحد ,10 ديسمبر"
    text = "\n".join(["هجوم انتحاري يستهدف مقراً أمنياً في عدن", PARA_AR, PARA_AR2, *listed, PARA_AR, glued])
    got = regions(text)
    for line in [*listed, glued]:
        assert got[line] == "boilerplate", line
    assert got[PARA_AR2] == "body"


def test_a_timeline_of_stamped_sentences_is_text():
    timeline = ["12 May 2017, 10:30 – Kurdish forces entered the city centre from the north and east.",
                "12 May 2017, 14:00 – The group counterattacked in the eastern districts of the city.",
                "12 أيار 2017، 10:30 – دخلت القوات الكردية مركز المدينة من جهتي الشمال والشرق."]
    text = "\n".join(["How the battle for Raqqa unfolded", PARA_EN, *timeline, PARA_EN2])
    got = regions(text)
    assert all(got[line] == "body" for line in timeline)


def test_a_single_timestamp_under_the_article_is_not_a_list():
    stamp = "Last updated 11:33 GMT, 13 December 2017"
    text = "\n".join(["Suicide attack hits security headquarters in Aden", PARA_EN, PARA_EN2, stamp])
    assert regions(text)[stamp] != "boilerplate"
    para = ("At 11:33 on 13 December 2017 a car bomb went off outside the criminal investigations unit, "
            "and gunmen then stormed the building, officials said.")
    text = "\n".join(["Suicide attack hits security headquarters in Aden", PARA_EN, para, PARA_EN2])
    assert regions(text)[para] == "body"


# --- comment forms ---------------------------------------------------------------------------------


def test_comment_form_prompts_are_navigation_in_both_languages():
    for line in ["Send your comments", "Your comment as a visitor", "Your name:", "Leave your comment",
                 "أرسل تعليقك", "تعليقك كزائر", "أضف رأيك", "اسمك:"]:
        assert is_navigation(line), line
    for line in ["Send your comments to the editor about this decision, the minister said.",
                 "تعليقك على قرار الوزير كان في محله حسب رأي الكثيرين"]:
        assert not is_navigation(line), line


def test_comment_form_under_the_article_is_boilerplate():
    form = ["All rights reserved to Arab Media Group 2021 ©", "Send your comments",
            "Your comment as a visitor"]
    text = "\n".join(["Suicide attack hits security headquarters in Aden", PARA_EN, PARA_EN2, *form])
    got = regions(text)
    for line in form:
        assert got[line] == "boilerplate", line
    form_ar = ["جميع الحقوق محفوظة © 2021", "أرسل تعليقك", "تعليقك كزائر"]
    text = "\n".join(["هجوم انتحاري يستهدف مقراً أمنياً في عدن", PARA_AR, PARA_AR2, *form_ar])
    got = regions(text)
    for line in form_ar:
        assert got[line] == "boilerplate", line


# --- a channel or agency credit alone on its line -------------------------------------------------


def test_a_channel_name_alone_after_the_text_is_a_credit_but_an_acronym_heading_stays():
    text = "\n".join(["Hezbollah fighter describes the battle for Qusayr", PARA_EN, PARA_EN2, "LBC",
                      "Leave a Reply"])
    assert regions(text)["LBC"] == "boilerplate"
    assert regions(text)[PARA_EN2] == "body"
    text = "\n".join(["Hezbollah fighter describes the battle for Qusayr", PARA_EN, "NATO", PARA_EN2])
    assert regions(text)["NATO"] == "heading"  # it heads a paragraph
    # An Arabic page's Latin credit goes the same way; Arabic text is never read as one.
    text = "\n".join(["مقاتل من حزب الله يروي معركة القصير", PARA_AR, PARA_AR2, "LBC"])
    assert regions(text)["LBC"] == "boilerplate"
    # A list of such names under the text is a list, not a credit.
    text = "\n".join(["Hezbollah fighter describes the battle for Qusayr", PARA_EN, PARA_EN2, "SDF", "YPG"])
    assert all(regions(text)[name] != "boilerplate" for name in ("SDF", "YPG"))


# --- infobox lines ---------------------------------------------------------------------------------


def test_footnoted_bullets_inside_an_infobox_are_boilerplate_and_body_bullets_stay():
    above = ["Date: 16 September 2014 – ongoing", "Location: Kobanî, northern Syria", "Result: ongoing"]
    bullets = ["• ISIL captures 350 villages and towns in the region[7]",
               "• Some 90 percent of residents in the region flee to Turkey[8][9]"]
    below = ["Strength: 2,000 fighters", "Casualties: unknown", "Commander: Meysa Abdo[16]"]
    body_bullet = "• Kurdish fighters retake the hill above the town[21]"
    text = "\n".join(["Siege of Kobanî", *above, *bullets, *below, PARA_EN, body_bullet, PARA_EN2])
    got = regions(text)
    for line in bullets:
        assert got[line] == "boilerplate", line
    assert got[body_bullet] == "body"
    above_ar = ["التاريخ: 16 سبتمبر 2014", "الموقع: عين العرب، شمال سوريا", "النتيجة: مستمرة"]
    bullet_ar = "• التنظيم يسيطر على 350 قرية وبلدة في المنطقة[7]"
    below_ar = ["القوة: 2000 مقاتل", "الخسائر: غير معروفة", "القائد: ميسا عبدو[16]"]
    text = "\n".join(["حصار كوباني", *above_ar, bullet_ar, *below_ar, PARA_AR, PARA_AR2])
    assert regions(text)[bullet_ar] == "boilerplate"


# --- captions --------------------------------------------------------------------------------------


def test_captions_saying_what_the_picture_shows_or_where_it_is_from():
    for line in ["Map showing the current situation in Kobanî.",
                 "A photo released by the group shows fighters near the border",
                 "Jabhat Fateh al-Sham leader Muhammad al-Julani. Image from 2016 video by the group.",
                 "A file picture shows a fighter standing guard during a rally in Aden",
                 "This citizen journalism image shows Syrians inspecting the rubble of damaged buildings",
                 "خريطة تظهر مناطق السيطرة في عين العرب", "صورة نشرها التنظيم لمقاتليه قرب الحدود"]:
        assert is_caption(line), line
    for line in ["The map of control changed after the offensive.",
                 "Photos taken by residents showed destroyed buildings, the report said.",
                 "He said the fighting had stopped. Pictures from the scene showed destroyed buildings along "
                 "the main road into the town and dozens of burned vehicles.",
                 "خريطة السيطرة تغيرت بعد الهجوم الأخير"]:
        assert not is_caption(line), line
    caption = "Jabhat Fateh al-Sham leader Muhammad al-Julani. Image from 2016 video by Jabhat Fateh al-Sham."
    text = "\n".join(["The Jihadi Threat: Whither Jabhat Fateh al-Sham?", PARA_EN, caption, PARA_EN2])
    got = regions(text)
    assert got[caption] == "boilerplate"
    assert got[PARA_EN2] == "body"


def test_a_caption_cue_alone_makes_the_line_under_it_a_caption():
    caption = "Ship tracking before the attacks; the Bab el-Mandeb Strait is marked with a circle []"
    text = "\n".join(["Red Sea on edge: Houthi attacks disrupt shipping", "In the picture", caption,
                      PARA_EN, PARA_EN2])
    assert regions(text)[caption] == "boilerplate"
    caption_ar = "سفن تعبر مضيق باب المندب قبل الهجمات، والمضيق محاط بدائرة حمراء في أعلى الخريطة"
    text = "\n".join(["البحر الأحمر على حافة الخطر", "في الصورة:", caption_ar, PARA_AR, PARA_AR2])
    assert regions(text)[caption_ar] == "boilerplate"


def test_a_caption_ending_in_its_glued_photo_credit_is_no_title():
    caption = ("Iraqi policemen inspect their weapons at the Qayyarah base, as they prepare for an "
               "offensive to retake the city.PHOTO: AFP")
    caption_ar = "عناصر من الشرطة العراقية يتفقدون أسلحتهم في قاعدة القيارة جنوب الموصل.(صورة: رويترز)"
    for line in (caption, caption_ar):
        assert is_caption(line), line
    text = "\n".join(["Iraq launches offensive to recapture Mosul", caption, PARA_EN, PARA_EN2])
    assert regions(text)[caption] == "boilerplate"
    assert not is_caption("He said the photo: was not taken by the agency, as the ministry had claimed.")


def test_a_wiki_tagline_is_boilerplate():
    for line in ["From Wikipedia, the free encyclopedia", "من ويكيبيديا، الموسوعة الحرة"]:
        assert is_navigation(line), line
    assert not is_navigation("From Wikipedia, the free encyclopedia, he copied the whole section.")


def test_sentences_after_a_label_are_list_items_of_the_text_not_an_infobox():
    items = ["Unorganised return: each refugee receives 100 dollars and 400 dollars for a family on arrival.",
             "Organised return: buses and cash assistance for those who wish to return in groups.",
             "Legal status: the ministry drops the refugee status of anyone who crosses the border."]
    text = "\n".join(["Syrian refugees in Lebanon weigh the return home", PARA_EN, *items, PARA_EN2])
    got = regions(text)
    for line in items:
        assert got[line] == "body", line
    items_ar = ["العودة غير المنظمة: يحصل اللاجئ على دعم مالي يبلغ 100 دولار أميركي للفرد عند الوصول.",
                "العودة المنظمة: تشمل توفير حافلات ومساعدات نقدية للراغبين في العودة الجماعية.",
                "الوضع القانوني: تسقط الوزارة صفة اللاجئ عن كل من يعبر الحدود إلى سوريا."]
    text = "\n".join(["عودة اللاجئين السوريين من لبنان", PARA_AR, *items_ar, PARA_AR2])
    got = regions(text)
    for line in items_ar:
        assert got[line] == "body", line
    fields = ["Date: 16 September 2014", "Location: Kobanî, northern Syria", "Result: ongoing"]
    text = "\n".join(["Siege of Kobanî", *fields, PARA_EN, PARA_EN2])
    assert all(regions(text)[line] == "boilerplate" for line in fields)


def test_share_list_and_legal_furniture_under_the_article_is_boilerplate():
    en = ["Related Topics", "Listen to this article", "4 min read", "Copy link", "Privacy Policy",
          "Sign up for our daily newsletter", "Join our Telegram channel", "Image caption,"]
    ar = ["شارك المقال", "أرسل لصديق", "نسخ الرابط", "كلمات مفتاحية", "اشترك في النشرة البريدية",
          "انضم إلى قناتنا على تلغرام", "سياسة الخصوصية"]
    for title, paras, lines in (("Iraqi forces launch the offensive on Mosul", (PARA_EN, PARA_EN2), en),
                                ("هيئة تحرير الشام تسيطر على مدينة إدلب", (PARA_AR, PARA_AR2), ar)):
        for line in lines:
            between = regions("\n".join([title, paras[0], line, paras[1]]))
            assert between[line] == "boilerplate", line  # never a section heading
            assert between[paras[1]] == "body"
    assert not is_navigation("Copy link to the report was sent to the ministry")


# --- lists of other articles -----------------------------------------------------------------------


def test_headlines_under_a_read_also_line_are_boilerplate_not_section_headings():
    listed = ["Kurdish fighters retake three villages near Raqqa", "US strikes hit ISIS convoy in the desert"]
    text = "\n".join(["Iraqi forces launch the offensive on Mosul", PARA_EN, "Read also", *listed, PARA_EN2])
    got = regions(text)
    for line in ["Read also", *listed]:
        assert got[line] == "boilerplate", line
    assert got[PARA_EN2] == "body"
    listed_ar = ["قوات سوريا الديمقراطية تسيطر على ثلاث قرى قرب الرقة",
                 "غارات أمريكية على رتل لداعش في البادية"]
    text = "\n".join(["هيئة تحرير الشام تسيطر على مدينة إدلب", PARA_AR, PARA_AR2, "الأكثر قراءة", *listed_ar])
    got = regions(text)
    for line in ["الأكثر قراءة", *listed_ar]:
        assert got[line] == "boilerplate", line
    assert got[PARA_AR2] == "body"


def test_a_section_heading_that_only_starts_like_a_cue_stays_a_heading():
    heading = "More from the front lines of the Mosul offensive"  # longer than a list's heading
    text = "\n".join(["Iraqi forces launch the offensive on Mosul", PARA_EN, heading, PARA_EN2])
    assert regions(text)[heading] == "heading"
    heading_ar = "المزيد من التفاصيل عن معارك ريف إدلب الجنوبي"
    text = "\n".join(["هيئة تحرير الشام تسيطر على مدينة إدلب", PARA_AR, heading_ar, PARA_AR2])
    assert regions(text)[heading_ar] == "heading"


# --- sources and wire credits under the text -------------------------------------------------------


def test_source_lines_and_wire_credits_are_boilerplate():
    for line in ["Source: Al Jazeera and news agencies",
                 "(Reporting by Ellen Francis; Editing by Tom Perry)",
                 "Reuters contributed to this report.",
                 "This article was originally published on Syria Direct.",
                 "Follow @Reuters on Twitter", "المصدر: الجزيرة + وكالات", "المصدر: مواقع إلكترونية",
                 "الجزيرة نت + وكالات"]:
        assert is_navigation(line), line
    for line in ["Sources: the ministry said that the talks had failed, and the army would advance.",
                 "Reporting by the state news agency was contradicted by residents of the town.",
                 "المصدر: قال مسؤول في الوزارة إن المحادثات فشلت وإن الجيش سيتقدم."]:
        assert not is_navigation(line), line
    for title, paras, credit in (("Iraqi forces launch the Mosul offensive", (PARA_EN, PARA_EN2), "Agencies"),
                                 ("هيئة تحرير الشام تسيطر على إدلب", (PARA_AR, PARA_AR2), "وكالات")):
        got = regions("\n".join([title, *paras, credit]))
        assert got[credit] == "boilerplate"
        assert got[paras[1]] == "body"


def test_an_image_file_name_with_spaces_is_alt_text_not_a_subtitle():
    for title, alt, paras in (
            ("Liberation delayed: the battle for Mosul", "Mosul Post Jan.8.jpg", (PARA_EN, PARA_EN2)),
            ("هيئة تحرير الشام تسيطر على إدلب", "صورة الخبر 2.jpg", (PARA_AR, PARA_AR2))):
        assert is_caption(alt)
        got = regions("\n".join([title, alt, *paras]))
        assert got[alt] == "boilerplate"
        assert got[paras[0]] == "body"
    assert not is_caption("See the map at example.org/map.png for the front lines")


def test_long_headlines_after_the_furniture_under_the_article_are_boilerplate():
    long_en = ("Iraqi forces and Kurdish Peshmerga fighters retake three more villages east of Mosul as "
               "the offensive enters its second week")
    text = "\n".join(["Iraqi forces launch the Mosul offensive", PARA_EN, PARA_EN2, "Share", "Most Popular",
                      "Kurdish fighters retake three villages", long_en])
    got = regions(text)
    assert got[long_en] == "boilerplate"
    assert got[PARA_EN2] == "body"
    long_ar = ("قوات سوريا الديمقراطية تسيطر على ثلاث قرى جديدة شرق الرقة مع دخول الهجوم على المدينة "
               "أسبوعه الثاني وسط غارات مكثفة للتحالف")
    text = "\n".join(["هيئة تحرير الشام تسيطر على إدلب", PARA_AR, PARA_AR2, "شارك", "طباعة", long_ar])
    assert regions(text)[long_ar] == "boilerplate"


def test_a_long_footnoted_bullet_above_the_first_paragraph_is_an_infobox_result():
    result = ("• The ISF recaptured all of eastern Mosul by 24 January 2017. The Old City and the rest of "
              "Mosul was retaken by 21 July 2017.[13][14]")
    result_ar = "• استعادت القوات العراقية شرق الموصل كله في 24 كانون الثاني 2017، والمدينة القديمة.[13]"
    for title, line, paras in (("Battle of Mosul (2016–2017)", result, (PARA_EN, PARA_EN2)),
                               ("معركة الموصل (2016–2017)", result_ar, (PARA_AR, PARA_AR2))):
        got = regions("\n".join([title, "Result", line, *paras]))
        assert got[line] == "boilerplate"
        assert got[paras[0]] == "body"


# --- a picture's alt text and caption given together ----------------------------------------------


def test_a_short_line_given_twice_in_the_text_is_alt_text_and_caption():
    cap = "A wounded Israeli soldier is taken into Rambam hospital"
    pieces = ["A wounded Israeli soldier is", "taken into Rambam hospital"]
    text = "\n\n".join(["Israeli jets raid Lebanon after shelling", PARA_EN, PARA_EN2, cap, cap, *pieces,
                        PARA_EN])
    got = regions(text)
    for line in [cap, *pieces]:
        assert got[line] == "boilerplate", line
    cap_ar = "جندي إسرائيلي جريح يُنقل إلى مستشفى رامبام"
    text = "\n".join(["غارات إسرائيلية على لبنان بعد القصف", PARA_AR, PARA_AR2, cap_ar, cap_ar, PARA_AR])
    assert regions(text)[cap_ar] == "boilerplate"


def test_the_title_given_twice_under_a_summary_paragraph_stays_the_title():
    title = "The Future Governance of Syria: Examining the Role of the Group"
    text = "\n".join([PARA_EN, title, title, PARA_EN2, PARA_EN])
    assert analyze(text).title == title


# --- a note on the author under the article -------------------------------------------------------


def test_a_note_on_the_author_closing_the_page_is_boilerplate_but_a_profile_opening_is_text():
    bio = ("Sulagna is a Research Analyst in the Current Developments team. She has a background in "
           "computer science and international relations.")
    text = "\n".join(["US sanctions against Syria take effect today", PARA_EN, PARA_EN2, bio])
    got = regions(text)
    assert got[bio] == "boilerplate"
    assert got[PARA_EN2] == "body"
    bio_ar = "* كاتب وباحث سوري مقيم في إسطنبول، له عدة دراسات عن الحركات الجهادية في سوريا والعراق."
    text = "\n".join(["هيئة تحرير الشام تسيطر على إدلب", PARA_AR, PARA_AR2, bio_ar])
    assert regions(text)[bio_ar] == "boilerplate"
    profile = ("Abu Mohammad al-Julani is a Syrian militant who led the Nusra Front and later Hayat Tahrir "
               "al-Sham, the group that took Idlib in 2017.")
    text = "\n".join(["Abu Mohammad al-Julani", profile])
    assert regions(text)[profile] == "body"
    text = "\n".join(["Who leads the group in Idlib", PARA_EN, PARA_EN2,
                      "Aron Lund said the group is a fellow traveller of al-Qaeda, not a branch of it."])
    assert regions(text)[PARA_EN2] == "body"
    closing = "The victim was a student at a local school and had no links to any armed group."
    text = "\n".join(["Boy killed in shelling of Idlib town", PARA_EN, PARA_EN2, closing])
    assert regions(text)[closing] == "body"


def test_source_links_licence_notes_and_brief_prompts_are_navigation():
    for line in ["View Original Article", "اقرأ المقال الأصلي", "#560439",
                 "Article obtained from Wikipedia with creative commons attribution-sharealike license.",
                 "هذا المقال منشور برخصة المشاع الإبداعي",
                 "Download The Daily Brief.", "Get our weekly newsletter"]:
        assert is_navigation(line), line
    assert not is_navigation("#560439 was the number of the decree that the ministry published.")
    assert not is_navigation("Get the facts first: our reporters spent a week in Idlib for this report.")


def test_comment_widgets_ads_and_app_prompts_between_paragraphs_are_never_headings():
    en = ["Shortlink", "Show comments", "Add new comment", "Name *", "Cancel reply", "Comments are closed.",
          "Story continues below advertisement", "Already a subscriber? Log in", "Read in Arabic"]
    ar = ["الرابط المختصر", "إلغاء الرد", "حمّل تطبيق الموقع", "شارك الخبر عبر فيسبوك", "اقرأ الخبر من المصدر",
          "يرجى تسجيل الدخول لإضافة تعليق", "مقالات قد تهمك", "التعليقات مغلقة."]
    for title, paras, lines in (("Iraqi forces launch the Mosul offensive", (PARA_EN, PARA_EN2), en),
                                ("هيئة تحرير الشام تسيطر على إدلب", (PARA_AR, PARA_AR2), ar)):
        for line in lines:
            got = regions("\n".join([title, paras[0], line, paras[1]]))
            assert got[line] == "boilerplate", line
            assert got[paras[1]] == "body"
    for line in ["Read in Arabic sources, the statement sounded far more defiant than in English.",
                 "شارك الخبر عبر وسائل التواصل آلاف السوريين الذين عادوا إلى قراهم بعد الهجوم."]:
        assert not is_navigation(line), line


# --- the pattern lists are tried by their first letter --------------------------------------------


def test_patterns_grouped_by_first_letter_match_as_the_plain_patterns_do():
    import re

    from bicorpus.layout import _first_letters, _one_pattern

    patterns = ["^(leave|post) a comment$", "^share (on|via)\\b", "^foo|bar$", "^(a |an )?map showing\\b",
                "^\\(?reporting by\\b", "^#\\d+$", "^(اقرا|شاهد) المزيد$", "\\bcookies?\\b", "^x?yz$"]
    assert _first_letters("(leave|post) a comment$") == frozenset("lp")
    assert _first_letters("foo|bar$") is None  # an alternative at the top level starts anywhere
    assert _first_letters("(a |an )?map showing\\b") is None  # an optional first group
    assert _first_letters("x?yz$") is None
    assert _first_letters("(اقرا|شاهد) المزيد$") == frozenset("اش")
    grouped = _one_pattern(patterns)
    # each pattern alone, as the lists are read: "^…" tried at the start of the line, others searched
    plain = [(re.compile(p[1:], re.I).match if p.startswith("^") else re.compile(p, re.I).search)
             for p in patterns]
    lines = ["leave a comment", "Post a comment", "share on x", "foo", "the bar", "a map showing idlib",
             "map showing idlib", "(reporting by ellen", "#560439", "اقرا المزيد", "شاهد المزيد",
             "we use cookies", "yz", "xyz", "a comment", "", "bar"]
    for line in lines:
        assert grouped.search(line) == any(find(line) is not None for find in plain), line
