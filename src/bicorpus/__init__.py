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

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api import concordance, ingest, reindex, search, serve, variants
    from .corpus import Corpus, PassageFilter, open_corpus
    from .errors import BicorpusError
    from .index import SearchIndex, SearchResult, open_index
    from .model import Document, Hit, Match, Passage

#: Where each public name lives.  The package loads them when first used, so that the
#: ``bicorpus`` program starts (and can be interrupted) before the library is loaded.
_PUBLIC = {
    "BicorpusError": "errors",
    "Corpus": "corpus",
    "Document": "model",
    "Hit": "model",
    "Match": "model",
    "Passage": "model",
    "PassageFilter": "corpus",
    "SearchIndex": "index",
    "SearchResult": "index",
    "concordance": "api",
    "ingest": "api",
    "open_corpus": "corpus",
    "open_index": "index",
    "reindex": "api",
    "search": "api",
    "serve": "api",
    "variants": "api",
}

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


def _version() -> str:
    """The installed version (read when first asked: the package metadata costs a lot to load)."""
    import importlib.metadata

    try:
        return importlib.metadata.version("bicorpus")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree
        return "0+unknown"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        return _version()
    module = _PUBLIC.get(name)
    if module is not None:
        return getattr(importlib.import_module(f".{module}", __name__), name)
    try:
        return importlib.import_module(f".{name}", __name__)  # a submodule: bicorpus.corpus, ...
    except ModuleNotFoundError as err:
        if err.name != f"{__name__}.{name}":
            raise
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None


def __dir__() -> list[str]:
    return sorted([*globals(), *_PUBLIC])
