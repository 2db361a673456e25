"""Text pages from any site: chrome without markers, titles by shape and place, captions,
"read also" lines, dates inside longer lines, lines repeated across a site's pages."""

from __future__ import annotations

import os

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.layout import analyze, is_caption, is_navigation, site_key
from bicorpus.layout_site import MIN_PAGES, build_table, page_edges, site_table
from bicorpus.pipeline import ingest


def test_chrome_above_the_title_without_markers():
    text = "\n\n".join([
        "Middle East Research Center",
        "Tel: +961 1 234 567",
        "Page 1",
        "https://www.example-center.org/analysis/mosul",
        "تقدير موقف",
        "The Siege of Mosul Begins as Iraqi Forces Advance",
        PARA_EN, PARA_EN2,
    ])
    layout = analyze(text)
    assert layout.title == "The Siege of Mosul Begins as Iraqi Forces Advance"
    got = regions(text)
    assert got["Middle East Research Center"] == "site-header"  # a site name: short, above the title
    assert got["تقدير موقف"] == "site-header"  # a kicker
    for line in ("Tel: +961 1 234 567", "Page 1", "https://www.example-center.org/analysis/mosul"):
        assert got[line] == "boilerplate", line
    assert got[PARA_EN] == got[PARA_EN2] == "body"


def test_arabic_kicker_and_slogan_are_not_the_title():
    text = "\n".join(["الرائدة في صحافة الموبايل", "تقدير موقف",
                      "ثلاثة سيناريوهات لجبهة النصرة في شمال سوريا", PARA_AR, PARA_AR2])
    layout = analyze(text)
    assert layout.title == "ثلاثة سيناريوهات لجبهة النصرة في شمال سوريا"
    assert regions(text)["الرائدة في صحافة الموبايل"] == "site-header"


def test_a_sentence_as_first_line_is_not_a_title():
    text = "\n\n".join(["Raqqa fell to the SDF after four months of street fighting.", PARA_EN, PARA_EN2])
    assert analyze(text).title is None
    assert regions(text)["Raqqa fell to the SDF after four months of street fighting."] == "body"
    arabic = "\n".join(["سقطت الرقة بيد قوات سوريا الديمقراطية بعد أربعة أشهر من المعارك.", PARA_AR])
    assert analyze(arabic).title is None


def test_a_byline_with_a_date_is_not_a_title_but_gives_the_date():
    text = "\n\n".join(["Ynet News, Dec. 1, 2024", "Rebels Enter Aleppo as Government Lines Collapse",
                        PARA_EN, PARA_EN2])
    layout = analyze(text)
    assert layout.title == "Rebels Enter Aleppo as Government Lines Collapse"
    assert layout.date == "2024-12-01"
    assert regions(text)["Ynet News, Dec. 1, 2024"] == "dateline"


def test_title_repeated_on_the_page_is_header_not_a_heading():
    title = "HTS: Crisis Management and Power Building in Mosul"
    text = "\n\n".join(["Search", title, title, PARA_EN, PARA_EN2])
    layout = analyze(text)
    assert layout.title == title
    assert [b.region for b in layout.blocks] == ["boilerplate", "title", "site-header", "body", "body"]
    assert not layout.headings


def test_caption_is_boilerplate_and_heading_heads_paragraphs():
    text = "\n\n".join([
        "The Siege of Mosul Begins",
        PARA_EN,
        "PHOTO: Smoke rises from a coalition airstrike on the western side of Raqqa, July 17, 2017.",
        "Smoke rises from a coalition airstrike on the western side of Raqqa, July 17, 2017. "
        "U.S.-backed fighters fought in the heart of the city.",
        "Hussein Malla/AP",
        "An Easier Fight Than Mosul",
        PARA_EN2,
        "ISIS feeling the pinch.",
        PARA_EN,
        "Figures such as this one",
        "are not headings",
        PARA_EN2,
    ])
    layout = analyze(text)
    got = regions(text)
    assert got["Hussein Malla/AP"] == "boilerplate"
    captions = [v for k, v in got.items() if k.startswith(("PHOTO", "Smoke"))]
    assert captions == ["boilerplate", "boilerplate"]  # the caption and its repeat
    assert got["ISIS feeling the pinch."] == "boilerplate"  # a short sentence between long paragraphs
    assert [h.text for h in layout.headings] == ["An Easier Fight Than Mosul"]
    assert got["Figures such as this one"] == "body"  # followed by a short line, not by a paragraph


def test_read_also_alt_text_share_cookie_and_footer_lines():
    text = "\n\n".join([
        "هيئة تحرير الشام تسيطر على إدلب",
        "img 20210603 232525",
        PARA_AR,
        "إقرأ أيضاً: مقاتلو جيش النظام يتقدمون في القلمون",
        "قد يهمك: النظام السوري يخرق اتفاق خفض التصعيد",
        "image",
        PARA_AR2,
        "لقراءة التقرير كاملاً اضغط هنا",
        "We use cookies to improve your experience on our website.",
        "زر الذهاب إلى الأعلى",
    ])
    got = regions(text)
    for line in ("img 20210603 232525", "إقرأ أيضاً: مقاتلو جيش النظام يتقدمون في القلمون",
                 "قد يهمك: النظام السوري يخرق اتفاق خفض التصعيد", "image", "لقراءة التقرير كاملاً اضغط هنا",
                 "We use cookies to improve your experience on our website.", "زر الذهاب إلى الأعلى"):
        assert got[line] == "boilerplate", line
    assert got[PARA_AR] == got[PARA_AR2] == "body"
    assert is_navigation("To download the full report please click here")


def test_infobox_labels_are_boilerplate_not_headings():
    text = "\n".join([
        "Jabhat al-Nusra Front Profile",
        "FormedFebruary 2012",
        "DisbandedGroup is active.",
        "UpdatedOctober 1, 2015",
        "Narrative Summary",
        PARA_EN,
        "- Allies: Elite Forces, Al-Sanadid Forces",
        "- Size: 1,300+ (self claim, Feb. 2017)",
        "- Partof: Syrian Democratic Forces",
        PARA_EN2,
    ])
    got = regions(text)
    for line in ("FormedFebruary 2012", "DisbandedGroup is active.",
                 "- Allies: Elite Forces, Al-Sanadid Forces", "- Size: 1,300+ (self claim, Feb. 2017)",
                 "- Partof: Syrian Democratic Forces"):
        assert got[line] == "boilerplate", line
    assert analyze(text).date is None  # "Feb. 2017" inside an infobox is not the page's date


def test_caption_shapes():
    assert is_caption("The insignia of the front, with a map of Syria (Almadenahnews.com website)")
    assert is_caption("شعار جبهة النصرة وخارطة سوريا (almadenahnews.com)")
    assert is_caption("Middle, Abu Mehdi al Muhandis, PMF Commander, in war room with Iraqi officials.")
    assert is_caption("thinkstock-102716_syriamap")
    assert not is_caption("Smoke rose over Raqqa as the coalition struck Islamic State positions.")


def test_date_at_the_end_of_a_longer_line():
    text = "\n".join(["مستقبل الفصائل المسلحة في إدلب بعد اتفاق سوتشي",
                      "تقرير مركز الدراسات عن الفصائل في إدلب وريف حلب الغربي … نشرت في : 03/09/2018",
                      PARA_AR, PARA_AR2])
    assert analyze(text).date == "2018-09-03"


def test_date_opening_the_first_paragraph():
    text = " date 2023-09-01 ERBIL (Kurdistan 24) – " + PARA_EN + "\n\n" + PARA_EN2
    assert analyze(text).date == "2023-09-01"


def test_glued_era_mark_levantine_month_and_arabic_indic_digits():
    for dateline, iso in [("28 يوليو 2016م", "2016-07-28"), ("الأحد ٣ أيار/مايو ٢٠١٨", "2018-05-03"),
                          ("١٥ كانون الثاني ٢٠١٩", "2019-01-15")]:
        text = "\n".join(["مستقبل هيئة تحرير الشام في إدلب", dateline, PARA_AR, PARA_AR2])
        layout = analyze(text)
        assert layout.date == iso, dateline
        assert regions(text)[dateline] == "dateline"


def test_hijri_dateline_gives_its_gregorian_day():
    text = "\n".join(["مستقبل هيئة تحرير الشام في إدلب", "الأربعاء 15 رجب 1438هـ الموافق 12 أبريل 2017م",
                      PARA_AR, PARA_AR2])
    assert analyze(text).date == "2017-04-12"


def test_clock_above_the_page_date_is_header():
    text = "\n\n".join(["Thursday, November 21, 2024 - 07:26 am CET", "Email | Print | RSS | Comment",
                        "Monday, September 23, 2013", PARA_EN, PARA_EN2])
    layout = analyze(text)
    assert layout.date == "2013-09-23"  # the dateline nearest the article
    assert regions(text)["Thursday, November 21, 2024 - 07:26 am CET"] == "site-header"


# --- lines repeated across a site's pages --------------------------------------------------------

FOOTER = "Syria Direct is an independent news organization based in Amman, Jordan."
BULLET = "• سعيد عكاشة يكتب: (كوابح التصعيد)"


def _site_page(n: int) -> str:
    return "\n\n".join([BULLET, f"Story Number {n} About the Battle for Raqqa", f"{PARA_EN} ({n})",
                        f"{PARA_EN2} [{n}]", FOOTER])


def test_a_line_repeated_across_pages_of_one_site_is_boilerplate(tmp_path):
    pages = {}
    for n in range(MIN_PAGES):
        path = tmp_path / f"p{n}.txt"
        path.write_text(_site_page(n), encoding="utf-8")
        pages[str(path)] = page_edges(_site_page(n), str(tmp_path))
    table = build_table(pages)
    hits = table.hits(tmp_path / "p0.txt")
    assert site_key(FOOTER) in hits
    alone = regions(_site_page(0))
    assert alone[FOOTER] == "body"  # one page alone: a sentence is body
    got = regions(_site_page(0), repeated=hits)
    assert got[FOOTER] == "boilerplate"
    assert got[BULLET] == "site-header"  # header bullets keep their region and metadata
    layout = analyze(_site_page(0), repeated=hits)
    assert [b.author for b in layout.blocks if b.region == "site-header"] == ["سعيد عكاشة"]
    assert site_table(tmp_path.glob("*.txt")).hits(tmp_path / "p1.txt") == table.hits(tmp_path / "p1.txt")


def test_copies_of_one_article_do_not_make_a_line_repeated(tmp_path):
    for n in range(MIN_PAGES + 1):
        (tmp_path / f"copy{n}.txt").write_text(_site_page(7), encoding="utf-8")
    assert not site_table(sorted(tmp_path.glob("*.txt"))).hits(tmp_path / "copy0.txt")


def test_syndicated_copies_differing_in_quotes_count_as_one_article(tmp_path):
    shared = "When the Nusra Front first emerged publicly, it did not announce any ties to al-Qaeda."
    lead = "On July 28, 2016, the Nusra Front announced its new name, ‘Conquest of al-Sham Front’ "
    for n, (quote, extra) in enumerate([("‘", ""), ("'", "Abstract: "), ("“", "Abstract: ")]):
        first = f"{extra}{lead.replace('‘', quote)}in a video recording that revealed its leader."
        text = "\n\n".join([first, shared])
        (tmp_path / f"site{n}.txt").write_text(text, encoding="utf-8")
    assert not site_table(sorted(tmp_path.glob("*.txt"))).hits(tmp_path / "site0.txt")


def test_site_is_the_host_of_a_url_line_before_the_folder(tmp_path):
    a = page_edges("https://www.example.org/news/1\n" + _site_page(1), "folder-a")
    b = page_edges("https://example.org/news/2\n" + _site_page(2), "folder-b")
    c = page_edges(_site_page(3), "folder-c")
    assert a.site == b.site == "example.org" and c.site == "folder-c"


def test_reingest_when_a_new_page_makes_a_line_repeated(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(MIN_PAGES - 1):
        (pages / f"p{n}.txt").write_text(_site_page(n), encoding="utf-8")
    corpus = tmp_path / "corpus"
    first = ingest([pages], corpus)
    assert len(first.added) == MIN_PAGES - 1
    again = ingest([pages], corpus)
    assert not again.written and not again.added and not again.changed  # unchanged: nothing written
    (pages / "p9.txt").write_text(_site_page(9), encoding="utf-8")
    third = ingest([pages], corpus)
    assert len(third.added) == 1
    assert sorted(third.changed) == sorted(first.added)  # their footer is now a repeated line
    from bicorpus.corpus import open_corpus

    rows = [p for p in open_corpus(corpus).passages() if p.text == FOOTER]
    assert len(rows) == MIN_PAGES and {p.region for p in rows} == {"boilerplate"}
    mtime = os.stat(corpus / "passages.jsonl").st_mtime_ns
    fourth = ingest([pages], corpus)
    assert not fourth.written and os.stat(corpus / "passages.jsonl").st_mtime_ns == mtime
    (pages / "p9.txt").unlink()
    fifth = ingest([pages], corpus, prune=True)
    assert sorted(fifth.changed) == sorted(first.added)  # back to one page short: body again
    rows = [p for p in open_corpus(corpus).passages() if p.text == FOOTER]
    assert {p.region for p in rows} == {"body"}


def test_caption_under_a_photo_credit_and_standfirst_above_it():
    text = "\n\n".join([
        "Hezbollah marks major triumph as Qusayr tips back into Assad camp",
        "Rebels abandoned the strategic city of Qusayr on Wednesday in a victory for Syria's regime.",
        "Mohammed Azakir/Reuters",
        "Forces loyal to the regime carry the national flag as they ride motorcycles in Qusayr.",
        PARA_EN, PARA_EN2,
    ])
    got = regions(text)
    assert got["Mohammed Azakir/Reuters"] == "boilerplate"
    assert got[next(k for k in got if k.startswith("Forces loyal"))] == "boilerplate"
    assert got[next(k for k in got if k.startswith("Rebels abandoned"))] == "subtitle"


def test_a_source_and_section_line_is_not_a_title():
    text = "\n".join(["العالم - سوريا", PARA_AR, PARA_AR2])
    assert analyze(text).title is None
    entity = "\n".join(["جيش الإسلام", PARA_AR, PARA_AR2])
    assert analyze(entity).title == "جيش الإسلام"  # two words opening the page right above the text


def test_arabic_line_wrapped_after_a_preposition_is_joined():
    text = ("اغتال مسلحون مجهولون قياديين اثنين في\nجيش الإسلام، بمنطقة حوش الضواهرة في الغوطة الشرقية.\n\n"
            + PARA_AR)
    layout = analyze(text)
    assert layout.title is None
    first = layout.blocks[0]
    assert text[first.start : first.end].startswith("اغتال") and text[first.end - 1] == "."


def test_title_given_twice_under_a_summary_paragraph():
    title = "The Future Governance of Syria: Examining the Role of the Rebels"
    text = "\n".join([PARA_EN, title, title, PARA_EN2, PARA_EN])
    layout = analyze(text)
    assert layout.title == title
    assert [b.region for b in layout.blocks][:3] == ["body", "title", "site-header"]
    assert not layout.headings


def test_related_headlines_after_the_last_paragraph_but_not_a_cut_last_line():
    related = ["Iraqi Forces Make First Push Into Mosul as ISIS Lines Break",
               "Turkey Opens a New Front in Northern Syria Near Afrin",
               "What Comes After the Caliphate Falls in Raqqa"]
    text = "\n\n".join(["The Siege of Mosul Begins", PARA_EN, PARA_EN2, *related])
    got = regions(text)
    assert [got[line] for line in related] == ["boilerplate"] * 3
    cut = "\n\n".join(["The Siege of Mosul Begins", PARA_EN, PARA_EN2, "What Comes Next",
                       "The coalition has been preparing the"])
    got = regions(cut)
    assert got["The coalition has been preparing the"] == "body"  # a heading and a paragraph cut short
    assert got["What Comes Next"] != "boilerplate"


def test_a_list_ending_the_article_is_body_and_a_table_row_is_boilerplate():
    text = "\n".join([
        "مجلس منبج العسكري",
        PARA_AR,
        "البلد | سوريا | |",
        "تشكلت في | 2 أبريل 2016 | |",
        PARA_AR2,
        "- كتائب شمس الشمال، وتتكون بشكل رئيسي من العرب والتركمان.",
        "- لواء السلاجقة، ويتكون بشكل رئيسي من التركمان.",
    ])
    layout = analyze(text)
    got = regions(text)
    assert got["البلد | سوريا | |"] == got["تشكلت في | 2 أبريل 2016 | |"] == "boilerplate"
    assert layout.date is None  # a date in a table row is not the page's date
    assert got["- لواء السلاجقة، ويتكون بشكل رئيسي من التركمان."] == "body"


def test_site_pass_skips_fifos_html_and_archives(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # opening it for reading would block
    (tmp_path / "page.html").write_text("<p>Home</p>", encoding="utf-8")
    (tmp_path / "crawl.warc").write_bytes(b"WARC/1.0\r\n")
    (tmp_path / "page.txt").write_text(_site_page(1), encoding="utf-8")
    table = site_table(sorted(tmp_path.iterdir()))
    assert set(table.pages) == {str(tmp_path / "page.txt")}
