"""Text-page layout rules: lists of other stories under the article's text, known by one item
shape given again (``bicorpus.layout_story_list``): a run of bulleted headlines under the last
paragraph.  An article's own list (announced, or of sentences), an article of short paragraphs and
a page cut off in mid-text stay text."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.layout_story_list import bulleted_headlines

TITLE_EN = "Iraqi forces launch the Mosul offensive"
TITLE_AR = "هيئة تحرير الشام تسيطر على إدلب"

BULLETED_EN = [
    "• Talks on the reconstruction of Mosul resume in Baghdad",
    "• Kurdish parties agree on a new cabinet in Erbil",
    "• Floods cut the road between Mosul and Dohuk again",
]
BULLETED_AR = [
    "* وفد أممي يزور مخيمات النازحين في ريف إدلب الشمالي",
    "* افتتاح معبر جديد بين تركيا والشمال السوري",
    "* ارتفاع أسعار المحروقات في مناطق شمال غرب سوريا",
]


def test_bulleted_headlines_under_the_last_paragraph_are_boilerplate():
    for title, paras, items in ((TITLE_EN, (PARA_EN, PARA_EN2), BULLETED_EN),
                                (TITLE_AR, (PARA_AR, PARA_AR2), BULLETED_AR)):
        got = regions("\n".join([title, *paras, *items]))
        assert all(got[item] == "boilerplate" for item in items), got
        assert got[paras[0]] == got[paras[1]] == "body"


def test_an_announced_list_stays_text():
    lead = "The agreement between the two sides sets out three steps for the coming months:"
    for items in (BULLETED_EN, [item.replace("•", "-") for item in BULLETED_EN]):
        got = regions("\n".join([TITLE_EN, PARA_EN, PARA_EN2, lead, *items]))
        assert all(got[item] == "body" for item in items), got
    lead_ar = "وتتضمن الخطة الخطوات الآتية:"
    got = regions("\n".join([TITLE_AR, PARA_AR, PARA_AR2, lead_ar, *BULLETED_AR]))
    assert all(got[item] == "body" for item in BULLETED_AR), got


def test_a_list_announced_in_words_stays_text():
    lead = "For the coming months, the statement of the two sides set out the following steps."
    got = regions("\n".join([TITLE_EN, PARA_EN, PARA_EN2, lead, *BULLETED_EN]))
    assert all(got[item] != "boilerplate" for item in BULLETED_EN), got
    lead_ar = "وحدد البيان المشترك للطرفين الخطوات المقبلة على النحو الآتي."
    got = regions("\n".join([TITLE_AR, PARA_AR, PARA_AR2, lead_ar, *BULLETED_AR]))
    assert all(got[item] != "boilerplate" for item in BULLETED_AR), got


def test_a_list_of_sentences_stays_text():
    items = [item + "." for item in BULLETED_EN]
    got = regions("\n".join([TITLE_EN, PARA_EN, PARA_EN2, *items]))
    assert all(got[item] != "boilerplate" for item in items), got


def test_two_bullets_are_no_list_of_stories():
    texts = [TITLE_AR, PARA_AR, PARA_AR2, *BULLETED_AR[:2]]
    assert bulleted_headlines(texts, [False, True, True, False, False], [False] * 5) == []
    texts = [TITLE_AR, PARA_AR, PARA_AR2, *BULLETED_AR]
    assert bulleted_headlines(texts, [False, True, True, False, False, False], [False] * 6) == [3, 4, 5]


def test_short_paragraphs_and_a_cut_page_stay_text():
    short = ["The army said the city would be taken within weeks.",
             "Residents were told to stay indoors.",
             "Aid groups warned of a new wave of displacement."]
    got = regions("\n".join([TITLE_EN, PARA_EN, *short, PARA_EN2]))
    assert all(got[line] == "body" for line in short), got
    cut = "وينص الاتفاق بين الطرفين على"
    got = regions("\n".join([TITLE_AR, PARA_AR, PARA_AR2, cut]))
    assert got[cut] == "body"

