"""Parquet export (optional ``parquet`` extra, pyarrow): the csv columns, typed, written in row groups."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import ExportError
from ..model import Document, Passage
from .base import ExportInfo, Writer
from .columns import columns_for, flat_row, records_from_row
from .matches import match_values

#: Rows buffered before a row group is written.
BATCH_ROWS = 10_000
INSTALL_HINT = "parquet export needs pyarrow: pip install 'bicorpus[parquet]'"


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa  # type: ignore[import-not-found]
        import pyarrow.parquet as pq  # type: ignore[import-not-found]
    except ImportError as err:
        raise ExportError(INSTALL_HINT) from err
    return pa, pq


def require_pyarrow() -> None:
    """Raise the one-line install hint when pyarrow is missing."""
    _pyarrow()


class ParquetWriter(Writer):
    name = "parquet"
    extension = ".parquet"
    description = "Apache Parquet, the csv columns with their types (needs the parquet extra)"
    needs_file = True

    def begin(self, info: ExportInfo) -> None:
        pa, pq = _pyarrow()
        self._pa = pa
        translit = self.options.translit
        extra = translit.columns() if translit else ()
        types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}
        self._matches = self.options.matches
        self._columns = columns_for(extra, matches=self._matches is not None)
        self._schema = pa.schema(
            [pa.field(c.name, types[c.type], nullable=c.optional) for c in self._columns],
            metadata={"bicorpus.corpus": info.corpus_path, "bicorpus.version": info.version},
        )
        self._fh = self.output.binary()
        self._writer = pq.ParquetWriter(self._fh, self._schema, compression="zstd")
        self._batch: dict[str, list[Any]] = {c.name: [] for c in self._columns}
        self._n = 0

    def write_document(self, doc: Document, passages: Sequence[Passage]) -> None:
        translit = self.options.translit
        for p in passages:
            row = flat_row(doc, p)
            if translit:
                row.update(translit.row(p.text))
            if self._matches is not None:
                row.update(match_values(self._matches, p.id))
            for name, values in self._batch.items():
                values.append(row[name])
            self._n += 1
        if self._n >= BATCH_ROWS:
            self._flush()

    def _flush(self) -> None:
        if self._n:
            self._writer.write_batch(self._pa.record_batch(self._batch, schema=self._schema))
            for values in self._batch.values():
                values.clear()
            self._n = 0

    def end(self) -> None:
        self._flush()
        self._writer.close()
        self._fh.close()


def read_parquet_records(path: str | Path) -> Iterator[tuple[Document, Passage]]:
    """Stream the (document, passage) pairs of a parquet export."""
    pa, pq = _pyarrow()
    try:
        parquet = pq.ParquetFile(str(path))
    except (OSError, pa.ArrowException) as err:
        raise ExportError(f"{path} is not a readable parquet file ({err})") from err
    number = 0
    for batch in parquet.iter_batches(batch_size=BATCH_ROWS):
        for row in batch.to_pylist():
            number += 1
            try:
                record = records_from_row(row)
            except ExportError as err:
                raise ExportError(f"{path}: row {number}: {err}") from err
            yield record
