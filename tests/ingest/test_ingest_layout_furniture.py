"""Site furniture of sites never seen, told by its vocabulary (data/furniture_words.txt) rather
than by exact phrases: app and follow prompts, share and comment widgets, reading times, copyright
footers of any length; the rest of such a line is mostly a site's or a network's name."""

from __future__ import annotations

from ingest_helpers import ARTICLE, PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.layout import analyze, units_of
from bicorpus.layout_furniture import furniture_words_line, wiki_infobox_lines

TITLE_EN = "Iraqi forces launch the offensive to retake Mosul"
TITLE_AR = "هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب"


def _page_en(*tail: str) -> str:
    return "\n".join([TITLE_EN, PARA_EN, PARA_EN2, *tail])


def _page_ar(*tail: str) -> str:
    return "\n".join([TITLE_AR, PARA_AR, PARA_AR2, *tail])


# --- lines made mostly of furniture words --------------------------------------------------------


def test_english_furniture_lines_under_the_text_are_boilerplate():
    lines = ["Read the full Kurdistan24 article on Yahoo News",
             "Get the Mosul Daily app to read this and other stories on the go. On Android and iOS.",
             "comments powered by Talkyard",  # in lower case after a finished line: no run-on
             "Scroll back to top"]
    for line in lines:  # each alone under the text: no footer run to give it away
        got = regions(_page_en(line))
        assert got[line] == "boilerplate", line
        assert got[PARA_EN2] == "body"


def test_arabic_furniture_lines_under_the_text_are_boilerplate():
    lines = ["شاركوا المقال على",
             "تابعوا آخر أخبار شبكة الفرات وأهم المستجدات عبر قناتنا على تلغرام",
             "4 دقائق"]
    for line in lines:
        got = regions(_page_ar(line))
        assert got[line] == "boilerplate", line
        assert got[PARA_AR2] == "body"


def test_a_word_with_its_arabic_proclitic_is_the_furniture_word():
    assert furniture_words_line("وشارك الخبر")  # و + شارك
    assert furniture_words_line("للتعليقات")    # لل + تعليقات
    assert not furniture_words_line("وشاركت القوات في الهجوم")


def test_weak_words_alone_do_not_make_furniture():
    # "news", "social", "video" are common in article text: a heading of them stays a heading
    heading_en, heading_ar = "Social media and the news war", "صور من الميدان في إدلب"
    got = regions("\n".join([TITLE_EN, PARA_EN, heading_en, PARA_EN2]))
    assert got[heading_en] == "heading"
    got = regions("\n".join([TITLE_AR, PARA_AR, heading_ar, PARA_AR2]))
    assert got[heading_ar] == "heading"
    assert not furniture_words_line("Social media and the news war")
    assert furniture_words_line("Latest News")  # all its words are furniture words
    assert furniture_words_line("آخر الأخبار")


def test_a_long_line_naming_furniture_words_is_text():
    para = ("Residents said they could not share the news with relatives abroad because the internet was "
            "cut and every app they used to download messages had stopped working for days.")
    got = regions(_page_en(para))
    assert got[para] in ARTICLE


def test_network_names_glued_into_one_word_are_a_share_bar():
    bar = "FacebookTwitterWhatsappTelegram"
    got = regions("\n".join([TITLE_EN, bar, PARA_EN, PARA_EN2]))
    assert got[bar] not in ARTICLE
    assert not furniture_words_line("Islamabad")
    assert not furniture_words_line("Topography")


def test_a_dateline_naming_its_source_stays_a_dateline():
    stamp = "Published 12/04/2017 | Source: Channel Eight"
    got = regions("\n".join([TITLE_EN, stamp, PARA_EN, PARA_EN2]))
    assert got[stamp] == "dateline"


# --- copyright footers of any length, captions closing with their source ----------------------------


def test_a_long_copyright_footer_is_boilerplate():
    en = ("Copyright © 2024 Example News Agency. All rights reserved. Distributed by Example Global Media "
          "(example.com). To contact the copyright holder directly for corrections or for permission to "
          "republish or make other authorized use of this material, click here.")
    ar = ("جميع الحقوق محفوظة © 2024 وكالة الأنباء المثال. لا يجوز نسخ أي جزء من هذه المواد أو إعادة نشره أو "
          "توزيعه بأي شكل من الأشكال دون إذن خطي مسبق من إدارة الوكالة، ويتحمل المخالف المسؤولية القانونية "
          "الكاملة عن ذلك.")
    assert len(en) > 200 and len(ar) > 200
    assert regions(_page_en(en))[en] == "boilerplate"
    assert regions(_page_ar(ar))[ar] == "boilerplate"


def test_a_paragraph_opening_on_copyright_without_a_mark_is_text():
    para = ("Copyright disputes over the footage went on for months, as the channel and the agency that "
            "filmed the battle for the old city each claimed the pictures, and the court in Erbil has yet "
            "to rule on who owns them or on what the broadcasters owe the camera crews.")
    assert regions(_page_en(para))[para] == "body"


def test_a_caption_closing_with_its_source_is_boilerplate():
    caption = "The Tabqa Dam on the Euphrates (Source: Twitter)"
    got = regions("\n".join([TITLE_EN, PARA_EN, caption, PARA_EN2]))
    assert got[caption] == "boilerplate"


# --- a picture's alt text and caption under the title ----------------------------------------------


def test_a_short_line_given_twice_under_the_title_is_a_caption_not_a_heading():
    # (in English a headline-shaped line given twice right above the text still reads as the title)
    tag, caption = "الشمال السوري", "مقاتلون في ريف إدلب"
    got = regions("\n".join([TITLE_AR, "12 أبريل 2017", tag, caption, caption, PARA_AR, PARA_AR2]))
    assert got[caption] == "boilerplate"
    assert got[tag] not in ARTICLE  # the tag above the picture is no heading either
    assert got[PARA_AR] == "body"


def test_a_caption_given_again_with_its_credit_glued_is_a_caption():
    for title, stamp, caption, credit, para, para2 in (
            (TITLE_AR, "12 أبريل 2017", "الرئيس السوري أحمد الشرع", "صورة من: Omar Haj Kadour/AFP",
             PARA_AR, PARA_AR2),
            (TITLE_EN, "April 12, 2017", "Kurdish fighters near Raqqa", "Photo: Delil Souleiman/AFP",
             PARA_EN, PARA_EN2)):
        glued = caption + credit
        got = regions("\n".join([title, stamp, caption, glued, para, para2]))
        assert got[caption] == got[glued] == "boilerplate", caption


def test_a_heading_over_a_subheading_that_extends_it_is_no_caption():
    heading, sub = "Background", "Background of the offensive"
    got = regions("\n".join([TITLE_EN, PARA_EN, heading, sub, PARA_EN2]))
    assert got[sub] == "heading"


# --- a wiki's infobox dumped between its tagline and the entry's lead ---------------------------------

LEAD_EN = ("The Syrian Salvation Government (SSG) was an alternative government of the Syrian opposition "
           "in the Idlib Governorate, formed in November 2017 and dominated by Hay'at Tahrir al-Sham, which "
           "ran civil services, courts and the crossings of the province until December 2024.")
LEAD_AR = ("حكومة الإنقاذ السورية هي حكومة بديلة شكلتها المعارضة السورية في محافظة إدلب "
           "في تشرين الثاني 2017، وهيمنت عليها هيئة تحرير الشام، وتولت إدارة الخدمات المدنية والمحاكم "
           "والمعابر في المحافظة حتى كانون الأول 2024 حين حلت نفسها وانضم رئيس وزرائها الأخير إلى "
           "الحكومة الانتقالية في دمشق بعد سقوط النظام.")


def test_a_wiki_infobox_under_the_tagline_is_boilerplate_and_the_entry_name_the_title():
    for name, tagline, box, lead in (
            ("Syrian Salvation Government", "From Wikipedia, the free encyclopedia",
             ["Extended-protected article", "CapitalIdlib (de facto)", "Largest cityIdlib", "Religion",
              "Islam", "• Establishment", "November 2017", "Prime Minister", "Mohammed al-Bashir"], LEAD_EN),
            ("حكومة الإنقاذ السورية", "من ويكيبيديا، الموسوعة الحرة",
             ["العاصمة", "إدلب", "الدين", "الإسلام", "• التأسيس", "تشرين الثاني 2017", "رئيس الوزراء",
              "محمد البشير"], LEAD_AR)):
        chrome = box[:1] if box[0].startswith("Extended") else []
        text = "\n".join([name, *chrome, tagline, name, *box[len(chrome):], lead])
        layout = analyze(text)
        got = regions(text)
        assert layout.title == name
        for line in box:
            assert got[line] not in ARTICLE, line
        assert got[lead] == "body"
        assert layout.date is None  # the infobox's dates are not the page's


def test_without_a_wiki_tagline_or_a_lead_no_line_is_an_infobox():
    box = ["Syrian Salvation Government", "Religion", "Islam", "November 2017"]
    assert not any(wiki_infobox_lines(units_of("\n".join([*box, LEAD_EN]))))
    tagged = "\n".join([box[0], "From Wikipedia, the free encyclopedia", *box[1:]])  # no lead under it
    assert not any(wiki_infobox_lines(units_of(tagged)))
    with_lead = units_of(tagged + "\n" + LEAD_EN)
    assert [u.text for u, f in zip(with_lead, wiki_infobox_lines(with_lead), strict=True) if f] == box[1:]


# --- tag lines, hashtags, "related" cues in Arabic, fundraising prompts ----------------------------


def test_tag_lines_hashtags_and_related_cues_are_boilerplate():
    for line, page in (("كلمات البحث :إدلب;سوريا;هيئة تحرير الشام", _page_ar),
                       ("#Mosul #Iraq #ISIS", _page_en),
                       ("#الموصل #العراق", _page_ar),
                       ("مقال له علاقة: الجيش يفتح باب التطوع في إدلب", _page_ar),
                       ("Donate today to support our work", _page_en),
                       ("ادعمنا", _page_ar)):
        assert regions(page(line))[line] == "boilerplate", line


def test_a_sentence_with_a_hashtag_inside_is_text():
    para = ("Activists shared the footage under the hashtag #Raqqa_is_being_slaughtered_silently, which "
            "became the campaign's name.")
    assert regions(_page_en(para))[para] == "body"


def test_a_caption_with_its_credit_glued_inside_the_text_leaves_the_headings_above_it():
    for title, para, para2, heading, caption, credit in (
            (TITLE_EN, PARA_EN, PARA_EN2, "Background", "Aleppo citadel at dusk", "Photo: AFP"),
            (TITLE_AR, PARA_AR, PARA_AR2, "خلفية الهجوم", "قلعة حلب عند الغروب", "صورة من: AFP")):
        glued = caption + credit
        got = regions("\n".join([title, para, heading, para2, caption, glued, PARA_EN]))
        assert got[caption] == got[glued] == "boilerplate", caption
        assert got[heading] == "heading", heading
