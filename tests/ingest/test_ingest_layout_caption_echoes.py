"""Text-page layout rules: a caption's echo beside it — the picture's alt text naming the same
people in a short sentence, or a copy of the caption cut short with an ellipsis — is boilerplate
with it; a headline or a paragraph that names the same people stays in the article."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.layout_caption_echo import mark_caption_echoes

ALT_EN = "Armed Houthi fighters stand in a row in Sanaa, carrying rifles and daggers."
CAPTION_EN = "Representative image of Armed Houthi fighters. Photo: AP"
ALT_AR = "مقاتلون حوثيون مسلحون يقفون في صف في صنعاء."
CAPTION_AR = "مقاتلون حوثيون مسلحون في صنعاء (أرشيفية)"
CUT_AR = "أفراد من عائلة الصحفية وزملاؤها يحملون نعشها إلى المستشفى في القدس..."
WHOLE_AR = ("أفراد من عائلة الصحفية وزملاؤها يحملون نعشها إلى المستشفى في القدس الشرقية يوم الخميس قبل "
            "تشييعها إلى مثواها الأخير في المدينة القديمة، فيما تجمع آلاف المشيعين في الشوارع المحيطة "
            "بالمستشفى رافعين الأعلام الفلسطينية ومرددين الهتافات")


def test_a_short_sentence_echoing_the_caption_beside_it_is_boilerplate():
    for title, alt, caption, para, para2 in (
            ("Houthis raid UN offices in Sanaa", ALT_EN, CAPTION_EN, PARA_EN, PARA_EN2),
            ("الحوثيون يداهمون مكاتب الأمم المتحدة في صنعاء", ALT_AR, CAPTION_AR, PARA_AR, PARA_AR2)):
        got = regions("\n".join([title, alt, caption, para, para2]))
        assert got[alt] == got[caption] == "boilerplate", alt
        assert got[title] == "title"
        assert got[para] == got[para2] == "body"


def test_a_caption_cut_short_beside_its_whole_copy_takes_the_copy_with_it():
    text = "\n".join(["الفلسطينيون يشيعون الصحفية في رام الله", CUT_AR, WHOLE_AR, "(أ ف ب/مجدي محمد)",
                      PARA_AR, PARA_AR2])
    got = regions(text)
    assert got[CUT_AR] == got[WHOLE_AR] == "boilerplate"
    assert got[PARA_AR] == got[PARA_AR2] == "body"


def test_a_headline_naming_the_captions_people_stays_the_title():
    title = "Armed Houthi fighters raid UN offices"
    got = regions("\n".join([title, CAPTION_EN, PARA_EN, PARA_EN2]))
    assert got[title] == "title"
    assert got[CAPTION_EN] == "boilerplate"


def test_lines_beside_a_caption_that_do_not_echo_it_stay_as_they_are():
    texts = ["Fighters hold the road.",                               # too few words shared
             CAPTION_EN,
             "Armed Houthi fighters held the road for days while the army waited for orders from "
             "the capital and the talks in Muscat went on without any sign of a deal."]  # too long
    keys = [t.lower().replace(".", "").replace(",", "").replace(":", "") for t in texts]
    flags = [False, True, False]
    mark_caption_echoes(texts, keys, [False, True, False], flags)
    assert flags == [False, True, False]
    flags = [False, True, False]
    mark_caption_echoes(texts, keys, [False, False, False], flags)  # the flagged line is no caption
    assert flags == [False, True, False]


def test_a_teaser_starting_as_its_neighbour_without_an_ellipsis_is_no_echo():
    whole = ("The talks in Muscat went on for a third day on Monday without any sign of a deal between "
             "the two sides, officials said.")
    teaser = "The talks in Muscat went on for a third day on Monday"
    flags = [True, False]
    mark_caption_echoes([teaser, whole], ["", ""], [False, False], flags)
    assert flags == [True, False]
    flags = [True, False]
    mark_caption_echoes([teaser + "...", whole], ["", ""], [False, False], flags)
    assert flags == [True, True]
