"""Site chrome above a text page's article: the headline given again with the site's name or a
breadcrumb glued to it, and the site's clock between the title and the text."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.layout import analyze

HEADLINE_AR = "تركيا تسمح بمرور السوريين عبر معبر باب الهوى"
HEADLINE_EN = "Turkey Reopens the Bab al-Hawa Crossing for Syrians"


def test_a_headline_with_the_site_name_glued_to_it_is_chrome_and_the_bare_copy_the_title():
    arabic = "\n".join([HEADLINE_AR, "آخر تحديث GMT04:59:17", "العرب اليوم -",
                        f"العرب اليوم - {HEADLINE_AR}", PARA_AR, PARA_AR2])
    assert analyze(arabic).title == HEADLINE_AR
    got = regions(arabic)
    assert got[f"العرب اليوم - {HEADLINE_AR}"] == "site-header"
    assert got["آخر تحديث GMT04:59:17"] == "site-header"  # the site's clock, not a standfirst
    text = "\n".join([HEADLINE_EN, "Last update GMT04:59:17", "Arab Daily -",
                      f"Arab Daily - {HEADLINE_EN}", PARA_EN, PARA_EN2])
    assert analyze(text).title == HEADLINE_EN
    got = regions(text)
    assert got[f"Arab Daily - {HEADLINE_EN}"] == "site-header"
    assert got["Last update GMT04:59:17"] == "site-header"


def test_a_breadcrumb_without_separators_ending_in_the_headline_is_chrome():
    arabic = "\n".join([f"الرئيسية تحقيقات مواضيعية {HEADLINE_AR}", HEADLINE_AR, PARA_AR, PARA_AR2])
    assert analyze(arabic).title == HEADLINE_AR
    assert regions(arabic)[f"الرئيسية تحقيقات مواضيعية {HEADLINE_AR}"] == "site-header"
    text = "\n".join([f"Home Investigations Topics {HEADLINE_EN}", HEADLINE_EN, PARA_EN, PARA_EN2])
    assert analyze(text).title == HEADLINE_EN
    assert regions(text)[f"Home Investigations Topics {HEADLINE_EN}"] == "site-header"


def test_a_longer_headline_that_only_opens_like_another_stays_the_title():
    # Seven words or more beyond the shorter line: a headline of its own, not chrome around a copy.
    short = "Turkey Reopens the Crossing"
    long = f"{short} After Months of Talks With the Syrian Opposition and Ankara"
    text = "\n".join([short, long, PARA_EN, PARA_EN2])
    assert analyze(text).title == long
