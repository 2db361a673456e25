"""Text-page layout rules: wire datelines, promotion and comment lines, agency-credited captions,
a standfirst under its headline, a section heading over the first paragraph, folder-wide
repeated lines."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.dates import leading_date
from bicorpus.layout import analyze, is_caption, is_navigation, site_key
from bicorpus.layout_site import build_table, page_edges
from bicorpus.normalize import normalize_text

# --- dates -----------------------------------------------------------------------------------------


def test_wire_dateline_opening_a_paragraph_gives_the_date():
    en = ("KurdWatch, May 31, 2016—On May 24, 2016, the Syrian Democratic Forces launched an offensive "
          "to seize ar-Raqqah, the provincial capital now controlled by the Islamic State.")
    assert analyze("\n\n".join(["Ar-Raqqah: PYD launches offensive to capture city", en, PARA_EN2])).date \
        == "2016-05-31"
    ar = "بيروت، 3 أيار 2018 – قالت مصادر محلية إن الغارات استهدفت مواقع للتنظيم في ريف دير الزور الشرقي."
    assert leading_date(normalize_text(ar)) == "2018-05-03"
    # A sentence about a day is not the page's date: no dash after the date, a bare "On".
    assert leading_date(normalize_text("On July 28, 2016 the group declared a new name for itself.")) is None
    assert leading_date(normalize_text("في 28 تموز 2016 أعلنت الجبهة فك ارتباطها بتنظيم القاعدة.")) is None


def test_french_dateline_label_at_the_bottom_is_the_date_and_the_paragraph_stays_body():
    text = "\n\n".join(["The war on ISIS brings more turmoil", PARA_EN,
                        "Date de parution : 22 October 2017 | 12:27 am"])
    layout = analyze(text)
    assert layout.date == "2017-10-22"
    assert regions(text)[PARA_EN] == "body"  # the only paragraph is no standfirst of a late date


def test_a_date_in_a_caption_is_not_the_page_date():
    caption = "عنصر من قوات الأسايش في الرقة / سورية 29 يناير 2023 (Getty)"
    text = "\n".join(["مسيّرة تركية تقتل عنصرين من الأسايش شمال شرقي سورية", "03 سبتمبر 2024", caption,
                      PARA_AR, PARA_AR2])
    layout = analyze(text)
    assert layout.date == "2024-09-03"
    assert regions(text)[caption] == "boilerplate"


# --- boilerplate -----------------------------------------------------------------------------------


def test_follow_us_promotions_are_boilerplate_and_not_the_title():
    promos = ["قراؤنا من مستخدمي إنستجرام",
              "يمكنكم الآن متابعة آخر الأخبار مجاناً من خلال حسابنا على إنستجرام",
              "قرائنا من مستخدمي تلغرام", "إضغط هنا للإشتراك"]
    text = "\n".join(["أصداء", "لماذا سيخسر الرئيس السوري المواجهة مع شعبه؟", *promos, PARA_AR, PARA_AR2])
    layout = analyze(text)
    assert layout.title == "لماذا سيخسر الرئيس السوري المواجهة مع شعبه؟"
    got = regions(text)
    for line in promos:
        assert got[line] == "boilerplate", line


def test_read_also_related_comment_and_paywall_lines_are_boilerplate():
    lines = ["أقراء أيضاً", "More news: Croatia Coach Explains a Decision from the World Cup", "Related News",
             "To continue reading, please submit your contact details below.", "Leave a Reply",
             "Your email address will not be published. Required fields are marked *", "No comments",
             "التعليقات", "مساحة اعلانية", "Reply #61", "(click on GIF image to enlarge)",
             "www.kurdwatch.org -  © 2009 - 2015 [ E-Mail: info@kurdwatch.org ]"]
    for line in lines:
        assert is_navigation(line), line
    for line in ["More to the point, the offensive stalled.", "لا يزال التعليق على الخبر ممنوعاً",
                 "Reply to the ministry came a week later"]:
        assert not is_navigation(line), line
    text = "\n\n".join(["Houthis Say They Launched a Missile at an Aramco Facility", PARA_EN, lines[1],
                        PARA_EN2, "Related News", PARA_EN])
    got = regions(text)
    assert got[lines[1]] == got["Related News"] == "boilerplate"


def test_agency_credits_and_alt_text_are_captions():
    for line in ["تعزيزات للتحالف الدولي للحرب ضد «داعش» في الحسكة شمال شرقي سوريا (أ.ف.ب)",
                 "Kurdish fighters near the front line north of Raqqa (AFP)",
                 "ربما تحتوي الصورة على: شخص واحد، ونظارة ونص", "Interactive | Libya: the territorial gains",
                 "AP", "أ.ف.ب"]:
        assert is_caption(line), line
    assert not is_caption("The talks in Geneva (which the AP covered) ended without a deal.")


def test_a_long_caption_given_around_its_credit_is_boilerplate_both_times():
    caption = ("Libyan National Army members, commanded by Khalifa Haftar, pose for a picture as they head "
               "out of Benghazi to reinforce the troops advancing to Tripoli, April 7, 2019.")
    text = "\n\n".join(["Libya's Battle of the Militias: How Did It All Start?", caption, "AP", caption,
                        PARA_EN, PARA_EN2])
    layout = analyze(text)
    regions_ = [b.region for b in layout.blocks]
    assert regions_ == ["title", "boilerplate", "boilerplate", "boilerplate", "body", "body"]


# --- titles and headings ---------------------------------------------------------------------------


def test_a_longer_standfirst_under_the_headline_is_not_the_title():
    title = "Libya's battle of the militias: How did it all start?"
    standfirst = ("Khalifa Haftar's offensive towards Tripoli is part and parcel of a larger regional "
                  "dynamic and conflict")
    layout = analyze("\n\n".join([title, standfirst, PARA_EN, PARA_EN2]))
    assert layout.title == title
    assert [b.region for b in layout.blocks][:2] == ["title", "subtitle"]
    # A kicker above the headline is still passed over: it is too short to be a title of a standfirst.
    assert analyze("\n\n".join(["Libya - 01", title, PARA_EN, PARA_EN2])).title == title


def test_place_and_reporter_line_is_not_a_headline():
    text = "\n".join(["صنعاء ـ خالد عبدالواحد", PARA_AR, PARA_AR2])
    assert analyze(text).title is None


def test_heading_over_the_first_paragraph_under_the_title():
    text = "\n\n".join(["Abu Bakr al-Baghdadi", "Early Life", PARA_EN, "Education", PARA_EN2])
    layout = analyze(text)
    assert layout.title == "Abu Bakr al-Baghdadi"
    assert [h.text for h in layout.headings] == ["Early Life", "Education"]
    assert [b.section for b in layout.blocks if b.region == "body"] == ["Early Life", "Education"]
    arabic = "\n".join(["هجوم هيئة تحرير الشام على إدلب وتعقد فرص الحل السياسي", "مقدمة:", PARA_AR, PARA_AR2])
    assert [h.text for h in analyze(arabic).headings] == ["مقدمة:"]  # a report's section word
    # A tag line under the title of a page without sections stays out of the article.
    tagged = "\n\n".join(["Al-Qaeda Uncoupling: The Nusra Front Rebrands", "Free Syrian Army",
                          PARA_EN, PARA_EN2])
    assert regions(tagged)["Free Syrian Army"] == "site-header"
    assert not analyze(tagged).headings


# --- site-level lines ------------------------------------------------------------------------------


def test_a_folder_of_many_sites_needs_a_share_of_its_pages_for_a_repeated_line():
    name = "Abu Bakr al-Baghdadi"

    def page(n: int, first: str) -> str:
        return "\n\n".join([first, f"{PARA_EN} ({n})", f"{PARA_EN2} [{n}]"])

    mixed = {f"/c/{n}.txt": page(n, name if n < 3 else f"Story Number {n} About Raqqa") for n in range(20)}
    table = build_table({path: page_edges(text, "/c") for path, text in mixed.items()})
    assert site_key(name) not in table.hits("/c/0.txt")  # a title on 3 of 20 pages of a mixed folder
    assert analyze(mixed["/c/0.txt"], repeated=table.hits("/c/0.txt")).title == name
    one_site = {f"/s/{n}.txt": page(n, name) for n in range(4)}
    table = build_table({path: page_edges(text, "/s") for path, text in one_site.items()})
    assert site_key(name) in table.hits("/s/0.txt")  # on every page of a folder: chrome
    # Pages named by their URL line are grouped by host, whatever the folder holds.
    hosted = {f"/m/{n}.txt": f"https://example.org/{n}\n" + page(n, "Example Daily") for n in range(3)}
    hosted.update({f"/m/x{n}.txt": page(n, f"Other Story {n} on Raqqa") for n in range(30)})
    table = build_table({path: page_edges(text, "/m") for path, text in hosted.items()})
    assert site_key("Example Daily") in table.hits("/m/0.txt")


def test_the_headline_right_above_the_dateline_is_the_title():
    title = ('التايمز: لا يمكن السماح لطهران بالانتصار في سوريا / دي فيلت: "داعش" يهدد تركيا / دير شبيجل: '
             'السعودية وإيران تشعلان حروبا بالوكالة')
    lead = ("تقدم البوابة كل ما هو جديد يومًا بيوم وذلك من خلال تناول الصحف العالمية اليومية وكل ما يخص "
            "الإسلام السياسي فيها اليوم الخميس 8-12-2016")
    text = "\n".join([title, "الخميس 08/ديسمبر/2016 - 02:41 م", lead, PARA_AR, PARA_AR2])
    layout = analyze(text)
    assert layout.title == title  # not the longer unfinished line under the dateline
    assert layout.date == "2016-12-08"
    got = regions(text)
    assert got["الخميس 08/ديسمبر/2016 - 02:41 م"] == "dateline"  # a clock in a dateline is no infobox field
    assert got[lead] != "dateline"  # a sentence naming a day is no dateline
    # A headline given twice above the dateline: the first copy is the title.
    headline = "Rebels Take Idlib After Days of Fighting"
    twice = "\n\n".join([headline, headline, "News | July 24, 2017", PARA_EN, PARA_EN2])
    assert [b.region for b in analyze(twice).blocks][:3] == ["title", "site-header", "dateline"]


def test_a_site_section_name_is_a_label_not_a_title():
    for line in ("أخبار اليمن", "الأخبار المحلية", "أخبار عاجلة", "Breaking News", "World News"):
        text = "\n".join([line, PARA_AR, PARA_AR2])
        assert analyze(text).title is None, line
        assert regions(text)[line] == "boilerplate", line
    # A two-word name over an entity page is still its title.
    assert analyze("\n".join(["جيش الإسلام", PARA_AR, PARA_AR2])).title == "جيش الإسلام"
