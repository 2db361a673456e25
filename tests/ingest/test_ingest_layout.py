"""Regions on pages of every shape: header in either script, at the top or the bottom, or none."""

from __future__ import annotations

import pytest
from ingest_helpers import of_region, page, processed

from bicorpus.layout import (
    analyze,
    is_header_label,
    is_navigation,
    parse_byline,
    parse_page_byline,
    split_honorific,
    strip_brackets,
)


def test_arabic_article_under_english_header():
    _, doc, passages = processed(page("ar_article_en_header.txt"))
    assert doc.lang == "ar"
    assert doc.title == "لماذا تحالفت جبهة النصرة مع تنظيم داعش؟"
    assert doc.date == "2017-07-12"  # "12 يوليو/تموز 2017" with a weekday
    header = of_region(passages, "site-header")
    assert [(p.author, p.honorific) for p in header] == [
        ("John Smith", None), ("Sarah Lee", "Dr."), ("Mark Evans", None)]
    assert header[1].linked_title == "Water Security in the Nile Basin"
    assert all(p.lang == "en" for p in header)
    body = of_region(passages, "body")
    assert len(body) == 4 and all(p.lang == "ar" for p in body)
    assert [p.section for p in body] == [None, None, "التراجع الواضح", "التراجع الواضح"]
    assert of_region(passages, "boilerplate")[0].text == "Center News"


def test_english_only_page_with_byline_navigation_and_footer():
    _, doc, passages = processed(page("en_only.txt"))
    assert doc.title == "The Battle for Raqqa: What Comes Next"
    assert doc.date == "2017-04-12"
    assert not of_region(passages, "site-header")
    boiler = [p.text for p in of_region(passages, "boilerplate")]
    assert boiler == [
        "Home | About Us | Publications | Contact Us",
        "Share | Tweet | Print",
        "Click here to subscribe to our newsletter",
        "Views: 1,234",
        "© 2017 Example Center. All rights reserved.",
    ]
    body = of_region(passages, "body")
    assert len(body) == 3
    assert body[-1].section == "Background"
    # the page's own byline: author and honorific on the article's passages only
    assert {(p.author, p.honorific) for p in body} == {("Jane Doe", "Dr.")}
    assert all(p.author is None for p in of_region(passages, "boilerplate"))
    assert [p.text for p in of_region(passages, "dateline")] == ["By Dr. Jane Doe", "April 12, 2017"]


def test_arabic_only_page_with_same_script_header_of_three_bullets():
    _, doc, passages = processed(page("ar_only.txt"))
    assert doc.lang == "ar"
    assert doc.title == "مستقبل تنظيم داعش في سوريا"
    assert doc.date == "2017-04-12"  # Arabic-Indic digits, Levantine month
    header = of_region(passages, "site-header")
    assert len(header) == 3
    assert (header[0].honorific, header[0].author) == ("أ. د.", "محمد كمال")
    # a bullet without an author keeps its linked title
    assert header[1].author is None
    assert header[1].linked_title == "قراءة في مؤشرات الأمن الإقليمي"
    assert (header[2].honorific, header[2].author) == ("د.", "هالة السعيد")
    assert [p.text for p in of_region(passages, "boilerplate")] == [
        "الرئيسية | من نحن | اتصل بنا", "أخبار المركز"]
    assert len(of_region(passages, "body")) == 2


def test_header_at_the_bottom():
    _, doc, passages = processed(page("header_bottom.txt"))
    assert doc.title == "Why Deir ez-Zor Matters"
    assert doc.date == "2018-03-03"
    assert [p.region for p in passages] == (
        ["title", "dateline", "body", "body", "boilerplate"] + ["site-header"] * 4)
    assert [p.author for p in of_region(passages, "site-header")] == [
        "سعيد عكاشة", "نشوى عبد النبي", "أيمن سمير", "رشا مصطفى عوض"]


def test_vowelled_arabic_kept_in_text_and_removed_in_norm():
    _, doc, passages = processed(page("vowelled.txt"))
    assert doc.date == "2020-01-01"
    assert doc.title == "قِرَاءَةٌ فِي مُسْتَقْبَلِ الْمَنْطِقَةِ"
    body = of_region(passages, "body")
    assert len(body) == 2
    assert "دِيرِ الزُّورِ" in body[0].text
    assert "دير الزور" in body[0].norm
    assert "جبهه النصره" in body[0].norm


def test_mixed_direction_lines():
    _, doc, passages = processed(page("mixed_direction.txt"))
    assert doc.lang == "en"
    body = of_region(passages, "body")
    assert len(body) == 2
    assert "سمير الكعكة" in body[0].text
    assert body[0].lang == "mixed"
    assert 0 < body[0].lang_share["ar"] < 0.5
    assert body[1].lang == "en" and body[1].lang_share["ar"] > 0


def test_single_newline_paragraphs():
    _, doc, passages = processed(page("single_newline.txt"))
    assert doc.title == "A Short Note on Qalamoun"
    assert doc.date == "2016-05-05"
    body = of_region(passages, "body")
    assert [p.text[:9] for p in body] == ["The Qalam", "Hezbollah", "Analysts "]


def test_hard_wrapped_english_lines_are_joined():
    text = ("Title of the Page\n\nThe first line of a paragraph that was wrapped by the editor\n"
            "and goes on here until it ends.\n\nNext paragraph starts here.\n")
    layout = analyze(text)
    body = [b for b in layout.blocks if b.region == "body"]
    assert text[body[0].start : body[0].end] == (
        "The first line of a paragraph that was wrapped by the editor\nand goes on here until it ends.")
    assert len(body) == 2


def test_header_of_five_bullets_in_english_with_arabic_article_and_stray_nav():
    names = ["Anne Ford", "Bob Gray", "Carla Diaz", "Dan Brown", "Eve Stone"]
    bullets = "\n".join(f"• {name} writes: (Article {i})" for i, name in enumerate(names))
    text = (f"Latest News\n{bullets}\n\nخسائر التنظيم في الرقة ودير الزور\n\n"
            "يواجه التنظيم مرحلة صعبة في سوريا والعراق "
            "بعد خسارة معظم قادته الميدانيين في المواجهات الأخيرة في الرقة ودير الزور.\n\n"
            "طباعة | شارك\n\nويرى مراقبون أن التنظيم سيحاول إعادة انتشار مقاتليه في البادية السورية.\n")
    layout = analyze(text)
    regions = [b.region for b in layout.blocks]
    assert regions == ["boilerplate"] + ["site-header"] * 5 + ["title", "body", "boilerplate", "body"]
    assert layout.title == "خسائر التنظيم في الرقة ودير الزور"
    assert [b.author for b in layout.blocks[1:6]] == names


def test_page_without_header_or_date():
    text = "A Page Title\n\nSome body text that is long enough to be a paragraph of the article, really.\n"
    layout = analyze(text)
    assert layout.title == "A Page Title"
    assert layout.date is None
    assert [b.region for b in layout.blocks] == ["title", "body"]


def test_page_that_starts_with_a_paragraph_has_no_title():
    text = ("This page starts right away with a long paragraph of text that goes on and on for quite a "
            "while, well past the length of any title one would give an article, and then some more "
            "words so that it is clearly a paragraph and not a heading or a title of any kind at all.\n")
    layout = analyze(text)
    assert layout.title is None
    assert [b.region for b in layout.blocks] == ["body"]


def test_subtitle_between_title_and_dateline():
    text = ("The Main Title\n\nA short standfirst that explains the article.\n\n12 April 2017\n\n"
            "The body of the article starts here and is long enough to be a real paragraph of text.\n")
    layout = analyze(text)
    assert [b.region for b in layout.blocks] == ["title", "subtitle", "dateline", "body"]


def test_html_page_regions():
    src, doc, passages = processed(page("page.html"))
    assert doc.format == "html"
    assert doc.title == "Why did ISIS and al-Nusra Strike a Deal?"
    assert doc.date == "2017-04-12"
    assert [p.author for p in of_region(passages, "site-header")] == [
        "سعيد عكاشة", "أيمن سمير", "إيمان الشعراوي"]
    body = [p for p in of_region(passages, "body") if p.text != p.section]  # headings are body passages too
    assert len(body) == 3
    assert [p.text for p in of_region(passages, "body") if p.text == p.section] == ["Obvious Retreat"]
    assert body[1].section == body[2].section == "Obvious Retreat"
    assert "Hay'at Tahrir al-Sham came as a surprising step & a break" in body[0].text
    assert body[2].text == "Based on the above, ISIS plans to focus on two main goals\nin the coming months."
    assert "not visible" not in src.text and "JavaScript" not in src.text and "sans-serif" not in src.text
    assert of_region(passages, "boilerplate")[-1].text.startswith("© 2017 Example Center")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("• د. أيمن سمير يكتب: (بين التوحد والتفكك)", ("أيمن سمير", "د.", "بين التوحد والتفكك")),
        ("• أ.د. محمد كمال يكتب: «مستقبل الطاقة»", ("محمد كمال", "أ.د.", "مستقبل الطاقة")),
        ("- نشوى عبد النبي تكتب: عنوان بلا أقواس", ("نشوى عبد النبي", None, "عنوان بلا أقواس")),
        ("• Dr. Sarah Lee writes: (Water Security)", ("Sarah Lee", "Dr.", "Water Security")),
        ("سعيد عكاشة يكتب: (كوابح التصعيد)", ("سعيد عكاشة", None, "كوابح التصعيد")),
    ],
)
def test_parse_byline(line, expected):
    b = parse_byline(line)
    assert b is not None
    assert (b.author, b.honorific, b.linked_title) == expected


@pytest.mark.parametrize("line", ["The recent agreement between leaders of ISIS", "• (عنوان فقط)",
                                  "يكتب: (بلا كاتب)", "12 أبريل، 2017"])
def test_not_a_byline(line):
    assert parse_byline(line) is None


def test_page_byline_and_honorifics():
    b = parse_page_byline("بقلم: د. سعيد عكاشة")
    assert b is not None and (b.author, b.honorific) == ("سعيد عكاشة", "د.")
    assert split_honorific("أ. د. محمد كمال") == ("أ. د.", "محمد كمال")
    assert split_honorific("الدكتور محمد كمال") == ("الدكتور", "محمد كمال")
    assert split_honorific("دينا محمد") == (None, "دينا محمد")  # د without a dot is a letter of the name
    assert strip_brackets("(عنوان)") == "عنوان"
    assert strip_brackets("(a) and (b)") == "(a) and (b)" or strip_brackets("(a) and (b)") == "a) and (b"


@pytest.mark.parametrize("line", ["Home | About Us | Contact", "الرئيسية  من نحن  اتصل بنا", "Share | Tweet",
                                  "click here to read more", "اضغط هنا للاشتراك", "Views: 1,234",
                                  "عدد القراءات: ١٢٣٤", "© 2020 المركز المصري", "جميع الحقوق محفوظة 2020"])
def test_navigation_lines(line):
    assert is_navigation(line)


@pytest.mark.parametrize("line", ["Home is where the heart is, said the fighter.", "Obvious Retreat",
                                  "The search for the missing leaders continues."])
def test_not_navigation(line):
    assert not is_navigation(line)


def test_header_labels():
    assert is_header_label("أخبار المركز")
    assert is_header_label("  Latest News: ")
    assert not is_header_label("أخبار المركز الجديدة عن سوريا")


def test_separator_lines_are_boilerplate():
    text = ("-----\nأخبار المركز\n• سعيد عكاشة يكتب: (عنوان)\n* * *\n\nThe Page Title\n\n"
            "A paragraph that is long enough to count as the body of the article, with words.\n\n"
            "***\n\nAnother paragraph that is long enough to count as the body of the article.\n")
    layout = analyze(text)
    assert [b.region for b in layout.blocks] == [
        "boilerplate", "boilerplate", "site-header", "boilerplate", "title", "body", "boilerplate", "body"]
    assert layout.title == "The Page Title"


def test_windows_1256_page_with_crlf_line_endings():
    src, doc, passages = processed(page("legacy_cp1256_crlf.txt"))
    assert src.encoding == "windows-1256" and "\r" not in src.text
    assert doc.title == "معركة الرقة: ماذا بعد انسحاب داعش؟"
    assert doc.date == "2017-06-12"
    assert [(p.honorific, p.author) for p in of_region(passages, "site-header")] == [
        ("د.", "محمد عز العرب"), (None, "منى سليمان"), (None, "أحمد كامل البحيري")]
    assert len(of_region(passages, "body")) == 2


def test_site_name_in_the_article_script_above_the_header():
    text = ("Egyptian Center for Strategic Studies\n12 April 2017\nأخبار المركز\n"
            "• سعيد عكاشة يكتب: (كوابح التصعيد)\n• أيمن سمير يكتب: (بين التوحد والتفكك)\n\n"
            "Why did ISIS and al-Nusra Front Strike a Deal?\n\n"
            "The recent agreement between leaders of ISIS and Hay'at Tahrir al-Sham came as a surprise.\n")
    layout = analyze(text)
    assert layout.title == "Why did ISIS and al-Nusra Front Strike a Deal?"
    assert layout.date == "2017-04-12"
    assert [b.region for b in layout.blocks] == [
        "site-header", "dateline", "boilerplate", "site-header", "site-header", "title", "body"]
    assert [b.author for b in layout.blocks if b.region == "site-header"] == [None, "سعيد عكاشة", "أيمن سمير"]


def test_html_headings_whatever_their_punctuation(tmp_path):
    html = ("<html><body><p>Home | About Us</p><h1>ISIS and al-Nusra: a Deal. Why Now, and What Next for "
            "Syria in the Coming Years of the Conflict After the Fall of the Caliphate in Raqqa?</h1>"
            "<p>12 April 2017</p><p>The agreement came as a surprise to most observers of the conflict.</p>"
            "<h2>What will ISIS gain?</h2><p>It can be said that the deal gives the group time.</p>"
            "<h3>ماذا بعد؟</h3><p>More text under an Arabic heading, in English.</p></body></html>")
    path = tmp_path / "p.html"
    path.write_text(html, "utf-8")
    src, doc, passages = processed(path)
    assert doc.title and doc.title.startswith("ISIS and al-Nusra: a Deal.")  # h1, longer than a text title
    assert [p.section for p in of_region(passages, "body") if p.text != p.section] == [
        None, "What will ISIS gain?", "ماذا بعد؟"]
    assert {h for _, a, b in src.headings for h in [src.text[a:b]]} >= {"What will ISIS gain?", "ماذا بعد؟"}
