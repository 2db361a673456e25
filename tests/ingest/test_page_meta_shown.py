"""Page metadata from HTML: the day and the headline the page shows beside what it declares."""

from __future__ import annotations

from pathlib import Path

from test_page_meta import BODY_AR, BODY_EN, meta_of, page
from test_page_meta_near import doc_of

from bicorpus.readers import page_meta

# --- a dateline showing the day the metadata gives as the last change -------------------------------


def test_a_dateline_showing_the_modified_day_is_the_date(tmp_path: Path) -> None:
    head = ("<title>Agreement in Yarmouk</title>"
            "<meta property='article:published_time' content='2017-04-03T09:00:00+02:00'>"
            "<meta property='article:modified_time' content='2017-04-12T15:00:00+02:00'>")
    html = page(head, f"<article><h1>Agreement in Yarmouk</h1><p>12/04/2017</p>{BODY_EN}</article>")
    assert doc_of(tmp_path, html).date == "2017-04-12"
    # a dateline showing neither stated day does not displace the publication day
    html = page(head, f"<article><h1>Agreement in Yarmouk</h1><p>20/04/2017</p>{BODY_EN}</article>")
    assert doc_of(tmp_path, html).date == "2017-04-03"
    # an update line showing the stated change is the date when the page shows no other day ...
    html = page(head, "<article><h1>Agreement in Yarmouk</h1><p>Updated: 12/04/2017</p>"
                      f"{BODY_EN}</article>")
    assert doc_of(tmp_path, html).date == "2017-04-12"
    # ... not when the page also shows its publication day
    html = page(head, "<article><h1>Agreement in Yarmouk</h1><p>Updated: 12/04/2017</p>"
                      f"{BODY_EN}<p>Published 3 April 2017</p></article>")
    assert doc_of(tmp_path, html).date == "2017-04-03"


def test_an_arabic_dateline_showing_the_json_ld_modified_day_is_the_date(tmp_path: Path) -> None:
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "اتفاق في اليرموك",'
          ' "datePublished": "2017-04-03T09:00:00+03:00", "dateModified": "2017-04-12T15:00:00+03:00"}'
          "</script>")
    html = page(f"<title>اتفاق في اليرموك</title>{ld}",
                f"<article><h1>اتفاق في اليرموك</h1><p>12/04/2017</p>{BODY_AR}</article>")
    assert doc_of(tmp_path, html).date == "2017-04-12"


def test_the_modified_day_is_among_the_other_stated_days() -> None:
    html = page("<meta property='article:published_time' content='2017-04-03'>"
                "<meta property='article:modified_time' content='2017-04-12'>",
                f"<article>{BODY_EN}</article>")
    meta = meta_of(html)
    assert meta.date == "2017-04-03"
    assert meta.other_dates == ("2017-04-12",)


# --- a dateline written with a month name of another language, under the headline -----------------


def test_month_dateline_reads_a_short_line_not_a_sentence() -> None:
    assert page_meta.month_dateline("20. März 2021 - 15:00 Uhr") == "2021-03-20"
    assert page_meta.month_dateline("04 de mayo 2022, 12:00") == "2022-05-04"
    sentence = "Le comité s'est réuni le 4 mai 2022 pour voter le budget de la ville"
    assert page_meta.month_dateline(sentence) is None
    assert page_meta.month_dateline("12/04/2017") is None  # no month name: the layout's own reading


def test_a_german_dateline_under_the_headline_showing_the_modified_day(tmp_path: Path) -> None:
    head = ("<title>Einigung in Jarmuk</title>"
            "<meta property='article:published_time' content='2021-03-16T09:00:00+01:00'>"
            "<meta property='article:modified_time' content='2021-03-20T15:00:00+01:00'>")
    html = page(head, "<article><h1>Einigung in Jarmuk</h1><p>20. März 2021 - 15:00 Uhr</p>"
                      f"{BODY_EN}</article>")
    assert doc_of(tmp_path, html).date == "2021-03-20"


# --- titles --------------------------------------------------------------------------------------


def test_the_h1_keeps_the_spacing_of_the_declared_title() -> None:
    # the h1's inline elements are joined with a space the page does not show
    html = page("<title>Women in the Red Crescent: past, present and future</title>",
                "<article><h1>Women in the Red Crescent<span>:</span> past, present and future</h1>"
                f"{BODY_EN}</article>")
    assert meta_of(html).title == "Women in the Red Crescent: past, present and future"
    html = page("<title>نساء الهلال الأحمر: الماضي والحاضر والمستقبل</title>",
                "<article><h1>نساء الهلال الأحمر<span>:</span> الماضي والحاضر والمستقبل</h1>"
                f"{BODY_AR}</article>")
    assert meta_of(html).title == "نساء الهلال الأحمر: الماضي والحاضر والمستقبل"


def test_an_h1_repeated_for_two_screen_sizes_counts_once() -> None:
    headline = "Fighting resumes on the outskirts of Idlib after two weeks of calm"
    html = page("<title>Levant Monitor</title>",
                f"<div class='mobile'><h1>{headline}</h1></div><div class='desktop'><h1>{headline}</h1></div>"
                f"<article>{BODY_EN}</article>")
    assert meta_of(html).title == headline
    headline = "تجدد الاشتباكات في محيط إدلب بعد أسبوعين من الهدوء"
    html = page("<title>مرصد الشام</title>",
                f"<div class='mobile'><h1>{headline}</h1></div><div class='desktop'><h1>{headline}</h1></div>"
                f"<article>{BODY_AR}</article>")
    assert meta_of(html).title == headline


def test_an_h1_equal_to_the_declared_title_after_its_kicker_and_colon() -> None:
    headline = "لا لإغلاق جوقة الإذاعة الوطنية الوحيدة في البلاد"
    html = page(f"<meta property='og:title' content='عريضة: {headline}'><title>عريضة: {headline}</title>",
                f"<article><h1>{headline}</h1>{BODY_AR}</article>"
                "<aside><h1>تسجيل الدخول إلى الموقع</h1></aside>")
    assert meta_of(html).title == headline


# --- a day of eight digits inside a URL's name ---------------------------------------------------


def test_url_day_reads_eight_digits_inside_a_name() -> None:
    assert page_meta.url_day("https://example.org/security/alert20170412.html") == "2017-04-12"
    assert page_meta.url_day("https://example.org/news/yarmouk-deal-20170412-nu3rk") == "2017-04-12"
    assert page_meta.url_day("https://example.org/news/201704123/yarmouk") is None  # nine digits: an id
    assert page_meta.url_day("https://example.org/news/20171312-yarmouk") is None  # no 13th month


def test_the_canonical_url_of_a_syndicated_page_gives_its_day() -> None:
    html = page("<title>اتفاق في اليرموك</title>"
                "<link rel='canonical' href='https://example.org/news/yarmouk-deal-20170412'>",
                f"<article><h1>اتفاق في اليرموك</h1>{BODY_AR}</article>"
                "<footer><a href='https://example.org/archive/2017/04/14/other'>أرشيف</a></footer>")
    # the URL the page declares, not a link to another page's day further down the markup
    assert meta_of(html).date == "2017-04-12"


# --- an <h1> beside a longer or different version of it in the declared title ----------------------


def test_an_h1_the_declared_title_opens_with_and_goes_on_from() -> None:
    html = page("<meta property='og:title' content='Lentil soup with cumin by jane | Kitchen Club'>"
                "<meta property='og:site_name' content='Kitchen Club'>",
                f"<h1>Lentil-soup-with-cumin</h1><h1>Join the club</h1><article>{BODY_EN}</article>")
    assert meta_of(html).title == "Lentil-soup-with-cumin"
    html = page("<title>اتفاق في اليرموك بين الفصيلين، دمشق</title>",
                "<h1>أخبار</h1><h1>اتفاق في اليرموك بين الفصيلين</h1><h1>تعليقات القراء على الخبر</h1>"
                f"<article>{BODY_AR}</article>")
    assert meta_of(html).title == "اتفاق في اليرموك بين الفصيلين"


def test_an_h1_and_a_declared_title_sharing_their_first_part_are_two_versions() -> None:
    html = page("<title>Leasing, credit or cash – which pays?</title>",
                f"<h1>Leasing, credit or cash – which is cheaper?</h1><article>{BODY_EN}</article>")
    assert meta_of(html).title == "Leasing, credit or cash – which is cheaper?"
    html = page("<title>الإيجار أم الشراء – أيهما أربح؟</title>",
                f"<h1>الإيجار أم الشراء – أيهما أرخص اليوم؟</h1><article>{BODY_AR}</article>")
    assert meta_of(html).title == "الإيجار أم الشراء – أيهما أرخص اليوم؟"


def test_a_kicker_before_the_declared_headline_in_the_h1_is_still_cut() -> None:
    # the declared title goes on with the site's name, not with words of its own
    html = page("<title>Jane Doe elected president | Church Radio - Catholic news</title>"
                "<meta property='og:site_name' content='Church Radio'>",
                f"<h1>\"Reform now\" / Jane Doe elected president</h1><article>{BODY_EN}</article>")
    assert meta_of(html).title == "Jane Doe elected president"
