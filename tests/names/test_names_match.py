"""match(a, b): tiers and scores for names in any scripts."""

import pytest

from bicorpus.names import NameMatch, match
from bicorpus.names.matching import near_keys


def tier(a: str, b: str) -> str | None:
    found = match(a, b)
    return found.tier if found else None


def test_exact() -> None:
    found = match("Raqqa", "Raqqa")
    assert isinstance(found, NameMatch) and found.tier == "exact" and found.score == 1.0


@pytest.mark.parametrize("a, b", [
    ("raqqa", "RAQQA"), ("Hay'at", "Hay’at"), ("al-Nusra", "al Nusra"), ("إدلب", "ادلب"),
    ("النُّصْرَة", "النصرة"),
    ("al-Nusra", "Nusra"), ("النصرة", "نصرة"),
])
def test_normalized(a: str, b: str) -> None:
    found = match(a, b)
    assert found is not None and found.tier == "normalized" and found.score == 0.95


@pytest.mark.parametrize("a, b", [
    ("Nusra", "النصرة"), ("an-Nusrah", "جبهة النصرة"[5:]), ("Deir ez-Zor", "دير الزور"),
    ("Deir al-Zour", "Deir ez-Zor"),
    ("Dayr az-Zawr", "Deir ez-Zor"), ("Qalamoun", "القلمون"), ("Jabhat Fateh al-Sham", "جبهة فتح الشام"),
    ("Abd al-Rahman", "عبدالرحمن"), ("Abdelrahman", "عبد الرحمن"),
    ("Hay'at Tahrir al-Sham", "هيئة تحرير الشام"),
])
def test_translit(a: str, b: str) -> None:
    found = match(a, b)
    assert found is not None and found.tier == "translit", found
    assert 0 < found.score < 0.95


def test_latin_spellings_with_vowels_elsewhere_are_different_names() -> None:
    same_shape = match("Qalamoun", "Qalamun")
    assert same_shape is not None and same_shape.tier == "translit"
    for a, b in [("Nasser", "Nusra"), ("Hamas", "Homs"), ("Iraq", "Iraqi"), ("Nasr", "Nasser"),
                 ("Fateh", "Fath")]:
        assert match(a, b) is None, (a, b)


def test_a_latin_and_an_arabic_spelling_must_end_alike() -> None:
    for a, b in [("Nasser", "النصرة"), ("Nusra", "الناصر"), ("Iraqi", "العراق")]:
        assert match(a, b) is None, (a, b)
    for a, b in [("Nusra", "النصرة"), ("Nasser", "الناصر"), ("Jabhat", "جبهة"), ("Raqqah", "الرقة"),
                 ("Daraa", "درعا"), ("Hamas", "حماس")]:
        found = match(a, b)
        assert found is not None and found.tier == "translit", (a, b)


def test_a_gazetteer_entity_still_joins_spellings_of_other_shapes() -> None:
    found = match("Jabhat Fath al-Sham", "Jabhat Fateh al-Sham")
    assert found is not None and found.tier == "alias" and found.entity_id == "jfs"


@pytest.mark.parametrize("a, b, entity", [
    ("ISIS", "داعش", "isis"), ("ISIL", "Daesh", "isis"), ("Islamic State", "الدولة الإسلامية", "isis"),
    ("IS", "تنظيم الدولة", "isis"), ("HTS", "هيئة تحرير الشام", "hts"),
    ("SDF", "Syrian Democratic Forces", "sdf"),
    ("Damascus", "دمشق", "damascus"), ("Levant", "الشام", "levant"), ("Aleppo", "حلب", "aleppo"),
    ("Euphrates", "الفرات", "euphrates"), ("Bashar al-Assad", "الأسد", "assad"),
    ("Nusra Front", "Nusra", "nusra"),
])
def test_alias(a: str, b: str, entity: str) -> None:
    found = match(a, b)
    assert found is not None and found.tier == "alias" and found.entity_id == entity, found
    assert found.score == 0.7


@pytest.mark.parametrize("a, b", [
    ("Iraq", "Raqqa"), ("العراق", "الرقة"), ("Jabhat Fateh al-Sham", "HTS"),
    ("al-Nusra Front", "Jabhat Fateh al-Sham"),
    ("Mosul", "Homs"), ("Damascus", "Aleppo"), ("ISIS", "is"), ("Syria", "Iraq"), ("", "Nusra"),
    ("Nusra", "-"),
    ("Nusra fighters", "Nusra"), ("HTS", "the Houthis"), ("SDF", "Sadaf"),
])
def test_non_matches(a: str, b: str) -> None:
    assert match(a, b) is None, match(a, b)


def test_near_keys_bounded_and_listed() -> None:
    assert near_keys("msrln", "mzrln") == ("s~z",)
    assert near_keys("krn", "krhn") == ("h~-",)
    assert near_keys("msrln", "mtrln") is None  # s~t is not a listed confusion
    assert near_keys("ab", "az") is None  # too short to tell
    assert near_keys("msrlnz", "mzrlns") is None  # two confusions, budget one
    assert near_keys("nsrt", "srt") is None  # never on the first sound
    assert match("النصرة", "Sirte") is None


def test_near_match_scores_lowest_translit() -> None:
    found = match("Messerlin", "ميزرلين")
    assert found is not None and found.tier == "translit" and found.confusions
    assert found.score < 0.7


def test_match_is_symmetric_on_tier() -> None:
    for a, b in [("Nusra", "النصرة"), ("ISIS", "داعش"), ("Fateh", "Fath"), ("Messerlin", "ميزرلين")]:
        assert tier(a, b) == tier(b, a)


def test_descriptors_and_the_are_set_aside_for_whole_names() -> None:
    for a, b in [("the Euphrates", "نهر الفرات"), ("Qalamoun", "منطقة القلمون"),
                 ("the Islamic State", "داعش"), ("the Houthis", "جماعة الحوثي")]:
        assert match(a, b) is not None, (a, b)


def test_arabic_compound_written_as_one_word() -> None:
    found = match("Deir ez-Zor", "ديرالزور")
    assert found is not None and found.tier == "translit"


def test_ibn_and_bin() -> None:
    for a, b in [("Usama ibn Ladin", "أسامة بن لادن"), ("Osama bin Laden", "Usama ibn Ladin"),
                 ("ابن تيمية", "Ibn Taymiyya")]:
        assert match(a, b) is not None, (a, b)
