"""CLI commands: ingest, stats."""

from __future__ import annotations

import math
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from ..check import corpus_fingerprint, interrupted_state
from ..corpus import MANIFEST_FILE, PassageFilter, open_corpus
from ..errors import Interrupted, printable
from ..index.engine import ENGINES, set_index_engine
from ..pipeline import IngestReport, ProgressCallback, ingest
from ..segment import DEFAULT_MAX_PASSAGE_CHARS, MIN_PASSAGE_CHARS
from ..sources import DEFAULT_MAX_BYTES, FORMATS, shown_name
from .options import corpus_option, index_option
from .output import emit_rows, output_options


@contextmanager
def _progress_bar(enabled: bool) -> Iterator[ProgressCallback | None]:
    """A progress bar on stderr when it is a terminal; nothing otherwise."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    state: dict[str, Any] = {}

    def advance(done: int, total: int, path: str) -> None:
        bar = state.get("bar")
        if bar is None:
            bar = click.progressbar(length=total, label="Ingesting", file=sys.stderr, show_pos=True)
            bar.__enter__()
            state["bar"] = bar
        bar.update(done - bar.pos)

    try:
        yield advance
    finally:
        if "bar" in state:
            state["bar"].__exit__(None, None, None)


def _summary(report: IngestReport) -> str:
    parts = [
        f"{report.documents} documents, {report.passages} passages in the corpus",
        f"{len(report.added)} added",
        f"{len(report.changed)} changed",
        f"{len(report.unchanged)} unchanged",
        f"{len(report.removed)} removed",
    ]
    if report.duplicates:
        parts.append(f"{len(report.duplicates)} duplicates skipped")
    if report.failures:
        parts.append(f"{len(report.failures)} failed")
    return ", ".join(parts)


def _update_index(report: IngestReport, corpus: Path, index: Path, aliases: tuple[Path, ...] = ()) -> None:
    """Bring the search index up to date with what this run added, changed and removed (or rebuild it
    when an earlier run was killed before updating it, or ``aliases`` differ from its own)."""
    from ..check import sync_index

    sync_index(corpus, index, changed=report.added + report.changed, removed=report.removed,
               before=report.before, aliases=aliases or None)


#: The largest --max-size accepted, in megabytes (1 TB: beyond any page, within a file offset).
MAX_SIZE_MB = 2**20


def _megabytes(_ctx: click.Context, _param: click.Parameter, value: float) -> int:
    if not math.isfinite(value) or value <= 0 or value > MAX_SIZE_MB:
        raise click.BadParameter(f"must be a number of megabytes above 0 and at most {MAX_SIZE_MB:,}")
    return max(1, int(value * 2**20))


@click.command("ingest")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@corpus_option("Corpus directory to create or update.")
@index_option("Search index directory to update after ingesting.")
@click.option("--no-index", is_flag=True, help="Do not update the search index.")
@click.option("--prune", is_flag=True, help="Drop documents whose files are gone.")
@click.option("--strict", is_flag=True, help="Stop at the first file that fails; write nothing.")
@click.option("--max-passage-chars", default=DEFAULT_MAX_PASSAGE_CHARS, show_default=True,
              type=click.IntRange(min=MIN_PASSAGE_CHARS),
              help="Longer paragraphs are split at sentence boundaries.")
@click.option("--max-size", default=DEFAULT_MAX_BYTES / 2**20, show_default=True, type=float,
              callback=_megabytes, help="Refuse files larger than this many megabytes.")
@click.option("--follow-links", is_flag=True,
              help="Follow symbolic links inside the folders that lead out of them.")
@click.option("--progress/--no-progress", default=True, help="Progress bar (only on a terminal).")
@click.option("-q", "--quiet", is_flag=True, help="No summary line (failures are still reported).")
@click.option("--aliases", "aliases", multiple=True, type=click.Path(path_type=Path, dir_okay=False),
              metavar="FILE", help="A user alias file read on top of the shipped gazetteer (repeatable; "
              "the index records them; default: the ones it was built with).")
@click.option("--engine", type=click.Choice(tuple(ENGINES)), default=None,
              help="Search engine of the index (default: the one it uses; tantivy for a new index; "
              "another one rebuilds it).")
def ingest_cmd(paths: tuple[Path, ...], corpus_dir: Path, index_dir: Path, no_index: bool, prune: bool,
               strict: bool, max_passage_chars: int, max_size: int, follow_links: bool, progress: bool,
               quiet: bool, aliases: tuple[Path, ...], engine: str | None) -> None:
    """Read .txt and .html pages, and the pages of .warc/.warc.gz web archives, into the passage corpus.

    PATHS are files or folders (searched recursively; default: seeds/).  Unchanged files are
    skipped, changed files replace their passages.  Each file that cannot be read gets one line
    on stderr (path and reason) and the rest still go in; the exit status is 1 if any failed.

    \b
    Example:
        bicorpus ingest seeds/ --corpus corpus/
        bicorpus ingest pages/ --prune --no-index
    """
    sources = list(paths) or [Path("seeds")]
    missing = [p for p in sources if not os.path.lexists(p)]
    if missing == sources:
        click.echo(f"Error: no such file or folder: {', '.join(shown_name(p) for p in missing)}", err=True)
        sys.exit(1)
    if aliases and not no_index:
        from ..index.search import alias_records, names_for

        names_for(alias_records(aliases))  # a bad alias file stops the run before anything is read

    def report_error(path: str, reason: str) -> None:
        click.echo(f"skipped {printable(path)}: {printable(reason)}", err=True)

    before = corpus_fingerprint(corpus_dir)
    try:
        with _progress_bar(progress) as bar:
            report = ingest(sources, corpus_dir, prune=prune, strict=strict,
                            max_passage_chars=max_passage_chars, max_bytes=max_size, on_error=report_error,
                            progress=bar, follow_links=follow_links)
        for path, same_as in report.duplicates:
            click.echo(f"duplicate {printable(path)}: same content as {printable(same_as)}", err=True)
        _print_notes(report)
        if not report.stopped and not no_index and (corpus_dir / MANIFEST_FILE).exists():
            if engine is not None:
                set_index_engine(index_dir, engine)
            _update_index(report, corpus_dir, index_dir, aliases)
    except KeyboardInterrupt:
        raise Interrupted(interrupted_state(corpus_dir, None if no_index else index_dir, before)) from None
    if report.stopped:
        click.echo("Error: stopped at the first failure (--strict); the corpus was not changed", err=True)
        sys.exit(1)
    if not quiet:
        click.echo(_summary(report), err=bool(report.failures))
    if report.failures:
        click.echo(f"Error: {len(report.failures)} of {report.files} files failed", err=True)
        sys.exit(1)


def _print_notes(report: IngestReport) -> None:
    """Warnings, entries of the folders not read and why, web archive records skipped: on stderr."""
    for path, note in report.warnings:
        click.echo(f"warning {printable(path)}: {printable(note)}", err=True)
    for path, why in report.skipped:
        if not why.startswith("not a kind of file"):
            click.echo(f"skipped {printable(path)}: {printable(why)}", err=True)
    if report.unsupported:
        kinds = ", ".join(f"{n} {ext}" for ext, n in report.unsupported.most_common())
        reads = ", ".join(FORMATS)
        click.echo(f"not read: {kinds} (bicorpus reads {reads} files)", err=True)
    if report.skipped_records:
        records = ", ".join(f"{n} {kind}" for kind, n in report.skipped_records.most_common())
        click.echo(f"web archive records that are not pages, skipped: {records}", err=True)


_STATS_KEYS: dict[str, Callable[[Any], str]] = {
    "lang": lambda p: p.lang,
    "region": lambda p: p.region,
    "document": lambda p: p.doc_id,
}


@click.command("stats")
@corpus_option()
@click.option("--by", "by", type=click.Choice(["all", *_STATS_KEYS]), default="all", show_default=True,
              help="Which counts to show.")
@output_options
def stats_cmd(corpus_dir: Path, by: str, fmt: str) -> None:
    """Count passages per language, region and document.

    \b
    Example:
        bicorpus stats
        bicorpus stats --by region --json
    """
    corpus = open_corpus(corpus_dir)
    keys = list(_STATS_KEYS) if by == "all" else [by]
    counts: dict[str, Counter[str]] = {k: Counter() for k in keys}
    chars: Counter[str] = Counter()
    for passage in corpus.passages(PassageFilter()):
        for key in keys:
            counts[key][_STATS_KEYS[key](passage)] += 1
        chars[passage.doc_id] += passage.end - passage.start
    docs = {d.id: d for d in corpus.documents()}
    rows = []
    for key in keys:
        for value, n in sorted(counts[key].items(), key=lambda kv: (-kv[1], kv[0])):
            row: dict[str, Any] = {"by": key, "value": value, "passages": n}
            if key == "document":
                doc = docs.get(value)
                row["path"] = doc.path if doc else None
                row["title"] = doc.title if doc else None
            rows.append(row)
    if fmt == "text":
        _print_stats(corpus.manifest, counts, docs)
        return
    document = {
        "corpus": str(corpus_dir),
        "documents": len(docs),
        "passages": sum(counts[keys[0]].values()),
        **{key: dict(sorted(counts[key].items())) for key in keys},
    }
    emit_rows(rows, fmt, document=document)


def _print_stats(manifest: dict[str, Any], counts: dict[str, Counter[str]], docs: dict[str, Any]) -> None:
    total = sum(next(iter(counts.values())).values()) if counts else 0
    click.echo(f"{len(docs)} documents, {total} passages (schema {manifest.get('schema_version')})")
    for key, counter in counts.items():
        click.echo(f"\nby {key}:")
        for value, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
            label = value
            if key == "document" and value in docs:
                label = f"{value}  {docs[value].path}"
            click.echo(f"  {n:>7}  {label}")


COMMANDS: list[click.Command] = [ingest_cmd, stats_cmd]
