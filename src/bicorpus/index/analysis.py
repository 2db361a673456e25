"""The analysis chain: one text → per-field term streams.  Engine-independent.

The same chain runs over passages at index time and over query words at query
time, so a query term and an indexed term meet only if they went through the
same steps.  For every word token of the original text:

``exact``
    the word as written, casefolded (Arabic diacritics kept);
``norm``
    :func:`bicorpus.normalize.normalize_token` of the word (both scripts' rules);
``stem``
    English: the Snowball (Porter2) stem of ``norm``; Arabic: light prefix/suffix
    removal (``data/arabic_affixes.txt``).  Names are never stemmed: a word keeps
    its ``norm`` form when it lies inside a gazetteer mention, is written in
    capitals (``ISIS``), or starts with a capital letter inside a sentence
    (in a query, every capitalized word counts as a name);
``key``
    :func:`bicorpus.names.name_keys` of the word, one or more romanization keys,
    the same for every spelling and script of a name (``Nusra``, ``an-Nusrah``,
    ``النصرة``).  Only name-like words have keys: Arabic words, capitalized Latin
    words that are not common English words (``Homes``, ``Between``), and words
    inside a gazetteer mention (every word of a query), never stopwords or bare
    articles, so ``Hama`` does not meet ``home``.  Key positions
    count only the words that have keys, so ``al-Sham`` and ``الشام`` line up in phrases.
    Each key is indexed marked by how the word ends (:data:`ENDING_MARKS`: ``^nsr`` for النصرة,
    ``%~nsr`` for Nusra) and, for a Latin word, also with its vowel pattern (``%cvcvc:hms`` for
    Hamas, ``%cvcc:hms`` for Homs).  A Latin query word looks up (:func:`query_key_terms`)
    Latin words with its key *and* its vowel pattern, and Arabic words with its key whose
    ending is compatible (``names.keys.COMPATIBLE_ENDINGS``); an Arabic query word every Arabic
    word with its key and the Latin ones with a compatible ending.  So two Latin spellings that both
    write their vowels and put them in different places are different names (``Nasser`` /
    ``Nusra``, ``Hamas`` / ``Homs``, ``Iraq`` / ``Iraqi``), ``Nasser`` is not ``النصرة`` and
    ``Nusra`` not ``الناصر``, while Arabic, which omits short vowels, still meets the Latin
    spellings of its key;
``name``
    one term per form of each multi-word gazetteer mention (``Hay'at Tahrir al-Sham``):
    its exact words joined, its normalized words joined, and its keys joined (every
    combination of the words' alternative keys), so a multi-word name the gazetteer knows
    is found by single-term lookups instead of phrase matching;
``ent``
    the ids of the gazetteer entities mentioned in the text (``Daesh`` → ``isis``).
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import snowballstemmer

from ..names.keys import ARABIC_BASE_ENDINGS, COMPATIBLE_ENDINGS, NISBA_ENDING, consonant_count
from ..names.ordinary import word_forms as ordinary_forms
from ..normalize import normalize_token, tokenize
from ..normalize.script import is_arabic
from ..normalize.tokenize import TOKEN_RE, Token

#: Bumped whenever a rule here changes the terms a text gives (indexes record it).
ANALYSIS_VERSION = 4

#: Fields the analysis produces: word forms (exact, normalized, stem tiers), name keys, entities.
ANALYZED_FIELDS: tuple[str, ...] = ("form", "key", "name", "ent")

#: Joins the words of a multi-word name into one ``name`` term (tokens never hold ``_``).
NAME_JOINER = "_"
#: Most key combinations one multi-word name indexes.
MAX_NAME_KEYS = 16

#: The ``form`` field holds a word's exact, normalized and stemmed forms in as few terms as
#: possible: one unprefixed term when all three agree (most words), otherwise one term per
#: distinct form, its prefix telling which tiers it stands for.  Every tier of every word is
#: covered by exactly one term.
FORM_CLASSES: tuple[tuple[str, frozenset[str]], ...] = (
    ("", frozenset({"exact", "normalized", "stem"})),
    ("+", frozenset({"exact", "normalized"})),
    ("=", frozenset({"exact"})),
    ("*", frozenset({"normalized", "stem"})),
    ("~", frozenset({"normalized"})),
    (">", frozenset({"stem"})),
)

#: Characters that end a sentence: a capitalized word after one of them may be an ordinary word.
_SENTENCE_BREAK_RE = re.compile(r"[.!?\n•:;]")
_CAPITALS_RE = re.compile(r"^[A-Z][A-Z0-9]+$")

#: Prefix of a ``key`` term by how its word ends (:func:`bicorpus.names.keys.word_ending`); words
#: whose ending is not comparable index their plain keys.
ENDING_MARKS: dict[str, str] = {
    "ar-consonant": "!", "ar-heh": "^", "ar-vowel": "~", NISBA_ENDING: "`",
    "la-consonant": "%", "la-vowel": "%~", "la-open": "%^", "la-nisba": "%`",
}
#: Marks the ``key`` terms of a Latin word with its vowel pattern (``%cvcvc:hms``).
LATIN_KEY_MARK = "%"
_ARABIC_ENDINGS = (*ARABIC_BASE_ENDINGS, NISBA_ENDING)
_ALL_ENDINGS = tuple(ENDING_MARKS)

#: Size of the per-word memo (word forms are pure functions of the word).
_WORD_CACHE = 262_144
#: Passage texts whose analysis :func:`index_analysis` remembers (repeated passages are common in
#: scraped pages: boilerplate, datelines, header bullets).
_PASSAGE_CACHE = 8192


def _remember(memo: dict[Any, Any], key: Hashable, value: Any, limit: int = _WORD_CACHE) -> Any:
    """Keeps ``value`` in ``memo`` under ``key`` and returns it; the memo is emptied when it holds
    ``limit`` entries, so it never grows without bound."""
    if len(memo) >= limit:
        memo.clear()
    memo[key] = value
    return value


@dataclass(frozen=True, slots=True)
class Mention:
    """A gazetteer entity found over token indexes ``start`` … ``end - 1``."""

    start: int
    end: int
    entity: str


@dataclass(frozen=True)
class NameModel:
    """What the analysis needs from :mod:`bicorpus.names`: keys of one word, mentions in a token
    list, whether a word is a bare article, a word's romanization, and the key version."""

    keys: Callable[[str], tuple[str, ...]]
    find: Callable[[Sequence[str]], Sequence[Any]]
    is_article: Callable[[str], bool]
    key_version: int
    romanize: Callable[[str], str] = str.casefold
    #: English words never taken for a name even when capitalized (``Homes``, ``Between``).
    is_common_word: Callable[[str], bool] = lambda word: False
    #: Where a Latin word writes its vowels (``Hamas`` cvcvc); ``""`` when not comparable.
    vowel_pattern: Callable[[str], str] = lambda word: ""
    #: How a word ends (a key of :data:`ENDING_MARKS`; ``""``: not comparable).
    ending: Callable[[str], str] = lambda word: ""
    #: What the gazetteer was built from: ``(file, sha256)`` of each user alias file read on top
    #: of the shipped one (indexes record it).
    alias_files: tuple[tuple[str, str], ...] = ()
    #: A word's Zipf frequency when it is an ordinary word for a key of that many consonants, else 0
    #: (:func:`bicorpus.names.ordinary.ordinariness`).
    ordinariness: Callable[[str, int], float] = lambda word, consonants: 0.0
    #: Normalized words of the gazetteer's names: never ordinary words.
    name_words: frozenset[str] = frozenset()
    #: Whether a word is an acronym (capitals without vowels, or a gazetteer acronym): acronyms are
    #: spelled, not sounded, and have no keys.
    is_acronym: Callable[[str], bool] = lambda word: False
    #: Normalized words that announce a name before it (محافظة, city) and after it (province).
    cues: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
    #: ``find`` as ``(start, end, entity id)`` triples, without mention objects (optional: the
    #: index build's faster path; :meth:`spans` falls back on ``find``).
    find_spans: Callable[[Sequence[str]], Sequence[tuple[int, int, str]]] | None = None
    #: Memo of :meth:`word` (a word's analysis apart from its context is a pure function of it).
    _memo: dict[str, WordInfo] = field(default_factory=dict, init=False, repr=False, compare=False)
    #: Memo of :func:`spelling`.
    _spellings: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)
    #: Memo of the ``name`` terms of a multi-word mention, by its words (inside a mention every word
    #: with keys is keyed, so its terms depend on its words alone).
    _mention_terms: dict[tuple[str, ...], tuple[str, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False)
    #: Memo of :func:`index_analysis`, by passage text.
    _passages: dict[str, tuple[dict[str, list[tuple[str, ...]]], str]] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    def word(self, word: str) -> WordInfo:
        """:func:`word_info` of ``word``, memoized (at most :data:`_WORD_CACHE` words kept)."""
        info = self._memo.get(word)
        if info is None:
            info = _remember(self._memo, word, word_info(word, self))
        return info

    def mentions(self, words: Sequence[str]) -> tuple[Mention, ...]:
        return tuple(Mention(start, end, entity) for start, end, entity in self.spans(words))

    def spans(self, words: Sequence[str]) -> Sequence[tuple[int, int, str]]:
        """The gazetteer mentions in ``words`` as ``(start, end, entity id)`` (read them, never change
        them)."""
        if self.find_spans is not None:
            return self.find_spans(words)  # entity ids are strings already
        return [(m.start, m.end, str(m.entity_id)) for m in self.find(words)]


@functools.cache
def default_names() -> NameModel:
    """The name model built from the bundled gazetteer (loaded once per process)."""
    return names_with_aliases(())


@functools.cache
def _word_functions() -> tuple[Callable[..., Any], ...]:
    from ..names import name_keys, romanize
    from ..names.keys import is_common_word, vowel_pattern, word_ending
    from ..names.ordinary import ordinariness

    cached = functools.partial(functools.lru_cache, maxsize=_WORD_CACHE)
    return (cached()(name_keys), cached()(romanize), cached()(is_common_word), cached()(vowel_pattern),
            word_ending, cached()(ordinariness))


_VOWELS_RE = re.compile(r"[AEIOU]")


def _acronym_test(gazetteer: Any) -> Callable[[str], bool]:
    def is_acronym(word: str) -> bool:
        return bool(_CAPITALS_RE.match(word)) and (not _VOWELS_RE.search(word) or gazetteer.is_acronym(word))

    return is_acronym


def _name_words(gazetteer: Any, gazetteer_article: Callable[[str], bool]) -> frozenset[str]:
    """Normalized one-word names of the gazetteer, with and without an attached article (a word of a
    longer name, دير of دير الزور, is not a name by itself: it is keyed inside that name's mentions)."""
    from ..names.keys import split_arabic_article

    out: set[str] = set()
    for entity in gazetteer.entities():
        for alias in entity.all_aliases():
            words = [t.text for t in tokenize(alias)]
            words = [w for w in words if not gazetteer_article(w)]
            if len(words) == 1:
                norm = normalize_token(words[0])
                out.update((norm, split_arabic_article(norm)[1]))
    return frozenset(out - stopwords())


def names_with_aliases(alias_files: Sequence[tuple[str, str]]) -> NameModel:
    """The name model of the bundled gazetteer with the user alias files ``(path, sha256)`` read on
    top, in order (raises :class:`bicorpus.errors.AliasFileError` for a bad file)."""
    from ..names import KEY_VERSION, Gazetteer, is_article
    from ..names.ordinary import load_tables, name_cues

    gazetteer = Gazetteer.load([path for path, _ in alias_files])
    load_tables()  # before a build forks its workers, so that they share them
    keys, romanize, is_common_word, vowel_pattern, ending, ordinariness = _word_functions()
    return NameModel(keys=keys, find=gazetteer.find, find_spans=gazetteer.find_spans, is_article=is_article,
                     key_version=int(KEY_VERSION),
                     romanize=romanize, is_common_word=is_common_word, vowel_pattern=vowel_pattern,
                     ending=ending, alias_files=tuple((str(p), h) for p, h in alias_files),
                     ordinariness=ordinariness, name_words=_name_words(gazetteer, is_article),
                     is_acronym=_acronym_test(gazetteer), cues=name_cues())


def default_key_version() -> int:
    """Version of the name keys :func:`default_names` produces (cheap: no gazetteer load)."""
    from ..names import KEY_VERSION

    return int(KEY_VERSION)


def _data_lines(name: str) -> list[str]:
    text = resources.files(__package__).joinpath("data", name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@functools.cache
def stopwords() -> frozenset[str]:
    """Normalized stopwords of both scripts (``data/stopwords.txt``)."""
    return frozenset(normalize_token(word) for word in _data_lines("stopwords.txt"))


@functools.cache
def _arabic_affixes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    prefixes: list[str] = []
    suffixes: list[str] = []
    for line in _data_lines("arabic_affixes.txt"):
        kind, _, affix = line.partition(" ")
        (prefixes if kind == "prefix" else suffixes).append(normalize_token(affix))
    by_length = functools.partial(sorted, key=len, reverse=True)
    return tuple(by_length(prefixes)), tuple(by_length(suffixes))


#: Letters that must remain after an Arabic affix is removed.
_AR_MIN_STEM = 3


def light_stem_ar(word: str) -> str:
    """Arabic light stem of a normalized word: one listed prefix and one listed suffix removed."""
    prefixes, suffixes = _arabic_affixes()
    for prefix in prefixes:
        if word.startswith(prefix) and len(word) - len(prefix) >= _AR_MIN_STEM:
            word = word[len(prefix):]
            break
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= _AR_MIN_STEM:
            word = word[: -len(suffix)]
            break
    return word


@functools.cache
def _english_stemmer() -> Any:
    return snowballstemmer.stemmer("english")


@dataclass(frozen=True, slots=True)
class WordForms:
    """The context-free forms of one word."""

    exact: str
    norm: str
    stemmed: str
    arabic: bool
    capitalized: bool
    capitals: bool


@functools.lru_cache(maxsize=_WORD_CACHE)
def word_forms(word: str) -> WordForms:
    """Exact, normalized and stemmed forms of one word (memoized: pure function of the word)."""
    norm = normalize_token(word)
    arabic = is_arabic(word)
    if arabic:
        stemmed = light_stem_ar(norm)
    else:
        stemmed = _english_stemmer().stemWord(norm) if norm.isalpha() else norm
    return WordForms(exact=word.casefold(), norm=norm, stemmed=stemmed or norm, arabic=arabic,
                     capitalized=word[:1].isupper(), capitals=bool(_CAPITALS_RE.match(word)))


def form_terms(exact: str, norm: str, stem: str) -> tuple[str, ...]:
    """The ``form`` terms one word indexes (see :data:`FORM_CLASSES`)."""
    if exact == norm == stem:
        return (exact,)
    if exact == norm:
        return ("+" + exact, ">" + stem)
    if norm == stem:
        return ("=" + exact, "*" + norm)
    return ("=" + exact, "~" + norm, ">" + stem)


def form_alternatives(exact: str, norm: str, stem: str, tiers: frozenset[str] | set[str]) -> tuple[str, ...]:
    """The ``form`` terms any of which means a word matches at one of ``tiers``."""
    value = {"exact": exact, "normalized": norm, "stem": stem}
    out: list[str] = []
    for prefix, covers in FORM_CLASSES:
        for tier in ("exact", "normalized", "stem"):
            if tier in tiers and tier in covers and (term := prefix + value[tier]) not in out:
                out.append(term)
    return tuple(out)


_NON_LETTERS_RE = re.compile(r"[^a-z0-9]+")


def spelling(text: str, names: NameModel) -> str:
    """A name's spelling for comparing transliterations: romanized, articles and marks dropped
    (memoized per name model)."""
    found = names._spellings.get(text)
    if found is None:
        found = _remember(names._spellings, text, _spelling(text, names))
    return found


def _spelling(text: str, names: NameModel) -> str:
    out = []
    for token in tokenize(text):
        for part in names.romanize(token.text).split("-"):
            if part and not names.is_article(part):
                out.append(_NON_LETTERS_RE.sub("", part.casefold()))
    return " ".join(p for p in out if p)


def key_mark(word: str, arabic: bool, names: NameModel) -> str:
    """``ending`` of an Arabic word, ``ending/pattern`` of a Latin one (``la-consonant/cvcvc`` for
    Hamas); ``""`` when neither can be compared."""
    ending = names.ending(word)
    if arabic or ending not in ENDING_MARKS:
        return ending if ending in ENDING_MARKS else ""
    pattern = names.vowel_pattern(word)
    return f"{ending}/{pattern}" if pattern else ending


def _split_mark(mark: str) -> tuple[str, str]:
    ending, _, pattern = mark.partition("/")
    return ending, pattern


def indexed_key_terms(keys: tuple[str, ...], mark: str) -> tuple[str, ...]:
    """The ``key`` terms a word indexes: its keys marked by its ending (:data:`ENDING_MARKS`) and, for
    a Latin word, with its vowel pattern (``%cvcvc:hms``); plain keys when not comparable."""
    ending, pattern = _split_mark(mark)
    if not keys or ending not in ENDING_MARKS:
        return keys
    marked = tuple(ENDING_MARKS[ending] + k for k in keys)
    return (*marked, *(f"{LATIN_KEY_MARK}{pattern}:{k}" for k in keys)) if pattern else marked


def query_key_terms(keys: tuple[str, ...], mark: str, derived: bool = False) -> tuple[str, ...]:
    """The ``key`` terms a query word looks up: words of its own script with its key (Latin ones only
    with its vowel pattern too), words of the other script with its key and a compatible ending
    (:data:`bicorpus.names.keys.COMPATIBLE_ENDINGS`), and words whose ending is not comparable.

    A name and its nisba adjective (العراق / العراقي, Golan / الجولاني, Iraq / Iraqi) are different
    words unless ``derived``: then each also looks up the other."""
    if not keys:
        return keys
    ending, pattern = _split_mark(mark)
    if ending not in ENDING_MARKS:
        endings = _ALL_ENDINGS
    elif ending.startswith("ar-"):
        if derived:
            own = _ARABIC_ENDINGS
        else:
            own = (NISBA_ENDING,) if ending == NISBA_ENDING else ARABIC_BASE_ENDINGS
        endings = (*own, *COMPATIBLE_ENDINGS[ending])
    else:
        endings = COMPATIBLE_ENDINGS[ending] if pattern else (*COMPATIBLE_ENDINGS[ending], ending)
        if derived:
            endings = (*endings, NISBA_ENDING)
    prefixes = dict.fromkeys(ENDING_MARKS[e] for e in endings)
    if "" not in prefixes:
        prefixes[""] = None  # words whose ending is not comparable
    patterns = (pattern, pattern + "v") if derived and pattern else (pattern,) if pattern else ()
    same_vowels = tuple(f"{LATIN_KEY_MARK}{p}:{k}" for p in patterns for k in keys)
    return (*(p + k for p in prefixes for k in keys), *same_vowels)


def name_terms(exact: Sequence[str], norm: Sequence[str], keys: Sequence[tuple[str, ...]]) -> tuple[str, ...]:
    """The ``name`` terms of one multi-word name: ``=`` exact words, ``~`` normalized words (one
    unprefixed term when both agree), ``#`` each combination of the words' keys."""
    exact_join, norm_join = NAME_JOINER.join(exact), NAME_JOINER.join(norm)
    out = [exact_join] if exact_join == norm_join else ["=" + exact_join, "~" + norm_join]
    return (*out, *("#" + k for k in name_key_joins(keys)))


def name_key_joins(keys: Sequence[tuple[str, ...]]) -> tuple[str, ...]:
    """Every combination (at most :data:`MAX_NAME_KEYS`) of the keys of a name's keyed words."""
    keyed = [k for k in keys if k]
    if not keyed:
        return ()
    return tuple(NAME_JOINER.join(c) for c in itertools.islice(itertools.product(*keyed), MAX_NAME_KEYS))


@dataclass(frozen=True, slots=True)
class WordInfo:
    """Everything the chain knows of one word apart from its context (memoized per name model)."""

    forms: WordForms
    #: Its normalized form is a stopword.
    stop: bool
    #: A common English word, never taken for a name even when capitalized.
    common: bool
    #: Its Zipf frequency when it is an ordinary word (frequent, and not a known name), else 0.0:
    #: keyed only where the context announces a name (محافظة درعا, the city of X).
    ordinary: float
    #: Its keys (``()`` for a stopword) and how they are marked (:func:`key_mark`).
    keys: tuple[str, ...]
    mark: str
    #: The ``key`` terms it indexes when it is keyed (:func:`indexed_key_terms`).
    key_terms: tuple[str, ...]
    #: Its ``form`` terms as an ordinary (stemmed) word and as a name (not stemmed).
    plain_terms: tuple[str, ...]
    name_terms: tuple[str, ...]
    #: The context rules' verdicts that need no context: a name whatever its place (all
    #: capitals), a name unless it opens a sentence (a capitalized Latin word), keyed wherever
    #: it stands (an Arabic word, or a capitalized uncommon one, that has keys).
    named_anywhere: bool
    named_mid_sentence: bool
    keyed_anywhere: bool
    #: Keyed where the context announces a name (an ordinary word that would otherwise be keyed).
    keyed_in_context: bool
    #: It announces a name: ``1`` before it (محافظة, city), ``2`` after it (province), ``0`` neither.
    cue: int
    #: Every form and ``key`` term the word can match a query word by: a word whose probe
    #: misses all of a query word's forms and keys cannot match it.
    probe: frozenset[str]
    #: In a passage, the context may change its verdicts (a name unless it opens a sentence, or
    #: keyed where the context announces a name): the other words skip the context rules.
    contextual: bool = False
    #: Its ``form`` terms by the verdicts that need no context (``name_terms`` when named anywhere,
    #: else ``plain_terms``): what a passage indexes for it outside names and context rules.
    free_terms: tuple[str, ...] = ()
    #: The context rules that may change its verdicts: named unless it opens a sentence (and not
    #: named anywhere), keyed where a cue announces a name (and not keyed anywhere).
    named_if_mid: bool = False
    keyed_if_announced: bool = False


_NISBA_ENDINGS = (NISBA_ENDING, "la-nisba")


def _nisba_of_name(norm: str, name_words: frozenset[str]) -> bool:
    """Whether a nisba-shaped word is the adjective of a known name (العراقي, العراقية, *Iraqi* of
    العراق, *Iraq*): a
    derived form of a name, kept apart from it by its ending rather than taken for an ordinary word."""
    stem = norm[:-2] if norm.endswith(("يه", "iya")) else norm[:-1]
    return stem in name_words or stem.removeprefix("ال") in name_words


def word_info(word: str, names: NameModel) -> WordInfo:
    """The context-free analysis of one word (use :meth:`NameModel.word`, which memoizes it)."""
    f = word_forms(word)
    stop = f.norm in stopwords()
    keys = () if stop or names.is_acronym(word) else tuple(names.keys(word))
    mark = key_mark(word, f.arabic, names) if keys else ""
    common = bool(names.is_common_word(word))
    key_terms = indexed_key_terms(keys, mark)
    ordinary = 0.0
    if keys and names.name_words.isdisjoint(ordinary_forms(word)) and not (
            mark.partition("/")[0] in _NISBA_ENDINGS and _nisba_of_name(f.norm, names.name_words)):
        ordinary = names.ordinariness(word, min(map(consonant_count, keys)))
    name_like = bool(keys) and (f.arabic or (f.capitalized and not common))
    named_anywhere, named_mid_sentence = f.capitals, not f.arabic and f.capitalized
    keyed_anywhere, keyed_in_context = name_like and not ordinary, name_like and bool(ordinary)
    plain_terms, name_terms = form_terms(f.exact, f.norm, f.stemmed), form_terms(f.exact, f.norm, f.norm)
    return WordInfo(forms=f, stop=stop, common=common, ordinary=ordinary, keys=keys, mark=mark,
                    key_terms=key_terms,
                    plain_terms=plain_terms,
                    name_terms=name_terms,
                    named_anywhere=named_anywhere,
                    named_mid_sentence=named_mid_sentence,
                    keyed_anywhere=keyed_anywhere,
                    keyed_in_context=keyed_in_context,
                    cue=(f.norm in names.cues[0]) | (f.norm in names.cues[1]) << 1,
                    probe=frozenset((f.exact, f.norm, f.stemmed, *key_terms)),
                    contextual=((named_mid_sentence and not named_anywhere)
                                or (keyed_in_context and not keyed_anywhere)),
                    free_terms=name_terms if named_anywhere else plain_terms,
                    named_if_mid=named_mid_sentence and not named_anywhere,
                    keyed_if_announced=keyed_in_context and not keyed_anywhere)


#: A word token in a capture group: ``split`` gives gaps and words alternately, without match objects.
_SPLIT_RE = re.compile(f"({TOKEN_RE.pattern})")


def _announced(infos: Sequence[WordInfo], gaps: Sequence[str], i: int) -> bool:
    """Whether the words around word ``i`` announce a name: محافظة / مدينة before it, *city of*
    before it, *province* after it (nothing but spaces or an article's hyphen between)."""
    if i > 0 and gaps[i].strip() in ("", "-"):
        prev = infos[i - 1]
        if prev.cue & 1 or (prev.forms.norm == "of" and i > 1 and infos[i - 2].cue & 1):
            return True
    return i + 1 < len(infos) and bool(infos[i + 1].cue & 2) and gaps[i + 1].strip() == ""


def _breaks_sentence(gap: str) -> bool:
    return gap != " " and _SENTENCE_BREAK_RE.search(gap) is not None


@dataclass(frozen=True, slots=True)
class _Words:
    """One text read word by word: the words, the text before each, their context-free analysis,
    which are names (never stemmed) and which are keyed, and the gazetteer mentions."""

    #: The text split into gaps and words, alternately (a gap first and last).
    parts: list[str]
    words: list[str]
    gaps: list[str]
    infos: list[WordInfo]
    named: list[bool]
    keyed: list[bool]
    mentions: tuple[Mention, ...]
    names: NameModel

    def keys(self, i: int) -> tuple[str, ...]:
        return self.infos[i].keys if self.keyed[i] else ()

    def mention_terms(self, m: Mention) -> tuple[str, ...]:
        """The ``name`` terms of a multi-word mention (memoized by its words)."""
        return _mention_terms(self.names, self.words, self.infos, m.start, m.end)

    def field_terms(self) -> dict[str, list[tuple[str, ...]]]:
        infos, keyed = self.infos, self.keyed
        return {
            "form": [i.name_terms if n else i.plain_terms for i, n in zip(infos, self.named, strict=True)],
            "key": [i.key_terms for i, k in zip(infos, keyed, strict=True) if k],
            "name": [self.mention_terms(m) for m in self.mentions if m.end - m.start > 1],
            "ent": [(m.entity,) for m in self.mentions],
        }


def _mention_terms(names: NameModel, words: Sequence[str], infos: Sequence[WordInfo], start: int, end: int
                   ) -> tuple[str, ...]:
    """The ``name`` terms of the multi-word mention over ``words[start:end]`` (memoized by its words;
    inside a mention every word with keys is keyed, so its terms depend on its words alone)."""
    key = tuple(words[start:end])
    memo = names._mention_terms
    found = memo.get(key)
    if found is None:
        inside = infos[start:end]
        found = _remember(memo, key, name_terms(tuple(i.forms.exact for i in inside),
                                                tuple(i.forms.norm for i in inside),
                                                tuple(i.keys for i in inside)))
    return found


def _verdicts(infos: Sequence[WordInfo], gaps: Sequence[str], mentions: Iterable[Sequence[Any]], query: bool
              ) -> tuple[list[bool], list[bool]]:
    """Which words are names (never stemmed) and which are keyed, in their context (``mentions``:
    the gazetteer mentions as ``(start, end, ...)``)."""
    named = [info.named_anywhere for info in infos]
    keyed = [info.keyed_anywhere for info in infos]
    if query:
        for i, info in enumerate(infos):
            if info.named_mid_sentence and not named[i]:
                named[i] = True
            if not keyed[i]:
                keyed[i] = bool(info.keys)
    else:
        for i in [i for i, info in enumerate(infos) if info.contextual]:  # verdicts that need the context
            info = infos[i]
            if info.named_mid_sentence and not named[i]:
                named[i] = i > 0 and not _breaks_sentence(gaps[i])
            if info.keyed_in_context and not keyed[i]:
                keyed[i] = _announced(infos, gaps, i)
    for start, end, *_ in mentions:  # inside a gazetteer name: a name, keyed when it has keys
        for j in range(start, end):
            named[j] = True
            keyed[j] = bool(infos[j].keys)
    return named, keyed


def _read(text: str, names: NameModel, query: bool, mentions: Sequence[Mention] | None = None) -> _Words:
    """The chain's decisions over ``text``: one memoized lookup per word, then the context rules
    (``mentions``: the gazetteer mentions when already known, as :func:`index_analysis` records them)."""
    parts = _SPLIT_RE.split(text)
    words, gaps = parts[1::2], parts[0::2]
    if mentions is None or any(not 0 <= m.start < m.end <= len(words) for m in mentions):
        mentions = names.mentions(words) if words else ()
    known, word = names._memo.get, names.word
    infos = [known(w) or word(w) for w in words]
    named, keyed = _verdicts(infos, gaps, ((m.start, m.end) for m in mentions), query)
    return _Words(parts, words, gaps, infos, named, keyed, tuple(mentions), names)


def _index_terms(text: str, names: NameModel) -> tuple[dict[str, list[tuple[str, ...]]], str]:
    """:func:`index_analysis` worked out: ``_read(text, names, False)``'s field terms and encoded
    mentions, with the mentions kept as plain ``(start, end, entity)`` triples.  The verdicts of
    :func:`_verdicts` are applied to the terms directly: each word starts with its context-free
    terms, and only the words the context rules or a mention can change are looked at again."""
    parts = _SPLIT_RE.split(text)
    words = parts[1::2]
    if not words:
        return {"form": [], "key": [], "name": [], "ent": []}, ""
    known, word = names._memo.get, names.word
    infos = [known(w) or word(w) for w in words]
    spans = names.spans(words)
    form = list(map(_FREE_TERMS, infos))
    keyed = list(map(_KEYED_ANYWHERE, infos))
    # Verdicts that need the context (as in _verdicts), each rule over the words it can change
    # only: a capitalized word is a name unless it opens a sentence (the text before word i is
    # parts[2 * i])...
    for i in itertools.compress(itertools.count(), map(_NAMED_IF_MID, infos)):
        if i and ((gap := parts[2 * i]) == " " or _SENTENCE_BREAK_RE.search(gap) is None):
            form[i] = infos[i].name_terms
    if any(map(_CUE, infos)):  # ... and without a cue word, no word is announced as a name
        gaps = parts[0::2]
        for i in itertools.compress(itertools.count(), map(_KEYED_IF_ANNOUNCED, infos)):
            keyed[i] = _announced(infos, gaps, i)
    names_terms: list[tuple[str, ...]] = []
    for start, end, _ in spans:  # inside a gazetteer name: a name, keyed when it has keys
        for j in range(start, end):
            info = infos[j]
            form[j] = info.name_terms
            keyed[j] = bool(info.keys)
        if end - start > 1:
            names_terms.append(_mention_terms(names, words, infos, start, end))
    terms = {
        "form": form,
        "key": [i.key_terms for i in itertools.compress(infos, keyed)],
        "name": names_terms,
        "ent": [(entity,) for _, _, entity in spans],
    }
    return terms, " ".join([f"{start}:{end}:{entity}" for start, end, entity in spans]) if spans else ""


def shared_position_terms(words: Iterable[str], names: NameModel | None = None) -> set[str]:
    """Every ``form`` and ``key`` term that one of ``words`` may index beside another at one position
    (a word's alternative forms, its keys' variants): what an engine that splits such positions from
    text needs to know beforehand.  Each distinct word is analysed once (and stays memoized)."""
    names = names or default_names()
    known, word = names._memo.get, names.word
    out: set[str] = set()
    for w in set(words):
        info = known(w) or word(w)
        for slot in (info.plain_terms, info.name_terms, info.key_terms):
            if len(slot) > 1:
                out.update(slot)
    return out


#: JSON escapes that would glue a letter to the word after them in a raw corpus row.
_ROW_ESCAPES = ("\\n", "\\t", "\\r")
#: How a corpus row writes its passage text, and what follows the text.
_ROW_TEXT, _ROW_NEXT = b'"text": "', b'", "'


def row_words(blocks: Iterable[bytes]) -> set[str]:
    """The words of the passage texts of raw corpus rows (JSON lines, in blocks of whole lines),
    read without parsing the rows (a block whose rows are written otherwise: the words of all its
    values).  For foreseeing terms only: a word written with an unusual escape may be missed."""
    out: set[str] = set()
    findall = TOKEN_RE.findall
    for block in blocks:
        parts = block.split(_ROW_TEXT)
        if len(parts) - 1 == block.count(b"\n") + (not block.endswith(b"\n")):
            block = b" ".join([part.partition(_ROW_NEXT)[0] for part in parts[1:]])
        text = block.decode("utf-8", "replace")
        for escape in _ROW_ESCAPES:
            if escape in text:
                text = text.replace(escape, " ")
        for piece in set(text.split()):
            out.update(findall(piece))
    return out


_FREE_TERMS = operator.attrgetter("free_terms")
_KEYED_ANYWHERE = operator.attrgetter("keyed_anywhere")
_NAMED_IF_MID = operator.attrgetter("named_if_mid")
_KEYED_IF_ANNOUNCED = operator.attrgetter("keyed_if_announced")
_CUE = operator.attrgetter("cue")


def encode_mentions(mentions: Sequence[Mention]) -> str:
    """Mentions as one stored string: ``start:end:entity`` separated by spaces (entity ids hold
    neither)."""
    return " ".join(f"{m.start}:{m.end}:{m.entity}" for m in mentions)


def decode_mentions(value: str) -> tuple[Mention, ...]:
    """The mentions :func:`encode_mentions` wrote (raises ``ValueError`` on anything else)."""
    out = []
    for item in value.split():
        start, end, entity = item.split(":", 2)
        out.append(Mention(int(start), int(end), entity))
    return tuple(out)


def index_analysis(text: str, names: NameModel | None = None) -> tuple[dict[str, list[tuple[str, ...]]], str]:
    """What an engine stores for a passage: ``{field: [terms at position 0, terms at position 1, ...]}``
    (the same as ``analyze(text, names).field_terms()``, without building tokens) and its gazetteer
    mentions (:func:`encode_mentions`), so that explaining a hit need not scan the gazetteer again.

    A text met again (a site's boilerplate, a dateline, a header bullet repeated across pages) gets
    the very objects it got before (at most :data:`_PASSAGE_CACHE` texts are remembered): read them,
    never change them."""
    names = names or default_names()
    found = names._passages.get(text)
    if found is None:
        found = _remember(names._passages, text, _index_terms(text, names), _PASSAGE_CACHE)
    return found


class Analysis:
    """A text analysed: its tokens and, per token, the form each field indexes (each computed when
    first asked for: explaining a hit needs only some of them)."""

    def __init__(self, text: str, words: _Words) -> None:
        self.text = text
        self._words = words
        self.mentions: tuple[Mention, ...] = words.mentions

    @functools.cached_property
    def _ends(self) -> list[int]:
        """Where each token ends in ``text``."""
        return list(itertools.accumulate(map(len, self._words.parts)))[1::2]

    @functools.cached_property
    def tokens(self) -> tuple[Token, ...]:
        return tuple(Token(word, end - len(word), end) for word, end in zip(self._words.words, self._ends,
                                                                             strict=True))

    def char_span(self, first: int, last: int) -> tuple[int, int]:
        """Where tokens ``first`` to ``last`` (inclusive) stand in ``text``: ``(start, end)``."""
        return self._ends[first] - len(self._words.words[first]), self._ends[last]

    @functools.cached_property
    def exact(self) -> tuple[str, ...]:
        return tuple(i.forms.exact for i in self._words.infos)

    @functools.cached_property
    def norm(self) -> tuple[str, ...]:
        return tuple(i.forms.norm for i in self._words.infos)

    @functools.cached_property
    def stem(self) -> tuple[str, ...]:
        w = self._words
        return tuple(i.forms.norm if n else i.forms.stemmed for i, n in zip(w.infos, w.named, strict=True))

    @functools.cached_property
    def keys(self) -> tuple[tuple[str, ...], ...]:
        return tuple(map(self._words.keys, range(len(self._words.infos))))

    @functools.cached_property
    def key_marks(self) -> tuple[str, ...]:
        """Per token, how its keys are marked (:func:`key_mark`: ending, and vowel pattern for Latin)."""
        w = self._words
        return tuple(i.mark if k else "" for i, k in zip(w.infos, w.keyed, strict=True))

    @functools.cached_property
    def _probes(self) -> list[frozenset[str]]:
        return [info.probe for info in self._words.infos]

    def meeting(self, terms: set[str] | frozenset[str]) -> list[int]:
        """Tokens that may match a query word looking for any of ``terms`` (its forms and ``key``
        terms): every token that can match it is among them (a superset; check each)."""
        misses = map(frozenset(terms).isdisjoint, self._probes)
        return list(itertools.compress(itertools.count(), map(operator.not_, misses)))

    def forms_at(self, i: int) -> tuple[str, str, str]:
        """Token ``i``'s exact, normalized and stem-tier forms (a name's stem-tier form is its
        normalized form: names are never stemmed)."""
        w = self._words
        f = w.infos[i].forms
        return f.exact, f.norm, f.norm if w.named[i] else f.stemmed

    def keyed(self, i: int) -> bool:
        """Whether token ``i`` indexes ``key`` terms."""
        return self._words.keyed[i]

    def ordinary(self, i: int) -> float:
        """Token ``i``'s Zipf frequency when it is an ordinary word (see :class:`WordInfo`), else 0."""
        return self._words.infos[i].ordinary

    def indexed_keys(self, i: int) -> tuple[str, ...]:
        """The ``key`` terms token ``i`` indexes."""
        return self._words.infos[i].key_terms if self._words.keyed[i] else ()

    def query_keys(self, i: int, derived: bool = False) -> tuple[str, ...]:
        """The ``key`` terms token ``i``, as a query word, looks up (``derived``: nisba forms too)."""
        return query_key_terms(self.keys[i], self.key_marks[i], derived)

    def __len__(self) -> int:
        return len(self._words.words)

    def key_slots(self) -> tuple[int, ...]:
        """Key position of each token (``-1`` for tokens without keys)."""
        slots, pos = [], 0
        for keys in self.keys:
            if keys:
                slots.append(pos)
                pos += 1
            else:
                slots.append(-1)
        return tuple(slots)

    def field_terms(self) -> dict[str, list[tuple[str, ...]]]:
        """``{field: [terms at position 0, terms at position 1, ...]}``: what an engine indexes."""
        return self._words.field_terms()


def analyze(text: str, names: NameModel | None = None, *, query: bool = False,
            mentions: Sequence[Mention] | None = None) -> Analysis:
    """Run the chain over ``text`` (a passage, or query words when ``query`` is true); ``mentions``:
    its gazetteer mentions when already known (as :func:`index_analysis` stored them)."""
    return Analysis(text, _read(text, names or default_names(), query, mentions))
