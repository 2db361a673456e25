"""Text-page layout rules: an aggregator's watch line and the notes quoting its headline, a
comment policy, Arabic "leave a reply"."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.layout import analyze


def line_regions(text: str) -> dict[str, str]:
    """Each non-blank line of ``text`` → the region of the block holding it (joined lines too), or
    ``heading``."""
    layout = analyze(text)
    headings = {h.text for h in layout.headings}
    out = {}
    for line in filter(None, text.splitlines()):
        at = text.index(line)
        region = next((b.region for b in layout.blocks if b.start <= at < b.end), "none")
        out[line] = "heading" if line in headings else region
    return out


ARTICLE = {"body", "heading"}


def test_an_aggregators_watch_line_and_its_notes_are_boilerplate():
    title = "أسعار الخبز ترتفع في الأسواق المحلية مع بداية الشتاء"
    watch = "مشاهدة أسعار الخبز ترتفع في الأسواق المحلية مع بداية الشتاء"
    note = ("نُشر هذا الخبر حول “أسعار الخبز ترتفع في الأسواق المحلية مع بداية الشتاء” في يوم "
            "الأحد الموافق 3 مارس 2024، ويمكنكم متابعة التفاصيل من مصدره.")
    got = regions("\n".join([title, PARA_AR, PARA_AR2, watch, note]))
    assert got[watch] == "boilerplate"
    assert got[note] == "boilerplate"
    assert got[PARA_AR2] == "body"
    title = "Bread prices climb in local markets as winter begins"
    watch = "Watch Bread prices climb in local markets as winter starts"
    got = regions("\n".join([title, PARA_EN, PARA_EN2, watch]))
    assert got[watch] == "boilerplate"
    assert got[PARA_EN2] == "body"


def test_a_watch_line_whose_words_nobody_repeats_stays_text():
    line = "Watch the markets closely this winter, the minister told traders on Sunday."
    got = regions("\n".join([PARA_EN, line, PARA_EN2]))
    assert got[line] not in {"boilerplate", "site-header"}
    line = "شاهد السكان الدخان يتصاعد من المصنع قبل وصول فرق الإطفاء."
    got = regions("\n".join([PARA_AR, line, PARA_AR2]))
    assert got[line] not in {"boilerplate", "site-header"}


def test_a_comment_policy_is_boilerplate():
    welcome = ("The Gazette welcomes readers' comments on all issues covered by the site. Readers are "
               "asked to keep their feedback short and to the point, and to respect the code below.")
    rule = "• We will not publish comments which contain abusive language or personal attacks."
    got = regions("\n".join(["Port traffic rises", PARA_EN, PARA_EN2, welcome, rule]))
    assert got[welcome] == "boilerplate"
    assert got[rule] == "boilerplate"
    welcome = "نرحب بتعليقات القراء على جميع الأخبار المنشورة في الموقع، على أن تلتزم بآداب الحوار."
    rule = ("لن يتم نشر التعليقات التي تحتوي على ألفاظ مسيئة أو تمس الأشخاص أو الأديان أو تخرج عن "
            "موضوع الخبر.")
    got = regions("\n".join(["حركة الموانئ ترتفع", PARA_AR, PARA_AR2, welcome, rule]))
    assert got[welcome] == "boilerplate"
    assert got[rule] == "boilerplate"


def test_a_sentence_about_comments_stays_text():
    line = ("The ministry welcomes comments from the public on the draft law until the end of the "
            "month, its spokesman said, adding that hearings would follow.")
    got = regions("\n".join([PARA_EN, line, PARA_EN2]))
    assert got[line] == "body"


def test_arabic_leave_a_reply_is_boilerplate():
    for reply in ("اترك رد", "أترك رداً"):
        got = regions("\n".join(["حركة الموانئ ترتفع", PARA_AR, PARA_AR2, reply]))
        assert got[reply] == "boilerplate"
    got = regions("\n".join(["Port traffic rises", PARA_EN, PARA_EN2, "Leave a Reply"]))
    assert got["Leave a Reply"] == "boilerplate"


def test_a_headline_opening_with_watch_above_the_text_is_no_watch_line():
    title = "مشاهدة فرق الإنقاذ تصل إلى القرى التي غمرتها المياه في الدلتا"
    note = "نُشر خبر “فرق الإنقاذ تصل إلى القرى التي غمرتها المياه في الدلتا” في موقعنا أمس."
    got = regions("\n".join([title, note, PARA_AR, PARA_AR2]))
    assert got[title] != "boilerplate"
    assert got[note] != "boilerplate"


def test_hard_wrapped_text_under_the_last_paragraph_stays_text():
    wrapped = ["The new port opened its first berth in 2019. It was followed by",
               "Gulf Grain Terminals in 2021, Red Sea Containers and the",
               "Northern Rail Company (2022), Aqaba Logistics in 2023, and",
               "Jordan Freight Services. Since 2020, the Port Authority has",
               "Worked with both firms. Its yards now handle most of the"]
    got = line_regions("\n".join(["Port traffic rises", PARA_EN, PARA_EN2, *wrapped]))
    assert all(got[line] in ARTICLE for line in wrapped), got
    wrapped = ["افتتح الميناء الجديد أول أرصفته عام 2019. وتبعته شركة الحبوب",
               "الخليجية عام 2021 وشركة البحر الأحمر للحاويات وشركة",
               "السكك الشمالية عام 2022. ومنذ ذلك العام تعمل هيئة الميناء",
               "مع شركة الأردن للشحن. وتستقبل ساحاتها اليوم معظم البضائع"]
    got = line_regions("\n".join(["حركة الموانئ ترتفع", PARA_AR, PARA_AR2, *wrapped]))
    assert all(got[line] in ARTICLE for line in wrapped), got


def test_a_footer_under_the_last_paragraph_is_still_boilerplate():
    footer = ["About us", "Contact us", "Privacy policy", "Terms of use"]
    got = regions("\n".join(["Port traffic rises", PARA_EN, PARA_EN2, *footer]))
    assert all(got[line] == "boilerplate" for line in footer), got
    related = ["Gulf ports see record traffic this winter", "Oil prices steady as talks resume",
               "New rail link to open next spring"]
    got = regions("\n".join(["Port traffic rises", PARA_EN, PARA_EN2, *related]))
    assert all(got[line] == "boilerplate" for line in related), got
    footer = ["من نحن", "اتصل بنا", "سياسة الخصوصية", "شروط الاستخدام"]
    got = regions("\n".join(["حركة الموانئ ترتفع", PARA_AR, PARA_AR2, *footer]))
    assert all(got[line] == "boilerplate" for line in footer), got
