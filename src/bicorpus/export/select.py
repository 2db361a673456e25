"""Which passages an export takes: metadata filters checked up front, and ``--query`` through search."""

from __future__ import annotations

import re
from pathlib import Path

from ..corpus import PassageFilter
from ..errors import ExportError
from ..model import LANGS, REGIONS, Hit

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
    include_undated: bool = False,
) -> PassageFilter:
    """A :class:`PassageFilter` from user values, each checked with a one-line error."""
    _one_of("language", lang, LANGS)
    _one_of("region", region, REGIONS)
    for option, value in (("--since", since), ("--until", until)):
        if value is not None and not _ISO_PREFIX_RE.match(value):
            raise ExportError(f"{option} {value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    if since and until and since > until:
        raise ExportError(f"--since {since} is after --until {until}")
    return PassageFilter(lang=lang, region=region, doc=doc, since=since, until=until,
                         include_undated=include_undated)


def describe_filter(where: PassageFilter, query: str | None) -> dict[str, str]:
    """The active filters, for the data card and the TEI header."""
    values = {
        "lang": where.lang,
        "region": where.region,
        "doc": where.doc,
        "since": where.since,
        "until": where.until,
        "undated": "included" if where.include_undated and (where.since or where.until) else None,
        "query": query,
    }
    return {k: v for k, v in values.items() if v}


def query_passage_ids(query: str, *, index_path: Path, where: PassageFilter | None = None,
                      min_confidence: float | None = None, derived: bool = False) -> frozenset[str]:
    """Ids of all the passages matching ``query`` (the search language) within ``where``
    (``min_confidence``, ``derived``: as for :meth:`bicorpus.SearchIndex.search`).

    Search returns at most :data:`~bicorpus.index.search.MAX_LIMIT` hits; a query matching more
    is refused rather than exported in part."""
    hits = query_hits(query, index_path=index_path, where=where, min_confidence=min_confidence,
                      derived=derived)
    return frozenset(h.passage_id for h in hits)


def query_hits(query: str, *, index_path: Path, where: PassageFilter | None = None,
               min_confidence: float | None = None, derived: bool = False) -> list[Hit]:
    """Every hit of ``query`` within ``where`` (tier, score, confidence and matched spans included);
    refused, like :func:`query_passage_ids`, beyond :data:`~bicorpus.index.search.MAX_LIMIT`.
    ``min_confidence`` (default: the search default) and ``derived``: as for
    :meth:`bicorpus.SearchIndex.search`."""
    from ..index import open_index
    from ..index.search import DEFAULT_MIN_CONFIDENCE, MAX_LIMIT

    options = {"where": where, "derived": derived,
               "min_confidence": DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence}
    with open_index(index_path) as ix:
        total = ix.search(query, limit=1, **options).total
        if total > MAX_LIMIT:
            raise ExportError(
                f"--query {query!r} matches {total:,} passages, more than the {MAX_LIMIT:,} an export by "
                "query can take: narrow it with --lang, --region, --doc, --since or --until"
            )
        if total == 0:
            return []
        return ix.search(query, limit=total, **options).hits
