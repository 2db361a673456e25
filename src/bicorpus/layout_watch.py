"""An aggregator's "watch" line and the syndication notes quoting it.

A rewrite or aggregator site gives the article's headline once more under the text after a cue
word (``مشاهدة <headline>``: ``data/watch_cues.txt``), then notes where and when the story was
published, quoting that headline again (``نُشر هذا التقرير حول “<headline>” في يوم …``,
``يذكر بـأن الموضوع التابع لـ <headline> قد تم نشرة …``).  The cue line counts when its headline
repeats an earlier line (the page's title) or is quoted by a line just under it, and it comes
under a paragraph of the text (a headline opening ``شاهد...`` or ``Watch:`` heads the page); it and
the lines under it quoting the headline are boilerplate."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .data import data_lines
from .normalize import normalize_text

#: Fewest words of the headline after the cue word.
WATCH_MIN_WORDS = 4
#: Longest watch line.
WATCH_MAX_CHARS = 200
#: Share of the headline's words an earlier line (the title, perhaps reworded) must hold.
TITLE_SHARE = 0.6
#: Share of the headline's words a syndication note quoting it holds.
QUOTE_SHARE = 0.8
#: Shortest line of text that must come before a watch line.
PARAGRAPH_MIN_CHARS = 80
#: How many lines under the watch line may quote its headline.
QUOTE_WINDOW = 4


@cache
def _cues() -> frozenset[str]:
    return frozenset(normalize_text(w) for w in data_lines("watch_cues.txt"))


_RUN_RE = re.compile(r"[^\W_]+")


def _words(text: str, key: str) -> set[str]:
    """The words of a line: its key's, or (a paragraph has no key) its normalized text's."""
    return set(key.split()) if key else set(_RUN_RE.findall(normalize_text(text)))


def _share(words: frozenset[str], text: str, key: str) -> float:
    return len(words & _words(text, key)) / len(words)


def mark_watch_lines(texts: Sequence[str], keys: Sequence[str], flags: list[bool]) -> None:
    """Flag each watch line (``texts`` and their :func:`~bicorpus.layout_units.line_key`, empty for a
    paragraph) whose headline an earlier line repeats (:data:`TITLE_SHARE`) or a line under it
    quotes (:data:`QUOTE_SHARE`), and the lines under it quoting the headline; only under the
    first paragraph."""
    cues = _cues()
    start = next((i for i, text in enumerate(texts) if len(text) >= PARAGRAPH_MIN_CHARS), len(texts))
    for i in range(start + 1, len(keys)):
        key = keys[i]
        first, _, rest = key.partition(" ")
        if first not in cues or len(key) > WATCH_MAX_CHARS:
            continue
        words = frozenset(rest.split())
        if len(words) < WATCH_MIN_WORDS:
            continue
        quoting = [k for k in range(i + 1, min(len(keys), i + 1 + QUOTE_WINDOW))
                   if len(texts[k]) > len(rest) and _share(words, texts[k], keys[k]) >= QUOTE_SHARE]
        if quoting or any(_share(words, texts[k], keys[k]) >= TITLE_SHARE for k in range(i)):
            for k in (i, *quoting):
                flags[k] = True
