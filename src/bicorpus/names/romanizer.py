"""Readable Latin romanization of Arabic tokens (table-driven, see ``arabic_letters.tsv``).

Unvowelled Arabic shows only long vowels, so ``سمير`` romanizes to ``smir``; where the
text carries harakat they are used (``سَمِير`` → ``samir``).  The attached article is
written ``al-`` with sun-letter assimilation (``الشام`` → ``ash-sham``), behind its
proclitic (``والنصرة`` → ``wa-an-nsra``).
Latin tokens come back in their normalized form.
"""

from __future__ import annotations

import functools

from ..normalize import normalize_token
from ..normalize.arabic import normalize_presentation_forms_ar, remove_tatweel_ar
from ..normalize.common import remove_controls
from ..normalize.script import is_arabic
from . import tables
from .keys import split_arabic_article

#: Short-vowel marks and their romanization.
_HARAKAT = {"\u064e": "a", "\u0650": "i", "\u064f": "u", "\u064b": "an", "\u064d": "in", "\u064c": "un",
            "\u0652": "", "\u0670": "a"}
_SHADDA = "\u0651"
#: Letters before which the article's l assimilates (the "sun letters").
_SUN_LETTERS = frozenset("تثدذرزسشصضطظلن")
_VOWEL_LETTERS = frozenset("اآى")
_VOWEL_SEATS = frozenset("إئؤأ")
_A_AFTER_FATHA = frozenset("اىة")


def _strip_other_marks(word: str) -> str:
    return "".join(ch for ch in word if ch in _HARAKAT or ch == _SHADDA or not _is_mark(ch))


def _is_mark(ch: str) -> bool:
    return ("\u0610" <= ch <= "\u061a" or "\u064b" <= ch <= "\u065f" or ch == "\u0670"
            or "\u06d6" <= ch <= "\u06ed")


def _letters_with_marks(word: str) -> list[tuple[str, str]]:
    """[(letter, marks following it)] for a word."""
    out: list[tuple[str, str]] = []
    for ch in word:
        if (ch in _HARAKAT or ch == _SHADDA) and out:
            letter, marks = out[-1]
            out[-1] = (letter, marks + ch)
        elif ch not in _HARAKAT and ch != _SHADDA:
            out.append((ch, ""))
    return out


def _romanize_letters(word: str, after_article: bool = False) -> str:
    """Letter by letter; ``after_article``: the first letter is a sun letter the article
    already doubled (الشَّام → ash-sham, not ash-shsham)."""
    letters = tables.arabic_letters()
    seq = _letters_with_marks(word)
    out: list[str] = []
    last = len(seq) - 1
    for i, (ch, marks) in enumerate(seq):
        row = letters.get(ch)
        if row is None:
            out.append(ch)
            continue
        prev_is_vowel = i > 0 and (seq[i - 1][0] in _VOWEL_LETTERS or bool(_vowel_of(seq[i - 1][1])))
        next_is_vowel = i < last and seq[i + 1][0] in _VOWEL_LETTERS
        if row.kind == "semivowel" and not marks and i > 0 and _vowel_of(seq[i - 1][1]) == row.roman_vowel:
            text = ""  # lengthens the vowel written on the letter before: سَمِير → samir
        elif row.kind == "semivowel":
            consonant = i == 0 or prev_is_vowel or next_is_vowel or bool(_vowel_of(marks))
            text = row.roman if consonant else row.roman_vowel
            if not consonant and out and seq[i - 1][0] in _VOWEL_SEATS and out[-1].endswith(text):
                text = ""  # the hamza seat already says it: إيمان → iman, إسرائيل → isra'il
        elif ch in _A_AFTER_FATHA and i > 0 and _vowel_of(seq[i - 1][1]) == "a" and not marks:
            text = "" if ch != "ة" or i == last else "t"  # the fatha already says a: قَاعِدَة → qaʿida
        elif ch == "ة" and i > 0 and seq[i - 1][0] in _VOWEL_LETTERS:
            text = "h" if i == last else "t"  # after a long a: حماة → hmah
        elif ch == "ة":
            text = row.roman if i == last else row.roman + "t"
        elif row.kind == "glottal" and i > 0 and ch in "أإآ":
            text = "'" + row.roman
        else:
            text = row.roman
        if _SHADDA in marks and row.kind == "consonant" and not (i == 0 and after_article):
            text += text if len(text) == 1 else ""  # doubled: muhammad (a digraph stays: sh)
        out.append(text + _vowel_of(marks))
    return "".join(out)


def _vowel_of(marks: str) -> str:
    return "".join(_HARAKAT[m] for m in marks if m in _HARAKAT)


def _romanize_arabic(token: str) -> str:
    word = _strip_other_marks(remove_tatweel_ar(normalize_presentation_forms_ar(token)))
    seq = _letters_with_marks(word)
    bare_letters = "".join(letter for letter, _ in seq)
    if bare_letters == "ال":
        return "al"
    prefix, _ = split_arabic_article(bare_letters)
    if not prefix:
        return _romanize_letters(word)
    rest = "".join(letter + marks for letter, marks in seq[len(prefix):])
    romanized_prefix = dict(tables.arabic_proclitics())[prefix]
    sun_letter = rest[:1] in _SUN_LETTERS
    if sun_letter:
        sun = tables.arabic_letters()[rest[0]].roman
        romanized_prefix = romanized_prefix[: -len("l-")] + sun + "-"
    return romanized_prefix + _romanize_letters(rest, after_article=sun_letter)


@functools.lru_cache(maxsize=1 << 16)
def romanize(token: str) -> str:
    """Arabic token → readable Latin romanization; Latin token → its normalized form."""
    cleaned = remove_controls(token).strip()
    if not is_arabic(cleaned):
        return normalize_token(cleaned)
    return _romanize_arabic(cleaned)
