"""Output flags shared by every command (``--json``, ``--jsonl``, ``--csv``, ``--table``)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import click

FORMATS = ("text", "json", "jsonl", "csv", "table")


def output_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Give a command the same output flags as every other; the choice arrives as ``fmt``."""
    func = click.option("--table", "fmt", flag_value="table", help="Output as an aligned table.")(func)
    func = click.option("--csv", "fmt", flag_value="csv", help="Output as CSV.")(func)
    func = click.option("--jsonl", "fmt", flag_value="jsonl", help="Output as JSON Lines.")(func)
    func = click.option("--json", "fmt", flag_value="json", help="Output as JSON.")(func)
    return click.option("--text", "fmt", flag_value="text", default=True, hidden=True)(func)


def dumps(obj: Any, **kwargs: Any) -> str:
    """JSON with Arabic left readable."""
    return json.dumps(obj, ensure_ascii=False, **kwargs)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return dumps(value)
    return str(value)


def emit_rows(rows: Iterable[Mapping[str, Any]], fmt: str, *, document: Any = None) -> None:
    """Print ``rows`` as json/jsonl/csv/table.

    With ``--json``, ``document`` (if given) is printed instead of the bare row list,
    so commands can wrap rows in an object such as ``{"query", "total", "hits"}``."""
    rows = list(rows)
    if fmt == "json":
        click.echo(dumps(document if document is not None else rows, indent=2))
    elif fmt == "jsonl":
        for row in rows:
            click.echo(dumps(row))
    elif fmt == "csv":
        if not rows:
            return
        click.echo(rows_csv(rows), nl=False)
    else:
        if not rows:
            return
        cols = list(rows[0].keys())
        cells = [[_cell(r.get(c)) for c in cols] for r in rows]
        widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(cols)]
        click.echo("  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)).rstrip())
        click.echo("  ".join("-" * w for w in widths))
        for r in cells:
            click.echo("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip())


def rows_csv(rows: Iterable[Mapping[str, Any]]) -> str:
    """The CSV text ``--csv`` prints for ``rows`` (header from the first row; empty without rows)."""
    rows = list(rows)
    if not rows:
        return ""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0].keys()), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return buf.getvalue()
