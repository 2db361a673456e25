"""The search index: build and update it from a corpus, search it in tiers, explain every hit.

Engine-independent: the engine (Whoosh, behind :mod:`bicorpus.index.whoosh_engine`)
only stores pre-analysed passages and runs the queries :mod:`bicorpus.index.plan` builds.

Ranking: hits come in tier order (exact > normalized > stem > translit > alias), then by
score.  The query runs at increasing tier levels, each level masking the passages the
previous levels matched, until ``limit`` hits are found; so a transliteration or alias hit
never ranks above an exact one.  A hit's ``matches`` are computed from its stored text by
running the same analysis again, with the gazetteer mentions stored at index time (the one
costly step of the analysis is not repeated).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, TypeVar

from ..corpus import Corpus, PassageFilter
from ..errors import AliasFileError, PassageNotFound, QueryError, SearchIndexError
from ..model import LANGS, REGIONS, TIERS, Hit, Match, Passage
from ..names.gazetteer import alias_file_error, check_alias_file
from ..names.keys import NISBA_ENDING, consonant_count
from ..normalize import NORMALIZATION_VERSION, normalize_text
from ..normalize.script import is_arabic
from . import analysis, parallel
from .analysis import (
    Analysis,
    Mention,
    NameModel,
    analyze,
    decode_mentions,
    index_analysis,
    name_key_joins,
    spelling,
)
from .engine import (
    MENTIONS_FIELD,
    META_FIELDS,
    AllQ,
    AnyQ,
    Engine,
    EngineQuery,
    IndexedPassage,
    NotQ,
    PrefixQ,
    RangeQ,
    TermQ,
    count_soon,
    prune,
    search_counted,
)
from .guard import guard_reads, guarded, guarded_iter, open_guarded
from .parallel import parallel_map
from .plan import FilterNode, Plan, PlanNode, Unit, UnitNode, plan_query
from .query import parse_query

#: Version of the index layout (fields, analysis).  Bumped when an old index cannot be read.
INDEX_SCHEMA = 6
#: File in the index directory recording the versions the index was built with.
VERSION_FILE = "bicorpus.json"
#: Most hits one search returns.
MAX_LIMIT = 10_000

_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _key_version(names: NameModel | None) -> int:
    return names.key_version if names is not None else analysis.default_key_version()


@functools.cache
def shipped_gazetteer_digest() -> str:
    """Fingerprint of the shipped gazetteer (``names/data/aliases.txt``): the ``ent`` terms depend on it."""
    from ..names import tables
    from ..names.gazetteer import SHIPPED_FILE

    return hashlib.sha256(tables.read_data_text(SHIPPED_FILE).encode("utf-8")).hexdigest()[:16]


def expected_versions(names: NameModel | None = None) -> dict[str, int | str]:
    """The versions an index must have been built with to be read by this bicorpus."""
    return {"index_schema": INDEX_SCHEMA, "analysis": analysis.ANALYSIS_VERSION,
            "normalization": NORMALIZATION_VERSION, "keys": _key_version(names),
            "gazetteer": shipped_gazetteer_digest()}


# user alias files

#: Bytes read at a time when fingerprinting an alias file.
_HASH_CHUNK = 1 << 16

AliasRecords = tuple[tuple[str, str], ...]


def alias_records(paths: Iterable[str | Path]) -> AliasRecords:
    """``(absolute path, sha256)`` of each user alias file, in order (what an index records)."""
    out: list[tuple[str, str]] = []
    for given in paths:
        path = Path(given)
        check_alias_file(path)  # a FIFO or device would hang the hashing below
        digest = hashlib.sha256()
        try:
            with path.open("rb") as fh:
                while chunk := fh.read(_HASH_CHUNK):
                    digest.update(chunk)
        except OSError as err:
            raise alias_file_error(path, err) from None
        out.append((str(path.resolve()), digest.hexdigest()))
    return tuple(out)


def names_for(records: AliasRecords) -> NameModel:
    """The name model of the shipped gazetteer with these alias files on top (cached per alias set:
    a record names a file's content by its hash)."""
    return _names_with(records) if records else analysis.default_names()


@functools.lru_cache(maxsize=16)
def _names_with(records: AliasRecords) -> NameModel:
    return analysis.names_with_aliases(records)


def recorded_aliases(path: str | Path) -> AliasRecords:
    """The user alias files an index was built with (``()``: the shipped gazetteer alone)."""
    found = (_read_versions(Path(path)) or {}).get("aliases") or []
    try:
        return tuple((str(p), str(h)) for p, h in found)
    except (TypeError, ValueError):
        return ()


def _describe(records: AliasRecords) -> str:
    return "alias files " + ", ".join(p for p, _ in records) if records else "no user alias files"


def resolve_names(index_path: str | Path, *, names: NameModel | None = None,
                  aliases: Iterable[str | Path] | None = None) -> NameModel:
    """The name model to build or update the index at ``index_path`` with: ``names`` when given;
    else the shipped gazetteer with ``aliases`` on top; else with the alias files the index
    recorded (their current contents)."""
    if names is not None:
        return names
    if aliases is not None:
        return names_for(alias_records(aliases))
    recorded = recorded_aliases(index_path)
    try:
        return names_for(alias_records(p for p, _ in recorded))
    except AliasFileError as err:
        raise AliasFileError(f"{err} (the index at {index_path} was built with it: restore it, or rebuild "
                             "with `bicorpus reindex --no-aliases` or other --aliases)") from None


def _search_names(path: Path, aliases: Iterable[str | Path] | None) -> NameModel:
    """The name model a search of the index at ``path`` uses: the gazetteer the index was built with."""
    recorded = recorded_aliases(path)
    if aliases is not None:
        wanted = alias_records(aliases)
        if wanted != recorded:
            flags = " ".join(f"--aliases {p}" for p, _ in wanted) or "--no-aliases"
            raise SearchIndexError(f"the index at {path} was built with {_describe(recorded)}, not "
                                   f"{_describe(wanted)}: run `bicorpus reindex {flags}` first")
        return names_for(wanted)
    try:
        current = alias_records(p for p, _ in recorded)
    except AliasFileError as err:
        raise SearchIndexError(f"{err}; the index at {path} was built with it: restore it, or run "
                               "`bicorpus reindex --no-aliases`") from None
    changed = [p for (p, h), (_, now) in zip(recorded, current, strict=True) if h != now]
    if changed:
        raise SearchIndexError(f"alias file {changed[0]} changed since the index at {path} was built: "
                               "run `bicorpus reindex`")
    return names_for(recorded)


def _open_engine(path: Path) -> Engine:
    from .engine import open_engine

    return open_engine(path)


def _create_engine(path: Path) -> Engine:
    from .engine import create_engine

    return create_engine(path)


def _read_versions(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((path / VERSION_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _write_versions(path: Path, names: NameModel | None, passages: int, corpus: str | None = None,
                    corpus_path: Path | None = None, engine: str | None = None) -> None:
    """Record the versions, the engine, the passage count, the fingerprint of the corpus state
    indexed and where that corpus lies (so a search can tell when the index lags behind it)."""
    from .engine import index_engine

    engine = engine or index_engine(path)
    data = {**expected_versions(names), "engine": engine, "passages": passages, "corpus": corpus,
            **({"corpus_path": os.path.abspath(corpus_path)} if corpus_path is not None else {}),
            "aliases": [list(r) for r in (names.alias_files if names is not None else ())]}
    tmp = path / f".{VERSION_FILE}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(data, indent=2) + "\n", "utf-8")
    os.replace(tmp, path / VERSION_FILE)


def _check_versions(path: Path, names: NameModel | None) -> None:
    if path.exists() and not path.is_dir():
        raise SearchIndexError(f"{path} is a file, not an index folder: give the index folder with --index")
    if not path.is_dir():
        raise SearchIndexError(f"no index at {path}: run `bicorpus ingest` or `bicorpus reindex`")
    found = _read_versions(path)
    if found is None:
        if not any(p.name != ".bicorpus-lock" for p in path.iterdir()):  # its writer lock alone
            raise SearchIndexError(f"no index at {path}: run `bicorpus ingest` or `bicorpus reindex`")
        raise SearchIndexError(f"index at {path} has no readable {VERSION_FILE} (built by another version "
                               "or damaged): run `bicorpus reindex`")
    expected = expected_versions(names)
    differ = [f"{k} {found.get(k)} (expected {v})" for k, v in expected.items() if found.get(k) != v]
    if differ:
        raise SearchIndexError(f"index at {path} was built by another version of bicorpus "
                               f"({', '.join(differ)}): run `bicorpus reindex`")
    if names is not None and recorded_aliases(path) != names.alias_files:
        raise SearchIndexError(f"index at {path} was built with {_describe(recorded_aliases(path))}, not "
                               f"{_describe(names.alias_files)}: run `bicorpus reindex`")


def _stored_mentions(row: dict[str, Any]) -> tuple[Mention, ...] | None:
    """The gazetteer mentions stored with a passage (``None``: not stored, or unreadable)."""
    value = row.get(MENTIONS_FIELD)
    if not isinstance(value, str):
        return None
    try:
        return decode_mentions(value)
    except ValueError:
        return None


def _stored_to_passage(row: dict[str, Any]) -> Passage:
    text = row.get("text") or ""
    return Passage(id=row["id"], doc_id=row.get("doc", ""), ordinal=int(row.get("ordinal") or 0),
                   lang=row.get("lang", ""), region=row.get("region", ""), text=text,
                   norm=normalize_text(text), start=int(row.get("start") or 0), end=int(row.get("end") or 0),
                   section=row.get("section"), title=row.get("title"), date=row.get("date"),
                   author=row.get("author"), honorific=row.get("honorific"),
                   linked_title=row.get("linked_title"), lang_share=dict(row.get("lang_share") or {}))


def indexed_passage(p: Passage, names: NameModel | None = None) -> IndexedPassage:
    """What the engine stores for passage ``p``: its metadata, text and analysed term streams."""
    terms, mentions = index_analysis(p.text, names)
    fields = {"id": p.id, "doc": p.doc_id, "lang": p.lang, "region": p.region, "section": p.section,
              "date": p.date, "author": p.author, "text": p.text, "title": p.title, "ordinal": p.ordinal,
              "start": p.start, "end": p.end, MENTIONS_FIELD: mentions, "honorific": p.honorific,
              "linked_title": p.linked_title, "lang_share": dict(p.lang_share)}
    return IndexedPassage(fields=fields, terms=terms)


def foreseen_terms(blocks: Iterable[bytes], names: NameModel | None = None) -> set[str]:
    """The terms that the passages of raw corpus rows (JSON lines, in blocks) may index at a shared
    position (:func:`~bicorpus.index.analysis.shared_position_terms` of their words)."""
    return analysis.shared_position_terms(analysis.row_words(blocks), names)


# building and updating


def build_index(corpus: Corpus, index_path: str | Path = "index", *, names: NameModel | None = None,
                aliases: Iterable[str | Path] | None = None) -> int:
    """(Re)build the index at ``index_path`` from every passage of ``corpus``; returns the passage count.

    ``aliases``: user alias files read on top of the shipped gazetteer (default: the ones the index
    recorded, if any; ``()`` for the shipped gazetteer alone).  An index of this version is emptied
    and refilled in one commit, so open searchers keep working on the old contents until they
    refresh; any other directory content is replaced."""
    from .engine import convert_index, engine_class, index_engine, tidy_index, wanted_engine

    path = Path(index_path)
    names = resolve_names(path, names=names, aliases=aliases)
    tidy_index(path)
    wanted = wanted_engine(path)
    if path.is_dir() and wanted != index_engine(path):  # built beside the old index, then swapped in
        fingerprint, where = getattr(corpus, "fingerprint", None), getattr(corpus, "path", None)
        analyse = functools.partial(indexed_passage, names=names)

        built: list[int] = []

        def build(folder: Path) -> int:
            new = engine_class(wanted).create(folder)
            try:
                built.append(new.build(corpus.passage_shards(parallel.shard_count(corpus.passage_count())),
                                       analyse, foresee=functools.partial(foreseen_terms, names=names)))
            finally:
                new.close()
            return built[0]

        def record(folder: Path, name: str) -> None:
            _write_versions(folder, names, built[0], fingerprint, where, name)

        return convert_index(path, build, record)
    engine: Engine | None = None
    found = _read_versions(path) or {}
    if all(found.get(k) == v for k, v in expected_versions(names).items()):
        try:
            engine, _ = open_guarded(path, _open_engine)  # a damaged index is replaced
        except SearchIndexError:
            engine = None
    if engine is None:
        engine = _create_engine(path)
    elif found.get("corpus") is not None and recorded_aliases(path) != names.alias_files:
        # Built with other alias files: until the new record is written the index may hold either
        # set's terms, and it says it lags behind its corpus rather than answer as if current.
        tmp = path / f".{VERSION_FILE}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps({**found, "corpus": None}, indent=2) + "\n", "utf-8")
        os.replace(tmp, path / VERSION_FILE)
    try:
        shards = corpus.passage_shards(parallel.shard_count(corpus.passage_count()))
        count = engine.build(shards, functools.partial(indexed_passage, names=names),
                             foresee=functools.partial(foreseen_terms, names=names))
    finally:
        engine.close()
    _write_versions(path, names, count, getattr(corpus, "fingerprint", None), getattr(corpus, "path", None))
    return count


def update_index(corpus: Corpus, index_path: str | Path = "index", changed: Iterable[str] = (),
                 removed: Iterable[str] = (), *, names: NameModel | None = None,
                 aliases: Iterable[str | Path] | None = None) -> int:
    """Rewrite only the passages of the ``changed`` documents and drop the ``removed`` ones.

    Builds the whole index when none exists, it is from another version, or it was built with
    other alias files than ``aliases`` (default: the ones it recorded).  Returns the number of
    passages written."""
    from .engine import index_engine, tidy_index, wanted_engine

    path = Path(index_path)
    names = resolve_names(path, names=names, aliases=aliases)
    tidy_index(path)
    try:
        _check_versions(path, names)
        if wanted_engine(path) != index_engine(path):
            raise SearchIndexError(f"index at {path} is to be built with another engine")
        engine = _open_engine(path)
    except SearchIndexError:
        return build_index(corpus, path, names=names)
    changed_ids = set(changed)
    removed_ids = set(removed)
    if not changed_ids and not removed_ids:
        total = engine.doc_count()
        engine.close()
        fingerprint = getattr(corpus, "fingerprint", None)
        if (_read_versions(path) or {}).get("corpus") != fingerprint:
            _write_versions(path, names, total, fingerprint, getattr(corpus, "path", None))
        return 0
    try:
        adds = parallel_map(functools.partial(indexed_passage, names=names),
                            corpus.passages_of(changed_ids))
        count = engine.write(adds, delete_docs=sorted(changed_ids | removed_ids))
        total = engine.doc_count()
    finally:
        engine.close()
    _write_versions(path, names, total, getattr(corpus, "fingerprint", None), getattr(corpus, "path", None))
    return count


# searching


@dataclass
class SearchResult:
    """The answer to one query: the total number of matching passages and the best hits."""

    query: str
    total: int
    hits: list[Hit] = field(default_factory=list)
    #: Why the index lags behind its corpus (``None``: it reflects the corpus, or that is unknown).
    stale: str | None = None
    #: Undated passages a date filter (``since``/``until``) left out.
    undated_left_out: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "total": self.total, "hits": [h.to_dict() for h in self.hits],
                "stale": self.stale, "undated_left_out": self.undated_left_out}


def _check_option(name: str, value: str | None, allowed: Sequence[str]) -> None:
    if value is not None and value not in allowed:
        raise QueryError(f"--{name} {value}: use one of {', '.join(allowed)}")


def _check_date(name: str, value: str | None) -> None:
    if value is not None and not _DATE_RE.match(value):
        raise QueryError(f"--{name} {value}: not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")


def metadata_filter(where: PassageFilter | None) -> EngineQuery | None:
    """Engine query for the ``--lang/--region/--doc/--since/--until`` options (dates as ISO prefixes)."""
    if where is None:
        return None
    _check_option("lang", where.lang, LANGS)
    _check_option("region", where.region, REGIONS)
    _check_date("since", where.since)
    _check_date("until", where.until)
    parts: list[EngineQuery] = [TermQ(name, value) for name, value in
                                (("lang", where.lang), ("region", where.region), ("doc", where.doc)) if value]
    if where.since or where.until:
        high = where.until + "\uffff" if where.until else None
        dates: EngineQuery = RangeQ("date", where.since, high)
        if where.include_undated:
            dates = AnyQ((dates, AllQ((NotQ(HAS_DATE),))))
        parts.append(dates)
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else AllQ(tuple(parts))


#: Passages with a date (any), and passages without one.
HAS_DATE = RangeQ("date", None, None)
UNDATED = AllQ((NotQ(HAS_DATE),))

#: The form tiers, each with the index of its form in :meth:`Analysis.forms_at`.
_FORM_COLUMNS = (("exact", 0), ("normalized", 1), ("stem", 2))


def _form_columns(unit: Unit) -> list[tuple[int, int, tuple[str, ...]]]:
    """(tier index, form index, query forms) of the form tiers ``unit`` can match at, best first."""
    tiers = unit.tiers
    wanted = (unit.exact, unit.norm, unit.stem)
    return [(TIERS.index(tier), k, wanted[k]) for tier, k in _FORM_COLUMNS if tier in tiers]


@functools.lru_cache(maxsize=1 << 14)
def _key_joins(keys: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    """:func:`name_key_joins` as a set (memoized: a passage's names recur from hit to hit)."""
    return frozenset(name_key_joins(keys))


def _mention_spans(unit: Unit, an: Analysis) -> Iterator[tuple[int, int, int]]:
    """Where a multi-word gazetteer name matches: the passage's mentions, tier by tier."""
    tiers = unit.tiers
    translit = "translit" in tiers and len(unit.key_slots) > 1
    unit_keys = _key_joins(unit.keys) if translit else frozenset()
    for m in an.mentions:
        if m.end - m.start > 1:
            if "exact" in tiers and an.exact[m.start:m.end] == unit.exact:
                yield TIERS.index("exact"), m.start, m.end
            elif "normalized" in tiers and an.norm[m.start:m.end] == unit.norm:
                yield TIERS.index("normalized"), m.start, m.end
            elif translit and not unit_keys.isdisjoint(_key_joins(an.keys[m.start:m.end])):
                yield TIERS.index("translit"), m.start, m.end
        if "alias" in tiers and m.entity == unit.entity:
            yield TIERS.index("alias"), m.start, m.end


def _form_spans(unit: Unit, an: Analysis) -> Iterator[tuple[int, int, int]]:
    """Exact, normalized and stem matches, word by word (the span takes its worst word's tier).

    Only the tokens that may meet the first query word are tried."""
    columns, n = _form_columns(unit), len(unit.exact)
    if not n:
        return
    last = len(an) - n
    for s in an.meeting({want[0] for _, _, want in columns}):
        if s > last:
            break
        worst = 0
        for j in range(n):
            forms = an.forms_at(s + j)
            tier = next((t for t, k, want in columns if forms[k] == want[j]), None)
            if tier is None:
                break
            worst = max(worst, tier)
        else:
            yield worst, s, s + n


def _key_spans(unit: Unit, an: Analysis) -> Iterator[tuple[int, int, int]]:
    """Translit matches: the unit's keys on adjacent keyed words (articles have no keys)."""
    want = [set(terms) for terms in unit.key_terms]
    if not want:
        return
    translit = TIERS.index("translit")
    for first in an.meeting(want[0]):
        if want[0].isdisjoint(an.indexed_keys(first)):  # no keys unless keyed
            continue
        at = first
        for terms in want[1:]:
            at = next((i for i in range(at + 1, len(an)) if an.keyed(i)), -1)
            if at < 0 or terms.isdisjoint(an.indexed_keys(at)):
                break
        else:
            yield translit, first, at + 1


def _candidate_spans(unit: Unit, an: Analysis) -> Iterator[tuple[int, int, int]]:
    """(tier index, first token, end token) of every place ``unit`` matches in ``an``."""
    tiers = unit.tiers
    if unit.mention:
        yield from _mention_spans(unit, an)
        if "translit" in tiers and len(unit.key_slots) == 1:
            yield from _key_spans(unit, an)
        return
    yield from _form_spans(unit, an)
    if "translit" in tiers:
        yield from _key_spans(unit, an)
    if "alias" in tiers:
        yield from ((TIERS.index("alias"), m.start, m.end) for m in an.mentions if m.entity == unit.entity)


#: How sure a match at each tier but translit is that its span names what was searched.
TIER_CONFIDENCE: dict[str, float] = {"exact": 1.0, "normalized": 0.95, "stem": 0.9, "alias": 0.9}
#: Matches below this confidence are left out unless a search asks for them (``min_confidence``).
DEFAULT_MIN_CONFIDENCE = 0.4
#: A translit match between spellings as alike as can be, and as unlike (romanized, articles aside).
_TRANSLIT_FLOOR, _TRANSLIT_SPAN = 0.55, 0.35
#: Taken off a translit match on an ordinary word (keyed only because the context announced a name).
_ORDINARY_PENALTY = 0.15
#: Taken off a cross-script translit match whose key keeps two consonants or fewer.
_SHORT_KEY_PENALTY = 0.1
#: A translit match on a word the gazetteer knows as another entity's name (حمص for *Hamas*) keeps
#: this share of its confidence: below :data:`DEFAULT_MIN_CONFIDENCE`.
_OTHER_NAME_FACTOR = 0.4


@functools.lru_cache(maxsize=1 << 16)
def _likeness(a: str, b: str) -> float:
    """How alike two spellings are, 0 to 1 (difflib's ratio; memoized: few distinct pairs recur)."""
    return SequenceMatcher(None, a, b).ratio()


def translit_confidence(unit: Unit, an: Analysis, first: int, end: int, names: NameModel,
                        wanted: str | None = None, derived: bool = False) -> float:
    """How sure a translit match of ``unit`` on tokens ``first`` … ``end - 1`` is, from 0 to 1: from
    how alike the two spellings are (romanized), less when a matched word is an ordinary word, when
    a cross-script key is short, and much less when the gazetteer names another entity there (the
    word itself, or a longer name it is part of: دير of دير الزور for *Daraa*), unless the words are
    themselves a name of the entity searched (العراق of "الدولة الإسلامية في العراق" for *Iraq*) or,
    when ``derived`` forms were asked for, a nisba adjective (الجولاني for *Golan*)."""
    start, stop = an.char_span(first, end - 1)
    wanted = spelling(unit.text, names) if wanted is None else wanted
    ratio = _likeness(wanted, spelling(an.text[start:stop], names))
    confidence = _TRANSLIT_FLOOR + _TRANSLIT_SPAN * ratio
    if any(an.ordinary(i) for i in range(first, end)):
        confidence -= _ORDINARY_PENALTY
    keys = [k for i in range(first, end) for k in an.keys[i]]
    cross = any(is_arabic(t) for t in unit.exact) != any(is_arabic(an.exact[i]) for i in range(first, end))
    if cross and keys and max(map(consonant_count, keys)) <= 2:
        confidence -= _SHORT_KEY_PENALTY
    nisba = derived and any(an.key_marks[i].startswith(NISBA_ENDING) for i in range(first, end))
    other = unit.entity is not None and not nisba and any(
        m.start < end and first < m.end and m.entity != unit.entity for m in an.mentions)
    if other and unit.entity not in {m.entity for m in names.mentions(an.exact[first:end])}:
        confidence *= _OTHER_NAME_FACTOR
    return round(min(1.0, max(0.0, confidence)), 3)


def explain_units(units: Sequence[Unit], an: Analysis, names: NameModel | None = None,
                  derived: bool = False) -> list[list[Match]]:
    """Per unit, every span of ``an`` it matches, each with the best tier it matches at and its
    confidence (:data:`TIER_CONFIDENCE`, :func:`translit_confidence`)."""
    names = names or analysis.default_names()
    out: list[list[Match]] = []
    for unit in units:
        taken: set[int] = set()
        found: list[Match] = []
        wanted: str | None = None
        for tier, a, b in sorted(_candidate_spans(unit, an)):
            if taken.intersection(range(a, b)):
                continue
            taken.update(range(a, b))
            start, end = an.char_span(a, b - 1)
            name = TIERS[tier]
            if name == "translit":
                wanted = spelling(unit.text, names) if wanted is None else wanted
                confidence = translit_confidence(unit, an, a, b, names, wanted, derived)
            else:
                confidence = TIER_CONFIDENCE[name]
            found.append(Match(term=unit.text, text=an.text[start:end], start=start, end=end, tier=name,
                               entity=unit.entity if name == "alias" else None, confidence=confidence))
        out.append(found)
    return out


def explain(units: Sequence[Unit], an: Analysis, names: NameModel | None = None) -> list[Match]:
    """Every span of ``an`` that a unit matches, each with the best tier it matches at."""
    out = [m for found in explain_units(units, an, names) for m in found]
    return sorted(out, key=lambda m: (m.start, TIERS.index(m.tier), -m.end))


def _holds(node: PlanNode, strong: Sequence[bool], units: Sequence[Unit]) -> bool:
    """Whether a passage still answers the query when only its ``strong`` units count as matched."""
    if isinstance(node, UnitNode):
        return strong[next(i for i, u in enumerate(units) if u is node.unit)]
    if isinstance(node, FilterNode) or node.op == "not":
        return True  # the engine applied them
    results = (_holds(k, strong, units) for k in node.items)
    return all(results) if node.op == "and" else any(results)


def _is_metadata(q: EngineQuery) -> bool:
    return isinstance(q, TermQ | PrefixQ | RangeQ) and q.field in META_FIELDS


def _split(q: EngineQuery) -> tuple[EngineQuery, EngineQuery | None, EngineQuery | None]:
    """``A lang:ar NOT B`` at the top of a query → (``A``, filter ``lang:ar``, mask ``B``).

    The engine applies filters and masks as document sets, computed once for all tier levels
    (field filters and NOT are the same at every level), instead of scoring them."""
    if not isinstance(q, AllQ):
        return q, None, None
    negated = tuple(item.item for item in q.items if isinstance(item, NotQ))
    metadata = tuple(item for item in q.items if _is_metadata(item))
    positive = tuple(item for item in q.items if not isinstance(item, NotQ) and not _is_metadata(item))
    if not positive:
        return q, None, None
    return (positive[0] if len(positive) == 1 else AllQ(positive),
            (metadata[0] if len(metadata) == 1 else AllQ(metadata)) if metadata else None,
            (negated[0] if len(negated) == 1 else AnyQ(negated)) if negated else None)


def _both(a: EngineQuery | None, b: EngineQuery | None) -> EngineQuery | None:
    return a if b is None else b if a is None else AllQ((a, b))


T = TypeVar("T")


def _one_commit(method: Callable[..., T]) -> Callable[..., T]:
    """The engine reads one commit throughout the call, even while a writer commits meanwhile."""

    @functools.wraps(method)
    def pinned(self: SearchIndex, *args: Any, **kwargs: Any) -> T:
        def call() -> T:
            with self._engine.pinned():
                return method(self, *args, **kwargs)

        return guarded(self.path, call, quiet=self._quiet)  # a damaged index: one line

    return pinned


@dataclass
class PassageInContext:
    """A passage with its neighbours and its whole document (:meth:`SearchIndex.in_context`)."""

    passage: Passage
    before: list[Passage]
    after: list[Passage]
    document: list[Passage]


class SearchIndex:
    """An index opened for searching.  Cheap to open; safe to share between threads."""

    def __init__(self, path: str | Path = "index", *, names: NameModel | None = None,
                 aliases: Iterable[str | Path] | None = None, strict: bool = False) -> None:
        from ..check import index_lag

        self.path = Path(path)
        _check_versions(self.path, names)
        #: Why the index lags behind the corpus it was built from (``None``: it does not, or unknown);
        #: every :class:`SearchResult` carries it too.  ``strict`` makes a lag an error.
        self.stale = index_lag(self.path)
        if strict and self.stale:
            raise SearchIndexError(self.stale)
        self._names = names if names is not None else _search_names(self.path, aliases)
        self._engine, self._quiet = open_guarded(self.path, _open_engine)

    @property
    def names(self) -> NameModel:
        """The name model of the gazetteer the index was built with (shipped + recorded alias files)."""
        return self._names

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._engine.close()

    @guard_reads
    def __len__(self) -> int:
        return self._engine.doc_count()

    def plan(self, query: str, *, exact: bool = False, derived: bool = False) -> Plan:
        """Parse and resolve ``query`` (raises :class:`QueryError`)."""
        try:
            return plan_query(parse_query(query), self.names, literal=exact, derived=derived)
        except RecursionError:
            raise QueryError("the query is nested too deeply (too many parentheses)") from None

    @_one_commit
    def search(self, query: str, *, limit: int = 10, lang: str | None = None, region: str | None = None,
               doc: str | None = None, since: str | None = None, until: str | None = None,
               exact: bool = False, where: PassageFilter | None = None,
               min_confidence: float = DEFAULT_MIN_CONFIDENCE, derived: bool = False,
               include_undated: bool = False) -> SearchResult:
        """Best ``limit`` passages for ``query``, in tier order, then by confidence, then by score, then
        by passage id.

        ``lang``, ``region``, ``doc``, ``since``, ``until`` (or a whole ``where`` filter) restrict
        the passages searched; dates compare as ISO prefixes, and undated passages are left out
        (the result counts them: ``undated_left_out``) unless ``include_undated``.  ``exact``
        switches off name expansion (transliteration and alias tiers) for every term, like ``=word``.
        ``min_confidence`` (0 to 1) leaves out matches less sure than that, and passages that no
        longer answer the query without them; ``derived`` lets a name's keys meet its derived
        (nisba) forms too (Iraq / Iraqi, الجولان / الجولاني)."""
        if limit < 1 or limit > MAX_LIMIT:
            raise QueryError(f"limit {limit} is out of range (1 to {MAX_LIMIT:,})")
        if not 0.0 <= min_confidence <= 1.0:
            raise QueryError(f"minimum confidence {min_confidence} is out of range (0 to 1)")
        if where is None:
            where = PassageFilter(lang=lang, region=region, doc=doc, since=since, until=until,
                                  include_undated=include_undated)
        plan = self.plan(query, exact=exact, derived=derived)
        flt = metadata_filter(where)
        hits: list[Hit] = []
        seen: set[str] = set()
        weak: set[str] = set()  # passages that answer the query only through matches below min_confidence
        previous: EngineQuery | None = None
        top = plan.max_level
        has_term = functools.cache(self._engine.has_term)  # the levels share most of their terms
        widest = prune(plan.at(top), has_term)
        if widest is None:
            return SearchResult(query=query, total=0, hits=[], stale=self.stale)
        total: int | None = None
        counted: int | None = None  # passages matching the widest level, when its search counted them
        # The total (the widest level's count) and the undated passages a date filter leaves out
        # are counted on another thread when the engine can, while the levels are searched here.
        pending: Callable[[], int] | None = None
        asked = False
        undated = self._undated_left_out(widest, where)
        for level in range(top + 1):
            current = prune(plan.at(level), has_term)
            if current is None or current == previous:
                continue  # nothing in the index matches at this level, or nothing new does
            previous = current
            want = limit - len(hits)
            if want <= 0:
                break
            if not asked and current != widest:  # the total will need a count of its own
                asked = True
                pending = count_soon(self._engine, widest, filter=flt)
            # Invariant: every passage matching an earlier level is already in ``seen`` (a level
            # that returned fewer rows than asked returned all of its matches), so the passages
            # new at this level are the rows not yet seen.
            tier = TIERS[level]
            fetch = (max(want, 10) * 3 if tier == "translit" else want) + len(seen) + len(weak)
            positive, constraint, mask = _split(current)
            while True:
                if current == widest and pending is None:  # the total comes with the widest level's hits
                    rows, counted = search_counted(self._engine, positive, limit=fetch,
                                                   filter=_both(flt, constraint), mask=mask)
                else:
                    rows = self._engine.search(positive, limit=fetch, filter=_both(flt, constraint),
                                               mask=mask)
                found: list[Hit] = []
                for row, score in rows:
                    if row["id"] in seen or row["id"] in weak:
                        continue
                    hit = self._hit(row, score, tier, plan, min_confidence, derived)
                    if hit is None:
                        weak.add(row["id"])
                    else:
                        found.append(hit)
                if len(found) >= want or len(rows) < fetch or fetch >= MAX_LIMIT + len(seen) + len(weak):
                    break
                fetch *= 4  # weak matches were left out: look further down this level
            found.sort(key=lambda h: (-h.confidence, -h.score, h.passage_id))  # ties: a fixed order
            hits.extend(found[:want])
            seen.update(h.passage_id for h in found[:want])
            if len(rows) < fetch and current == widest:
                total = len(rows) - len(weak)
        if pending is not None:
            counted = pending()  # waited for even when the total is known: no count outlives its search
        if total is None:
            if counted is None:
                counted = self._engine.count(widest, filter=flt)
            total = max(len(hits), counted - len(weak))
        return SearchResult(query=query, total=total, hits=hits, stale=self.stale,
                            undated_left_out=undated())

    def _undated_left_out(self, query: EngineQuery, where: PassageFilter) -> Callable[[], int]:
        """The function giving how many undated passages matching ``query`` (and the other filters) a
        date filter left out (counted on another thread when the engine can)."""
        if not (where.since or where.until) or where.include_undated:
            return lambda: 0
        others = metadata_filter(dataclasses.replace(where, since=None, until=None))
        undated = _both(others, UNDATED)
        return count_soon(self._engine, query, filter=undated) or (
            lambda: self._engine.count(query, filter=undated))

    def _hit(self, row: dict[str, Any], score: float, tier: str, plan: Plan,
             min_confidence: float = 0.0, derived: bool = False) -> Hit | None:
        """The hit of one row (``None`` when, without its matches below ``min_confidence``, the passage
        no longer answers the query)."""
        text = row.get("text") or ""
        per_unit = explain_units(plan.units, analyze(text, self.names, mentions=_stored_mentions(row)),
                                 self.names, derived)
        if min_confidence > 0:
            kept = [[m for m in found if m.confidence >= min_confidence] for found in per_unit]
            if not _holds(plan.root, [bool(k) or not f for k, f in zip(kept, per_unit, strict=True)],
                          plan.units):
                return None
            per_unit = kept
        matches = sorted((m for found in per_unit for m in found),
                         key=lambda m: (m.start, TIERS.index(m.tier), -m.end))
        return Hit(passage_id=row["id"], doc_id=row.get("doc", ""), score=round(score, 4), tier=tier,
                   text=text, lang=row.get("lang", ""), region=row.get("region", ""),
                   section=row.get("section"), title=row.get("title"), date=row.get("date"),
                   author=row.get("author"),
                   ordinal=int(row.get("ordinal") or 0), matches=matches,
                   confidence=max((m.confidence for m in matches), default=1.0))

    @guard_reads
    def passage(self, passage_id: str) -> Passage | None:
        """The passage with this id (every field, ``honorific``, ``linked_title`` and ``lang_share``
        included), or ``None``."""
        row = self._engine.stored(passage_id)
        return _stored_to_passage(row) if row is not None else None

    @guard_reads
    def document_passages(self, doc_id: str) -> list[Passage]:
        """Every passage of one document, in order."""
        return [_stored_to_passage(r) for r in self._engine.doc_passages(doc_id)]

    def neighbours(self, passage_id: str, context: int = 1) -> tuple[list[Passage], list[Passage]]:
        """Up to ``context`` passages before and after ``passage_id`` in its document."""
        try:
            found = self.in_context(passage_id, context)
        except PassageNotFound:
            return [], []
        return found.before, found.after

    def in_context(self, passage_id: str, context: int = 1) -> PassageInContext:
        """The passage with this id, up to ``context`` passages before and after it, and every
        passage of its document, read once; :class:`~bicorpus.errors.PassageNotFound` (one line
        saying what ids look like) when the index has no such passage."""
        found = self.passage(passage_id)
        if found is None:
            raise PassageNotFound(f"no passage {passage_id!r} in the index at {self.path} "
                                  "(ids look like DOCID-0007; `bicorpus search` shows them)")
        siblings = self.document_passages(found.doc_id)
        idx = next(i for i, p in enumerate(siblings) if p.id == passage_id)
        return PassageInContext(found, siblings[max(0, idx - context): idx],
                                siblings[idx + 1: idx + 1 + context], siblings)

    def passages(self) -> Iterator[Passage]:
        """Every indexed passage (index order)."""
        rows = guarded_iter(self.path, iter(self._engine.iter_stored()), quiet=self._quiet)
        return (_stored_to_passage(r) for r in rows)


def open_index(path: str | Path = "index", *, names: NameModel | None = None,
               aliases: Iterable[str | Path] | None = None, strict: bool = False) -> SearchIndex:
    """Open the index at ``path`` for searching (raises :class:`SearchIndexError` with a clear message).

    Entity lookups use the gazetteer the index was built with: the shipped one and the user alias
    files it recorded (a recorded file that changed or is gone asks for ``bicorpus reindex``).
    ``aliases``, when given, must be those same files.  ``strict``: an index lagging behind its
    corpus is an error (otherwise ``SearchIndex.stale`` and each result's ``stale`` say so)."""
    return SearchIndex(path, names=names, aliases=aliases, strict=strict)
