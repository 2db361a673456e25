"""Text-page layout rules: asides inside or under the text known by their shape and place — a
"read also" link in brackets, a news agency's closing mark, photo credits without a cue word, a
caption ending with the credit given again under it."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.layout import analyze

# --- a "read also" link in brackets ---------------------------------------------------------------


def test_a_read_also_link_in_brackets_is_boilerplate():
    aside = "(Read also: Insurgents commission a new government in Damascus)."
    text = "\n".join(["Rebels take Damascus", PARA_EN, aside, PARA_EN2])
    got = regions(text)
    assert got[aside] == "boilerplate"
    assert got[PARA_EN] == got[PARA_EN2] == "body"
    aside_ar = "(اقرأ أيضا: الفصائل تكلف حكومة جديدة في دمشق)"
    text = "\n".join(["هيئة تحرير الشام تسيطر على إدلب", PARA_AR, aside_ar, PARA_AR2])
    got = regions(text)
    assert got[aside_ar] == "boilerplate"
    assert got[PARA_AR] == got[PARA_AR2] == "body"


def test_a_sentence_in_brackets_stays_text():
    said = "(The ministry did not answer our questions about the convoy.)"
    text = "\n".join(["Rebels take Damascus", PARA_EN, said, PARA_EN2])
    assert regions(text)[said] == "body"
    parts = "\n".join(["Rebels take Damascus", "(1)", PARA_EN, "(2)", PARA_EN2])
    got = regions(parts)
    assert got["(2)"] != "boilerplate"  # a part's number in brackets heads the text under it


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


# --- a caption ending with the credit given again under it --------------------------------------------

CAPTION_EN = ("Family and colleagues of the slain journalist carry her coffin to a hospital in east "
              "Jerusalem, Thursday, May 12, 2022. The reporter, who covered the conflict for more than "
              "25 years, was shot dead on Wednesday during a military raid in the town of Jenin, in "
              "the north of the West Bank, witnesses and her colleagues said. She had worked for the "
              "channel since 1997 and was known across the region. (AP Photo/Mahmoud Illean)")
CAPTION_AR = ("أفراد من عائلة الصحفية وزملاؤها يحملون نعشها إلى المستشفى في القدس الشرقية يوم الخميس، "
              "وكانت الصحفية التي غطت الصراع لأكثر من خمسة وعشرين عاماً قد قتلت يوم الأربعاء خلال "
              "مداهمة عسكرية في مدينة جنين شمال الضفة الغربية بحسب شهود وزملاء لها، وكانت قد عملت في "
              "القناة منذ عام 1997 وعرفها المشاهدون في أنحاء المنطقة كلها، ونقلت على مدى عقدين أخبار "
              "الحروب والاقتحامات والانتفاضات من المدن والقرى والمخيمات. (تصوير: محمود إليان)")


LATER_EN = ("Thousands gathered to mourn the journalist in the city of Ramallah on Thursday, as the "
            "head of the authority rejected calls for a joint investigation into her death.")
LATER_AR = ("واحتشد الآلاف في مدينة رام الله يوم الخميس لتوديع الصحفية، فيما رفض رئيس السلطة الدعوات "
            "إلى تحقيق مشترك في مقتلها وحمّل الجيش مسؤولية ما جرى.")


def test_a_caption_ending_with_the_credit_under_it_is_boilerplate():
    assert min(len(CAPTION_EN), len(CAPTION_AR)) > 400  # longer than any caption read by its shape
    for title, para, para2, caption, credit, later in (
            ("Journalist mourned in Ramallah", PARA_EN, PARA_EN2, CAPTION_EN, "(AP Photo/Mahmoud Illean)",
             LATER_EN),
            ("تشييع الصحفية في رام الله", PARA_AR, PARA_AR2, CAPTION_AR, "(تصوير: محمود إليان)", LATER_AR)):
        text = "\n".join([title, para, para2, caption, credit, later])
        got = regions(text)
        assert got[caption] == got[credit] == "boilerplate", credit
        assert got[para2] == got[later] == "body"


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
