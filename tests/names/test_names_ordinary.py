"""Ordinary words are not names: which words the index keys, and why."""

from __future__ import annotations

import pytest

from bicorpus.index.analysis import analyze, default_names
from bicorpus.names.ordinary import ORDINARY_ZIPF, ordinariness, word_forms, zipf


def keyed(text: str) -> dict[str, bool]:
    an = analyze(text, default_names())
    return {t.text: bool(k) for t, k in zip(an.tokens, an.keys, strict=True)}


@pytest.mark.parametrize("word", ["دورية", "الدائرة", "قيادة", "قادة", "قائد", "الأساسي", "أصول"])
def test_frequent_arabic_words_are_ordinary(word: str) -> None:
    assert ordinariness(word, 3) > 0


def test_proclitics_do_not_hide_an_ordinary_word() -> None:
    assert "الغليان" in word_forms("والغليان")
    assert zipf("والقيادة") >= zipf("القيادة") > 0
    assert zipf("Reach") > ORDINARY_ZIPF and zipf("Raqqa") < ORDINARY_ZIPF


@pytest.mark.parametrize("name", ["محمد", "Mohammed", "Ali", "علي"])
def test_given_names_are_not_ordinary(name: str) -> None:
    assert zipf(name) > 0 and ordinariness(name, 3) == 0


def test_ordinary_words_have_no_keys_but_names_keep_theirs() -> None:
    words = keyed("سيّرت القوات دورية قرب درعا وأعلنت قيادة القاعدة بيانا")
    assert not words["دورية"] and not words["قيادة"]
    assert words["درعا"] and words["القاعدة"]  # gazetteer names, though frequent words too


def test_a_capitalized_ordinary_word_opening_a_sentence_has_no_keys() -> None:
    assert not keyed("Reach out to the families.")["Reach"]
    assert keyed("Forces entered Raqqa.")["Raqqa"]


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("انسحبت القوات من محيط مدينة الحراك شرقي درعا", "الحراك", True),
    ("استمر الحراك الشعبي في البلاد", "الحراك", False),
    ("He moved to the city of Mobile last year.", "Mobile", True),
    ("Mobile phones were banned.", "Mobile", False),
])
def test_a_cue_before_or_after_makes_an_ordinary_word_a_name(text: str, word: str, expected: bool) -> None:
    assert keyed(text)[word] is expected


def test_acronyms_have_no_keys() -> None:
    words = keyed("The PKK and HTS met ISIS in Raqqa")
    assert not words["PKK"] and not words["HTS"] and not words["ISIS"]
    assert words["Raqqa"]


def test_the_nisba_of_a_known_name_is_keyed_with_its_own_ending() -> None:
    an = analyze("قال مسؤول عراقي في العراق إن القوات العراقية", default_names())
    marks = dict(zip((t.text for t in an.tokens), an.key_marks, strict=True))
    assert marks["العراقية"] == "ar-nisba" and marks["عراقي"] == "ar-nisba"
    assert marks["العراق"] == "ar-consonant"


def test_a_name_model_reads_the_tables_before_any_word_asks() -> None:
    from bicorpus.index.analysis import names_with_aliases
    from bicorpus.names import ordinary

    words = ("the", "patrol", "Hama")
    before = [(ordinary.zipf(w), ordinary.ordinariness(w, 3)) for w in words]
    ordinary._frequencies.cache_clear()
    ordinary.given_names.cache_clear()
    names_with_aliases(())  # what a build does before it forks its workers
    loaded = ordinary._frequencies.cache_info().currsize, ordinary.given_names.cache_info().currsize
    assert loaded == (1, 1)
    assert [(ordinary.zipf(w), ordinary.ordinariness(w, 3)) for w in words] == before
    assert before[0][0] > 5  # "the" is frequent: the table was read
