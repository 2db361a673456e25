"""Lists of other stories under the article's text, by the repetition of one item shape.

Under its last paragraph a news page often lists other stories of the site, for instance as a
run of bulleted headlines (``* …``, ``- …``).  One such line could be the text's own; what gives a
list away is the *same* shape given again:

* :func:`bulleted_headlines`: after the last paragraph, three or more lines with the same bullet
  marker, none closed like a sentence or a clause and most of them headline-long, that no line
  announces (a heading right above them, or a line ending in a colon or on words announcing a
  list, ``… the following.``, ``… كما يلي.``: a list of the text).

It is a pure function of the lines' texts and the layout's paragraph and boilerplate flags.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .data import data_lines
from .normalize import normalize_text

#: Longest listed headline (characters).
ITEM_MAX_CHARS = 200
#: Fewest words of a listed headline (without its bullet).
ITEM_MIN_WORDS = 4
#: How many of the last characters and words of the line above a list are searched for words announcing it.
ANNOUNCER_REACH = 60
ANNOUNCER_WORDS = 3
#: Fewest bulleted headlines in a run, and the fewest of them with ITEM_MIN_WORDS words or more.
BULLETED_MIN_ITEMS = 3

_BULLET_RE = re.compile(r"^([•·▪●◦‣∙○■□►▶➢✓✔*]|[-–—](?=\s))\s*")
_WORD_RE = re.compile(r"\w+")
_CLOSERS = "\"'”’»)] "
#: A headline may end on ``!``, ``?`` or an ellipsis; a sentence or a clause of text ends on these.
_CLAUSE_ENDS = ".:;,،؛"


def _headline(text: str) -> bool:
    """A listed headline: short, at least ITEM_MIN_WORDS words, not closed like a sentence or clause."""
    t = _BULLET_RE.sub("", text, count=1).rstrip(_CLOSERS)
    if not t or len(t) > ITEM_MAX_CHARS or len(_WORD_RE.findall(t)) < ITEM_MIN_WORDS:
        return False
    return t[-1] not in _CLAUSE_ENDS or t.endswith("...")


@cache
def _announcers() -> tuple[str, ...]:
    return tuple(normalize_text(line) for line in data_lines("list_announcers.txt"))


def _announces(text: str) -> bool:
    """``text`` ends in a colon, or its last three words announce a list (``… the following steps.``,
    ``… كما يلي.``: ``data/list_announcers.txt``)."""
    if text.rstrip(_CLOSERS)[-1:] in ":：":
        return True
    tail = " " + " ".join(_WORD_RE.findall(normalize_text(text[-ANNOUNCER_REACH:]))[-ANNOUNCER_WORDS:]) + " "
    return any(f" {words} " in tail for words in _announcers())


def _marker(text: str) -> str | None:
    m = _BULLET_RE.match(text)
    return m.group(1) if m else None


def bulleted_headlines(texts: Sequence[str], para: Sequence[bool], flags: Sequence[bool]) -> list[int]:
    """The lines of runs of bulleted headlines after the last paragraph (see the module's docstring)."""
    n = len(texts)
    last = next((i for i in range(n - 1, -1, -1) if para[i] and not flags[i]), None)
    if last is None:
        return []
    out: list[int] = []
    i = last + 1
    while i < n:
        mark = _marker(texts[i])
        if mark is None:
            i += 1
            continue
        j = i
        while j < n and _marker(texts[j]) == mark:
            j += 1
        run = range(i, j)
        above = next((k for k in range(i - 1, -1, -1) if not flags[k]), None)
        announced = above is not None and (not para[above] or _announces(texts[above]))
        bodies = [_BULLET_RE.sub("", texts[k], count=1).rstrip(_CLOSERS) for k in run]
        if (len(run) >= BULLETED_MIN_ITEMS and not announced
                and not any(b and b[-1] in _CLAUSE_ENDS and not b.endswith("...") for b in bodies)
                and all(len(b) <= ITEM_MAX_CHARS for b in bodies)
                and sum(_headline(b) for b in bodies) >= max(BULLETED_MIN_ITEMS, (len(bodies) + 1) // 2)):
            out.extend(run)
        i = j
    return out


def mark_story_lists(texts: Sequence[str], para: Sequence[bool], flags: list[bool]) -> None:
    """Flag in ``flags`` the lines of lists of other stories among the article's lines ``texts``."""
    for i in bulleted_headlines(texts, para, flags):
        flags[i] = True
