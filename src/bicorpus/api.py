"""The Python API: everything the ``bicorpus`` command line does, as functions and objects.

Example::

    import bicorpus

    bicorpus.ingest(["seeds/"], "corpus", index="index")
    with bicorpus.open_index("index") as ix:
        result = ix.search("Nusra", limit=3, lang="en")
        for hit in result.hits:
            print(hit.passage_id, hit.tier, [(m.text, m.tier) for m in hit.matches])

Opening an index is cheap and a :class:`SearchIndex` may be shared between threads;
searches keep working while ``ingest`` or ``reindex`` write the index.

User alias files (``aliases=[...]``) add entities or names to the shipped gazetteer.  The index
records them (paths and content hashes) and every later search and update uses them::

    bicorpus.ingest(["pages/"], "corpus", index="index", aliases=["my_aliases.txt"])
    bicorpus.search("Hurras al-Din", index="index")   # finds حراس الدين too
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .corpus import Corpus, PassageFilter, open_corpus
from .index import SearchIndex, SearchResult, open_index

if TYPE_CHECKING:
    from .kwic import Concordance
    from .pipeline import IngestReport
    from .spellings import Variants


def ingest(paths: Iterable[str | Path], corpus: str | Path = "corpus", *, index: str | Path | None = "index",
           aliases: Iterable[str | Path] | None = None, engine: str | None = None,
           **options: Any) -> IngestReport:
    """Ingest pages into the corpus at ``corpus`` and bring the index at ``index`` up to date.

    Only the passages of added, changed and removed documents are rewritten in the index;
    ``index=None`` leaves the index alone.  ``aliases``: user alias files read on top of the
    shipped gazetteer (default: those the index was built with; other ones rebuild the index;
    ``()`` for the shipped gazetteer alone).  ``engine``: ``"whoosh"`` or ``"tantivy"`` (default: the
    engine the index already uses, Tantivy for a new one; another one rebuilds the index).
    ``options`` go to :func:`bicorpus.pipeline.ingest` (``prune``, ``strict``, ``on_error``,
    ``progress``...)."""
    from .check import sync_index
    from .index.engine import check_engine_name, set_index_engine
    from .pipeline import ingest as run_ingest

    if engine is not None:
        check_engine_name(engine)
    if index is not None and aliases is not None:
        from .index.search import alias_records, names_for

        aliases = list(aliases)
        names_for(alias_records(aliases))  # a bad alias file stops the run before anything is read
    report = run_ingest(paths, corpus, **options)
    if index is not None and not report.stopped:
        if engine is not None:
            set_index_engine(index, engine)
        sync_index(corpus, index, changed=[*report.added, *report.changed], removed=report.removed,
                   before=report.before, aliases=None if aliases is None else list(aliases))
    return report


def reindex(corpus: str | Path = "corpus", index: str | Path = "index", *,
            aliases: Iterable[str | Path] | None = None, engine: str | None = None) -> int:
    """Rebuild the index at ``index`` from the corpus at ``corpus``; returns the passage count.

    ``aliases``: user alias files (default: those the index was built with; ``()`` for the shipped
    gazetteer alone).  Holds the corpus writer lock meanwhile (a running ingest makes it fail
    with a clear message).  ``engine``: ``"whoosh"`` or ``"tantivy"`` (default: the engine the
    index already uses, Tantivy for a new one)."""
    from .check import reindex as locked_reindex
    from .index.engine import set_index_engine

    if engine is not None:
        set_index_engine(index, engine)

    return locked_reindex(corpus, index, aliases=None if aliases is None else list(aliases))


def search(query: str, *, index: str | Path = "index", limit: int = 10,
           aliases: Iterable[str | Path] | None = None, engine: str | None = None,
           **filters: Any) -> SearchResult:
    """Open the index, run one search, close it (for many searches keep a :func:`open_index`).

    ``aliases``, when given, must be the alias files the index was built with; ``engine``, when
    given, the engine that built it (the index is always read by its own engine).  ``filters``: the
    keyword arguments of :meth:`SearchIndex.search` (``lang``, ``min_confidence``, ``derived`` ...)."""
    from .index.engine import require_engine

    require_engine(index, engine)
    with open_index(index, aliases=None if aliases is None else list(aliases)) as ix:
        return ix.search(query, limit=limit, **filters)


def concordance(query: str, *, index: str | Path = "index", limit: int = 100, width: int | None = None,
                unit: str = "chars", sort: str = "rank", **filters: Any) -> Concordance:
    """Keyword-in-context lines of ``query``: one per matched span of the best ``limit`` passages of
    the same search as :func:`search` (same ``filters``).  ``width`` characters or words
    (``unit``) of context each side; ``sort``: ``rank``, ``match``, ``left``, ``right``, ``date`` or
    ``doc``.  With an open index use :func:`bicorpus.kwic.kwic_lines`."""
    from .kwic import kwic_lines

    with open_index(index) as ix:
        return kwic_lines(ix, query, limit=limit, width=width, unit=unit, sort=sort, **filters)


def variants(name: str, *, index: str | Path = "index", corpus: str | Path | None = "corpus",
             **filters: Any) -> Variants:
    """Every spelling of ``name`` (or of its gazetteer entity) in the passages :func:`search` finds
    for it, with tier, passages, documents, dates and counts by year, site and language.  Sites come
    from the documents of ``corpus`` (``None``: every site unknown)."""
    from .spellings import document_sites, find_variants

    sites = document_sites(open_corpus(corpus).documents()) if corpus is not None else None
    with open_index(index) as ix:
        return find_variants(ix, name, sites=sites, **filters)


def serve(index: str | Path = "index", corpus: str | Path = "corpus", *, host: str = "127.0.0.1",
          port: int = 8000) -> None:
    """Serve the local web UI over ``index`` and ``corpus`` until interrupted (read-only)."""
    import uvicorn

    from .web import create_app

    uvicorn.run(create_app(index, corpus), host=host, port=port, log_level="warning")


__all__ = ["Corpus", "PassageFilter", "SearchIndex", "SearchResult", "concordance", "ingest", "open_corpus",
           "open_index", "reindex", "search", "serve", "variants"]
