"""Tokens over the original text, with spans."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bicorpus.normalize import iter_tokens, tokenize


def words(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


def test_vowelled_arabic_words_stay_whole():
    assert words("بِسْمِ اللَّهِ الرَّحْمٰنِ") == ["بِسْمِ", "اللَّهِ", "الرَّحْمٰنِ"]
    assert words("داعـــش") == ["داعـــش"]  # tatweel inside a word


def test_hyphens_split_apostrophes_do_not():
    assert words("al-Nusra Hay'at Tahrir al-Sham coalition’s Ma´ruf") == [
        "al", "Nusra", "Hay'at", "Tahrir", "al", "Sham", "coalition’s", "Ma´ruf"]
    assert words("ISIS’ 'quoted'") == ["ISIS", "quoted"]


def test_decomposed_latin_and_digits():
    assert words("Nus\u0323ra 2017 ١٢") == ["Nus\u0323ra", "2017", "١٢"]


def test_underscores_and_punctuation_split():
    assert words("a_b (c), d.e") == ["a", "b", "c", "d", "e"]


def test_spans():
    text = "Why did ISIS — داعش — strike?"
    for t in tokenize(text):
        assert text[t.start : t.end] == t.text
    assert list(iter_tokens(text)) == tokenize(text)


@given(st.text())
def test_spans_always_exact(text):
    for t in tokenize(text):
        assert text[t.start : t.end] == t.text
        assert t.text
