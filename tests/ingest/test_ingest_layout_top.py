"""The top of a text page: which line is the title, and which date is the page's, when credits,
infobox lines, related headlines, a blog's tagline or a site clock stand above the article."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.dates import glued_weekday, is_dateline, parse_date
from bicorpus.layout import analyze, title_stems
from bicorpus.normalize import normalize_text


def test_a_photo_credit_with_a_comma_is_not_the_title():
    text = "\n".join(["Hikmat Shreif, AFP", "Last updated: 25 May, 2013",
                      "Mosul Offensive Stalls as Coalition Supply Lines Stretch", PARA_EN, PARA_EN2])
    layout = analyze(text)
    assert layout.title == "Mosul Offensive Stalls as Coalition Supply Lines Stretch"
    assert layout.date == "2013-05-25"
    assert regions(text)["Hikmat Shreif, AFP"] != "title"
    arabic = "\n".join(["حكمت شريف، أ ف ب", "آخر تحديث: 25 أيار 2013",
                        "هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب", PARA_AR, PARA_AR2])
    assert analyze(arabic).title == "هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب"


def test_an_infobox_context_line_or_a_file_name_is_not_the_title():
    text = "\n".join(["Military Wiki", "Siege of Mosul",
                      "Part of the Iraqi Civil War and the military intervention against ISIL (2014–2017)",
                      "Siege of Mosul map 2016.svg", PARA_EN, PARA_EN2])
    assert analyze(text).title == "Siege of Mosul"
    arabic = "\n".join(["موسوعة عسكرية", "معركة إدلب الكبرى",
                        "جزء من الحرب الأهلية السورية والتدخل العسكري في شمال سوريا",
                        "خريطة معركة إدلب الكبرى.jpg", PARA_AR, PARA_AR2])
    assert analyze(arabic).title == "معركة إدلب الكبرى"


def test_a_long_headline_sharing_no_word_with_the_text_is_not_the_title():
    # A related article's headline above another story: nothing of it comes back in the text,
    # and the site's region line above it is chrome too.
    text = "\n".join(["Eastern Province Edition", "Green Falcons Storm into FIFA Ranking Top Hundred Club",
                      PARA_EN, PARA_EN2])
    layout = analyze(text)
    assert layout.title is None
    got = regions(text)
    assert got["Green Falcons Storm into FIFA Ranking Top Hundred Club"] == "site-header"
    assert got["Eastern Province Edition"] == "site-header"
    arabic = "\n".join(["محافظة المنطقة الشرقية", "الأخضر يقتحم نادي المائة في تصنيف «الفيفا» الجديد",
                        PARA_AR, PARA_AR2])
    assert analyze(arabic).title is None
    # The same shape with the article's own words is the title.
    own = "\n".join(["محافظة المنطقة الشرقية", "تحرير الشام تنتزع إدلب من أحرار الشام بعد اتفاق الهدنة",
                     PARA_AR, PARA_AR2])
    assert analyze(own).title == "تحرير الشام تنتزع إدلب من أحرار الشام بعد اتفاق الهدنة"


def test_title_stems_set_arabic_proclitics_aside():
    assert title_stems("والنصرة بالنصرة النصرة") == {"نصره"}
    assert title_stems("Fighters in the 2016 battle") == {"fight", "battl"}


def test_a_blogs_tagline_and_teaser_above_the_dated_headline_are_chrome():
    teaser = PARA_EN + " The offensive began at dawn."
    text = "\n".join([teaser, "A source on politics, war, the Middle East, poetry, and art.",
                      "Wednesday, May 29, 2013", "Exclusive: First-Hand Report from the Mosul Front",
                      PARA_EN, PARA_EN2])
    layout = analyze(text)
    assert layout.title == "Exclusive: First-Hand Report from the Mosul Front"
    assert layout.date == "2013-05-29"
    got = regions(text)
    assert got[teaser] == got["A source on politics, war, the Middle East, poetry, and art."] == "site-header"
    assert got[PARA_EN] == got[PARA_EN2] == "body"
    arabic = "\n".join(["مدونة في السياسة والحرب والشعر العربي والفن.", "الأربعاء، 29 أيار 2013",
                        "حصري: شهادة من داخل إدلب بعد انسحاب أحرار الشام", PARA_AR, PARA_AR2])
    layout = analyze(arabic)
    assert layout.title == "حصري: شهادة من داخل إدلب بعد انسحاب أحرار الشام"
    assert regions(arabic)["مدونة في السياسة والحرب والشعر العربي والفن."] == "site-header"


def test_a_site_clock_run_into_its_location_gives_no_date():
    text = "\n\n".join(["x Abu Dhabi, UAEMonday 22 January 2018",
                        "Iraqi Forces Launch Offensive to Retake Mosul", PARA_EN, PARA_EN2])
    layout = analyze(text)
    assert layout.date is None
    assert layout.title == "Iraqi Forces Launch Offensive to Retake Mosul"
    assert regions(text)["x Abu Dhabi, UAEMonday 22 January 2018"] == "site-header"
    arabic = "\n".join(["أبوظبي، الإماراتالاثنين 22 يناير 2018", "تحرير الشام تبسط سيطرتها على إدلب",
                        PARA_AR, PARA_AR2])
    assert analyze(arabic).date is None
    # The same date with its weekday standing apart is the page's date.
    dated = "\n".join(["الاثنين 22 يناير 2018", "تحرير الشام تبسط سيطرتها على إدلب", PARA_AR, PARA_AR2])
    assert analyze(dated).date == "2018-01-22"


def test_glued_weekday():
    def at_date(text: str) -> bool:
        norm = normalize_text(text)
        return glued_weekday(norm, norm.index("22"))
    assert at_date("Abu Dhabi, UAEMonday 22 January 2018")
    assert not at_date("Monday 22 January 2018")
    assert not at_date("Mon, 22 January 2018")
    assert at_date("أبوظبي الإماراتالاثنين 22 يناير 2018")
    assert not at_date("أبوظبي، الاثنين 22 يناير 2018")


def test_a_two_word_title_given_twice_right_above_the_text():
    arabic = "\n".join(["سوريا الغد", "سوريا الغد", PARA_AR, PARA_AR2])
    assert analyze(arabic).title == "سوريا الغد"
    assert list(regions(arabic).values()).count("title") == 1
    text = "\n".join(["Syria Tomorrow", "Syria Tomorrow", PARA_EN, PARA_EN2])
    assert analyze(text).title == "Syria Tomorrow"
    # Two different short lines are a site name and a kicker, not a title.
    assert analyze("\n".join(["Syria Tomorrow", "Opinion Desk", PARA_EN, PARA_EN2])).title is None


def test_an_entry_name_given_beside_its_file_name_alias_is_the_title():
    opening = ("The siege of Mosul was launched by Iraqi forces, backed by Kurdish, Sunni and Shiite "
               "militias as well as US airpower, to retake the city from the Islamic State.")
    text = "\n".join(["Siege_of_Mosul", "Siege of Mosul", "Siege of Mosul",
                      "2016 offensive in northern Iraq during the war against ISIL", opening, PARA_EN2])
    layout = analyze(text)
    assert layout.title == "Siege of Mosul"
    assert regions(text)["2016 offensive in northern Iraq during the war against ISIL"] == "subtitle"
    arabic_opening = ("معركة إدلب الكبرى هي معركة بسطت فيها هيئة تحرير الشام سيطرتها على مدينة إدلب "
                      "ومناطق واسعة من ريفها شمال سوريا، بعد انسحاب حركة أحرار الشام.")
    arabic = "\n".join(["معركة_إدلب_الكبرى", "معركة إدلب الكبرى", "معركة إدلب الكبرى",
                        "هجوم عام 2017 في شمال سوريا", arabic_opening, PARA_AR2])
    assert analyze(arabic).title == "معركة إدلب الكبرى"


def test_dates_with_spaced_separators_an_ordinal_and_a_comma_or_a_glued_counter():
    assert parse_date("16 | 02 | 2024") == parse_date("16 / 02 / 2024") == "2024-02-16"
    assert parse_date("١٦ | ٠٢ | ٢٠٢٤") == "2024-02-16"
    assert parse_date("12 | 5 / 2017") is None  # two different separators: not one date
    assert parse_date("تاريخ النشر: 26th, September 2023 GMT") == "2023-09-26"
    assert is_dateline("Published: 26th, September 2023 GMT") == "2023-09-26"
    # The date, then "294 views" with no space between them.
    assert parse_date("2 سبتمبر 2025294 مشاهدةوقت القراءة: 2 دقيقة") == "2025-09-02"
    assert parse_date("2 September 2025294 views") == "2025-09-02"
    assert parse_date("2 September 2025294 soldiers") is None  # digits run on: no year to read
    text = "\n".join(["اللاجئون السوريون في لبنان بين واقع العودة وتحديات المستقبل",
                      "2 سبتمبر 2025294 مشاهدةوقت القراءة: 2 دقيقة", PARA_AR, PARA_AR2])
    assert analyze(text).date == "2025-09-02"


def test_a_caption_ending_in_its_credit_is_not_the_title():
    caption = ("Iraqi policemen inspect their weapons at a military base south of Mosul, as they prepare "
               "for an offensive to retake the city.PHOTO: AFP")
    text = "\n".join(["Iraq Launches Offensive to Recapture Mosul", caption, caption, PARA_EN, PARA_EN2])
    assert analyze(text).title == "Iraq Launches Offensive to Recapture Mosul"
    arabic_caption = "عناصر من هيئة تحرير الشام على مشارف مدينة إدلب قبل بدء الهجوم تصوير: رويترز"
    arabic = "\n".join(["هيئة تحرير الشام تبسط سيطرتها على إدلب", arabic_caption, PARA_AR, PARA_AR2])
    assert analyze(arabic).title == "هيئة تحرير الشام تبسط سيطرتها على إدلب"


def test_a_breadcrumb_ending_in_the_headline_is_not_the_title():
    headline = "US Sanctions Against Syria Under Caesar Act Take Effect Today"
    lead = ("US sanctions against Syria under the Caesar Syria Civilian Protection Act come into effect "
            "today, targeting anyone who does business with the Assad government.")
    text = "\n".join([f"Home » {headline}", headline, lead, PARA_EN2])
    assert analyze(text).title == headline
    arabic_headline = "هيئة تحرير الشام تبسط سيطرتها على مدينة إدلب"
    arabic = "\n".join([f"الرئيسية » {arabic_headline}", arabic_headline, PARA_AR, PARA_AR2])
    assert analyze(arabic).title == arabic_headline


def test_an_encyclopedia_entry_given_twice_above_its_infobox():
    text = "\n".join([
        "Battle of Mosul (2016–2017)", "Battle of Mosul (2016–2017)", "Part of War in Iraq (2013–2017)",
        "Map of the advances by the Iraqi Army in Mosul city during the battle",
        "Location35°48′01″N 43°17′23″E / 35.8003°N 43.2897°E / 35.8003; 43.2897",
        "Iraq Lt. Gen. Abdul Ghani Asadi", "(Mosul Counter Terrorism Service commander)",
        "Islamic State Amir Mohammed Abdul Rahman al-Mawli al-Salbi[25]", PARA_EN, PARA_EN2])
    layout = analyze(text)
    assert layout.title == "Battle of Mosul (2016–2017)"
    got = regions(text)
    assert got["Part of War in Iraq (2013–2017)"] not in ("subtitle", "body")
    arabic = "\n".join(["معركة إدلب (2017)", "معركة إدلب (2017)", "جزء من الحرب الأهلية السورية",
                        "خريطة توضح تقدم فصائل المعارضة في محافظة إدلب", "(قائد العمليات العسكرية في إدلب)",
                        PARA_AR, PARA_AR2])
    assert analyze(arabic).title == "معركة إدلب (2017)"


def test_a_title_cut_at_its_colon_over_two_lines():
    arabic = "\n".join(["من المنفى إلى المجهول:", "اللاجئون السوريون في لبنان والعودة إلى الوطن",
                        "مذكرة سياسات، مايو 2025", "زميلة زائرة مشتركة", "20 مايو، 2025", PARA_AR, PARA_AR2])
    layout = analyze(arabic)
    assert layout.title == "من المنفى إلى المجهول:"
    assert layout.date == "2025-05-20"
    assert regions(arabic)["اللاجئون السوريون في لبنان والعودة إلى الوطن"] == "subtitle"
    text = "\n".join(["From Exile to the Unknown:", "Syrian Refugees in Lebanon and the Return Home",
                      "Visiting Fellow", "20 May 2025", PARA_EN, PARA_EN2])
    assert analyze(text).title == "From Exile to the Unknown:"


def test_a_standfirst_under_the_titles_dateline():
    standfirst = ("Concern about a potential contagion to the Strait of Hormuz, this time by the Iranians "
                  "themselves, in the case of a broader conflict in the Middle East")
    body = ("The Red Sea, an essential conduit for international commerce, is becoming more susceptible "
            "to Houthi attacks on merchant ships bound for the Suez Canal.")
    text = "\n".join(["Red Sea on Edge: Houthi Attacks Disrupt Vital Shipping Routes", "16 | 02 | 2024",
                      standfirst, body, PARA_EN2])
    layout = analyze(text)
    assert layout.title == "Red Sea on Edge: Houthi Attacks Disrupt Vital Shipping Routes"
    assert layout.date == "2024-02-16"
    assert regions(text)[standfirst] == "subtitle"
    arabic_standfirst = ("مخاوف من امتداد هجمات الحوثيين في البحر الأحمر إلى مضيق هرمز هذه المرة على يد "
                         "الإيرانيين أنفسهم في حال اتساع الصراع في الشرق الأوسط")
    arabic_body = ("يزداد البحر الأحمر، الممر الأساسي للتجارة الدولية، عرضة لهجمات الحوثيين على السفن "
                   "التجارية المتجهة إلى قناة السويس منذ أشهر.")
    arabic = "\n".join(["البحر الأحمر على حافة الهاوية: هجمات الحوثيين تعطل طرق الملاحة", "16 | 02 | 2024",
                        arabic_standfirst, arabic_body, PARA_AR2])
    assert regions(arabic)[arabic_standfirst] == "subtitle"
    # A finished sentence there is the first paragraph's lead, not a standfirst.
    lead = "Iraqi forces launched the long-awaited offensive to retake Mosul from the Islamic State today."
    assert regions("\n".join(["Iraqi Forces Launch the Mosul Offensive", "16 | 02 | 2024", lead,
                              PARA_EN, PARA_EN2]))[lead] == "body"


def test_key_point_bullets_opening_a_page_are_the_article_not_its_header():
    # Bullets in the article's script that are finished sentences are its key points; bullets
    # naming other articles (headlines, no full stop) or their authors stay the site's header.
    points = [
        "• The army announced its withdrawal from the city to spare civilians further fighting.",
        "• Aid agencies say hundreds of thousands have fled towards the west in recent weeks.",
    ]
    text = "\n".join([*points, PARA_EN, PARA_EN2])
    got = regions(text)
    for line in points:
        assert got[line] == "body", line
    headlines = ["• Why the Siege of El Fasher Matters for Darfur", "• Five Questions on the Sudan Talks",
                 "• From Cameras to Radios: How Were the Movement's Commanders Tracked Across Yemen?"]
    text = "\n".join([*headlines, "The City Falls After an Eighteen-Month Siege", PARA_EN, PARA_EN2])
    got = regions(text)
    for line in headlines:
        assert got[line] == "site-header", line
    arabic = ["• أعلن الجيش انسحابه من المدينة لتجنيب المدنيين مزيداً من القتال والدمار.",
              "• تقول وكالات الإغاثة إن مئات الآلاف فروا نحو الغرب خلال الأسابيع الأخيرة."]
    got = regions("\n".join([*arabic, PARA_AR, PARA_AR2]))
    for line in arabic:
        assert got[line] == "body", line


def test_a_summary_heading_over_key_points_is_a_heading():
    points = [
        "- The group detained several staff members of the aid agency in two cities.",
        "- Three guards were held during the raid on the agency's main office.",
    ]
    text = "\n".join(["Why Were the Aid Agency's Staff Detained in Sanaa?", "Synopsis", "Key Takeaways",
                      *points, PARA_EN, PARA_EN2])
    layout = analyze(text)
    assert [h.text for h in layout.headings][:2] == ["Synopsis", "Key Takeaways"]
    got = regions(text)
    for line in points:
        assert got[line] == "subtitle", line  # the page's key points: its standfirst
    arabic = "\n".join(["لماذا احتجزت الجماعة موظفي الوكالة في صنعاء؟", "الملخص",
                        "- احتجزت الجماعة عدداً من موظفي الوكالة في مدينتين خلال الأسبوع الماضي.",
                        PARA_AR, PARA_AR2])
    assert [h.text for h in analyze(arabic).headings][:1] == ["الملخص"]
