"""romanize(): readable Latin for Arabic tokens, normalized Latin for Latin ones."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bicorpus.names import romanize


@pytest.mark.parametrize("arabic, latin", [
    ("الشام", "ash-sham"), ("القاعدة", "al-qaʿda"), ("والنصرة", "wa-an-nsra"), ("للنصرة", "lin-nsra"),
    ("بالرقة", "bi-ar-rqa"), ("دمشق", "dmshq"), ("سَمِير", "samir"), ("مُحَمَّد", "muhammad"), ("يُوسُف", "yusuf"),
    ("ال", "al"), ("داعش", "daʿsh"), ("ديمقراطية", "dimqratia"), ("الشَّام", "ash-sham"),
    ("وَالنُّصْرَة", "wa-an-nusra"), ("الْقَاعِدَة", "al-qaʿida"), ("الرَّقَّة", "ar-raqqa"), ("دِمَشْق", "dimashq"),
    ("حَمَاة", "hamah"), ("حماة", "hmah"), ("مُصْطَفَى", "mustafa"),
])
def test_arabic(arabic: str, latin: str) -> None:
    assert romanize(arabic) == latin


@pytest.mark.parametrize("token, out", [("Hay’at", "hay'at"), ("Qalamūn", "qalamun"), ("ISIS", "isis")])
def test_latin_is_normalized(token: str, out: str) -> None:
    assert romanize(token) == out


def test_romanization_is_ascii_but_for_ayn() -> None:
    for word in ["هيئة", "الإسلامية", "مؤتمر", "إسرائيل", "الموصل", "حماة", "عكاشة"]:
        assert all(ch.isascii() or ch == "ʿ" for ch in romanize(word)), romanize(word)


@given(st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويةىءأإآؤئ\u064e\u064f\u0650\u0651\u0652\u064b\u0640",
               min_size=1, max_size=12))
def test_any_arabic_word_romanizes_to_latin(word: str) -> None:
    out = romanize(word)
    assert not any("\u0600" <= ch <= "\u06ff" for ch in out), out


def test_empty_and_mixed_tokens() -> None:
    assert romanize("") == ""
    assert romanize("ISIS2") == "isis2"
