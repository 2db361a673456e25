"""Names across spellings and scripts: romanization, match keys, the alias gazetteer.

>>> name_keys("an-Nusrah") == name_keys("النصرة")[:1]
True
"""

from __future__ import annotations

from .gazetteer import Entity, Gazetteer, Mention
from .keys import KEY_VERSION, is_article, is_common_word, name_keys
from .matching import NameMatch, match
from .romanizer import romanize

__all__ = [
    "KEY_VERSION",
    "Entity",
    "Gazetteer",
    "Mention",
    "NameMatch",
    "is_article",
    "is_common_word",
    "match",
    "name_keys",
    "romanize",
]
