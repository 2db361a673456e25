"""CLI commands: concordance, variants, serve (thin layers over :mod:`bicorpus.api`)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from ..api import open_corpus, open_index
from ..model import LANGS, REGIONS
from .output import emit_rows, output_options


def _filter_options(func: Any) -> Any:
    """The filters of ``search``: --lang, --region, --doc, --since, --until, --exact."""
    for option in reversed([
        click.option("--lang", type=click.Choice(LANGS), help="Only passages in this language."),
        click.option("--region", type=click.Choice(REGIONS), help="Only passages of this layout region."),
        click.option("--doc", help="Only passages of this document id."),
        click.option("--since", help="Only passages dated on or after (YYYY, YYYY-MM or YYYY-MM-DD)."),
        click.option("--until", help="Only passages dated on or before (ISO prefix, inclusive)."),
        click.option("--exact", is_flag=True,
                     help="No name expansion: match words as written (or normalized)."),
    ]):
        func = option(func)
    return func


_INDEX = click.option("--index", "index_dir", default="index", show_default=True,
                      type=click.Path(file_okay=False, path_type=Path), help="Index directory.")
_CORPUS = click.option("--corpus", "corpus_dir", default="corpus", show_default=True,
                       type=click.Path(file_okay=False, path_type=Path), help="Corpus directory.")


@click.command("concordance")
@click.argument("query", nargs=-1, required=True)
@_INDEX
@click.option("--limit", "-n", default=100, show_default=True, type=click.IntRange(1, 10_000),
              help="Most passages to take lines from (in search order).")
@click.option("--width", "-w", type=click.IntRange(0, 1000), default=None,
              help="Context on each side  [default: 40 characters, 6 words].")
@click.option("--words", "unit", flag_value="words", help="Count --width in words.")
@click.option("--chars", "unit", flag_value="chars", default=True,
              help="Count --width in characters (default).")
@click.option("--sort", "sort", type=click.Choice(("rank", "match", "left", "right", "date", "doc")),
              default="rank", show_default=True,
              help="Order: search rank, the match, words left / right of it, date, document.")
@_filter_options
@output_options
def concordance_cmd(query: tuple[str, ...], index_dir: Path, limit: int, width: int | None, unit: str,
                    sort: str, fmt: str, **filters: Any) -> None:
    """Keyword-in-context lines for a search: one line per matched span, with the passage id,
    date, tier and confidence, left context, the match and right context.

    Same query language and filters as `bicorpus search`.  In a terminal each part is wrapped
    in Unicode bidi isolates, so Arabic and English contexts keep their columns.

    \b
    Examples:
        bicorpus concordance Nusra --sort left
        bicorpus concordance 'دير الزور' --words --width 5
        bicorpus concordance ISIS --since 2017 --csv > isis.csv
    """
    from ..kwic import kwic_lines, terminal_lines

    text = " ".join(query)
    with open_index(index_dir) as ix:
        conc = kwic_lines(ix, text, limit=limit, width=width, unit=unit, sort=sort, **filters)
    if fmt == "text":
        if not conc.lines:
            click.echo(f"No passages match {text!r}.")
            return
        mark = ("\x1b[1m", "\x1b[0m") if sys.stdout.isatty() else ("", "")
        for line in terminal_lines(conc, mark=mark):
            click.echo(line)
        click.echo(f"{len(conc.lines)} line{'s' if len(conc.lines) != 1 else ''} from {conc.passages} of "
                   f"{conc.total} matching passage{'s' if conc.total != 1 else ''}.")
        return
    emit_rows([line.to_dict() for line in conc.lines], fmt, document=conc.to_dict())


@click.command("variants")
@click.argument("name", nargs=-1, required=True)
@_INDEX
@_CORPUS
@_filter_options
@output_options
def variants_cmd(name: tuple[str, ...], index_dir: Path, corpus_dir: Path, fmt: str, **filters: Any) -> None:
    """Every spelling of a name (or of its gazetteer entity) in the corpus, in both scripts: its
    tier, passages, documents, first and last date, and counts by year, site and language.

    The passages are those `bicorpus search NAME` finds.

    \b
    Examples:
        bicorpus variants Nusra
        bicorpus variants 'Deir ez-Zor' --csv > deir.csv
    """
    from ..spellings import document_sites, find_variants, variant_rows

    text = " ".join(name)
    sites = document_sites(open_corpus(corpus_dir).documents())
    with open_index(index_dir) as ix:
        result = find_variants(ix, text, sites=sites, **filters)
    rows = variant_rows(result)
    if fmt != "text":
        emit_rows(rows, fmt, document=result.to_dict())
        return
    if not rows:
        click.echo(f"No passages match {text!r}.")
        return
    for entity in result.entities:
        click.echo(f"entity {entity['id']} ({entity['type']}): {' | '.join(entity['names'])}")
    for row in rows:
        del row["by_year"], row["by_site"], row["by_lang"]
    emit_rows(rows, "table")
    click.echo(f"{len(rows)} spelling{'s' if len(rows) != 1 else ''} in {len(result.passage_ids)} of "
               f"{result.total} matching passage{'s' if result.total != 1 else ''}"
               + ("" if result.complete else " (the first 10,000 passages)") + ".")


@click.command("serve")
@_INDEX
@_CORPUS
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port.")
def serve_cmd(index_dir: Path, corpus_dir: Path, host: str, port: int) -> None:
    """A local web UI over the index and its corpus: search, passages, concordance, variants,
    downloads and a JSON API (/api/search, /api/passage/ID, /api/variants).  Read-only.

    \b
    Example:
        bicorpus serve            # then open http://127.0.0.1:8000/
    """
    from ..api import serve
    from ..web import check_sources

    check_sources(index_dir, corpus_dir)  # a missing index is one line, before the server starts
    click.echo(f"Serving {index_dir} on http://{host}:{port}/ (Ctrl-C stops)", err=True)
    serve(index_dir, corpus_dir, host=host, port=port)


COMMANDS: list[click.Command] = [concordance_cmd, variants_cmd, serve_cmd]
