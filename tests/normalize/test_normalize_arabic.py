"""Arabic normalization, one rule at a time, then the whole chain."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bicorpus.normalize.arabic import (
    ARABIC_RULES,
    normalize_alef_ar,
    normalize_alef_maqsura_ar,
    normalize_ar,
    normalize_digits_ar,
    normalize_hamza_ar,
    normalize_persian_letters_ar,
    normalize_presentation_forms_ar,
    normalize_punctuation_ar,
    normalize_teh_marbuta_ar,
    remove_diacritics_ar,
    remove_tatweel_ar,
)


@pytest.mark.parametrize(
    ("rule", "before", "after"),
    [
        (normalize_presentation_forms_ar, "ﺍﻟﻨﺼﺮﺓ", "النصرة"),  # positional glyphs
        (normalize_presentation_forms_ar, "ﻻ", "لا"),  # lam-alef ligature
        (normalize_presentation_forms_ar, "ﺩﺍﻋﺶ ISIS", "داعش ISIS"),
        (remove_diacritics_ar, "بِسْمِ اللَّهِ", "بسم الله"),  # harakat, shadda, sukun
        (remove_diacritics_ar, "كِتَابٌ مُفِيدٌ", "كتاب مفيد"),  # tanween
        (remove_diacritics_ar, "رَحْمٰن", "رحمن"),  # superscript alef
        (remove_diacritics_ar, "ISIS café", "ISIS café"),  # Latin accents are not Arabic marks
        (remove_tatweel_ar, "داعـــــش", "داعش"),
        (normalize_alef_ar, "أحمد إبراهيم آل ٱلله", "احمد ابراهيم ال الله"),
        (normalize_alef_ar, "ٲ ٳ", "ا ا"),
        (normalize_hamza_ar, "مؤتمر رئيس", "موتمر رييس"),
        (normalize_hamza_ar, "ء", "ء"),  # a lone hamza stays
        (normalize_alef_maqsura_ar, "مصطفى موسى", "مصطفي موسي"),
        (normalize_teh_marbuta_ar, "النصرة جبهة", "النصره جبهه"),
        (normalize_persian_letters_ar, "کرمانشاه ایران", "كرمانشاه ايران"),
        (normalize_persian_letters_ar, "ۀ ہ ە", "ه ه ه"),
        (normalize_digits_ar, "١٢ أبريل ٢٠١٧", "12 أبريل 2017"),
        (normalize_digits_ar, "۱۲۳۴۵۶۷۸۹۰", "1234567890"),
        (normalize_punctuation_ar, "نعم، لا؛ لماذا؟ ٥٪", "نعم, لا; لماذا? ٥%"),
        (normalize_punctuation_ar, "٣٫٥ ١٬٠٠٠ نهاية۔", "٣.٥ ١,٠٠٠ نهاية."),
    ],
)
def test_rule(rule, before, after):
    assert rule(before) == after


@pytest.mark.parametrize("rule", ARABIC_RULES)
def test_rules_leave_english_alone(rule):
    text = "Why did ISIS and al-Nusra Front Strike a Deal? 12 April, 2017"
    assert rule(text) == text


@pytest.mark.parametrize("rule", ARABIC_RULES)
@given(st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF) | st.sampled_from(" .a")))
def test_rules_are_idempotent(rule, text):
    assert rule(rule(text)) == rule(text)


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("جَبْهَةُ النُّصْرَةِ", "جبهة النصرة"),
        ("ﺟﺒﻬﺔ ﺍﻟﻨﺼﺮﺓ", "جبهة النصرة"),
        ("دَيْرُ الزُّوْرِ", "دير الزور"),
        ("إسرائيل", "اسراييل"),
        ("الـــرقـــة", "الرقة"),
    ],
)
def test_chain_merges_spelling_variants(variant, canonical):
    assert normalize_ar(variant) == normalize_ar(canonical)


def test_chain_order_presentation_forms_before_alef():
    # ﺃ (alef with hamza, isolated form) becomes أ first, then plain alef
    assert normalize_ar("ﺃﺣﻤﺪ") == "احمد"


_ARABIC_AND_FORMS = st.characters(max_codepoint=0x08FF) | st.characters(
    min_codepoint=0xFB50, max_codepoint=0xFEFF)


@given(st.text(alphabet=_ARABIC_AND_FORMS))
def test_chain_is_the_rules_in_order(text):
    expected = text
    for rule in ARABIC_RULES:
        expected = rule(expected)
    assert normalize_ar(text) == expected


def test_chain_is_the_rules_in_order_on_every_arabic_character_at_once():
    """Each character of the Arabic blocks, alone and all together (so every replacement meets the
    others), normalizes as the rules applied one after the other."""
    chars = [chr(c) for c in (*range(0x0600, 0x0900), *range(0xFB50, 0xFF00))]

    def by_rules(text: str) -> str:
        for rule in ARABIC_RULES:
            text = rule(text)
        return text

    for c in chars:
        assert normalize_ar(f"ب{c}ة") == by_rules(f"ب{c}ة"), hex(ord(c))
    everything = " ".join(chars) + "".join(chars)
    assert normalize_ar(everything) == by_rules(everything)
