"""bicorpus: search a bilingual Arabic + English document collection by the names in it.

The API (see ``docs/search.md``)::

    import bicorpus

    bicorpus.ingest(["pages/"], "corpus", index="index")   # build or update corpus and index
    with bicorpus.open_index("index") as ix:                # cheap; share it between threads
        for hit in ix.search("Nusra", limit=5).hits:        # same query language as the CLI
            print(hit.passage_id, hit.tier, hit.matches)
    for passage in bicorpus.open_corpus("corpus").passages():
        ...
"""

from __future__ import annotations

import importlib.metadata

from .api import concordance, ingest, reindex, search, serve, variants
from .corpus import Corpus, PassageFilter, open_corpus
from .errors import BicorpusError
from .index import SearchIndex, SearchResult, open_index
from .model import Document, Hit, Match, Passage

try:
    __version__ = importlib.metadata.version("bicorpus")
except importlib.metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree
    __version__ = "0+unknown"

__all__ = [
    "BicorpusError",
    "Corpus",
    "Document",
    "Hit",
    "Match",
    "Passage",
    "PassageFilter",
    "SearchIndex",
    "SearchResult",
    "concordance",
    "ingest",
    "open_corpus",
    "open_index",
    "reindex",
    "search",
    "serve",
    "variants",
]
