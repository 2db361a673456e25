"""Loaders for the name-matching data tables shipped in ``bicorpus/names/data``.

Every table is read once (``functools.cache``) and returned as immutable data.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

#: The package whose ``data/`` folder holds the tables (a regular package, so that
#: ``importlib.resources`` finds the folder in any installation).
DATA_PACKAGE = "bicorpus.names"
DATA_DIR = "data"


def read_data_text(name: str) -> str:
    """The text of a shipped data file."""
    return resources.files(DATA_PACKAGE).joinpath(DATA_DIR, name).read_text(encoding="utf-8")


def read_data_lines(name: str) -> list[tuple[int, str]]:
    """Non-blank, non-comment lines of a shipped data file, with their 1-based line numbers."""
    text = read_data_text(name)
    return [(n, line.rstrip("\r\n")) for n, line in enumerate(text.split("\n"), 1)
            if line.strip() and not line.lstrip().startswith("#")]


@dataclass(frozen=True, slots=True)
class ArabicLetter:
    """One row of ``arabic_letters.tsv``."""

    letter: str
    kind: str
    roman: str
    roman_vowel: str
    key: str
    key_vowel: str


@dataclass(frozen=True, slots=True)
class LatinRule:
    """One row of a rewrite table (``latin_rules.tsv``...): a compiled pattern and its replacement."""

    pattern: re.Pattern[str]
    replacement: str
    example: str


def _split_pair(value: str) -> tuple[str, str]:
    first, _, second = value.partition("/")
    return first, second or first


@functools.cache
def arabic_letters() -> dict[str, ArabicLetter]:
    """Arabic letter → its romanization and key symbols."""
    table: dict[str, ArabicLetter] = {}
    for _, line in read_data_lines("arabic_letters.tsv"):
        letter, kind, roman, key = line.split("\t")[:4]
        roman_c, roman_v = _split_pair(roman)
        key_c, key_v = _split_pair(key)
        table[letter] = ArabicLetter(letter, kind, roman_c, roman_v, key_c, key_v)
    return table


@functools.cache
def latin_rules() -> tuple[LatinRule, ...]:
    """The ordered Latin spelling → key symbol rewrite rules."""
    return _pattern_rules("latin_rules.tsv")


_LITERAL_RE = re.compile(r"^[a-z']+$")
_LOOKAROUND_RE = re.compile(r"\(\?<?[=!][^)]*\)|\^|\$")

@dataclass(frozen=True, slots=True)
class Step:
    """One step of the compiled Latin rules: a translation table, or a rewrite of ``needle``
    (literal, or ``pattern`` where the needle stands; a needle of ``""`` means always try)."""

    table: dict[int, str] | None = None
    needle: str = ""
    pattern: re.Pattern[str] | None = None
    replacement: str = ""

    def apply(self, word: str) -> str:
        if self.table is not None:
            return word.translate(self.table)
        if self.needle and self.needle not in word:
            return word
        if self.pattern is None:
            return word.replace(self.needle, self.replacement)
        return self.pattern.sub(self.replacement, word)


@functools.cache
def latin_steps() -> tuple[Step, ...]:
    """``latin_rules()`` compiled into fast steps with the same effect.

    A run of single-letter literal rules becomes one ``str.translate`` table (their
    replacements are capitals, which no later rule in the run matches); other literal
    patterns use ``str.replace``; a regular expression whose match must contain a literal
    text is tried only where that text stands."""
    steps: list[Step] = []
    table: dict[int, str] | None = None
    for rule in latin_rules():
        source = rule.pattern.pattern
        if _LITERAL_RE.match(source) and len(source) == 1:
            if table is None:
                table = {}
                steps.append(Step(table=table))
            table[ord(source)] = rule.replacement
            continue
        table = None
        if _LITERAL_RE.match(source):
            steps.append(Step(needle=source, replacement=rule.replacement))
        else:
            core = _LOOKAROUND_RE.sub("", source)
            needle = core if _LITERAL_RE.match(core) else ""
            steps.append(Step(needle=needle, pattern=rule.pattern, replacement=rule.replacement))
    return tuple(steps)


def _pattern_rules(name: str) -> tuple[LatinRule, ...]:
    rules = []
    for _, line in read_data_lines(name):
        parts = line.split("\t")
        pattern, replacement = parts[0], parts[1] if len(parts) > 1 else ""
        example = parts[2] if len(parts) > 2 else ""
        rules.append(LatinRule(re.compile(pattern), replacement, example))
    return tuple(rules)


@functools.cache
def arabic_spellings() -> tuple[LatinRule, ...]:
    """Arabic spelling variants, each giving one more key."""
    return _pattern_rules("arabic_spellings.tsv")


@functools.cache
def attached_articles() -> tuple[LatinRule, ...]:
    """Latin spellings with the article attached to the name, and how to take it off."""
    return _pattern_rules("attached_articles.tsv")


@functools.cache
def vowel_key_rules() -> tuple[LatinRule, ...]:
    """Rules applied before the Latin rules for the vowel key (p and v kept apart)."""
    return _pattern_rules("vowel_key_rules.tsv")


@functools.cache
def latin_variants() -> tuple[LatinRule, ...]:
    """Latin spelling variants, each giving one more key."""
    return _pattern_rules("latin_variants.tsv")


@functools.cache
def symbol_rules() -> tuple[tuple[str, str], ...]:
    """(symbols, replacement) rewrites on key symbols, for both scripts."""
    rows = (line.split("\t") for _, line in read_data_lines("symbol_rules.tsv"))
    return tuple((row[0], row[1]) for row in rows)


@functools.cache
def latin_letters() -> dict[int, str]:
    """A ``str.translate`` table: marked Latin letters with a sound of their own → spelling."""
    table: dict[int, str] = {}
    for _, line in read_data_lines("latin_letters.tsv"):
        letter, spelling = line.split("\t")[:2]
        table[ord(letter)] = spelling
        table[ord(letter.upper())] = spelling.capitalize()
    return table


@functools.cache
def articles() -> frozenset[str]:
    """Tokens that are the definite article on their own (Latin forms lower-case)."""
    return frozenset(line.strip() for _, line in read_data_lines("articles.txt"))


@functools.cache
def common_words() -> frozenset[str]:
    """English words a capitalized token must not be taken for a name variant of (lower case)."""
    return frozenset(line.strip().lower() for _, line in read_data_lines("common_words.txt"))


@functools.cache
def descriptors() -> frozenset[str]:
    """Words that may stand before a name (the, منطقة, نهر ...), in normalized form."""
    from ..normalize import normalize_token

    return frozenset(normalize_token(line.strip()) for _, line in read_data_lines("descriptors.txt"))


@functools.cache
def arabic_proclitics() -> tuple[tuple[str, str], ...]:
    """(prefix, romanization) pairs stripped from Arabic tokens, longest first."""
    rows = [tuple(line.split("\t")[:2]) for _, line in read_data_lines("arabic_proclitics.txt")]
    return tuple(sorted(((p, r) for p, r in rows), key=lambda row: -len(row[0])))
