"""Text-page layout: days that do and do not date the page outside its datelines — the story's
"today" given with its date in its first paragraph, a dateline in another language's month above
the text, an author's update note, and the days of a list of other stories."""

from __future__ import annotations

from ingest_helpers import PARA_AR2, PARA_EN, PARA_EN2

from bicorpus.layout import analyze
from bicorpus.layout_lead_day import today_in_lead

TITLE_AR = "مجلس المحافظة يقرر تشكيل لجنة جديدة للخدمات"
TITLE_EN = "Iraqi forces launch the offensive to retake Mosul"

# --- the story's "today" with its date in its first paragraph ----------------------------------------


def test_the_story_today_with_its_date_in_the_first_paragraph_dates_the_page():
    lead_ar = ("قرر مجلس المحافظة، اليوم الثلاثاء، 09 تموز، 2024، تشكيل لجنة جديدة للخدمات "
               "تتولى متابعة المشاريع المتأخرة في الأقضية والنواحي.")
    lead_en = ("The provincial council said today, Tuesday, July 9, 2024, that a new committee "
               "will follow up the delayed projects in the districts.")
    assert analyze("\n".join([TITLE_AR, lead_ar, PARA_AR2])).date == "2024-07-09"
    assert analyze("\n".join([TITLE_EN, lead_en, PARA_EN2])).date == "2024-07-09"
    assert today_in_lead("أعلن المجلس اليوم الاثنين الموافق 8 تموز 2024 أن …") == "2024-07-08"


def test_a_weekday_and_date_without_today_does_not_date_the_page():
    # near miss: "on Tuesday, July 9" may be any day the story tells of
    lead = ("The council met on Tuesday, July 9, 2024, and said that a new committee will follow up "
            "the delayed projects in the districts.")
    assert analyze("\n".join([TITLE_EN, lead, PARA_EN2])).date is None
    assert today_in_lead("قال المجلس اليوم إن الاجتماع المقبل سيعقد في 9 تموز 2024") is None


# --- a dateline in another language's month above the text ------------------------------------------


def test_a_dateline_with_another_language_month_dates_the_page():
    for line in ("mardi 31 juillet 2012", "12. März 2019", "martes 17 de marzo de 2020"):
        text = "\n".join([line, TITLE_EN, PARA_EN, PARA_EN2])
        assert analyze(text).date in ("2012-07-31", "2019-03-12", "2020-03-17"), line


def test_a_sentence_with_another_language_month_does_not_date_the_page():
    # near miss: more words than a dateline holds
    line = "Le conseil a annoncé mardi 31 juillet 2012 la création d'un nouveau comité régional"
    text = "\n".join([TITLE_EN, line, PARA_EN, PARA_EN2])
    assert analyze(text).date is None


# --- an author's update note opening the text -------------------------------------------------------------


def test_an_update_note_opening_the_text_does_not_date_the_page():
    note = ("[Update 23 June 2022: this interview has had to be shortened on one subject at the "
            "request of the interviewee, and the text below has been changed.]")
    assert analyze("\n".join([TITLE_EN, note, PARA_EN, PARA_EN2])).date is None


def test_an_update_dateline_still_dates_the_page():
    # near miss: a dateline naming the update, no running text, is the page's dateline
    text = "\n".join([TITLE_EN, "Updated: 23 June 2022", PARA_EN, PARA_EN2])
    assert analyze(text).date == "2022-06-23"


# --- a list of other stories with their days --------------------------------------------------------------


def test_days_closing_a_list_of_other_stories_do_not_date_the_page():
    items = ["- Coalition jets strike positions west of the city - September 13, 2021",
             "- Displaced families return to their villages near Mosul - September 09, 2021",
             "- New bridge opens over the Tigris river in the old city - September 06, 2021"]
    text = "\n".join([TITLE_EN, PARA_EN, PARA_EN2, *items])
    assert analyze(text).date is None


def test_a_single_line_closing_on_its_publication_day_dates_the_page():
    # near miss: one line closing on a date after a cue, alone, is the page's date
    text = "\n".join([TITLE_EN, PARA_EN, PARA_EN2, "Published | September 13, 2021"])
    assert analyze(text).date == "2021-09-13"
