"""Errors that reach the user as one clear line (the CLI prints them without a traceback)."""

from __future__ import annotations


class BicorpusError(Exception):
    """Base class: ``str(err)`` is a complete one-line message for the user."""


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


class QueryError(BicorpusError):
    """A search query could not be parsed or has nothing to search for."""


class AliasFileError(BicorpusError):
    """An alias (gazetteer) file is malformed."""


class ExportError(BicorpusError):
    """An export could not be written (unknown format, existing file, bad path)."""
