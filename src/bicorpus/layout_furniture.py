"""Site furniture told by its vocabulary and its place, for pages of sites never seen.

Phrase lists written from one collection do not carry over to the next: the classes of furniture
recur (app and newsletter prompts, share and follow links, comment widgets, reading times,
copyright lines), their exact strings do not.  So a short line is furniture when most of its
words are *furniture words* (``data/furniture_words.txt``): what is left is mostly the name of the
site or of a network (``Read full NASCAR article on Yahoo Sports``, ``comments powered by Disqus``,
``شارك الخبر على``, ``تابعوا آخر أخبارنا … عبر Google News``).  Words common in article text
(``news``, ``video``, ``page``) are *weak*: a line of them is furniture only when a *strong* word
(``share``, ``subscribe``, ``تعليق``) is among them or all its words are furniture words
(``Latest News``, ``آخر الأخبار``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from .data import data_lines, data_pattern
from .normalize import normalize_text

if TYPE_CHECKING:
    from .layout_units import Unit

#: Longest line (characters) read for its vocabulary: longer lines are text.
FURNITURE_MAX_CHARS = 200
#: Share of a line's content words that must be furniture words.
FURNITURE_SHARE = 0.5
#: Longest word read as furniture words glued together (``FacebookTwitterWhatsappLinkedin``).
GLUED_MAX_CHARS = 60
#: Longest line read as a copyright footer by its opening and its mark
#: (``Copyright © 2024 X. All rights reserved. Distributed by …``).
FOOTER_MAX_CHARS = 600
#: Characters of a long line normalized to read its opening.
FOOTER_OPENING_CHARS = 60

_WORD_RE = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Vocabulary:
    """Furniture words (normalized): ``strong`` ones mark a line alone, ``weak`` ones count beside them."""

    strong: frozenset[str]
    weak: frozenset[str]

    @property
    def words(self) -> frozenset[str]:
        return self.strong | self.weak


@cache
def vocabulary() -> Vocabulary:
    """The furniture words of ``data/furniture_words.txt`` (sections ``[strong]`` and ``[weak]``)."""
    sections: dict[str, set[str]] = {"strong": set(), "weak": set()}
    current = sections["strong"]
    for line in data_lines("furniture_words.txt"):
        if line.startswith("[") and line.endswith("]"):
            current = sections[line[1:-1]]
            continue
        current.update(_WORD_RE.findall(normalize_text(line)))
    return Vocabulary(frozenset(sections["strong"]), frozenset(sections["weak"]))


@cache
def _function_words() -> frozenset[str]:
    return frozenset(normalize_text(w) for w in data_lines("furniture_function_words.txt"))


@cache
def _kinds(vocab: Vocabulary) -> dict[str, str]:
    """Each furniture word, and each Arabic one of three letters or more with a proclitic before it
    (``data/title_word_prefixes.txt``: ``وشارك``, ``للتعليقات``), to ``strong`` or ``weak``."""
    prefixes = data_lines("title_word_prefixes.txt")
    kinds: dict[str, str] = {}
    for kind, words in (("weak", vocab.weak), ("strong", vocab.strong)):  # a strong word wins
        for word in words:
            if word[0] >= "\u0600" and len(word) >= 3:
                for prefix in prefixes:
                    kinds.setdefault(prefix + word, kind)
                    if kind == "strong":
                        kinds[prefix + word] = kind
            kinds[word] = kind
    return kinds


@cache
def _longest(vocab: Vocabulary) -> int:
    return max((len(w) for w in vocab.words), default=0)


def _glued_furniture(word: str, vocab: Vocabulary) -> bool:
    """``word`` (Latin letters) is two or more furniture words glued together, one of them strong:
    a share bar whose links lost their spaces (``facebooktwitterwhatsapp``, ``sharetweetemail``)."""
    table = _kinds(vocab)
    if len(word) > GLUED_MAX_CHARS or word in table or not word.isascii():
        return False
    longest = _longest(vocab)
    # ways[k]: (parts, has_strong) of a split of word[:k] into furniture words, None if none
    ways: list[tuple[int, bool] | None] = [None] * (len(word) + 1)
    ways[0] = (0, False)
    for end in range(2, len(word) + 1):
        for start in range(max(0, end - longest), end - 1):
            prev = ways[start]
            kind = table.get(word[start:end]) if prev is not None else None
            if prev is not None and kind is not None:
                ways[end] = (prev[0] + 1, prev[1] or kind == "strong")
                break
    last = ways[-1]
    return last is not None and last[0] >= 2 and last[1]


def furniture_words_line(
    text: str, norm: str | None = None, vocab: Vocabulary | None = None, share: float = FURNITURE_SHARE
) -> bool:
    """True for a short line made mostly of furniture words (see the module's description): at
    least ``share`` of its content words.  ``norm`` is ``normalize_text(text)`` when known."""
    if len(text) > FURNITURE_MAX_CHARS:
        return False
    vocab = vocabulary() if vocab is None else vocab
    stop = _function_words()
    words = [w for w in _WORD_RE.findall(normalize_text(text) if norm is None else norm)
             if len(w) > 1 and w not in stop]
    if not words:
        return False
    if len(words) == 1 and _glued_furniture(words[0], vocab):
        return True
    table = _kinds(vocab)
    kinds = [table.get(w) for w in words]
    known = sum(k is not None for k in kinds)
    if known < share * len(words):
        return False
    return "strong" in kinds or known == len(words)


def furniture_lines(units: Sequence[Unit]) -> list[bool]:
    """Which lines are furniture by their words (:func:`furniture_words_line`; never date lines
    nor bylines: they stay datelines even when they name the site, ``Published: … | Source:
    CHANNEL8``), copyright footers longer than that (:func:`footer_line`; shorter ones are
    navigation: ``data/boilerplate_patterns.txt``) or a wiki's infobox (:func:`wiki_infobox_lines`)."""
    out = wiki_infobox_lines(units)
    for i, u in enumerate(units):
        if out[i]:
            continue
        if len(u.text) > FURNITURE_MAX_CHARS:
            out[i] = footer_line(u.text)
        elif not (u.date or u.date_in or u.byline or u.page_byline):
            out[i] = _furniture_words_of(u.text, u.key)
    return out


#: Lines whose :func:`furniture_words_line` is remembered: a site's chrome repeats page to page.
FURNITURE_MEMO_SIZE = 4096


@lru_cache(maxsize=FURNITURE_MEMO_SIZE)
def _furniture_words_of(text: str, key: str) -> bool:
    """:func:`furniture_words_line` of a line and its key, remembered."""
    return furniture_words_line(text, key)


def footer_line(text: str) -> bool:
    """A copyright footer, whatever its length up to :data:`FOOTER_MAX_CHARS`: it opens like one
    (``data/footer_openings.txt``) and holds a copyright mark (``data/footer_marks.txt``):
    ``Copyright © 2024 X. All rights reserved. Distributed by …``, ``جميع الحقوق محفوظة © …``."""
    if len(text) > FOOTER_MAX_CHARS:
        return False
    opening = normalize_text(text[:FOOTER_OPENING_CHARS])
    return (data_pattern("footer_openings.txt").match(opening) is not None
            and data_pattern("footer_marks.txt").search(normalize_text(text)) is not None)


#: A wiki's tagline is looked for among the page's first lines.
TAGLINE_REACH = 12
#: The entry's lead under its infobox: the first line of running text at least this long.
LEAD_MIN_CHARS = 250


@cache
def _taglines() -> frozenset[str]:
    """The taglines as line keys (normalized words between single spaces)."""
    return frozenset(" ".join(_WORD_RE.findall(normalize_text(t))) for t in data_lines("wiki_taglines.txt"))


def wiki_infobox_lines(units: Sequence[Unit]) -> list[bool]:
    """On a wiki page (its tagline among the first lines: ``From Wikipedia, the free
    encyclopedia``, ``من ويكيبيديا، الموسوعة الحرة``: ``data/wiki_taglines.txt``), the lines between
    the tagline and the entry's lead (the first line of :data:`LEAD_MIN_CHARS` or more) are its
    infobox as a text dump gives it (``Largest cityDamascus``, ``• Establishment``, ``November
    2017``, the map's caption), but for the entry's name given again (a line above the tagline);
    when the name is so given again, the other lines above the tagline are the wiki's chrome."""
    out = [False] * len(units)
    taglines = _taglines()
    tagline = next((i for i, u in enumerate(units[:TAGLINE_REACH]) if u.key in taglines), None)
    if tagline is None:
        return out
    lead = next((i for i in range(tagline + 1, len(units)) if len(units[i].text) >= LEAD_MIN_CHARS), None)
    if lead is None:
        return out
    above = {u.key for u in units[:tagline] if u.key}
    names = above & {u.key for u in units[tagline + 1 : lead]}
    for i in range(tagline + 1, lead):
        out[i] = units[i].key not in above
    if names:  # above the tagline, beside the entry's name: the wiki's chrome ("Extended-protected article")
        for i in range(tagline):
            out[i] = units[i].key not in names
    return out
