"""Romanization columns: the project's own romanizer, and Buckwalter when camel-tools is installed.

Both work token by token and keep everything between tokens (spaces, punctuation) as it is,
so ``د. أيمن سمير يكتب:`` romanizes to ``d. aymn smyr yktb:`` (whatever the romanizer
gives for each word)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from ..errors import ExportError
from ..normalize.tokenize import TOKEN_RE

Mapper = Callable[[str], str]


def _romanizer() -> Mapper | None:
    try:
        from ..names import romanize
    except ImportError:
        return None
    # ``bicorpus.names.romanize`` is the function, or the module that defines it
    function = getattr(romanize, "romanize", romanize)
    return function if callable(function) else None


@functools.cache
def buckwalter_mapper() -> Mapper | None:
    """camel-tools' ``ar2bw`` mapper, or ``None`` when the camel extra is not installed."""
    try:
        from camel_tools.utils.charmap import CharMapper  # type: ignore[import-not-found]
    except ImportError:
        return None
    return CharMapper.builtin_mapper("ar2bw").map_string  # type: ignore[no-any-return]


def _map_tokens(text: str, mapper: Mapper, pattern: re.Pattern[str] = TOKEN_RE) -> str:
    return pattern.sub(lambda m: mapper(m.group()), text)


class Transliterator:
    """Romanizes tokens and whole passage texts (and Buckwalter, when available)."""

    def __init__(self, romanize: Mapper, buckwalter: Mapper | None) -> None:
        self._romanize = romanize
        self._buckwalter = buckwalter

    @property
    def has_buckwalter(self) -> bool:
        return self._buckwalter is not None

    def columns(self) -> tuple[str, ...]:
        """The extra column names this transliterator fills."""
        return ("translit", "buckwalter") if self._buckwalter else ("translit",)

    def token(self, token: str) -> str:
        """Romanization of one word token."""
        return self._romanize(token)

    def token_buckwalter(self, token: str) -> str:
        return self._buckwalter(token) if self._buckwalter else ""

    def text(self, text: str) -> str:
        """``text`` with every word replaced by its romanization."""
        return _map_tokens(text, self._romanize)

    def text_buckwalter(self, text: str) -> str:
        return _map_tokens(text, self._buckwalter) if self._buckwalter else ""

    def row(self, text: str) -> dict[str, str]:
        """The extra columns for a passage text."""
        row = {"translit": self.text(text)}
        if self._buckwalter:
            row["buckwalter"] = self.text_buckwalter(text)
        return row


def make_transliterator() -> Transliterator:
    """The transliterator of this installation (raises :class:`ExportError` if romanization is missing)."""
    romanize = _romanizer()
    if romanize is None:
        raise ExportError("romanization is not available in this bicorpus installation (bicorpus.names)")
    return Transliterator(romanize, buckwalter_mapper())


def optional_transliterator() -> Transliterator | None:
    """The transliterator, or ``None`` when romanization is not available."""
    romanize = _romanizer()
    return Transliterator(romanize, buckwalter_mapper()) if romanize else None
