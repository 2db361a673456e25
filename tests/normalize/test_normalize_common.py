"""Script-neutral rules, the script detector, and the full text/token normalization."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bicorpus.normalize import (
    collapse_whitespace,
    detect_lang,
    is_arabic,
    lang_shares,
    normalize_text,
    normalize_token,
    remove_controls,
    script_counts,
)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("\u200fالنصرة\u200e ISIS", "النصرة ISIS"),  # bidi marks
        ("\u202bداعش\u202c", "داعش"),  # embeddings
        ("\u2067دير الزور\u2069", "دير الزور"),  # isolates
        ("Nus\u00adra", "Nusra"),  # soft hyphen
        ("\ufeffTitle", "Title"),  # BOM
        ("a\u200bb", "ab"),  # zero-width space
        ("a\x00b\x1fc", "a b c"),  # other controls become spaces
        ("tab\tand\nnewline", "tab\tand\nnewline"),  # kept
    ],
)
def test_remove_controls(before, after):
    assert remove_controls(before) == after


def test_collapse_whitespace():
    assert collapse_whitespace("  a \u00a0\u2009 b\n\n\tc  ") == "a b c"


def test_script_counts_and_shares():
    assert script_counts("ISIS داعش") == (4, 4)
    assert lang_shares("ISIS داعش") == {"ar": 0.5, "en": 0.5}
    assert lang_shares("12 — 2017") == {}
    assert lang_shares("3×4 ÷ 2") == {}  # × and ÷ are not letters
    assert lang_shares("ـــــ") == {}  # tatweel is not a letter
    assert is_arabic("x ي") and not is_arabic("Nusra 12")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("أخبار المركز", "ar"),
        ("Why did ISIS and al-Nusra Front Strike a Deal?", "en"),
        ("The analyst, named only as سمير الكعكة, said so.", "mixed"),
        ("12 أبريل، 2017", "ar"),
        ("2017-04-12", "en"),  # no letters at all: en with empty shares
    ],
)
def test_detect_lang(text, lang):
    assert detect_lang(text)[0] == lang


def test_detect_lang_threshold():
    # 85% of letters in one script is enough for that label
    assert detect_lang("a" * 85 + "ب" * 15)[0] == "en"
    assert detect_lang("a" * 84 + "ب" * 16)[0] == "mixed"


def test_normalize_text_mixed():
    text = "\u200fجَبْهَةُ النُّصْرَةِ\u200f (al‑Nuṣrah) — ١٢ أبريل،  2017"
    assert normalize_text(text) == "جبهه النصره (al-nusrah) - 12 ابريل, 2017"


def test_normalize_token():
    assert normalize_token(" Ḥayʼat ") == "hay'at"
    assert normalize_token("النُّصْرَةِ") == "النصره"
    assert normalize_token("Ma´ruf") == "ma'ruf"


@given(st.text())
def test_normalize_text_is_idempotent_and_trimmed(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert once == once.strip()
    assert "  " not in once


def test_collapse_whitespace_is_the_regex_rule_for_every_character():
    """Collapsing by ``str.split`` reads whitespace exactly as ``\\s+`` does, code point by code point."""
    import re
    import sys

    for cp in range(sys.maxunicode + 1):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        text = f"{c}a{c}{c}ب {c}\u00a0c{c}"
        assert collapse_whitespace(text) == re.sub(r"\s+", " ", text).strip(), hex(cp)
        for text in (f"a {c}b", c, f"{c}a b"):  # texts that may already be collapsed: given back
            assert collapse_whitespace(text) == re.sub(r"\s+", " ", text).strip(), hex(cp)


def test_remove_controls_is_the_regex_rule_for_every_character():
    """A text found printable at once is given back: no control removed is printable."""
    import sys

    controls = re.compile("[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
    c0c1 = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
    for cp in range(sys.maxunicode + 1):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        text = f"a{chr(cp)}ب"
        assert remove_controls(text) == c0c1.sub(" ", controls.sub("", text)), hex(cp)


def test_remembered_and_long_texts_normalize_and_count_alike():
    """Short texts are remembered, long ones computed afresh: both give the rules' result."""
    line = "  جبهة   النصرة\u00a0«al\u2011Nusra» — ١٢ "
    long_text = line * 200  # past the length of the texts remembered
    assert normalize_text(line) == normalize_text(line) == "جبهه النصره \"al-nusra\" - 12"
    assert normalize_text(long_text) == " ".join([normalize_text(line)] * 200)
    assert script_counts(line) == script_counts(line) == (10, 7)
    assert script_counts(long_text) == (2000, 1400)


_SCRIPTS_ALPHABET = st.sampled_from(
    [*"aZ é ßøÀɏḀỿ×÷ 1٣", "داعش", "أسامة", "،", "ـ", "ً", "ﻻ", "ݐ", "\u200f", "\x07", "\ud800", "’"]
)


@given(st.lists(_SCRIPTS_ALPHABET, max_size=30).map("".join))
def test_script_counts_count_every_letter_of_each_script(text):
    arabic = re.compile(
        "[\u0620-\u063f\u0641-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\u08a0-\u08c9"
        "\ufb50-\ufdff\ufe80-\ufefc]"
    )
    latin = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")
    assert script_counts(text) == (len(arabic.findall(text)), len(latin.findall(text)))


@given(st.lists(_SCRIPTS_ALPHABET, max_size=30).map("".join))
def test_remove_controls_and_arabic_folding_as_one_rule_each(text):
    from bicorpus.normalize.arabic import _FOLD_TABLE, fold_ar

    controls = "[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
    assert remove_controls(text) == re.sub("[\x00-\x08\x0b-\x1f\x7f-\x9f]", " ", re.sub(controls, "", text))
    assert fold_ar(text) == text.translate(_FOLD_TABLE)


@given(st.lists(_SCRIPTS_ALPHABET, max_size=30).map("".join))
def test_the_label_alone_is_detect_langs(text):
    from bicorpus.normalize import lang_label
    from bicorpus.normalize.arabic import _PRESENTATION_RE, normalize_presentation_forms_ar

    assert lang_label(text) == detect_lang(text)[0]
    assert normalize_presentation_forms_ar(text) == _PRESENTATION_RE.sub(
        lambda m: unicodedata.normalize("NFKC", m.group()), text)


def test_the_label_near_the_dominant_share_is_detect_langs():
    """Every mix of up to 120 letters, the shares that round to the dominant share among them
    (102 Arabic letters and 18 Latin: 0.85 exactly): the label made without rounding clear
    shares is the one of the rounded shares."""
    from bicorpus.normalize import lang_label

    for total in range(1, 121):
        for arabic in range(total + 1):
            text = "ب" * arabic + "a" * (total - arabic)
            assert lang_label(text) == detect_lang(text)[0], (arabic, total)


def test_script_counts_of_every_character_near_the_two_scripts():
    # the Arabic block is counted from the UTF-8 lead bytes, its marks, digits and punctuation
    # taken off, the Arabic letters outside it and the Latin letters beyond ASCII added
    arabic = re.compile(
        "[\u0620-\u063f\u0641-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\u08a0-\u08c9"
        "\ufb50-\ufdff\ufe80-\ufefc]"
    )
    latin = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")
    for cp in [*range(0x0, 0x0900), *range(0x1E00, 0x2100), *range(0xFB00, 0x10000), 0x1F600]:
        if 0xD800 <= cp < 0xE000:
            continue
        c = chr(cp)
        text = f"{c}é{c}ب{c}"  # not remembered: each text is new
        assert script_counts(text) == (len(arabic.findall(text)), len(latin.findall(text))), hex(cp)
    assert script_counts("ـــــ ، ؟ ١٢٣ ۴ ً") == (0, 0)  # tatweel, punctuation, digits, a mark
    assert script_counts("ﻻ ݐ ࢠ") == (3, 0)  # a presentation form, Arabic Supplement, Extended-A
