"""CLI command: check (does the corpus hold together, does the index agree with it)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..check import check
from .options import corpus_option, index_option
from .output import emit_rows, output_options


@click.command("check")
@corpus_option()
@index_option()
@click.option("--no-index", is_flag=True, help="Check the corpus only.")
@click.option("--quick", is_flag=True, help="Compare passage counts, not every passage id, with the index.")
@output_options
def check_cmd(corpus_dir: Path, index_dir: Path, no_index: bool, quick: bool, fmt: str) -> None:
    """Verify the corpus files and that the index agrees with them.

    Checks file sizes and SHA-256 against the manifest, counts, passage ids, versions, and the
    corpus state the index records.  Changes nothing.  Exit status 0 when all is well, 1 when a
    problem is found (each one printed with how to repair it).

    \b
    Example:
        bicorpus check
        bicorpus check --corpus corpus --index index --json
    """
    report = check(corpus_dir, None if no_index else index_dir, deep=not quick)
    if fmt == "text":
        facts = report.facts
        click.echo(f"corpus {corpus_dir}: {facts.get('documents', '?')} documents, "
                   f"{facts.get('passages', '?')} passages, file hashes {facts.get('file_hashes', '?')}")
        if "writer" in facts:
            click.echo(f"  being written by {facts['writer']}")
        if "interrupted_write" in facts:
            click.echo(f"  note: an interrupted write is left in {facts['interrupted_write']}")
        if not no_index:
            click.echo(f"index {index_dir}: {facts.get('index_passages', '?')} passages")
        for problem in report.problems:
            click.echo(f"problem ({problem.where}): {problem.what}; to repair: {problem.repair}")
        click.echo("ok: corpus and index agree" if report.ok and not no_index
                   else "ok: the corpus is consistent" if report.ok
                   else f"{len(report.problems)} problem{'s' if len(report.problems) != 1 else ''} found")
    else:
        emit_rows([p.to_dict() for p in report.problems], fmt, document=report.to_dict())
    if not report.ok:
        sys.exit(1)


COMMANDS: list[click.Command] = [check_cmd]
