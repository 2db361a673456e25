"""The alias gazetteer: entities with names in both scripts, acronyms and exonyms.

The shipped file ``data/aliases.txt`` is read first; user files (``--aliases FILE``) are
read on top of it in order: a new ``[id]`` adds an entity, a known one gets more names.
The format is described in ``docs/names.md`` and at the top of ``aliases.txt``; it is
parsed line by line, never executed.

Matching a passage (:meth:`Gazetteer.find`) works on its tokens in order.  An alias
token matches a passage token when

* their search forms are equal (case-insensitive; articles and, in Arabic, an attached
  article or one-letter proclitic set aside: النصرة, والنصرة, بالنصرة; final ا ة ه ى
  alike; in words of five letters or more without their medial long vowels, medial ا و ي
  may come and go: الديمقراطية / الديموقراطية), or
* for Latin script, when the passage token is capitalized and its vowel-aware key
  (:func:`~bicorpus.names.keys.vowel_key`) equals the alias token's (``Nusrah`` for
  ``Nusra``, ``Dayr az-Zawr`` for ``Deir ez-Zor``, but not ``Homs`` for ``Hamas``), for
  aliases of :data:`MIN_KEY_CONSONANTS` consonants or more (shorter ones, like Hama or
  Qaeda, match only as spelled; within a longer alias, Fatah for Fateh is fine), and
  for words that are not common English words (``common_words.txt``: Kids is not al-Quds).
  A capitalized word with the article attached (Ezzor, Arraqqa) may also match without
  it, as spelled.

Where one span matches several entities, a match by spelling beats a match by key.

Article tokens between alias tokens are skipped.  Acronyms (``ISIS``, ``HTS``, ``IS``) match
only a token written exactly so, in capitals (``ISIS's`` counts, ``is`` does not).
"""

from __future__ import annotations

import functools
import re
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import AliasFileError
from ..normalize import normalize_token
from ..normalize.script import is_arabic
from ..normalize.tokenize import tokenize
from . import tables
from .keys import consonant_count, is_article, split_arabic_article, vowel_key

#: Entity types an alias file may use.
ENTITY_TYPES: tuple[str, ...] = ("person", "organization", "location", "other")
#: Fields of an entity block.
FIELDS: tuple[str, ...] = ("type", "en", "ar", "acronym", "related")
#: Aliases with fewer consonants than this match only as spelled (normalized), not by key.
MIN_KEY_CONSONANTS = 3
SHIPPED_FILE = "aliases.txt"

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_HEADER_RE = re.compile(r"^\[\s*(?P<id>[^\]]*?)\s*\]$")
_FIELD_RE = re.compile(r"^(?P<field>[A-Za-z_-]+)\s*[:=]\s*(?P<value>.*)$")
_POSSESSIVE_RE = re.compile(r"['’]s$")
_ARABIC_ONE_LETTER_PROCLITICS = frozenset("وفبلك")
_ARABIC_FINAL_VOWELS = str.maketrans({"ا": "ه", "ى": "ه", "ة": "ه"})
_ARABIC_MEDIAL_VOWELS_RE = re.compile("[اوي]")
#: Letters an Arabic skeleton (medial long vowels dropped) needs to count as a spelling.
MIN_ARABIC_SKELETON = 5
_LATIN_NON_WORD_RE = re.compile(r"['\-]")
_ARTICLES_IN_MENTIONS = frozenset({"al", "el", "ال"})


@dataclass(frozen=True, slots=True)
class Mention:
    """An alias found in a token sequence: tokens ``start`` to ``end`` (exclusive)."""

    start: int
    end: int
    entity_id: str
    alias: str


@dataclass
class Entity:
    """One gazetteer entity: its names (with language), acronyms and relations."""

    id: str
    type: str
    names: list[tuple[str, str]] = field(default_factory=list)
    acronyms: list[str] = field(default_factory=list)
    related: list[tuple[str, str]] = field(default_factory=list)

    def all_aliases(self) -> list[str]:
        """Every name and acronym, names first."""
        return [name for name, _ in self.names] + list(self.acronyms)

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "type": self.type, "names": [list(n) for n in self.names],
                "acronyms": list(self.acronyms), "related": [list(r) for r in self.related]}


@dataclass(frozen=True, slots=True)
class _TokenForms:
    """What a token can match through: its search forms and (maybe) its keys."""

    forms: frozenset[str]
    keys: frozenset[str]
    loose: frozenset[str] = frozenset()  # spellings inferred, not written: Arraqqa → raqqa


@dataclass(frozen=True, slots=True)
class _Pattern:
    entity_id: str
    alias: str
    tokens: tuple[_TokenForms, ...]
    keyable: bool  # long enough to match through keys, not only as spelled


# ------------------------------------------------------------------ token forms


def _arabic_form(word: str) -> str:
    word = normalize_token(word)
    if len(word) > 2:
        word = word[:-1] + word[-1].translate(_ARABIC_FINAL_VOWELS)
    return word


def _arabic_skeleton(form: str) -> str | None:
    """The form without its medial long vowels (أميركا / أمريكا, الديمقراطية / الديموقراطية),
    for words long enough that the skeleton still tells them apart; else None."""
    skeleton = form[:1] + _ARABIC_MEDIAL_VOWELS_RE.sub("", form[1:-1]) + form[-1:]
    return "~" + skeleton if len(skeleton) >= MIN_ARABIC_SKELETON else None


def _arabic_forms(token: str) -> frozenset[str]:
    word = normalize_token(token)
    _, bare = split_arabic_article(word)
    forms = {_arabic_form(bare)}
    if word[:1] in _ARABIC_ONE_LETTER_PROCLITICS and len(word) >= 4:
        _, bare = split_arabic_article(word[1:])
        forms.add(_arabic_form(bare))
    forms.update(s for s in map(_arabic_skeleton, list(forms)) if s)
    return frozenset(forms)


def _latin_form(token: str) -> str:
    return _LATIN_NON_WORD_RE.sub("", normalize_token(_POSSESSIVE_RE.sub("", token)))


@functools.lru_cache(maxsize=1 << 16)
def _passage_forms(token: str, any_case: bool = False) -> _TokenForms | None:
    """Forms of a passage or query token; ``None`` for an article."""
    if is_article(token):
        return None
    if is_arabic(token):
        return _TokenForms(_arabic_forms(token), frozenset())
    form = _latin_form(token)
    if not (any_case or token[:1].isupper()) or form in tables.common_words():
        return _TokenForms(frozenset({form}), frozenset())
    loose = set()
    for rule in tables.attached_articles():
        bare = rule.pattern.sub(rule.replacement, form, count=1)
        if bare != form:
            loose.add(bare)  # by spelling only, no key: Arraqqa is ar-Raqqa, Assert is not as-Sirte
    return _TokenForms(frozenset({form}), _latin_keys(token), frozenset(loose))


def _latin_keys(token: str) -> frozenset[str]:
    key = vowel_key(_POSSESSIVE_RE.sub("", token))
    return frozenset({key}) if key else frozenset()


@functools.lru_cache(maxsize=1 << 16)
def _alias_forms(token: str) -> _TokenForms:
    """The forms of an alias token (kept: names share tokens, and a large alias file repeats them)."""
    if is_arabic(token):
        return _TokenForms(_arabic_forms(token), frozenset())
    return _TokenForms(frozenset({_latin_form(token)}), _latin_keys(token))


_SPELLED, _LOOSE, _KEYED = 3, 2, 1


def _meets(token: _TokenForms, alias: _TokenForms) -> int:
    """How a token meets an alias token: as spelled, as a spelling with the article taken
    off, through the keys, or not at all (0)."""
    if token.forms & alias.forms:
        return _SPELLED
    if token.loose & alias.forms:
        return _LOOSE
    return _KEYED if token.keys & alias.keys else 0


@functools.lru_cache(maxsize=1 << 12)
def _folds_into_mention(token: str) -> bool:
    """An article written al / el / ال just before a mention belongs to it (as, an, at stay out)."""
    return normalize_token(token) in _ARTICLES_IN_MENTIONS


def _strip_possessive(token: str) -> str:
    return _POSSESSIVE_RE.sub("", token)


# ------------------------------------------------------------------ parsing


@dataclass
class _Draft:
    entity: Entity
    source: str
    line: int
    related_lines: list[tuple[str, int]] = field(default_factory=list)
    #: What the entity already holds (names, acronyms, relations), for constant-time repeat checks:
    #: an entity of 50,000 names loads in linear time.
    seen: set[tuple[str, ...]] = field(default_factory=set)

    def first(self, item: tuple[str, ...]) -> bool:
        """Whether ``item`` is new to the entity (and remember it)."""
        if item in self.seen:
            return False
        self.seen.add(item)
        return True


def _split_values(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def _parse(text: str, source: str, drafts: dict[str, _Draft]) -> None:
    current: _Draft | None = None
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{source}:{number}"
        header = _HEADER_RE.match(line)
        if header:
            entity_id = header.group("id")
            if not _ID_RE.match(entity_id):
                raise AliasFileError(f"{where}: bad entity id {entity_id!r} "
                                     "(use lower-case letters, digits, '-', '_' or '.')")
            if entity_id not in drafts:
                drafts[entity_id] = _Draft(Entity(entity_id, ""), source, number)
            current = drafts[entity_id]
            continue
        match = _FIELD_RE.match(line)
        if not match:
            raise AliasFileError(f"{where}: expected '[entity-id]' or 'field: value', got {line[:60]!r}")
        if current is None:
            raise AliasFileError(f"{where}: field before the first '[entity-id]' line")
        name, value = match.group("field").lower(), match.group("value").strip()
        if name not in FIELDS:
            raise AliasFileError(f"{where}: unknown field {name!r} (expected one of {', '.join(FIELDS)})")
        values = _split_values(value)
        if not values:
            raise AliasFileError(f"{where}: field {name!r} has no value")
        _apply_field(current, name, values, where, number)


def _apply_field(draft: _Draft, name: str, values: list[str], where: str, number: int) -> None:
    entity = draft.entity
    if name == "type":
        if len(values) != 1 or values[0].lower() not in ENTITY_TYPES:
            raise AliasFileError(f"{where}: type must be one of {', '.join(ENTITY_TYPES)}")
        entity.type = values[0].lower()
    elif name in ("en", "ar"):
        for value in values:
            words = [t.text for t in tokenize(value)]
            if not words:
                raise AliasFileError(f"{where}: name {value!r} has no letters or digits")
            if all(is_article(w) for w in words):
                raise AliasFileError(f"{where}: name {value!r} is only an article")
            if (name == "ar") != is_arabic(value):
                script = "Arabic" if name == "ar" else "Latin"
                raise AliasFileError(f"{where}: {name} name {value!r} is not in {script} script")
            if draft.first(("name", value, name)):
                entity.names.append((value, name))
    elif name == "acronym":
        for value in values:
            if len(tokenize(value)) != 1 or value != value.upper() or not any(c.isupper() for c in value):
                raise AliasFileError(f"{where}: acronym {value!r} must be one word in capitals")
            if draft.first(("acronym", value)):
                entity.acronyms.append(value)
    else:
        for value in values:
            parts = value.split()
            if len(parts) != 2:
                raise AliasFileError(f"{where}: related must read 'relation entity-id', got {value!r}")
            if draft.first(("related", parts[0], parts[1])):
                entity.related.append((parts[0], parts[1]))
                draft.related_lines.append((parts[1], number))


#: Largest alias file read (bytes): far above any real gazetteer, far below memory trouble.
MAX_ALIAS_FILE_BYTES = 16 * 2**20


def check_alias_file(path: Path) -> None:
    """Refuse, before opening it, an alias file that is not a regular file (a FIFO or ``/dev/zero``
    would block or never end) or is over :data:`MAX_ALIAS_FILE_BYTES`."""
    try:
        st = path.stat()
    except OSError as err:
        raise alias_file_error(path, err) from None
    if stat.S_ISDIR(st.st_mode):
        raise AliasFileError(f"{path}: is a directory, not an alias file")
    if not stat.S_ISREG(st.st_mode):
        raise AliasFileError(f"{path}: not a regular file (a FIFO, device or socket is never read)")
    if st.st_size > MAX_ALIAS_FILE_BYTES:
        raise AliasFileError(f"{path}: alias file too large ({st.st_size:,} bytes; the limit is "
                             f"{MAX_ALIAS_FILE_BYTES:,} bytes, {MAX_ALIAS_FILE_BYTES // 2**20} MB)")


def _read_user_file(path: Path) -> str:
    check_alias_file(path)
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_ALIAS_FILE_BYTES + 1)
        if len(raw) > MAX_ALIAS_FILE_BYTES:
            limit = MAX_ALIAS_FILE_BYTES // 2**20
            raise AliasFileError(f"{path}: alias file too large (it grew past the limit, {limit} MB)")
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise AliasFileError(f"{path}: not UTF-8 text ({err.reason} at byte {err.start})") from None
    except OSError as err:
        raise alias_file_error(path, err) from None


def alias_file_error(path: Path, err: OSError) -> AliasFileError:
    """The one-line error for an alias file that cannot be opened or read."""
    if isinstance(err, FileNotFoundError):
        return AliasFileError(f"{path}: alias file not found")
    if isinstance(err, IsADirectoryError):
        return AliasFileError(f"{path}: is a directory, not an alias file")
    return AliasFileError(f"{path}: cannot read alias file ({err.strerror or err})")


def _check(drafts: dict[str, _Draft]) -> None:
    for draft in drafts.values():
        entity = draft.entity
        where = f"{draft.source}:{draft.line}"
        if not entity.names and not entity.acronyms:
            raise AliasFileError(f"{where}: entity {entity.id!r} has no names")
        if not entity.type:
            entity.type = "other"
        for target, number in draft.related_lines:
            if target not in drafts:
                raise AliasFileError(f"{draft.source}:{number}: related entity {target!r} is not defined")


# ------------------------------------------------------------------ the gazetteer


class Gazetteer:
    """Entities and a lookup table from the first token of each alias to its patterns."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._entities: dict[str, Entity] = {e.id: e for e in entities}
        self._by_form: dict[str, list[_Pattern]] = {}
        self._by_key: dict[str, list[_Pattern]] = {}
        self._acronyms: dict[str, list[tuple[str, str]]] = {}
        #: Memo of :meth:`_starts`, one per ``any_case``.
        self._start_memo: tuple[dict[str, _Start], dict[str, _Start]] = ({}, {})
        #: Memo of :meth:`_second_met`, by the identities of its arguments (kept in the entry).
        self._pair_memo: dict[tuple[int, int], tuple[_Start, _TokenForms, _Met]] = {}
        for entity in self._entities.values():
            for name, _ in entity.names:
                self._add_pattern(entity.id, name)
            for acronym in entity.acronyms:
                self._acronyms.setdefault(acronym, []).append((entity.id, acronym))

    def _add_pattern(self, entity_id: str, name: str) -> None:
        tokens = tuple(_alias_forms(t.text) for t in tokenize(name) if not is_article(t.text))
        if not tokens:
            return
        consonants = sum(consonant_count(k) for t in tokens for k in list(t.keys)[:1])
        pattern = _Pattern(entity_id, name, tokens, consonants >= MIN_KEY_CONSONANTS)
        for form in tokens[0].forms:
            self._by_form.setdefault(form, []).append(pattern)
        if pattern.keyable:
            for key in tokens[0].keys:
                self._by_key.setdefault(key, []).append(pattern)

    # -------------------------------------------------------------- loading

    @classmethod
    def load(cls, extra_files: Sequence[Path | str] = ()) -> Gazetteer:
        """The shipped gazetteer with ``extra_files`` read on top, in order.

        Raises :class:`AliasFileError` (with ``file:line``) on a malformed file."""
        if not extra_files:
            return _shipped()
        drafts = _shipped_drafts()
        drafts = {k: _Draft(_copy(d.entity), d.source, d.line, list(d.related_lines), set(d.seen))
                  for k, d in drafts.items()}
        for path in extra_files:
            path = Path(path)
            _parse(_read_user_file(path), str(path), drafts)
        _check(drafts)
        return cls(d.entity for d in drafts.values())

    @classmethod
    def from_text(cls, text: str, source: str = "<aliases>") -> Gazetteer:
        """A gazetteer of the entities in ``text`` alone (alias-file format)."""
        drafts: dict[str, _Draft] = {}
        _parse(text, source, drafts)
        _check(drafts)
        return cls(d.entity for d in drafts.values())

    # -------------------------------------------------------------- lookups

    def __len__(self) -> int:
        return len(self._entities)

    def entities(self) -> list[Entity]:
        """All entities, in file order (copies: the gazetteer itself does not change)."""
        return [_copy(e) for e in self._entities.values()]

    def is_acronym(self, token: str) -> bool:
        """True when ``token``, as written, is one of the gazetteer's acronyms."""
        return _strip_possessive(token) in self._acronyms

    def entity(self, entity_id: str) -> Entity:
        """The entity with this id (``KeyError`` if there is none); a copy."""
        return _copy(self._entities[entity_id])

    def find(self, tokens: Sequence[str], *, any_case: bool = False) -> list[Mention]:
        """Every alias occurring in ``tokens`` (original-cased token strings, in order).

        Overlapping mentions resolve to the leftmost, then longest; an article al / el / ال
        just before a mention is included in it.  Latin words match an alias through keys
        only when capitalized, unless ``any_case`` (for typed queries: ``daish`` finds
        Daesh); acronyms always need their capitals."""
        return [Mention(start, end, entity_id, alias)
                for start, end, _, entity_id, alias in self._found(tokens, any_case)]

    def find_spans(self, tokens: Sequence[str]) -> list[tuple[int, int, str]]:
        """:meth:`find` (not ``any_case``) as ``(start, end, entity id)`` triples, without making
        :class:`Mention` objects (the index build asks this of every passage).

        The scan of :meth:`_spans` (with ``fold``) and the ranking of :func:`_leftmost_longest`,
        without the aliases: each token's one-token matches are ready in its memo entry, and
        candidates that differ only by their alias are one triple."""
        get = self._start_memo[False].get
        starts = [get(t) or self._starts(t, False) for t in tokens]
        found: list[tuple[int, int, bool, str]] = []
        forms = None
        n = len(starts)
        for i in [i for i, start in enumerate(starts) if start.live]:
            start = starts[i]
            first = i - 1 if i > 0 and _folds_into_mention(tokens[i - 1]) else i
            for entity_id, spelled in start.singles:
                found.append((first, i + 1, spelled, entity_id))
            if not start.longer:
                continue
            if forms is None:
                forms = [s.forms for s in starts]
            j = i + 1  # the token the longer patterns' second token meets (articles skipped)
            while j < n and forms[j] is None:
                j += 1
            if j == n:
                continue
            for pattern, spelled in self._second_met(start, forms[j]):  # type: ignore[arg-type]
                if len(pattern.tokens) == 2:
                    found.append((first, j + 1, spelled, pattern.entity_id))
                    continue
                end, spelled = _match_rest(pattern, forms, j + 1, spelled, 2)
                if end:
                    found.append((first, end, spelled, pattern.entity_id))
        if len(found) < 2:
            return [(first, end, entity_id) for first, end, _, entity_id in found]
        return _leftmost_longest_triples(found)

    def _second_met(self, start: _Start, token: _TokenForms) -> _Met:
        """The longer patterns of ``start`` whose second token ``token`` meets, each with whether
        both tokens met as spelled (a pure function of the two: remembered, at most
        :data:`_PAIR_CACHE` pairs)."""
        key = (id(start), id(token))
        found = self._pair_memo.get(key)
        if found is not None and found[0] is start and found[1] is token:
            return found[2]
        met: list[tuple[_Pattern, bool]] = []
        for pattern, spelled in start.longer:
            how = _meets(token, pattern.tokens[1])
            if how and (how != _KEYED or pattern.keyable):
                met.append((pattern, spelled and how == _SPELLED))
        if len(self._pair_memo) >= _PAIR_CACHE:
            self._pair_memo.clear()
        kept = tuple(met)
        self._pair_memo[key] = (start, token, kept)
        return kept

    def _found(self, tokens: Sequence[str], any_case: bool) -> list[_Span]:
        found = self._spans(tokens, any_case, fold=True)
        return _leftmost_longest(found) if len(found) > 1 else found

    def lookup(self, name: str, *, any_case: bool = True) -> list[Entity]:
        """Entities one of whose aliases is the whole of ``name`` (a name, so any case by default).

        Leading words of ``descriptors.txt`` (the, منطقة, نهر ...) are set aside when no alias
        covers them: ``the Euphrates`` and ``نهر الفرات`` are the Euphrates."""
        tokens = [t.text for t in tokenize(name)]
        content = [i for i, t in enumerate(tokens) if not is_article(t)]
        mentions = self._scan(tokens, any_case)
        while content:
            first, last = content[0], content[-1] + 1
            hits = [m for m, _ in mentions if m.start <= first and m.end >= last]
            if hits:
                return [_copy(self._entities[eid]) for eid in dict.fromkeys(m.entity_id for m in hits)]
            if len(content) < 2 or normalize_token(tokens[first]) not in tables.descriptors():
                break
            content = content[1:]
        return []

    def _scan(self, tokens: Sequence[str], any_case: bool) -> list[tuple[Mention, bool]]:
        """Every (mention, spelled) starting at each token, overlaps and all."""
        return [(Mention(start, end, entity_id, alias), spelled)
                for start, end, spelled, entity_id, alias in self._spans(tokens, any_case)]

    def _spans(self, tokens: Sequence[str], any_case: bool, fold: bool = False) -> list[_Span]:
        """:meth:`_scan` as ``(start, end, spelled, entity id, alias)``; with ``fold``, a mention
        starts at the article al / el / ال just before it."""
        get = self._start_memo[any_case].get
        starts = [get(t) or self._starts(t, any_case) for t in tokens]
        forms = None
        out: list[_Span] = []
        for i in [i for i, start in enumerate(starts) if start.acronyms or start.patterns]:
            start = starts[i]  # most words start no alias and are passed over above
            first = i - 1 if fold and i > 0 and _folds_into_mention(tokens[i - 1]) else i
            for entity_id, alias in start.acronyms:
                out.append((first, i + 1, True, entity_id, alias))
            for pattern, spelled in start.patterns:
                if len(pattern.tokens) == 1:
                    out.append((first, i + 1, spelled, pattern.entity_id, pattern.alias))
                    continue
                if forms is None:
                    forms = [s.forms for s in starts]
                end, spelled = _match_rest(pattern, forms, i + 1, spelled)
                if end:
                    out.append((first, end, spelled, pattern.entity_id, pattern.alias))
        return out

    def _starts(self, token: str, any_case: bool) -> _Start:
        """What may start at ``token`` (a pure function of the token: memoized, at most
        :data:`_START_CACHE` tokens kept): the alias patterns whose first token it meets, each
        with whether it meets it as spelled."""
        memo = self._start_memo[any_case]
        found = memo.get(token)
        if found is None:
            if len(memo) >= _START_CACHE:
                memo.clear()
            forms = _passage_forms(token, any_case)
            patterns: list[tuple[_Pattern, bool]] = []
            for pattern in self._candidates(forms) if forms is not None else ():
                how = _meets(forms, pattern.tokens[0])  # type: ignore[arg-type]
                if how and (how != _KEYED or pattern.keyable):
                    patterns.append((pattern, how == _SPELLED))
            acronyms = tuple(self._acronyms.get(_strip_possessive(token), ()))
            singles = (*((entity_id, True) for entity_id, _ in acronyms),
                       *((p.entity_id, spelled) for p, spelled in patterns if len(p.tokens) == 1))
            longer = tuple((p, spelled) for p, spelled in patterns if len(p.tokens) > 1)
            found = _Start(forms, acronyms, tuple(patterns), bool(acronyms or patterns), singles, longer)
            memo[token] = found
        return found

    def _candidates(self, token: _TokenForms) -> list[_Pattern]:
        seen: dict[int, _Pattern] = {}
        for form in token.forms | token.loose:
            for pattern in self._by_form.get(form, ()):
                seen.setdefault(id(pattern), pattern)
        for key in token.keys:
            for pattern in self._by_key.get(key, ()):
                seen.setdefault(id(pattern), pattern)
        return list(seen.values())


@dataclass(frozen=True, slots=True)
class _Start:
    """A token's forms, and the acronyms and alias patterns that may start at it (each pattern
    whose first token it meets, with whether it meets it as spelled)."""

    forms: _TokenForms | None
    acronyms: tuple[tuple[str, str], ...]
    patterns: tuple[tuple[_Pattern, bool], ...]
    #: Whether anything starts at it (acronyms or patterns).
    live: bool = False
    #: ``(entity id, spelled)`` of its acronyms and one-token patterns, and its longer patterns.
    singles: tuple[tuple[str, bool], ...] = ()
    longer: tuple[tuple[_Pattern, bool], ...] = ()


#: Alias patterns, each with whether its tokens so far met as spelled.
_Met = tuple[tuple[_Pattern, bool], ...]
#: Tokens whose :class:`_Start` one gazetteer keeps.
_START_CACHE = 1 << 18
#: Pairs of a token's start and the next token's forms whose :meth:`Gazetteer._second_met` one
#: gazetteer keeps.
_PAIR_CACHE = 1 << 16


def _match_rest(pattern: _Pattern, forms: Sequence[_TokenForms | None], i: int, spelled: bool,
                after: int = 1) -> tuple[int, bool]:
    """(end index, spelled) of the tokens of ``pattern`` after its first ``after`` matched from token
    ``i`` on (those met, ``spelled`` or not), articles skipped; (0, False) if none.

    ``spelled`` is true when every token matched by its spelling, not only by its key."""
    n_forms = len(forms)
    for wanted in pattern.tokens[after:]:
        while i < n_forms and forms[i] is None:
            i += 1
        if i >= n_forms:
            return 0, False
        how = _meets(forms[i], wanted)  # type: ignore[arg-type]
        if not how or (how == _KEYED and not pattern.keyable):
            return 0, False
        spelled = spelled and how == _SPELLED
        i += 1
    return i, spelled


#: A mention found by the scan: ``(start, end, spelled, entity id, alias)``.
_Span = tuple[int, int, bool, str, str]


def _leftmost_longest(found: list[_Span]) -> list[_Span]:
    """Leftmost, then longest, then spelled-out matches win; one span may name several entities
    (equal candidates keep the scan's order)."""
    ranked = sorted((span[0], span[0] - span[1], not span[2], span[3], n) for n, span in enumerate(found))
    out: list[_Span] = []
    taken_until, best_spelled = -1, False
    for *_, n in ranked:
        span = found[n]
        start, end, spelled, entity_id, _ = span
        if start >= taken_until:
            out.append(span)
            taken_until, best_spelled = end, spelled
        elif (start, end) == out[-1][:2] and spelled == best_spelled and entity_id != out[-1][3]:
            out.append(span)  # the same words name two entities alike: keep both
    return out


def _leftmost_longest_triples(found: list[tuple[int, int, bool, str]]) -> list[tuple[int, int, str]]:
    """:func:`_leftmost_longest` of ``(start, end, spelled, entity id)`` candidates, as ``(start, end,
    entity id)``: candidates equal in all four are alike whatever their alias, so the scan's order,
    which only told such candidates apart, is not needed."""
    out: list[tuple[int, int, str]] = []
    taken_until, best_spelled = -1, False
    for start, shorter, unspelled, entity_id in sorted([(s, s - e, not sp, eid) for s, e, sp, eid in found]):
        end = start - shorter
        if start >= taken_until:
            out.append((start, end, entity_id))
            taken_until, best_spelled = end, not unspelled
        elif (start, end) == out[-1][:2] and unspelled != best_spelled and entity_id != out[-1][2]:
            out.append((start, end, entity_id))  # the same words name two entities alike: keep both
    return out


def _copy(entity: Entity) -> Entity:
    return Entity(entity.id, entity.type, list(entity.names), list(entity.acronyms), list(entity.related))


@functools.cache
def _shipped_drafts() -> dict[str, _Draft]:
    text = tables.read_data_text(SHIPPED_FILE)
    drafts: dict[str, _Draft] = {}
    _parse(text, SHIPPED_FILE, drafts)
    _check(drafts)
    return drafts


@functools.cache
def _shipped() -> Gazetteer:
    return Gazetteer(_copy(d.entity) for d in _shipped_drafts().values())
