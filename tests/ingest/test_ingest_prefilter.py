"""The plain strings that rule a pattern out before it is searched (bicorpus.prefilter)."""

from __future__ import annotations

import re
import string
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bicorpus import layout
from bicorpus.data import data_lines
from bicorpus.prefilter import _UNSAFE, gated, needles, needles_of, scans


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\ball rights reserved\b", {"all rights reserved"}),
        (r"\b(click|tap) here\b", {"here"}),  # the longer of the two, without its space
        (r"(اضغط|انقر|اضغطي) هنا", {"ضغط", "ضغطي", "نقر"}),  # re factors out the common alef
        (r"\bcookies?\b", {"cookie"}),
        (r"\|\s*$", {"|"}),
        (r"\s/\s*(ap|afp|reuters)\b", {"/"}),  # a lone mark is rarer in prose than "ap"
        (r"Getty Images", {"getty images"}),  # lower-cased: compared with a lower-cased text
        (r"[a-z]+\d{2,}", None),  # classes and repeats only
        (r"(?-i:By)[A-Z]", None),  # a group that changes the flags is not read
        (r"(news|)", None),  # may match nothing at all
    ],
)
def test_needles_of_a_pattern(pattern, expected):
    found = needles(pattern)
    assert (set(found) if found is not None else None) == (
        {re.escape(n) for n in expected} if expected is not None else None)


def test_a_needle_before_the_end_of_the_pattern_is_looked_for_at_the_end_of_the_text():
    # a parenthesis is common, one closing the line is not
    assert needles(r"\((afp|reuters|رويترز)\)$") == {re.escape(")") + r"(?=\n?\Z)"}
    found = needles_of([r"\((afp|reuters|رويترز)\)$"])
    assert found is not None
    assert found.may_match("Smoke over Raqqa (AFP)") and found.may_match("دخان فوق الرقة (رويترز)\n")
    assert not found.may_match("Fighters (of the SDF) entered Raqqa on Monday")
    assert needles("(?m)news$") is None  # "$" at the end of every line: not read


def test_the_alternatives_before_the_end_of_the_pattern_end_the_text():
    # "ap" ending the line is rarer than a slash anywhere (dates: 12/05/2017)
    at_end = r"(?=\n?\Z)"
    assert needles(r"\s/\s*(ap|afp|reuters)$") == {"ap" + at_end, "afp" + at_end, "reuters" + at_end}
    # an alternative's last literal ends the text, not its first: "ا\s?ف\s?ب" gives "ب"
    assert needles(r"[.!]\s*[-–—]\s*(ap|ا\s?ف\s?ب)$") == {"ap" + at_end, "ب" + at_end}
    assert needles(r"(ap|reuters)s?$") == {"ap", "reuters"}  # something may follow the group: not at the end
    found = needles_of([r"\s/\s*(ap|afp|reuters)$"])
    assert found is not None
    assert found.may_match("Smoke over Raqqa / AFP") and not found.may_match("AFP reported on 12/05/2017")


def test_patterns_are_searched_only_where_their_own_needles_are():
    patterns = [r"\((afp|reuters|رويترز)\)$", r"\bcookies?\b", r"\ball rights reserved\b", r"\s/\s*(ap|afp)$",
                r"[a-z]+\d{2,}"]
    found = gated(patterns)
    assert found is not None
    assert len(found.finders) == 4 and len(found.ungated) == 1  # the last one has no needles
    joined = re.compile("|".join(f"(?:{p})" for p in patterns), re.I)
    for text in ("Smoke over Raqqa (AFP)", "دخان فوق الرقة (رويترز)\n", "we use COOKIES", "x / AP",
                 "x / AP\n", "Fighters (of the SDF) entered Raqqa", "(AFP) fighters", "abc12",
                 "all rıghts reserved",
                 "COOKİES", "cookıe", "", "ap", "/ap"):
        assert found.search(text) == (joined.search(text) is not None), text


def test_anchored_patterns_that_open_with_a_run_are_matched_only_where_their_needles_are():
    assert scans(r"[^.!?]{2,60} contributed (reporting|to this) (report|story)\.?$")
    assert scans(r"[\w .-]{2,30}\s*(\+|and|و)\s*(agencies|وكالات)$")  # needles ending the text
    assert not scans(r"(photo|image)\s*:")  # no run first
    assert not scans(r"[\w.-]*_[\w.-]*$")  # a lone mark: as common as the pattern is cheap
    assert not scans(r"[\d\s/.,-]+$")  # no needles
    anchored = [r"[^.!?]{2,60} contributed (reporting|to this) (report|story)\.?$",
                r"[\w .-]{2,30}\s*(\+|and|و)\s*(agencies|وكالات)$", r"[\d\s/.,-]+$"]
    found = gated([r"\bcookies?\b"], anchored)
    assert found is not None
    plain = [re.compile(p, re.I).match for p in anchored] + [re.compile(r"\bcookies?\b", re.I).search]
    for text in ("Ellen Francis contributed reporting to this story.", "said he contributed to this story",
                 "AFP and agencies", "رويترز و وكالات", "agencies", "12/05/2017", "no cookie here",
                 "Ellen Francis CONTRIBUTED reporting to this report", "x contributed reporting story"):
        assert found.search(text) == any(find(text) is not None for find in plain), text


def test_no_needles_when_one_pattern_has_none():
    assert needles_of([r"\bcookies?\b", r"^\d+$"]) is None
    assert needles_of([r"\bcookies?\b", r"©\s*\d{4}"]) is not None


def test_a_text_without_needles_is_ruled_out():
    found = needles_of([r"\ball rights reserved\b", r"\bcookies?\b", r"ملفات تعريف الارتباط"])
    assert found is not None
    assert not found.may_match("Jabhat al-Nusra seized the town")
    assert not found.may_match("سيطرت جبهة النصرة على البلدة")
    assert found.may_match("© 2017 ALL RIGHTS RESERVED")
    assert found.may_match("نستخدم ملفات تعريف الارتباط")


def test_letters_re_matches_beyond_their_lower_case_are_never_ruled_out():
    # re matches "i" to the dotless ı and "s" to the long ſ case-insensitively; str.lower does
    # not turn them into i and s, and İ lowers to two characters: such a text is always searched
    found = needles_of([r"\bcookies?\b", r"\ball rights reserved\b"])
    assert found is not None
    for text in ("COOKİES", "cookıe policy", "all rıghts reserved", "all rightſ reserved"):
        assert re.search(r"\bcookies?\b|\ball rights reserved\b", text, re.I)
        assert found.may_match(text)


def test_every_character_re_matches_to_a_letter_lowers_to_it_or_is_unsafe():
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    for letter in string.ascii_lowercase + "اأبتةجحخدرزسشصضطظعغفقكلمنهوىي©|/(":
        matched = re.findall(re.escape(letter), everything, re.I)
        assert all(ch.lower() == letter or ch in _UNSAFE for ch in matched), letter


_ALPHABET = [*"abcdefhiklnoprstuwy ©|/().:-", "İ", "ı", "ſ", "K", "É", "ة", "ا", "ل", "ه"]
_TEXTS = st.text(alphabet=st.sampled_from(_ALPHABET), max_size=40)
_PIECES = st.sampled_from(["here", "cookie", "all rights reserved", "photo", "(ap)", " / afp", "اضغط هنا",
                           "edit this at wikidata", "getty images", "courtesy of x",
                           " contributed reporting.", " and agencies", "x.jpg", "/ reuters"])


@settings(max_examples=300, deadline=None)
@given(before=_TEXTS, piece=_PIECES, after=_TEXTS)
def test_the_data_patterns_match_as_they_did(before, piece, after):
    text = before + piece + after
    for name in ("boilerplate_patterns.txt", "caption_patterns.txt", "not_title_patterns.txt"):
        floating = [p for p in data_lines(name) if not p.startswith("^")]
        joined = re.compile("|".join(f"(?:{p})" for p in floating), re.I)
        found = needles_of(floating)
        if found is not None and joined.search(text):
            assert found.may_match(text), (name, text)
    for name, patterns in (("boilerplate_patterns.txt", layout._nav_patterns()),
                           ("caption_patterns.txt", layout._caption_patterns()),
                           ("credit_patterns.txt", layout._credit_patterns()),
                           ("not_title_patterns.txt", layout._not_title_patterns())):
        # each pattern alone, as the lists are read: "^…" matched at the start, the others searched
        plain = [re.compile(p[1:], re.I).match if p.startswith("^") else re.compile(p, re.I).search
                 for p in data_lines(name)]
        assert patterns.search(text) == any(find(text) is not None for find in plain), (name, text)


_KEY_ALPHABET = st.sampled_from([*"aZ_-.,: \t\u00a0é1٣()«'…؟", "دير", "ـ", "ً", "²", "\u200f", "ǅ", "Ⅻ"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_KEY_ALPHABET, max_size=30).map("".join))
def test_a_line_key_is_the_runs_of_letters_and_digits(text):
    # the words made of letters and digits alone are taken whole, and so are those with marks at
    # their edges only ("(دير»"); the others are searched
    assert layout.line_key(text, text) == re.sub(r"[\W_]+", " ", text).strip()
    assert "".join(layout.alnum_runs(text)) == re.sub(r"[\W_]+", "", text)  # a long line's digest
    assert layout.line_key("= Deir ez-Zor Military Council =") == "deir ez zor military council"
    assert layout.line_key("• دير الزور: «المجلس العسكري»") == "دير الزور المجلس العسكري"
    assert layout.line_key("(al-Nusra), writes: «Idlib»…") == "al nusra writes idlib"


_LABEL_ALPHABET = st.sampled_from([*"aZ:：.-–—|•·»« \t\n\u00a0\u2009_", "أخبار", "News"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_LABEL_ALPHABET, max_size=20).map("".join))
def test_a_label_key_is_the_text_with_its_punctuation_runs_made_one_space(text):
    # a text the replacement would leave as it is (most lines) is given back without it
    assert layout._strip_punct(text) == re.sub(r"[\s:：.\-–—|•·»«]+", " ", text).strip()
    assert layout.is_header_label("• Latest News:") and layout.is_header_label("أخبار المركز")
