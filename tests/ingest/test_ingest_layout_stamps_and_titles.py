"""Text-page layout rules: the page's date read from a stamp run into its first line, a site's
clock never taken for the page's date, ..."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.layout import analyze

# --- dates ---------------------------------------------------------------------------------------------


def test_a_stamp_in_a_page_run_together_into_one_line_dates_the_page():
    text = ("Opinion Energy Oil exporters face a lean year as prices slide By Jane Doe "
            "March 3, 2025, 4:12 PM Reuters " + PARA_EN + " " + PARA_EN2)
    assert analyze(text).date == "2025-03-03"
    text = ("كتب أحمد سعيدالثلاثاء، 4 مارس 2025 10:15 ص " + PARA_AR + " " + PARA_AR2)
    assert analyze(text).date == "2025-03-04"


def test_a_headline_run_on_into_its_update_stamp_dates_the_page():
    text = "\n".join([("Gulf ports see record container traffic this winter as shipping lines"
                      " avoid the Red Sea3 min read . Updated: 14 Jan 2024, 09:40 AM IST"),
                      PARA_EN, PARA_EN2])
    assert analyze(text).date == "2024-01-14"
    text = "\n".join([("موانئ الخليج تسجل حركة حاويات قياسية هذا الشتاء مع تجنب خطوط الشحن"
                      " البحر الأحمر وارتفاع أسعار التأمين 3 دقائق قراءة آخر تحديث: 14 يناير 2024، 09:40 ص"),
                      PARA_AR, PARA_AR2])
    assert analyze(text).date == "2024-01-14"


def test_a_day_named_in_the_first_line_without_its_time_is_no_stamp():
    text = ("Talks resumed on March 3, 2025 after a pause of two weeks in the capital. "
            + PARA_EN + " " + PARA_EN2)
    assert analyze(text).date is None
    text = ("استؤنفت المحادثات في 4 مارس 2025 بعد توقف دام أسبوعين في العاصمة. " + PARA_AR + " " + PARA_AR2)
    assert analyze(text).date is None


def test_the_sites_clock_in_two_calendars_is_not_the_pages_date():
    text = "\n".join(["الخميس 27 مارس 2025 11:20 مـ 27 رمضان 1446 هـ", "صحيفة الوطن رئيس التحرير محمد علي",
                      PARA_AR, PARA_AR2])
    assert analyze(text).date is None
    text = "\n".join(["Thursday, March 27, 2025 11:20 PM | Ramadan 27, 1446 AH", "The Daily Courier",
                      PARA_EN, PARA_EN2])
    assert analyze(text).date is None


TEASERS_EN = [
    "Turkey's outreach to the Gulf monarchies has moved from crisis management to a lasting economic "
    "partnership built on defence sales, investment and trade.",
    "The war in Sudan has drawn in regional powers whose competing interests now shape the prospects "
    "of every ceasefire negotiated in Jeddah and elsewhere.",
    "Iraq's water crisis is no longer a matter of drought alone: upstream dams, old canals and "
    "rising demand have turned scarcity into a question of security.",
]
TEASERS_AR = [
    "انتقلت العلاقات التركية الخليجية من إدارة الأزمات إلى شراكة اقتصادية دائمة تقوم على صفقات "
    "الدفاع والاستثمار والتجارة بين الطرفين.",
    "جذبت الحرب في السودان قوى إقليمية تتنافس مصالحها وتحدد فرص كل هدنة يجري التفاوض عليها في جدة "
    "وفي غيرها من العواصم.",
    "لم تعد أزمة المياه في العراق مسألة جفاف فحسب، فالسدود في أعالي النهرين والقنوات القديمة وارتفاع "
    "الطلب حولت الشح إلى قضية أمنية.",
]


def test_item_dates_of_a_listing_page_do_not_date_the_page():
    items_en = [("Jul 21, 2023", "Why Turkey and the Gulf states are growing closer", "By Sara Klein"),
                ("Jul 12, 2023", "Sudan's war and the limits of regional mediation", "By Omar Haddad"),
                ("Jun 30, 2023", "Water and security in Iraq after the drought", "By Lena Fischer")]
    lines = ["Featured analysis"]
    for (day, title, by), teaser in zip(items_en, TEASERS_EN, strict=True):
        lines += [day, title, by, teaser]
    layout = analyze("\n".join(lines))
    assert layout.date is None
    items_ar = [("21 يوليو 2023", "لماذا تتقارب تركيا ودول الخليج"),
                ("12 يوليو 2023", "حرب السودان وحدود الوساطة الإقليمية"),
                ("30 يونيو 2023", "المياه والأمن في العراق بعد الجفاف")]
    lines = ["أحدث التحليلات"]
    for (day, title), teaser in zip(items_ar, TEASERS_AR, strict=True):
        lines += [day, title, teaser]
    assert analyze("\n".join(lines)).date is None


def test_an_article_with_one_dateline_keeps_its_date():
    text = "\n".join(["Why Turkey and the Gulf states are growing closer", "Jul 21, 2023", "By Sara Klein",
                      *TEASERS_EN])
    assert analyze(text).date == "2023-07-21"
    text = "\n".join(["لماذا تتقارب تركيا ودول الخليج", "21 يوليو 2023", *TEASERS_AR])
    assert analyze(text).date == "2023-07-21"


# --- captions and the title ----------------------------------------------------------------------------


def test_a_caption_crediting_an_agency_by_its_full_name_is_no_title():
    caption = "Egyptian Foreign Minister Sameh Shoukry at a news conference in Cairo (Anadolu Agency)"
    text = "\n".join([caption, PARA_EN, PARA_EN2])
    layout = analyze(text)
    assert layout.title is None
    assert regions(text)[caption] == "boilerplate"
    caption = "وزير الخارجية المصري سامح شكري خلال مؤتمر صحفي في القاهرة (الجزيرة)"
    text = "\n".join([caption, PARA_AR, PARA_AR2])
    assert analyze(text).title is None
    assert regions(text)[caption] == "boilerplate"


def test_a_headline_with_its_genre_in_brackets_stays_the_title():
    for title in ("هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب (فيديو)",
                  "Iraqi forces launch their offensive to retake Mosul (video)"):
        para, para2 = (PARA_AR, PARA_AR2) if title.startswith("هيئة") else (PARA_EN, PARA_EN2)
        assert analyze("\n".join([title, para, para2])).title == title


def test_a_headline_opening_with_a_tag_in_brackets_is_the_title():
    title = "[opinion pieces] Iraq: the offensive to retake Mosul from the Islamic State"
    text = "\n".join([title, "Baghdad Monitor  /  March 2, 2024", PARA_EN, PARA_EN2])
    assert analyze(text).title == title
    title = "[مقالات الرأي] سوريا: هيئة تحرير الشام تسيطر على إدلب"
    text = "\n".join([title, "مرصد دمشق  /  2 مارس 2024", PARA_AR, PARA_AR2])
    assert analyze(text).title == title


# --- header lines --------------------------------------------------------------------------------------

TICKER_AR = ("انطلاق قافلة مساعدات جديدة إلى غزة عبر معبر رفح .. تفاصيل الشحنة وزير الري يتفقد محطات "
             "الرفع في الصعيد ارتفاع أسعار الذهب في السوق المحلية اليوم الخميس جامعة أسيوط تستضيف "
             "مؤتمر الطاقة المتجددة «حادث مروع على الطريق الصحراوي».. مصرع ثلاثة وإصابة خمسة محافظ "
             "الجيزة يتابع أعمال رصف الطرق في الهرم والعمرانية ضبط عصابة لسرقة السيارات في ال")


def test_a_ticker_of_headlines_run_into_one_line_is_not_the_article():
    title = "هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب"
    text = "\n".join([TICKER_AR, title, PARA_AR, PARA_AR2])
    got = regions(text)
    assert got[TICKER_AR] not in ("title", "subtitle", "dateline", "body", "heading")
    assert got[PARA_AR] == got[PARA_AR2] == "body"
    assert analyze(text).title == title


def test_a_long_lead_without_commas_is_not_a_ticker():
    lead_ar = ("بسطت هيئة تحرير الشام سيطرتها على مدينة إدلب ومناطق واسعة من ريفها شمال سوريا بعد انسحاب "
               "حركة أحرار الشام الإسلامية من تلك المناطق إثر اتفاق هدنة بين الطرفين برعاية وجهاء المنطقة "
               "وقادة الفصائل المحلية التي رفضت الاقتتال.. وتستمر المفاوضات حول إدارة المعابر الحدودية.")
    got = regions("\n".join([lead_ar, PARA_AR2]))
    assert got[lead_ar] == "body"  # a comma-less lead joining clauses with "..", ending its sentence
    lead_en = ("Iraqi forces backed by Kurdish Sunni and Shiite militias as well as US airpower have "
               "launched their long-awaited offensive to retake Mosul from the Islamic State.. officials in "
               "Baghdad say the push could take weeks as the militants have dug in across the city")
    got = regions("\n".join([lead_en, PARA_EN2]))
    assert got[lead_en] == "body"


def test_a_page_holding_only_a_tag_label_has_no_title():
    for label in ("Syria elections 2025", "أسعار الذهب اليوم 2026"):
        layout = analyze(label)
        assert layout.title is None, label
        assert regions(label)[label] == "site-header"
    for headline in ("Syrian voters head to the polls in the first elections since the fall of Assad",
                     "الناخبون السوريون يتوجهون إلى صناديق الاقتراع في أول انتخابات منذ سقوط النظام"):
        assert analyze(headline).title == headline


# --- a lead sentence is not the title -------------------------------------------------------------------

LEAD_AR = ("اقتحمت قوات من الجيش، في وقت متأخر من مساء الأربعاء، مدينة إدلب ومخيماتها شمالي سوريا "
           "وسط اشتباكات مع مسلحين")


def test_an_arabic_lead_sentence_with_commas_on_its_own_line_is_not_the_title():
    text = "\n".join([LEAD_AR, PARA_AR, PARA_AR2])
    layout = analyze(text)
    assert layout.title is None
    assert regions(text)[LEAD_AR] == "body"


def test_a_long_arabic_headline_opened_by_a_place_and_a_colon_stays_the_title():
    # "Place: statement" is a headline's form, however long and however many commas
    kicked = ("سوريا: ينبغي أن تكون حماية المدنيين، الذين عانوا طويلاً من الحرب، في صدارة أولويات "
              "الحكومة الانتقالية مع بدء عودة اللاجئين")
    assert analyze("\n".join([kicked, PARA_AR, PARA_AR2])).title == kicked
    # the same sentence without the place and colon is a lead sentence
    lead = kicked.split(": ", 1)[1] + " وفق ما أعلنت منظمات حقوقية في بيان"
    assert analyze("\n".join([lead, PARA_AR, PARA_AR2])).title is None


def test_headlines_with_a_comma_stay_titles():
    short_ar = "هيئة تحرير الشام تسيطر على إدلب، وأحرار الشام تنسحب"  # a short headline may have a comma
    assert analyze("\n".join([short_ar, PARA_AR, PARA_AR2])).title == short_ar
    long_en = ("Iraqi forces, backed by Kurdish and Shiite militias and US airpower, launch their "
               "long-awaited offensive to retake Mosul")
    assert analyze("\n".join([long_en, PARA_EN, PARA_EN2])).title == long_en


def test_a_writers_byline_or_role_line_is_not_the_title():
    for line in ("إدلب(المرصد السوري )كتبه / أ. سامي العلي", "باحثة في مركز الدراسات الاستراتيجية بدمشق"):
        layout = analyze("\n".join([line, PARA_AR, PARA_AR2]))
        assert layout.title is None, line
    for line in ("Senior Fellow at the Centre for Syrian Studies",
                 "Researcher with the Iraq Policy Institute"):
        layout = analyze("\n".join(["Samira Haddad", line, PARA_EN, PARA_EN2]))
        assert layout.title is None, line


def test_a_headline_naming_a_director_stays_the_title():
    title = "Director of the Syrian Observatory says Islamic State fighters are leaving Mosul"
    assert analyze("\n".join([title, PARA_EN, PARA_EN2])).title == title


def test_a_publication_type_label_is_not_the_article():
    lines = []
    for (day, title, by), teaser in zip(
            [("Jul 21, 2023", "Why Turkey and the Gulf states are growing closer", "By Sara Klein"),
             ("Jul 12, 2023", "Sudan's war and the limits of regional mediation", "By Omar Haddad")],
            TEASERS_EN[:2], strict=True):
        lines += ["Issue Brief", day, title, by, teaser]
    got = regions("\n".join(lines))
    assert got["Issue Brief"] not in ("title", "subtitle", "dateline", "body", "heading")
    assert got[TEASERS_EN[0]] == "body"
    text = "\n".join(["تقدير موقف", "لماذا تتقارب تركيا ودول الخليج", *TEASERS_AR])
    got = regions(text)
    assert got["تقدير موقف"] not in ("title", "subtitle", "dateline", "body", "heading")
    assert analyze(text).title == "لماذا تتقارب تركيا ودول الخليج"


# --- a headline with its date glued to its end ---------------------------------------------------------


def test_a_headline_with_its_date_glued_to_its_end_is_the_title():
    title = "هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب وريفها الشمالي – DW – 2025/10/19"
    layout = analyze("\n".join([title, PARA_AR, PARA_AR2]))
    assert (layout.title, layout.date) == (title, "2025-10-19")
    title = "Iraqi forces launch their long-awaited offensive to retake Mosul [17/October/2016]"
    layout = analyze("\n".join([title, PARA_EN, PARA_EN2]))
    assert (layout.title, layout.date) == (title, "2016-10-17")


def test_a_wire_dateline_is_not_a_headline_with_its_date():
    by_line = "By Sara Klein and Omar Haddad of the Baghdad bureau – 17/10/2016"
    for line, para, para2 in (("Baghdad – Reuters – 17/10/2016", PARA_EN, PARA_EN2),
                              (by_line, PARA_EN, PARA_EN2),
                              ("بغداد – رويترز – 2016/10/17", PARA_AR, PARA_AR2)):
        layout = analyze("\n".join([line, para, para2]))
        assert layout.title is None, line
        assert layout.date == "2016-10-17"
