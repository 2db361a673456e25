"""CLI commands: search, show, reindex (a thin layer over :mod:`bicorpus.api`)."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import click

from ..api import open_index, reindex
from ..errors import printable
from ..index.engine import ENGINES, require_engine
from ..index.search import DEFAULT_MIN_CONFIDENCE
from ..model import LANGS, REGIONS, Hit, Passage
from .output import emit_rows, output_options

_INDEX_OPTION = click.option("--index", "index_dir", default="index", show_default=True,
                             type=click.Path(file_okay=False), help="Index directory.")
_ENGINE_OPTION = click.option(
    "--engine", type=click.Choice(tuple(ENGINES)), default=None,
    help="Search engine of the index (default: the one it uses; tantivy for a new index).")
_ALIASES_OPTION = click.option(
    "--aliases", "aliases", multiple=True, type=click.Path(path_type=Path, dir_okay=False), metavar="FILE",
    help="A user alias file read on top of the shipped gazetteer (repeatable; the index records them).")


def _marks(color: bool) -> tuple[str, str]:
    return ("\x1b[1;4m", "\x1b[0m") if color else ("[[", "]]")


def _hit_row(rank: int, hit: Hit) -> dict[str, Any]:
    return {"rank": rank, "score": hit.score, "tier": hit.tier, "passage_id": hit.passage_id,
            "doc_id": hit.doc_id, "lang": hit.lang, "region": hit.region, "section": hit.section,
            "date": hit.date, "title": hit.title, "confidence": hit.confidence,
            "matches": "; ".join(f"{m.term} → {m.text} ({m.tier}, {m.confidence:.2f})" for m in hit.matches),
            "text": hit.text}


def _print_hits(query: str, total: int, hits: list[Hit], color: bool) -> None:
    from ..index.snippet import kwic

    if not hits:
        click.echo(f"No passages match {query!r}.")
        return
    for rank, hit in enumerate(hits, 1):
        where = " ".join(x for x in (hit.region, hit.lang, f"§{hit.section}" if hit.section else "",
                                     hit.date or "") if x)
        click.echo(f"{rank:>2}. {hit.score:6.2f}  {hit.tier:<10} {hit.passage_id}  {where}")
        click.echo(f"    {kwic(hit.text, hit.matches, mark=_marks(color))}")
        found = sorted({(m.text, m.tier) for m in hit.matches}, key=lambda x: x[1])
        if found:
            click.echo("    matched: " + ", ".join(f"{text} ({tier})" for text, tier in found))
    click.echo(f"{len(hits)} of {total} matching passage{'s' if total != 1 else ''}.")


@click.command("search")
@click.argument("query", nargs=-1, required=True)
@_INDEX_OPTION
@click.option("--limit", "-n", default=10, show_default=True, type=click.IntRange(1, 10_000),
              help="Most hits to show.")
@click.option("--lang", type=click.Choice(LANGS), help="Only passages in this language.")
@click.option("--region", type=click.Choice(REGIONS), help="Only passages of this layout region.")
@click.option("--doc", help="Only passages of this document id.")
@click.option("--since", help="Only passages dated on or after (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", help="Only passages dated on or before (ISO prefix, inclusive).")
@click.option("--include-undated", is_flag=True,
              help="With --since/--until: keep undated passages too (otherwise counted and left out).")
@click.option("--exact", is_flag=True, help="No name expansion: match words as written (or normalized).")
@click.option("--strict", is_flag=True, help="Refuse to search an index that lags behind its corpus.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=DEFAULT_MIN_CONFIDENCE,
              show_default=True, help="Leave out matches less sure than this (0: keep weak ones too).")
@click.option("--derived", is_flag=True,
              help="Let a name also match its derived forms (Iraq: Iraqi, العراقي; Golan: الجولاني).")
@_ALIASES_OPTION
@_ENGINE_OPTION
@output_options
def search_cmd(query: tuple[str, ...], index_dir: str, limit: int, lang: str | None, region: str | None,
               doc: str | None, since: str | None, until: str | None, include_undated: bool, exact: bool,
               strict: bool, min_confidence: float, derived: bool, aliases: tuple[Path, ...],
               engine: str | None, fmt: str) -> None:
    """Search the index by names and words; every hit says which tier matched.

    Query language: words (AND by default), "phrases", AND / OR / NOT, parentheses,
    field filters (lang:ar, region:body, doc:ID, date:2017-04) and =word to switch off
    name expansion.  Tiers, best first: exact > normalized > stem > translit > alias.
    Entity lookups use the gazetteer the index was built with (shipped + the --aliases
    files it recorded); --aliases, if given, must name those same files.

    \b
    Examples:
        bicorpus search Nusra
        bicorpus search 'جبهة النصرة' --lang en
        bicorpus search '"Eastern Ghouta"' --json
        bicorpus search 'Mosul NOT Raqqa' --since 2017-01
        bicorpus search Daraa --min-confidence 0
        bicorpus search Iraq --derived
    """
    text = " ".join(query)
    require_engine(index_dir, engine)
    with open_index(index_dir, aliases=aliases or None, strict=strict) as ix:
        result = ix.search(text, limit=limit, lang=lang, region=region, doc=doc, since=since, until=until,
                           exact=exact, min_confidence=min_confidence, derived=derived,
                           include_undated=include_undated)
    if result.stale:
        click.echo(f"Warning: {printable(result.stale)}", err=True)
    if result.undated_left_out and fmt == "text":  # the other formats carry it as a field
        n = result.undated_left_out
        click.echo(f"Note: the date filter left out {n} undated matching passage{'s' if n != 1 else ''} "
                   "(--include-undated keeps them).", err=True)
    if fmt == "text":
        _print_hits(text, result.total, result.hits, color=sys.stdout.isatty())
        return
    if fmt == "jsonl":
        emit_rows([h.to_dict() for h in result.hits], fmt)
        return
    emit_rows([_hit_row(i, h) for i, h in enumerate(result.hits, 1)], fmt, document=result.to_dict())


def _passage_row(p: Passage) -> dict[str, Any]:
    return {"id": p.id, "doc_id": p.doc_id, "ordinal": p.ordinal, "lang": p.lang, "region": p.region,
            "section": p.section, "title": p.title, "date": p.date, "author": p.author,
            "honorific": p.honorific, "linked_title": p.linked_title, "lang_share": p.lang_share,
            "start": p.start, "end": p.end, "text": p.text}


@click.command("show")
@click.argument("passage_id")
@_INDEX_OPTION
@click.option("--context", "-c", default=1, show_default=True, type=click.IntRange(0, 50),
              help="Neighbouring passages to show on each side.")
@output_options
def show_cmd(passage_id: str, index_dir: str, context: int, fmt: str) -> None:
    """Print one passage with its metadata and its neighbours in the document.

    \b
    Example:
        bicorpus show 000_365465f9b8a3ec32:12 --context 2
    """
    with open_index(index_dir) as ix:
        found = ix.in_context(passage_id, context)
    passage, before, after = found.passage, found.before, found.after
    if fmt != "text":
        rows = [{**_passage_row(p), "role": role} for role, group in
                (("before", before), ("passage", [passage]), ("after", after)) for p in group]
        emit_rows(rows, fmt, document={"passage": _passage_row(passage),
                                       "before": [_passage_row(p) for p in before],
                                       "after": [_passage_row(p) for p in after]})
        return
    for p in before:
        click.echo(f"  {p.id}  [{p.region}] {_short(p.text)}")
    click.echo(f"> {passage.id}")
    for name in ("doc_id", "ordinal", "lang", "region", "section", "title", "date", "author", "honorific",
                 "linked_title"):
        value = getattr(passage, name)
        if value not in (None, ""):
            click.echo(f"    {name + ':':<9} {value}")
    if passage.lang_share:
        shares = ", ".join(f"{lang} {share:.0%}" for lang, share in sorted(passage.lang_share.items()))
        click.echo(f"    {'shares:':<9} {shares}")
    click.echo(f"    {'chars:':<9} {passage.start}-{passage.end}")
    click.echo("")
    click.echo(passage.text)
    click.echo("")
    for p in after:
        click.echo(f"  {p.id}  [{p.region}] {_short(p.text)}")


def _short(text: str, width: int = 100) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


@click.command("reindex")
@click.option("--corpus", "corpus_dir", default="corpus", show_default=True,
              type=click.Path(file_okay=False), help="Corpus directory to index.")
@_INDEX_OPTION
@_ALIASES_OPTION
@click.option("--no-aliases", is_flag=True, help="Forget the user alias files the index was built with.")
@_ENGINE_OPTION
def reindex_cmd(corpus_dir: str, index_dir: str, aliases: tuple[Path, ...], no_aliases: bool,
                engine: str | None) -> None:
    """Rebuild the search index from the corpus (after an upgrade, or to repair it).

    Searches running meanwhile keep working on the old index until the new one is committed.
    Without --aliases the index keeps the user alias files it was built with (read again).

    \b
    Example:
        bicorpus reindex --corpus corpus --index index
        bicorpus reindex --aliases my_aliases.txt
        bicorpus reindex --engine tantivy
    """
    from ..errors import BicorpusError

    if no_aliases and aliases:
        raise BicorpusError("--aliases and --no-aliases exclude each other")
    from ..check import corpus_fingerprint, interrupted_state
    from ..errors import Interrupted

    started = time.perf_counter()
    try:
        count = reindex(corpus_dir, index_dir, aliases=() if no_aliases else (aliases or None), engine=engine)
    except KeyboardInterrupt:
        fingerprint = corpus_fingerprint(corpus_dir)
        raise Interrupted(interrupted_state(corpus_dir, index_dir, fingerprint)) from None
    seconds = time.perf_counter() - started
    click.echo(f"Indexed {count} passage{'s' if count != 1 else ''} from {corpus_dir} into {index_dir} "
               f"in {seconds:.1f} s.")


#: The rows of ``search --csv/--table`` and of ``show --json``, for other front ends (the web UI).
hit_row = _hit_row
passage_row = _passage_row

COMMANDS: list[click.Command] = [search_cmd, show_cmd, reindex_cmd]
