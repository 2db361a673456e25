"""The search index: analysis chain, query language, tiered search (engine behind one module)."""

from __future__ import annotations

from .search import (
    INDEX_SCHEMA,
    SearchIndex,
    SearchResult,
    build_index,
    explain,
    open_index,
    update_index,
)

__all__ = ["INDEX_SCHEMA", "SearchIndex", "SearchResult", "build_index", "explain", "open_index",
           "update_index"]
