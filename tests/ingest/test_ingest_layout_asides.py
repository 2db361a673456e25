"""Text-page layout rules: asides inside or under the text known by their shape and place — a
news agency's closing mark, photo credits and picture labels without a cue word, calls to follow
the site on a social network, a headline closed by its "read more" link, a paper's keywords."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.layout import analyze

# --- a news agency's closing mark ---------------------------------------------------------------------


def test_an_agency_closing_mark_under_the_text_is_boilerplate():
    for mark in ("انتهى/", "(هـ ن)", "(ع.م)"):
        text = "\n".join(["هيئة تحرير الشام تسيطر على إدلب", PARA_AR, PARA_AR2, mark])
        got = regions(text)
        assert got[mark] == "boilerplate", mark
        assert got[PARA_AR] == got[PARA_AR2] == "body"


def test_a_short_last_line_of_the_text_is_no_closing_mark():
    last = "(انتهت المقابلة بعد ساعتين)"
    text = "\n".join(["هيئة تحرير الشام تسيطر على إدلب", PARA_AR, PARA_AR2, last])
    assert regions(text)[last] != "boilerplate"


# --- photo credits without a cue word ------------------------------------------------------------------


def test_an_image_credit_by_its_shape_is_boilerplate():
    for credit in ("Image/CIA", "Photo/Hawar", "صورة/أرشيف"):
        text = "\n".join(["Talks go on in Erbil", PARA_EN, credit, PARA_EN2])
        got = regions(text)
        assert got[credit] == "boilerplate", credit
        assert got[PARA_EN] == got[PARA_EN2] == "body"


def test_a_pictures_label_alone_is_boilerplate():
    for label in ("أرشيفية", "صورة تعبيرية"):
        text = "\n".join(["هيئة تحرير الشام تسيطر على إدلب", PARA_AR, label, PARA_AR2])
        got = regions(text)
        assert got[label] == "boilerplate", label
        assert got[PARA_AR2] == "body"
    text = "\n".join(["Talks go on in Erbil", PARA_EN, "File photo", PARA_EN2])
    assert regions(text)["File photo"] == "boilerplate"


def test_a_caption_closed_by_a_credit_with_initials_is_boilerplate():
    caption = ("The Temple of Bel after its destruction by ISIS. Photo by Y. Ubleman and H. Saad, "
               "courtesy of Iconem and DGAM.")
    text = "\n".join(["Palmyra after the war", PARA_EN, caption, PARA_EN2])
    got = regions(text)
    assert got[caption] == "boilerplate"
    assert got[PARA_EN] == got[PARA_EN2] == "body"


def test_a_sentence_about_a_photo_stays_text():
    said = ("The picture was taken in March. The photo by the agency's staff was shared thousands of "
            "times within an hour.")
    text = "\n".join(["Palmyra after the war", PARA_EN, said, PARA_EN2])
    assert regions(text)[said] == "body"
    said = "The army denied the raid. Photos by residents showed the damage. The ministry did not comment."
    text = "\n".join(["Palmyra after the war", PARA_EN, said, PARA_EN2])
    assert regions(text)[said] == "body"


# --- lines that are furniture wherever they stand ---------------------------------------------------


def test_a_call_to_follow_the_site_on_a_social_network_is_boilerplate():
    for title, para, para2, call in (
            ("Talks go on in Erbil", PARA_EN, PARA_EN2,
             "For more Middle East news and information, visit and “like” the Region News Facebook page"),
            ("هيئة تحرير الشام تسيطر على إدلب", PARA_AR, PARA_AR2,
             "لمزيد من الأخبار، تابعونا على قناة تلغرام")):
        text = "\n".join([title, para, para2, call])
        got = regions(text)
        assert got[call] == "boilerplate", call
        assert got[para2] == "body"


def test_a_sentence_naming_a_social_network_stays_text():
    said = "He urged his supporters to follow him on Twitter."
    said_ar = "وقال إن المتظاهرين انضموا إلى الحملة عبر فيسبوك"
    text = "\n".join(["Talks go on in Erbil", PARA_EN, said, PARA_EN2])
    assert regions(text)[said] == "body"
    text = "\n".join(["هيئة تحرير الشام تسيطر على إدلب", PARA_AR, said_ar, PARA_AR2])
    assert regions(text)[said_ar] != "boilerplate"


def test_a_headline_closed_by_its_read_more_link_is_boilerplate():
    teaser_ar = "كيف سيؤثر تأجير المرفأ على الاقتصاد السوري ؟ قراءة المزيد »"
    text = "\n".join(["هيئة تحرير الشام تسيطر على إدلب", PARA_AR, PARA_AR2, teaser_ar])
    got = regions(text)
    assert got[teaser_ar] == "boilerplate"
    assert got[PARA_AR2] == "body"
    teaser = "How the port lease will weigh on the economy Continue reading →"
    text = "\n".join(["Talks go on in Erbil", PARA_EN, PARA_EN2, teaser])
    assert regions(text)[teaser] == "boilerplate"


def test_a_papers_keywords_are_boilerplate_not_a_heading():
    keywords = "Keywords: MERS-Coronavirus, Saudi Arabia, Burden, Case fatality rate"
    text = "\n".join(["The burden of MERS in Saudi Arabia", PARA_EN, keywords, "Introduction", PARA_EN2])
    layout = analyze(text)
    got = regions(text)
    assert got[keywords] == "boilerplate"
    assert keywords not in [h.text for h in layout.headings]
