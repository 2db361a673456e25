"""Text-page layout rules: labelled bylines (``الكاتب:``, ``ترجمة:``, ``By;``), …"""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.dates import find_date, leading_date
from bicorpus.layout import analyze, parse_page_byline
from bicorpus.normalize import normalize_text

# --- bylines ----------------------------------------------------------------------------------------


def test_labelled_bylines_are_bylines_not_titles():
    assert parse_page_byline("الكاتب: يوسف دياب").author == "يوسف دياب"
    assert parse_page_byline("ترجمة : باسل وطفة").author == "باسل وطفة"
    assert parse_page_byline("By; Zagazola Makama").author == "Zagazola Makama"
    assert parse_page_byline("الكاتب الصحفي يتحدث عن الحرب") is None  # no label colon: a sentence
    text = "\n".join(["المصدر: الشرق الأوسط", "الكاتب: يوسف دياب", "الاثنين 10 تشرين الثاني 2025 06:12:29",
                      PARA_AR, PARA_AR2])
    layout = analyze(text)
    assert layout.title is None
    assert layout.author == "يوسف دياب"
    got = regions(text)
    assert got["الكاتب: يوسف دياب"] != "body"


# --- boilerplate by its words ------------------------------------------------------------------------


def test_disclaimers_links_widgets_and_source_lines_are_boilerplate():
    furniture_en = ["Text Size:", "Be the first to know", "Legal Disclaimer:",
                    "See Syria Feature: Jabhat al-Nusra Leader Issues Warning to Infidels",
                    "(With inputs from agencies.)", "Source link:iranpress", "1d",
                    "Support Our Journalism", "MENAFN08022023000228011069ID1105541055"]
    text = "\n".join(["Iraqi forces launch the offensive on Mosul", furniture_en[0], PARA_EN,
                      *furniture_en[1:4], PARA_EN2, *furniture_en[4:]])
    got = regions(text)
    for line in furniture_en:
        assert got[line] == "boilerplate", line
    assert got[PARA_EN] == got[PARA_EN2] == "body"
    furniture_ar = ["حجم الخط", "قراءة المقال الكامل على ويكيبيديا ←",
                    "الآراء الواردة في هذه الترجمة لا تعبر بالضرورة عن رأي المركز",
                    "The views expressed in this article do not necessarily reflect those of the centre.",
                    "مُولَّد بالذكاء الاصطناعي", "ادعم منشورات المعهد باللغة العربية",
                    "تبرع اليوم لمساعدة المعهد في توسيع نطاق تحليلاته."]
    text = "\n".join(["هيئة تحرير الشام تسيطر على إدلب", furniture_ar[0], PARA_AR, furniture_ar[1],
                      PARA_AR2, *furniture_ar[2:]])
    got = regions(text)
    for line in furniture_ar:
        assert got[line] == "boilerplate", line
    assert got[PARA_AR] == got[PARA_AR2] == "body"


def test_a_sentence_using_the_same_words_stays_body():
    body = ("The government said the statement does not necessarily reflect a change of policy, and that "
            "talks with the Kurdish parties would go on in Erbil next week.")
    body_ar = "وقالت الحكومة إن الاتفاق لا يعبر بالضرورة عن موقف نهائي من الأحزاب الكردية في أربيل."
    text = "\n".join(["Talks go on in Erbil", PARA_EN, body, PARA_EN2])
    assert regions(text)[body] == "body"
    text = "\n".join(["المحادثات مستمرة في أربيل", PARA_AR, body_ar, PARA_AR2])
    assert regions(text)[body_ar] == "body"


# --- captions ------------------------------------------------------------------------------------------


def test_wire_file_photo_table_and_bracket_credited_captions_are_boilerplate():
    captions = ["FILE - Pakistan Army troops observe the area from a hilltop post, Aug. 3, 2021.",
                "Table 1: Strait of Hormuz Global Oil Shipments, 2014-2018",
                "Salam said his government was committed to reconstruction [Lebanese Presidency/AFP]",
                "جدول 2: صادرات النفط عبر مضيق هرمز",
                "ملصق ممزق للرئيس السوري في مدينة الرقة [أ ف ب]"]
    text = "\n".join(["Clashes with militants in northwest Pakistan kill 14", captions[0], PARA_EN,
                      *captions[1:3], PARA_EN2, captions[3], PARA_AR, captions[4], PARA_AR2])
    got = regions(text)
    for line in captions:
        assert got[line] == "boilerplate", line
    assert analyze(text).title == "Clashes with militants in northwest Pakistan kill 14"
    # A bracket closing a sentence without an agency in it stays text.
    note = "The council met again on Sunday [the third time this month]"
    assert regions("\n".join(["Talks go on in Erbil", PARA_EN, note, PARA_EN2]))[note] != "boilerplate"


# --- the site's clock -----------------------------------------------------------------------------


def test_a_clock_under_a_logo_line_is_not_the_page_date():
    text = "\n".join(["scorecardresearch", "Saturday, May 18, 2024", "Support Our Journalism",
                      "Qatar hopes for a breakthrough on the hostages", PARA_EN, PARA_EN2])
    layout = analyze(text)
    assert layout.date is None
    assert layout.title == "Qatar hopes for a breakthrough on the hostages"
    assert regions(text)["Saturday, May 18, 2024"] == "site-header"
    text = "\n".join(["بوابة الدولة", "الأحد 22 مارس 2026 11:47 مـ 3 شوال 1447 هـ",
                      "رئيس مجلس الإدارة صالح شلبي",
                      "الأوقاف تنشر نص خطبة الجمعة المقبلة", PARA_AR, PARA_AR2])
    assert analyze(text).date is None


def test_a_dated_line_right_above_the_headline_stays_the_page_date():
    text = "\n".join(["A source on politics and war", "Wednesday, May 29, 2013",
                      "First-hand report on fighters in Qusayr", PARA_EN, PARA_EN2])
    assert analyze(text).date == "2013-05-29"
    text = "\n".join(["الجمعة، 23 يناير 2026", "أمريكا تفرض عقوبات جديدة على كيانات إيرانية",
                      PARA_AR, PARA_AR2])
    assert analyze(text).date == "2026-01-23"


# --- a headline with chrome glued to it -------------------------------------------------------------


def test_a_headline_glued_without_a_space_to_chrome_or_itself_gives_the_bare_title():
    glued = "HomeWorldQatar PM hopes for breakthrough on release of hostages"
    bare = "Qatar PM hopes for breakthrough on release of hostages"
    text = "\n".join([glued, bare, PARA_EN, PARA_EN2])
    assert analyze(text).title == bare
    assert regions(text)[glued] == "site-header"
    bare_ar = "حركة الشباب تهاجم مقديشو"
    text = "\n".join([bare_ar, bare_ar + bare_ar, PARA_AR, PARA_AR2])
    assert analyze(text).title == bare_ar
    assert regions(text)[bare_ar + bare_ar] == "site-header"


# --- a caption under the headline -----------------------------------------------------------------


def test_a_few_words_under_the_headline_are_no_standfirst():
    text = "\n".join(["Iraqi forces launch their offensive to retake Mosul", "Islamic State militants",
                      PARA_EN, PARA_EN2])
    assert regions(text)["Islamic State militants"] not in ("subtitle", "body")
    text = "\n".join(["هيئة تحرير الشام تبسط سيطرتها على إدلب", "السلطة الوطنية الفلسطينية",
                      PARA_AR, PARA_AR2])
    assert regions(text)["السلطة الوطنية الفلسطينية"] not in ("subtitle", "body")


# --- the page's own date stamp ------------------------------------------------------------------------


def test_the_stamp_opening_the_page_dates_it_even_on_a_caption_line():
    caption = ("date 2024-09-12 Counting votes at a polling station in Amman on September 10, 2024. "
               "JEHAD SHELBAK / REUTERS")
    text = "\n".join([caption, "Jordanians vote in a parliamentary election", PARA_EN, PARA_EN2])
    layout = analyze(text)
    assert layout.date == "2024-09-12"
    assert regions(text)[caption] == "boilerplate"
    text = "\n".join(["date 2017-01-26 © خليل عشاوي / رويترز", "هيئة تحرير الشام تسيطر على إدلب",
                      PARA_AR, PARA_AR2])
    assert analyze(text).date == "2017-01-26"
    # The word alone, not the stamp: no date from it.
    assert analyze("\n".join(["date palms burn in Basra", PARA_EN, PARA_EN2])).date is None


# --- date shapes ----------------------------------------------------------------------------------------


def test_date_shapes_spaced_dashes_underscore_bracketed_wire_and_place_with_fi():
    assert find_date("في الخميس ٠٦ - يوليو - ٢٠١٧ ١٢:٠٠ صباحاً").iso == "2017-07-06"
    assert find_date("Published 6 - July - 2017").iso == "2017-07-06"
    assert leading_date(normalize_text("August 15, 2024_ Tribal districts of Khyber Pakhtunkhwa are facing "
                                       "a wave of terrorism")) == "2024-08-15"
    assert leading_date(normalize_text("CAIRO (Pakistan Point News / Sputnik - 04th June, 2020) Head of the "
                                       "Libyan National Army told the Egyptian authorities")) == "2020-06-04"
    assert leading_date(normalize_text("دمشق (وكالة الأنباء - 3 أيار 2018) قالت مصادر محلية إن الغارات "
                                       "استهدفت مواقع")) == "2018-05-03"
    assert leading_date(normalize_text("بوابة اوكرانيا- كييف في 30 مارس 2025-أعلن الرئيس الانتقالي "
                                       "تشكيل حكومة جديدة")) == "2025-03-30"
    # A birth date in brackets after a name is no wire dateline.
    assert leading_date(normalize_text("Ahmed Smith (born 4 June 1970) was a commander of the group "
                                       "in Raqqa")) is None
    # A stamp glued to the source's name before it, ending a short line.
    assert find_date("Memri12-02-2025").iso == "2025-02-12"
    assert find_date("بانيقيا نيوز9 يناير 2026").iso == "2026-01-09"
    assert find_date("COVID19 2020") is None
    assert find_date("build Windows10-12-2021 notes") is None  # glued, not ending the line
    text = "\n".join(["Tribal districts face a wave of terrorism",
                      "August 15, 2024_ " + PARA_EN, PARA_EN2])
    assert analyze(text).date == "2024-08-15"


# --- section words -------------------------------------------------------------------------------------


def test_a_summary_label_over_the_first_paragraph_is_a_heading():
    text = "\n".join(["القضية الصحراوية: قراءة في أطول صراعات القارة", "ملخص", PARA_AR, PARA_AR2])
    layout = analyze(text)
    assert [h.text for h in layout.headings] == ["ملخص"]
    text = "\n".join(["The Sahrawi question: Africa's longest conflict", "Summary", PARA_EN, PARA_EN2])
    assert [h.text for h in analyze(text).headings] == ["Summary"]


def test_a_stamped_first_line_of_chrome_is_boilerplate_and_still_dates_the_page():
    for first in ["date 2024-10-28 + ↺ − 16 px", "date 2020-10-10 You are here", "date 2020-10-10 أنت هنا",
                  "date 2025-11-02 Getty Images"]:
        text = "\n".join([first, "Turkish forces advance on PKK headquarters", PARA_EN, PARA_EN2])
        assert regions(text)[first] not in ("body", "dateline", "title"), first
        assert analyze(text).date == first[5:15]
    stamped = "date 2018-06-06 ERBIL"
    text = "\n".join([stamped, "Turkish forces advance on PKK headquarters", PARA_EN, PARA_EN2])
    assert regions(text)[stamped] == "dateline"


def test_a_place_and_a_quoted_source_is_no_title():
    text = "\n".join(["Syrian refugees wait to register in Arsal. (AFP)", "بيروت: «الشرق الأوسط»",
                      PARA_AR, PARA_AR2])
    assert analyze(text).title is None
    text = "\n".join(["London: «Asharq Al-Awsat»", PARA_EN, PARA_EN2])
    assert analyze(text).title is None


FARMERS_EN = ("A total of 8 farmers were killed by ISWAP insurgents in the Mafa area of Borno while they "
              "were cultivating their crops, and ten more people were abducted by the insurgents.")
FARMERS_AR = ("قتل ثمانية مزارعين على يد مسلحي تنظيم داعش في ولاية غرب أفريقيا في منطقة مافا في بورنو "
              "أثناء عملهم في حقولهم، وخطف المسلحون عشرة أشخاص آخرين.")


def test_a_headline_opening_with_a_count_is_the_title():
    title = "10 farmers killed in latest ISWAP attack in Borno"
    text = "\n".join([title, "By; Zagazola Makama", FARMERS_EN, PARA_EN2])
    assert analyze(text).title == title
    title_ar = "10 مزارعين قتلى في هجوم جديد في بورنو"
    assert analyze("\n".join([title_ar, FARMERS_AR, PARA_AR2])).title == title_ar
    # A line going on in lower case without a count is the text, cut short: no title.
    text = "\n".join(["farmers killed in latest ISWAP attack in Borno", FARMERS_EN, PARA_EN2])
    assert analyze(text).title is None


# --- excerpts of other posts ---------------------------------------------------------------------------


def test_excerpts_cut_with_an_ellipsis_closing_the_page_are_boilerplate():
    excerpts = ["Recent airstrikes conducted by the United States in Sanaa have reportedly resulted in "
                "significant casualties. According to Houthi media so…",
                "At least two people were killed in overnight strikes in and around Yemen's capital Sanaa, "
                "media controlled by the Houthi militia reported..."]
    text = "\n".join(["Southern political council announced", PARA_EN, PARA_EN2, *excerpts])
    got = regions(text)
    for line in excerpts:
        assert got[line] == "boilerplate", line
    assert got[PARA_EN2] == "body"
    excerpts_ar = ["أعلنت المديرية العامة للأمن العام اللبناني أن أعداد اللاجئين السوريين الذين غادروا "
                   "طواعية الأراضي اللبنانية أمس بلغ…",
                   "شنت مقاتلات التحالف العربي أكثر من ثلاث غارات جوية على مبنى السفارة السعودية وسط العاصمة "
                   "صنعاء شمال اليمن…"]
    got = regions("\n".join(["المجلس الانتقالي الجنوبي يعلن تشكيله", PARA_AR, PARA_AR2, *excerpts_ar]))
    for line in excerpts_ar:
        assert got[line] == "boilerplate", line
    # One line cut short is the text's own last paragraph.
    got = regions("\n".join(["Southern political council announced", PARA_EN, PARA_EN2, excerpts[0]]))
    assert got[excerpts[0]] == "body"
