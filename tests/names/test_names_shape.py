"""A name's shape: where a Latin spelling writes its vowels, and how a spelling ends."""

from __future__ import annotations

import pytest

from bicorpus.names.keys import COMPATIBLE_ENDINGS, same_name_shape, vowel_pattern, word_ending


@pytest.mark.parametrize(("word", "pattern"), [
    ("Hamas", "cvcvc"), ("Homs", "cvcc"), ("Iraq", "vcvc"), ("Iraqi", "vcvcv"), ("Nasser", "cvcvc"),
    ("Nusra", "cvccv"), ("an-Nusrah", "cvccv"), ("Qalamoun", "cvcvcvc"), ("ibn", "cvc"), ("الرقة", ""),
])
def test_vowel_pattern(word: str, pattern: str) -> None:
    assert vowel_pattern(word) == pattern


@pytest.mark.parametrize(("word", "ending"), [
    ("النصرة", "ar-heh"), ("حماة", "ar-heh"), ("وجيه", "ar-heh"), ("درعا", "ar-vowel"),
    ("كوباني", "ar-nisba"), ("العراقي", "ar-nisba"), ("العراقية", "ar-nisba"), ("علي", "ar-vowel"),
    ("صنعاء", "ar-vowel"), ("الناصر", "ar-consonant"), ("حمص", "ar-consonant"), ("النَّصْرَةُ", "ar-heh"),
    ("Nusra", "la-vowel"), ("Kobani", "la-nisba"), ("Iraqi", "la-nisba"), ("Daraa", "la-vowel"),
    ("Raqqah", "la-open"), ("Jabhat", "la-open"),
    ("Sirte", "la-open"), ("Nasser", "la-consonant"), ("Homs", "la-consonant"), ("ب", ""), ("1970", ""),
])
def test_word_ending(word: str, ending: str) -> None:
    assert word_ending(word) == ending


def test_compatibility_is_symmetric_and_crosses_scripts() -> None:
    for a, others in COMPATIBLE_ENDINGS.items():
        for b in others:
            assert a[:3] != b[:3]
            assert a in COMPATIBLE_ENDINGS[b], (a, b)


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Nusra", "Nusrah", True), ("Qalamoun", "Qalamun", True), ("Deir", "Dayr", True), ("ibn", "bin", True),
    ("Nasser", "Nusra", False), ("Hamas", "Homs", False), ("Iraq", "Iraqi", False),
    ("Nusra", "النصرة", True), ("Nasser", "الناصر", True), ("Nasser", "النصرة", False),
    ("Nusra", "الناصر", False), ("Jabhat", "جبهة", True), ("النصرة", "الناصر", True),
])
def test_same_name_shape(a: str, b: str, same: bool) -> None:
    assert same_name_shape(a, b) is same
    assert same_name_shape(b, a) is same
