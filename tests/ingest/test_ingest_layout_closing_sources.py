"""Text-page layout rules: the story's source or wire credit closing it — `Source(s): …`, a wire's
reporting and editing credit with long names, the source after `نقلا عن`, an outlet alone in
brackets — and a picture's copyright credit are boilerplate."""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

TITLE_EN = "Talks on the new cabinet go on in Erbil"
TITLE_AR = "هيئة تحرير الشام تسيطر على إدلب"


def test_a_source_closing_the_story_is_boilerplate():
    for line in ("Source(s): Kurdistan24, agencies",
                 "(Reporting by Jane Roe, John Doe and Richard Miles in Erbil; "
                 "Editing by Mary Major, Tom Minor)",
                 "[Rudaw]"):
        got = regions("\n".join([TITLE_EN, PARA_EN, PARA_EN2, line]))
        assert got[line] == "boilerplate", line
        assert got[PARA_EN] == got[PARA_EN2] == "body"
    for line in ("نقلا عن شبكة رووداو .", "[الجزيرة]"):
        got = regions("\n".join([TITLE_AR, PARA_AR, PARA_AR2, line]))
        assert got[line] == "boilerplate", line
        assert got[PARA_AR] == got[PARA_AR2] == "body"


def test_a_pictures_copyright_credit_is_boilerplate():
    for line, title, a, b in (("Image copyright Jane Roe", TITLE_EN, PARA_EN, PARA_EN2),
                              ("حقوق الصورة: جين رو", TITLE_AR, PARA_AR, PARA_AR2)):
        got = regions("\n".join([title, a, b, line, a]))
        assert got[line] == "boilerplate", line
        assert got[b] == "body"


def test_sources_named_inside_the_text_stay_text():
    said = "نقلا عن مصادر محلية، قال ناشطون إن الاشتباكات تجددت في المدينة صباح اليوم وأسفرت عن قتلى."
    got = regions("\n".join([TITLE_AR, PARA_AR, PARA_AR2, said]))
    assert got[said] == "body"
    for said in ("Image copyright rules were tightened in 2019, the ministry said.",
                 "[The statement was later withdrawn from the ministry's website.]"):
        got = regions("\n".join([TITLE_EN, PARA_EN, said, PARA_EN2]))
        assert got[said] == "body", said
