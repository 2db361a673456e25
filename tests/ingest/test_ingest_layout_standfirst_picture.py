"""Text-page layout: the standfirst above the page's picture.  Under the headline, one or two
finished sentences summing the story up, then the picture's lines (alt text, caption, credit, a
share bar), then the text: the summary is the ``subtitle``, not the text's first paragraph."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

TITLE_AR = "هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب"
TITLE_EN = "Iraqi forces launch the offensive to retake Mosul"
SUMMARY_AR = "الهيئة تسيطر على المدينة وريفها بعد انسحاب أحرار الشام إثر اتفاق هدنة بين الطرفين."
SUMMARY_EN = "The long-awaited offensive comes after months of preparing the battlefield around the city."
ALT_AR = "مقاتلون من هيئة تحرير الشام على مدخل مدينة إدلب"
ALT_EN = "Iraqi soldiers ride in a truck on the road south of Mosul"
CAPTION_EN = "Iraqi soldiers on the road south of Mosul, in this file picture (Photo: AFP)"
CAPTION_AR = "مقاتلون من الهيئة على مدخل المدينة (صورة: رويترز)"


def test_a_summary_above_the_picture_and_its_caption_is_the_standfirst():
    for lines, summary, para in (
            ([TITLE_AR, SUMMARY_AR, ALT_AR, CAPTION_AR, PARA_AR, PARA_AR2], SUMMARY_AR, PARA_AR),
            ([TITLE_EN, SUMMARY_EN, ALT_EN, CAPTION_EN, PARA_EN, PARA_EN2], SUMMARY_EN, PARA_EN),
            ([TITLE_EN, SUMMARY_EN, "Send in e-mailSend in e-mail", CAPTION_EN, PARA_EN, PARA_EN2],
             SUMMARY_EN, PARA_EN)):
        got = regions("\n".join(lines))
        assert got[summary] == "subtitle", summary
        assert got[para] == "body"


def test_a_summary_above_an_alt_text_alone_is_the_standfirst_in_a_text_without_headings():
    for lines, summary in (([TITLE_AR, SUMMARY_AR, ALT_AR, PARA_AR, PARA_AR2], SUMMARY_AR),
                           ([TITLE_EN, SUMMARY_EN, ALT_EN, PARA_EN, PARA_EN2], SUMMARY_EN)):
        assert regions("\n".join(lines))[summary] == "subtitle", summary


def test_the_first_sentence_over_a_section_heading_stays_text():
    # near miss: the short line under the first sentence is a section heading (the text has more)
    for lines, summary, heading in (
            ([TITLE_AR, SUMMARY_AR, "انسحاب أحرار الشام", PARA_AR, "اتفاق الهدنة", PARA_AR2],
             SUMMARY_AR, "انسحاب أحرار الشام"),
            ([TITLE_EN, SUMMARY_EN, "The road south", PARA_EN, "Supply lines", PARA_EN2],
             SUMMARY_EN, "The road south")):
        got = regions("\n".join(lines))
        assert got[summary] == "body", summary
        assert got[heading] == "heading", heading


def test_the_first_sentence_over_more_sentences_stays_text():
    # near miss: a finished sentence between it and the paragraphs: all of it is text
    more = "The operation is expected to last for several weeks."
    got = regions("\n".join([TITLE_EN, SUMMARY_EN, more, PARA_EN, PARA_EN2]))
    assert got[SUMMARY_EN] == "body"


def test_the_first_sentence_over_a_read_also_line_stays_text():
    # near miss: a "read also" line or an ad's label may stand anywhere in the text: no picture
    first_ar = "ويخشى السكان حصاراً طويلاً مع اقتراب فصل الشتاء في شمال البلاد."
    first_en = "Residents fear a long siege as winter approaches in the north of the country."
    for lines, first in (
            ([TITLE_AR, first_ar, "اقرأ أيضا: الهيئة تسيطر على معبر باب الهوى", PARA_AR, PARA_AR2],
             first_ar),
            ([TITLE_EN, first_en, "Read more: Coalition jets strike west of Mosul", PARA_EN, PARA_EN2],
             first_en)):
        assert regions("\n".join(lines))[first] == "body", first
        caption = CAPTION_AR if first == first_ar else CAPTION_EN
        lines[2] = caption  # ... where a caption shows the picture
        assert regions("\n".join(lines))[first] == "subtitle", first
