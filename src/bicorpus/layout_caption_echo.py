"""Captions known by their echo: a picture's alt text and its caption often stand on two lines side
by side, one cut short (``… carry her coffin to...`` over the caption given whole) or naming the
same people and things again in a few words (``Armed Houthi fighters stand in a row …`` over
``Representative image of Armed Houthi fighters. Photo: AP``).  Once one of the two is known for
boilerplate (by a credit, a caption cue or its place), its echo beside it is boilerplate too.  The
rule runs after the other rules of the article, so an echo of a line any of them found is taken.

A paragraph that only starts as its neighbour does (a teaser above the lead it copies) is no echo:
the short one must be cut short, with an ellipsis.  A long paragraph naming the caption's people
is no echo either: only a short line closed by a full stop beside a caption is read for the words
they share (a headline over the picture, with no full stop, names the same people too)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .normalize import normalize_text

#: Shortest cut-short line read as an echo (a shorter start is too common to prove anything).
ECHO_MIN_CHARS = 30
#: Words in a row a short line must share with the caption beside it.
ECHO_RUN_WORDS = 3
#: Most words of a line read as the echo of a caption beside it.
ECHO_MAX_WORDS = 20
#: Longest line compared whole with its neighbour for a cut-short start.
ECHO_LINE_MAX_CHARS = 600

_CUT_RE = re.compile(r"(?:\.\.\.|…)\s*$")
_WORD_RE = re.compile(r"[^\W_]+")


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(normalize_text(text))


def _cut_short_of(cut: str, whole: str) -> bool:
    """``cut`` ends with an ellipsis and is the start of ``whole``, word for word."""
    if not _CUT_RE.search(cut) or len(cut) < ECHO_MIN_CHARS or len(whole) > ECHO_LINE_MAX_CHARS:
        return False
    head, full = _words(cut), _words(whole)
    return len(full) > len(head) and full[:len(head) - 1] == head[:-1]  # its last word may be cut


def _shared_run(a: Sequence[str], b: Sequence[str], run: int) -> bool:
    """``a`` and ``b`` share ``run`` words in a row."""
    grams = {tuple(a[i:i + run]) for i in range(len(a) - run + 1)}
    return any(tuple(b[i:i + run]) in grams for i in range(len(b) - run + 1))


def mark_caption_echoes(texts: Sequence[str], keys: Sequence[str], captions: Sequence[bool],
                        flags: list[bool]) -> None:
    """Flag in ``flags`` each line beside a boilerplate line that echoes it: one of the two cut
    short at the start of the other, or a short line closed by a full stop sharing
    ``ECHO_RUN_WORDS`` words in a row with a caption known by its cue (``captions``).  ``keys``:
    the lines' keys (``""`` for a line too long to compare)."""
    n = len(texts)
    for i in range(n):
        if flags[i]:
            continue
        for j in (i - 1, i + 1):
            if not (0 <= j < n and flags[j]):
                continue
            if _cut_short_of(texts[i], texts[j]) or _cut_short_of(texts[j], texts[i]):
                flags[i] = True
                break
            if not (captions[j] and keys[i] and keys[j]):
                continue
            words = keys[i].split()
            if (texts[i].rstrip().endswith(".") and len(words) <= ECHO_MAX_WORDS
                    and _shared_run(words, keys[j].split(), ECHO_RUN_WORDS)):
                flags[i] = True
                break
