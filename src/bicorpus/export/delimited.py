"""CSV and TSV export: the flat layout of :mod:`bicorpus.export.columns`, one passage per row.

Fields are quoted only when needed (RFC 4180 style, also for TSV), so texts with quotes,
tabs or line breaks survive.  ``--excel`` writes a UTF-8 byte-order mark and CRLF line
ends, which Excel needs to open Arabic correctly.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar

from ..errors import ExportError
from ..model import Document, Passage
from .base import ExportInfo, Writer
from .columns import column_names, flat_row, records_from_row
from .matches import match_values

BOM = "\ufeff"


def _cell(value: Any) -> Any:
    return "" if value is None else value


class DelimitedWriter(Writer):
    delimiter: ClassVar[str] = ","

    def begin(self, info: ExportInfo) -> None:
        self._fh = self.output.text()
        if self.options.excel:
            self._fh.write(BOM)
        translit = self.options.translit
        self._extra = translit.columns() if translit else ()
        dialect = {"delimiter": self.delimiter, "lineterminator": "\r\n" if self.options.excel else "\n"}
        self._csv = csv.writer(self._fh, quoting=csv.QUOTE_MINIMAL, **dialect)
        # the csv module leaves a lone carriage return unquoted when lines end in "\n" only
        self._csv_quoted = csv.writer(self._fh, quoting=csv.QUOTE_ALL, **dialect)
        self._matches = self.options.matches
        self._csv.writerow(column_names(self._extra, matches=self._matches is not None))

    def write_document(self, doc: Document, passages: Sequence[Passage]) -> None:
        translit = self.options.translit
        rows = []
        for passage in passages:
            row = flat_row(doc, passage)
            if translit:
                row.update(translit.row(passage.text))
            if self._matches is not None:
                row.update(match_values(self._matches, passage.id))
            rows.append([_cell(v) for v in row.values()])
        for cells in rows:
            has_cr = any(isinstance(c, str) and "\r" in c for c in cells)
            (self._csv_quoted if has_cr else self._csv).writerow(cells)

    def end(self) -> None:
        self._fh.close()


class CsvWriter(DelimitedWriter):
    name = "csv"
    extension = ".csv"
    description = "comma-separated values, one passage per row"
    delimiter = ","


class TsvWriter(DelimitedWriter):
    name = "tsv"
    extension = ".tsv"
    description = "tab-separated values, one passage per row"
    delimiter = "\t"


def read_delimited(path: str | Path, delimiter: str = ",") -> Iterator[dict[str, str]]:
    """Stream the rows of a csv/tsv export as dicts of strings (a leading BOM is skipped)."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            yield from csv.DictReader(fh, delimiter=delimiter)
    except (csv.Error, UnicodeDecodeError) as err:
        raise ExportError(f"{path} is not a readable UTF-8 delimited file ({err})") from err
    except OSError as err:
        raise ExportError(f"cannot read {path}: {err.strerror or err}") from err


def read_csv_records(path: str | Path, delimiter: str = ",") -> Iterator[tuple[Document, Passage]]:
    """Stream the (document, passage) pairs of a csv/tsv export."""
    for number, row in enumerate(read_delimited(path, delimiter), 1):
        try:
            record = records_from_row(row)
        except ExportError as err:
            raise ExportError(f"{path}: row {number}: {err}") from err
        yield record
