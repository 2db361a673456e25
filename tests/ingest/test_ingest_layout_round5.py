"""Text-page layout rules: a news agency's desk initials closing the story, …"""

from __future__ import annotations

from ingest_helpers import PARA_AR, PARA_AR2, PARA_EN, PARA_EN2, regions

# --- the end of the article --------------------------------------------------------------------------


def test_desk_initials_closing_the_story_are_boilerplate():
    for initials in ("str-lar/nad/sbk", "Amal/zak"):
        text = "\n".join(["Talks go on in Erbil", PARA_EN, PARA_EN2, initials])
        got = regions(text)
        assert got[initials] == "boilerplate", initials
        assert got[PARA_EN] == got[PARA_EN2] == "body"
    for initials in ("ع ح/ م ش", "ع.ح/م.ش"):
        text = "\n".join(["هيئة تحرير الشام تسيطر على إدلب", PARA_AR, PARA_AR2, initials])
        got = regions(text)
        assert got[initials] == "boilerplate", initials
        assert got[PARA_AR] == got[PARA_AR2] == "body"


