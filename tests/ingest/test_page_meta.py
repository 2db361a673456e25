"""Page metadata from HTML: title, date, authors, site, URL, language, one rule per page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ingest_helpers import processed

from bicorpus.readers.html import PageMeta, parse, read_html
from bicorpus.readers.page_meta import day_of, page_date, read_page_meta, strip_site, url_day

BODY_EN = ("<p>The agreement between the leaders of the two groups came as a surprise to most observers "
           "of the conflict in northern Syria, where they had fought each other for years.</p>"
           "<p>Under the deal, fighters and their families were to leave the camp south of Damascus for "
           "Idlib, while the wounded were to be taken to hospitals on the other side of the front.</p>")
BODY_AR = ("<p>أعلنت هيئة تحرير الشام السيطرة على مدينة إدلب بعد معارك عنيفة مع فصائل المعارضة الأخرى "
           "استمرت عدة أيام، وسط نزوح آلاف المدنيين نحو الحدود التركية.</p>"
           "<p>وقال مراقبون إن سيطرة جبهة النصرة السابقة على المدينة تغير موازين القوى في الشمال السوري، "
           "وتطرح أسئلة عن مستقبل الاتفاقات الدولية حول المنطقة.</p>")


def page(head: str, body: str, attrs: str = "") -> str:
    return f"<html{attrs}><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def meta_of(html: str) -> PageMeta:
    root = parse(html)
    assert root is not None
    return read_page_meta(root)


def write(tmp_path: Path, html: str) -> Path:
    path = tmp_path / "page.html"
    path.write_text(html, "utf-8")
    return path


# --- titles ----------------------------------------------------------------------------------------


def test_og_title_beats_title_with_site_suffix() -> None:
    html = page("<title>Fighting resumes in Idlib | Levant Monitor</title>"
                "<meta property='og:title' content='Fighting resumes in Idlib'>",
                f"<article>{BODY_EN}</article>")
    assert meta_of(html).title == "Fighting resumes in Idlib"


def test_arabic_title_without_its_site_name_after_a_dash() -> None:
    html = page("<title>إدلب تحت سيطرة الهيئة - الجزيرة نت</title>"
                "<meta property='og:site_name' content='الجزيرة نت'>", f"<article>{BODY_AR}</article>")
    assert meta_of(html).title == "إدلب تحت سيطرة الهيئة"


def test_site_name_known_only_from_the_host_is_dropped_before_the_headline() -> None:
    html = page("<title>Al Jazeera: Fighting resumes in Idlib</title>"
                "<link rel='canonical' href='https://www.aljazeera.com/news/idlib'>",
                f"<article>{BODY_EN}</article>")
    assert meta_of(html).title == "Fighting resumes in Idlib"


def test_h1_agreeing_with_a_part_of_the_title_is_the_title() -> None:
    # the site name is declared nowhere: the visible headline tells which part of <title> it is
    html = page("<title>الأخبار - إدلب تحت سيطرة الهيئة - المرصد</title>",
                "<div class='logo'><h1></h1></div>"
                f"<article><h1>إدلب تحت سيطرة الهيئة</h1>{BODY_AR}</article>")
    assert meta_of(html).title == "إدلب تحت سيطرة الهيئة"


def test_kicker_inside_the_h1_is_left_out_when_og_title_gives_the_headline() -> None:
    html = page("<meta property='og:title' content='Fighting resumes in Idlib province'>",
                f"<article><h1><span>Syria</span> Fighting resumes in Idlib province</h1>{BODY_EN}</article>")
    assert meta_of(html).title == "Fighting resumes in Idlib province"


def test_short_parts_after_a_strong_separator_are_site_and_section() -> None:
    html = page("<title>Fighting resumes in Idlib province » World » Levant Monitor</title>", BODY_EN)
    assert meta_of(html).title == "Fighting resumes in Idlib province"


def test_a_dash_inside_a_short_headline_is_kept() -> None:
    html = page("<title>Leasing or buying – which pays?</title>", BODY_EN)
    assert meta_of(html).title == "Leasing or buying – which pays?"


def test_strip_site_both_scripts() -> None:
    sites = {"aljazeera", "الجزيرةنت"}
    assert strip_site("Fighting resumes | Al Jazeera", sites) == "Fighting resumes"
    assert strip_site("الجزيرة نت « إدلب تحت السيطرة", sites) == "إدلب تحت السيطرة"
    assert strip_site("Fighting resumes | Levant Monitor", sites) == "Fighting resumes | Levant Monitor"


# --- dates -----------------------------------------------------------------------------------------


def test_json_ld_date_beats_a_date_in_the_text(tmp_path: Path) -> None:
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
          '{"@type": "WebSite", "name": "Levant Monitor"}, {"@type": "NewsArticle", '
          '"headline": "اتفاق في اليرموك", "datePublished": "2017-04-12T10:00:00+03:00", '
          '"dateModified": "2019-01-01T10:00:00+03:00", '
          '"author": [{"@type": "Person", "name": "سارة علي"}, {"@type": "Person", "name": "John Doe"}]}]}'
          '</script>')
    html = page(f"<title>اتفاق في اليرموك</title>{ld}",
                f"<article><h1>اتفاق في اليرموك</h1><p>3 أيار 2018</p>{BODY_AR}</article>",
                " lang='ar' dir='rtl'")
    _src, doc, passages = processed(write(tmp_path, html))
    assert doc.date == "2017-04-12"
    assert doc.meta["text_date"] == "2018-05-03"
    assert doc.authors == ["سارة علي", "John Doe"]
    assert doc.site == "Levant Monitor"
    assert doc.meta["lang"] == "ar" and doc.meta["dir"] == "rtl"
    assert all(p.date == "2017-04-12" for p in passages)


def test_published_beats_modified_in_either_order() -> None:
    head = ("<meta property='article:modified_time' content='2020-06-01T09:00:00+02:00'>"
            "<meta property='article:published_time' content='2019-03-05T09:00:00+02:00'>")
    meta = meta_of(page(head, BODY_EN))
    assert meta.date == "2019-03-05"
    assert meta.modified is None


def test_a_modified_date_alone_gives_way_to_the_text_date(tmp_path: Path) -> None:
    head = "<meta property='article:modified_time' content='2020-06-01T09:00:00+02:00'>"
    meta = meta_of(page(head, BODY_EN))
    assert meta.date is None and meta.modified == "2020-06-01"
    assert page_date(meta, "2019-03-05") == "2019-03-05"
    assert page_date(meta, None) == "2020-06-01"


def test_meta_names_and_time_element() -> None:
    assert meta_of(page("<meta name='pubdate' content='20170412'>", BODY_EN)).date == "2017-04-12"
    assert meta_of(page("<meta name='DC.date.issued' content='2017-04-12'>", BODY_EN)).date == "2017-04-12"
    html = page("", f"<aside><time datetime='2011-01-01'>x</time></aside>"
                    f"<article><time datetime='2017-04-12T08:00'>12 April</time>{BODY_EN}</article>")
    assert meta_of(html).date == "2017-04-12"


def test_url_date() -> None:
    html = page("<link rel='canonical' href='https://news.example/2016/07/28/raqqa-offensive/'>", BODY_EN)
    assert meta_of(html).date == "2016-07-28"
    assert url_day("https://www.albayan.ae/news/2020-06-03-1.3874341") == "2020-06-03"
    assert url_day("https://example.com/archive/20170412/story") == "2017-04-12"
    assert url_day("https://example.com/2017/13/45/story") is None
    assert url_day("https://example.com/story-12345") is None


def test_no_1970_and_no_future_dates() -> None:
    assert day_of("1970-01-01T00:00:00Z") is None
    assert day_of("0") is None
    tomorrow = dt.date.today() + dt.timedelta(days=30)
    assert day_of(tomorrow.isoformat()) is None
    assert day_of("1491991200") == "2017-04-12"  # a Unix timestamp
    html = page("<meta property='article:published_time' content='1970-01-01T00:00:00Z'>"
                "<meta name='date' content='2017-04-12'>", BODY_EN)
    assert meta_of(html).date == "2017-04-12"


def test_arabic_months_and_digits_in_metadata() -> None:
    assert day_of("١٢ نيسان ٢٠١٧") == "2017-04-12"
    assert day_of("الأربعاء، 12 أبريل 2017") == "2017-04-12"
    assert day_of("15 رجب 1438هـ الموافق 12 أبريل 2017م") == "2017-04-12"
    assert day_of("April 2017") is None  # a month is not a day


def test_utc_day_gives_way_to_the_local_day_in_the_text() -> None:
    utc = PageMeta(date="2020-02-25", date_utc=True)
    assert page_date(utc, "2020-02-24") == "2020-02-24"
    assert page_date(utc, "2019-02-24") == "2020-02-25"  # not a day apart: the metadata's
    assert page_date(PageMeta(date="2020-02-25"), "2020-02-24") == "2020-02-25"


def test_timestamp_with_its_offset_beats_the_same_moment_in_utc() -> None:
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", '
          '"datePublished": "2020-02-25T02:25:54Z"}</script>')
    head = f"{ld}<meta property='article:published_time' content='2020-02-24T21:25:54-05:00'>"
    meta = meta_of(page(head, BODY_EN))
    assert meta.date == "2020-02-24" and not meta.date_utc


# --- authors, site, url ------------------------------------------------------------------------------


def test_authors_from_meta_without_urls_or_the_site_name() -> None:
    head = ("<meta property='og:site_name' content='Levant Monitor'>"
            "<meta name='author' content='By Jane Doe and أحمد حسن'>"
            "<meta property='article:author' content='https://facebook.com/levant'>")
    assert meta_of(page(head, BODY_EN)).authors == ("Jane Doe", "أحمد حسن")
    assert meta_of(page("<meta name='author' content='Levant Monitor'>"
                        "<meta property='og:site_name' content='Levant Monitor'>", BODY_EN)).authors == ()


def test_broken_json_ld_is_read_or_skipped() -> None:
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Fighting resumes",'
          ' "datePublished": "2017-04-12",}</script><script type="application/ld+json">{oops</script>')
    meta = meta_of(page(ld, BODY_EN))
    assert meta.date == "2017-04-12"


def test_the_document_carries_title_date_authors_site_url(tmp_path: Path) -> None:
    head = ("<title>Fighting resumes in Idlib - Levant Monitor</title>"
            "<meta property='og:site_name' content='Levant Monitor'>"
            "<meta property='og:url' content='https://levant.example/2019/05/02/idlib'>"
            "<meta name='author' content='Jane Doe'>")
    _src, doc, _passages = processed(write(tmp_path, page(head, f"<article>{BODY_EN}</article>")))
    assert (doc.title, doc.date, doc.authors, doc.site, doc.url) == (
        "Fighting resumes in Idlib", "2019-05-02", ["Jane Doe"], "Levant Monitor",
        "https://levant.example/2019/05/02/idlib")
    assert read_html(page(head, BODY_EN)).meta.title == "Fighting resumes in Idlib"


def test_local_timestamp_in_a_script_gives_the_page_day() -> None:
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", '
          '"datePublished": "2023-11-09T03:28:35Z"}</script>')
    data = '<script>var page = {"date": "2023-11-08T22:28:35-05:00", "section": "news"};</script>'
    meta = meta_of(page(ld + data, BODY_EN))
    assert meta.date == "2023-11-08" and not meta.date_utc
    meta = meta_of(page(ld, BODY_EN))
    assert meta.date == "2023-11-09" and meta.date_utc


def test_a_dateline_beats_a_date_guessed_from_the_markup(tmp_path: Path) -> None:
    # no date stated in the metadata: the visible dateline is the document's date
    html = page("<title>اتفاق في اليرموك</title>",
                f"<article><h1>اتفاق في اليرموك</h1><p>الأربعاء، 12 نيسان (أبريل) 2017</p>{BODY_AR}"
                "<p>Copyright 03/05/2018</p></article>")
    _src, doc, passages = processed(write(tmp_path, html))
    assert doc.date == "2017-04-12"
    assert all(p.date == "2017-04-12" for p in passages)
    assert page_date(PageMeta(date="2018-05-03", date_guessed=True), "2017-04-12") == "2017-04-12"
    assert page_date(PageMeta(date="2018-05-03", date_guessed=True), None) == "2018-05-03"


def test_a_copyright_year_is_no_publication_day() -> None:
    html = page("<title>About the monitor</title>",
                f"<article>{BODY_EN}</article><footer>© 2019 Levant Monitor</footer>")
    assert meta_of(html).date is None


def test_of_several_stated_days_the_one_the_page_shows_wins(tmp_path: Path) -> None:
    head = ("<meta name='pubdate' content='2021-12-14T15:41:07+01:00'>"
            "<meta name='DC.date.issued' content='2022-02-04T15:33:00+01:00'>")
    meta = meta_of(page(head, BODY_EN))
    assert meta.date == "2021-12-14" and meta.other_dates == ("2022-02-04",)
    assert page_date(meta, "2022-02-04") == "2022-02-04"
    assert page_date(meta, "2019-01-01") == "2021-12-14"  # a day the metadata never states
    html = page(head, "<article><h1>Fighting resumes in Idlib province</h1>"
                      f"<p>4 February 2022</p>{BODY_EN}</article>")
    _src, doc, passages = processed(write(tmp_path, html))
    assert doc.date == "2022-02-04" and all(p.date == "2022-02-04" for p in passages)


# --- titles: the masthead, kickers, dates and marks around the headline ------------------------------


def test_an_h1_in_the_masthead_is_the_site_name_not_the_headline() -> None:
    # a blog theme puts the site's name in an <h1> linking home, before the article's own <h1>
    html = page("<title>Vegetarian by choice? A look at the trend | Levant Notes</title>",
                "<header><h1 class='site-title'><a href='/'>Levant Notes</a></h1></header>"
                f"<article><h1>Vegetarian by choice? A look at the trend</h1>{BODY_EN}</article>")
    assert meta_of(html).title == "Vegetarian by choice? A look at the trend"
    # the masthead's name is the site's name in <title>, which is then cut from it
    html = page("<title>المرصد السوري » أرشيف المدونة » إدلب تحت سيطرة الهيئة</title>",
                "<div id='header'><h1><a href='https://marsad.example/'>المرصد السوري</a></h1></div>"
                f"<div>{BODY_AR}</div>")
    assert meta_of(html).title == "إدلب تحت سيطرة الهيئة"
    # an <h1> linking to an article is a headline
    html = page("<title>Fighting resumes in Idlib | Levant Monitor</title>",
                f"<article><h1><a href='/news/idlib'>Fighting resumes in Idlib</a></h1>{BODY_EN}</article>")
    assert meta_of(html).title == "Fighting resumes in Idlib"


def test_an_h1_equal_to_several_parts_of_the_title_is_the_headline() -> None:
    html = page("<title>Soldering made easy – old devices work again – Levant Tech</title>",
                f"<article><h1>Soldering made easy – old devices work again</h1>{BODY_EN}</article>")
    assert meta_of(html).title == "Soldering made easy – old devices work again"


def test_a_kicker_is_cut_only_when_it_stands_apart_from_the_headline() -> None:
    # "in Tennessee" runs on from the og:title: the <h1> is the headline
    html = page("<meta property='og:title' "
                "content='Ultium Cells raises its battery capacity - Battery News'>",
                f"<article><h1>Ultium Cells raises its battery capacity in Tennessee</h1>{BODY_EN}</article>")
    assert meta_of(html).title == "Ultium Cells raises its battery capacity in Tennessee"
    # a kicker before a separator inside the <h1>
    html = page("<meta property='og:title' content='سيطرة الهيئة على مدينة إدلب'>",
                f"<article><h1>\"عاجل\" / سيطرة الهيئة على مدينة إدلب</h1>{BODY_AR}</article>")
    assert meta_of(html).title == "سيطرة الهيئة على مدينة إدلب"


def test_a_label_hidden_for_screen_readers_is_not_in_the_title() -> None:
    html = page("<title>Energy transition and social change | Levant Institute</title>",
                "<article><h1><span class='visuallyhidden'>Headline:</span> Energy transition and social "
                f"change</h1>{BODY_EN}</article>")
    assert meta_of(html).title == "Energy transition and social change"


def test_a_one_word_page_label_in_an_h1_is_not_the_headline() -> None:
    html = page("<title>Levant Foundation - detail</title>"
                "<meta property='og:title' content='Local elections in North Macedonia'>",
                f"<h1>Navigation</h1><article><h1>detail</h1>{BODY_EN}</article>")
    assert meta_of(html).title == "Local elections in North Macedonia"


def test_a_date_part_and_a_stray_separator_are_not_in_the_title() -> None:
    html = page("<title>A quantum leap for the north : 06.11.2023, 11.41 Uhr</title>", BODY_EN)
    assert meta_of(html).title == "A quantum leap for the north"
    html = page("<title>levant.example // » Jens Weber</title>"
                "<meta property='og:site_name' content='levant.example'>", BODY_EN)
    assert meta_of(html).title == "Jens Weber"
    # quotation marks around a headline are the headline's
    html = page("<title>»Simply no money left for the rent«</title>", BODY_EN)
    assert meta_of(html).title == "»Simply no money left for the rent«"
    html = page("<title>« Il y a, d’abord, le poids de la géographie ». Sur les migrations</title>", BODY_EN)
    assert meta_of(html).title == "« Il y a, d’abord, le poids de la géographie ». Sur les migrations"


def test_og_title_cut_at_an_unescaped_quotation_mark_gives_way_to_the_title() -> None:
    html = ("<html><head><meta property=\"og:title\" content=\"Senator calls the president \"unfit\"\">"
            "<title>Senator calls the president \"unfit\"</title></head>"
            f"<body>{BODY_EN}</body></html>")
    assert meta_of(html).title == 'Senator calls the president "unfit"'


# --- dates: the page's own day ----------------------------------------------------------------------


def test_rfc_2822_timestamp_with_its_offset_gives_the_local_day() -> None:
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", '
          '"datePublished": "2019-10-18T22:04:00Z"}</script>')
    head = f"{ld}<meta name='date' content='Sat, 19 Oct 2019 00:04:00 +0200'>"
    meta = meta_of(page(head, BODY_EN))
    assert meta.date == "2019-10-19" and not meta.date_utc


def test_a_script_timestamp_gives_the_local_day_only_for_the_same_moment() -> None:
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", '
          '"datePublished": "2020-12-06T12:32:58Z"}</script>')
    # another article's time, a day before: not this page's day
    data = '<script>var related = {"date": "2020-12-05T09:00:00+02:00"};</script>'
    meta = meta_of(page(ld + data, BODY_EN))
    assert meta.date == "2020-12-06" and meta.date_utc


def test_the_time_of_a_related_article_teaser_is_not_the_page_date() -> None:
    teasers = ("<ul class='related-posts'><li><article><h3>Older story</h3>"
               "<time datetime='2009-04-11 18:06:36'>11 April 2009</time></article></li></ul>")
    html = page("<title>Fighting resumes in Idlib</title>",
                f"<article><h1>Fighting resumes in Idlib</h1>{BODY_EN}{teasers}</article>")
    meta = meta_of(html)
    assert meta.date_guessed  # the page states no day of its own: only a guess from the markup
    own = "<time datetime='2019-10-22T10:00:00+03:00'>22 October 2019</time>"
    html = page("<title>Fighting resumes in Idlib</title>",
                f"<article><h1>Fighting resumes in Idlib</h1>{own}{BODY_EN}{teasers}</article>")
    assert meta_of(html).date == "2019-10-22"


def test_a_meta_publication_day_beats_a_different_json_ld_one() -> None:
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "اتفاق في اليرموك", '
          '"datePublished": "2023-11-03T10:25:56+03:00"}</script>')
    head = f"{ld}<meta property='article:published_time' content='2023-11-06T14:25:00+03:00'>"
    meta = meta_of(page(head, BODY_AR))
    assert meta.date == "2023-11-06"
    assert "2023-11-03" in meta.other_dates  # kept: a dateline showing it would make it the date


def test_a_time_in_the_article_of_a_page_classed_with_a_sidebar_is_the_page_date() -> None:
    html = ("<html><head><title>Fighting resumes in Idlib</title></head><body class='page one-sidebar'>"
            "<article><h1>Fighting resumes in Idlib</h1><div class='article-meta'>"
            f"<time datetime='2022-01-25T08:00:00+01:00'>25.01.2022</time></div>{BODY_EN}"
            "</article></body></html>")
    assert meta_of(html).date == "2022-01-25"


def test_the_site_name_between_the_headline_and_a_tagline_is_cut_with_the_tagline() -> None:
    sites = {"levantmonitor"}
    assert strip_site("Fighting resumes in Idlib : Levant Monitor | News from the north", sites) == \
        "Fighting resumes in Idlib"
    assert strip_site("إدلب تحت سيطرة الهيئة : Levant Monitor", sites) == "إدلب تحت سيطرة الهيئة"
