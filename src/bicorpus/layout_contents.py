"""A document's table of contents: bullets under a contents heading.

A report or study given as text may list its parts under a heading of its own (``Contents``,
``Table of contents``, ``المحتويات``, ``فهرس المحتويات``: ``data/contents_headings.txt``), one bullet
a part, some as ``label: name`` (``• First response: Dr …``, ``• التعقيب الأول: أ. …``).  Such a run
of bullets is the document's own list, part of the text: not an infobox of ``label: value``
fields and not a list of related links."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from .data import data_lines

#: Fewest bullets under the heading for a table of contents.
CONTENTS_MIN_ITEMS = 3
#: Longest contents heading line.
CONTENTS_HEADING_MAX_CHARS = 40

@cache
def _headings() -> frozenset[str]:
    """The contents headings' line keys (:func:`~bicorpus.layout_units.line_key`)."""
    from .layout_units import line_key  # the layout imports this module: read when first asked for

    return frozenset(line_key(line) for line in data_lines("contents_headings.txt"))


def contents_items(texts: Sequence[str], keys: Sequence[str], bullets: Sequence[bool]) -> list[int]:
    """Indexes of the bullets (``bullets[i]``) that stand in a run of at least
    :data:`CONTENTS_MIN_ITEMS` right under a contents heading among the lines ``texts`` (``keys``:
    their :func:`~bicorpus.layout_units.line_key`)."""
    items: list[int] = []
    n = len(texts)
    for i, text in enumerate(texts):
        if (bullets[i] or i + 1 >= n or not bullets[i + 1] or len(text) > CONTENTS_HEADING_MAX_CHARS
                or keys[i] not in _headings()):
            continue
        j = i + 1
        while j < n and bullets[j]:
            j += 1
        if j - i - 1 >= CONTENTS_MIN_ITEMS:
            items.extend(range(i + 1, j))
    return items


def contents_headings(items: Sequence[int]) -> list[int]:
    """Indexes of the contents headings over the runs of ``items`` (:func:`contents_items`): the
    line above each run."""
    found = set(items)
    return [k - 1 for k in items if k - 1 not in found]
