"""CLI commands: explain (how a name is normalized, romanized, keyed and found in the gazetteer)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..errors import QueryError
from ..names import Gazetteer, match, name_keys, romanize
from ..names.keys import is_article, vowel_key
from ..normalize import normalize_text, normalize_token, tokenize
from .output import dumps, emit_rows, output_options


def explain_name(name: str, gazetteer: Gazetteer, compare: str | None = None) -> dict[str, Any]:
    """Everything ``bicorpus explain`` shows about ``name``, as a JSON-ready document."""
    tokens = [t.text for t in tokenize(name)]
    mentions = gazetteer.find(tokens)
    entity_of: dict[int, str] = {}
    for m in mentions:
        for i in range(m.start, m.end):
            entity_of.setdefault(i, m.entity_id)
    rows = [{
        "token": tok,
        "normalized": normalize_token(tok),
        "romanization": romanize(tok),
        "article": is_article(tok),
        "keys": list(name_keys(tok)),
        "vowel_key": vowel_key(tok) or None,
        "entity": entity_of.get(i),
    } for i, tok in enumerate(tokens)]
    entities = []
    for m in mentions:
        entity = gazetteer.entity(m.entity_id)
        entities.append({**entity.to_dict(), "alias": m.alias, "matched": " ".join(tokens[m.start:m.end]),
                         "start": m.start, "end": m.end})
    document: dict[str, Any] = {
        "name": name,
        "normalized": normalize_text(name),
        "romanization": " ".join(romanize(t) for t in tokens),
        "tokens": rows,
        "entities": entities,
    }
    if compare is not None:
        found = match(name, compare, gazetteer)
        document["compare"] = {"other": compare, "match": found.to_dict() if found else None}
    return document


def _print_text(doc: dict[str, Any]) -> None:
    click.echo(f"Name:          {doc['name']}")
    click.echo(f"Normalized:    {doc['normalized']}")
    click.echo(f"Romanization:  {doc['romanization']}")
    click.echo("Tokens:")
    width = max((len(r["token"]) for r in doc["tokens"]), default=0)
    for row in doc["tokens"]:
        if row["article"]:
            detail = "article (not part of the keys)"
        else:
            detail = f"keys: {' '.join(row['keys']) or '-'}"
            if row["vowel_key"]:
                detail += f"  vowels: {row['vowel_key']}"
        click.echo(f"  {row['token'].ljust(width)}  {row['romanization']}  {detail}")
    if doc["entities"]:
        click.echo("Gazetteer:")
        for ent in doc["entities"]:
            names = " | ".join(n for n, _ in ent["names"][:6])
            acronyms = f"  acronyms: {' '.join(ent['acronyms'])}" if ent["acronyms"] else ""
            click.echo(f"  {ent['matched']} → {ent['id']} ({ent['type']}) via {ent['alias']!r}")
            click.echo(f"      names: {names}{acronyms}")
            if ent["related"]:
                click.echo(f"      related: {', '.join(f'{r} {e}' for r, e in ent['related'])}")
    else:
        click.echo("Gazetteer:     no entity")
    if "compare" in doc:
        found = doc["compare"]["match"]
        other = doc["compare"]["other"]
        if found is None:
            click.echo(f"Compared with {other}: no match")
        else:
            extra = f"; confusions: {', '.join(found['confusions'])}" if found["confusions"] else ""
            click.echo(f"Compared with {other}: {found['tier']} match, score {found['score']:.2f} "
                       f"({found['reason']}{extra})")


@click.command("explain")
@click.argument("name")
@click.option("--compare", "compare", metavar="OTHER", help="Also show whether and how NAME matches OTHER.")
@click.option("--aliases", "aliases", multiple=True, type=click.Path(path_type=Path, dir_okay=False),
              help="An alias file read on top of the shipped gazetteer (repeatable).")
@output_options
def explain(name: str, compare: str | None, aliases: tuple[Path, ...], fmt: str) -> None:
    """Show how NAME is matched: normalized form, romanization, keys, gazetteer entities.

    \b
    Example:
        bicorpus explain "Deir ez-Zor"
        bicorpus explain النصرة --compare an-Nusrah
        bicorpus explain ISIS --json
    """
    if not tokenize(name):
        raise QueryError(f"nothing to explain in {name!r}: give a name with letters or digits")
    gazetteer = Gazetteer.load(aliases)
    doc = explain_name(name, gazetteer, compare)
    if fmt == "text":
        _print_text(doc)
    elif fmt == "json":
        click.echo(dumps(doc, indent=2))
    else:
        rows = [{**row, "keys": " ".join(row["keys"])} for row in doc["tokens"]]
        emit_rows(rows, fmt)


COMMANDS: list[click.Command] = [explain]
