"""Spelling variants: every way a name (or its gazetteer entity) is written in the corpus.

``variants(ix, "Nusra")`` runs the same search as ``bicorpus search Nusra`` and groups the
matched spans of all its passages by spelling (as written, whitespace collapsed, Latin case
folded): for each spelling its script, best tier, passages, documents, first and last date,
and passage counts by year, by site and by language.

A document's site is :attr:`Document.site`, else the host of :attr:`Document.url`, else the top
folder of its path below the folder all documents share.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit

from .index import SearchIndex
from .index.search import MAX_LIMIT
from .model import TIERS, Document
from .normalize import script_counts

_SPACE_RE = re.compile(r"\s+")
#: Site of a passage whose document is unknown (no corpus given, or not in it).
UNKNOWN_SITE = "(unknown)"


@dataclass
class Variant:
    """One spelling of the name and where it occurs."""

    spelling: str
    script: str
    tier: str
    occurrences: int = 0
    passages: int = 0
    documents: int = 0
    first_date: str | None = None
    last_date: str | None = None
    by_year: dict[str, int] = field(default_factory=dict)
    by_site: dict[str, int] = field(default_factory=dict)
    by_lang: dict[str, int] = field(default_factory=dict)
    entities: list[str] = field(default_factory=list)
    passage_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass
class Variants:
    """The spellings found for ``name``; ``total`` passages match it (as for ``search``)."""

    name: str
    total: int
    complete: bool
    entities: list[dict[str, Any]] = field(default_factory=list)
    variants: list[Variant] = field(default_factory=list)

    @property
    def passage_ids(self) -> set[str]:
        return {pid for v in self.variants for pid in v.passage_ids}

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "total": self.total, "complete": self.complete,
                "entities": self.entities, "variants": [v.to_dict() for v in self.variants]}


def script_of(text: str) -> str:
    """``ar``, ``latin``, ``mixed`` or ``-`` for a spelling."""
    ar, en = script_counts(text)
    return "mixed" if ar and en else "ar" if ar else "latin" if en else "-"


def spelling_key(text: str) -> str:
    """What makes two spellings one: whitespace collapsed and case folded."""
    return _SPACE_RE.sub(" ", text).strip().casefold()


def document_sites(documents: Iterable[Document]) -> dict[str, str]:
    """Site of each document: its ``site``, else its URL's host, else its top folder below the
    folder the documents share (absolute and relative paths each have their own)."""
    docs = list(documents)
    roots: dict[bool, PurePath] = {}
    for absolute in (True, False):
        folders = [str(PurePath(d.path).parent) for d in docs
                   if d.path and PurePath(d.path).is_absolute() == absolute]
        if folders:
            roots[absolute] = PurePath(os.path.commonpath(folders))
    sites = {}
    for d in docs:
        site = d.site or (urlsplit(d.url).hostname if d.url else None)
        if not site and d.path:
            parent = PurePath(d.path).parent
            root = roots[parent.is_absolute()]
            rest = parent.relative_to(root).parts
            site = rest[0] if rest else (root.name or None)
        sites[d.id] = site or UNKNOWN_SITE
    return sites


def _entities(ix: SearchIndex, name: str) -> list[dict[str, Any]]:
    from .names import Gazetteer

    gazetteer = getattr(ix.names.find, "__self__", None)
    if not isinstance(gazetteer, Gazetteer):
        return []
    return [{"id": e.id, "type": e.type, "names": [n for n, _ in e.names], "acronyms": list(e.acronyms)}
            for e in gazetteer.lookup(name)]


def find_variants(ix: SearchIndex, name: str, *, sites: Mapping[str, str] | None = None,
                  **filters: Any) -> Variants:
    """Spellings of ``name`` in the passages ``search`` finds for it (at most
    :data:`~bicorpus.index.search.MAX_LIMIT` passages; ``complete`` says whether that was all).

    ``sites``: document id → site (see :func:`document_sites`); ``filters`` as for search."""
    first = ix.search(name, limit=1, **filters)
    total = first.total
    hits = ix.search(name, limit=min(max(total, 1), MAX_LIMIT), **filters).hits if total else []
    groups: dict[str, list[tuple[Any, Any]]] = {}
    forms: dict[str, Counter[str]] = {}
    for hit in hits:
        for m in hit.matches:
            key = spelling_key(m.text)
            groups.setdefault(key, []).append((hit, m))
            forms.setdefault(key, Counter())[_SPACE_RE.sub(" ", m.text).strip()] += 1
    out = []
    for key, items in groups.items():
        spelling = forms[key].most_common(1)[0][0]
        tier = min((m.tier for _, m in items), key=TIERS.index)
        by_passage = {hit.passage_id: hit for hit, _ in items}
        dates = sorted(h.date for h in by_passage.values() if h.date)
        variant = Variant(spelling=spelling, script=script_of(spelling), tier=tier, occurrences=len(items),
                          passages=len(by_passage), documents=len({h.doc_id for h in by_passage.values()}),
                          first_date=dates[0] if dates else None, last_date=dates[-1] if dates else None,
                          entities=sorted({m.entity for _, m in items if m.entity}),
                          passage_ids=list(by_passage))
        years = Counter((h.date or "")[:4] or "undated" for h in by_passage.values())
        site_counts = Counter((sites or {}).get(h.doc_id, UNKNOWN_SITE) for h in by_passage.values())
        langs = Counter(h.lang for h in by_passage.values())
        variant.by_year = dict(sorted(years.items()))
        variant.by_site = dict(site_counts.most_common())
        variant.by_lang = dict(langs.most_common())
        out.append(variant)
    out.sort(key=lambda v: (TIERS.index(v.tier), -v.passages, v.spelling))
    return Variants(name=name, total=total, complete=total <= MAX_LIMIT, entities=_entities(ix, name),
                    variants=out)


def variant_rows(result: Variants) -> list[dict[str, Any]]:
    """One flat row per spelling (CSV and tables): counts as JSON-able mappings."""
    return [{"spelling": v.spelling, "script": v.script, "tier": v.tier, "occurrences": v.occurrences,
             "passages": v.passages, "documents": v.documents, "first_date": v.first_date,
             "last_date": v.last_date, "by_year": v.by_year, "by_site": v.by_site, "by_lang": v.by_lang}
            for v in result.variants]


def years_span(result: Variants) -> list[str]:
    """Every year from the first to the last one any spelling occurs in (for charts)."""
    years = sorted({y for v in result.variants for y in v.by_year if y.isdigit()})
    if not years:
        return []
    return [str(y) for y in range(int(years[0]), int(years[-1]) + 1)]
