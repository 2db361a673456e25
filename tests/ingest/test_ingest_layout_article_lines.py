"""Text pages: the article's own lines above its first paragraph (a short item of its list, a
one-sentence paragraph, the heading a sectioned text opens on) are not site chrome, and the key
points under the title are its standfirst."""

from __future__ import annotations

from ingest_helpers import ARTICLE, PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.layout import analyze

ITEMS_AR = [
    "• يرسل أصل البحث مع ثلاث نسخ منه مطبوعاً على وجه واحد من الورقة، مع نسخة إلكترونية من الصور.",
    "• يجب ترقيم جميع الصفحات تسلسلياً بما في ذلك الجداول والأشكال التي تلحق بالبحث المقدم للنشر.",
    "• لا يقبل للنشر إلا البحوث المكتوبة باللغة العربية أو الإنكليزية وفق أصول الكتابة العلمية المعروفة.",
    "• يستخدم النظام المتري في جميع القياسات .",
    "• ينظم البحث كالآتي :",
    "• عنوان البحث واسم الباحث وعنوانه ثم الملخص والمقدمة والمواد وطرق البحث والنتائج والمناقشة والاستنتاج.",
]
ITEMS_EN = [
    "- The project is described as a strategic shift without precedent in the history of the kingdom.",
    "- It targets nine sectors, from the future of energy and water to food, media and advanced industry.",
    "- The land of the project has striking terrain between beaches, mountains and untouched islands.",
    "- It will create new jobs.",
]


def test_a_short_item_of_the_articles_own_list_stays_in_the_body_arabic():
    text = "\n".join(["قواعد النشر في مجلة الخليج العربي للبحوث العلمية", *ITEMS_AR])
    got = regions(text)
    for line in ITEMS_AR:
        assert got[line] == "body", line


def test_a_short_item_of_the_articles_own_list_stays_in_the_body_english():
    text = "\n".join(["Neom: what the giant project promises", *ITEMS_EN])
    got = regions(text)
    assert got["- It will create new jobs."] == "body"
    assert all(got[line] == "body" for line in ITEMS_EN)


def test_a_poll_or_a_list_of_short_links_is_not_taken_for_the_articles_list():
    poll = ["• Their job is done, they will leave the country when the war ends (22% people answered this)",
            "• They will go on fighting until they establish the state they want (53% people answered this)",
            "• They will march into Palestine (10% people answered this)"]
    text = "\n".join(["What will the Nusra Front do after the fall of the regime?", *poll, PARA_EN, PARA_EN2])
    got = regions(text)
    assert got[poll[2]] != "body"  # the poll's options are unfinished lines, not sentences


def test_a_one_sentence_paragraph_with_a_verb_over_the_first_paragraph_is_text():
    text = "\n".join(["Iraqi Forces Launch the Offensive on Mosul", "Gulf residents are still in shock.",
                      PARA_EN, PARA_EN2])
    assert analyze(text).title == "Iraqi Forces Launch the Offensive on Mosul"
    assert regions(text)["Gulf residents are still in shock."] == "body"
    text_ar = "\n".join(["انسحاب أحرار الشام من مدينة إدلب وريفها",
                         "ويقول السكان إنهم ما زالوا تحت وقع الصدمة.", PARA_AR, PARA_AR2])
    assert regions(text_ar)["ويقول السكان إنهم ما زالوا تحت وقع الصدمة."] == "body"
    # a site's line under the title is no sentence: no verb, no full stop
    text = "\n".join(["Iraqi Forces Launch the Offensive on Mosul", "Middle East News Desk",
                      PARA_EN, PARA_EN2])
    assert regions(text)["Middle East News Desk"] not in ARTICLE


def test_the_heading_a_sectioned_text_opens_on_is_a_heading_not_chrome():
    text = "\n".join(["A preventable tragedy", PARA_EN, PARA_EN2, "A night of horror", PARA_EN.replace(
        "Iraqi", "Syrian"), PARA_EN2.replace("six", "eight")])
    got = regions(text)
    assert got["A preventable tragedy"] == "heading"
    assert got["A night of horror"] == "heading"
    text_ar = "\n".join(["مأساة كان يمكن تجنبها", PARA_AR, PARA_AR2, "ليلة الرعب في المدينة",
                         PARA_AR.replace("إدلب", "حلب"), PARA_AR2.replace("2017", "2018")])
    got = regions(text_ar)
    assert got["مأساة كان يمكن تجنبها"] == "heading"


POINTS_EN = ["- The Houthi group arrested staff of the food agency in Sanaa and Hodeidah.",
             "- Three security guards were detained during the raid.",
             "- Staff of another agency are also reportedly being questioned by the group."]
POINTS_AR = ["- اعتقلت جماعة الحوثي موظفين في برنامج الأغذية العالمي في صنعاء والحديدة.",
             "- احتجزت الجماعة ثلاثة من حراس الأمن خلال مداهمة المقر الرئيسي.",
             "- يجري استجواب موظفين في منظمة أممية أخرى بحسب مصادر محلية."]


def test_key_points_under_the_title_are_the_standfirst_english():
    text = "\n".join(["Why Did Yemen's Houthis Arrest Aid Staff and Raid Their Headquarters?",
                      "Key Takeaways", *POINTS_EN, PARA_EN, PARA_EN2])
    got = regions(text)
    for line in POINTS_EN:
        assert got[line] == "subtitle", line
    assert got[PARA_EN] == "body"


def test_key_points_under_the_title_are_the_standfirst_arabic():
    text = "\n".join(["لماذا اعتقل الحوثيون موظفي الإغاثة وداهموا مقرهم في صنعاء؟", "أبرز النقاط",
                      *POINTS_AR, PARA_AR, PARA_AR2])
    got = regions(text)
    for line in POINTS_AR:
        assert got[line] == "subtitle", line
    assert got[PARA_AR] == "body"


def test_bullets_under_a_section_of_the_text_stay_body():
    # "Background" heads the text's own first section: its bullets are text, not a summary
    text = "\n".join(["Why Did Yemen's Houthis Arrest Aid Staff and Raid Their Headquarters?", PARA_EN,
                      "Background", *POINTS_EN, PARA_EN2])
    got = regions(text)
    assert all(got[line] != "subtitle" for line in POINTS_EN)


def test_linked_headlines_under_the_title_are_no_key_points():
    headlines = ["• Why the Siege of El Fasher Matters for the Future of Darfur",
                 "• Five Questions on the Sudan Talks in Jeddah This Week"]
    text = "\n".join(["Why Did Yemen's Houthis Arrest Aid Staff and Raid Their Headquarters?", *headlines,
                      PARA_EN, PARA_EN2])
    got = regions(text)
    assert all(got[line] != "subtitle" for line in headlines)
