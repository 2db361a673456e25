"""Data tables shipped with bicorpus (month names, navigation words, honorifics...).

Each table is a readable text file in this folder: one entry per line, ``#`` starts a comment.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files


@cache
def data_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of the data file ``name`` (read once, then cached)."""
    text = files(__name__).joinpath(name).read_text(encoding="utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    )


@cache
def data_pairs(name: str) -> tuple[tuple[str, str], ...]:
    """Tab-separated ``KEY<TAB>VALUE`` lines of the data file ``name``."""
    pairs = []
    for line in data_lines(name):
        key, _, value = line.partition("\t")
        pairs.append((key.strip(), value.strip()))
    return tuple(pairs)


@cache
def data_pattern(name: str) -> re.Pattern[str]:
    """The regular expressions of the data file ``name``, one a line, as one case-blind
    alternation (compiled once)."""
    return re.compile("|".join(f"(?:{p})" for p in data_lines(name)), re.IGNORECASE)
