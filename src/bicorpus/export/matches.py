"""What an export by ``--query`` keeps of the search: each passage's tier, score, confidence and
matched spans; and the gazetteer entities named in a passage (TEI name elements, the vertical
``entity`` column).

Every format carries the same four values (columns in csv / tsv / parquet, fields in jsonl,
attributes in vertical, features and elements in TEI); :func:`read_matches` reads them back.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import AliasFileError, ExportError
from ..model import Hit, Match
from ..normalize.tokenize import tokenize

#: Names of the four match values, in every format.
MATCH_FIELDS: tuple[str, ...] = ("match_tier", "match_score", "match_confidence", "match_spans")
#: What each match value means (the data card and docs/export.md list them).
MATCH_DOCS: dict[str, str] = {
    "match_tier": "best tier the passage matched the query at: exact, normalized, stem, translit or alias",
    "match_score": "search score of the passage (higher is better within a tier)",
    "match_confidence": "best confidence among the passage's matched spans (0-1)",
    "match_spans": "JSON list of the matched spans: start, end (offsets in text), text, term, tier, "
                   "entity, confidence",
}
#: TEI element for each gazetteer entity type (others: ``name`` with the type).
ENTITY_ELEMENTS: dict[str, str] = {"person": "persName", "organization": "orgName", "location": "placeName"}
#: How an entity id is written in TEI ``@ref`` (a gazetteer entity of names/data/aliases.txt or a user file).
REF_PREFIX = "gaz:"
_SPAN_KEYS = ("start", "end", "text", "term", "tier", "entity", "confidence")


@dataclass
class PassageMatch:
    """How one passage matched the export's query."""

    tier: str
    score: float
    confidence: float
    spans: list[Match] = field(default_factory=list)

    @classmethod
    def from_hit(cls, hit: Hit) -> PassageMatch:
        return cls(tier=hit.tier, score=hit.score, confidence=hit.confidence, spans=list(hit.matches))

    def spans_json(self) -> str:
        return json.dumps([{k: getattr(m, k) for k in _SPAN_KEYS} for m in self.spans], ensure_ascii=False)

    def values(self) -> dict[str, Any]:
        """The four values, typed (``match_spans`` as JSON text)."""
        return {"match_tier": self.tier, "match_score": self.score, "match_confidence": self.confidence,
                "match_spans": self.spans_json()}

    @classmethod
    def from_values(cls, values: Mapping[str, Any]) -> PassageMatch | None:
        """Back from the four values (strings or typed); ``None`` when the passage has none."""
        tier = values.get("match_tier")
        if tier in (None, ""):
            return None
        spans = values.get("match_spans") or "[]"
        try:
            raw = json.loads(spans) if isinstance(spans, str) else spans
            return cls(tier=str(tier), score=float(values["match_score"]),
                       confidence=float(values["match_confidence"]),
                       spans=[Match.from_dict({**s, "term": s.get("term", "")}) for s in raw])
        except (KeyError, TypeError, ValueError) as err:
            raise ExportError(f"bad match values {dict(values)!r} ({err})") from err


def match_values(matches: Mapping[str, PassageMatch], passage_id: str) -> dict[str, Any]:
    """The four values of a passage (all ``None`` for a passage the query did not match)."""
    found = matches.get(passage_id)
    return found.values() if found is not None else dict.fromkeys(MATCH_FIELDS)


def passage_matches(hits: Sequence[Hit]) -> dict[str, PassageMatch]:
    """Passage id → how it matched, for the hits of a search."""
    return {h.passage_id: PassageMatch.from_hit(h) for h in hits}


# -- gazetteer entities in a text --------------------------------------------------------------


@dataclass(frozen=True)
class EntitySpan:
    """A gazetteer entity named at ``text[start:end]``."""

    start: int
    end: int
    entity: str
    type: str


class EntityFinder:
    """Finds the gazetteer's entities in passage texts (the gazetteer an index was built with)."""

    def __init__(self, names: Any) -> None:
        self._names = names
        gazetteer = getattr(names.find, "__self__", None)
        entities = gazetteer.entities() if gazetteer is not None and hasattr(gazetteer, "entities") else []
        self._types = {e.id: e.type for e in entities}

    def type_of(self, entity: str) -> str:
        return self._types.get(entity, "")

    def spans(self, text: str) -> list[EntitySpan]:
        tokens = tokenize(text)
        if not tokens:
            return []
        found = self._names.mentions([t.text for t in tokens])
        return [EntitySpan(tokens[m.start].start, tokens[m.end - 1].end, m.entity, self.type_of(m.entity))
                for m in found]


def entity_finder(index: str | Path | None = None) -> EntityFinder:
    """The finder for the gazetteer of the index at ``index`` (its recorded user alias files on top of
    the shipped one), or of the shipped gazetteer when there is no readable index."""
    return _finder(_alias_key(index))


def _alias_key(index: str | Path | None) -> tuple[str, ...]:
    if index is None or not Path(index).is_dir():
        return ()
    from ..index.search import recorded_aliases

    return tuple(p for p, _ in recorded_aliases(index))


@functools.lru_cache(maxsize=4)
def _finder(alias_files: tuple[str, ...]) -> EntityFinder:
    from ..index.analysis import default_names
    from ..index.search import alias_records, names_for

    try:
        names = names_for(alias_records(alias_files)) if alias_files else default_names()
    except AliasFileError:
        names = default_names()
    return EntityFinder(names)


# -- reading back -------------------------------------------------------------------------------


def read_matches(path: str | Path, fmt: str) -> dict[str, PassageMatch]:
    """Passage id → match values of an export by query, read back from its file."""
    path = Path(path)
    if fmt in ("csv", "tsv"):
        from .delimited import read_delimited

        rows = read_delimited(path, "," if fmt == "csv" else "\t")
        return {r["id"]: m for r in rows if (m := PassageMatch.from_values(r)) is not None}
    if fmt == "parquet":
        from .parquet import _pyarrow

        _, pq = _pyarrow()
        table = pq.read_table(str(path), columns=["id", *MATCH_FIELDS])
        return {r["id"]: m for r in table.to_pylist() if (m := PassageMatch.from_values(r)) is not None}
    if fmt == "jsonl":
        out = {}
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    record = json.loads(line)
                    found = PassageMatch.from_values({**record, "match_spans": record.get("match_spans")})
                    if found is not None:
                        out[record["id"]] = found
        return out
    if fmt == "vertical":
        from .vertical import read_vertical_attributes

        return {pid: m for pid, attrs in read_vertical_attributes(path)
                if (m := PassageMatch.from_values(attrs)) is not None}
    if fmt == "tei":
        from .tei import read_tei_matches

        return read_tei_matches(path)
    raise ExportError(f"{fmt} exports carry no match values")
