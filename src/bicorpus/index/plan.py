"""From a parsed query to engine queries, one per matching tier.  Engine-independent.

A query is made of *units*: a word, a quoted phrase, or a multi-word name
(adjacent words the gazetteer recognises as one name, or capitalized words joined
by an article or particle: ``Jabhat Fatah al-Sham``, ``Abu Bakr al-Baghdadi``).
A unit matches as a whole at each tier:

=========== ===================================================================
exact       the words as written (casefolded), adjacent
normalized  the normalized words, adjacent
stem        the stems (names are never stemmed), adjacent
translit    the romanization keys of its words, adjacent (articles skipped); a Latin word
            meets Latin words only when both write their vowels in the same places
            (``Nasser`` is not ``Nusra``), Arabic words whenever the keys meet
alias       the gazetteer entity the unit names, under any of its names
=========== ===================================================================

The query at tier level *L* lets every unit match at any tier up to *L*; NOT
always excludes at every tier.  Units written with ``=`` (or searched with
``exact``) stop at the normalized tier.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..errors import QueryError
from ..model import TIERS
from ..names.ordinary import SHORT_SKELETON
from ..normalize import normalize_token
from .analysis import (
    NAME_JOINER,
    Analysis,
    NameModel,
    _data_lines,
    _english_stemmer,
    analyze,
    form_alternatives,
    light_stem_ar,
    name_key_joins,
    stopwords,
)
from .engine import AllQ, AnyQ, EngineQuery, NotQ, PhraseQ, PrefixQ, TermQ
from .query import And, FieldFilter, Node, Not, Or, Phrase, Words

#: Tiers a literal (``=word``) unit may match at.
LITERAL_TIERS: tuple[str, ...] = TIERS[:2]
#: Tiers served by the ``form`` field (word by word).
FORM_TIERS: tuple[str, ...] = TIERS[:3]
#: Most units one query may hold.
MAX_UNITS = 64


@dataclass(frozen=True)
class Unit:
    """One search term as the query wrote it, with the forms each tier looks for."""

    text: str
    exact: tuple[str, ...]
    norm: tuple[str, ...]
    stem: tuple[str, ...]
    keys: tuple[tuple[str, ...], ...]
    entity: str | None
    literal: bool = False
    #: A multi-word name the gazetteer knows: matched through the ``name`` field's single terms.
    mention: bool = False
    #: Per keyed word, the ``key`` terms it looks up (:func:`~bicorpus.index.analysis.query_key_terms`).
    key_query: tuple[tuple[str, ...], ...] = ()
    #: An acronym that is also an ordinary word (``IS`` / *is*): matched only as the entity it names.
    entity_only: bool = False

    @functools.cached_property
    def tiers(self) -> tuple[str, ...]:
        """Tiers this unit can match at, best first."""
        if self.entity_only and self.entity:
            return () if self.literal else ("alias",)
        allowed = LITERAL_TIERS if self.literal else TIERS
        return tuple(t for t in allowed if t in FORM_TIERS or (t == "translit" and self.key_slots)
                     or (t == "alias" and self.entity))

    def name_queries(self, allowed: set[str]) -> list[EngineQuery]:
        """Tier queries of a multi-word gazetteer name: one term lookup per form."""
        exact_join, norm_join = NAME_JOINER.join(self.exact), NAME_JOINER.join(self.norm)
        terms = [exact_join, "=" + exact_join] if "exact" in allowed else []
        if allowed & {"normalized", "stem"}:  # names are never stemmed: the stem tier adds nothing
            terms += [norm_join, "~" + norm_join]
        if "translit" in allowed and len(self.key_slots) > 1:
            terms += ["#" + k for k in name_key_joins(self.keys)]
        queries: list[EngineQuery] = [_phrase("name", [tuple(dict.fromkeys(terms))])] if terms else []
        if "translit" in allowed and len(self.key_slots) == 1:  # al-Nusrah: one word carries the name
            queries.append(_phrase("key", list(self.key_terms)))
        if "alias" in allowed and self.entity:
            queries.append(TermQ("ent", self.entity))
        return queries

    @property
    def key_slots(self) -> tuple[tuple[str, ...], ...]:
        return tuple(k for k in self.keys if k)

    @property
    def key_terms(self) -> tuple[tuple[str, ...], ...]:
        """The ``key`` terms each keyed word looks up (its plain keys when none were given)."""
        return self.key_query or self.key_slots

    def up_to(self, level: int) -> EngineQuery:
        """The unit matched at any of its tiers up to ``TIERS[level]``.

        Up to the stem tier each word may match at its own tier (the unit's tier is the worst);
        the translit and alias tiers match the unit as a whole."""
        allowed = set(self.tiers) & set(TIERS[: level + 1])
        if self.mention:
            named = self.name_queries(allowed)
            return named[0] if len(named) == 1 else AnyQ(tuple(named))
        if self.entity_only:  # matches at the alias tier only: below it, a term no passage has
            return TermQ("ent", self.entity if "alias" in allowed and self.entity else "")
        form_tiers = allowed & set(FORM_TIERS)
        words = zip(self.exact, self.norm, self.stem, strict=True)
        slots = [form_alternatives(e, n, s, form_tiers) for e, n, s in words]
        queries: list[EngineQuery] = [_phrase("form", slots)]
        if "translit" in allowed:
            queries.append(_phrase("key", list(self.key_terms)))
        if "alias" in allowed and self.entity:
            queries.append(TermQ("ent", self.entity))
        return queries[0] if len(queries) == 1 else AnyQ(tuple(queries))


def _phrase(field: str, slots: Sequence[tuple[str, ...]]) -> EngineQuery:
    if len(slots) == 1:
        terms = slots[0]
        return TermQ(field, terms[0]) if len(terms) == 1 else AnyQ(tuple(TermQ(field, t) for t in terms))
    return PhraseQ(field, tuple(slots))


def _stem_of_norm(norm: str) -> str | None:
    """The stem a word whose normalized form is ``norm`` has when it is stemmed and its stem differs
    from ``norm`` (what :func:`~bicorpus.index.analysis.word_forms` gives it), or ``None`` when that
    depends on more than ``norm`` (Arabic and English stemming would both change it)."""
    arabic = light_stem_ar(norm) or norm
    english = (_english_stemmer().stemWord(norm) if norm.isalpha() else norm) or norm
    changed = {arabic, english} - {norm}
    return changed.pop() if len(changed) == 1 else None


@functools.lru_cache(maxsize=65_536)
def implied_forms(term: str) -> tuple[str, ...] | None:
    """``form`` terms one of which every word indexing ``term`` also indexes at the same position
    (:func:`~bicorpus.index.analysis.form_terms`), or ``None`` when no such set is known.

    ``+w`` (exact and normalized form ``w``, a stem apart) and ``~n`` (normalized form ``n``, a stem
    apart) come only with the word's ``>`` stem, which ``n`` decides; ``=w`` (an exact form apart
    from its normalized one) comes with ``*n`` or ``~n``, where ``n`` is decided by ``w`` when ``w``
    has no letter case (so it is the word as written: Arabic)."""
    mark, value = term[:1], term[1:]
    if mark in ("+", "~") and value:
        stem = _stem_of_norm(value)
        return (">" + stem,) if stem is not None else None
    if mark == "=" and value and all(c.lower() == c.upper() for c in value):
        norm = normalize_token(value)
        return ("*" + norm, "~" + norm) if norm and norm != value else None
    return None


def essential_forms(slot: Sequence[str], has: Callable[[str], bool]) -> tuple[str, ...]:
    """The terms of a ``form`` slot (alternatives at one position, all held by the index) without those
    another of them implies (:func:`implied_forms`): the same positions match, through fewer terms.
    ``has`` tells whether the index holds a term.  Implications lead from ``=`` to ``~`` or ``*``, and
    from ``+`` and ``~`` to ``>``; ``>`` and ``*`` imply nothing and are always kept, so every term
    dropped leads, in one or two steps, to a kept one."""
    present = set(slot)

    def redundant(term: str) -> bool:
        implied = implied_forms(term)
        if implied is None:
            return False
        held = [t for t in implied if has(t)]
        return bool(held) and all(t in present and t != term for t in held)

    return tuple(t for t in slot if not redundant(t))


@functools.cache
def _particles() -> frozenset[str]:
    return frozenset(_data_lines("name_particles.txt"))


def _make_unit(an: Analysis, start: int, end: int, entity: str | None, literal: bool,
               derived: bool = False) -> Unit:
    text = an.text[an.tokens[start].start: an.tokens[end - 1].end]
    mention = end - start > 1 and any(m.start == start and m.end == end for m in an.mentions)
    key_query = tuple(an.query_keys(i, derived) for i in range(start, end) if an.keys[i])
    stop = stopwords()
    entity_only = bool(entity) and end - start == 1 and an.norm[start] in stop
    return Unit(text=text, exact=an.exact[start:end], norm=an.norm[start:end], stem=an.stem[start:end],
                keys=an.keys[start:end], entity=entity, literal=literal, mention=mention, key_query=key_query,
                entity_only=entity_only)


def _all_stopwords(unit: Unit) -> bool:
    if unit.entity_only:
        return False  # IS: an acronym, not the verb
    stop = stopwords()
    return all(n in stop for n in unit.norm)


def _acronym_case(words: Sequence[str], names: NameModel) -> tuple[str, ...]:
    """Query words with a lower-case acronym that is not an ordinary word (``hts``, ``sdf``) written
    in capitals, so that it is expanded like ``HTS``; ordinary words (``is``) stay as typed."""
    stop = stopwords()
    out = []
    for word in words:
        upper = word.upper()
        if (word.isalpha() and word.isascii() and word.islower() and word not in stop
                and names.is_acronym(upper) and not names.ordinariness(word, SHORT_SKELETON + 1)):
            word = upper
        out.append(word)
    return tuple(out)


def _lexeme_spans(an: Analysis, words: Sequence[str]) -> list[tuple[int, int]]:
    """Token index range of each query word (a word like ``al-Nusrah`` holds several tokens)."""
    spans, offset, t = [], 0, 0
    for word in words:
        end_char = offset + len(word)
        first = t
        while t < len(an.tokens) and an.tokens[t].end <= end_char:
            t += 1
        spans.append((first, t))
        offset = end_char + 1
    return spans


def _name_part(an: Analysis, span: tuple[int, int], names: NameModel) -> str:
    """``cap`` for a capitalized word, ``join`` for an article or particle word, else ``""``."""
    first, end = span
    word = an.tokens[first].text
    if word.casefold() in _particles() or names.is_article(word):
        if end - first == 1:
            return "join"
        return "join" if an.tokens[first + 1].text[:1].isupper() else ""
    return "cap" if word[:1].isupper() else ""


def _group_words(an: Analysis, words: Sequence[str], names: NameModel) -> list[tuple[int, int, str | None]]:
    """Split adjacent query words into units: (token start, token end, entity)."""
    spans = [s for s in _lexeme_spans(an, words) if s[0] < s[1]]
    group = list(range(len(spans)))  # group id of each word: the index of its group's first word
    entity: dict[int, str] = {}
    in_mention = [False] * len(spans)
    # Gazetteer mentions first: every word a mention touches joins that mention's unit.
    for m in an.mentions:
        touched = [i for i, (a, b) in enumerate(spans) if a < m.end and m.start < b and not in_mention[i]]
        for i in touched:
            group[i] = touched[0]
            in_mention[i] = True
        if touched:
            entity[touched[0]] = m.entity
    # Other capitalized words joined by an article or particle word form one name.
    kinds = [_name_part(an, s, names) if not in_mention[i] else "" for i, s in enumerate(spans)]
    i = 0
    while i < len(spans):
        j = i
        while kinds[i] and j + 1 < len(spans) and kinds[j + 1]:
            j += 1
        run = kinds[i: j + 1]
        if j > i and "join" in run and "cap" in run:
            group[i: j + 1] = [i] * (j + 1 - i)
        i = j + 1
    units: list[tuple[int, int, str | None]] = []
    for gid in sorted(set(group)):
        members = [spans[k] for k in range(len(spans)) if group[k] == gid]
        units.append((members[0][0], members[-1][1], entity.get(gid)))
    return units


def _words_units(node: Words, names: NameModel, literal: bool, derived: bool = False) -> list[Unit]:
    words = node.words if node.literal else _acronym_case(node.words, names)
    an = analyze(" ".join(words), names, query=True)
    groups = _group_words(an, words, names)
    units = [_make_unit(an, a, b, ent, literal or node.literal, derived) for a, b, ent in groups]
    return [u for u in units if not _all_stopwords(u)]


def _phrase_unit(node: Phrase, names: NameModel, literal: bool, derived: bool = False) -> Unit | None:
    an = analyze(node.text, names, query=True)
    if not an.tokens:
        return None
    whole = [m for m in an.mentions if m.start == 0 and m.end == len(an.tokens)]
    unit = _make_unit(an, 0, len(an.tokens), whole[0].entity if whole else None, literal or node.literal,
                      derived)
    return None if _all_stopwords(unit) else unit


@dataclass(frozen=True)
class Plan:
    """A query resolved into units: ``at(level)`` gives the engine query for tier level ``level``."""

    root: PlanNode
    units: tuple[Unit, ...]

    def at(self, level: int) -> EngineQuery:
        return _lower(self.root, level)

    @property
    def max_level(self) -> int:
        return max(TIERS.index(u.tiers[-1]) for u in self.units)


@dataclass(frozen=True)
class UnitNode:
    unit: Unit


@dataclass(frozen=True)
class FilterNode:
    query: EngineQuery


@dataclass(frozen=True)
class BoolNode:
    op: str  # and, or, not
    items: tuple[PlanNode, ...]


PlanNode = UnitNode | FilterNode | BoolNode


def _lower(node: PlanNode, level: int) -> EngineQuery:
    if isinstance(node, UnitNode):
        return node.unit.up_to(level)
    if isinstance(node, FilterNode):
        return node.query
    if node.op == "not":
        return NotQ(_lower(node.items[0], len(TIERS) - 1))
    items = tuple(_lower(item, level) for item in node.items)
    return AllQ(items) if node.op == "and" else AnyQ(items)


def filter_query(f: FieldFilter) -> EngineQuery:
    """Engine query for a ``field:value`` filter (dates match as prefixes)."""
    return PrefixQ("date", f.value) if f.field == "date" else TermQ(f.field, f.value)


def _resolve(node: Node, names: NameModel, literal: bool, units: list[Unit],
             derived: bool = False) -> PlanNode | None:
    if isinstance(node, Words | Phrase):
        found = _words_units(node, names, literal, derived) if isinstance(node, Words) else [
            u for u in [_phrase_unit(node, names, literal, derived)] if u is not None]
        units.extend(found)
        if not found:
            return None
        nodes = tuple(UnitNode(u) for u in found)
        return nodes[0] if len(nodes) == 1 else BoolNode("and", nodes)
    if isinstance(node, FieldFilter):
        return FilterNode(filter_query(node))
    if isinstance(node, Not):
        inner = _resolve(node.item, names, literal, [], derived)
        return BoolNode("not", (inner,)) if inner is not None else None
    assert isinstance(node, And | Or)
    resolved = (_resolve(item, names, literal, units, derived) for item in node.items)
    kids = [k for k in resolved if k is not None]
    if not kids:
        return None
    return kids[0] if len(kids) == 1 else BoolNode("and" if isinstance(node, And) else "or", tuple(kids))


def _has_positive(node: PlanNode) -> bool:
    if isinstance(node, UnitNode):
        return True
    if isinstance(node, FilterNode):
        return False
    if node.op == "not":
        return False
    if node.op == "and":
        return any(_has_positive(k) for k in node.items)
    return all(_has_positive(k) for k in node.items)


def plan_query(node: Node, names: NameModel, *, literal: bool = False, derived: bool = False) -> Plan:
    """Resolve a parsed query into a :class:`Plan` (raises :class:`QueryError` when nothing is left).

    ``derived``: a name's keys also meet its derived (nisba) forms (Iraq / Iraqi, الجولان / الجولاني)."""
    units: list[Unit] = []
    root = _resolve(node, names, literal, units, derived)
    if root is None or not units:
        raise QueryError("nothing to search for: the query has only stopwords, marks or filters")
    if not _has_positive(root):
        raise QueryError("nothing to search for: every branch of the query needs a word or a phrase "
                         "that is not negated")
    if len(units) > MAX_UNITS:
        raise QueryError(f"query has too many terms ({len(units)}; the limit is {MAX_UNITS})")
    return Plan(root=root, units=tuple(units))
