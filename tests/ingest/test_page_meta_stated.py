"""Page metadata from HTML: stated days weighed against the days the page shows."""

from __future__ import annotations

from pathlib import Path

from test_page_meta import BODY_AR, BODY_EN, meta_of, page
from test_page_meta_near import doc_of

from bicorpus.readers import page_meta
from bicorpus.readers.html import parse

# --- <meta value=...> ---------------------------------------------------------------------------------


def test_a_meta_written_with_value_is_read_like_content() -> None:
    html = page("<title>Ceasefire talks | Levant Monitor</title>"
                "<meta value='Ceasefire talks resume in Geneva' name='og:title'>"
                "<meta value='2017-04-12T10:00:00+02:00' name='article:published_time'>",
                f"<article>{BODY_EN}<ul><li><time datetime='2022-08-10T13:15:00+09:00'>2022.08.10</time>"
                "</li></ul></article>")
    meta = meta_of(html)
    assert meta.title == "Ceasefire talks resume in Geneva"
    assert meta.date == "2017-04-12"


def test_an_arabic_meta_written_with_value() -> None:
    html = page("<meta value='اتفاق في اليرموك' property='og:title'>"
                "<meta value='2017-04-12' property='article:published_time'>",
                f"<article>{BODY_AR}</article>")
    meta = meta_of(html)
    assert (meta.title, meta.date) == ("اتفاق في اليرموك", "2017-04-12")


# --- a <time> naming the stated UTC moment with its offset -------------------------------------------


def test_a_time_with_its_offset_beats_the_day_of_the_url() -> None:
    # the URL carries the print edition's day; the page shows the moment in its own time zone
    head = ("<link rel='canonical' href='https://news.example.com/2016/09/20/nyregion/arrest.html'>"
            "<meta property='article:published_time' content='2016-09-19T11:46:01.000Z'>")
    shown = "<ul><li><time datetime='2016-09-19T07:46:01-04:00'>Sept. 19, 2016</time></li></ul>"
    assert meta_of(page(head, f"<article><h1>Arrest</h1>{shown}{BODY_EN}</article>")).date == "2016-09-19"
    # without it, the URL's day (reachable from the UTC time) stays
    assert meta_of(page(head, f"<article><h1>Arrest</h1>{BODY_EN}</article>")).date == "2016-09-20"
    # a time naming another moment says nothing
    other = "<ul><li><time datetime='2016-09-18T07:46:01-04:00'>Sept. 18, 2016</time></li></ul>"
    assert meta_of(page(head, f"<article><h1>Arrest</h1>{other}{BODY_EN}</article>")).date == "2016-09-20"


def test_an_arabic_page_time_with_its_offset() -> None:
    head = ("<link rel='canonical' href='https://ar.example.net/2017/04/13/yarmouk'>"
            "<meta property='article:published_time' content='2017-04-12T21:30:00Z'>")
    shown = "<ul><li><time datetime='2017-04-13T00:30:00+03:00'>١٣ نيسان ٢٠١٧</time></li></ul>"
    assert meta_of(page(head, f"<article><h1>اتفاق في اليرموك</h1>{shown}{BODY_AR}</article>")).date == \
        "2017-04-13"
    head = head.replace("2017/04/13", "2017/04/12")
    shown = "<ul><li><time datetime='2017-04-13T00:30:00+03:00'>١٣ نيسان ٢٠١٧</time></li></ul>"
    assert meta_of(page(head, f"<article><h1>اتفاق في اليرموك</h1>{shown}{BODY_AR}</article>")).date == \
        "2017-04-13"


# --- a generic <meta name="date"> against the dateline shown ------------------------------------------


def test_a_generic_meta_date_gives_way_to_the_dateline_under_the_headline() -> None:
    head = "<meta name='date' content='2020-04-29T11:52:23'>"
    body = "<article><h1>Daten von Rheinmetall gehackt</h1><p>Stand: 28.04.2020 18:00 Uhr</p>{}</article>"
    assert meta_of(page(head, body.format(BODY_EN))).date == "2020-04-28"
    # a named publication field is not displaced
    named = "<meta property='article:published_time' content='2020-04-29T11:52:23'>"
    assert meta_of(page(named, body.format(BODY_EN))).date == "2020-04-29"
    # nor is the generic one by a date in a link (another page's) or an update line
    linked = "<article><h1>Daten gehackt</h1><p><a href='/a'>28.04.2020</a></p>{}</article>"
    assert meta_of(page(head, linked.format(BODY_EN))).date == "2020-04-29"
    updated = "<article><h1>Daten gehackt</h1><p>Aktualisiert: 30.04.2020</p>{}</article>"
    assert meta_of(page(head, updated.format(BODY_EN))).date == "2020-04-29"


def test_an_arabic_dateline_beats_a_generic_meta_date() -> None:
    head = "<meta name='date' content='2017-04-20'>"
    body = f"<article><h1>اتفاق في اليرموك</h1><p>الأربعاء 12 نيسان 2017</p>{BODY_AR}</article>"
    assert meta_of(page(head, body)).date == "2017-04-12"


# --- a UTC day and the dateline shown a day apart ------------------------------------------------------


def test_a_utc_day_gives_way_to_the_local_day_shown() -> None:
    head = "<meta property='article:published_time' content='2022-05-04T00:53:29.274Z'>"
    body = "<article><h1>Jugada del oficialismo</h1><p><time>{}</time></p>" + BODY_EN + "</article>"
    assert meta_of(page(head, body.format("3 de mayo de 2022"))).date == "2022-05-03"
    # a day no time zone reaches from 00:53 UTC (the day after) is not the page's local day
    assert meta_of(page(head, body.format("5 de mayo de 2022"))).date == "2022-05-04"


def test_an_arabic_page_utc_day_and_its_local_dateline() -> None:
    head = "<meta property='article:published_time' content='2017-04-12T22:15:00Z'>"
    body = f"<article><h1>اتفاق في اليرموك</h1><p>الخميس ١٣ نيسان ٢٠١٧</p>{BODY_AR}</article>"
    assert meta_of(page(head, body)).date == "2017-04-13"


# --- the last change shown as the page's only dateline ------------------------------------------------


def test_an_arabic_update_line_showing_the_stated_change(tmp_path: Path) -> None:
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "اتفاق في اليرموك",'
          ' "datePublished": "2017-04-03T09:00:00+03:00", "dateModified": "2017-04-12T15:00:00+03:00"}'
          "</script>")
    body = "<article><h1>اتفاق في اليرموك</h1><p>آخر تحديث: 12 نيسان 2017</p>{}</article>"
    assert doc_of(tmp_path, page(ld, body.format(BODY_AR))).date == "2017-04-12"
    # the publication day shown too: it stays the date
    shown = f"{BODY_AR}<p>نشر في 3 نيسان 2017</p>"
    assert doc_of(tmp_path, page(ld, body.format(shown))).date == "2017-04-03"


# --- where a dateline stands ----------------------------------------------------------------------------


def test_a_date_written_in_a_list_item_itself_is_no_dateline() -> None:
    root = parse(page("", "<article><h1>Agreement in Yarmouk</h1><ul><li>2 May 2016</li></ul>"
                          f"<p>12/04/2017</p>{BODY_EN}</article>"))
    assert root is not None
    assert page_meta.text_dateline(root) == "2017-04-12"


# --- a "kicker" inside the <h1> that the page declares as its title -----------------------------------


def test_an_h1_opening_with_the_declared_title_keeps_it() -> None:
    html = page("<title>Talks in Geneva: the ceasefire holds for now - Levant Monitor</title>"
                "<meta property='og:title' content='Talks in Geneva'>",
                "<article><h1><span>Talks in Geneva</span><span>:</span>"
                f"<span>the ceasefire holds for now</span></h1>{BODY_EN}</article>")
    assert meta_of(html).title == "Talks in Geneva: the ceasefire holds for now"


def test_an_arabic_h1_opening_with_the_declared_title_keeps_it() -> None:
    html = page("<title>مفاوضات جنيف: الهدنة صامدة حتى الآن - الجزيرة نت</title>"
                "<meta property='og:title' content='مفاوضات جنيف'>",
                "<article><h1><span>مفاوضات جنيف</span><span>:</span>"
                f"<span>الهدنة صامدة حتى الآن</span></h1>{BODY_AR}</article>")
    assert meta_of(html).title == "مفاوضات جنيف: الهدنة صامدة حتى الآن"


# --- a declared title the <title> holds whole beside a name of its own -------------------------------


def test_a_declared_title_held_whole_by_the_title_keeps_its_short_parts() -> None:
    html = page("<title>Jane's Shelf: [Review] Love is War - Longing by R. K. Lilley</title>"
                "<meta property='og:title' content='[Review] Love is War - Longing by R. K. Lilley'>",
                f"<article>{BODY_EN}</article>")
    assert meta_of(html).title == "[Review] Love is War - Longing by R. K. Lilley"
    # a declared title equal to the whole <title> may still carry a site name at its end
    html = page("<title>Longing by R. K. Lilley, reviewed at last - Shelf</title>"
                "<meta property='og:title' content='Longing by R. K. Lilley, reviewed at last - Shelf'>",
                f"<article>{BODY_EN}</article>")
    assert meta_of(html).title == "Longing by R. K. Lilley, reviewed at last"


def test_an_arabic_declared_title_held_whole_by_the_title() -> None:
    html = page("<title>مدونة سلمى: حوار - ماذا بعد اتفاق وقف إطلاق النار في جنيف</title>"
                "<meta property='og:title' content='حوار - ماذا بعد اتفاق وقف إطلاق النار في جنيف'>",
                f"<article>{BODY_AR}</article>")
    assert meta_of(html).title == "حوار - ماذا بعد اتفاق وقف إطلاق النار في جنيف"


def test_a_generic_meta_date_gives_way_to_a_dateline_in_the_article_header(tmp_path: Path) -> None:
    head = ("<title>Quantum Free: the best of two worlds</title>"
            "<meta name='Date' content='2022-1-26T14:32:06+02:00'>")
    body = ("<article><header><h1>Quantum Free: the best of two worlds</h1>"
            "<p><time datetime='2022-01-21'>21.01.2022 - 13:30</time></p></header>{}</article>")
    assert doc_of(tmp_path, page(head, body.format(BODY_EN))).date == "2022-01-21"
    head = "<title>اتفاق في اليرموك</title><meta name='date' content='2017-04-20'>"
    body = "<article><header><h1>اتفاق في اليرموك</h1><p>١٢ نيسان ٢٠١٧</p></header>{}</article>"
    assert doc_of(tmp_path, page(head, body.format(BODY_AR))).date == "2017-04-12"
