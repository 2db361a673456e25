"""Text-page layout rules: the labels of a page's widgets — a counter with today's count, a media
player loading, a report's audio announced by its listen cue, a story's status, a font-size
widget — are boilerplate; sentences using the same words stay text."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

TITLE_EN = "Talks on the new cabinet go on in Erbil"
TITLE_AR = "هيئة تحرير الشام تسيطر على إدلب"


def test_widget_labels_are_boilerplate():
    for line in ("1,024 total views, 3 today", "Loading the player...", "Developing story"):
        got = regions("\n".join([TITLE_EN, PARA_EN, PARA_EN2, line, PARA_EN]))
        assert got[line] == "boilerplate", line
        assert got[PARA_EN2] == "body"
    for line in ("جاري تحميل الفيديو...", "استمع إلى تقرير مراسلنا في أربيل عن المحادثات:",
                 "قصة قيد التطور", "ت + ت - الحجم الطبيعي", "512 مشاهدة، 7 اليوم"):
        got = regions("\n".join([TITLE_AR, PARA_AR, PARA_AR2, line, PARA_AR]))
        assert got[line] == "boilerplate", line
        assert got[PARA_AR2] == "body"


def test_sentences_with_widget_words_stay_text():
    for said in ("The video drew 1,024 views on its first day, and its makers said they were surprised.",
                 "Listen to the families of the missing, the envoy told the council, before it is too late."):
        got = regions("\n".join([TITLE_EN, PARA_EN, said, PARA_EN2]))
        assert got[said] == "body", said
    said = "واستمع الوفد إلى شرح مفصل من المسؤولين عن الوضع الإنساني في المدينة وحاجات السكان فيها."
    got = regions("\n".join([TITLE_AR, PARA_AR, said, PARA_AR2]))
    assert got[said] == "body"
