"""Text pages: page metadata dumped as lines (timestamps, addresses, codes, tags), a teaser given
before the text, an encyclopedia entry named by its first words, blog tag lines."""

from __future__ import annotations

from ingest_helpers import ARTICLE, PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.dates import is_dateline, parse_date
from bicorpus.layout import analyze, is_navigation, units_of


def test_iso_timestamps_are_dates_and_datelines():
    assert parse_date("2017-11-13T16:17+0000") == "2017-11-13"
    assert parse_date("2019-03-02T08:05:59.120Z") == "2019-03-02"
    assert is_dateline("2017-11-13T16:17+0000") == "2017-11-13"
    assert is_dateline("نشر في 2017-11-13T16:17:00+03:00") == "2017-11-13"
    assert parse_date("build 2017-11-13Tx") is None  # not a timestamp: no time after the T


def test_metadata_block_under_the_title_is_chrome_arabic():
    meta = ["وكالة الأنباء العربية", "2017-11-13T16:17+0000", "2017-11-13T16:20+0000",
            "feedback@example-news.com", "+74956456601", "2017", "ar_EG", "العالم العربي, الأخبار"]
    text = "\n".join(["انسحاب أحرار الشام من مدينة إدلب وريفها", *meta, PARA_AR, PARA_AR2])
    layout = analyze(text)
    got = regions(text)
    assert layout.title == "انسحاب أحرار الشام من مدينة إدلب وريفها"
    assert layout.date == "2017-11-13"  # the timestamps are chrome, and still the page's date
    for line in meta:
        assert got[line] not in ARTICLE, line
    assert got[PARA_AR] == got[PARA_AR2] == "body"


def test_metadata_block_under_the_title_is_chrome_english():
    meta = ["Example News Agency", "2019-03-02T08:05:59Z", "2019-03-02T09:00:00Z",
            "https://cdn.example-news.com/img/1022612122_0:67:2608:1541_1920x0_80_0_0.jpg",
            "newsroom@example-news.com", "en_GB", "World, Middle East, Iraq"]
    text = "\n".join(["Iraqi Forces Launch the Offensive on Mosul", *meta, PARA_EN, PARA_EN2])
    got = regions(text)
    assert analyze(text).date == "2019-03-02"
    for line in meta:
        assert got[line] not in ARTICLE, line
    assert got[PARA_EN] == "body"


def test_url_line_does_not_run_on_from_a_timestamp():
    text = "2017-11-13T16:20+0000\nhttps://cdn.example-news.com/img/1022612122.jpg\n" + PARA_EN
    spans = [u.text for u in units_of(text)]
    assert spans[:2] == ["2017-11-13T16:20+0000", "https://cdn.example-news.com/img/1022612122.jpg"]


def test_an_ordinary_article_top_is_not_a_chrome_run():
    # title, byline, date, share and print lines: two furniture lines beside the article's own lines
    text = "\n".join(["Iraqi Forces Launch the Offensive on Mosul", "By Jane Doe", "May 12, 2017",
                      "Share", "Print", PARA_EN, PARA_EN2])
    layout = analyze(text)
    got = regions(text)
    assert layout.title == "Iraqi Forces Launch the Offensive on Mosul"
    assert layout.author == "Jane Doe" and layout.date == "2017-05-12"
    assert got["By Jane Doe"] == got["May 12, 2017"] == "dateline"
    text_ar = "\n".join(["انسحاب أحرار الشام من مدينة إدلب وريفها", "بقلم: أحمد علي", "12 أبريل 2017",
                         "طباعة", "شارك", PARA_AR, PARA_AR2])
    assert analyze(text_ar).title == "انسحاب أحرار الشام من مدينة إدلب وريفها"
    assert regions(text_ar)["12 أبريل 2017"] == "dateline"


def test_a_heading_over_a_paragraph_stays_inside_a_chrome_run():
    text = "\n".join(["Iraqi Forces Launch the Offensive on Mosul", PARA_EN, "Share", "Print", "2017",
                      "en_GB", "The Road to Mosul", PARA_EN2])
    got = regions(text)
    assert got["Share"] == got["2017"] == "boilerplate"
    assert got["The Road to Mosul"] == "heading"
    assert got[PARA_EN2] == "body"


def test_teaser_repeated_by_the_text_is_boilerplate():
    teaser_ar = PARA_AR[:150] + "... 13.11.2017, وكالة الأنباء"
    text = "\n".join(["انسحاب أحرار الشام من مدينة إدلب وريفها", teaser_ar,
                      "16:17 GMT 13.11.2017 " + PARA_AR, PARA_AR2])
    got = regions(text)
    assert got[teaser_ar] not in ARTICLE
    assert got["16:17 GMT 13.11.2017 " + PARA_AR] == "body"
    teaser_en = PARA_EN[:120] + "…"
    text_en = "\n".join(["Iraqi Forces Launch the Offensive on Mosul", teaser_en, "BAGHDAD - " + PARA_EN,
                         PARA_EN2])
    got = regions(text_en)
    assert got[teaser_en] not in ARTICLE
    assert got["BAGHDAD - " + PARA_EN] == "body"


def test_a_paragraph_quoted_later_inside_a_shorter_line_is_kept():
    # the later line is shorter: not a teaser, both are the text
    text = "\n".join(["Iraqi Forces Launch the Offensive on Mosul", PARA_EN, PARA_EN2, PARA_EN[:90]])
    assert regions(text)[PARA_EN] == "body"


def test_entry_title_is_the_name_its_first_paragraph_opens_with():
    infobox = ["الزعماء", "تواريخ النشاط10 أكتوبر 2015 – الحاضر",
               "المقر الرئيسي القامشلي، الحسكة، سوريا [48]"]
    para = ("قوات سوريا الديمقراطية (قسد) هو تحالف بقيادة كردية تشكل في الحرب الأهلية السورية، "
            "ويتألف من فصائل كردية وعربية وسريانية.")
    text = "\n".join(["قوات سوريا الديمقراطية", *infobox, para, PARA_AR2])
    assert analyze(text).title == "قوات سوريا الديمقراطية"
    para_en = ("The Syrian Democratic Forces (SDF) is a Kurdish-led alliance formed during the Syrian "
               "civil war, made of Kurdish, Arab and Syriac militias.")
    text_en = "\n".join(["Syrian Democratic Forces", "Leaders", "Headquarters Qamishli, Hasakah, Syria [48]",
                         para_en, PARA_EN2])
    assert analyze(text_en).title == "Syrian Democratic Forces"


def test_entry_rule_leaves_a_headline_above_the_name():
    para_en = ("Abu Bakr al-Baghdadi is the leader of the Islamic State and its self-proclaimed caliph, "
               "born in Samarra in 1971.")
    text = "\n".join(["The Leader of the Islamic State Speaks", "Abu Bakr al-Baghdadi", para_en, PARA_EN2])
    assert analyze(text).title == "The Leader of the Islamic State Speaks"


def test_blog_tag_line_without_colon():
    assert is_navigation("Posted in News")
    assert is_navigation("Filed under Syria, Iraq")
    assert not is_navigation("Posted in Aleppo, the letter reached the council on Monday.")


def test_comment_form_and_post_furniture_lines():
    for line in ("Your email address will not be published.", "Required fields are marked *",
                 "Post navigation", "Previous article", "Like this:", "Powered by WordPress", "Back to top",
                 "المقال السابق", "العودة للأعلى", "لن يتم نشر عنوان بريدك الإلكتروني.", "أخبار ذات صلة"):
        assert is_navigation(line), line
    assert not is_navigation("Back to top of the mountain, the fighters regrouped.")
    assert not is_navigation("المقال السابق للكاتب تناول الوضع في إدلب.")


def test_blogger_and_wordpress_furniture_lines():
    for line in ("Post a Comment", "Popular posts from this blog", "Older Post",
                 "Subscribe to: Post Comments (Atom)", "You must be logged in to post a comment.",
                 "إرسال تعليق", "رسالة أقدم",
                 "الاشتراك في: تعليقات الرسالة (Atom)", "ترك الرد", "من فضلك ادخل تعليقك"):
        assert is_navigation(line), line
    assert not is_navigation("Older posts on the forum described the siege of Aleppo in detail.")
    assert not is_navigation("رسالة أقدم من ذلك بعث بها التنظيم إلى أنصاره في الرقة.")


def test_short_lines_after_furniture_at_the_end_are_furniture():
    closing = "He said he would return."
    text = "\n".join(["Iraqi Forces Launch the Offensive on Mosul", PARA_EN, PARA_EN2, closing, "Share",
                      "Leave a Reply", "You must log in to post a comment here.", "Anonymous visitor"])
    got = regions(text)
    assert got[closing] == "body"  # before the furniture: the article's last line
    assert got["You must log in to post a comment here."] == "boilerplate"
    assert got["Anonymous visitor"] == "boilerplate"
    closing_ar = "وأكد أن المعركة ستستمر."
    text_ar = "\n".join(["انسحاب أحرار الشام من مدينة إدلب وريفها", PARA_AR, PARA_AR2, closing_ar, "طباعة",
                         "التعليقات", "يرجى كتابة تعليقك هنا بلغة لائقة.", "الاسم"])
    got = regions(text_ar)
    assert got[closing_ar] == "body"
    assert got["يرجى كتابة تعليقك هنا بلغة لائقة."] == got["الاسم"] == "boilerplate"


def test_one_furniture_line_at_the_end_leaves_the_lines_after_it():
    text = "\n".join(["Iraqi Forces Launch the Offensive on Mosul", PARA_EN, "Share", PARA_EN2,
                      "He said he would return."])
    assert regions(text)["He said he would return."] == "body"


def test_standfirst_between_the_title_and_its_copy():
    title = "HTS: Crisis Management and Power Building in Idlib"
    stand = "As HTS consolidates its control over all of Syria, it faces significant challenges."
    text = "\n".join([title, stand, title, PARA_EN, PARA_EN2])
    got = regions(text)
    assert analyze(text).title == title and got[stand] == "subtitle"
    title_ar = "هيئة تحرير الشام: إدارة الأزمة وبناء السلطة في إدلب"
    stand_ar = "مع إحكام الهيئة سيطرتها على سوريا كلها، تواجه تحديات كبيرة في الإدارة والاقتصاد."
    got = regions("\n".join([title_ar, stand_ar, title_ar, PARA_AR, PARA_AR2]))
    assert got[stand_ar] == "subtitle"


def test_an_entry_first_paragraph_before_a_table_naming_it_stays_body():
    name = "مجلس منبج العسكري"
    lead = "مجلس منبج العسكري هو تحالف من الجماعات المسلحة التابعة لقوات سوريا الديمقراطية."
    text = "\n".join([name, lead, name + " | ||", PARA_AR, PARA_AR2])
    assert regions(text)[lead] == "body"


def test_numbered_section_is_not_the_title():
    text = "\n".join(["1. History of the movement, structure, and ideology", PARA_EN, PARA_EN2])
    assert analyze(text).title is None
    text_ar = "\n".join(["1. تاريخ الحركة وبنيتها وأيديولوجيتها", PARA_AR, PARA_AR2])
    assert analyze(text_ar).title is None


def test_breadcrumb_trails_are_navigation():
    for line in ("Home » News » Middle East", "Home > World > Middle East > Syria", "News › Syria › Idlib",
                 "الرئيسية » أخبار » سوريا", "أخبار عربية > سوريا > إدلب"):
        assert is_navigation(line), line
    assert not is_navigation("«داعش» و«النصرة» و«الأحرار»")  # quoted names, not a trail
    assert not is_navigation("Syria > Iraq, the report said > all")
    text = "\n".join(["Home » News » Middle East", "Iraqi Forces Launch the Offensive on Mosul",
                      PARA_EN, PARA_EN2])
    assert regions(text)["Home » News » Middle East"] == "boilerplate"


def test_a_long_line_above_the_title_is_chrome():
    ticker = ("جامعة سيئون تحتفي بتخرج أول دفعة طب بشري قصف لا يتوقف و69 انتهاكا في تعز خلال ثلاثة أشهر "
              "والحكومة تعلن خطة جديدة")
    text = "\n".join([ticker, "انسحاب أحرار الشام من مدينة إدلب وريفها", "12 أبريل 2017", PARA_AR, PARA_AR2])
    got = regions(text)
    assert analyze(text).title == "انسحاب أحرار الشام من مدينة إدلب وريفها"
    assert got[ticker] == "site-header"
    ticker_en = ("Breaking: Coalition strikes hit Raqqa outskirts Markets steady as oil prices climb "
                 "Aid convoy reaches Madaya")
    text = "\n".join([ticker_en, "Iraqi Forces Launch the Offensive on Mosul", "May 12, 2017",
                      PARA_EN, PARA_EN2])
    assert regions(text)[ticker_en] == "site-header"


def test_a_column_of_figures_in_the_text_is_not_a_metadata_run():
    figures = ["2014", "76,000", "2015", "55,000", "2016", "49,742"]
    text = "\n".join(["Iraqi Forces Launch the Offensive on Mosul", PARA_EN, "Deaths by year", *figures,
                      PARA_EN2])
    got = regions(text)
    assert got["Deaths by year"] not in ("boilerplate", "site-header")
    figures_ar = ["٢٠١٤", "٧٦٠٠٠", "٢٠١٥", "٥٥٠٠٠"]
    text_ar = "\n".join(["انسحاب أحرار الشام من مدينة إدلب وريفها", PARA_AR, "عدد القتلى كل عام", *figures_ar,
                         PARA_AR2])
    assert regions(text_ar)["عدد القتلى كل عام"] not in ("boilerplate", "site-header")
