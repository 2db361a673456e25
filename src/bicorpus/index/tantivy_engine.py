"""The Tantivy engine: schema, writer, searcher, translation of the engine query algebra.

This is the only module of bicorpus that imports ``tantivy`` (the default engine).  Terms arrive
pre-analysed from :mod:`bicorpus.index.analysis` exactly as for Whoosh and are handed to Tantivy
as text that its analyzers split without changing a term (:data:`ALT_TOKENIZER`), alternatives of
one position sharing that position, so both engines hold the same terms at the same positions and
match the same passages.

Fields: the passage metadata (``id``, ``doc``, ``lang``, ``region``, ``section``, ``date``:
raw keywords, indexed), ``form`` and ``key`` (with positions, for phrases: one token a position,
the terms of one position joined; pre-tokenized for a passage with terms its writer's dictionary
lacks), ``name``
and ``ent`` (frequencies only, their terms as one text split at whitespace), and ``stored``: every
stored field of the passage as one JSON value (one field to read back per hit).  A date range
runs on ``day``, a column of the dates as numbers (``2017-04-12`` → 20170412, ``2017-04`` →
20170400); the rare date that is not an ISO date or prefix goes to ``odd_date`` instead and is
compared as text.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import os
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import orjson
import tantivy

from ..errors import SearchIndexError
from ..lock import of_a_gone_process
from .engine import (
    META_FIELDS,
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
from .parallel import default_workers, sharded_map
from .plan import essential_forms

T = TypeVar("T")

#: Seconds a writer waits for another writer's lock.
WRITE_LOCK_TIMEOUT = 60.0
#: Writer memory (bytes) of a build in this process (one indexing thread, so that the passages
#: keep their order in the index: equal scores then rank the same in every build).
WRITER_HEAP = 256_000_000
#: Writer memory for small updates.
UPDATE_HEAP = 64_000_000
#: Writer memory of each worker of a parallel build (one indexing thread each).
SHARD_HEAP = 192_000_000
#: Fields holding positions (phrases run on them) and fields holding only frequencies.
POSITION_FIELDS: tuple[str, ...] = ("form", "key")
FREQ_FIELDS: tuple[str, ...] = ("name", "ent")
#: The frequency fields take their terms as one text, split by Tantivy at whitespace (no term holds
#: any: tokens, keys and entity ids are written without), instead of a pre-tokenized string: their
#: positions are not indexed, and Tantivy splits a text faster than it takes tokens made in Python.
FREQ_TOKENIZER = "whitespace"
#: The fields with positions take their terms as text too: one whitespace-separated token per
#: position, the terms that share a position joined by :data:`ALT_JOINER` into one token, which
#: Tantivy's compound-word filter splits back into them (every part keeps the token's position) from
#: a dictionary of those terms (:class:`Alternatives`); the joiners are then dropped as stopwords,
#: so the field holds the same terms, positions and length as when its tokens are made one by one.
#: A position whose terms the dictionary lacks makes its passage's field pre-tokenized instead.
ALT_TOKENIZER = "alternatives"
ALT_JOINER = "\x1f"
#: First characters of the terms that may share a position (``form`` tier prefixes, ``key`` ending
#: marks): no other term starts with one, and none holds one after its mark, so a token of one
#: term can never be split into dictionary words.
ALT_MARKS = frozenset("+=*~>!^`%")
#: Passages a writer reads before its dictionary is made, when it is not told the terms beforehand.
ALT_LEARN = 2048
#: The stored JSON of a passage.
STORED = "stored"
#: The passage's date as a number, in a fast column (date ranges), and dates with no number.
DAY = "day"
ODD_DATE = "odd_date"
#: An ISO date or prefix: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``.
_ISO_PREFIX_RE = re.compile(r"(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?")
#: Postings (summed document frequencies of a query's terms) from which a search's total is counted
#: on a thread of its own, beside the search: below, the count costs less than handing it over.
THREAD_COUNT_POSTINGS = 100_000
#: Most plain phrases a counted phrase becomes (one per choice of its slots' alternatives) before it
#: is left a regex phrase.
COUNT_PHRASES = 8
#: Most passages listed for one document.
_MAX_DOC_PASSAGES = 100_000

#: Characters the Rust regex syntax treats as special (what ``regex_syntax::escape`` escapes).
_REGEX_SPECIAL = frozenset("\\.+*?()|[]{}^$#&-~")


def regex_escape(text: str) -> str:
    """``text`` as a literal in a Tantivy (Rust) regular expression."""
    return "".join("\\" + c if c in _REGEX_SPECIAL else c for c in text)


def _schema() -> Any:
    builder = tantivy.SchemaBuilder()
    for name in META_FIELDS:
        builder.add_text_field(name, stored=False, tokenizer_name="raw", index_option="basic")
    for name in POSITION_FIELDS:
        builder.add_text_field(name, stored=False, tokenizer_name=ALT_TOKENIZER, index_option="position")
    for name in FREQ_FIELDS:
        builder.add_text_field(name, stored=False, tokenizer_name=FREQ_TOKENIZER, index_option="freq")
    builder.add_text_field(ODD_DATE, stored=False, tokenizer_name="raw", index_option="basic")
    builder.add_integer_field(DAY, stored=False, indexed=False, fast=True)
    builder.add_bytes_field(STORED, stored=True, indexed=False)
    return builder.build()


#: Field names of the layout this module writes (an index with other fields asks for a reindex).
_FIELD_NAMES = frozenset((*META_FIELDS, *POSITION_FIELDS, *FREQ_FIELDS, STORED, DAY, ODD_DATE))


def _tokenizer(field: dict[str, Any]) -> str | None:
    """The tokenizer a field of a ``meta.json`` schema names (``None``: none)."""
    indexing = (field.get("options") or {}).get("indexing") or {}
    return indexing.get("tokenizer") if isinstance(indexing, dict) else None


def day_number(date: str, *, last: bool = False) -> int | None:
    """An ISO date or prefix as a number that sorts as the text does: ``2017-04-12`` → 20170412,
    ``2017-04`` → 20170400, ``2017`` → 20170000; with ``last``, the number of the last date the
    prefix covers (``2017-04`` → 20170499).  ``None`` for any other text."""
    found = _ISO_PREFIX_RE.fullmatch(date)
    if found is None:
        return None
    year, month, day = found.groups()
    fill = 99 if last else 0
    return int(year) * 10000 + (int(month) if month else fill) * 100 + (int(day) if day else fill)


#: :func:`day_number` of the dates met in a build (the passages of a page share its date).
_day_of = functools.lru_cache(maxsize=4096)(day_number)


def _pre_tokenized(slots: list[tuple[str, ...]]) -> Any:
    """Terms at positions as Tantivy pre-tokenized text (alternatives share their position).  The
    character offsets are not indexed: a token's is its position (the end left to Tantivy, which
    converts three arguments faster than four)."""
    token = tantivy.Token
    tokens = [token(term, pos, pos) for pos, slot in enumerate(slots) for term in slot]
    return tantivy.PreTokenizedString("", tokens)


class Alternatives:
    """The terms that share a position (a word's alternative forms, its keys' variants) one writer's
    analyzer of the position fields splits (:data:`ALT_TOKENIZER`).  Terms are only ever added, and
    the analyzer is registered before the writer's segment that uses it starts, so a text made for
    the dictionary of one registration stays right for every later one."""

    def __init__(self) -> None:
        self._known: set[str] = set()  # in the registered analyzer's dictionary
        self._pending: set[str] = set()  # to be added at the next registration
        self._texts: dict[tuple[str, ...], str] = {}  # a position's token, by its terms

    def learn(self, terms: Iterable[str]) -> None:
        """Terms to split at the next :meth:`register` (those that cannot be told apart from a term
        of their own by their first character are left out: their positions stay pre-tokenized; so
        are those past :data:`ALT_DICTIONARY` terms)."""
        room = ALT_DICTIONARY - len(self._known) - len(self._pending)
        new = (t for t in terms if len(t) > 1 and t[0] in ALT_MARKS and t not in self._known)
        self._pending.update(itertools.islice(new, max(0, room)))

    def learn_passage(self, terms: dict[str, list[tuple[str, ...]]]) -> None:
        for name in POSITION_FIELDS:
            self.learn(t for slot in terms.get(name, ()) if len(slot) > 1 for t in slot)

    def register(self, index: Any) -> None:
        """Register the analyzer of the dictionary on ``index`` (before its next segment starts)."""
        self._known |= self._pending
        self._pending = set()
        index.register_tokenizer(ALT_TOKENIZER, alternatives_analyzer(self._known))

    def text(self, slots: list[tuple[str, ...]]) -> str | None:
        """The field text of terms at positions, or ``None`` when a position holds terms the
        registered dictionary lacks."""
        texts = self._texts
        parts = list(map(texts.get, slots))
        if None in parts:
            for i, part in enumerate(parts):
                if part is None:
                    slot = slots[i]
                    if len(slot) == 1:
                        part = slot[0]
                    elif slot and self._known.issuperset(slot):  # (no position is empty)
                        part = ALT_JOINER.join(slot)
                    else:
                        return None
                    if len(texts) >= ALT_TEXTS:
                        texts.clear()
                    texts[slot] = parts[i] = part
        return " ".join(parts)  # type: ignore[arg-type]


#: Position tokens one :class:`Alternatives` remembers.
ALT_TEXTS = 1 << 18
#: Most terms in one writer's dictionary (its analyzer takes about 140 bytes a term).
ALT_DICTIONARY = 1_000_000


def alternatives_analyzer(dictionary: Iterable[str]) -> Any:
    """Whitespace tokens, split into the dictionary's terms where joined by :data:`ALT_JOINER`, the
    joiners dropped."""
    return (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace())
            .filter(tantivy.Filter.split_compound([*sorted(dictionary), ALT_JOINER]))
            .filter(tantivy.Filter.custom_stopword([ALT_JOINER]))
            .build())


class TokenMemo:
    """The Tantivy field values of term streams met before, for one build: the analysis hands a
    repeated passage text the same term streams object (:func:`bicorpus.index.analysis.index_analysis`),
    whose Tantivy values are then made once.  Each entry keeps its term streams alive, so the
    identity it is found by is never another object's; at most :data:`TOKEN_MEMO` are kept.
    ``alternatives``: the writer's dictionary (without one, the position fields are pre-tokenized)."""

    def __init__(self, alternatives: Alternatives | None = None) -> None:
        self._kept: dict[int, tuple[Any, list[tuple[str, Any]]]] = {}
        self.alternatives = alternatives

    def fields(self, terms: dict[str, list[tuple[str, ...]]]) -> list[tuple[str, Any]]:
        found = self._kept.get(id(terms))
        if found is not None and found[0] is terms:
            return found[1]
        made = _token_fields(terms, self.alternatives)
        if len(self._kept) >= TOKEN_MEMO:
            self._kept.clear()
        self._kept[id(terms)] = (terms, made)
        return made


#: Term streams whose Tantivy tokens one :class:`TokenMemo` keeps.
TOKEN_MEMO = 4096


def _token_fields(terms: dict[str, list[tuple[str, ...]]], alternatives: Alternatives | None = None
                  ) -> list[tuple[str, Any]]:
    """Each non-empty term stream of a passage as its field's value: the terms joined by spaces for
    the fields without positions (:data:`FREQ_TOKENIZER`); for those with positions, their text for
    :data:`ALT_TOKENIZER` when ``alternatives`` can make it, else pre-tokenized text."""
    out: list[tuple[str, Any]] = []
    for name, slots in terms.items():
        if not slots:
            continue
        if name in FREQ_FIELDS:
            out.append((name, " ".join([term for slot in slots for term in slot])))
            continue
        text = alternatives.text(slots) if alternatives is not None else None
        out.append((name, text if text is not None else _pre_tokenized(slots)))
    return out


def to_document(passage: IndexedPassage, memo: TokenMemo | None = None) -> Any:
    """The Tantivy document of one analysed passage (``memo``: pre-tokenized fields of term
    streams met before in this build)."""
    doc = tantivy.Document()
    stored = {k: v for k, v in passage.fields.items() if v is not None}
    for name in META_FIELDS:
        value = stored.get(name)
        if value is not None:
            doc.add_text(name, str(value))
    date = stored.get("date")
    if date is not None:
        date = str(date)
        number = _day_of(date)
        if number is not None:
            doc.add_integer(DAY, number)
        else:
            doc.add_text(ODD_DATE, date)
    for name, value in memo.fields(passage.terms) if memo is not None else _token_fields(passage.terms):
        if type(value) is str:
            doc.add_text(name, value)
        else:
            doc.add_pre_tokenized_text(name, value)
    doc.add_bytes(STORED, orjson.dumps(stored))
    return doc


def _learned(adds: Iterable[IndexedPassage], alternatives: Alternatives) -> Iterator[IndexedPassage]:
    """``adds``, the first :data:`ALT_LEARN` of them read at once and their shared-position terms
    learnt by ``alternatives`` (register it after this call, before the first passage is written)."""
    adds = iter(adds)
    head = list(itertools.islice(adds, ALT_LEARN))
    for passage in head:
        alternatives.learn_passage(passage.terms)
    return itertools.chain(head, adds)


def _foreseen(shards: Sequence[Iterable[Any]], foresee: Callable[[Iterable[bytes]], Iterable[str]] | None
              ) -> Iterable[str]:
    """``foresee`` of the raw rows of ``shards``, when it is given and every shard gives them."""
    if foresee is None or not all(hasattr(shard, "raw_lines") for shard in shards):
        return ()
    return foresee(itertools.chain.from_iterable(shard.raw_lines() for shard in shards))  # type: ignore[attr-defined]


class _ReadMemo:
    """What one read of one commit (a :meth:`TantivyEngine.pinned` block: one search) looks up
    more than once: which terms the index holds, the Tantivy query of each engine query, and the
    stored row of each document read.  Dropped when the block ends."""

    __slots__ = ("counts", "freq", "queries", "rows")

    def __init__(self) -> None:
        self.freq: dict[tuple[str, str], int] = {}
        self.queries: dict[EngineQuery, Any] = {}
        self.counts: dict[EngineQuery, Any] = {}
        self.rows: dict[tuple[int, int], dict[str, Any]] = {}


class _Translator:
    """Engine queries → Tantivy queries for one searcher.  Terms absent from the index are dropped
    first, so most phrase slots shrink to one term and phrases stay plain phrase queries.

    ``counting``: the queries only count (no score is read), so a ``form`` phrase slot also drops
    the terms another of its terms implies (:func:`~bicorpus.index.plan.essential_forms`), and a
    phrase whose slots still keep alternatives becomes a few plain phrases in a disjunction (at most
    :data:`COUNT_PHRASES`) instead of a regex phrase: the same passages, in a cheaper pass."""

    def __init__(self, schema: Any, searcher: Any, memo: _ReadMemo | None = None, *,
                 counting: bool = False) -> None:
        self.schema = schema
        self.searcher = searcher
        self.memo = memo if memo is not None else _ReadMemo()
        self.counting = counting

    def freq(self, field: str, text: str) -> int:
        """How many passages hold ``text`` in ``field``."""
        known = self.memo.freq.get((field, text))
        if known is None:
            known = self.memo.freq[field, text] = int(self.searcher.doc_freq(field, text))
        return known

    def has(self, field: str, text: str) -> bool:
        return self.freq(field, text) > 0

    def postings(self, q: EngineQuery) -> int:
        """The postings a query's terms hold together: what evaluating it costs, roughly (prefixes
        and ranges, which only filter, count nothing)."""
        if isinstance(q, TermQ):
            return self.freq(q.field, q.text)
        if isinstance(q, PhraseQ):
            return sum(self.freq(q.field, t) for slot in q.slots for t in slot)
        if isinstance(q, AllQ | AnyQ):
            return sum(self.postings(item) for item in q.items)
        if isinstance(q, NotQ):
            return self.postings(q.item)
        return 0

    def __call__(self, q: EngineQuery) -> Any | None:
        """The Tantivy query, or ``None`` when ``q`` can match nothing (translated once per read)."""
        queries = self.memo.counts if self.counting else self.memo.queries
        if q in queries:
            return queries[q]
        found = queries[q] = self._translate(q)
        return found

    def _translate(self, q: EngineQuery) -> Any | None:
        if isinstance(q, TermQ):
            if not self.has(q.field, q.text):
                return None
            return tantivy.Query.term_query(self.schema, q.field, q.text)
        if isinstance(q, PhraseQ):
            return self.phrase(q)
        if isinstance(q, PrefixQ | RangeQ):
            return self.term_set(q)
        if isinstance(q, AllQ):
            parts: list[tuple[Any, Any]] = []
            for item in q.items:
                negated = isinstance(item, NotQ)
                part = self(item.item if isinstance(item, NotQ) else item)
                if part is None:
                    if not negated:
                        return None  # one part that cannot match empties the conjunction
                    continue  # excluding nothing
                parts.append((tantivy.Occur.MustNot if negated else tantivy.Occur.Must, part))
            if all(occur == tantivy.Occur.MustNot for occur, _ in parts):
                parts.insert(0, (tantivy.Occur.Must, tantivy.Query.all_query()))
            return parts[0][1] if len(parts) == 1 else tantivy.Query.boolean_query(parts)
        if isinstance(q, AnyQ):
            items = q.items
            if self.counting:  # one word's form terms side by side: those another implies add nothing
                has = functools.partial(self.has, "form")
                forms = [i.text for i in items if isinstance(i, TermQ) and i.field == "form" and has(i.text)]
                kept = set(essential_forms(forms, has))
                items = tuple(i for i in items if not (isinstance(i, TermQ) and i.field == "form"
                                                       and i.text in forms and i.text not in kept))
            alternatives = [p for p in (self(item) for item in items) if p is not None]
            if not alternatives:
                return None
            if len(alternatives) == 1:
                return alternatives[0]
            return tantivy.Query.boolean_query([(tantivy.Occur.Should, p) for p in alternatives])
        if isinstance(q, NotQ):
            inner = self(q.item)
            if inner is None:
                return tantivy.Query.all_query()
            return tantivy.Query.boolean_query([(tantivy.Occur.Must, tantivy.Query.all_query()),
                                                (tantivy.Occur.MustNot, inner)])
        raise TypeError(f"not an engine query: {q!r}")

    def phrase(self, q: PhraseQ) -> Any | None:
        slots = [[t for t in slot if self.has(q.field, t)] for slot in q.slots]
        if not all(slots):
            return None
        if self.counting:
            if q.field == "form":
                slots = [list(essential_forms(slot, functools.partial(self.has, q.field))) for slot in slots]
            if 1 < len(slots) and 1 < math.prod(map(len, slots)) <= COUNT_PHRASES:
                return tantivy.Query.boolean_query([
                    (tantivy.Occur.Should, tantivy.Query.phrase_query(self.schema, q.field, list(words)))
                    for words in itertools.product(*slots)])
        if len(slots) == 1:
            if len(slots[0]) == 1:
                return tantivy.Query.term_query(self.schema, q.field, slots[0][0])
            return tantivy.Query.term_set_query(self.schema, q.field, slots[0])
        if all(len(slot) == 1 for slot in slots):
            return tantivy.Query.phrase_query(self.schema, q.field, [slot[0] for slot in slots])
        patterns = ["|".join(regex_escape(t) for t in slot) for slot in slots]
        return tantivy.Query.regex_phrase_query(self.schema, q.field, patterns)

    def term_set(self, q: PrefixQ | RangeQ) -> Any | None:
        """A prefix or range on a keyword field, as the set of its indexed terms that qualify
        (a date range runs on the ``day`` column instead: :meth:`date_range`)."""
        if isinstance(q, PrefixQ):
            terms = [t for t, _ in self.searcher.terms_with_prefix(q.field, q.text)]
        else:
            if q.field == "date":
                ranged = self.date_range(q)
                if ranged is not None:
                    return ranged
            terms = self.terms_between(q.field, q.low, q.high)
        return tantivy.Query.term_set_query(self.schema, q.field, terms) if terms else None

    def terms_between(self, field: str, low: str | None, high: str | None) -> list[str]:
        return [t for t, _ in self.searcher.terms_with_prefix(field, "")
                if (low is None or low <= t) and (high is None or t <= high)]

    def date_range(self, q: RangeQ) -> Any | None:
        """A date range with ISO bounds (a high bound may end in ``\\uffff``: every date it
        prefixes) as a range of the ``day`` column, plus the odd dates in range compared as text;
        ``None`` when a bound is not an ISO date or prefix."""
        low = day_number(q.low) if q.low is not None else None
        high = None
        if q.high is not None:
            high = day_number(q.high.rstrip("\uffff"), last=q.high.endswith("\uffff"))
        unreadable = (low is None) != (q.low is None) or (high is None) != (q.high is None)
        if unreadable:
            return None  # a bound that is no ISO date
        if low is None and high is None:  # every dated passage: a day number, or an odd date
            numbers = tantivy.Query.exists_query(DAY)
        else:
            numbers = tantivy.Query.range_query(self.schema, DAY, tantivy.FieldType.Integer, low, high,
                                                use_inverted_index=False)
        odd = self.terms_between(ODD_DATE, q.low, q.high)
        if not odd:
            return numbers
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, numbers), (
            tantivy.Occur.Should, tantivy.Query.term_set_query(self.schema, ODD_DATE, odd))])


def _drop_stale_staging(path: Path) -> None:
    """Remove the staging folders of builds whose process is gone (one killed midway)."""
    for found in path.glob(".build-*-*"):
        pid = found.name.split("-")[1]
        if of_a_gone_process(pid):
            shutil.rmtree(found, ignore_errors=True)


#: A segment file: ``<segment id>.<component>``, or ``<segment id>.<opstamp>.del``.
_SEGMENT_FILE_RE = re.compile(r"([0-9a-f]{32})(?:\.(\d+))?\.(idx|pos|term|store|fast|fieldnorm|del)")


def _drop_uncommitted(path: Path) -> None:
    """Remove the segment files of ``path`` its ``meta.json`` does not name (what a write that failed
    or was killed left: the index is then as the last commit made it), and drop them from Tantivy's
    list of its files.  Called holding the writer lock, so no segment in progress is touched."""
    try:
        meta = json.loads((path / "meta.json").read_text("utf-8"))
        live = {segment["segment_id"].replace("-", ""): (segment.get("deletes") or {}).get("opstamp")
                for segment in meta["segments"]}
        names = os.listdir(path)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return  # no readable commit: nothing can be told apart
    for name in names:
        found = _SEGMENT_FILE_RE.fullmatch(name)
        if found is None:
            continue
        stem, opstamp, kind = found.groups()
        if stem in live and (kind != "del" or (opstamp is not None and int(opstamp) == live[stem])):
            continue
        try:
            os.unlink(path / name)
        except OSError:
            pass
    try:
        managed = json.loads((path / ".managed.json").read_text("utf-8"))
        kept = [name for name in managed if (path / name).exists()]
        if kept != managed:
            _write_json_atomic(path / ".managed.json", kept)
    except (OSError, ValueError, TypeError):
        pass


def _write_json_atomic(target: Path, data: Any) -> None:
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data), "utf-8")
    os.replace(tmp, target)


def _stored_row(doc: Any) -> dict[str, Any]:
    """The stored row of a document, parsed by orjson, which wrote it (by json when orjson refuses
    it: a row written by json with NaN or a huge number)."""
    data = doc.get_first(STORED)
    if data is None:
        return {}
    try:
        return orjson.loads(data)  # type: ignore[no-any-return]
    except orjson.JSONDecodeError:
        return json.loads(bytes(data))  # type: ignore[no-any-return]


def _count(searcher: Any, query: Any) -> int:
    """How many passages ``query`` matches (Tantivy's count collector beside a top-1 by the ``day``
    column: a collector that reads no score lets Tantivy match without scoring, a quarter cheaper
    for a disjunction of terms)."""
    return int(searcher.search(query, limit=1, count=True, order_by_field=DAY).count)


def _filtered(query: Any, allow: Any | None, block: Any | None) -> Any:
    """``query`` restricted to ``allow`` (scoring nothing) and without ``block``."""
    if allow is None and block is None:
        return query
    parts = [(tantivy.Occur.Must, query)]
    if allow is not None:
        parts.append((tantivy.Occur.Must, tantivy.Query.const_score_query(allow, 0.0)))
    if block is not None:
        parts.append((tantivy.Occur.MustNot, block))
    return tantivy.Query.boolean_query(parts)


class TantivyEngine:
    """An on-disk Tantivy index.  One object per process; a searcher is kept per thread."""

    name = "tantivy"

    def __init__(self, path: Path, index: Any) -> None:
        self.path = path
        self._index = index
        Alternatives().register(index)  # an empty dictionary: every writer needs the analyzer
        self._schema = index.schema
        self._local = threading.local()
        self._lock = threading.Lock()
        self._counter: ThreadPoolExecutor | None = None  # counts run beside a search (count_soon)
        self._counter_pid = 0

    @classmethod
    def create(cls, path: str | Path) -> TantivyEngine:
        """A new, empty index at ``path`` (the directory is created; an existing index is replaced)."""
        path = Path(path)
        try:
            path.mkdir(parents=True, exist_ok=True)
            for old in path.iterdir():  # Tantivy refuses to create an index over another one
                if old.is_file() and (old.name == "meta.json" or old.suffix in _SEGMENT_SUFFIXES
                                      or old.name.startswith(".tantivy")):
                    old.unlink()
            return cls(path, tantivy.Index(_schema(), path=str(path), reuse=False))
        except OSError as err:
            raise SearchIndexError(f"cannot create an index at {path}: {err.strerror or err}") from err
        except ValueError as err:
            raise SearchIndexError(f"cannot create an index at {path}: {err}") from err

    @classmethod
    def open(cls, path: str | Path) -> TantivyEngine:
        path = Path(path)
        if not (path / "meta.json").is_file():
            raise SearchIndexError(f"no index at {path}: run `bicorpus reindex`")
        try:
            index = tantivy.Index.open(str(path))
        except (ValueError, OSError) as err:
            raise SearchIndexError(f"index at {path} is unreadable ({type(err).__name__}): "
                                   "run `bicorpus reindex`") from err
        schema = json.loads((path / "meta.json").read_text("utf-8"))["schema"]
        names = {entry["name"] for entry in schema}
        wanted = {**dict.fromkeys(FREQ_FIELDS, FREQ_TOKENIZER),
                  **dict.fromkeys(POSITION_FIELDS, ALT_TOKENIZER)}
        if names != _FIELD_NAMES or any(_tokenizer(entry) != wanted[entry["name"]] for entry in schema
                                        if entry["name"] in wanted):
            raise SearchIndexError(f"index at {path} has another layout: run `bicorpus reindex`")
        return cls(path, index)

    # writing

    def _writer(self, heap: int) -> Any:
        deadline = time.monotonic() + WRITE_LOCK_TIMEOUT
        while True:
            try:
                # one indexing thread: passages keep their order (ties rank the same from build to build)
                return self._index.writer(heap_size=heap, num_threads=1)
            except ValueError as err:
                if "lock" not in str(err).lower() or time.monotonic() > deadline:
                    raise SearchIndexError(f"index at {self.path} is locked by another writer; "
                                           "try again") from err
                time.sleep(0.05)

    def write(self, adds: Iterable[IndexedPassage], delete_docs: Iterable[str] = (), *,
              clear: bool = False, bulk: bool = False, foreseen: Iterable[str] = ()) -> int:
        """Add ``adds``, delete the passages of ``delete_docs`` (or all, ``clear``), in one commit.
        ``foreseen``: terms the passages may hold at a shared position (:class:`Alternatives`), as
        far as known beforehand; the first :data:`ALT_LEARN` passages are looked at as well."""
        alternatives = Alternatives()
        alternatives.learn(foreseen)
        adds = _learned(adds, alternatives)
        alternatives.register(self._index)  # before the writer's first segment starts
        writer = self._writer(WRITER_HEAP if bulk or clear else UPDATE_HEAP)
        _drop_stale_staging(self.path)
        _drop_uncommitted(self.path)  # what a killed writer left
        added = 0
        try:
            if clear:
                writer.delete_all_documents()
            else:
                for doc_id in delete_docs:
                    writer.delete_documents_by_term("doc", doc_id)
            memo = TokenMemo(alternatives)
            for passage in adds:
                writer.add_document(to_document(passage, memo))
                added += 1
            writer.commit()
            writer.wait_merging_threads()
        except BaseException as err:
            try:
                writer.rollback()
            except ValueError:
                pass
            _drop_uncommitted(self.path)  # the segments it wrote: the index stays as it was
            if isinstance(err, ValueError):  # Tantivy failed (a full disk, say): the index is as it was
                raise SearchIndexError(f"cannot write the index at {self.path}: {err}") from err
            raise
        self._index.reload()
        return added

    def build(self, shards: Sequence[Iterable[T]], analyse: Callable[[T], IndexedPassage], *,
              foresee: Callable[[Iterable[bytes]], Iterable[str]] | None = None) -> int:
        """Empty the index and add ``analyse(item)`` for every item of every shard, committed
        atomically.  Several shards: the shards are taken in as many runs of consecutive shards as
        there are cores, and each run is read, analysed, turned into Tantivy documents and indexed
        by a forked worker of its own, into an index of its own beside this one
        (:func:`bicorpus.index.parallel.sharded_map`, one indexing thread each); this process then
        adopts their segments in shard order, in one new ``meta.json`` (:meth:`_adopt`).  Nothing
        but each run's folder and count is pickled, and the passages keep corpus order in the index.

        ``foresee``: the terms at shared positions (:class:`Alternatives`) of raw corpus rows, for
        shards that give theirs (``raw_lines()``): each writer's dictionary is made from its rows
        before it indexes them."""
        workers = default_workers()
        if len(shards) < 2 or workers < 2:
            return self.write(map(analyse, itertools.chain.from_iterable(shards)), clear=True, bulk=True,
                              foreseen=_foreseen(shards, foresee))
        # One run of consecutive shards per worker, all at once: a worker's memo of analysed words
        # serves its whole run, and the index gets few segments.
        step = -(-len(shards) // workers)
        runs = [shards[k:k + step] for k in range(0, len(shards), step)]
        _drop_stale_staging(self.path)
        staging = Path(tempfile.mkdtemp(prefix=f".build-{os.getpid()}-", dir=self.path))
        try:
            schema = _schema()

            def build_run(run: Sequence[Iterable[T]]) -> tuple[str, int]:
                alternatives = Alternatives()
                alternatives.learn(_foreseen(run, foresee))
                adds = _learned(map(analyse, itertools.chain.from_iterable(run)), alternatives)
                where = Path(tempfile.mkdtemp(prefix="shard-", dir=staging))
                index = tantivy.Index(schema, path=str(where))
                alternatives.register(index)
                writer = index.writer(heap_size=SHARD_HEAP, num_threads=1)
                memo = TokenMemo(alternatives)
                count = 0
                for passage in adds:
                    writer.add_document(to_document(passage, memo))
                    count += 1
                writer.commit()
                writer.wait_merging_threads()
                return str(where), count

            done = list(sharded_map(build_run, [[run] for run in runs], at_once=workers))
            return self._adopt([Path(where) for where, _ in done], sum(count for _, count in done))
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def _adopt(self, parts: Sequence[Path], count: int) -> int:
        """Make the segments of the shard indexes ``parts`` (same schema) the whole content of this
        index, in order: their files are moved in, and one new ``meta.json`` lists them (written
        under the writer lock, replaced atomically, so a searcher sees the old or the new index);
        the old segments' files are then removed.  Returns ``count``."""
        writer = self._writer(UPDATE_HEAP)  # held: no other writer meanwhile
        try:
            meta_path = self.path / "meta.json"
            meta = json.loads(meta_path.read_text("utf-8"))
            segments: list[dict[str, Any]] = []
            files: list[str] = []
            for part in parts:
                for segment in json.loads((part / "meta.json").read_text("utf-8"))["segments"]:
                    if segment.get("deletes"):
                        raise SearchIndexError(f"cannot build the index at {self.path}: "
                                               "a shard holds deletions")
                    segments.append(segment)
                    stem = segment["segment_id"].replace("-", "")
                    for found in part.iterdir():
                        if found.name.startswith(stem + "."):
                            os.replace(found, self.path / found.name)
                            files.append(found.name)
            old = {name for name in os.listdir(self.path) if Path(name).suffix in _SEGMENT_SUFFIXES
                   and not name.startswith(".")} - set(files)
            meta = {**meta, "segments": segments, "opstamp": int(meta.get("opstamp") or 0) + count + 1}
            # Tantivy's list of its files names the old segments until the new commit is in place
            _write_json_atomic(self.path / ".managed.json", [*files, *sorted(old), "meta.json"])
            _write_json_atomic(meta_path, meta)
            for name in old:
                try:
                    os.unlink(self.path / name)
                except OSError:
                    pass
            _write_json_atomic(self.path / ".managed.json", [*files, "meta.json"])
        except BaseException as err:
            _drop_uncommitted(self.path)  # segments moved in but not committed: the index stays as it was
            if isinstance(err, (OSError, ValueError, KeyError)):
                raise SearchIndexError(f"cannot build the index at {self.path}: {err}") from err
            raise
        finally:
            del writer
        self._index = tantivy.Index.open(str(self.path))
        Alternatives().register(self._index)
        self._schema = self._index.schema
        self._local = threading.local()
        return count

    # reading

    def _searcher(self) -> Any:
        """This thread's searcher: kept while pinned, and while the index's ``meta.json`` (which
        every commit replaces) is the same file; otherwise the index is reloaded first."""
        searcher = getattr(self._local, "searcher", None)
        if searcher is not None and getattr(self._local, "pinned", 0):
            return searcher
        stamp = self._commit_stamp()
        if searcher is None or stamp is None or stamp != getattr(self._local, "stamp", None):
            self._index.reload()  # after the stamp: a commit in between is seen now or next time
            searcher = self._index.searcher()
            self._local.searcher = searcher
            self._local.stamp = stamp
        return searcher

    def _commit_stamp(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.path / "meta.json")
        except OSError:
            return None
        return st.st_ino, st.st_mtime_ns, st.st_size

    @contextmanager
    def pinned(self) -> Iterator[None]:
        """Within the block this thread reads one commit (and looks each term, query and stored
        row up once: :class:`_ReadMemo`)."""
        self._searcher()
        depth = getattr(self._local, "pinned", 0)
        if not depth:
            self._local.memo = _ReadMemo()
        self._local.pinned = depth + 1
        try:
            yield
        finally:
            self._local.pinned -= 1
            if not self._local.pinned:
                self._local.memo = None

    def _memo(self) -> _ReadMemo | None:
        """The memo of the pinned block this thread is in (``None`` outside one)."""
        return getattr(self._local, "memo", None) if getattr(self._local, "pinned", 0) else None

    def _translator(self, searcher: Any, *, counting: bool = False) -> _Translator:
        return _Translator(self._schema, searcher, self._memo(), counting=counting)

    def _row(self, searcher: Any, address: Any) -> dict[str, Any]:
        """The stored row of the document at ``address`` (decoded once per pinned block)."""
        memo = self._memo()
        if memo is None:
            return _stored_row(searcher.doc(address))
        key = (address.segment_ord, address.doc)
        row = memo.rows.get(key)
        if row is None:
            row = memo.rows[key] = _stored_row(searcher.doc(address))
        return row

    def search(self, query: EngineQuery, *, limit: int, filter: EngineQuery | None = None,
               mask: EngineQuery | None = None) -> list[tuple[dict[str, Any], float]]:
        return self._search(query, limit, filter, mask, count=False)[0]

    def search_counted(self, query: EngineQuery, *, limit: int, filter: EngineQuery | None = None,
                       mask: EngineQuery | None = None) -> tuple[list[tuple[dict[str, Any], float]], int]:
        """:meth:`search` and how many passages match in all, from the same pass over the postings."""
        return self._search(query, limit, filter, mask, count=True)

    def _search(self, query: EngineQuery, limit: int, filter: EngineQuery | None, mask: EngineQuery | None,
                count: bool) -> tuple[list[tuple[dict[str, Any], float]], int]:
        searcher = self._searcher()
        translate = self._translator(searcher)
        q = translate(query)
        if q is None:
            return [], 0
        allow = translate(filter) if filter is not None else None
        if filter is not None and allow is None:
            return [], 0
        block = translate(mask) if mask is not None else None
        found = searcher.search(_filtered(q, allow, block), limit=limit, count=count)
        rows = [(self._row(searcher, address), float(score)) for score, address in found.hits]
        return rows, int(found.count) if count else len(rows)

    def count(self, query: EngineQuery, *, filter: EngineQuery | None = None) -> int:
        counted = self.count_soon(query, filter=filter, wait=True)
        assert counted is not None
        return counted()

    def count_soon(self, query: EngineQuery, *, filter: EngineQuery | None = None,
                   wait: bool = False) -> Callable[[], int] | None:
        """:meth:`count` on a thread of its own, started now (Tantivy lets go of the GIL while it
        counts, so the caller's next engine call or Python work runs on the other core meanwhile);
        returns the function that waits for the count, or ``None`` when the count is too cheap to
        be worth a thread (fewer than :data:`THREAD_COUNT_POSTINGS` postings).  The query is
        translated here, in the caller's read of the index (``wait``: count now, on this thread)."""
        searcher = self._searcher()
        translate = self._translator(searcher, counting=True)
        if not wait and translate.postings(query) < THREAD_COUNT_POSTINGS:
            return None
        q = translate(query)
        allow = translate(filter) if filter is not None else None
        if q is None or (filter is not None and allow is None):
            return lambda: 0
        counted = _filtered(q, allow, None)
        if wait:
            number = _count(searcher, counted)
            return lambda: number
        with self._lock:
            # none yet, or this process is a fork of the one that made it (whose threads it lacks)
            if self._counter is None or self._counter_pid != os.getpid():
                self._counter = ThreadPoolExecutor(max_workers=2, thread_name_prefix="bicorpus-count")
                self._counter_pid = os.getpid()
            future = self._counter.submit(_count, searcher, counted)
        return future.result

    def has_term(self, field: str, text: str) -> bool:
        return self._translator(self._searcher()).has(field, text)

    def _rows(self, q: Any, limit: int) -> list[dict[str, Any]]:
        searcher = self._searcher()
        if limit <= 0:
            return []
        return [_stored_row(searcher.doc(address)) for _, address in searcher.search(q, limit=limit).hits]

    def stored(self, passage_id: str) -> dict[str, Any] | None:
        rows = self._rows(tantivy.Query.term_query(self._schema, "id", passage_id), 1)
        return rows[0] if rows else None

    def doc_passages(self, doc_id: str) -> list[dict[str, Any]]:
        rows = self._rows(tantivy.Query.term_query(self._schema, "doc", doc_id), _MAX_DOC_PASSAGES)
        return sorted(rows, key=lambda r: r.get("ordinal") or 0)

    def iter_stored(self) -> Iterator[dict[str, Any]]:
        searcher = self._searcher()
        yield from self._rows(tantivy.Query.all_query(), int(searcher.num_docs))

    def doc_count(self) -> int:
        return int(self._searcher().num_docs)

    def close(self) -> None:
        self._local = threading.local()
        with self._lock:
            counter, self._counter = self._counter, None
        if counter is not None and self._counter_pid == os.getpid():
            counter.shutdown(wait=True)


#: Endings of the files of a Tantivy index's segments.
_SEGMENT_SUFFIXES = frozenset({".idx", ".pos", ".term", ".store", ".fast", ".fieldnorm", ".del", ".lock"})
