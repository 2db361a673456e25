"""Which passages an export takes: metadata filters checked up front, and ``--query`` through search."""

from __future__ import annotations

import re
from pathlib import Path

from ..corpus import PassageFilter
from ..errors import ExportError
from ..model import LANGS, REGIONS

_ISO_PREFIX_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _one_of(option: str, value: str | None, valid: tuple[str, ...]) -> None:
    if value is not None and value not in valid:
        raise ExportError(f"unknown {option} {value!r} (valid: {', '.join(valid)})")


def make_filter(
    *,
    lang: str | None = None,
    region: str | None = None,
    doc: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> PassageFilter:
    """A :class:`PassageFilter` from user values, each checked with a one-line error."""
    _one_of("language", lang, LANGS)
    _one_of("region", region, REGIONS)
    for option, value in (("--since", since), ("--until", until)):
        if value is not None and not _ISO_PREFIX_RE.match(value):
            raise ExportError(f"{option} {value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    if since and until and since > until:
        raise ExportError(f"--since {since} is after --until {until}")
    return PassageFilter(lang=lang, region=region, doc=doc, since=since, until=until)


def describe_filter(where: PassageFilter, query: str | None) -> dict[str, str]:
    """The active filters, for the data card and the TEI header."""
    values = {
        "lang": where.lang,
        "region": where.region,
        "doc": where.doc,
        "since": where.since,
        "until": where.until,
        "query": query,
    }
    return {k: v for k, v in values.items() if v}


def query_passage_ids(query: str, *, corpus_path: Path, index_path: Path | None) -> frozenset[str]:
    """Ids of the passages matching ``query`` in the search language (all hits, not a top-N)."""
    try:
        from ..api import passage_ids  # type: ignore[attr-defined]
    except ImportError as err:
        raise ExportError("--query needs search, which this bicorpus build does not provide") from err
    return frozenset(passage_ids(query, corpus=corpus_path, index=index_path))
