"""Latin-script (English and transliteration) normalization: one small pure function per rule."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = "\u2018\u2019\u201a\u201b\u2032\u02bc\u02bb\u02bd\u02be\u02bf\u02b9\u0060\u00b4\ua78c"
_APOSTROPHE_TABLE = str.maketrans({c: "'" for c in _APOSTROPHES})
_QUOTE_TABLE_CHARS = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u2039\u203a"
_QUOTE_TABLE = str.maketrans({c: '"' for c in _QUOTE_TABLE_CHARS})
_DASH_CHARS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_DASH_TABLE = str.maketrans({c: "-" for c in _DASH_CHARS})
# Characters remove_diacritics_en may change: Latin-1 and Latin Extended letters, Greek and
# other letters with diacritics are found by their decomposition; combining marks directly.
_NEEDS_DIACRITICS_RE = re.compile(
    r"[\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
    r"\u0370-\u03ff\u0400-\u04ff\u1f00-\u1fff]"
)
_COMBINING_RE = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Letters NFD does not decompose.
_LATIN_LETTERS_TABLE = str.maketrans({"ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L",
                                      "ħ": "h", "Ħ": "H", "ı": "i", "ß": "ss", "æ": "ae", "Æ": "AE",
                                      "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d"})
# Punctuation the apostrophe, quote and dash rules fold, whose NFKC form would be wrong for them
# (´ → space + combining acute, ″ → two primes).
_COMPAT_PROTECTED = "".join(
    c for c in _APOSTROPHES + "".join(_QUOTE_TABLE_CHARS) + "".join(_DASH_CHARS)
    if unicodedata.normalize("NFKC", c) != c
)
# Kept out of NFKC: Arabic (left to the Arabic rules) and the protected punctuation.
_COMPAT_KEEP_RE = re.compile(
    "[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff" + re.escape(_COMPAT_PROTECTED) + "]+"
)


def normalize_compat_en(text: str) -> str:
    """Unicode compatibility forms (full-width letters, ligatures like ﬁ, superscripts) via NFKC.

    Arabic presentation forms are left to the Arabic rules, and apostrophe-, quote- and dash-like
    marks to the rules below (NFKC would split ``´`` into a space and an accent)."""
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text
    if not _COMPAT_KEEP_RE.search(text):
        return unicodedata.normalize("NFKC", text)
    out, last = [], 0
    for m in _COMPAT_KEEP_RE.finditer(text):
        out.append(unicodedata.normalize("NFKC", text[last : m.start()]))
        out.append(m.group())
        last = m.end()
    out.append(unicodedata.normalize("NFKC", text[last:]))
    return "".join(out)


def normalize_apostrophes_en(text: str) -> str:
    """Curly apostrophes, modifier letters ʿ ʾ ʼ, backticks and acute accents → ' ."""
    return text.translate(_APOSTROPHE_TABLE)


def normalize_quotes_en(text: str) -> str:
    """Curly and angle double quotes → \" ."""
    return text.translate(_QUOTE_TABLE)


def normalize_dashes_en(text: str) -> str:
    """Hyphens, en and em dashes, minus signs → - ."""
    return text.translate(_DASH_TABLE)


def casefold_en(text: str) -> str:
    """Full Unicode casefolding."""
    return text.casefold()


def remove_diacritics_en(text: str) -> str:
    """Latin diacritics and transliteration marks: ā→a, ṣ→s, ḥ→h, é→e, ø→o."""
    if text.isascii() or not _NEEDS_DIACRITICS_RE.search(text):
        return text
    decomposed = unicodedata.normalize("NFD", text)
    stripped = _COMBINING_RE.sub("", decomposed).translate(_LATIN_LETTERS_TABLE)
    return unicodedata.normalize("NFC", stripped)


#: The rules in the order ``normalize_en`` applies them: compatibility forms first (they may
#: produce capitals, apostrophes and dashes), casefolding next (it may produce apostrophes: ŉ →
#: ʼn), then the punctuation folds, and the diacritics last (its letter table is lower case).
LATIN_RULES = (
    normalize_compat_en,
    casefold_en,
    normalize_apostrophes_en,
    normalize_quotes_en,
    normalize_dashes_en,
    remove_diacritics_en,
)


# The three punctuation folds as one table (they never feed each other), and what it changes
# (a text without any is left as it is: a search costs less than a translation).
_PUNCT_FOLD_TABLE = {**_APOSTROPHE_TABLE, **_QUOTE_TABLE, **_DASH_TABLE}
_PUNCT_FOLD_RE = re.compile("[" + re.escape("".join(map(chr, _PUNCT_FOLD_TABLE))) + "]")
#: The table as character → replacement.  No replacement (``'``, ``"``, ``-``) is a character the
#: table changes, so replacing each character present in turn gives what one translation gives,
#: and a text holds few of them: a few ``str.replace`` passes cost less than a translation
#: character by character.
_PUNCT_FOLD_REPLACEMENTS = {chr(cp): chr(to) if isinstance(to, int) else to
                            for cp, to in _PUNCT_FOLD_TABLE.items()}


def _fold_punctuation(text: str) -> str:
    for ch in set(_PUNCT_FOLD_RE.findall(text)):
        text = text.replace(ch, _PUNCT_FOLD_REPLACEMENTS[ch])
    return text


def normalize_en(text: str) -> str:
    """Apply every Latin rule, in order (the punctuation folds in one pass: same result)."""
    if text.isascii():  # only casefolding and the backtick can apply
        return text.casefold().replace("`", "'")
    return remove_diacritics_en(_fold_punctuation(normalize_compat_en(text).casefold()))
