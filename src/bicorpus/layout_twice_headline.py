"""A page opening with its headline given twice or three times in a row (the page's title and
its heading, perhaps a share widget's copy): a long line given twice close by reads as a picture's
alt text and caption, but here nothing but chrome stands above it and the text follows it.  Its
first copy is the headline; the others stay out of the article."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

#: At most this many copies of the headline in a row.
MAX_COPIES = 3


class _Line(Protocol):
    key: str


def headline_given_twice(units: Sequence[_Line], para: Sequence[bool], boiler: Sequence[bool],
                         shaped: Callable[[int], bool]) -> int | None:
    """The first copy of a headline (``shaped``) given two or three times in a row, all copies
    flagged as boilerplate, with only flagged lines above it and a paragraph right under its
    copies, or under one more line (its standfirst); else None."""
    n = len(units)
    start = None
    for i in range(n - 1):
        if not boiler[i]:
            return None  # a line of the article above: not the page's opening
        if units[i].key and units[i + 1].key == units[i].key:
            start = i
            break
    if start is None:
        return None
    key = units[start].key
    end = start
    while end + 1 < n and units[end + 1].key == key:
        end += 1
    if end - start + 1 > MAX_COPIES or not all(boiler[start:end + 1]) or not shaped(start):
        return None
    after = [i for i in range(end + 1, min(n, end + 3)) if not boiler[i]]
    if not after or not (para[after[0]] or (len(after) > 1 and after[1] == after[0] + 1 and para[after[1]])):
        return None
    return start
