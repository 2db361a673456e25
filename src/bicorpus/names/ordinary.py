"""How ordinary a word is: ordinary words are not taken for names by their keys alone.

Keys merge what spellings of names confuse, so they also meet ordinary words: دورية "patrol" and
الدائرة "the circle" share the key of درعا (*Daraa*), قيادة "leadership" that of القاعدة, English
*Reach* that of الرقة.  A word is *ordinary* when it is frequent in its language
(``data/word_frequencies.tsv``, from wordfreq) and not a known name (``data/given_names.txt``; the
search index adds the words of the gazetteer's names).  Words with a short consonant skeleton (three
consonants or fewer), which meet many more words, count as ordinary from a lower frequency on.
"""

from __future__ import annotations

import functools

from ..normalize import normalize_token
from ..normalize.script import is_arabic
from . import tables
from .keys import split_arabic_article

#: Zipf frequency (log10 per billion words) from which a word is ordinary; 3.5 is about three
#: times per million words.
ORDINARY_ZIPF = 3.5
#: The same for a word whose key has at most :data:`SHORT_SKELETON` consonants.
SHORT_ORDINARY_ZIPF = 3.0
SHORT_SKELETON = 3


@functools.cache
def _frequencies() -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {"ar": {}, "en": {}}
    rows = [line.split("\t") for line in tables.read_data_text("word_frequencies.tsv").splitlines()
            if line and not line.startswith("#")]
    for n, row in enumerate(rows, 1):
        if len(row) != 3 or row[0] not in out:
            raise ValueError(f"word_frequencies.tsv: row {n}: expected a language, a word, a Zipf value")
        out[row[0]][row[1]] = float(row[2])
    return out


def load_tables() -> None:
    """Read the frequency table and the name list now (once per process): a process that forks
    workers to analyse passages loads them once for all of its workers."""
    _frequencies()
    given_names()


def _norm(word: str) -> str:
    return normalize_token(word.strip("'’")).replace("'", "")


#: Arabic proclitics that may stand before a word without the article (وقيادة, بقيادة).
_PROCLITICS = "وفبلك"


@functools.lru_cache(maxsize=1 << 16)
def word_forms(word: str) -> tuple[str, ...]:
    """The normalized forms under which ``word`` is looked up: itself and, for Arabic, without its
    proclitics (والغليان: الغليان, غليان; وقيادة: قيادة)."""
    norm = _norm(word)
    if not is_arabic(norm):
        return (norm,)
    forms = [norm]
    prefix, bare = split_arabic_article(norm)
    if prefix:
        forms += ["ال" + bare, bare]
    elif len(norm) >= 4 and norm[0] in _PROCLITICS:
        forms.append(norm[1:])
    return tuple(dict.fromkeys(forms))


def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in its language, proclitics aside (0.0 when rare or unknown)."""
    forms = word_forms(word)
    table = _frequencies()["ar" if is_arabic(forms[0]) else "en"]
    return max(table.get(f, 0.0) for f in forms)


@functools.cache
def given_names() -> frozenset[str]:
    """Normalized frequent words that are names (``data/given_names.txt``)."""
    return frozenset(_norm(line.strip()) for _, line in tables.read_data_lines("given_names.txt"))


@functools.cache
def name_cues() -> tuple[frozenset[str], frozenset[str]]:
    """Normalized cue words that stand before a name (محافظة, *city* of) and after one (*province*)."""
    before: set[str] = set()
    after: set[str] = set()
    for n, line in tables.read_data_lines("name_cues.txt"):
        word, _, where = line.partition("\t")
        where = where.strip() or "before"
        if where not in ("before", "after"):
            raise ValueError(f"name_cues.txt:{n}: expected 'before' or 'after', found {where!r}")
        (before if where == "before" else after).add(_norm(word.strip()))
    return frozenset(before), frozenset(after)


def ordinary_threshold(consonants: int) -> float:
    """The Zipf frequency from which a word whose key has ``consonants`` consonants is ordinary."""
    return SHORT_ORDINARY_ZIPF if consonants <= SHORT_SKELETON else ORDINARY_ZIPF


def ordinariness(word: str, consonants: int) -> float:
    """``word``'s Zipf frequency when it is an ordinary word (frequent for a key of ``consonants``
    consonants, and not a listed name), else 0.0."""
    if not given_names().isdisjoint(word_forms(word)):
        return 0.0
    z = zipf(word)
    return z if z >= ordinary_threshold(consonants) else 0.0
