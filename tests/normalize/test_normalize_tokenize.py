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


_MARKS = frozenset(chr(c) for lo, hi in ((0x300, 0x36F), (0x610, 0x61A), (0x64B, 0x65F), (0x670, 0x670),
                                         (0x6D6, 0x6ED), (0x640, 0x640), (0x8D3, 0x8FF), (0x200C, 0x200D))
                   for c in range(lo, hi + 1))
_APOSTROPHES = "'\u2019\u02bc\u02bf\u02be\u02bb\u0060\u00b4"


def reference_spans(text: str) -> list[tuple[int, int]]:
    """The token rule read character by character: a letter or digit starts a word; letters,
    digits and combining marks continue it; an apostrophe followed by a letter or digit joins."""
    spans, i, n = [], 0, len(text)
    while i < n:
        if not text[i].isalnum():
            i += 1
            continue
        j = i
        while True:
            while j < n and (text[j].isalnum() or text[j] in _MARKS):
                j += 1
            if j + 1 < n and text[j] in _APOSTROPHES and text[j + 1].isalnum():
                j += 1
                continue
            break
        spans.append((i, j))
        i = j
    return spans


@given(st.text(alphabet=st.sampled_from([*"ab9_ -.’'`´\n", "\u064e", "\u0651", "\u0640", "ب", "س", "\u0301",
                                         "é", "\u200c", "\u0670", "١"])) | st.text())
def test_tokens_follow_the_rule_character_by_character(text):
    assert [(t.start, t.end) for t in tokenize(text)] == reference_spans(text)
