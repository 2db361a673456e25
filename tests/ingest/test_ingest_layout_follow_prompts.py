"""Text-page layout rules: a call to follow the site's news — the site named after `Follow:`, all the
latest news offered (`Track Latest News Live on …`, `تابع كل الأخبار`) — is boilerplate; a sentence
saying someone followed the news stays text."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

TITLE_EN = "Talks on the new cabinet go on in Erbil"
TITLE_AR = "هيئة تحرير الشام تسيطر على إدلب"


def test_calls_to_follow_the_sites_news_are_boilerplate():
    for line in ("Follow: Erbil Daily News",
                 "Track Latest News Live on example.com and get news updates from the region and the world",
                 "Get the latest news delivered to your inbox"):
        got = regions("\n".join([TITLE_EN, PARA_EN, PARA_EN2, line]))
        assert got[line] == "boilerplate", line
        assert got[PARA_EN] == got[PARA_EN2] == "body"
    for line in ("تــابــع كــل الأخــبــار.", "تابعونا: أخبار أربيل اليوم", "تابعوا آخر الأخبار على موقعنا"):
        got = regions("\n".join([TITLE_AR, PARA_AR, PARA_AR2, line]))
        assert got[line] == "boilerplate", line
        assert got[PARA_AR] == got[PARA_AR2] == "body"


def test_sentences_about_following_the_news_stay_text():
    for said, title, a, b in (
        ("Followers of the latest news from Erbil were surprised by the vote, the agency said.",
         TITLE_EN, PARA_EN, PARA_EN2),
        ("تابع آخر التطورات الميدانية في حلب، وقال إن المعارك لم تتوقف منذ الصباح في الأحياء الشرقية.",
         TITLE_AR, PARA_AR, PARA_AR2),
        ("تابع: وأضاف الوزير أن المحادثات ستستأنف الأسبوع المقبل في أربيل بحضور الوفدين.", TITLE_AR, PARA_AR,
         PARA_AR2),
    ):
        got = regions("\n".join([title, a, said, b]))
        assert got[said] == "body", said
