"""Page metadata rules for classes of pages: a kicker inside the <h1>, datelines with other
languages' month names, a day stored as local midnight in UTC, one moment written twice."""

from __future__ import annotations

from pathlib import Path

from ingest_helpers import processed

from bicorpus.readers.html import PageMeta, parse
from bicorpus.readers.page_meta import read_page_meta, text_dateline

BODY_EN = ("<p>The agreement between the leaders of the two groups came as a surprise to most observers "
           "of the conflict in northern Syria, where they had fought each other for years.</p>")
BODY_AR = ("<p>أعلنت هيئة تحرير الشام السيطرة على مدينة إدلب بعد معارك عنيفة مع فصائل المعارضة الأخرى "
           "استمرت عدة أيام، وسط نزوح آلاف المدنيين نحو الحدود التركية.</p>")


def page(head: str, body: str, attrs: str = "") -> str:
    return f"<html{attrs}><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def meta_of(html: str) -> PageMeta:
    root = parse(html)
    assert root is not None
    return read_page_meta(root)


# --- a kicker inside the <h1> ----------------------------------------------------------------------


def test_kicker_element_marked_as_one_is_not_part_of_the_headline() -> None:
    html = page("<title>Idlib: Fighting resumes after the truce | Levant Monitor</title>",
                "<article><h1><span class='article-kicker'>Idlib</span> <span class='article-title'>"
                f"Fighting resumes after the truce</span></h1>{BODY_EN}</article>")
    assert meta_of(html).title == "Fighting resumes after the truce"


def test_arabic_kicker_marked_as_one_is_not_part_of_the_headline() -> None:
    html = page("<title>إدلب: الهيئة تسيطر على المدينة - شبكة الشام</title>",
                "<article><h1><small>إدلب</small><br>الهيئة تسيطر على المدينة</h1>"
                f"{BODY_AR}</article>", " lang='ar' dir='rtl'")
    assert meta_of(html).title == "الهيئة تسيطر على المدينة"


def test_unmarked_kicker_dropped_when_the_declared_title_gives_the_headline_apart() -> None:
    # the <title> separates the headline from a shorter topic by a colon: the <h1>'s first element
    # is that topic
    html = page("<title>Energy transition: Government slows bioenergy, industry protests</title>",
                "<article><h1><span>Price brake</span> "
                f"<span>Government slows bioenergy, industry protests</span></h1>{BODY_EN}</article>")
    assert meta_of(html).title == "Government slows bioenergy, industry protests"


def test_h1_opening_with_a_plain_element_stays_whole() -> None:
    # nothing marks "Trump" as a kicker and no declared title gives the rest apart
    html = page("<title>Trump says he will run again | Levant Monitor</title>",
                f"<article><h1><b>Trump</b> says he will run again</h1>{BODY_EN}</article>")
    assert meta_of(html).title == "Trump says he will run again"


def test_kicker_that_is_the_whole_wrapper_is_looked_inside() -> None:
    html = page("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
                "\"headline\": \"Truce talks resume in Doha\"}</script>",
                "<article><h1><span class='post-title'><small>Week in review</small><br>"
                f"Truce talks resume in Doha</span></h1>{BODY_EN}</article>")
    assert meta_of(html).title == "Truce talks resume in Doha"


def test_h1_named_by_og_title_beats_a_page_label_h1_named_by_title() -> None:
    html = page("<title>News - Levant Monitor</title>"
                "<link rel='canonical' href='https://www.levantmonitor.com/news/truce'>"
                "<meta property='og:title' content='Fighting resumes after the truce'>",
                f"<h1>News</h1><article><h1>Fighting resumes after the truce</h1>{BODY_EN}</article>")
    assert meta_of(html).title == "Fighting resumes after the truce"


def test_longest_h1_agreeing_with_a_title_part_is_the_headline() -> None:
    html = page("<title>الشام نت - أخبار - الهيئة تسيطر على مدينة إدلب</title>",
                "<h1>الشام</h1><h1>أخبار</h1><article><h1>الهيئة تسيطر على مدينة إدلب</h1>"
                f"{BODY_AR}</article>", " lang='ar' dir='rtl'")
    assert meta_of(html).title == "الهيئة تسيطر على مدينة إدلب"


def test_blog_post_title_at_its_blog_name() -> None:
    cases = (("Autumn leaves at the camp (2) @ Steven's home :: PIXNET ::", "Autumn leaves at the camp (2)"),
             ("رحلة إلى الجبل @ مدونة سامر", "رحلة إلى الجبل"))
    for title, want in cases:
        html = page(f"<title>{title}</title>", "<div><p>Text of the post about the camp.</p></div>")
        assert meta_of(html).title == want, title


def test_cjk_title_with_full_width_separator_after_the_h1() -> None:
    titles = ("メディア芸術祭賞が受賞：朝日新聞デジタル",
              "気軽に新聞をスクラップできる「ペン」 ｜ ガジェット通信 GetNews")
    for title in titles:
        headline = title.split("：")[0].split(" ｜")[0]
        html = page(f"<title>{title}</title>", f"<article><h1>{headline}</h1><p>本文です。</p></article>")
        assert meta_of(html).title == headline, title


def test_site_name_glued_to_the_headline_by_a_colon_or_underscore() -> None:
    cases = (("<title>マインドマップ風のツリーを描画できる「Treeviz」:phpspot開発日誌</title>"
              "<link rel='canonical' href='https://phpspot.org/blog/archives/2019/04/treeviz.html'>",
              "マインドマップ風のツリーを描画できる「Treeviz」"),
             ("<title>الهيئة تسيطر على إدلب:الجزيرة نت</title>"
              "<meta property='og:site_name' content='الجزيرة نت'>", "الهيئة تسيطر على إدلب"),
             ("<title>Ceasefire holds in Idlib_Levant Monitor</title>"
              "<meta property='og:site_name' content='Levant Monitor'>", "Ceasefire holds in Idlib"))
    for head, want in cases:
        assert meta_of(page(head, "<div><p>Text of the article.</p></div>")).title == want, want


def test_time_in_a_title_is_not_a_separator() -> None:
    html = page("<title>Polls close at 10:30 in Idlib</title>"
                "<meta property='og:site_name' content='Levant Monitor'>",
                "<div><p>Text of the article.</p></div>")
    assert meta_of(html).title == "Polls close at 10:30 in Idlib"


# --- datelines with other languages' months --------------------------------------------------------


def test_spanish_dateline_before_the_headline_gives_the_date() -> None:
    html = page("<title>Cae el precio del petróleo</title>",
                "<div><p>/ martes 17 de marzo de 2020</p><h1>Cae el precio del petróleo</h1>"
                "<p>El barril de petróleo mexicano de exportación se desplomó este martes respecto al "
                "viernes, desde el 6 de marzo de 2002 no se veía un precio tan bajo.</p></div>")
    assert meta_of(html).date == "2020-03-17"


def test_russian_dateline_after_the_headline_beats_teaser_dates() -> None:
    html = page("<title>Подольски завершил карьеру</title>",
                "<ul><li><span>13 июля 2016, 17:37</span> Другая новость</li></ul>"
                "<h1>Подольски завершил карьеру</h1><div class='date'>15 августа 2016, 13:43</div>"
                "<p>Нападающий сборной Германии объявил о завершении карьеры в национальной команде.</p>")
    assert meta_of(html).date == "2016-08-15"


def test_persian_dateline_with_persian_digits() -> None:
    root = parse(page("", "<h1>خبر</h1><span>۲۲ ژوئن ۲۰۲۰</span><p>متن خبر</p>"))
    assert root is not None
    assert text_dateline(root) == "2020-06-22"


def test_arabic_and_numeric_datelines_beat_a_teaser_date_in_a_list() -> None:
    cases = (("الأربعاء ١٢ نيسان ٢٠١٧م", "2017-04-12"), ("15 رجب 1438هـ - 12 أبريل 2017م", "2017-04-12"),
             ("دمشق - الخميس 3 أيار/مايو 2018", "2018-05-03"), ("نشر في : 03/09/2018", "2018-09-03"),
             ("Stand: 28.04.2020 18:00 Uhr", "2020-04-28"))
    for dateline, want in cases:
        root = parse(page("", "<ul><li><span>1 يناير 2015</span></li></ul><h1>عنوان الخبر</h1>"
                              f"<span>{dateline}</span><p>نص الخبر الذي يتحدث عن الأحداث في المدينة.</p>"))
        assert root is not None
        assert text_dateline(root) == want, dateline


def test_page_without_stated_date_takes_its_dateline_over_an_older_sidebar_date() -> None:
    html = page("<title>Truce talks resume</title>",
                "<div class='teaser'><p>Older post: 11.09.2018</p></div><h1>Truce talks resume</h1>"
                f"<p>30.09.2018</p>{BODY_EN}<div><p>Comment of 02.10.2018</p></div>")
    assert meta_of(html).date == "2018-09-30"


def test_cjk_sentence_with_a_date_is_no_dateline() -> None:
    sentence = "宅配便業者をかたる偽ショートメッセージで、また新たな手口が出現（2019/3/20）"
    root = parse(page("", f"<h1>注意喚起</h1><p>{sentence}</p>"))
    assert root is not None
    assert text_dateline(root) is None


def test_dateline_shown_beats_the_day_of_the_url(tmp_path: Path) -> None:
    for dateline, body in (("Sept. 19, 2016", BODY_EN), ("الإثنين 19 أيلول 2016", BODY_AR)):
        html = page("<title>Suspect arrested in bombings</title>"
                    "<link rel='canonical' href='https://www.example-news.com/2016/09/20/nyregion/bombings.html'>",
                    f"<article><h1>Suspect arrested in bombings</h1><p>{dateline}</p>{body}</article>")
        path = tmp_path / "page.html"
        path.write_text(html, "utf-8")
        _src, doc, _passages = processed(path)
        assert doc.date == "2016-09-19", dateline


def test_day_of_the_url_without_a_dateline_stays(tmp_path: Path) -> None:
    html = page("<title>Suspect arrested in bombings</title>"
                "<link rel='canonical' href='https://www.example-news.com/2016/09/20/nyregion/bombings.html'>",
                f"<article><h1>Suspect arrested in bombings</h1>{BODY_EN}</article>")
    path = tmp_path / "page.html"
    path.write_text(html, "utf-8")
    _src, doc, _passages = processed(path)
    assert doc.date == "2016-09-20"


def test_a_month_named_in_a_sentence_is_no_dateline() -> None:
    root = parse(page("", "<h1>Neubau</h1><p>Der Tunnel wird vom 24. April bis 2. Oktober 2017 gesperrt, "
                          "sagte die Behörde am Montag in Wien.</p>"))
    assert root is not None
    assert text_dateline(root) is None


def test_arabic_dateline_still_read_from_the_text(tmp_path: Path) -> None:
    # Arabic months are bicorpus.dates's: a page whose markup states no day takes the Levantine
    # "12 نيسان 2017م" of its dateline, and the Egyptian month with Arabic-Indic digits the same
    for dateline in ("دمشق - 12 نيسان 2017م", "القاهرة - ١٢ أبريل ٢٠١٧"):
        html = page("<title>الهيئة تسيطر على إدلب</title>",
                    f"<article><h1>الهيئة تسيطر على إدلب</h1><p>{dateline}</p>{BODY_AR}</article>",
                    " lang='ar' dir='rtl'")
        path = tmp_path / "page.html"
        path.write_text(html, "utf-8")
        _src, doc, _passages = processed(path)
        assert doc.date == "2017-04-12", dateline


def test_english_dateline_keeps_its_reading(tmp_path: Path) -> None:
    html = page("<title>Fighting resumes in Idlib</title>",
                f"<article><h1>Fighting resumes in Idlib</h1><p>April 12, 2017</p>{BODY_EN}</article>")
    path = tmp_path / "page.html"
    path.write_text(html, "utf-8")
    _src, doc, _passages = processed(path)
    assert doc.date == "2017-04-12"


# --- UTC and local days ----------------------------------------------------------------------------


def test_local_midnight_stored_in_utc_gives_the_local_day() -> None:
    html = page("<meta property='article:published_time' content='2021-11-04T23:00:00.000Z'>"
                "<link rel='canonical' href='https://www.kas.de/de/laenderberichte/wahlen'>",
                f"<article><h1>Kommunalwahlen in Nordmazedonien</h1>{BODY_EN}</article>")
    assert meta_of(html).date == "2021-11-05"


def test_utc_time_of_day_keeps_its_utc_day_whatever_the_region() -> None:
    html = page("<meta property='article:published_time' content='2019-12-26T23:07:45+00:00'>"
                "<link rel='canonical' href='https://www.talent.ch/?p=5031'>",
                f"<article><h1>Ein Artikel</h1>{BODY_EN}</article>", " lang='de-CH'")
    assert meta_of(html).date == "2019-12-26"


def test_local_timestamp_hours_away_is_not_the_same_moment() -> None:
    # a <time> 20 hours later (a comment's, an update's) is not the published moment in local time
    html = page("<meta property='article:published_time' content='2015-12-12T05:00:37+00:00'>",
                "<article><h1>Drei Jahre</h1><time datetime='2015-12-13T01:10:03+01:00'>13.12.2015</time>"
                f"{BODY_EN}</article>")
    assert meta_of(html).date == "2015-12-12"


def test_same_moment_with_an_offset_gives_the_local_day() -> None:
    html = page("<meta property='article:published_time' content='2020-02-25T02:25:54Z'>"
                "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
                "\"datePublished\": \"2020-02-24T21:25:54-05:00\"}</script>",
                f"<article><h1>Ein Artikel</h1>{BODY_EN}</article>")
    assert meta_of(html).date == "2020-02-24"


# --- a page drawn by scripts -----------------------------------------------------------------------


def _script_page(head: str, attrs: str = "") -> str:
    return page(head, "<div id='root'></div><script>window.__DATA__ = {\"story\": 1};</script>", attrs)


def test_page_without_visible_text_keeps_its_declared_title_and_date(tmp_path: Path) -> None:
    html = _script_page("<meta property='og:title' content='2 women killed in western Nebraska crash'>"
                        "<meta property='og:description' content='Two women died and three children were "
                        "hurt when their car left the road near Ogallala on Monday.'>"
                        "<meta property='article:published_time' content='2022-03-28T12:58:57+00:00'>")
    path = tmp_path / "page.html"
    path.write_text(html, "utf-8")
    src, doc, passages = processed(path)
    assert doc.title == "2 women killed in western Nebraska crash"
    assert doc.date == "2022-03-28"
    assert src.text.startswith("2 women killed in western Nebraska crash\n\nTwo women died")
    assert any("Ogallala" in p.text for p in passages)


def test_arabic_page_without_visible_text_keeps_its_declared_title(tmp_path: Path) -> None:
    html = _script_page("<title>الهيئة تسيطر على إدلب - شبكة الشام</title>"
                        "<meta property='og:site_name' content='شبكة الشام'>"
                        "<meta name='description' content='أعلنت هيئة تحرير الشام السيطرة على مدينة إدلب.'>",
                        " lang='ar' dir='rtl'")
    path = tmp_path / "page.html"
    path.write_text(html, "utf-8")
    _src, doc, _passages = processed(path)
    assert doc.title == "الهيئة تسيطر على إدلب"


def test_page_without_visible_text_or_title_is_still_refused(tmp_path: Path) -> None:
    import pytest

    from bicorpus.sources import SourceError, read_source

    path = tmp_path / "page.html"
    path.write_text(_script_page("<meta name='robots' content='noindex'>"), "utf-8")
    with pytest.raises(SourceError, match="no visible text"):
        read_source(path)
