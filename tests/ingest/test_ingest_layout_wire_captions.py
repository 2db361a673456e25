"""Text-page layout rules: a news photo's caption as the wire agencies write it — a present-tense
sentence closing on the picture's place and day (the comma before the day left out), then its
credit or some background, and any caption closed by its credit after a dash or in brackets."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.layout_wire_caption import caption_sentence_first, credit_closing
from bicorpus.normalize import normalize_text

TITLE_EN = "Talks on the new cabinet go on in Erbil"
TITLE_AR = "هيئة تحرير الشام تسيطر على إدلب"


LEAD_EN = ("Lawmakers in Erbil met for a third day on Sunday to agree on a new cabinet, after weeks of "
           "talks between the two main parties over the posts of finance and the interior.")
LEAD_AR = ("واجتمع أعضاء البرلمان في أربيل لليوم الثالث على التوالي يوم الأحد للاتفاق على حكومة جديدة، "
           "بعد أسابيع من المحادثات بين الحزبين الرئيسيين حول حقيبتي المالية والداخلية.")


def _page(title: str, line: str, first: str = PARA_EN, second: str = PARA_EN2) -> dict[str, str]:
    lead = LEAD_AR if first == PARA_AR else LEAD_EN
    return regions("\n".join([title, lead, first, line, second]))


# --- the caption sentence first, closing on place and day -------------------------------------------


def test_a_caption_closing_on_place_and_day_without_a_comma_is_boilerplate():
    for caption in (
        "A delegate casts her ballot at a school in Erbil, Iraq May 12, 2018.",
        "The speaker greets lawmakers at the parliament in Erbil, Iraq June 5, 2018. / AFP / Jane Roe",
        "Two men (L) meet with the governor (C) at his office in Dohuk, Iraq December 3, 2016. "
        "John Doe/Handout via Reuters",
    ):
        got = _page(TITLE_EN, caption)
        assert got[caption] == "boilerplate", caption
        assert got[PARA_EN] == got[PARA_EN2] == "body"


def test_a_caption_with_background_sentences_after_its_day_is_boilerplate():
    caption = ("A farmer waits beside his truck at a checkpoint near Kirkuk, Iraq, Saturday, Jun. 9, 2018. "
               "Last week, the roads north of the city were closed for three days after heavy rain. "
               "(AP Photo/John Doe)")
    got = _page(TITLE_EN, caption)
    assert got[caption] == "boilerplate"
    assert got[PARA_EN2] == "body"


def test_the_text_naming_the_day_is_no_caption():
    for said in (
        "Delegates cast their ballots at schools across the region on May 12, 2018.",
        "The speaker greets the new lawmakers. They met in Erbil, Iraq June 5, 2018.",
        "the speaker greets lawmakers at the parliament in Erbil, Iraq June 5, 2018.",
        "The speaker greeted lawmakers at the parliament in late June 5, 2018.",
    ):
        assert not caption_sentence_first(said), said


def test_a_past_tense_paragraph_closing_on_a_place_and_day_stays_text():
    said = ("The speaker welcomed lawmakers at the parliament in Erbil, Iraq June 5, 2018. "
            "He told them the budget would be passed before the summer recess.")
    got = _page(TITLE_EN, said)
    assert got[said] == "body"


# --- a caption closed by its credit ------------------------------------------------------------------


def test_a_caption_closed_by_its_credit_after_a_dash_is_boilerplate():
    for caption in ("جانب من جلسة البرلمان في مدينة أربيل - تصوير رويترز",
                    "مقاتلون عند أطراف مدينة إدلب- أرشيف"):
        got = _page(TITLE_AR, caption, PARA_AR, PARA_AR2)
        assert got[caption] == "boilerplate", caption
        assert got[PARA_AR] == got[PARA_AR2] == "body"
    for caption in ("Lawmakers arrive for the session in Erbil - File photo",
                    "Ships waiting at the port of Basra [image source: Port Authority]",
                    "Fighters near the front line in 2016. (John Doe/Anadolu Agency/Getty Images)",
                    "Smoke over the old city in 2017. Credit: Reuters"):
        got = _page(TITLE_EN, caption)
        assert got[caption] == "boilerplate", caption
        assert got[PARA_EN] == got[PARA_EN2] == "body"


def test_a_dash_or_bracket_without_a_credit_is_no_caption():
    for line in ("وصل الوفد إلى أربيل - بحسب رويترز",
                 "اجتماع الحكومة - تصوير الجلسة كاملاً بعد الظهر.",
                 "Lawmakers arrive for the session in Erbil - live updates",
                 "The ports reopened in March [source: ministry statement]",
                 "The council met on Sunday (Smith/Jones report).",
                 "Fighting went on near the airport until late on Sunday. (Reuters/AFP)"):
        assert not credit_closing(normalize_text(line)), line


def test_a_caption_inside_the_text_does_not_open_the_footer():
    caption = "A woman shows her inked finger at a polling station in Erbil, Iraq, May 12, 2018."
    short = '"We hope for a new start", said one voter in Erbil.'
    text = "\n".join([TITLE_EN, PARA_EN, PARA_EN2, caption, short, "Share this", "Leave a Reply"])
    got = regions(text)
    assert got[caption] == "boilerplate"
    assert got[short] == "body"
