"""Normalization of Arabic and Latin text for search.

The original text is always kept; these functions produce the search form.
``normalize_text`` works on mixed-script text, ``normalize_token`` on one word.
"""

from __future__ import annotations

from .arabic import ARABIC_RULES, normalize_ar
from .common import collapse_whitespace, remember_short, remove_controls
from .latin import LATIN_RULES, normalize_en
from .script import detect_lang, is_arabic, lang_label, lang_shares, script_counts
from .tokenize import Token, iter_tokens, tokenize

#: Bumped whenever a rule changes what a text normalizes to (indexes record it).
NORMALIZATION_VERSION = 2


@remember_short  # a page's layout and its passages normalize the same lines one after the other
def normalize_text(text: str) -> str:
    """Search form of a mixed Arabic/Latin text: every rule of both scripts, whitespace collapsed."""
    return collapse_whitespace(normalize_en(normalize_ar(remove_controls(text))))


def normalize_token(token: str) -> str:
    """Search form of one word (same rules as :func:`normalize_text`, apostrophes kept)."""
    return normalize_en(normalize_ar(remove_controls(token))).strip()


__all__ = [
    "ARABIC_RULES",
    "LATIN_RULES",
    "NORMALIZATION_VERSION",
    "Token",
    "collapse_whitespace",
    "detect_lang",
    "is_arabic",
    "iter_tokens",
    "lang_label",
    "lang_shares",
    "normalize_ar",
    "normalize_en",
    "normalize_text",
    "normalize_token",
    "remove_controls",
    "script_counts",
    "tokenize",
]
