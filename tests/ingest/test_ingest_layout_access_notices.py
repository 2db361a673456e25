"""Text-page layout rules: a site's notices about access to the article — for subscribers or
registered readers only, buy or try a subscription, the terms a sign-up binds to, an entry given
in another language only — are boilerplate where a paywall or a plugin cuts the text."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

from bicorpus.layout_notices import access_notice


def test_a_notice_for_registered_readers_is_boilerplate():
    notices = ["This article is for registered users. Please log in to continue reading.",
               "If you have no account, you may purchase a subscription or sign up for a free trial."]
    text = "\n".join(["Talks go on in Erbil", PARA_EN, *notices, PARA_EN2])
    got = regions(text)
    for notice in notices:
        assert got[notice] == "boilerplate", notice
    assert got[PARA_EN] == got[PARA_EN2] == "body"


def test_arabic_notices_for_subscribers_are_boilerplate():
    notices = ["هذا المقال مخصص للمشتركين فقط",
               "اشترك الآن للوصول إلى هذا المقال وجميع المحتويات، ولا تفوت أي خبر يهمك."]
    text = "\n".join(["هيئة تحرير الشام تسيطر على إدلب", PARA_AR, *notices, PARA_AR2])
    got = regions(text)
    for notice in notices:
        assert got[notice] == "boilerplate", notice
    assert got[PARA_AR] == got[PARA_AR2] == "body"


def test_sign_up_terms_and_language_notices_under_the_text_are_boilerplate():
    for notice in ("By signing up, you agree to our terms of use and privacy policy.",
                   "Sorry, this entry is only available in Kurdish."):
        text = "\n".join(["Talks go on in Erbil", PARA_EN, PARA_EN2, notice])
        assert regions(text)[notice] == "boilerplate", notice


def test_sentences_about_subscriptions_or_languages_stay_text():
    for said in ("By signing the treaty, the government agreed to open the border crossings.",
                 "The report is available in Arabic and English on the ministry's website.",
                 "The article is available in three languages, the agency said.",
                 "The newspaper said its subscribers had doubled since the war began.",
                 "وقالت الصحيفة إن هذا المقال مخصص لشرح موقف الحكومة من الاتفاق.",
                 "وسجل الدخول إلى المدينة تراجعاً كبيراً خلال الأسبوع الماضي."):
        assert not access_notice(said), said
