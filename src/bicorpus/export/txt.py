"""Plain-text export for quick reading: one passage per line, one file per language.

With ``--out corpus.txt`` the passages go to ``corpus.ar.txt``, ``corpus.en.txt`` and
``corpus.mixed.txt`` (only the languages present); with ``--lang`` to the given file itself;
on standard output all languages are interleaved in corpus order.  With ``--translit`` each
file gets a line-aligned romanized twin (``corpus.ar.translit.txt``: line n romanizes line n).
Line breaks inside a passage become spaces, so this format is for reading, not for round trips.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import IO

from ..errors import ExportError
from ..model import Document, Passage
from .base import ExportInfo, Writer

_LINE_BREAK_RE = re.compile(r"\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")


def one_line(text: str) -> str:
    """``text`` with every line break replaced by a space."""
    return _LINE_BREAK_RE.sub(" ", text)


class TxtWriter(Writer):
    name = "txt"
    extension = ".txt"
    description = "plain text, one passage per line, one file per language"

    def begin(self, info: ExportInfo) -> None:
        if self.options.translit and self.output.is_stdout:
            raise ExportError("txt with --translit writes a romanized twin file: give --out PATH")
        self._files: dict[str, IO[str]] = {}
        self._single = self.output.is_stdout or self.options.lang is not None

    def _file(self, lang: str, variant: str | None = None) -> IO[str]:
        key = ".".join(k for k in ("" if self._single else lang, variant or "") if k)
        fh = self._files.get(key)
        if fh is None:
            fh = self._files[key] = self.output.text(key or None)
        return fh

    def write_document(self, doc: Document, passages: Sequence[Passage]) -> None:
        translit = self.options.translit
        for p in passages:
            line = one_line(p.text)
            self._file(p.lang).write(line + "\n")
            if translit:
                self._file(p.lang, "translit").write(translit.text(line) + "\n")

    def end(self) -> None:
        for fh in self._files.values():
            fh.close()
