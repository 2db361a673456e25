"""Text-page layout: an Arabic story's lead under its headline is text, not the standfirst.  Arabic
news opens its first sentence verb first, in the past tense (``أعلنت الحكومة …``, ``قتل خمسة …``);
a line of a paragraph's length opening so is the first paragraph, wherever a standfirst could
stand (above the picture, restated by the paragraph under it)."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, regions

TITLE_AR = "الحكومة تعلن خطة جديدة لإعادة إعمار المدارس في الجنوب"
ALT_AR = "تلاميذ أمام مدرسة متضررة في الجنوب"
CAPTION_AR = "تلاميذ أمام مدرسة متضررة (صورة: أرشيف)"
LEAD_AR = ("أعلنت الحكومة، اليوم الأحد، خطة لإعادة إعمار مئة وعشرين مدرسة في محافظات الجنوب خلال "
           "عامين، كما أفاد بيان صادر عن وزارة التربية عقب اجتماع مجلس الوزراء.")
LEAD_AND_AR = ("وأكد وزير التربية، في مؤتمر صحفي عقده في العاصمة، أن أعمال الترميم ستبدأ في المدارس "
               "الأكثر تضرراً قبل بداية العام الدراسي المقبل.")
SUMMARY_AR = ("الخطة تشمل مئة وعشرين مدرسة في محافظات الجنوب وتمتد عامين بتمويل من الحكومة والمانحين "
              "الدوليين وفق بيان وزارة التربية.")
SHORT_AR = "أعلنت الحكومة خطة لإعمار مدارس الجنوب خلال عامين."


def test_a_lead_opening_on_a_past_tense_verb_above_the_picture_stays_text():
    for lead in (LEAD_AR, LEAD_AND_AR):
        got = regions("\n".join([TITLE_AR, lead, ALT_AR, CAPTION_AR, PARA_AR, PARA_AR2]))
        assert got[TITLE_AR] == "title"
        assert got[lead] == "body", lead


def test_a_summary_opening_on_its_subject_is_the_standfirst():
    # near miss: the same place, a summary opening on its subject (no verb first)
    got = regions("\n".join([TITLE_AR, SUMMARY_AR, ALT_AR, CAPTION_AR, PARA_AR, PARA_AR2]))
    assert got[SUMMARY_AR] == "subtitle"


def test_a_short_headline_shaped_sentence_is_still_the_standfirst():
    # near miss: verb first but short (a one-line summary, not a paragraph)
    got = regions("\n".join([TITLE_AR, SHORT_AR, ALT_AR, CAPTION_AR, PARA_AR, PARA_AR2]))
    assert got[SHORT_AR] == "subtitle"
