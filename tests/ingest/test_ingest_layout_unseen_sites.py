"""Text-page layout on pages of sites never seen: a site's clock above the title, a standfirst the
first paragraph restates, a caption above its photo credit, comment-form lines."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.layout import analyze

TITLE_EN = "Iraqi forces launch the offensive to retake Mosul"
TITLE_AR = "هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب"

# --- a site's clock opening the page is not the article's date ---------------------------------------


def test_an_arabic_clock_above_a_section_name_and_the_title_gives_no_date():
    clock = "الأربعاء 5 فبراير 2025"
    text = "\n".join([clock, "سياسة", TITLE_AR, PARA_AR, PARA_AR2])
    layout = analyze(text)
    assert layout.date is None
    assert layout.title == TITLE_AR
    assert regions(text)[clock] == "site-header"


def test_an_english_clock_with_the_weather_above_the_title_gives_no_date():
    clock = "Thursday, March 28, 2024 | Ramadan 17, 1445 H"
    text = "\n".join([clock, "OMAN", "23°C / 23°C", TITLE_EN,
                      PARA_EN, PARA_EN2])
    layout = analyze(text)
    assert layout.date is None
    assert regions(text)[clock] == "site-header"


def test_a_dated_line_right_above_the_title_is_still_the_page_date():
    for line in ("Wednesday, May 29, 2013", "الأربعاء 29 مايو 2013"):
        text = "\n".join([line, TITLE_EN, PARA_EN, PARA_EN2])
        assert analyze(text).date == "2013-05-29", line


def test_the_clock_gives_way_to_a_dateline_under_the_title():
    text = "\n".join(["الجمعة , 23 يناير 2026", "مجلس الأمة", TITLE_AR,
                      "12 أبريل 2017", PARA_AR, PARA_AR2])
    assert analyze(text).date == "2017-04-12"


def test_a_date_without_weekday_above_a_section_name_is_still_the_date():
    text = "\n".join(["5 فبراير 2025", "سياسة", TITLE_AR, PARA_AR, PARA_AR2])
    assert analyze(text).date == "2025-02-05"


# --- a standfirst the first paragraph tells again ----------------------------------------------------

STAND_EN = ("Six members of the Yemeni security forces were killed when armed men attacked an intelligence "
            "office in Aden.")
LEDE_EN = ("Eleven people including at least six members of the security forces have been killed in an "
           "attack on an intelligence office in Aden, where armed men stormed the building at dawn.")
STAND_AR = "مجلس منبج العسكري يقول إن المدينة السورية أصبحت تحت حماية مسلحين محليين متحالفين مع الأكراد."
LEDE_AR = ("قال مجلس منبج العسكري إن المدينة السورية، وهي هدف معلن للعملية المدعومة من تركيا، أصبحت تحت "
           "حماية مسلحين محليين متحالفين مع الأكراد وقوات التحالف بقيادة الولايات المتحدة.")


def test_a_line_the_first_paragraph_restates_is_the_standfirst():
    text = "\n".join(["Yemen security forces killed in attack", STAND_EN, LEDE_EN, PARA_EN])
    got = regions(text)
    assert got[STAND_EN] == "subtitle"
    assert got[LEDE_EN] == "body"


def test_an_arabic_standfirst_restated_under_the_title_is_the_subtitle():
    text = "\n".join(["قوات سوريا الديمقراطية: منبج تحت حماية التحالف", STAND_AR, LEDE_AR, PARA_AR])
    got = regions(text)
    assert got[STAND_AR] == "subtitle"
    assert got[LEDE_AR] == "body"


def test_a_first_paragraph_the_next_one_does_not_restate_stays_body():
    first = "Iraqi troops entered the eastern districts of Mosul on Tuesday after weeks of heavy fighting."
    text = "\n".join(["Yemen security forces killed in attack", first, LEDE_EN, PARA_EN])
    assert regions(text)[first] == "body"


def test_a_restated_line_above_the_only_paragraph_stays_body():
    text = "\n".join(["Yemen security forces killed in attack", STAND_EN, LEDE_EN])
    assert regions(text)[STAND_EN] == "body"


# --- comment forms, widgets and notices of the common themes ------------------------------------------


def test_theme_comment_form_and_widget_lines_are_boilerplate():
    furniture = ["Please enter your comment!", "Please enter your name here",
                 "Please read our comment policy before commenting.", "Recent Comments",
                 "Commentaires récents",
                 "آخر التعليقات", "Source link",
                 "Community content is available under CC-BY-SA unless otherwise noted."]
    for text in ("\n".join([TITLE_EN, PARA_EN, PARA_EN2, *furniture]),
                 "\n".join([TITLE_AR, PARA_AR, PARA_AR2, *furniture])):
        got = regions(text)
        for line in furniture:
            assert got[line] == "boilerplate", line


def test_an_ad_label_between_paragraphs_is_boilerplate_and_the_text_around_it_body():
    text = "\n".join([TITLE_AR, PARA_AR, "Ad", PARA_AR2])
    got = regions(text)
    assert got["Ad"] == "boilerplate"
    assert got[PARA_AR] == got[PARA_AR2] == "body"


def test_a_sentence_about_comments_in_the_text_stays_body():
    line = ("Please enter your comments on the draft constitution, the committee told the delegates of "
            "the towns.")
    text = "\n".join([TITLE_EN, PARA_EN, line, PARA_EN2])
    assert regions(text)[line] == "body"


# --- a list the text announces with a colon is text, not an infobox -----------------------------------

SEATS_AR = ["حلب: 20 مقعداً", "دمشق: 11 مقعداً", "حمص: 9 مقاعد", "إدلب: 7 مقاعد"]
MEMBERS_EN = ["- Mohammed Taha al-Ahmad: chairman", "- Hassan al-Daghim: member", "- Lara Izouqi: member",
              "- Anas al-Abdah: member"]


def test_an_arabic_list_of_seats_announced_by_a_colon_at_the_end_of_the_page_is_body():
    intro = "كما حدد المرسوم توزيع مقاعد مجلس الشعب على المحافظات، وفقاً لعدد السكان، على النحو التالي:"
    lines = [x for seat in SEATS_AR for x in ("-", seat)]
    got = regions("\n".join(["المرسوم يحدد توزيع مقاعد مجلس الشعب", PARA_AR, intro, *lines]))
    for seat in SEATS_AR:
        assert got[seat] == "body", seat


def test_an_english_list_of_members_announced_by_a_colon_between_paragraphs_is_body():
    intro = "The decree formed the higher committee, whose members are the following:"
    title = "Syria forms a committee for the elections"
    got = regions("\n".join([title, PARA_EN, intro, *MEMBERS_EN, PARA_EN2]))
    for line in MEMBERS_EN:
        assert got[line] == "body", line


def test_items_of_an_announced_list_above_a_paragraph_are_no_headings():
    # "Basra: 25 seats" right above a paragraph is still an item of the list, not a section heading
    intro = "The seats were distributed among the provinces of the country as follows:"
    items = ["Baghdad: 69 seats", "Nineveh: 31 seats", "Basra: 25 seats"]
    text = "\n".join(["Iraq announces the seats of its new parliament", PARA_EN, intro, *items, PARA_EN2])
    got = regions(text)
    for line in items:
        assert got[line] == "body", line
    assert analyze(text).headings == ()
    intro_ar = "وتوزعت المقاعد النيابية في البرلمان الجديد على المحافظات كما يلي:"
    items_ar = ["بغداد: 69 مقعدا", "نينوى: 31 مقعدا", "البصرة: 25 مقعدا"]
    text = "\n".join(["العراق يعلن توزيع مقاعد البرلمان الجديد", PARA_AR, intro_ar, *items_ar, PARA_AR2])
    got = regions(text)
    for line in items_ar:
        assert got[line] == "body", line
    assert analyze(text).headings == ()


def test_a_kicker_shaped_heading_over_a_paragraph_stays_a_heading():
    heading = "Syria: The Road Ahead"
    text = "\n".join(["Iraq announces the seats of its new parliament", PARA_EN, heading, PARA_EN2])
    assert [h.text for h in analyze(text).headings] == [heading]


def test_label_value_lines_with_no_announcing_colon_are_still_an_infobox():
    box = ["Leader: Abu Mohammad al-Julani", "Size: 1,300 (est. 2017)", "Founded: January 2017",
           "Headquarters: Idlib"]
    got = regions("\n".join(["Hayat Tahrir al-Sham", PARA_EN, "Group profile", *box, PARA_EN2]))
    for line in box:
        assert got[line] == "boilerplate", line


# --- a caption above the credit that closes it -------------------------------------------------------

CAPTION_EN = ("People wearing protective clothing, masks and gloves attend a funeral in the north of Tehran, "
              "where the outbreak spread fast among older adults.")
CAPTION_AR = "عناصر من قوات الأمن السورية ينتشرون في شوارع مدينة إدلب بعد انسحاب الفصائل منها، يوم الأحد."


def test_a_caption_above_an_ap_photo_credit_is_boilerplate_the_paragraph_under_it_body():
    text = "\n".join(["Iranian commander killed in Syria, reports say", CAPTION_EN,
                      "Ebrahim Noroozi/AP Photo", PARA_EN, PARA_EN2])
    got = regions(text)
    assert got[CAPTION_EN] == got["Ebrahim Noroozi/AP Photo"] == "boilerplate"
    assert got[PARA_EN] == "body"


def test_an_arabic_caption_above_a_bracketed_photo_credit_is_boilerplate():
    text = "\n".join([TITLE_AR, PARA_AR, CAPTION_AR, "(تصوير: رويترز)", PARA_AR2])
    got = regions(text)
    assert got[CAPTION_AR] == got["(تصوير: رويترز)"] == "boilerplate"
    assert got[PARA_AR] == got[PARA_AR2] == "body"


def test_the_headline_above_a_credit_stays_the_title():
    title = "Iraqi Forces, Backed by US Airpower, Launch the Offensive to Retake Mosul"
    text = "\n".join([title, "AP Photo/Baderkhan Ahmad", PARA_EN, PARA_EN2])
    assert analyze(text).title == title
    assert regions(text)["AP Photo/Baderkhan Ahmad"] == "boilerplate"


# --- a dateline with the day of its update -----------------------------------------------------------


def test_a_dateline_with_its_update_day_is_a_dateline_in_both_languages():
    from bicorpus.dates import is_dateline

    assert is_dateline("15:51 GMT 01.04.2024 (Updated: 16:00 GMT 01.04.2024)") == "2024-04-01"
    assert is_dateline("Published 12 April 2017, updated 13 April 2017") == "2017-04-12"
    assert is_dateline("نشر في 12/4/2017 - آخر تحديث 13/4/2017") == "2017-04-12"


def test_a_span_of_days_is_no_dateline():
    from bicorpus.dates import is_dateline

    assert is_dateline("Active: 8 December 2016 – 18 January 2026") is None
    assert is_dateline("من 12 نيسان 2017 إلى 13 أيار 2018") is None


def test_a_stamped_dateline_under_the_first_paragraph_gives_the_page_date():
    stamp = "15:51 GMT 01.04.2024 (Updated: 16:00 GMT 01.04.2024)"
    text = "\n".join([TITLE_EN, PARA_EN, stamp, PARA_EN2])
    assert analyze(text).date == "2024-04-01"


# --- a short line given twice in a row inside the text: alt text and caption ----------------------------


def test_a_short_line_given_twice_between_paragraphs_is_a_caption_not_a_heading():
    for title, first, caption, second in (
            (TITLE_EN, PARA_EN, "Car explosion (illustration)",
             PARA_EN2),
            (TITLE_AR, PARA_AR, "يوم الشهيد في الضاحية الجنوبية لبيروت",
             PARA_AR2)):
        text = "\n".join([title, first, caption, caption, second])
        layout = analyze(text)
        assert caption not in [h.text for h in layout.headings]
        assert regions(text)[caption] == "boilerplate"
        assert layout.title == title


def test_a_heading_given_once_between_paragraphs_stays_a_heading():
    text = "\n".join([TITLE_EN, PARA_EN, "The battle for the west bank",
                      PARA_EN2, "The road to Raqqa", PARA_EN])
    assert "The battle for the west bank" in [h.text for h in analyze(text).headings]


# --- a caption ending in its agency or photographer ---------------------------------------------------


def test_captions_ending_in_their_credit_after_the_last_sentence_are_boilerplate():
    captions = [
        "Houthi followers hold mock missiles as they shout slogans during a demonstration in Sanaa. -Reuters",
        "A Syrian man stands at a makeshift camp for displaced people, on 18 February 2020. AFP/Bakr Alkasem",
        "Women and children who fled the Islamic State at the al-Hol camp. Photo / Ivor Prickett",
        "محمود باري، عضو مجلس شورى جماعة نصرة الإسلام والمسلمين. المصدر الإنترنت",
    ]
    for caption in captions:
        text = "\n".join([TITLE_EN, PARA_EN, caption, PARA_EN2])
        assert regions(text)[caption] == "boilerplate", caption


def test_a_sentence_naming_agencies_stays_body():
    line = "The court ruled in favour of the families of the victims in 2020, according to AFP/Reuters"
    text = "\n".join([TITLE_EN, PARA_EN, line, PARA_EN2])
    assert regions(text)[line] == "body"


def test_a_long_first_paragraph_above_a_picture_is_body_not_a_standfirst():
    first = ("كشفت جماعة نصرة الإسلام والمسلمين، التي تقود ائتلافا من عدة جماعات مسلحة تنشط في مالي ومنطقة "
             "الساحل، عن استراتيجيتها الجديدة لمحاصرة العاصمة باماكو، في تسجيل مصور نشرته على مواقع التواصل "
             "الاجتماعي يوم الأحد، وتوعدت فيه الحكومة المالية وحلفاءها بهجمات جديدة على الطرق.")
    caption = "محمود باري، عضو مجلس شورى جماعة نصرة الإسلام والمسلمين. المصدر الإنترنت"
    text = "\n".join(["مالي.. القاعدة تكشف عن خطة لمحاصرة باماكو", first, caption, PARA_AR, PARA_AR2])
    got = regions(text)
    assert got[first] == "body"
    assert got[caption] == "boilerplate"


# --- a standfirst above a text that opens with its wire dateline ----------------------------------------


def test_a_line_between_the_title_and_a_wire_dateline_is_the_standfirst():
    stand = "As Iraqi and Kurdish troops launch their offensive, the quest to take back the city begins."
    wire = ("BAGHDAD — Soldiers cheered and honked the horns of their Humvees as their convoy rolled north "
            "on the highway towards the front line on Monday morning.")
    text = "\n".join(["The biggest battle against ISIS in Iraq has begun", stand, wire, PARA_EN2])
    got = regions(text)
    assert got[stand] == "subtitle"
    assert got[wire] == "body"


def test_an_arabic_standfirst_above_a_place_and_dash_opening_is_the_subtitle():
    stand = "الجولاني يشكر قيادات القاعدة وخاصة زعيم التنظيم أيمن الظواهري على تفهمهم لقرار فك الارتباط."
    wire = ("سوريا – أعلن زعيم جبهة النصرة أبو محمد الجولاني في خطاب تلفزيوني مسجل، اليوم الخميس، فك ارتباط "
            "الجبهة بتنظيم القاعدة وتشكيل كيان جديد باسم جبهة فتح الشام.")
    text = "\n".join(["الجولاني يعلن فك ارتباط جبهة النصرة مع تنظيم القاعدة", stand, wire, PARA_AR2])
    got = regions(text)
    assert got[stand] == "subtitle"
    assert got[wire] == "body"


def test_a_first_paragraph_over_a_second_that_opens_without_a_wire_dateline_stays_body():
    first = "Iraqi troops entered the eastern districts of Mosul on Tuesday after weeks of heavy fighting."
    text = "\n".join(["The biggest battle against ISIS in Iraq has begun", first, PARA_EN, PARA_EN2])
    assert regions(text)[first] == "body"


def test_of_two_headlines_over_a_wire_dateline_the_upper_is_the_title():
    title = "Rebels surrender heavy arms in Syria's Ghouta"
    stand = "Syrian government forces have taken full control over the town of Douma"
    wire = ("BEIRUT - The remaining rebels in Syria's battered Eastern Ghouta have surrendered their heavy "
            "weapons and their fighters have begun to leave the town.")
    text = "\n".join([title, stand, wire, PARA_EN2])
    assert analyze(text).title == title
    assert regions(text)[stand] == "subtitle"
    ar_title = "الجولاني يعلن فك ارتباط جبهة النصرة مع تنظيم القاعدة وتشكيل جبهة فتح الشام"
    ar_stand = "زعيم النصرة يظهر للمرة الأولى كاشفا وجهه في تسجيل مصور بثته قناة الجزيرة القطرية"
    ar_wire = ("دمشق (رويترز) – أعلن زعيم جبهة النصرة أبو محمد الجولاني في خطاب تلفزيوني مسجل، "
               "اليوم الخميس، فك ارتباط الجبهة بتنظيم القاعدة.")
    assert analyze("\n".join([ar_title, ar_stand, ar_wire, PARA_AR2])).title == ar_title


def test_a_kicker_above_the_title_over_a_wire_dateline_is_not_the_title():
    title = "Rebels surrender heavy arms in Syria's Ghouta after weeks of bombardment"
    wire = ("BEIRUT - The remaining rebels in Syria's battered Eastern Ghouta have surrendered their heavy "
            "weapons and their fighters have begun to leave the town.")
    assert analyze("\n".join(["Syria", title, wire, PARA_EN2])).title == title
