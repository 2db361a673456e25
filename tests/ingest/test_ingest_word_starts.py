"""A candidate title's stems are found where a word of the text starts with one, after an Arabic
proclitic or not: the same answer as the regular expression that states the rule."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bicorpus.data import data_lines
from bicorpus.layout import _starts_a_word


def _reference(stems: frozenset[str], text: str) -> bool:
    prefixes = "|".join(map(re.escape, data_lines("title_word_prefixes.txt")))
    return bool(re.search(rf"(?<!\w)(?:{prefixes})?(?:{'|'.join(map(re.escape, stems))})", text))


def test_stems_start_words_in_both_scripts() -> None:
    assert _starts_a_word({"nusra"}, "fighters of nusrah front")
    assert not _starts_a_word({"nusra"}, "the annusra front")  # inside a word, no proclitic
    assert _starts_a_word({"نصرة"}, "مقاتلو والنصرة في ادلب")  # و + ال before the stem
    assert not _starts_a_word({"نصرة"}, "مقاتلو الانصرة")  # "الا" is no proclitic
    assert not _starts_a_word({"درعا"}, "دورية في المدينة")


_LETTERS = "انصرةولبفكدعي" + "nusraltheb_1٢"
_STEMS = st.frozensets(st.text(_LETTERS, min_size=3, max_size=5), min_size=1, max_size=4)
#: pieces a text is made of: proclitics, letters, separators (stems are added to them below)
_PIECES = [*data_lines("title_word_prefixes.txt"), *_LETTERS, " ", "-", ".", "،"]


@settings(max_examples=500, deadline=None)
@given(st.data())
def test_same_answer_as_the_regular_expression(data: st.DataObject) -> None:
    stems = data.draw(_STEMS)
    pieces = st.sampled_from([*_PIECES, *sorted(stems)])
    text = "".join(data.draw(st.lists(pieces, max_size=14)))
    assert _starts_a_word(stems, text) == _reference(stems, text)
