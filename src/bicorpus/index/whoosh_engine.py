"""The Whoosh engine: schema, writer, searcher, translation of the engine query algebra.

This is the only module of bicorpus that imports Whoosh.  Terms arrive
pre-analysed (per field, the terms at each position, from
:mod:`bicorpus.index.analysis`) and go straight into postings (:class:`PreAnalyzedText`),
so Whoosh's own (slow, Arabic-unaware) analysis never runs.

Fields: the passage metadata (``id``, ``doc``, ``lang``, ``region``, ``section``, ``date``:
stored keywords), stored ``text``/``title``/``author``/``ordinal``/offsets/``mentions``,
``form`` and ``key`` (positions, for phrases), ``name`` and ``ent`` (no positions).

Writing: a large build writes one segment per worker process, each worker reading and
analysing its own run of the corpus (:meth:`WhooshEngine.build`).  Searching: Whoosh's index
and statistics, but not its per-document collector: document sets come from set algebra over
posting blocks (:class:`_DocSets`, phrases position-checked once per searcher) and scores from
the same blocks with Whoosh's BM25F (:class:`_Scores`); query shapes it does not cover go through
Whoosh's searcher.
"""

from __future__ import annotations

import contextlib
import functools
import heapq
import itertools
import sys
import threading
import time
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.analysis import Token, Tokenizer
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.fields import ID, STORED, TEXT, Schema
from whoosh.formats import Positions
from whoosh.index import TOC, EmptyIndexError, LockError
from whoosh.index import IndexError as WhooshIndexError
from whoosh.reading import TermNotFound
from whoosh.scoring import BM25F, bm25
from whoosh.system import pack_uint
from whoosh.util.numeric import byte_to_length
from whoosh.writing import CLEAR, SegmentWriter

from ..errors import SearchIndexError
from ..lock import guard_forked_children
from . import parallel
from .engine import (
    META_FIELDS,
    STORED_FIELDS,
    AllQ,
    AnyQ,
    EngineQuery,
    IndexedPassage,
    NotQ,
    PhraseQ,
    PrefixQ,
    RangeQ,
    TermQ,
)

T = TypeVar("T")

#: Seconds a writer waits for another writer's lock.
WRITE_LOCK_TIMEOUT = 60.0
#: Posting memory (MB) of a bulk build, shared by the writers running at once (each worker of a
#: sharded build has its share, and holds about 60 MB more); Whoosh spills a writer's posting
#: pool to disk beyond it, which nearly doubled the time of a build of 100,000 passages (80 s
#: against 43 s): shards are sized to fit (:data:`bicorpus.index.parallel.SHARD_PASSAGES`).
BULK_LIMITMB = 640
#: Most passages listed for one document.
_MAX_DOC_PASSAGES = 100_000
#: Filters and masks kept per searcher and thread.
_CACHED_FILTERS = 4
#: Array type code of 32-bit unsigned positions (the first of ``I``, ``L`` that is 4 bytes wide).
_POSITION_TYPE = next(code for code in "IL" if array(code).itemsize == 4)
#: Documents kept per searcher and thread for the terms and phrases searched (about 50 MB).
CACHED_POSTINGS = 1_000_000


#: Separates alternative terms at one position in a pre-analysed field value.
ALT = "\x1f"


def encode_slots(slots: list[tuple[str, ...]]) -> str:
    """Pre-analysed terms as a field value: positions separated by spaces, alternatives by ``ALT``."""
    return " ".join(ALT.join(slot) for slot in slots)


#: Attempts at opening a commit whose files a concurrent commit deleted meanwhile.
_OPEN_ATTEMPTS = 8


def _open_current(opener: Callable[[], Any]) -> Any:
    """``opener()``, retried when a writer committing meanwhile removed a file of the commit being
    opened (the next attempt opens the newer commit)."""
    for attempt in range(_OPEN_ATTEMPTS):
        try:
            return opener()
        except FileNotFoundError:
            if attempt == _OPEN_ATTEMPTS - 1:
                raise
            time.sleep(0.01 * (attempt + 1))
    raise AssertionError("unreachable")


class PreAnalyzed(Tokenizer):
    """Yields the terms of a value made by :func:`encode_slots`, position by position.

    (Whoosh bypasses the analyzer for list values, so terms travel as one string.)"""

    def __call__(self, value: Any, positions: bool = False, chars: bool = False, keeporiginal: bool = False,
                 removestops: bool = True, start_pos: int = 0, start_char: int = 0, tokenize: bool = True,
                 mode: str = "", **kwargs: Any) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not value:
            return
        for pos, slot in enumerate(value.split(" ")):
            for text in slot.split(ALT):
                token.text = text
                token.boost = 1.0
                token.stopped = False
                if positions:
                    token.pos = start_pos + pos
                yield token


def positions_of(value: bytes) -> array[int]:
    """The positions of a posting value of :class:`PositionArray`."""
    found = array(_POSITION_TYPE, value)
    if sys.byteorder == "big":
        found.byteswap()
    return found


class PositionArray(Positions):
    """Whoosh's ``Positions`` format with each posting's positions written as 32-bit unsigned
    little-endian integers instead of a pickled list of gaps: a posting at one position takes 4
    bytes instead of 13, and reading positions back is one C call instead of an unpickling (the
    bulk of a phrase search).  Frequency is the count of positions."""

    def encode(self, poslist: Iterable[int]) -> bytes:
        found = array(_POSITION_TYPE, poslist)
        if sys.byteorder == "big":
            found.byteswap()
        return found.tobytes()

    def decode_positions(self, valuestring: bytes) -> list[int]:
        return positions_of(valuestring).tolist()

    def decode_frequency(self, valuestring: bytes) -> int:
        return len(valuestring) // 4


class PreAnalyzedText(TEXT):
    """A ``TEXT`` field whose values are pre-analysed terms (:func:`encode_slots`): :meth:`index`
    reads the terms straight into postings, without Whoosh's token stream (its largest per-term
    cost at index time).  Queries and searching behave as for any ``TEXT`` field; the same terms,
    weights and positions are indexed as through :class:`PreAnalyzed`; positions are written in
    the :class:`PositionArray` format."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.format.supports("positions"):
            self.format = PositionArray(field_boost=self.format.field_boost)

    def index(self, value: Any, boost: float = 1.0,
              **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        if not value:
            return
        positions: dict[str, list[int]] = {}
        for pos, slot in enumerate(value.split(" ")):
            for text in slot.split(ALT):
                found = positions.get(text)
                if found is None:
                    positions[text] = [pos]
                else:
                    found.append(pos)
        fmt = self.format
        scale = fmt.field_boost * boost
        encode = fmt.encode if fmt.supports("positions") else None
        for text, poses in positions.items():
            freq = len(poses)
            if encode is None:
                value = pack_uint(freq)
            else:  # most terms occur once in a passage: their encoding is looked up
                value = _one_position(poses[0]) if freq == 1 else encode(poses)
            yield text.encode("utf-8"), freq, freq * scale, value


@functools.lru_cache(maxsize=4096)
def _one_position(pos: int) -> bytes:
    """The encoding of a posting at the single position ``pos``."""
    return PositionArray().encode([pos])


class _LengthTable:
    """``doc_field_length`` of the segment being written, read once per field (Whoosh's own reader
    reads one byte from disk for every posting it writes)."""

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._tables: dict[str, list[int] | None] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        if fieldname not in self._tables:
            self._tables[fieldname] = _length_table(self._reader, fieldname)
        table = self._tables[fieldname]
        return table[docnum] if table is not None else default


class _SegmentWriter(SegmentWriter):
    """Whoosh's segment writer, writing postings with the lengths table above."""

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        lengths = self.per_document_reader() if self.codec.length_stats else None
        try:
            self.fieldwriter.add_postings(self.schema, _LengthTable(lengths) if lengths else None,
                                          self.pool.iter_postings())
            self.fieldwriter.close()
        finally:
            if lengths:
                lengths.close()


def _schema() -> Schema:
    pre = PreAnalyzed()
    fields: dict[str, Any] = {name: ID(stored=True) for name in META_FIELDS}
    fields["id"] = ID(stored=True, unique=True)
    fields.update({name: STORED() for name in STORED_FIELDS})
    fields.update({name: PreAnalyzedText(analyzer=pre, phrase=True) for name in ("form", "key")})
    fields["name"] = PreAnalyzedText(analyzer=pre, phrase=False)
    fields["ent"] = PreAnalyzedText(analyzer=pre, phrase=False)
    return Schema(**fields)


def _document(passage: IndexedPassage) -> dict[str, Any]:
    """The ``add_document`` arguments of one analysed passage."""
    doc = {k: v for k, v in passage.fields.items() if v is not None}
    doc.update((name, encode_slots(slots)) for name, slots in passage.terms.items() if slots)
    return doc


class _Translator:
    """Engine queries → Whoosh queries for one reader; terms absent from the index are dropped
    first, so most word slots shrink to one term and phrases stay plain :class:`Phrase` queries."""

    def __init__(self, reader: Any) -> None:
        self.reader = reader

    def has(self, field: str, text: str) -> bool:
        return (field, text) in self.reader

    def terms(self, field: str, terms: Iterable[str]) -> list[str]:
        return [t for t in terms if self.has(field, t)]

    def __call__(self, q: EngineQuery) -> wq.Query:
        query = self.translate(q)
        return query if query is wq.NullQuery else query.normalize()

    def translate(self, q: EngineQuery) -> wq.Query:
        if isinstance(q, TermQ):
            return wq.Term(q.field, q.text) if self.has(q.field, q.text) else wq.NullQuery
        if isinstance(q, PhraseQ):
            slots = [self.terms(q.field, slot) for slot in q.slots]
            if not all(slots):
                return wq.NullQuery
            if len(slots) == 1:
                return _any(q.field, slots[0])
            if all(len(slot) == 1 for slot in slots):
                return wq.Phrase(q.field, [slot[0] for slot in slots])
            return wq.Sequence([_any(q.field, slot) for slot in slots])
        if isinstance(q, PrefixQ):
            return wq.Prefix(q.field, q.text)
        if isinstance(q, RangeQ):
            return wq.TermRange(q.field, q.low, q.high)
        if isinstance(q, AllQ):  # one part that cannot match makes the whole conjunction empty
            parts = []
            for item in q.items:
                part = self.translate(item.item if isinstance(item, NotQ) else item)
                if part is wq.NullQuery:
                    if not isinstance(item, NotQ):
                        return wq.NullQuery
                    continue  # excluding nothing
                parts.append(wq.Not(part) if isinstance(item, NotQ) else part)
            if not parts or all(isinstance(p, wq.Not) for p in parts):
                parts.insert(0, wq.Every())
            return parts[0] if len(parts) == 1 else wq.And(parts)
        if isinstance(q, AnyQ):
            alternatives = [p for p in (self.translate(item) for item in q.items) if p is not wq.NullQuery]
            if not alternatives:
                return wq.NullQuery
            return alternatives[0] if len(alternatives) == 1 else wq.Or(alternatives)
        if isinstance(q, NotQ):
            inner = self.translate(q.item)
            return wq.Every() if inner is wq.NullQuery else wq.And([wq.Every(), wq.Not(inner)])
        raise TypeError(f"not an engine query: {q!r}")


def _any(field: str, terms: list[str]) -> wq.Query:
    return wq.Term(field, terms[0]) if len(terms) == 1 else wq.Or([wq.Term(field, t) for t in terms])


def _has_phrase(q: EngineQuery) -> bool:
    """Whether ``q`` holds a phrase of several words (outside a negation)."""
    if isinstance(q, PhraseQ):
        return len(q.slots) > 1
    return isinstance(q, AllQ | AnyQ) and any(_has_phrase(item) for item in q.items)


def _words_of(q: EngineQuery) -> EngineQuery:
    """``q`` with each phrase replaced by the conjunction of its words (positions set aside)."""
    if isinstance(q, PhraseQ) and len(q.slots) > 1:
        return AllQ(tuple(PhraseQ(q.field, (slot,)) for slot in q.slots))
    if isinstance(q, AllQ):
        return AllQ(tuple(_words_of(item) for item in q.items))
    if isinstance(q, AnyQ):
        return AnyQ(tuple(_words_of(item) for item in q.items))
    return q


def _leaf_blocks(leaf: Any, field: str, text: str, weights: bool = False, values: bool = False
                 ) -> Iterator[tuple[Sequence[int], Sequence[float], Sequence[bytes]]]:
    """The posting list of ``text`` in ``field`` of one segment, block by block: document numbers
    local to the segment, and their weights and encoded values when asked for (else ``()``)."""
    try:
        matcher = leaf._terms.matcher(field, leaf._text_to_bytes(field, text), leaf.schema[field].format)
    except (KeyError, TermNotFound):
        return
    if all(hasattr(matcher, name) for name in ("_read_data", "_read_weights", "_read_values", "_next_block",
                                               "_byteids")):
        while matcher.is_active():
            if matcher._data is None:
                matcher._read_data()
            ids = matcher._data[0]  # delta-coded, as Whoosh's _read_ids decodes them (in Python)
            if weights:
                matcher._read_weights()
            if values:
                matcher._read_values()
            yield ((ids if matcher._byteids else list(itertools.accumulate(ids))),
                   (matcher._weights if weights else ()), (matcher._values if values else ()))
            matcher._next_block()
        return
    ids: list[int] = []
    found_weights: list[float] = []
    found_values: list[bytes] = []
    while matcher.is_active():  # postings kept inline with the term: a handful
        ids.append(matcher.id())
        found_weights.append(matcher.weight())
        found_values.append(matcher.value())
        matcher.next()
    yield ids, (found_weights if weights else ()), (found_values if values else ())


def _leaf_positions(leaf: Any, field: str, terms: Iterable[str], wanted: set[int]) -> dict[int, set[int]]:
    """Positions of any of ``terms`` in each ``wanted`` document of one segment (local numbers)."""
    out: dict[int, set[int]] = {}
    for text in terms:
        for ids, _, values in _leaf_blocks(leaf, field, text, values=True):
            here = wanted.intersection(ids)
            if not here:
                continue
            value_of = dict(zip(ids, values, strict=True))
            for doc in here:
                found = out.get(doc)
                if found is None:
                    out[doc] = set(positions_of(value_of[doc]))
                else:
                    found.update(positions_of(value_of[doc]))
    return out


def _deleted(leaf: Any) -> frozenset[int]:
    return frozenset(leaf._perdoc.deleted_docs()) if leaf.has_deletions() else frozenset()


def _leaf_term_docs(leaf: Any, field: str, text: str) -> set[int]:
    """Live document numbers (local to the segment) holding ``text`` in ``field``, read block by block."""
    ids: set[int] = set()
    for block, _, _ in _leaf_blocks(leaf, field, text):
        ids.update(block)
    deleted = _deleted(leaf)
    return ids.difference(deleted) if deleted else ids


#: Field length of each length byte Whoosh stores (``0``: none stored).
_BYTE_LENGTHS: tuple[int, ...] = (1, *(byte_to_length(b) for b in range(1, 256)))


def _length_table(perdoc: Any, field: str) -> list[int] | None:
    """The length of ``field`` in every document of one segment as BM25F reads it, from the
    segment's per-document reader: its column of length bytes read at once instead of a byte per
    document; ``None`` when the segment keeps no lengths for the field (not scored, or absent)."""
    name = _lenfield(field)
    if not perdoc.has_column(name):
        return None
    count = perdoc.doc_count_all()
    try:
        column = perdoc._cached_reader(name, LENGTHS_COLUMN)
        raw = column._dbfile.get(column._basepos, min(column._count, count))
    except AttributeError:  # another codec: ask document by document
        return [perdoc.doc_field_length(d, field, 1) or 1 for d in range(count)]
    table = [_BYTE_LENGTHS[b] for b in raw]
    table.extend([1] * (count - len(table)))
    return table


def _as_whoosh_normalizes(q: EngineQuery) -> EngineQuery:
    """``q`` shaped as Whoosh normalizes its translation before scoring it: a one-slot phrase is a
    disjunction of its terms, nested disjunctions (conjunctions) are merged into their parent, and a
    part repeated within one is dropped (a repeated term is scored once)."""
    if isinstance(q, PhraseQ) and len(q.slots) == 1:
        terms = tuple(TermQ(q.field, t) for t in dict.fromkeys(q.slots[0]))
        return terms[0] if len(terms) == 1 else AnyQ(terms)
    if isinstance(q, AnyQ | AllQ):
        items: list[EngineQuery] = []
        for item in map(_as_whoosh_normalizes, q.items):
            items.extend(item.items if type(item) is type(q) else (item,))
        unique = tuple(dict.fromkeys(items))
        return unique[0] if len(unique) == 1 else type(q)(unique)
    return q


class _Unscorable(Exception):
    """The query holds a part :class:`_Scores` does not score as Whoosh would."""


class _Scores:
    """BM25F scores of the documents an engine query matches, computed block by block from the
    posting lists with Whoosh's own formula and statistics (``idf`` and average field length of the
    whole index, the length byte of each document): the scores Whoosh's searcher gives, at a small
    fraction of its cost per matching document.  Terms and conjunctions, disjunctions and negations
    of them, and phrases (checked by the document sets) are scored; a query with any other part
    raises :class:`_Unscorable`."""

    def __init__(self, docsets: _DocSets) -> None:
        self.docsets = docsets
        self.searcher = docsets.searcher
        self.weighting = self.searcher.weighting
        if type(self.weighting) is not BM25F:
            raise _Unscorable("another weighting model")
        self.lengths: dict[tuple[int, str], Sequence[int]] = (
            docsets.cache.lengths if docsets.cache is not None else {})

    def _lengths(self, number: int, leaf: Any, field: str) -> Sequence[int]:
        table = self.lengths.get((number, field))
        if table is None:
            table = self.lengths[(number, field)] = _length_table(leaf._perdoc, field) or ()
        return table

    def term(self, field: str, text: str) -> dict[int, float]:
        cache = self.docsets.cache
        found = cache.scores.get((field, text)) if cache is not None else None
        if found is None:
            found = self._term(field, text)
            if cache is not None:
                cache.keep(cache.scores, (field, text), found)
        return found

    def _term(self, field: str, text: str) -> dict[int, float]:
        searcher = self.searcher
        if not searcher.schema[field].scorable:
            raise _Unscorable(f"field {field} is not scored")
        idf = searcher.idf(field, text)
        avgfl = searcher.avg_field_length(field) or 1
        w = self.weighting
        b, k1 = w._field_B.get(field, w.B), w.K1
        out: dict[int, float] = {}
        for number, (leaf, offset) in enumerate(self.docsets.leaves):
            lengths = self._lengths(number, leaf, field)
            deleted = _deleted(leaf)
            for ids, weights, _ in _leaf_blocks(leaf, field, text, weights=True):
                for doc, weight in zip(ids, weights, strict=True):
                    if doc not in deleted:
                        out[doc + offset] = bm25(idf, weight, lengths[doc], avgfl, b, k1)
        return out

    def of(self, q: EngineQuery) -> dict[int, float]:
        """Score of every document ``q`` matches."""
        return self._of(_as_whoosh_normalizes(q))

    def _of(self, q: EngineQuery) -> dict[int, float]:
        if isinstance(q, TermQ):
            return self.term(q.field, q.text)
        if isinstance(q, PhraseQ):  # several slots (one-slot phrases were normalized away)
            slots = [self.any([self.term(q.field, t) for t in dict.fromkeys(slot)]) for slot in q.slots]
            verified = self.docsets.phrase(q, None)
            return {d: sum(slot[d] for slot in slots) for d in verified}
        if isinstance(q, AnyQ):
            return self.any([self._of(item) for item in q.items])
        if isinstance(q, AllQ):
            positive = [self._of(item) for item in q.items if not isinstance(item, NotQ)]
            if not positive:
                raise _Unscorable("only negations")
            docs = set.intersection(*(set(p) for p in positive))
            negations = 0
            for item in q.items:
                if isinstance(item, NotQ):
                    docs -= self.docsets.of(item.item, docs)
                    negations += 1
            # Whoosh's conjunction scores each negated part 1 (its inverse matcher's weight)
            return {d: sum(p[d] for p in positive) + negations for d in docs}
        raise _Unscorable(type(q).__name__)

    @staticmethod
    def any(parts: list[dict[int, float]]) -> dict[int, float]:
        if len(parts) == 1:
            return parts[0]
        out: dict[int, float] = {}
        for part in parts:
            for doc, score in part.items():
                out[doc] = out.get(doc, 0.0) + score
        return out


class _DocSets:
    """The set of (global) document numbers an engine query matches, by set algebra over posting
    blocks: far faster than walking Whoosh matchers document by document.  Position checks
    (phrases) and term expansions (prefix, range) fall back to Whoosh."""

    def __init__(self, searcher: Any, cache: _SearcherCache | None = None) -> None:
        self.searcher = searcher
        self.translate = _Translator(searcher.reader())
        self.leaves = list(searcher.reader().leaf_readers())
        self._all: set[int] | None = None
        #: What the engine keeps of this searcher: a search asks for the same terms and phrases at
        #: every tier level, and again for its total.
        self.cache = cache

    def term(self, field: str, text: str) -> set[int]:
        found = None
        if self.cache is not None:  # a term already scored needs no second read
            scored = self.cache.scores.get((field, text))
            found = set(scored) if scored is not None else self.cache.terms.get((field, text))
        if found is None:
            found = set()
            for leaf, offset in self.leaves:
                docs = _leaf_term_docs(leaf, field, text)
                found.update(docs if offset == 0 else (d + offset for d in docs))
            if self.cache is not None:
                self.cache.keep(self.cache.terms, (field, text), found)
        return set(found)

    def whoosh(self, q: EngineQuery) -> set[int]:
        return set(self.searcher.docs_for_query(self.translate(q)))

    def verify(self, q: PhraseQ, candidates: set[int]) -> set[int]:
        """The ``candidates`` that really match phrase ``q``: each slot's positions in the candidates
        are read from its posting blocks (one pass over each list), then lined up."""
        found: set[int] = set()
        for leaf, offset in self.leaves:
            size = leaf.doc_count_all()
            local = {d - offset for d in candidates if offset <= d < offset + size}
            if not local:
                continue
            # slot by slot, reading positions only in the documents still in the running
            starts = _leaf_positions(leaf, q.field, q.slots[0], local)
            for i, slot in enumerate(q.slots[1:], 1):
                here = _leaf_positions(leaf, q.field, slot, set(starts))
                starts = {doc: s for doc, s in ((d, s.intersection(p - i for p in here.get(d, ())))
                                                for d, s in starts.items()) if s}
            found.update(doc + offset for doc in starts)
        return found

    def _narrower_verified(self, q: PhraseQ) -> set[int]:
        """Documents known to hold ``q``: those verified for a kept phrase each of whose slots
        lists only terms of ``q``'s slot (the same phrase at a narrower tier)."""
        known: set[int] = set()
        if self.cache is not None:
            wider = [set(slot) for slot in q.slots]
            for p, docs in self.cache.phrases.items():
                if p.field == q.field and len(p.slots) == len(wider) and all(
                        wide.issuperset(slot) for wide, slot in zip(wider, p.slots, strict=True)):
                    known |= docs
        return known

    def all(self) -> set[int]:
        """Every live document number."""
        if self._all is None:
            self._all = set()
            for leaf, offset in self.leaves:
                live = set(range(offset, offset + leaf.doc_count_all()))
                if leaf.has_deletions():
                    live.difference_update(d + offset for d in leaf._perdoc.deleted_docs())
                self._all |= live
        return self._all

    def phrase(self, q: PhraseQ, within: set[int] | None) -> set[int]:
        """Documents holding phrase ``q`` (only those in ``within`` when given); every candidate is
        position-checked once per searcher, whatever ``within`` is."""
        docs = self.cache.phrases.get(q) if self.cache is not None else None
        if docs is None:
            slots = [set().union(*(self.term(q.field, t) for t in slot)) for slot in q.slots]
            docs = set.intersection(*slots)
            if len(q.slots) > 1 and docs:
                known = self._narrower_verified(q)  # a wider tier's phrase holds a narrower one's
                docs = known | self.verify(q, docs - known)
            if self.cache is not None:
                self.cache.keep(self.cache.phrases, q, docs)
        return docs & within if within is not None else set(docs)

    def of(self, q: EngineQuery, within: set[int] | None = None) -> set[int]:
        """Documents matching ``q`` (only those in ``within`` when given)."""
        if isinstance(q, TermQ):
            docs = self.term(q.field, q.text)
        elif isinstance(q, PhraseQ):
            return self.phrase(q, within)
        elif isinstance(q, AnyQ):
            docs = set()
            for item in q.items:
                docs |= self.of(item, within)
            return docs
        elif isinstance(q, AllQ):
            docs = within
            for item in sorted(q.items, key=lambda i: (isinstance(i, NotQ), isinstance(i, PhraseQ))):
                if docs is not None and not docs:
                    return set()
                if isinstance(item, NotQ):
                    docs = (self.all() if docs is None else docs) - self.of(item.item, docs)
                else:
                    docs = self.of(item, docs)
            return docs if docs is not None else self.all()
        elif isinstance(q, NotQ):
            base = within if within is not None else self.all()
            return base - self.of(q.item, base)
        else:
            docs = self.whoosh(q)
        return docs & within if within is not None else docs


@dataclass
class _SearcherCache:
    """What searching keeps of one searcher: the documents of terms and verified phrases, the scores
    of terms, the field length tables, and the last filters; the first three hold at most
    :data:`CACHED_POSTINGS` documents in all (the oldest half goes when full)."""

    searcher: Any
    terms: dict[tuple[str, str], set[int]] = field(default_factory=dict)
    phrases: dict[PhraseQ, set[int]] = field(default_factory=dict)
    scores: dict[tuple[str, str], dict[int, float]] = field(default_factory=dict)
    lengths: dict[tuple[int, str], Sequence[int]] = field(default_factory=dict)
    #: The documents of the last few filters and masks, newest first.
    filters: dict[EngineQuery, set[int]] = field(default_factory=dict)
    size: int = 0

    def keep(self, store: dict[Any, Any], key: Any, docs: set[int] | dict[int, float]) -> None:
        if len(docs) > CACHED_POSTINGS // 4:
            return  # a very common term: cheap enough to read again, too large to keep
        self.size += len(docs)
        while self.size > CACHED_POSTINGS:
            for kept in (self.terms, self.phrases, self.scores):
                for old in list(kept)[: (len(kept) + 1) // 2]:
                    self.size -= len(kept.pop(old))
        store[key] = docs


def _abandon(writer: Any) -> None:
    """Cancel a writer that failed (a full disk...), releasing its write lock and temporary files
    even when cancelling fails too (its segment cannot be closed on a full disk)."""
    with contextlib.suppress(Exception):
        writer.cancel()
    if not getattr(writer, "is_closed", True):
        with contextlib.suppress(Exception):
            writer._finish()


class WhooshEngine:
    """An on-disk Whoosh index.  One object per process; searchers are kept one per thread."""

    name = "whoosh"

    def __init__(self, path: Path, ix: Any) -> None:
        self.path = path
        self._ix = ix
        self._local = threading.local()
        self._searchers: list[Any] = []
        self._lock = threading.Lock()

    @classmethod
    def create(cls, path: str | Path) -> WhooshEngine:
        """A new, empty index at ``path`` (the directory is created; an existing index is replaced)."""
        path = Path(path)
        try:
            path.mkdir(parents=True, exist_ok=True)
            return cls(path, whoosh_index.create_in(str(path), _schema()))
        except OSError as err:
            raise SearchIndexError(f"cannot create an index at {path}: {err.strerror or err}") from err

    @classmethod
    def open(cls, path: str | Path) -> WhooshEngine:
        path = Path(path)
        def opened() -> tuple[Any, set[str]]:
            # ``ix.schema`` reads the table of contents again: a commit may remove it meanwhile
            ix = whoosh_index.open_dir(str(path))
            return ix, set(ix.schema.names())

        try:
            ix, names = _open_current(opened)
        except EmptyIndexError as err:
            raise SearchIndexError(f"no index at {path}: run `bicorpus reindex`") from err
        except (WhooshIndexError, OSError, EOFError, ValueError, KeyError, ImportError,
                AttributeError) as err:
            raise SearchIndexError(f"index at {path} is unreadable ({type(err).__name__}): "
                                   "run `bicorpus reindex`") from err
        engine = cls(path, ix)
        if names != set(_schema().names()):
            raise SearchIndexError(f"index at {path} has another layout: run `bicorpus reindex`")
        return engine

    # writing

    def write(self, adds: Iterable[IndexedPassage], delete_docs: Iterable[str] = (), *,
              clear: bool = False, bulk: bool = False) -> int:
        options: dict[str, Any] = {"timeout": WRITE_LOCK_TIMEOUT}
        if bulk:
            options["limitmb"] = BULK_LIMITMB
        try:
            writer = _SegmentWriter(self._ix, **options)
        except LockError as err:
            raise SearchIndexError(f"index at {self.path} is locked by another writer; try again") from err
        added = 0
        try:
            doomed = [] if clear else [wq.Term("doc", doc_id) for doc_id in delete_docs]
            if doomed:  # one query: each delete_by_term would open every segment again
                writer.delete_by_query(wq.Or(doomed))
            for passage in adds:
                writer.add_document(**_document(passage))
                added += 1
        except BaseException:
            _abandon(writer)
            self._remove_unused()
            raise
        try:
            writer.commit(mergetype=CLEAR) if clear else writer.commit()
        except BaseException:
            _abandon(writer)
            self._remove_unused()
            raise
        if clear:
            self._check_count(added)
        return added

    def build(self, shards: Sequence[Iterable[T]], analyse: Callable[[T], IndexedPassage], *,
              foresee: Callable[[Iterable[bytes]], Iterable[str]] | None = None) -> int:
        """Empty the index and add ``analyse(item)`` for every item of every shard, in one commit.

        With several shards, each is read, analysed and written as a segment of its own in a forked
        worker (:func:`bicorpus.index.parallel.sharded`); this process only commits the segments,
        in shard order.  Each passage is parsed, analysed and indexed once, in one process
        (``foresee`` is not needed: Whoosh takes every term as made)."""
        if len(shards) < 2:
            return self.write(map(analyse, itertools.chain.from_iterable(shards)), clear=True, bulk=True)
        guard_forked_children()  # the workers must not outlive a killed writer
        try:
            writer = _SegmentWriter(self._ix, timeout=WRITE_LOCK_TIMEOUT)
        except LockError as err:
            raise SearchIndexError(f"index at {self.path} is locked by another writer; try again") from err
        ix = self._ix
        at_once = min(len(shards), parallel.default_workers() or 1)
        share = BULK_LIMITMB // at_once

        def open_segment() -> Any:
            return _SegmentWriter(ix.storage.open_index(ix.indexname), _lk=False, limitmb=share)

        def add(sub: Any, item: T) -> None:
            sub.add_document(**_document(analyse(item)))

        def close_segment(sub: Any, count: int) -> tuple[Any, int]:
            if not count:
                sub.cancel()
                return None, 0
            return sub._finalize_segment(), count

        try:
            results = parallel.sharded(shards, open_segment, add, close_segment, at_once=at_once)
            segments = writer._merge_segments(CLEAR, False, False)  # the old contents go
            segments.extend(segment for segment, count in results if count)
            writer._close_segment()
            writer._commit_toc(segments)
        except BaseException:
            _abandon(writer)
            self._remove_unused()
            raise
        writer._finish()
        added = sum(count for _, count in results)
        self._check_count(added)
        return added

    def _remove_unused(self) -> None:
        """After a failed write (a full disk...): delete the segment files it left, which no commit
        names and which would keep the disk full.  Done holding the index's write lock, so no
        other writer's segment in progress is touched; skipped when another writer has it."""
        lock = self._ix.lock("WRITELOCK")
        try:
            if not lock.acquire(blocking=False):
                return
        except Exception:  # a lock file that cannot be made: leave the files
            return
        try:
            toc = TOC.read(self._ix.storage, self._ix.indexname)
            whoosh_index.clean_files(self._ix.storage, self._ix.indexname, toc.generation, toc.segments)
        except Exception:  # best effort: the next commit cleans up as well
            pass
        finally:
            lock.release()

    def _check_count(self, added: int) -> None:
        """After a build: the index must hold every passage added (Whoosh does not report a failed
        worker process of its own)."""
        toc = TOC.read(self._ix.storage, self._ix.indexname)  # a reader would load every term index
        stored = sum(segment.doc_count() for segment in toc.segments)
        if stored != added:
            raise SearchIndexError(f"indexing into {self.path} lost passages ({stored} of {added} "
                                   "stored): run `bicorpus reindex`")

    # reading

    def _searcher(self) -> Any:
        searcher = getattr(self._local, "searcher", None)
        if searcher is None:
            searcher = _open_current(self._ix.searcher)
            with self._lock:
                self._searchers.append(searcher)
        elif not getattr(self._local, "pinned", 0) and not searcher.up_to_date():
            fresh = _open_current(searcher.refresh)
            with self._lock:
                self._searchers = [s for s in self._searchers if s is not searcher] + [fresh]
            searcher = fresh
        self._local.searcher = searcher
        return searcher

    @contextmanager
    def pinned(self) -> Iterator[None]:
        """Within the block this thread reads one commit: a search made of several calls never
        mixes an older and a newer state of the index."""
        self._searcher()
        self._local.pinned = getattr(self._local, "pinned", 0) + 1
        try:
            yield
        finally:
            self._local.pinned -= 1

    def search(self, query: EngineQuery, *, limit: int, filter: EngineQuery | None = None,
               mask: EngineQuery | None = None) -> list[tuple[dict[str, Any], float]]:
        searcher = self._searcher()
        allow = self._docs(searcher, filter) if filter is not None else None
        if allow is not None and not allow:
            return []
        block = self._docs(searcher, mask) if mask is not None else None
        try:
            scores = _Scores(self._docsets(searcher)).of(query)
        except _Unscorable:
            pass
        else:
            if allow is not None or block:
                scores = {d: v for d, v in scores.items() if (allow is None or d in allow)
                          and not (block and d in block)}
            best = heapq.nsmallest(limit, scores.items(), key=lambda item: (-item[1], item[0]))
            return [(dict(searcher.stored_fields(doc)), score) for doc, score in best]
        if _has_phrase(query):
            # Phrases are checked by the document sets (once per searcher); Whoosh then scores the
            # phrases' words among those documents alone.  A phrase scores as the conjunction of its
            # words in Whoosh too, so the scores are the same as its span queries give.
            allow = self._docsets(searcher).of(query, allow)
            if block:
                allow -= block
            if not allow:
                return []
            query, block = _words_of(query), None
        q = _Translator(searcher.reader())(query)
        if q is wq.NullQuery:
            return []
        results = searcher.search(q, limit=limit, filter=allow, mask=block)
        return [(dict(hit.fields()), float(hit.score or 0.0)) for hit in results]

    def _cache(self, searcher: Any) -> _SearcherCache:
        """What this thread keeps of ``searcher`` (replaced when the searcher is)."""
        cache = getattr(self._local, "cache", None)
        if cache is None or cache.searcher is not searcher:
            cache = self._local.cache = _SearcherCache(searcher)
        return cache

    def _docsets(self, searcher: Any) -> _DocSets:
        """Document sets of ``searcher``, with what this thread keeps of it."""
        return _DocSets(searcher, self._cache(searcher))

    def _docs(self, searcher: Any, query: EngineQuery) -> set[int]:
        """Documents matching a filter or mask query.  The last few are kept with the searcher,
        since one search asks for the same filter and mask at every tier level."""
        cache = self._cache(searcher)
        docs = cache.filters.get(query)
        if docs is None:
            docs = self._docsets(searcher).of(query)
            cache.filters = {query: docs, **dict(list(cache.filters.items())[:_CACHED_FILTERS - 1])}
        return docs

    def count(self, query: EngineQuery, *, filter: EngineQuery | None = None) -> int:
        searcher = self._searcher()
        allowed = self._docs(searcher, filter) if filter is not None else None
        return len(self._docsets(searcher).of(query, allowed))

    def has_term(self, field: str, text: str) -> bool:
        return (field, text) in self._searcher().reader()

    def stored(self, passage_id: str) -> dict[str, Any] | None:
        found = self._searcher().document(id=passage_id)
        return dict(found) if found is not None else None

    def doc_passages(self, doc_id: str) -> list[dict[str, Any]]:
        rows = [dict(f) for f in self._searcher().documents(doc=doc_id)]
        return sorted(rows, key=lambda r: r.get("ordinal") or 0)[:_MAX_DOC_PASSAGES]

    def iter_stored(self) -> Iterator[dict[str, Any]]:
        yield from (dict(f) for f in self._searcher().all_stored_fields())

    def doc_count(self) -> int:
        return int(self._searcher().doc_count())

    def close(self) -> None:
        with self._lock:
            for searcher in self._searchers:
                searcher.close()
            self._searchers = []
        self._local = threading.local()
