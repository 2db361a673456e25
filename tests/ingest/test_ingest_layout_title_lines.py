"""Text-page layout: lines that stand where the title would and are the site's (a section name
with "now" after it, a stack of other stories' headlines), and the headline they hide."""

from __future__ import annotations

from ingest_helpers import ARTICLE, PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.layout import analyze

TITLE_AR = "هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب"
TITLE_EN = "Iraqi forces launch the offensive to retake Mosul"

# --- a site's section name with "now" / "today" after it -------------------------------------------


def test_a_news_section_name_with_now_after_it_is_a_label_and_the_headline_given_thrice_the_title():
    for label, title, date, para, para2 in (
            ("اخبار سوريا الان", TITLE_AR, "2017-03-18 00:00:00 - المصدر: وكالات", PARA_AR, PARA_AR2),
            ("Iraq News Today", TITLE_EN, "2017-03-18 00:00:00 - Source: agencies", PARA_EN, PARA_EN2)):
        text = "\n".join([label, title, title, title, date, para, para2])
        layout = analyze(text)
        assert layout.title == title, label
        assert regions(text)[label] not in ARTICLE, label


def test_a_headline_opening_with_news_of_a_place_stays_the_title():
    # near miss: more words after "news of X" make a headline, not a section's name
    title = "اخبار سوريا الان تتصدر نشرات القنوات العربية"
    text = "\n".join([title, PARA_AR, PARA_AR2])
    assert analyze(text).title == title


# --- a stack of other stories' headlines right above the text ---------------------------------------

STACK_AR = ["الزمالك يستعد لمواجهة الأهلي في نهائي الكأس",
            "ارتفاع أسعار الذهب في الأسواق المحلية مع نهاية تعاملات الأسبوع وسط توقعات بمزيد من الصعود",
            "افتتاح مهرجان الأفلام القصيرة بمشاركة عشرين دولة عربية وأجنبية",
            "وزارة الصحة تطلق حملة تطعيم جديدة للأطفال في مدارس مدينة إدلب"]  # one word told
STACK_EN = ["Local football club signs young striker on a three year contract",
            "Gold prices climb again as markets close the trading week higher",
            "Film festival opens with short movies from twenty different countries",
            "Health ministry starts vaccination campaign for children in Mosul schools"]  # one word told


def test_a_stack_of_headlines_the_text_does_not_tell_gives_no_title():
    for stack, para, para2 in ((STACK_AR, PARA_AR, PARA_AR2), (STACK_EN, PARA_EN, PARA_EN2)):
        text = "\n".join([*stack, para, para2])
        assert analyze(text).title is None, stack[0]
        got = regions(text)
        for line in stack:
            assert got[line] not in ARTICLE, line
        assert got[para] == "body"


def test_the_page_headline_under_a_stack_stays_the_title():
    # near miss: the last line of the stack is the page's headline, its words told by the text
    for stack, title, para, para2 in ((STACK_AR[:2], TITLE_AR, PARA_AR, PARA_AR2),
                                      (STACK_EN[:2], TITLE_EN, PARA_EN, PARA_EN2)):
        text = "\n".join([*stack, title, para, para2])
        assert analyze(text).title == title, title


# --- a caption closing on its archive label ----------------------------------------------------------


def test_a_caption_closing_on_its_archive_label_is_not_the_title():
    for caption, para, para2 in (
            ("مقاتلون من هيئة تحرير الشام عند أحد الحواجز في ريف إدلب- أرشيف", PARA_AR, PARA_AR2),
            ("مقاتلون من هيئة تحرير الشام في ريف إدلب - صورة أرشيفية", PARA_AR, PARA_AR2),
            ("Iraqi soldiers at a checkpoint south of Mosul - File photo", PARA_EN, PARA_EN2)):
        text = "\n".join([caption, caption, para, para2])
        assert analyze(text).title is None, caption
        assert regions(text)[caption] not in ARTICLE, caption


def test_a_headline_about_an_archive_stays_the_title():
    # near miss: the archive is what the headline tells, not a label after a dash
    for title, para, para2 in (("هيئة تحرير الشام تفتح أرشيف سجون إدلب", PARA_AR, PARA_AR2),
                               ("Mosul offensive files: the archive of a long war", PARA_EN, PARA_EN2)):
        text = "\n".join([title, para, para2])
        assert analyze(text).title == title, title


# --- a picture's alt text in the other script between the headline and its byline ---------------------


def test_the_headline_above_an_alt_text_and_the_byline_is_the_title():
    heading_ar = "انسحاب حركة أحرار الشام الإسلامية من ريف إدلب بعد اتفاق الهدنة"
    heading_en = "How the coalition forces prepared the battlefield around the city"
    for title, alt, byline, heading, para, para2 in (
            (TITLE_AR, "Photo of author", "By مروان حداد", heading_ar, PARA_AR, PARA_AR2),
            (TITLE_EN, "صورة الكاتب", "By Sarah Whitfield", heading_en, PARA_EN, PARA_EN2)):
        text = "\n".join([title, alt, byline, heading, para, heading, para2])
        assert analyze(text).title == title, title


def test_a_line_of_the_article_script_between_headline_and_byline_is_not_skipped():
    # near miss: a line in the article's script right above the byline is the headline (the line
    # above it a kicker)
    kicker, title = "تقرير ميداني من الشمال السوري", TITLE_AR
    text = "\n".join([kicker, title, "By مروان حداد", PARA_AR, PARA_AR2])
    assert analyze(text).title == title


# --- a Title Case headline over its sentence-case standfirst, above the byline ------------------------


def test_a_title_case_headline_over_a_longer_sentence_case_line_is_the_title():
    title = "Iraqi Forces Launch Offensive on Mosul"
    stand = "Army and militias advance on the city from the south, while coalition jets strike positions"
    text = "\n".join([title, stand, "By Sarah Whitfield", PARA_EN, PARA_EN2])
    assert analyze(text).title == title
    assert regions(text)[stand] == "subtitle"


def test_a_kicker_over_the_headline_leaves_the_headline_the_title():
    # near miss: the upper line is not in Title Case (a kicker in sentence case), or too short
    # (a section's name): the line right above the byline stays the title
    title = "Army and militias advance on Mosul from the south with coalition support"
    for upper in ("Analysis from the front line", "Middle East"):
        text = "\n".join([upper, title, "By Sarah Whitfield", PARA_EN, PARA_EN2])
        assert analyze(text).title == title


# --- a role line is short and asks nothing ---------------------------------------------------------------


def test_a_headline_opening_like_a_role_line_and_asking_a_question_is_the_title():
    title = "خبير في الشؤون العسكرية يشرح ما الذي يجري في ريف إدلب الآن ؟"
    text = "\n".join([title, PARA_AR, PARA_AR2])
    assert analyze(text).title == title


def test_a_role_line_above_the_text_is_still_not_the_title():
    # near miss: the writer's role alone, short and asking nothing
    line = "باحثة في مركز الدراسات الاستراتيجية بإدلب"
    text = "\n".join([line, PARA_AR, PARA_AR2])
    assert analyze(text).title != line


# --- a widget's label of four or five words the text does not tell --------------------------------------


PARA_EN3 = ("Commanders said the first units had reached the outskirts of the town by the evening, "
            "and that engineers were clearing the roads of explosives before the next push began.")
PARA_AR3 = ("وقال قادة ميدانيون إن الوحدات الأولى وصلت إلى أطراف البلدة مساء أمس، وإن فرق الهندسة "
            "تعمل على تطهير الطرق من العبوات الناسفة قبل بدء المرحلة التالية من العملية.")


def test_a_label_of_four_words_naming_nothing_the_text_tells_is_not_the_title():
    for line, paras in (("Cricket Cup Live Score Updates", [PARA_EN, PARA_EN2, PARA_EN3]),
                        ("نتائج مباريات الدوري الممتاز مباشر", [PARA_AR, PARA_AR2, PARA_AR3])):
        text = "\n".join([line, *paras])
        assert analyze(text).title is None, line
        assert regions(text)[line] not in ARTICLE, line


def test_a_headline_of_four_words_the_text_tells_or_over_its_dateline_stays_the_title():
    # near miss: one of its words told by the text, or a dateline under it
    for lines in ((["Mosul Offensive Finally Begins", PARA_EN, PARA_EN2, PARA_EN3]),
                  (["Cricket Cup Live Score Updates", "12 May 2017", PARA_EN, PARA_EN2, PARA_EN3])):
        assert analyze("\n".join(lines)).title == lines[0], lines[0]


# --- a text in one language under its headline in the other ----------------------------------------------


def test_a_headline_in_the_other_script_right_above_the_text_is_the_title():
    for title, para, para2 in (
            ("New statement from the Levant Liberation Committee on the Idlib truce", PARA_AR, PARA_AR2),
            ("بيان جديد للحكومة العراقية حول بدء عملية استعادة الموصل", PARA_EN, PARA_EN2)):
        text = "\n".join([title, "", "img0042x", "", para, para2])
        assert analyze(text).title == title, title
        assert regions(text)[title] == "title"


def test_a_site_name_in_the_other_script_above_the_text_is_not_the_title():
    # near miss: a site's name or tagline, a few words, stays the site's
    for line, para, para2 in (("Levant News Network Online", PARA_AR, PARA_AR2),
                              ("شبكة أخبار الموصل", PARA_EN, PARA_EN2)):
        text = "\n".join([line, para, para2])
        assert analyze(text).title is None, line
        assert regions(text)[line] not in ARTICLE, line
