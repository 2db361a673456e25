"""Arabic-script normalization: one small pure function per rule.

Each rule is a translation table or a compiled regex built once at import.
``normalize_ar`` applies them all in a fixed order.
"""

from __future__ import annotations

import re
import unicodedata

# Harakat, Quranic annotation marks, superscript alef.
_DIACRITICS_RE = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u08d3-\u08ff]"
)
_TATWEEL_RE = re.compile("\u0640")
_PRESENTATION_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]+")

_ALEF_TABLE = str.maketrans({"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627",
                             "\u0671": "\u0627", "\u0672": "\u0627", "\u0673": "\u0627"})
_HAMZA_TABLE = str.maketrans({"\u0624": "\u0648", "\u0626": "\u064a"})
_ALEF_MAQSURA_TABLE = str.maketrans({"\u0649": "\u064a"})
_TEH_MARBUTA_TABLE = str.maketrans({"\u0629": "\u0647"})
_PERSIAN_LETTERS_TABLE = str.maketrans({"\u06a9": "\u0643", "\u06cc": "\u064a", "\u06c0": "\u0647",
                                        "\u06c1": "\u0647", "\u06d5": "\u0647"})
_DIGITS_TABLE = str.maketrans({**{chr(0x0660 + i): str(i) for i in range(10)},
                               **{chr(0x06F0 + i): str(i) for i in range(10)}})
_PUNCT_TABLE = str.maketrans({"\u060c": ",", "\u061b": ";", "\u061f": "?", "\u066a": "%",
                              "\u066b": ".", "\u066c": ",", "\u06d4": "."})


def normalize_presentation_forms_ar(text: str) -> str:
    """Arabic presentation forms (ligatures, isolated/final glyphs) to base letters."""
    if b"\xef" not in text.encode("utf-8", "surrogatepass"):
        return text  # none: each is U+FB50 or above, which UTF-8 starts with 0xEF (cheaper than a search)
    return _PRESENTATION_RE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def remove_diacritics_ar(text: str) -> str:
    """Drop harakat, shadda, sukun, superscript alef and Quranic marks."""
    return _DIACRITICS_RE.sub("", text)


def remove_tatweel_ar(text: str) -> str:
    """Drop the kashida (tatweel) used to stretch words."""
    return _TATWEEL_RE.sub("", text)


def normalize_alef_ar(text: str) -> str:
    """أ إ آ ٱ → ا"""
    return text.translate(_ALEF_TABLE)


def normalize_hamza_ar(text: str) -> str:
    """ؤ → و, ئ → ي (hamza on a carrier folds to the carrier)."""
    return text.translate(_HAMZA_TABLE)


def normalize_alef_maqsura_ar(text: str) -> str:
    """ى → ي"""
    return text.translate(_ALEF_MAQSURA_TABLE)


def normalize_teh_marbuta_ar(text: str) -> str:
    """ة → ه"""
    return text.translate(_TEH_MARBUTA_TABLE)


def normalize_persian_letters_ar(text: str) -> str:
    """Persian/Urdu keheh, farsi yeh and heh variants to their Arabic letters."""
    return text.translate(_PERSIAN_LETTERS_TABLE)


def normalize_digits_ar(text: str) -> str:
    """Arabic-Indic and extended (Persian) digits to ASCII digits."""
    return text.translate(_DIGITS_TABLE)


def normalize_punctuation_ar(text: str) -> str:
    """Arabic comma, semicolon, question mark, percent and separators to ASCII."""
    return text.translate(_PUNCT_TABLE)


#: The rules in the order ``normalize_ar`` applies them.
ARABIC_RULES = (
    normalize_presentation_forms_ar,
    remove_diacritics_ar,
    remove_tatweel_ar,
    normalize_alef_ar,
    normalize_hamza_ar,
    normalize_alef_maqsura_ar,
    normalize_teh_marbuta_ar,
    normalize_persian_letters_ar,
    normalize_digits_ar,
    normalize_punctuation_ar,
)


# Everything any Arabic rule can change lies in these ranges.
_ARABIC_SCOPE_RE = re.compile("[\u0600-\u06ff\u08d3-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def _fold_table() -> dict[int, int | None]:
    """The rules after presentation forms as one translation table (none feeds another)."""
    table: dict[int, int | None] = {}
    for cp in range(0x0600, 0x0900):
        ch = chr(cp)
        if _DIACRITICS_RE.match(ch) or _TATWEEL_RE.match(ch):
            table[cp] = None
    for part in (_ALEF_TABLE, _HAMZA_TABLE, _ALEF_MAQSURA_TABLE, _TEH_MARBUTA_TABLE, _PERSIAN_LETTERS_TABLE,
                 _DIGITS_TABLE, _PUNCT_TABLE):
        table.update(part)
    return table


_FOLD_TABLE = _fold_table()
#: The table as character → replacement.  No replacement holds a character the table changes, so
#: replacing each character present in turn gives what one translation gives, and a text holds
#: few of them: a few ``str.replace`` passes cost less than a translation character by character.
_FOLD_REPLACEMENTS: dict[str, str] = {
    chr(cp): "" if to is None else chr(to) if isinstance(to, int) else to for cp, to in _FOLD_TABLE.items()
}
_FOLD_CHARS = frozenset(_FOLD_REPLACEMENTS)
#: The characters of the table found in most Arabic texts (hamza on alef, taa marbuta, alef
#: maqsura, hamza on waw and yaa, the Arabic comma and question mark): each looked for by itself,
#: the others by one search (collecting every occurrence of these costs more).
_FOLD_COMMON = tuple("\u0623\u0625\u0622\u0629\u0649\u0624\u0626\u060c\u061f")
_FOLD_RARE_RE = re.compile("[" + "".join(map(re.escape, sorted(_FOLD_CHARS - set(_FOLD_COMMON)))) + "]")


def fold_ar(text: str) -> str:
    """The table rules (diacritics, tatweel, alef, hamza, alef maqsura, teh marbuta, Persian
    letters, digits, punctuation) in one pass over the characters present."""
    for ch in _FOLD_COMMON:
        if ch in text:
            text = text.replace(ch, _FOLD_REPLACEMENTS[ch])
    if _FOLD_RARE_RE.search(text) is None:
        return text
    for ch in set(_FOLD_RARE_RE.findall(text)):
        text = text.replace(ch, _FOLD_REPLACEMENTS[ch])
    return text


def normalize_ar(text: str) -> str:
    """Apply every Arabic rule, in order (the table rules in one pass: same result)."""
    if text.isascii() or not _ARABIC_SCOPE_RE.search(text):
        return text
    return fold_ar(normalize_presentation_forms_ar(text))
