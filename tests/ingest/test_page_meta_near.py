"""Page metadata from HTML: dates written near the headline, update lines, UTC days, title labels."""

from __future__ import annotations

from pathlib import Path

from ingest_helpers import processed
from test_page_meta import BODY_AR, BODY_EN, meta_of, page, write

LEAD_AR = ("<p>قالت مصادر محلية إن الاشتباكات تجددت صباح اليوم في محيط المدينة بعد هدوء حذر استمر "
           "أسبوعين، وإن القصف طال الأحياء الشرقية.</p>")
LEAD_EN = ("<p>Fighting resumed on the outskirts of the city this morning after two weeks of an uneasy "
           "calm, local sources said, with shelling reaching the eastern districts.</p>")


def doc_of(tmp_path: Path, html: str):  # type: ignore[no-untyped-def]
    _src, doc, _passages = processed(write(tmp_path, html))
    return doc


# --- a date written near the headline, no date in the metadata -------------------------------------


def test_a_levantine_date_with_indic_digits_above_the_headline_is_the_date(tmp_path: Path) -> None:
    html = page("<title>اتفاق في اليرموك</title>",
                "<article><p>الأربعاء ١٢ نيسان ٢٠١٧</p><h1>اتفاق في اليرموك</h1>"
                f"{BODY_AR}</article>")
    assert doc_of(tmp_path, html).date == "2017-04-12"
    # the same line over the headline but outside the article the extractor found
    html = page("<title>اتفاق في اليرموك</title>",
                "<div class='post-meta'><span>الأربعاء ١٢ نيسان ٢٠١٧</span></div>"
                f"<div class='title'><h1>اتفاق في اليرموك</h1></div><article>{BODY_AR}</article>")
    assert doc_of(tmp_path, html).date == "2017-04-12"


def test_an_english_date_above_the_headline_is_the_date(tmp_path: Path) -> None:
    html = page("<title>Agreement in Yarmouk</title>",
                f"<article><p>Wednesday 12 April 2017</p><h1>Agreement in Yarmouk</h1>{BODY_EN}</article>")
    assert doc_of(tmp_path, html).date == "2017-04-12"


def test_hijri_with_the_gregorian_day_beside_it_above_the_headline(tmp_path: Path) -> None:
    html = page("<title>اتفاق في اليرموك</title>",
                "<article><div>الأربعاء 15 رجب 1438هـ - 12 أبريل 2017م</div>"
                f"<h1>اتفاق في اليرموك</h1>{BODY_AR}</article>")
    assert doc_of(tmp_path, html).date == "2017-04-12"


def test_a_byline_box_after_the_lead_paragraph_gives_the_date(tmp_path: Path) -> None:
    # the dateline comes after the first paragraph, not between the headline and it
    html = page("<title>اتفاق في اليرموك</title>",
                f"<article><h1>اتفاق في اليرموك</h1>{LEAD_AR}<div>دمشق - الخميس 3 أيار/مايو 2018</div>"
                f"{BODY_AR}</article>")
    assert doc_of(tmp_path, html).date == "2018-05-03"
    html = page("<title>Agreement in Yarmouk</title>",
                f"<article><h1>Agreement in Yarmouk</h1>{LEAD_EN}<div>Issued on: 03/05/2018 - 18:34</div>"
                f"{BODY_EN}</article>")
    assert doc_of(tmp_path, html).date == "2018-05-03"


def test_the_site_clock_far_above_the_headline_is_not_the_date(tmp_path: Path) -> None:
    # today's date in the top bar, then the menu: not the article's day
    html = page("<title>اتفاق في اليرموك</title>",
                "<header><div>الأحد 3 أيار 2020</div><ul><li><a href='/a'>سياسة</a></li>"
                "<li><a href='/b'>اقتصاد</a></li><li><a href='/c'>رياضة</a></li></ul></header>"
                "<p>تابعونا على مواقع التواصل الاجتماعي للحصول على آخر الأخبار والتقارير "
                "من سوريا والمنطقة.</p>"
                f"<article><h1>اتفاق في اليرموك</h1>{BODY_AR}</article>")
    assert doc_of(tmp_path, html).date is None


def test_a_related_article_date_in_a_list_beside_the_headline_is_not_the_date(tmp_path: Path) -> None:
    html = page("<title>Agreement in Yarmouk</title>",
                "<article><h1>Agreement in Yarmouk</h1>"
                f"<ul><li>Earlier talks collapse — 2 May 2016</li></ul>{LEAD_EN}"
                f"<div>Issued on: 03/05/2018 - 18:34</div>{BODY_EN}</article>")
    assert doc_of(tmp_path, html).date == "2018-05-03"


# --- update lines --------------------------------------------------------------------------------------


def test_an_updated_line_does_not_move_a_stated_utc_day(tmp_path: Path) -> None:
    head = "<meta property='article:published_time' content='2022-08-29T17:34:01Z'>"
    for line in ("Updated 2:39 AM EDT, Tue August 30, 2022", "آخر تحديث: الثلاثاء 30 آب 2022"):
        html = page(head, f"<article><h1>Storm nears the coast</h1><p>{line}</p>{BODY_EN}</article>")
        assert doc_of(tmp_path, html).date == "2022-08-29", line
    # a dateline without the cue is the page's own (local) day
    html = page(head, f"<article><h1>Storm nears the coast</h1><p>Tue August 30, 2022</p>{BODY_EN}</article>")
    assert doc_of(tmp_path, html).date == "2022-08-30"


def test_an_updated_line_is_the_date_only_when_nothing_else_gives_one(tmp_path: Path) -> None:
    html = page("<title>اتفاق في اليرموك</title>",
                f"<article><h1>اتفاق في اليرموك</h1><p>آخر تحديث: 13 نيسان 2017</p>{BODY_AR}</article>")
    assert doc_of(tmp_path, html).date == "2017-04-13"
    html = page("<title>اتفاق في اليرموك</title>",
                "<article><h1>اتفاق في اليرموك</h1><p>نشر في: 12 نيسان 2017</p>"
                f"<p>آخر تحديث: 13 نيسان 2017</p>{BODY_AR}</article>")
    assert doc_of(tmp_path, html).date == "2017-04-12"


# --- a UTC timestamp and the URL's day -----------------------------------------------------------------


def test_the_url_day_replaces_a_utc_day_only_when_an_offset_can_reach_it() -> None:
    url = "<meta property='og:url' content='https://news.example/en/20190826-migrants'>"
    late = meta_of(page(url + "<meta property='article:published_time' content='2019-08-27T16:34:48+00:00'>",
                        BODY_EN))
    assert late.date == "2019-08-27"  # 16:34 UTC is the 26th nowhere
    early = meta_of(page(url + "<meta property='article:published_time' content='2019-08-27T02:10:00+00:00'>",
                         BODY_EN))
    assert early.date == "2019-08-26"  # 02:10 UTC is still the 26th west of Greenwich


# --- titles ------------------------------------------------------------------------------------------


def test_the_only_h1_of_several_words_beside_a_one_word_section_h1() -> None:
    html = page("<meta property='og:title' content='What Russians are told about the war'>",
                "<h1>Esteri</h1><article><h1>What Russian media say about the war, and what people think</h1>"
                f"{BODY_EN}</article>")
    assert meta_of(html).title == "What Russian media say about the war, and what people think"


def test_a_short_h1_sharing_no_word_with_the_declared_title_is_a_page_label() -> None:
    for label in ("تفاصيل الخبر", "Article details"):
        html = page("<meta property='og:title' content='إدلب تحت سيطرة الهيئة - المرصد'>"
                    "<title>إدلب تحت سيطرة الهيئة - المرصد</title>"
                    "<meta property='og:site_name' content='المرصد'>",
                    f"<h1>{label}</h1><article>{BODY_AR}</article>")
        assert meta_of(html).title == "إدلب تحت سيطرة الهيئة", label
    # nor is a tagline the only <h1> of several words beside donation buttons
    html = page("<meta property='og:title' content='Fighting resumes in Idlib - Levant Monitor'>"
                "<meta property='og:site_name' content='Levant Monitor'>",
                "<h1>€5</h1><h1>€10</h1><h1>other</h1><h1>Democracy in Europe Movement</h1>"
                f"<article>{BODY_EN}</article>")
    assert meta_of(html).title == "Fighting resumes in Idlib"
    # a short headline sharing a word with the declared title stays the headline
    html = page("<meta property='og:title' content='Idlib under the control of the group'>",
                f"<article><h1>Idlib falls</h1>{BODY_EN}</article>")
    assert meta_of(html).title == "Idlib falls"


def test_an_h1_opening_the_title_before_an_underscore_is_the_headline() -> None:
    html = page("<title>إدلب تحت سيطرة الهيئة_أخبار سوريا_المرصد</title>",
                f"<article><h1>إدلب تحت سيطرة الهيئة</h1>{BODY_AR}</article>"
                "<aside><h1>الأكثر قراءة</h1></aside>")
    assert meta_of(html).title == "إدلب تحت سيطرة الهيئة"
    html = page("<title>Fighting resumes in Idlib _World _Levant Monitor</title>",
                f"<article><h1>Fighting resumes in Idlib</h1>{BODY_EN}</article>"
                "<aside><h1>Most read</h1></aside>")
    assert meta_of(html).title == "Fighting resumes in Idlib"


def test_a_headline_in_a_site_name_field_is_not_the_site_name() -> None:
    html = page("<meta name='application-name' content='MSN'>"
                "<meta property='og:site_name' content='Fighting resumes in Idlib province after two weeks'>"
                "<meta property='og:title' content='Fighting resumes in Idlib province after two weeks'>",
                "<header><h1>msn back to msn home news</h1></header>"
                f"<article><h1>Fighting resumes in Idlib province after two weeks</h1>{BODY_EN}</article>")
    meta = meta_of(html)
    assert meta.title == "Fighting resumes in Idlib province after two weeks"
    assert meta.site == "MSN"


# --- metadata values -----------------------------------------------------------------------------------


def test_a_day_written_without_separators_in_a_meta_field() -> None:
    for value, day in (("20170412", "2017-04-12"), ("20170412103000", "2017-04-12"), ("20171312", None)):
        meta = meta_of(page(f"<meta name='publishdate' content='{value}'>", BODY_AR))
        assert (meta.date if not meta.date_guessed else None) == day, value


def test_json_ld_wrapped_in_cdata_marks_is_read() -> None:
    ld = ('<script type="application/ld+json">//<![CDATA[\n{"@type": "NewsArticle", '
          '"headline": "إدلب تحت سيطرة الهيئة", '
          '"datePublished": "2017-04-12T10:00:00+03:00"}\n//]]></script>')
    meta = meta_of(page(ld, BODY_AR))
    assert (meta.title, meta.date) == ("إدلب تحت سيطرة الهيئة", "2017-04-12")


def test_a_tatweel_standing_alone_separates_the_site_name_like_a_dash() -> None:
    html = page("<title>إدلب تحت سيطرة الهيئة ـ المرصد السوري</title>"
                "<meta property='og:site_name' content='المرصد السوري'>", f"<article>{BODY_AR}</article>")
    assert meta_of(html).title == "إدلب تحت سيطرة الهيئة"
    # inside a word it is only the letters drawn out: "الـ" stays
    html = page("<title>حصار الـ 100 يوم على المدينة</title>", f"<article>{BODY_AR}</article>")
    assert meta_of(html).title == "حصار الـ 100 يوم على المدينة"


def test_a_short_h1_sharing_a_word_inside_a_longer_one_stays_the_headline() -> None:
    # a compound in German, a clitic in Arabic: the word is there, inside another
    html = page("<title>Autofinanzierung – Autokredit oder doch besser Leasing?</title>",
                f"<article><h1>Finanzierung Ihres Autos</h1>{BODY_EN}</article>")
    assert meta_of(html).title == "Finanzierung Ihres Autos"
    html = page("<title>حلب وإدلب بين الهدنة والحرب - المرصد</title>",
                f"<article><h1>الهدنة في إدلب</h1>{BODY_AR}</article>")
    assert meta_of(html).title == "الهدنة في إدلب"
