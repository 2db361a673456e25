"""Spam lines of a text page: keyword stuffing and injected gambling links.

A scraped page may carry a line written for search engines rather than readers: a few keywords
said over and over (``fish processing fish process in mauritania fish processing in mauritania``)
or a run of casino and betting brand names injected into a hacked site (``onewin casino4rabet bd1
win casinopin-upaviator1win …``: ``data/spam_words.txt``).  Neither is part of the article."""

from __future__ import annotations

import re
from functools import cache

from .data import data_lines
from .normalize import normalize_text

#: Fewest words of a keyword-stuffed line.
STUFFED_MIN_WORDS = 8
#: At most this share of a keyword-stuffed line's words are different words.
STUFFED_MAX_DISTINCT = 0.55
#: Fewest different spam words that make a line gambling spam.
SPAM_MIN_WORDS = 3
#: Shortest spam line of either kind (eight short words, or three brand names with a word or two).
SPAM_MIN_CHARS = 24

_WORD_RE = re.compile(r"[^\W\d_]+")
#: Sentence and list punctuation: a line holding any of it is written for readers.
_PUNCT_RE = re.compile(r"[.!?؟:،,;]")


@cache
def _spam_words_re() -> re.Pattern[str]:
    words = sorted({normalize_text(w) for w in data_lines("spam_words.txt")}, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words))


def keyword_stuffed(text: str) -> bool:
    """A line of at least :data:`STUFFED_MIN_WORDS` words without punctuation whose words are few
    different ones said again and again (at most :data:`STUFFED_MAX_DISTINCT` of them distinct)."""
    if text.count(" ") < STUFFED_MIN_WORDS - 1 or _PUNCT_RE.search(text):
        return False
    words = _WORD_RE.findall(text.lower())
    return len(words) >= STUFFED_MIN_WORDS and len(set(words)) <= STUFFED_MAX_DISTINCT * len(words)


def gambling_spam(text: str, norm: str | None = None) -> bool:
    """A line naming at least :data:`SPAM_MIN_WORDS` different casino or betting brands
    (``data/spam_words.txt``, found inside glued words too) with no sentence punctuation.
    ``norm`` is the line normalized (its :func:`~bicorpus.layout.line_key`) when known."""
    if _PUNCT_RE.search(text):
        return False
    norm = norm or normalize_text(text)
    return len(set(_spam_words_re().findall(norm))) >= SPAM_MIN_WORDS


def spam_line(text: str, norm: str | None = None) -> bool:
    """A keyword-stuffed line or a line of injected gambling links (``norm``: see
    :func:`gambling_spam`)."""
    if len(text) < SPAM_MIN_CHARS or " " not in text or _PUNCT_RE.search(text):
        return False  # too short, one word, or written for readers
    return keyword_stuffed(text) or gambling_spam(text, norm)
