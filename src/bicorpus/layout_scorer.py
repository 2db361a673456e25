"""A learned second opinion on the text layout: is this line article body or not?

The rules of :mod:`bicorpus.layout` settle every line's role first.  This module then describes
each line by cheap features (the rules' own role, its length and punctuation, its scripts, its
place against the page's long prose lines, its neighbours, the furniture patterns it matches) and
scores it with a model kept as a readable JSON data file (``data/line_scorer.json``, written by
``bench/train_line_scorer.py``): a logistic regression or a small ensemble of regression trees.
The scorer moves a line between body and boilerplate only when its probability is confidently on
the other side; the title, subtitle, datelines, headings and header lines with an author or a
linked title keep the rules' verdict.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

#: The rules' roles, one feature each (``role=…``); ``site-header`` is header chrome.
ROLES = ("title", "subtitle", "dateline", "heading", "body", "boilerplate", "site-header")

#: The features, in the order the model's weights and tree thresholds refer to them.
FEATURES = (
    *(f"role={r}" for r in ROLES),
    "log_words",
    "log_chars",
    "ends_sentence",
    "digit_share",
    "latin_share",
    "arabic_share",
    "separators",
    "colon",
    "bullet",
    "position",
    "before_first_prose",
    "after_last_prose",
    "inside_prose",
    "short_run",
    "prev_log_words",
    "next_log_words",
    "prev_is_prose",
    "next_is_prose",
    "address",
    "timestamp",
    "caption",
    "credit",
    "nav",
    "label",
    "byline",
    "repeated_in_page",
    "repeated_on_site",
    "other_script",
    "log_page_lines",
)

#: A long prose line: at least this many words, ending in sentence punctuation.
PROSE_MIN_WORDS = 15
#: A short line (for runs of short lines).
SHORT_MAX_WORDS = 6
#: Line distances are clipped here (and divided by it).
DIST_CLIP = 10

_WORD_RE = re.compile(r"\w+")
_SENTENCE_END_RE = re.compile(r"[.!?؟…][\"'”’»)\]]*$")
_ADDRESS_RE = re.compile(r"https?://|www\.|[\w.+-]+@[\w-]+\.\w", re.I)
_TIME_RE = re.compile(r"\b\d{1,2}:\d{2}\b")
_SEPARATORS = "|»·•-–—/›>"


@dataclass(frozen=True)
class LineScorer:
    """A model over :data:`FEATURES` giving the probability that a line is article body."""

    kind: str  # "logistic" or "trees"
    features: tuple[str, ...]
    #: logistic: ``weights`` and ``bias``; trees: ``trees`` (each a tuple of nodes
    #: ``(feature, threshold, left, right, value)``, ``feature == -1`` for a leaf) and ``bias``.
    weights: tuple[float, ...] = ()
    bias: float = 0.0
    trees: tuple[tuple[tuple[int, float, int, int, float], ...], ...] = ()
    scale: float = 1.0  # trees: learning rate
    to_body: float = 0.9  # move a non-body line into the body at or above this probability
    to_boilerplate: float = 0.1  # move a body line out at or below this probability

    def probability(self, x: Sequence[float]) -> float:
        if self.kind == "logistic":
            z = self.bias + sum(w * v for w, v in zip(self.weights, x, strict=True))
        else:
            z = self.bias
            for tree in self.trees:
                node = tree[0]
                while node[0] >= 0:
                    node = tree[node[2]] if x[node[0]] <= node[1] else tree[node[3]]
                z += self.scale * node[4]
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "features": list(self.features),
            "weights": list(self.weights),
            "bias": self.bias,
            "trees": [[list(node) for node in tree] for tree in self.trees],
            "scale": self.scale,
            "to_body": self.to_body,
            "to_boilerplate": self.to_boilerplate,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LineScorer:
        features = tuple(data["features"])
        if features != FEATURES:
            raise ValueError("line scorer: its features differ from this version's feature list")
        trees = tuple(tuple((int(n[0]), float(n[1]), int(n[2]), int(n[3]), float(n[4])) for n in tree)
                      for tree in data.get("trees", ()))
        return cls(
            kind=data["kind"],
            features=features,
            weights=tuple(float(w) for w in data.get("weights", ())),
            bias=float(data.get("bias", 0.0)),
            trees=trees,
            scale=float(data.get("scale", 1.0)),
            to_body=float(data["to_body"]),
            to_boilerplate=float(data["to_boilerplate"]),
        )


@cache
def default_scorer() -> LineScorer | None:
    """The package's scorer (``data/line_scorer.json``), or ``None`` when there is none."""
    path = resources.files("bicorpus.data").joinpath("line_scorer.json")
    if not path.is_file():
        return None
    return LineScorer.from_json(json.loads(path.read_text(encoding="utf-8")))


def _log_words(n: int) -> float:
    return math.log1p(n)


def _script_shares(text: str) -> tuple[float, float, float]:
    digits = latin = arabic = letters = 0
    for ch in text:
        if ch.isdigit():
            digits += 1
        elif ch.isalpha():
            letters += 1
            if ch.isascii():
                latin += 1
            elif "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f":
                arabic += 1
    total = max(1, digits + letters)
    return digits / total, latin / total, arabic / total


@dataclass(frozen=True)
class LineFacts:
    """What the features read from a line besides its text (the rules' verdict and shape flags)."""

    role: str
    bullet: bool = False
    caption: bool = False
    credit: bool = False
    nav: bool = False
    label: bool = False
    byline: bool = False
    repeated_on_site: bool = False
    other_script: bool = False
    key: str = ""


def features(texts: Sequence[str], facts: Sequence[LineFacts]) -> list[list[float]]:
    """One feature vector (in :data:`FEATURES` order) for each line of a page."""
    n = len(texts)
    words = [len(_WORD_RE.findall(t)) for t in texts]
    ends = [_SENTENCE_END_RE.search(t.rstrip()) is not None for t in texts]
    prose = [w >= PROSE_MIN_WORDS and e for w, e in zip(words, ends, strict=True)]
    first = next((i for i in range(n) if prose[i]), None)
    last = next((i for i in range(n - 1, -1, -1) if prose[i]), None)
    short = [w <= SHORT_MAX_WORDS for w in words]
    run = [0] * n
    i = 0
    while i < n:
        j = i
        while j < n and short[j]:
            j += 1
        for k in range(i, j):
            run[k] = j - i
        i = max(j, i + 1)
    keys = Counter(f.key for f in facts if f.key)
    out = []
    for i, (text, f) in enumerate(zip(texts, facts, strict=True)):
        digit, latin, arabic = _script_shares(text) if len(text) <= 400 else _script_shares(text[:400])
        head = text[:400]
        row = [1.0 if f.role == r else 0.0 for r in ROLES]
        row += [
            _log_words(words[i]),
            math.log1p(len(text)),
            float(ends[i]),
            digit,
            latin,
            arabic,
            min(5, sum(head.count(c) for c in _SEPARATORS)) / 5,
            float(":" in head or "：" in head),
            float(f.bullet),
            i / max(1, n - 1),
            min(DIST_CLIP, first - i) / DIST_CLIP if first is not None and i < first else 0.0,
            min(DIST_CLIP, i - last) / DIST_CLIP if last is not None and i > last else 0.0,
            float(first is not None and last is not None and first <= i <= last),
            min(DIST_CLIP, run[i]) / DIST_CLIP,
            _log_words(words[i - 1]) if i else 0.0,
            _log_words(words[i + 1]) if i + 1 < n else 0.0,
            float(i > 0 and prose[i - 1]),
            float(i + 1 < n and prose[i + 1]),
            float(_ADDRESS_RE.search(head) is not None),
            float(_TIME_RE.search(head) is not None),
            float(f.caption),
            float(f.credit),
            float(f.nav),
            float(f.label),
            float(f.byline),
            float(bool(f.key) and keys[f.key] > 1),
            float(f.repeated_on_site),
            float(f.other_script),
            math.log1p(n),
        ]
        out.append(row)
    return out


#: Roles the scorer may take a line out of (into the body) ...
MOVABLE_TO_BODY = frozenset({"boilerplate", "site-header"})
#: ... and the role it may take a line out of (into boilerplate).
MOVABLE_OUT = frozenset({"body"})


def decide(scorer: LineScorer, x: Sequence[float], role: str, protected: bool) -> str:
    """The line's role after the scorer: ``body``, ``boilerplate`` or ``role`` unchanged."""
    if protected:
        return role
    if role in MOVABLE_TO_BODY and scorer.probability(x) >= scorer.to_body:
        return "body"
    if role in MOVABLE_OUT and scorer.probability(x) <= scorer.to_boilerplate:
        return "boilerplate"
    return role


def revised_roles(scorer: LineScorer, texts: Sequence[str], facts: Sequence[LineFacts],
                  protected: Sequence[bool]) -> list[str]:
    """Each line's role after the scorer (see :func:`decide`)."""
    rows = features(texts, facts)
    return [decide(scorer, x, f.role, p) for x, f, p in zip(rows, facts, protected, strict=True)]
