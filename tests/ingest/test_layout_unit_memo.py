"""A short line met again (a site's header, navigation and boilerplate repeat on every page) gets the
features it got before, at its own place in the page: the units a fresh reading would give."""

from __future__ import annotations

from bicorpus.layout import SHAPE_MAX_CHARS, make_unit, units_of

PAGE = (
    "أخبار المركز\n"
    "• د. أحمد سالم يكتب: (الطريق إلى دير الزور)\n"
    "Home | About | Contact\n"
    "12 April, 2017\n\n"
    "Fighters of Jabhat al-Nusra entered the town. " * 12 + "\n\n"
    "Home | About | Contact\n"
    "جميع الحقوق محفوظة\n"
)


def _fresh(text: str) -> list:
    return [make_unit(text, u.start, u.end) for u in units_of(text)]


def test_repeated_lines_keep_their_own_offsets_and_the_features_of_a_fresh_reading() -> None:
    first = units_of(PAGE)
    shifted = "\n\n" + PAGE  # every line again, two characters further on
    again = units_of(shifted)
    assert first == _fresh(PAGE)
    assert again == _fresh(shifted)
    assert [u.start + 2 for u in first] == [u.start for u in again]
    assert all(shifted[u.start:u.end] == u.text for u in again)
    navigation = [u for u in again if u.text == "Home | About | Contact"]
    assert len(navigation) == 2 and navigation[0].start != navigation[1].start
    assert any(len(u.text) > SHAPE_MAX_CHARS for u in again)  # the long paragraph is read as ever
