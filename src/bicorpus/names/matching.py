"""Do two names, in any scripts, name the same thing?  ``match(a, b)`` and its tiers.

Tiers, best first (scores in (0, 1]):

``exact``       the same string (1.0)
``normalized``  the same after normalization, articles and hyphens aside (0.95)
``translit``    every word's keys meet and the words have one shape (0.85): two Latin
                spellings that put their vowels in different places (Homs / Hamas, Nasser /
                Nusra, Iraq / Iraqi) or a Latin and an Arabic spelling that end differently
                (Nasser / النصرة) are different names; or the keys of the names written as one
                word meet (0.8), or the keys differ only by the bounded, listed confusions of
                ``confusions.tsv`` (at most 0.65, less for each confusion)
``alias``       both are names of one gazetteer entity (0.7)

Acronyms (HTS, SDF, a gazetteer acronym such as ISIS) are spelled, not sounded: they
match as written or through the gazetteer, never through keys (HTS is not the Houthis).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..normalize import normalize_text, normalize_token
from ..normalize.script import is_arabic
from ..normalize.tokenize import tokenize
from . import tables
from .gazetteer import Gazetteer
from .keys import is_article, name_keys, same_name_shape, split_arabic_article

SCORES = {"exact": 1.0, "normalized": 0.95, "translit": 0.85, "translit-joined": 0.8, "translit-near": 0.65,
          "alias": 0.7}
_VOWELS = frozenset("AEIOUY")
#: Score lost per listed confusion in the ``translit`` tier's near matches.
CONFUSION_PENALTY = 0.1


@dataclass(frozen=True)
class NameMatch:
    """Why two names match: ``tier`` (exact/normalized/translit/alias), ``score`` in (0, 1]."""

    score: float
    tier: str
    reason: str
    keys: tuple[str, ...] = ()
    entity_id: str | None = None
    confusions: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, object]:
        return {"score": self.score, "tier": self.tier, "reason": self.reason, "keys": list(self.keys),
                "entity_id": self.entity_id, "confusions": list(self.confusions)}


def _words(name: str) -> list[str]:
    return [t.text for t in tokenize(name)]


def _content(words: Sequence[str]) -> list[str]:
    """The words that carry the name: articles aside, and a leading "the"."""
    content = [w for w in words if not is_article(w)]
    if len(content) > 1 and content[0].lower() == "the":
        content = content[1:]
    return content


def _normal_form(word: str) -> str:
    form = normalize_token(word)
    if is_arabic(form):
        return split_arabic_article(form)[1]
    return form.replace("'", "")


def _joined_keys(words: Sequence[str]) -> frozenset[str]:
    """Keys of the words written as one, with and without their articles (Abd al-Rahman, Deir ez-Zor)."""
    if not words:
        return frozenset()
    arabic = [w for w in words if is_arabic(w)]
    if arabic and len(arabic) != len(words):
        return frozenset()
    return frozenset(name_keys("".join(words))) | frozenset(name_keys("".join(_content(words))))


@functools.cache
def _confusions() -> dict[frozenset[str], str]:
    table: dict[frozenset[str], str] = {}
    for _, line in tables.read_data_lines("confusions.tsv"):
        a, b = line.split("\t")[:2]
        table[frozenset((a, "" if b == "-" else b))] = f"{a}~{b}"
    return table


def near_keys(a: str, b: str, max_confusions: int = 1) -> tuple[str, ...] | None:
    """The listed confusions that turn key ``a`` into key ``b`` (at most ``max_confusions``), or None.

    Only one-symbol substitutions, insertions and deletions listed in ``confusions.tsv``
    count, never on the first symbol, and both keys must keep three symbols or more."""
    if a == b:
        return ()
    if min(len(a), len(b)) < 3 or abs(len(a) - len(b)) > max_confusions:
        return None
    return _near(a, b, max_confusions, _confusions())


def _near(a: str, b: str, budget: int, table: dict[frozenset[str], str]) -> tuple[str, ...] | None:
    # Strip the common prefix and suffix, then the difference must be a listed confusion.
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    if i == len(a) == len(b):
        return ()
    if budget == 0 or i == 0:
        return None  # a name's first sound is stable: no confusion there
    found = None
    for da, db in ((1, 1), (1, 0), (0, 1)):
        sa, sb = a[i:i + da], b[i:i + db]
        if len(sa) < da or len(sb) < db:
            continue
        label = table.get(frozenset((sa, sb)))
        if label is None:
            continue
        rest = _near(a[i + da:], b[i + db:], budget - 1, table)
        if rest is not None:
            found = (label, *rest)
            break
    return found


def is_acronym(word: str, gazetteer: Gazetteer) -> bool:
    """An acronym is spelled, not sounded: capitals without vowels (HTS, SDF) or a known acronym."""
    return word.isupper() and len(word) > 1 and (not _VOWELS.intersection(word) or gazetteer.is_acronym(word))


def _translit(words_a: list[str], words_b: list[str]) -> NameMatch | None:
    content_a, content_b = _content(words_a), _content(words_b)
    if content_a and len(content_a) == len(content_b):
        shared: list[str] = []
        for wa, wb in zip(content_a, content_b, strict=True):
            common = set(name_keys(wa)) & set(name_keys(wb))
            if not common:
                break
            shared.append(min(common))
        else:
            if all(same_name_shape(wa, wb) for wa, wb in zip(content_a, content_b, strict=True)):
                return NameMatch(SCORES["translit"], "translit", "the keys of every word meet", tuple(shared))
            return None  # same skeleton, another shape: a different name (Nasser / Nusra)
    joined = _joined_keys(words_a) & _joined_keys(words_b)
    if joined:
        return NameMatch(SCORES["translit-joined"], "translit",
                         "the keys of the names written as one word meet",
                         tuple(sorted(joined)))
    return _translit_near(content_a, content_b)


def _translit_near(content_a: list[str], content_b: list[str]) -> NameMatch | None:
    if not content_a or len(content_a) != len(content_b):
        return None
    confusions: list[str] = []
    keys: list[str] = []
    for wa, wb in zip(content_a, content_b, strict=True):
        best: tuple[str, ...] | None = None
        best_key = ""
        for ka in name_keys(wa):
            for kb in name_keys(wb):
                found = near_keys(ka, kb)
                if found is not None and (best is None or len(found) < len(best)):
                    best, best_key = found, ka
        if best is None:
            return None
        confusions.extend(best)
        keys.append(best_key)
    if not confusions or len(confusions) > len(content_a):
        return None
    score = round(SCORES["translit-near"] - CONFUSION_PENALTY * (len(confusions) - 1), 3)
    return NameMatch(score, "translit", "the keys differ only by listed spelling confusions",
                     tuple(keys), confusions=tuple(confusions))


def match(a: str, b: str, gazetteer: Gazetteer | None = None) -> NameMatch | None:
    """How ``a`` and ``b`` (names in any scripts) match, or ``None`` when they do not.

    ``gazetteer`` defaults to the shipped one (for the ``alias`` tier)."""
    a, b = a.strip(), b.strip()
    if not a or not b:
        return None
    if a == b:
        return NameMatch(SCORES["exact"], "exact", "identical strings")
    words_a, words_b = _words(a), _words(b)
    if not words_a or not words_b:
        return None
    if normalize_text(a) == normalize_text(b) or (
            [_normal_form(w) for w in _content(words_a)] == [_normal_form(w) for w in _content(words_b)]):
        return NameMatch(SCORES["normalized"], "normalized", "identical after normalization")
    gaz = gazetteer if gazetteer is not None else Gazetteer.load()
    spelled = any(is_acronym(w, gaz) for w in (*words_a, *words_b))
    found = None if spelled else _translit(words_a, words_b)
    if found is not None and found.score > SCORES["alias"]:
        return found
    shared = [e.id for e in gaz.lookup(a) if e.id in {f.id for f in gaz.lookup(b)}]
    if shared:
        return NameMatch(SCORES["alias"], "alias", f"both name the gazetteer entity {shared[0]!r}",
                         entity_id=shared[0])
    return found
