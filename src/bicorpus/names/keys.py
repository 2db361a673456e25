"""Match keys: one spelling-neutral string per name token, shared by Latin and Arabic script.

A key is built in three stages:

1. **Script stage.**  Arabic letters map to key symbols through ``arabic_letters.tsv``
   (semivowels و ي are consonants at the start of a word, vowel slots elsewhere; ة and a
   final ه are vowel slots).  Latin tokens are rewritten by the ordered rules of
   ``latin_rules.tsv`` (sh → C, kh → X, q/k/c → K, v → F, p → B, vowels → V ...).
2. **Collapse.**  Runs of one symbol become one (Raqqa → RVKV, Nusrah → NVSRV).
3. **Vowel slots.**  Vowels are dropped except an opening one, written ``a``: English
   spellings disagree on vowels and Arabic omits short ones, but whether a name *starts*
   with a vowel (ʿayn, hamza, alef) is stable and keeps Iraq (``ark``) apart from Raqqa
   (``rk``).

Articles are not part of a key: a token that is an article has no key, and Arabic
tokens lose an attached article (with or without a proclitic: النصرة, والنصرة, للنصرة).
Such tokens also carry the key of the whole word, for names that merely begin with
ال or a proclitic and ال (البورغ Aalborg, بالكانيكا Balkanika) and for Latin spellings
that attach the article (Alnusra).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from ..normalize import normalize_token
from ..normalize.arabic import normalize_presentation_forms_ar, remove_diacritics_ar, remove_tatweel_ar
from ..normalize.common import remove_controls
from ..normalize.script import is_arabic
from . import tables

#: Bumped whenever the keys of any token change (indexes record it).
KEY_VERSION = 5

_VOWEL = "V"
_OPENING_VOWEL = "a"
_RUNS_RE = re.compile(r"(.)\1+")
_LATIN_KEEP_RE = re.compile(r"[^a-z0-9']+")
#: At most this many keys per token.
MAX_KEYS = 4
#: Consonants a variant key (not the key of the word as written) must keep.
MIN_VARIANT_CONSONANTS = 2
_ARTICLE_ALONE = "ال"
_AYN = "ع"


def _clean(token: str) -> str:
    return remove_controls(token).strip()


@functools.lru_cache(maxsize=1 << 16)
def is_article(token: str) -> bool:
    """True when ``token`` is the definite article on its own (al, el, ash, ez, ال...)."""
    cleaned = _clean(token)
    if is_arabic(cleaned):
        cleaned = remove_tatweel_ar(remove_diacritics_ar(normalize_presentation_forms_ar(cleaned)))
    else:
        cleaned = normalize_token(cleaned).strip("-'")
    return cleaned in tables.articles()


@functools.lru_cache(maxsize=1 << 16)
def is_common_word(token: str) -> bool:
    """True for an English word that is not to be taken for a name's spelling variant even
    when capitalized (``Kids``, ``Homes``, ``Between``; ``common_words.txt``).

    Its keys are still its keys; callers that key only name-like words can skip it."""
    cleaned = _clean(token)
    return not is_arabic(cleaned) and normalize_token(cleaned).replace("'", "") in tables.common_words()


def _finish(symbols: str) -> str:
    """Merge symbol pairs, collapse runs, drop vowel slots but an opening one, lower-case."""
    for pair, replacement in tables.symbol_rules():
        symbols = symbols.replace(pair, replacement)
    symbols = _RUNS_RE.sub(r"\1", symbols)
    if not symbols:
        return ""
    head = _OPENING_VOWEL if symbols[0] == _VOWEL else symbols[0]
    return (head + symbols[1:].replace(_VOWEL, "")).lower()


def _finish_with_vowels(symbols: str) -> str:
    """Like the key, but every vowel slot kept (as ``v``)."""
    for pair, replacement in tables.symbol_rules():
        symbols = symbols.replace(pair, replacement)
    return _RUNS_RE.sub(r"\1", symbols).lower()


@functools.lru_cache(maxsize=1 << 16)
def vowel_key(token: str) -> str:
    """A finer key of a Latin token that keeps where vowels stand (``Homs`` hvms, ``Hamas`` hvmvs)
    and keeps p and v apart from b and f (``vowel_key_rules.tsv``: Between is not Putin).

    Latin spellings of one name agree on this far more often than on the vowels
    themselves (Qalamoun / Qalamun, Nusra / Nusrah, Deir / Dayr); Arabic script, which
    omits short vowels, cannot be compared this way.  Empty for Arabic and articles."""
    cleaned = _clean(token)
    if not cleaned or is_arabic(cleaned):
        return ""
    word = _latin_word(cleaned)
    if not word or word in tables.articles():
        return ""
    for rule in tables.vowel_key_rules():
        word = rule.pattern.sub(rule.replacement, word)
    return _finish_with_vowels(latin_symbols(word))


_PATTERN_CONSONANT_RE = re.compile(r"[^v]")


@functools.lru_cache(maxsize=1 << 16)
def vowel_pattern(token: str) -> str:
    """Where a Latin token writes its vowels, consonants as ``c`` (``Hamas`` cvcvc, ``Homs`` cvcc,
    ``Iraqi`` vcvcv): the :func:`vowel_key` without its consonants.  Two Latin spellings of a name
    agree on it (Nusra / an-Nusrah, Qalamun / Qalamoun); two names that share a key but not it are
    different names (Nasser / Nusra, Iraq / Iraqi).  Empty for Arabic and articles."""
    return _PATTERN_CONSONANT_RE.sub("c", vowel_key(token))


#: How a spelling ends, by its last letter (see :func:`word_ending`); other letters: a consonant.
_ENDINGS: dict[str, str] = {
    **dict.fromkeys("ةه", "ar-heh"), **dict.fromkeys("اىيوءئأإؤآ", "ar-vowel"),
    **dict.fromkeys("aiouy", "la-vowel"), **dict.fromkeys("eht", "la-open"),
}


#: Endings of the other script a spelling's key may meet: short vowels aside, Arabic writes how a
#: word ends (see :func:`word_ending`).
COMPATIBLE_ENDINGS: dict[str, tuple[str, ...]] = {
    "la-consonant": ("ar-consonant", "ar-vowel"),
    "la-vowel": ("ar-heh", "ar-vowel"),
    "la-nisba": ("ar-heh", "ar-vowel", "ar-nisba"),
    "la-open": ("ar-consonant", "ar-heh", "ar-vowel", "ar-nisba"),
    "ar-consonant": ("la-consonant", "la-open"),
    "ar-heh": ("la-vowel", "la-nisba", "la-open"),
    "ar-vowel": ("la-consonant", "la-vowel", "la-nisba", "la-open"),
    "ar-nisba": ("la-nisba", "la-open"),
}
#: A Latin spelling of a nisba ending (Iraqi, Jolani, Suriya, Latakia, Hamidiyah, Zawiyeh).
_LATIN_NISBA_RE = re.compile(r"(?:[iy]|iy{0,2}ah?|iy{0,2}eh)$")

#: Arabic endings of a name's own form and of its derived (nisba) form: a word of one does not
#: spell a word of the other (العراق is not العراقي, الجولان not الجولاني).
ARABIC_BASE_ENDINGS: tuple[str, ...] = ("ar-consonant", "ar-heh", "ar-vowel")
NISBA_ENDING = "ar-nisba"
#: Letters a nisba adjective keeps before its ي (العراقي: عراق): fewer, and ي is part of the name (علي).
_NISBA_MIN_STEM = 3


def same_name_shape(a: str, b: str) -> bool:
    """Whether two words whose keys meet may spell one name: two Latin spellings write their vowels
    in the same places (not Nasser / Nusra, Hamas / Homs, Iraq / Iraqi); a Latin and an Arabic
    spelling end compatibly (not Nasser / النصرة, Nusra / الناصر).  True when not comparable."""
    pa, pb = vowel_pattern(a), vowel_pattern(b)
    if pa and pb:
        return pa == pb
    ea, eb = word_ending(a), word_ending(b)
    if ea[:3] == eb[:3] == "ar-" and (ea == NISBA_ENDING) != (eb == NISBA_ENDING):
        return False  # a name and its nisba adjective: العراق / العراقي
    if ea[:3] == eb[:3] or ea not in COMPATIBLE_ENDINGS or eb not in COMPATIBLE_ENDINGS:
        return True
    return eb in COMPATIBLE_ENDINGS[ea]


@functools.lru_cache(maxsize=1 << 16)
def word_ending(token: str) -> str:
    """How a name's spelling ends, for comparing scripts (``""`` when not comparable).

    Arabic: ``ar-nisba`` (ي, or ية, after at least three letters: the nisba adjective العراقي,
    الجولاني, and names of that shape: كوباني), ``ar-heh`` (teh marbuta or heh: النصرة, حماة),
    ``ar-vowel`` (a long vowel or hamza: درعا) or ``ar-consonant`` (الناصر).  Latin: ``la-nisba``
    (i or y, -iya, -iyah, -iyeh: Iraqi, Jolani, Latakia; alone it may spell an ``ar-nisba`` word),
    ``la-vowel`` (a, o, u: Nusra),
    ``la-open`` (e, h, t, which may be silent or spell ة: Sirte, Raqqah, Jabhat) or
    ``la-consonant`` (Nasser).  A Latin name ending in a consonant does not spell an Arabic word
    ending in ة (Nasser is not النصرة), nor one ending in a vowel an Arabic word ending in a
    consonant (Nusra is not الناصر)."""
    cleaned = _clean(token)
    if is_arabic(cleaned):
        letters = [ch for ch in remove_diacritics_ar(cleaned) if is_arabic(ch)]
        if len(letters) < 2:
            return ""
        bare = split_arabic_article("".join(letters))[1]
        stem = bare[:-2] if bare[-2:] in ("ية", "يه") else bare[:-1] if bare[-1:] == "ي" else ""
        if len(stem) >= _NISBA_MIN_STEM:
            return NISBA_ENDING
        return _ENDINGS.get(letters[-1], "ar-consonant")
    word = _latin_word(cleaned).replace("'", "")
    if len(word) < 2 or not word[-1].isalpha():
        return ""
    if len(word) > 3 and _LATIN_NISBA_RE.search(word):
        return "la-nisba"
    return _ENDINGS.get(word[-1], "la-consonant")


def consonant_count(key: str) -> int:
    """Consonant symbols in a key (its opening-vowel mark and vowel slots aside)."""
    return sum(1 for ch in key[1:] if ch != "v") + (key[:1] not in ("", _OPENING_VOWEL, "v"))


def arabic_symbols(word: str) -> str:
    """Key symbols (before collapsing) of an Arabic word without diacritics."""
    letters = tables.arabic_letters()
    out = []
    last = len(word) - 1
    for i, ch in enumerate(word):
        row = letters.get(ch)
        if row is None:
            if ch.isdigit():  # ٢ and ² key as 2, as they do in a Latin token
                out.append(str(unicodedata.digit(ch)))
            continue
        if row.kind == "semivowel":
            out.append(row.key if i == 0 else row.key_vowel)
        elif ch == "ه" and i == last and i > 0:
            out.append(_VOWEL)
        else:
            out.append(row.key)
    return "".join(out)


def latin_symbols(word: str) -> str:
    """Key symbols (before collapsing) of a normalized Latin word (``latin_rules.tsv``, in order)."""
    for step in tables.latin_steps():
        word = step.apply(word)
    return word


def split_arabic_article(word: str) -> tuple[str, str]:
    """(prefix, bare word): the attached article, alone or behind a proclitic, and the rest."""
    for prefix, _ in tables.arabic_proclitics():
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return prefix, word[len(prefix):]
    return "", word


def _arabic_keys(token: str) -> tuple[str, ...]:
    word = remove_tatweel_ar(remove_diacritics_ar(normalize_presentation_forms_ar(token)))
    if word == _ARTICLE_ALONE:
        return ()
    prefix, bare = split_arabic_article(word)
    bare_symbols = arabic_symbols(bare)
    keys = [_finish(bare_symbols)]
    if prefix and not bare.startswith(_AYN):
        # The whole word too (البورغ Aalborg), unless the name opens with ʿayn: ال + عراق
        # would then lose its ʿayn and meet ال + رقة.
        keys.append(_finish(arabic_symbols(word)))
    variants = [_finish(arabic_symbols(variant)) for variant in _variants(bare, tables.arabic_spellings())]
    return _dedupe(keys, variants)


def _strong(key: str) -> bool:
    """A variant key must keep two consonants: one alone (h, b) would meet too many words."""
    return consonant_count(key) >= MIN_VARIANT_CONSONANTS


def _variants(word: str, rules: tuple[tables.LatinRule, ...]) -> list[str]:
    """The word rewritten by each variant rule that applies to it (one rule at a time)."""
    out = []
    for rule in rules:
        variant = rule.pattern.sub(rule.replacement, word)
        if variant != word and len(variant) >= 2:
            out.append(variant)
    return out


@functools.cache
def _latin_article_prefix() -> re.Pattern[str]:
    """A Latin article written with a hyphen or space before the name (al-Nusra in one string)."""
    latin = sorted((a for a in tables.articles() if a.isascii()), key=len, reverse=True)
    return re.compile(rf"^(?:{'|'.join(map(re.escape, latin))})[-\s]+(?=\w)")


def _latin_word(token: str) -> str:
    word = normalize_token(token.translate(tables.latin_letters()))
    word = _latin_article_prefix().sub("", word)
    return _LATIN_KEEP_RE.sub("", word).strip("'")


def _latin_keys(token: str) -> tuple[str, ...]:
    word = _latin_word(token)
    if not word or word in tables.articles():
        return ()
    variants = [_finish(latin_symbols(variant)) for variant in _variants(word, tables.latin_variants())]
    return _dedupe([_finish(latin_symbols(word))], variants)


def _dedupe(keys: list[str], variants: list[str]) -> tuple[str, ...]:
    """The keys of the word as written, then the spelling-variant keys strong enough to keep."""
    if not keys or not keys[0]:
        return ()
    return tuple(dict.fromkeys([*(k for k in keys if k), *(k for k in variants if _strong(k))]))[:MAX_KEYS]


@functools.lru_cache(maxsize=1 << 18)
def name_keys(token: str) -> tuple[str, ...]:
    """Match keys of ONE token (any script, original or normalized form).

    Articles alone and punctuation give ``()``; Arabic tokens with an attached article
    give the key of the bare name first.  Keys are plain ``[a-z0-9]`` strings."""
    cleaned = _clean(token)
    if not cleaned:
        return ()
    if is_arabic(cleaned):
        return _arabic_keys(cleaned)
    return _latin_keys(cleaned)
