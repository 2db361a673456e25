"""HTML pages read as a tree: main content vs chrome, headings, page metadata, hostile markup."""

from __future__ import annotations

from pathlib import Path

from ingest_helpers import of_region, processed
from lxml import etree

from bicorpus.readers.html import (
    LONG_TAG_CHARS,
    mark_main,
    parse,
    read_html,
    recover_main,
    visible_text,
    words_key,
)

ARTICLE = ("<p>The agreement between the leaders of ISIS and Hay'at Tahrir al-Sham came as a surprise to "
           "most observers of the conflict in northern Syria, where the two groups had fought for years.</p>"
           "<p>Under the deal, fighters and their families were to leave the Yarmouk camp south of Damascus "
           "for Idlib, while the wounded were to be taken to hospitals on the other side of the front.</p>"
           "<p>Analysts in Beirut said the arrangement showed how far both groups had been weakened by the "
           "long sieges, and how much each now depended on local truces to survive the coming months.</p>")

CHROME = ("<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li>"
          "<li><a href='/opinion'>Opinion</a></li></ul></nav>")
SHARE = "<div class='share'><a href='#'>Facebook</a> <a href='#'>Twitter</a> <a href='#'>WhatsApp</a></div>"
COOKIE = ("<div id='cookie-banner'>We use cookies to improve your experience on our website. "
          "By continuing you accept our use of cookies.</div>")
FOOTER = "<footer><p>Contact the newsroom</p><p>Terms of service and privacy policy</p></footer>"


def write(tmp_path: Path, html: str, name: str = "page.html") -> Path:
    path = tmp_path / name
    path.write_text(html, "utf-8")
    return path


def article_text(passages) -> str:
    return "\n".join(p.text for p in passages if p.region in ("title", "subtitle", "body"))


def test_chrome_without_markers_stays_out_of_the_article(tmp_path: Path) -> None:
    html = (f"<html><head><title>A deal in Yarmouk</title></head><body>{CHROME}{COOKIE}"
            f"<article><h1>A deal in Yarmouk</h1>{ARTICLE}{SHARE}</article>{FOOTER}</body></html>")
    src, _doc, passages = processed(write(tmp_path, html))
    article = article_text(passages)
    assert "Yarmouk camp south of Damascus" in article and "local truces" in article
    for chrome in ("Home", "Opinion", "cookies", "WhatsApp", "Terms of service", "Contact the newsroom"):
        assert chrome not in article, chrome
        assert chrome in src.text  # still in the visible text, as boilerplate
    assert of_region(passages, "title")[0].text == "A deal in Yarmouk"
    assert all(p.region in ("boilerplate", "site-header") for p in passages if "cookies" in p.text)


def test_real_h2_is_a_section_a_figcaption_is_not(tmp_path: Path) -> None:
    html = ("<html><body><article><h1>Water in Raqqa</h1>" + ARTICLE +
            "<figure><img src='dam.jpg'><figcaption>The Tabqa dam in 2017</figcaption></figure>"
            "<h2>The dam under threat</h2>"
            "<p>Engineers warned that the Tabqa dam could fail if the fighting around it did not stop, which "
            "would flood the villages downstream along the Euphrates valley for dozens of kilometres.</p>"
            "</article></body></html>")
    _src, _doc, passages = processed(write(tmp_path, html))
    sections = {p.section for p in passages}
    assert "The dam under threat" in sections
    assert "The Tabqa dam in 2017" not in sections
    under = [p for p in of_region(passages, "body") if "Engineers warned" in p.text]
    assert under and under[0].section == "The dam under threat"
    heading = [p for p in passages if p.text == "The dam under threat"]
    assert heading and heading[0].region == "body"  # a heading stays searchable


def test_json_ld_date_beats_a_text_date(tmp_path: Path) -> None:
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
          '"headline": "A deal in Yarmouk", "datePublished": "2017-04-12T08:00:00Z", '
          '"author": {"@type": "Person", "name": "Sarah Lee"}}</script>')
    html = (f"<html><head><title>A deal in Yarmouk</title>{ld}</head><body><article>"
            f"<h1>A deal in Yarmouk</h1><p>3 May 2018</p>{ARTICLE}</article></body></html>")
    _src, doc, passages = processed(write(tmp_path, html))
    assert doc.date == "2017-04-12"
    assert doc.meta["text_date"] == "2018-05-03"
    assert doc.authors == ["Sarah Lee"]
    assert of_region(passages, "dateline")[0].text == "3 May 2018"
    assert all(p.date == "2017-04-12" for p in passages)


def test_og_title_beats_title_with_site_name(tmp_path: Path) -> None:
    html = ("<html><head><title>Fighting resumes in Idlib | The Levant Monitor</title>"
            "<meta property='og:title' content='Fighting resumes in Idlib'>"
            "<meta property='og:site_name' content='The Levant Monitor'>"
            "<link rel='canonical' href='https://levant.example/2019/idlib'></head>"
            f"<body><div class='masthead'>The Levant Monitor</div><main>{ARTICLE}</main></body></html>")
    _src, doc, _passages = processed(write(tmp_path, html))
    assert doc.title == "Fighting resumes in Idlib"
    assert doc.site == "The Levant Monitor"
    assert doc.url == "https://levant.example/2019/idlib"


def test_title_without_the_site_name_and_text_title_recorded(tmp_path: Path) -> None:
    html = ("<html><head><title>Levant Monitor - Fighting resumes in Idlib</title>"
            "<meta property='og:site_name' content='Levant Monitor'></head>"
            f"<body><main><h1>Fighting resumes in Idlib province</h1>{ARTICLE}</main></body></html>")
    meta = read_html(html).meta
    assert meta.title is not None and "Levant Monitor" not in meta.title


def test_arabic_page_right_to_left(tmp_path: Path) -> None:
    body = ("<p>أعلنت هيئة تحرير الشام السيطرة على مدينة إدلب بعد معارك عنيفة مع فصائل المعارضة الأخرى "
            "استمرت عدة أيام، وسط نزوح آلاف المدنيين نحو الحدود التركية.</p>"
            "<p>وقال مراقبون إن سيطرة جبهة النصرة السابقة على المدينة تغير موازين القوى في الشمال السوري، "
            "وتطرح أسئلة عن مستقبل الاتفاقات الدولية حول المنطقة.</p>"
            "<p>ودعت الأمم المتحدة الأطراف إلى حماية المدنيين وفتح ممرات آمنة لإيصال المساعدات الإنسانية "
            "إلى المحتاجين في المخيمات القريبة من الحدود.</p>")
    html = ("<html lang='ar' dir='rtl'><head><meta charset='utf-8'><title>إدلب تحت السيطرة</title></head>"
            "<body><nav><a href='/'>الرئيسية</a> <a href='/news'>أخبار</a></nav>"
            f"<article><h1>إدلب تحت السيطرة</h1>{body}</article></body></html>")
    _src, doc, passages = processed(write(tmp_path, html))
    assert doc.meta["lang"] == "ar" and doc.meta["dir"] == "rtl"
    assert doc.lang == "ar"
    assert doc.title == "إدلب تحت السيطرة"
    bodies = of_region(passages, "body")
    assert bodies and all(p.lang == "ar" for p in bodies)
    assert "الرئيسية" not in article_text(passages)


def test_seed_header_bullets_as_html(tmp_path: Path) -> None:
    html = ("<html lang='en'><body><div class='header'><h3>أخبار المركز</h3><ul>"
            "<li><a href='/a/1'>سعيد عكاشة يكتب: (كوابح التصعيد: هل يصمد اتفاق وقف النار؟)</a></li>"
            "<li><a href='/a/2'>د. أيمن سمير يكتب: (بين التوحد والتفكك)</a></li>"
            "<li><a href='/a/3'>نشوى عبد النبي تكتب: (السفن التجارية النووية)</a></li></ul></div>"
            f"<div class='content'><h1>Why did ISIS and al-Nusra Strike a Deal?</h1><p>12 أبريل، 2017</p>"
            f"{ARTICLE}</div></body></html>")
    _src, doc, passages = processed(write(tmp_path, html))
    header = of_region(passages, "site-header")
    assert [p.author for p in header] == ["سعيد عكاشة", "أيمن سمير", "نشوى عبد النبي"]
    assert [p.honorific for p in header] == [None, "د.", None]
    assert header[1].linked_title == "بين التوحد والتفكك"
    assert [p.text for p in of_region(passages, "boilerplate")] == ["أخبار المركز"]
    assert doc.title == "Why did ISIS and al-Nusra Strike a Deal?"
    assert doc.date == "2017-04-12"
    assert "يكتب" not in article_text(passages)


def test_unclosed_comment_is_not_text(tmp_path: Path) -> None:
    html = f"<html><body><article>{ARTICLE}<p>Last line.</p><!-- secret editor note: do not publish"
    src, _doc, _passages = processed(write(tmp_path, html))
    assert "secret" not in src.text
    assert "Last line." in src.text


def test_text_after_a_closed_comment_is_kept() -> None:
    text, _ = visible_text(parse("<p>before <!-- hidden --> after</p><p>x<?php echo 1 ?>y</p>"))
    assert text == "before after\n\nxy\n"


def test_offsets_and_blocks_agree() -> None:
    page = read_html(f"<html><body>{CHROME}<article><h1>T</h1>{ARTICLE}</article>{FOOTER}</body></html>")
    assert page.text.endswith("\n")
    for b in page.blocks:
        chunk = page.text[b.start:b.end]
        assert chunk == chunk.strip() and chunk
    assert [page.text[b.start:b.end] for b in page.blocks if b.item] == ["• Home", "• World", "• Opinion"]


def test_blocks_matched_back_in_page_order() -> None:
    text = "Share\n\nThe long paragraph of the article, with many words in it.\n\nShare\n\nEnd of it here.\n"
    page = read_html("<p>" + "</p><p>".join(text.strip().split("\n\n")) + "</p>")
    marked = mark_main(page.text, page.blocks, [
        "The long paragraph of the article, with many words in it.", "Share", "End of it here."])
    # the second "Share" follows the paragraph in the extractor's output; the first does not
    assert [b.main for b in marked] == [False, True, True, True]


def test_words_key() -> None:
    assert words_key("  Deir ez-Zor, 12/04  ") == "deir ez zor 12 04"
    assert words_key("دير الزور!") == "دير الزور"


# --- hostile markup: every input costs time and memory linear in its size ---------------------------


def test_a_start_tag_with_a_huge_number_of_attributes_is_not_parsed_attribute_by_attribute() -> None:
    # libxml2 compares each attribute with the earlier ones of its tag: 200,000 attributes
    # would take hours.  The tag reaches the parser without them.
    attrs = " ".join(f"a{i}=1" for i in range(200_000))
    root = parse(f"<html><body><p {attrs}>text after</p></body></html>")
    p = root.find(".//p")
    assert p is not None and len(p.attrib) == 0 and p.text == "text after"
    assert len(attrs) > LONG_TAG_CHARS


def test_ordinary_attributes_are_kept() -> None:
    root = parse("<html lang='ar' dir='rtl'><body><p class='x' hidden>gone</p><p>kept</p></body></html>")
    assert root.attrib == {"lang": "ar", "dir": "rtl"}
    assert visible_text(root)[0] == "kept\n"


def test_runs_of_tag_openers_read_in_one_pass(tmp_path: Path) -> None:
    for opener in ("<a", "</", "<!"):
        page = read_html("<p>start</p>" + opener * 500_000 + "<p>end</p>")  # 1 MB
        assert "start" in page.text
        assert all(b.end - b.start < 100 for b in page.blocks)


def test_a_thousand_headings_each_at_its_own_offset(tmp_path: Path) -> None:
    html = "<html><body><h1>Title</h1>" + "".join(
        f"<h2>Section {i}</h2><p>Paragraph {i} of the long page, with a sentence.</p>" for i in range(1000)
    ) + "</body></html>"
    src, _doc, _passages = processed(write(tmp_path, html))
    levels = [(lvl, src.text[a:b]) for lvl, a, b in src.headings]
    assert levels[0] == (1, "Title")
    assert [t for lvl, t in levels if lvl == 2] == [f"Section {i}" for i in range(1000)]


def test_deep_nesting_costs_no_recursion() -> None:
    root = parse("<div>" * 5000 + "<p>deep text</p>" + "</div>" * 5000)
    depth = max(len(list(el.iterancestors())) for el in root.iter())
    text, _ = visible_text(root)
    assert depth > 200  # far deeper than a recursive walk would like to go
    assert isinstance(root, etree._Element) and ("deep text" in text or text == "")


def test_related_articles_and_promotion_lines_stay_out_of_the_article(tmp_path: Path) -> None:
    html = ("<html><body><article><h1>A deal in Yarmouk</h1>" + ARTICLE +
            "<h3>Read also</h3><p>Ceasefire collapses in Daraa</p><p>Aid convoy reaches Idlib</p>"
            "<p>Never miss a story: subscribe to our newsletter today.</p></article></body></html>")
    _src, _doc, passages = processed(write(tmp_path, html))
    article = article_text(passages)
    assert "local truces" in article
    for line in ("Read also", "Ceasefire collapses in Daraa", "Aid convoy reaches Idlib", "subscribe"):
        assert line not in article, line


def test_read_also_in_arabic_ends_before_the_next_paragraph(tmp_path: Path) -> None:
    para = ("وقال مراقبون إن سيطرة جبهة النصرة السابقة على المدينة تغير موازين القوى في الشمال السوري، "
            "وتطرح أسئلة عن مستقبل الاتفاقات الدولية حول المنطقة.")
    html = (f"<html lang='ar' dir='rtl'><body><article><h1>إدلب تحت السيطرة</h1><p>{para}</p><p>{para}</p>"
            f"<p>اقرأ أيضاً: معارك في ريف حلب</p><p>{para} وأضافوا أن المعارك ستستمر.</p>"
            "</article></body></html>")
    _src, _doc, passages = processed(write(tmp_path, html))
    article = article_text(passages)
    assert "معارك في ريف حلب" not in article
    assert "وأضافوا أن المعارك ستستمر" in article  # the article goes on after the read-also line


def test_soft_hyphens_and_zero_width_spaces_are_not_text() -> None:
    markup = "<p>Vorle\u00adsungen zur Gouver\u00adne\u00admen\u00adta\u00adlität, Deir\u200bez-Zor</p>"
    text, _ = visible_text(parse(markup))
    assert text == "Vorlesungen zur Gouvernementalität, Deirez-Zor\n"


LONG_AR = ("وقال مراقبون إن سيطرة جبهة النصرة السابقة على المدينة تغير موازين القوى في الشمال السوري، "
           "وتطرح أسئلة عن مستقبل الاتفاقات الدولية حول المنطقة.")


def test_a_long_read_also_line_with_its_headline_is_boilerplate_alone(tmp_path: Path) -> None:
    # the cue, a colon and one headline of more than a dozen words; the article goes on after it
    html = ("<html><body><article><h1>A deal in Yarmouk</h1>" + ARTICLE +
            "<p>Lea también: Impiden el ingreso a Siria de un reportero y un camarógrafo estadounidenses "
            "que cubrían la guerra en el norte</p><h2>What comes next</h2>"
            "<p>Diplomats in Geneva expect the talks to resume in the spring, although neither side has "
            "named a delegation yet and the agenda remains open.</p></article></body></html>")
    _src, _doc, passages = processed(write(tmp_path, html))
    article = article_text(passages)
    assert "Impiden el ingreso" not in article
    # no list follows the line: nothing after it is lost
    assert "What comes next" in article and "Diplomats in Geneva" in article


def test_related_heading_matched_after_normalization_with_its_list() -> None:
    # "اخبار ذات صله" (heh for teh marbuta, no hamza) is the list's "أخبار ذات صلة"; every block is
    # main content here (as if the extractor kept them all): the layout rule alone decides
    from dataclasses import replace

    from bicorpus.readers.html_layout import html_layout

    page = read_html("<html lang='ar' dir='rtl'><body><article><h1>إدلب تحت السيطرة</h1>"
                     f"<p>{LONG_AR}</p><p>{LONG_AR}</p><h3>اخبار ذات صله</h3>"
                     "<ul><li>معارك في ريف حلب الشمالي</li><li>قافلة مساعدات تصل إلى إدلب</li></ul>"
                     f"<p>{LONG_AR} وأضافوا أن المعارك ستستمر.</p></article></body></html>")
    blocks = tuple(replace(b, main=True) for b in page.blocks)
    layout, _, _ = html_layout(page.text, blocks, page.meta)
    regions = [(b.region, page.text[b.start:b.end]) for b in layout.blocks]
    assert [r for r, _ in regions] == ["title", "body", "body", "boilerplate", "boilerplate", "boilerplate",
                                       "body"]
    assert regions[-1][1].endswith("وأضافوا أن المعارك ستستمر.")


def test_arabic_related_list_tags_and_share_lines_after_the_article(tmp_path: Path) -> None:
    html = ("<html lang='ar' dir='rtl'><body><article><h1>إدلب تحت السيطرة</h1>"
            f"<p>{LONG_AR}</p><p>{LONG_AR}</p>"
            "<p>الكلمات المفتاحية: سوريا، إدلب، هيئة تحرير الشام</p>"
            "<p>شارك على فيسبوك وتويتر وواتساب</p>"
            "<h3>أخبار ذات صلة</h3><ul><li>معارك في ريف حلب الشمالي</li>"
            "<li>قافلة مساعدات تصل إلى إدلب</li></ul>"
            "<p>تابعونا عبر قناتنا على تيليجرام لمعرفة آخر الأخبار</p>"
            "</article></body></html>")
    _src, _doc, passages = processed(write(tmp_path, html))
    article = article_text(passages)
    assert "موازين القوى" in article
    for line in ("الكلمات المفتاحية", "شارك على فيسبوك", "أخبار ذات صلة", "معارك في ريف حلب الشمالي",
                 "قافلة مساعدات", "تابعونا عبر"):
        assert line not in article, line


def test_a_sentence_that_only_mentions_reading_stays_in_the_article(tmp_path: Path) -> None:
    # no cue at the start of the line: an ordinary paragraph, kept
    html = ("<html><body><article><h1>A deal in Yarmouk</h1>" + ARTICLE +
            "<p>Residents said they read also the statements of both groups: neither promised safe passage "
            "to the families who had stayed behind in the camp.</p></article></body></html>")
    _src, _doc, passages = processed(write(tmp_path, html))
    assert "neither promised safe passage" in article_text(passages)


def test_follow_us_promotion_in_spanish_is_boilerplate(tmp_path: Path) -> None:
    html = ("<html><body><article><h1>A deal in Yarmouk</h1>" + ARTICLE +
            "<p>Síguenos en Telegram, Instagram, Facebook y Twitter</p></article></body></html>")
    _src, _doc, passages = processed(write(tmp_path, html))
    assert "Telegram" not in article_text(passages)
    assert "local truces" in article_text(passages)


def test_a_related_heading_in_the_sidebar_does_not_swallow_the_article_further_down() -> None:
    # a blog theme that puts the post inside list items; the sidebar's "Read more" heading and its
    # links lie between the first main line and the post: the post stays body
    from dataclasses import replace

    from bicorpus.readers.html_layout import html_layout

    page = read_html("<html><body><ul><li><h2>Liver with apple and onion</h2></li></ul>"
                     "<div class='side'><h3>Read more</h3><ul><li>Marble cake</li><li>Quick soup</li>"
                     "<li>Pork fillet</li></ul></div>"
                     "<ul class='posts'><li><p>So wintry it has not been for a long time.</p>"
                     "<p>The ingredients (4-6 people)</p><p>1000 g beef liver</p></li></ul></body></html>")
    main = {"Liver with apple and onion", "So wintry it has not been for a long time.",
            "The ingredients (4-6 people)", "1000 g beef liver"}
    blocks = tuple(replace(b, main=page.text[b.start:b.end].lstrip("• ") in main) for b in page.blocks)
    layout, _, _ = html_layout(page.text, blocks, page.meta)
    body = [page.text[b.start:b.end] for b in layout.blocks if b.region == "body"]
    assert "1000 g beef liver" in body and "The ingredients (4-6 people)" in body
    assert not any("Marble cake" in line for line in body)


def test_an_opinion_disclaimer_under_an_arabic_article_is_boilerplate() -> None:
    from dataclasses import replace

    from bicorpus.readers.html_layout import html_layout

    page = read_html("<html lang='ar' dir='rtl'><body><article><h1>إدلب تحت السيطرة</h1>"
                     f"<p>{LONG_AR}</p><p>{LONG_AR}</p>"
                     "<p>الآراء الواردة أدناه لا تعبر عن رأي الموقع، بل تعكس وجهات نظر أصحابها فقط.</p>"
                     "</article></body></html>")
    blocks = tuple(replace(b, main=True) for b in page.blocks)
    layout, _, _ = html_layout(page.text, blocks, page.meta)
    assert [b.region for b in layout.blocks] == ["title", "body", "body", "boilerplate"]


CHUNK2_AR = ("<h2>ما بعد الاتفاق</h2>"
             "<p>وقال مراقبون إن الاتفاق يغير موازين القوى في الشمال السوري، ويطرح أسئلة عن مستقبل "
             "الاتفاقات الدولية حول المنطقة في الأشهر المقبلة.</p>"
             "<p>وأضافوا أن نزوح آلاف المدنيين نحو الحدود التركية سيستمر ما لم تتوقف المعارك بين الفصائل "
             "المتناحرة في ريف إدلب الجنوبي.</p>"
             "<p>ولم يصدر عن الهيئة أي تعليق رسمي على ما جرى حتى مساء الأربعاء، بحسب ما أفاد مراسلون "
             "في المنطقة.</p>")


def _marked_after_first_chunk(body: str):
    text, blocks = visible_text(parse(f"<html><body><article>{body}</article></body></html>"))
    first = [text[b.start:b.end] for b in blocks][:3]  # the extractor kept the first chunk only
    return text, recover_main(text, mark_main(text, blocks, first))


def test_the_article_going_on_after_the_extractors_last_block_is_taken_back() -> None:
    text, marked = _marked_after_first_chunk(
        f"{ARTICLE}<div class='ad-slot'></div><div class='chunk'>{CHUNK2_AR}</div>")
    main = [text[b.start:b.end] for b in marked if b.main]
    assert "ما بعد الاتفاق" in main  # the heading between the paragraphs of the next chunk
    assert any(t.startswith("ولم يصدر عن الهيئة") for t in main)


def test_one_paragraph_after_the_article_is_not_taken_back() -> None:
    note = ("<p>Jane Doe is a correspondent based in Beirut who has covered the war in Syria since 2012 "
            "for several news agencies.</p>")
    _text, marked = _marked_after_first_chunk(ARTICLE + note)
    assert [b.main for b in marked] == [True, True, True, False]
