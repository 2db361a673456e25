"""Errors that reach the user as one clear line (the CLI prints them without a traceback)."""

from __future__ import annotations

import re

#: Characters a message must not print raw: control characters (a newline could forge a line),
#: line and paragraph separators, and bidirectional overrides.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with control characters escaped (``\\n``, ``\\x1b``...), for one-line messages that
    name files: a file name holding a newline cannot forge a second line."""
    def escape(found: re.Match[str]) -> str:
        char = found.group()
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char) or (
            f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")
    return _UNPRINTABLE.sub(escape, text)


class BicorpusError(Exception):
    """Base class: ``str(err)`` is a complete one-line message for the user."""


class Interrupted(BicorpusError):
    """Ctrl-C stopped a command; ``str(err)`` says what state the corpus and the index are in."""


class SourceError(BicorpusError):
    """A source file could not be read or decoded."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class CorpusError(BicorpusError):
    """The corpus directory is missing, corrupt, locked or from another version."""


class SearchIndexError(BicorpusError):
    """The index directory is missing, corrupt or from another version."""


class PassageNotFound(BicorpusError):
    """The index holds no passage with the id asked for."""


class QueryError(BicorpusError):
    """A search query could not be parsed or has nothing to search for."""


class AliasFileError(BicorpusError):
    """An alias (gazetteer) file is malformed."""


class ExportError(BicorpusError):
    """An export could not be written (unknown format, existing file, bad path)."""
