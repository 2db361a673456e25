"""Latin-script normalization, one rule at a time, then the whole chain."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bicorpus.normalize.latin import (
    LATIN_RULES,
    casefold_en,
    normalize_apostrophes_en,
    normalize_compat_en,
    normalize_dashes_en,
    normalize_en,
    normalize_quotes_en,
    remove_diacritics_en,
)


@pytest.mark.parametrize(
    ("rule", "before", "after"),
    [
        (normalize_compat_en, "ﬁghters Ｎｕｓｒａ ²", "fighters Nusra 2"),
        (normalize_compat_en, "ﺍﻟﻨﺼﺮﺓ ﬁ", "ﺍﻟﻨﺼﺮﺓ fi"),  # Arabic presentation forms left to the Arabic rules
        (normalize_apostrophes_en, "coalition’s Hayʼat Maʿruf Qurʾan", "coalition's Hay'at Ma'ruf Qur'an"),
        (normalize_apostrophes_en, "Ma`ruf", "Ma'ruf"),
        (normalize_apostrophes_en, "Ma´ruf ‘x’", "Ma'ruf 'x'"),
        (normalize_quotes_en, "“a free flow” «x» „y“", '"a free flow" "x" "y"'),
        (normalize_dashes_en, "fronts– Qalamoun — Deraa−2", "fronts- Qalamoun - Deraa-2"),
        (remove_diacritics_en, "al-Nuṣra Ḥamā Dayr az-Zawr", "al-Nusra Hama Dayr az-Zawr"),
        (remove_diacritics_en, "café Øresund þ ð", "cafe Oresund th d"),
        (remove_diacritics_en, "Straße Æsir łódź", "Strasse AEsir lodz"),
        (remove_diacritics_en, "جبهة النصرة", "جبهة النصرة"),  # Arabic untouched
        (casefold_en, "ISIS al-Nusra STRASSE", "isis al-nusra strasse"),
        (casefold_en, "Straße", "strasse"),
    ],
)
def test_rule(rule, before, after):
    assert rule(before) == after


@pytest.mark.parametrize("rule", LATIN_RULES)
@given(st.text(alphabet=st.characters(max_codepoint=0x024F) | st.sampled_from("’ʿ´–“”ﬁ")))
def test_rules_are_idempotent(rule, text):
    assert rule(rule(text)) == rule(text)


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("Ma´ruf", "Ma'ruf"),  # acute accent as an apostrophe: folded before NFKC splits it
        ("Maʿrūf", "ma'ruf"),
        ("HAY’AT TAHRIR AL‑SHAM", "hay'at tahrir al-sham"),
        ("″quoted″", '"quoted"'),
        ("Ｎｕｓｒａ", "nusra"),
        ("ÞORN Ðuro", "thorn duro"),  # capitals whose lower case the letter table folds
        ("ℌama", "hama"),  # NFKC can give a capital: casefolding comes after it
    ],
)
def test_chain_merges_spelling_variants(variant, canonical):
    assert normalize_en(variant) == normalize_en(canonical)


def test_chain_keeps_one_word_one_word():
    for word in ["Ma´ruf", "Hayʼat", "coalition’s", "Qurʾān"]:
        assert " " not in normalize_en(word)


@given(st.text(alphabet=st.characters(max_codepoint=0x2FFF) | st.sampled_from("ﬁＮ｀﹘ﺍ")))
def test_chain_is_the_rules_in_order(text):
    expected = text
    for rule in LATIN_RULES:
        expected = rule(expected)
    assert normalize_en(text) == expected


_PUNCT_ALPHABET = [*"aZ '\"-`´", "‘", "’", "“", "”", "«", "»", "‹", "›", "–", "—", "−", "－", "ʿ", "ʾ", "″",
                   "é", "ﬁ", "İ"]


@given(st.lists(st.sampled_from(_PUNCT_ALPHABET), max_size=30).map("".join))
def test_punctuation_folded_by_replacements_as_by_the_table(text):
    # each character present replaced in turn: what one translation by the three tables gives
    from bicorpus.normalize import latin

    folded = text.translate(latin._APOSTROPHE_TABLE).translate(latin._QUOTE_TABLE)
    folded = folded.translate(latin._DASH_TABLE)
    assert latin._fold_punctuation(text) == folded
    assert normalize_en(text) == remove_diacritics_en(
        normalize_compat_en(text).casefold().translate(latin._PUNCT_FOLD_TABLE))
