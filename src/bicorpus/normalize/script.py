"""Which script a text is written in, and the passage language label derived from it."""

from __future__ import annotations

import re

from .common import remember_short

# Arabic letters (tatweel, a stretching mark, is not one) and Latin letters (× and ÷ are not).
_ARABIC_LETTER_RE = re.compile(
    "[\u0620-\u063f\u0641-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\u08a0-\u08c9"
    "\ufb50-\ufdff\ufe80-\ufefc]"
)
_LATIN_LETTER_RE = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")

#: Share of letters one script needs for a passage to be labelled with that language alone.
DOMINANT_SHARE = 0.85


_LATIN_RUN_RE = re.compile(_LATIN_LETTER_RE.pattern + "+")


# Latin letters outside ASCII, and what to delete from a text's UTF-8 bytes to keep its ASCII
# letters (every byte of a character outside ASCII is 0x80 or more): counted without a match per word.
_LATIN_EXTRA_RUN_RE = re.compile("[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]+")
_NOT_ASCII_LETTER = bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122))
_ASCII_NOT_LETTER = str.maketrans("", "", "".join(chr(b) for b in _NOT_ASCII_LETTER if b < 128))


# The Arabic block U+0600-U+06FF is the characters whose UTF-8 starts with 0xD8-0xDB (counted
# from the bytes); its characters that are not letters and the Arabic letters outside it are few
# in a text, and found by one search.
_ARABIC_BLOCK_LEADS = bytes(range(0xD8, 0xDC))
_ARABIC_ODD_RE = re.compile(
    "[\u0600-\u061f\u0640\u064b-\u066d\u06d4\u06d6-\u06f9"  # in the block, not letters
    "\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdff\ufe80-\ufefc]"  # letters outside it
)
# What the UTF-8 of a Latin letter outside ASCII starts with (U+00C0-U+024F: 0xC3-0xC9, U+1E00-
# U+1EFF: 0xE1): a text without any of these bytes has none.
_LATIN_EXTRA_LEAD_RE = re.compile(b"[\xc3-\xc9\xe1]")


@remember_short  # a page's layout and its passages weigh the same lines one after the other
def script_counts(text: str) -> tuple[int, int]:
    """(Arabic letters, Latin letters) in ``text``."""
    if text.isascii():
        return 0, len(text.translate(_ASCII_NOT_LETTER))
    data = text.encode("utf-8", "surrogatepass")
    latin = len(data.translate(None, _NOT_ASCII_LETTER))
    if _LATIN_EXTRA_LEAD_RE.search(data) is not None:
        latin += sum(map(len, _LATIN_EXTRA_RUN_RE.findall(text)))
    arabic = len(data) - len(data.translate(None, _ARABIC_BLOCK_LEADS))
    for ch in _ARABIC_ODD_RE.findall(text):
        arabic += 1 if ch > "\u06ff" else -1
    return arabic, latin


def is_arabic(text: str) -> bool:
    """True when ``text`` contains at least one Arabic letter."""
    return _ARABIC_LETTER_RE.search(text) is not None


def lang_shares(text: str) -> dict[str, float]:
    """Share of Arabic (``ar``) and Latin (``en``) letters, rounded to 3 places; empty if no letters."""
    ar, en = script_counts(text)
    total = ar + en
    if not total:
        return {}
    return {"ar": round(ar / total, 3), "en": round(en / total, 3)}


#: Shares this far from :data:`DOMINANT_SHARE` compare with it as they do rounded to 3 places.
_CLEAR_OF_ROUNDING = 0.001


def lang_label(text: str) -> str:
    """The label of :func:`detect_lang` alone (its shares not made, nor rounded when clear of the
    dominant share)."""
    ar, en = script_counts(text)
    total = ar + en
    if not total:
        return "en"
    ar_share, en_share = ar / total, en / total
    if ar_share > DOMINANT_SHARE + _CLEAR_OF_ROUNDING:
        return "ar"
    if ar_share < DOMINANT_SHARE - _CLEAR_OF_ROUNDING:
        if en_share > DOMINANT_SHARE + _CLEAR_OF_ROUNDING:
            return "en"
        if en_share < DOMINANT_SHARE - _CLEAR_OF_ROUNDING:
            return "mixed"
    return _label(round(ar_share, 3), round(en_share, 3))


def detect_lang(text: str) -> tuple[str, dict[str, float]]:
    """Language label (``ar``, ``en`` or ``mixed``) and the letter shares behind it.

    A text with no letters at all is labelled ``en`` with empty shares."""
    shares = lang_shares(text)
    return (_label(shares["ar"], shares["en"]) if shares else "en"), shares


def _label(ar: float, en: float) -> str:
    """``ar`` or ``en`` for a script whose share of the letters (rounded to 3 places) is dominant,
    else ``mixed``."""
    if ar >= DOMINANT_SHARE:
        return "ar"
    if en >= DOMINANT_SHARE:
        return "en"
    return "mixed"
