"""CLI commands: export."""

from __future__ import annotations

import os
import shlex
import sys
from typing import Any

import click

from ..errors import ExportError
from ..export import FORMATS, export_corpus
from ..model import LANGS, REGIONS

_FILTER_OPTIONS = ("--lang", "--region", "--doc", "--since", "--until", "--query")


class _ExportCommand(click.Command):
    """Unknown options get the same one-line error as unknown values, listing the valid ones."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as err:
            valid = sorted(opt for param in self.params for opt in param.opts if opt.startswith("--"))
            raise ExportError(
                f"unknown option {err.option_name} (filters: {', '.join(_FILTER_OPTIONS)}; "
                f"all options: {', '.join(valid)})"
            ) from None
        except click.MissingParameter as err:
            raise ExportError(f"{err.format_message()} (formats: {', '.join(FORMATS)})") from None
        except click.UsageError as err:
            raise ExportError(f"{err.format_message()} (see bicorpus export --help)") from None


@click.command(
    "export",
    cls=_ExportCommand,
    epilog=(
        "\b\nExamples:\n"
        "  bicorpus export --format csv --excel --out exports/corpus.csv\n"
        "  bicorpus export --format jsonl --lang ar --region site-header > bullets.jsonl\n"
        "  bicorpus export --format tei --split --out exports/tei/\n"
        "  bicorpus export --format vertical --translit --out exports/corpus.vrt\n"
        "  bicorpus export --format csv --query Nusra --since 2017 --out nusra.csv"
    ),
)
@click.option(
    "--format", "fmt", required=True, metavar="FORMAT",
    help=f"One of: {', '.join(FORMATS)} (parquet needs the parquet extra).",
)
@click.option("--out", "out", default="-", show_default=True, metavar="PATH|-",
              help="File to write (a folder with --split); - for standard output.")
@click.option("--corpus", "corpus", default="corpus", show_default=True, type=click.Path(),
              help="Corpus folder to export.")
@click.option("--lang", metavar="LANG", help=f"Only passages in this language: {', '.join(LANGS)}.")
@click.option("--region", metavar="REGION", help=f"Only passages of this region: {', '.join(REGIONS)}.")
@click.option("--doc", metavar="DOC_ID", help="Only passages of this document.")
@click.option("--since", metavar="DATE", help="Only passages dated on or after DATE (YYYY[-MM[-DD]]).")
@click.option("--until", metavar="DATE", help="Only passages dated on or before DATE (YYYY[-MM[-DD]]).")
@click.option("--include-undated", is_flag=True,
              help="With --since/--until: keep the passages that have no date too.")
@click.option("--query", metavar="QUERY", help="Only passages matching this search (needs the index).")
@click.option("--index", "index", default="index", show_default=True, type=click.Path(),
              help="Search index used by --query.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="With --query: leave out matches less sure than this (default: the search default).")
@click.option("--derived", is_flag=True, help="With --query: names also match their derived forms (Iraqi).")
@click.option("--translit", is_flag=True,
              help="Add a romanization column/attribute; a Buckwalter one too when the camel extra "
                   "(camel-tools) is installed, otherwise no Buckwalter column.")
@click.option("--excel", is_flag=True, help="csv/tsv: UTF-8 byte-order mark and CRLF, so Excel reads Arabic.")
@click.option("--split", is_flag=True, help="One file per document inside the --out folder.")
@click.option("--card/--no-card", default=True, show_default=True,
              help="Write a data card (PATH.README.md, or README.md in the --split folder).")
@click.option("--force", is_flag=True, help="Replace existing files.")
@click.option("--entities/--no-entities", default=True, show_default=True,
              help="tei / vertical: tag the gazetteer's names (TEI name elements, the entity column); "
                   "--no-entities is about twice as fast.")
def export_cmd(fmt: str, out: str, corpus: str, index: str, card: bool, **kwargs: Any) -> None:
    """Export the corpus (or the passages you select) for other tools.

    Formats: jsonl (lossless, one passage per line), csv / tsv (one passage per row),
    tei (TEI P5 XML), vertical (CWB / Sketch Engine), txt (one passage per line per
    language), parquet. Files are written whole or not at all and never replace
    existing ones without --force. See docs/export.md for every format's layout.
    """
    try:
        report = export_corpus(
            corpus, fmt.lower(), out, index=index, card=card, command=_command_line(), **kwargs
        )
    except BrokenPipeError:
        # the reader of standard output went away (``| head``): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(141)
    if report.files:
        stats = report.stats
        where = report.files[0].parent if kwargs.get("split") else ", ".join(str(f) for f in report.files)
        click.echo(
            f"exported {_count(stats.passages, 'passage')} of {_count(stats.documents, 'document')} "
            f"as {fmt} to {where}"
            + (f" (card: {report.card})" if report.card else ""),
            err=True,
        )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _command_line() -> str:
    """The export command as given (options set on the command line only), for the data card."""
    ctx = click.get_current_context()
    args = ["bicorpus", "export"]
    for param in ctx.command.params:
        name = param.name or ""
        if ctx.get_parameter_source(name) is not click.core.ParameterSource.COMMANDLINE:
            continue
        value = ctx.params[name]
        if isinstance(param, click.Option) and param.is_flag:
            flag = param.opts[0] if value else (param.secondary_opts or param.opts)[0]
            args.append(flag)
        else:
            args += [param.opts[0], str(value)]
    return shlex.join(args)


COMMANDS: list[click.Command] = [export_cmd]
