"""Text-page layout rules: a news agency's desk initials closing the story, …"""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.layout import analyze

# --- the end of the article --------------------------------------------------------------------------


def test_desk_initials_closing_the_story_are_boilerplate():
    for initials in ("str-lar/nad/sbk", "Amal/zak"):
        text = "\n".join(["Talks go on in Erbil", PARA_EN, PARA_EN2, initials])
        got = regions(text)
        assert got[initials] == "boilerplate", initials
        assert got[PARA_EN] == got[PARA_EN2] == "body"
    for initials in ("ع ح/ م ش", "ع.ح/م.ش"):
        text = "\n".join(["هيئة تحرير الشام تسيطر على إدلب", PARA_AR, PARA_AR2, initials])
        got = regions(text)
        assert got[initials] == "boilerplate", initials
        assert got[PARA_AR] == got[PARA_AR2] == "body"




# --- hard-wrapped text -------------------------------------------------------------------------------

WRAPPED_AR = ["ويقترع الناخبون لمرشحين من طائفتهم فقط، أما الناخبون المسيحيون الذين",
              "ينتمون إلى طوائف الأقليات فيقترعون إلى مرشحي الأقليات في دوائرهم",
              "وأما الناخبون المسلمون الذين ينتمون إلى طوائف غير المخصص لها مقعد",
              "في المجلس النيابي فيكون لكل منهم الحق في الاقتراع لمن يختاروهم من",
              "المرشحين في الدائرة."]


def test_arabic_text_wrapped_at_one_width_is_one_paragraph():
    text = "\n".join(["قانون الانتخاب الجديد في لبنان", PARA_AR, "", *WRAPPED_AR])
    got = regions(text)
    assert got["\n".join(WRAPPED_AR)] == "body"  # one paragraph, in the text
    assert got[PARA_AR] == "body"


def test_headlines_of_uneven_widths_are_not_taken_for_wrapped_text():
    headlines = ["هيئة تحرير الشام تسيطر على معبر باب الهوى مع تركيا",
                 "الأمم المتحدة تحذر من نزوح جديد في ريف إدلب الجنوبي بعد القصف",
                 "قوات سوريا الديمقراطية تعلن بدء المرحلة الأخيرة من معركة الرقة وريفها الشرقي",
                 "وزير الخارجية يزور موسكو الأسبوع المقبل"]
    text = "\n".join(["هيئة تحرير الشام تسيطر على إدلب", PARA_AR, PARA_AR2, "", *headlines])
    got = regions(text)
    assert [got[h] for h in headlines] == ["boilerplate"] * 4


# --- the title -----------------------------------------------------------------------------------------

LEAD_EN = ("Houthi rebels in Yemen have detained two more United Nations staff members and raided the "
           "homes of several others over the past two days, prompting the organisation to pull its "
           "remaining international staff out of the capital Sanaa, officials said on Friday.")


def test_a_one_sentence_headline_with_its_full_stop_is_the_title():
    headline = "Houthis have detained two UN staff and raided homes in Yemen during a review."
    text = "\n".join(["World", headline, LEAD_EN, PARA_EN])
    layout = analyze(text)
    assert layout.title == headline
    assert regions(text)[LEAD_EN] == "body"
    text = "\n".join(["World", "The report raised concerns over the weapons sent to the region.", LEAD_EN])
    assert analyze(text).title is None  # a story opening on "The report …": its first sentence


def test_an_arabic_lead_sentence_is_not_taken_for_the_title():
    lead = "أكد الرئيس مسعود بارزاني أن على الأطراف كافة أن تعلم من حمى كوردستان من تهديد داعش."
    text = "\n".join([lead, PARA_AR, PARA_AR2])
    assert analyze(text).title is None
    assert regions(text)[lead] == "body"


# --- the byline ----------------------------------------------------------------------------------------


def test_a_writers_name_alone_under_the_headline_is_the_byline():
    title = "Iraqi forces launch the offensive to retake Mosul"
    text = "\n".join([title, "Amreen Hussain", PARA_EN, PARA_EN2])
    layout = analyze(text)
    assert layout.title == title
    assert regions(text)["Amreen Hussain"] == "dateline"
    assert layout.author == "Amreen Hussain"


def test_a_heading_of_ordinary_words_under_the_headline_is_not_a_byline():
    title = "Iraqi forces launch the offensive to retake Mosul"
    text = "\n".join([title, "Mission Statement", PARA_EN, "Key Findings", PARA_EN2])
    assert regions(text)["Mission Statement"] != "dateline"
    assert analyze(text).author is None
    title_ar = "هيئة تحرير الشام تسيطر على إدلب"
    text = "\n".join([title_ar, "خلفية الأحداث", PARA_AR, "التطورات الأخيرة", PARA_AR2])
    assert regions(text)["خلفية الأحداث"] != "dateline"


def test_a_place_or_group_the_name_tables_know_under_the_headline_is_not_the_writer():
    # "Deir Ezzor" and "Jabhat Nusra" have the shape of a name of rare words, but the bundled
    # tables know them as a place and a group: a kicker, not a byline
    title = "Iraqi forces launch the offensive to retake Mosul"
    for kicker in ("Deir Ezzor", "Jabhat Nusra"):
        text = "\n".join([title, kicker, PARA_EN, PARA_EN2])
        assert analyze(text).author is None, kicker
        assert regions(text)[kicker] != "dateline", kicker
