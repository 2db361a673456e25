"""A learned line scorer on top of the text layout rules: fit it on annotated pages, measure it.

    pip install scikit-learn   # a development tool: the package does not need it
    python bench/train_line_scorer.py DEVDIR... [--logo] [--test DIR] [--model trees|logistic]
        [--to-body P] [--to-boilerplate P] [--without-roles] [--out FILE] [--json FILE]

The rules of :mod:`bicorpus.layout` settle every line's role; the scorer describes each line by
cheap features (:data:`FEATURES`: the rules' role, length, punctuation, scripts, separators, its
place against the page's first and last long prose lines, runs of short lines, neighbours,
addresses and timestamps, the furniture patterns it matches, repeats in the page and the site) and
gives the probability that it is article body (a logistic regression, or a small gradient-boosted
tree ensemble, exported as readable JSON and read back in pure Python).  It moves a line into the
body at ``--to-body`` or above, out of it at ``--to-boilerplate`` or below; the title, subtitle,
datelines, headings and header lines with an author or linked title keep the rules' verdict.

The package ships no scorer: measured so (leave-one-group-out on the tuning pages and a fresh
held-out set), no setting beat the rules on both without costing body recall beyond noise.

Each ``DEVDIR`` is searched for folders holding ``annotations.json`` (the format of
``bench/layout_eval.py``); each such folder is one group.  Every line the scorer may move (body,
boilerplate or header chrome by the rules, not the title, datelines, headings or header lines with
an author or linked title) is one example: its features (:data:`FEATURES`)
and whether the annotation puts it in the article body (``body`` or ``heading``).

* ``--logo``: leave one group out: fit on the other groups, score the left-out one, rules alone
  and rules + scorer, with the figures of ``bench/layout_eval.py``;
* ``--test DIR``: fit on all ``DEVDIR`` groups, score the folders under ``DIR`` the same way;
* ``--without-roles``: leave the rules' roles out of the features (a shape-only second opinion);
* ``--out FILE``: write the model fitted on all ``DEVDIR`` groups as JSON.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from layout_eval import BODY, Scores, _key, _line_spans, _predicted, _site_table

from bicorpus import layout as layout_mod
from bicorpus.layout import Block, Layout, Unit
from bicorpus.sources import read_source

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


def line_facts(layout: Layout, units: Sequence[Unit], repeated: frozenset[str] = frozenset()
               ) -> tuple[list[LineFacts], list[bool]]:
    """What the line scorer reads of each unit beside its text (the rules' role in ``layout`` and
    shape flags), and whether the unit keeps the rules' verdict whatever its score (title,
    subtitle, datelines, headings, header lines with an author or a linked title)."""
    by_start = {b.start: b for b in layout.blocks}
    heads = {h.start for h in layout.headings}
    facts, protected = [], []
    for u in units:
        b = by_start.get(u.start)
        role = "heading" if u.start in heads or b is None else b.region
        facts.append(LineFacts(
            role=role, bullet=u.bullet, caption=bool(u.caption), credit=u.credit, nav=u.nav, label=u.label,
            byline=u.byline is not None, key=u.key,
            other_script=u.lang in ("ar", "en") and u.lang != layout.lang,
            repeated_on_site=bool(repeated) and layout_mod.site_key(u.text) in repeated))
        protected.append(b is None or b.author is not None or b.linked_title is not None
                         or b.date is not None)
    return facts, protected


def rescored(scorer: LineScorer, units: Sequence[Unit], facts: Sequence[LineFacts],
             protected: Sequence[bool], layout: Layout) -> Layout:
    """``layout`` after the line scorer: body lines it
    rejects become boilerplate, chrome lines it reads as body become body (in the section of the
    heading above them)."""
    roles = revised_roles(scorer, [u.text for u in units], facts, protected)
    if all(r == f.role for r, f in zip(roles, facts, strict=True)):
        return layout
    by_start = {b.start: b for b in layout.blocks}
    out, section, hs = [], None, sorted(layout.headings, key=lambda h: h.start)
    k = 0
    for u, f, role in zip(units, facts, roles, strict=True):
        while k < len(hs) and hs[k].start <= u.start:
            section, k = hs[k].text, k + 1
        b = by_start.get(u.start)
        if b is None:
            continue
        if role == f.role:
            out.append(b)
        elif role == "body":
            out.append(Block("body", b.start, b.end, section=section))
        else:
            out.append(Block("boilerplate", b.start, b.end))
    return replace(layout, blocks=tuple(out))


@dataclass
class Page:
    name: str
    text: str
    headings: Any
    hits: frozenset[str]
    layout: Layout  # the rules' layout
    units: list[Unit]
    facts: list[LineFacts]
    protected: list[bool]
    gold: dict[str, Any]
    x: list[list[float]]  # the movable units' features
    y: list[int]  # ... and whether each is article body


def load_group(folder: Path) -> list[Page]:
    annotations = json.loads((folder / "annotations.json").read_text(encoding="utf-8"))
    paths = sorted(folder / name for name in annotations)
    table = _site_table(paths)
    pages = []
    for path in paths:
        gold = annotations[path.name]
        src = read_source(path)
        hits = table.hits(path) if table is not None else frozenset()
        layout = layout_mod.analyze(src.text, src.headings, repeated=hits)
        units = layout_mod.units_of(src.text, src.headings)
        facts, protected = line_facts(layout, units, hits)
        rows = features([u.text for u in units], facts)
        spans = _line_spans(src.text)
        labels = [line["label"] for line in gold["lines"]]
        x, y = [], []
        for u, f, p, row in zip(units, facts, protected, rows, strict=True):
            if p or f.role not in ("body", "boilerplate", "site-header"):
                continue
            inside = [lab for (s, e), lab in zip(spans, labels, strict=True) if s < u.end and u.start < e]
            if not inside:
                continue
            x.append(row)
            y.append(int(2 * sum(lab in BODY for lab in inside) >= len(inside)))
        pages.append(Page(path.name, src.text, src.headings, hits, layout, units, facts, protected,
                          gold, x, y))
    return pages


ROLE_COLUMNS = [k for k, name in enumerate(FEATURES) if name.startswith("role=")]


def fit(pages: list[Page], kind: str, to_body: float, to_boilerplate: float,
        roles: bool = True) -> LineScorer:
    """``roles=False``: a shape-only model (the rules' roles zeroed while fitting, weight 0)."""
    x = [row for p in pages for row in p.x]
    if not roles:
        x = [[0.0 if k in ROLE_COLUMNS else v for k, v in enumerate(row)] for row in x]
    y = [v for p in pages for v in p.y]
    if kind == "logistic":
        from sklearn.linear_model import LogisticRegression
        from sklearn.preprocessing import StandardScaler

        scaler = StandardScaler().fit(x)
        model = LogisticRegression(C=1.0, max_iter=2000).fit(scaler.transform(x), y)
        w = model.coef_[0] / scaler.scale_  # weights on the raw features
        if not roles:
            w[ROLE_COLUMNS] = 0.0
        b = float(model.intercept_[0] - (w * scaler.mean_).sum())
        return LineScorer("logistic", FEATURES, weights=tuple(float(v) for v in w), bias=b,
                          to_body=to_body, to_boilerplate=to_boilerplate)
    from sklearn.ensemble import GradientBoostingClassifier

    model = GradientBoostingClassifier(n_estimators=60, max_depth=3, learning_rate=0.1, subsample=0.8,
                                       random_state=0).fit(x, y)
    prior = sum(y) / len(y)
    trees = []
    for est in model.estimators_[:, 0]:
        t = est.tree_
        trees.append(tuple(
            (int(t.feature[k]) if t.children_left[k] >= 0 else -1, float(t.threshold[k]),
             int(t.children_left[k]), int(t.children_right[k]), float(t.value[k][0][0]))
            for k in range(t.node_count)))
    return LineScorer("trees", FEATURES, bias=math.log(prior / (1 - prior)), trees=tuple(trees),
                      scale=float(model.learning_rate), to_body=to_body, to_boilerplate=to_boilerplate)


def score(pages: list[Page], scorer: LineScorer | None) -> Scores:
    """The figures of ``bench/layout_eval.py`` for ``pages``, rules alone (``scorer`` None) or not."""
    total = Scores()
    for page in pages:
        layout = page.layout
        if scorer is not None:
            layout = rescored(scorer, page.units, page.facts, page.protected, layout)
        s = Scores(pages=1)
        s.title_ok = int(_key(layout.title) == _key(page.gold["title"]))
        s.date_ok = int(layout.date == page.gold["date"])
        for (start, end), line in zip(_line_spans(page.text), page.gold["lines"], strict=True):
            want, got = line["label"], _predicted(layout, start, end)
            article = got in ("title", "subtitle", "dateline", "body", "heading")
            if want == "header":
                s.header += 1
                s.header_out += not article
            elif want == "boilerplate":
                s.boilerplate += 1
                s.boilerplate_in += article
            s.body_tp += want in BODY and got in BODY
            s.body_fn += want in BODY and got not in BODY
            s.body_fp += want not in BODY and got in BODY
        total.add(s)
    return total


FIGURES = ("pages", "title", "header_out", "boilerplate_in", "body_p", "body_r", "body_f1")


def report(name: str, pages: list[Page], scorer: LineScorer) -> dict[str, Any]:
    rules, scored = score(pages, None).figures(), score(pages, scorer).figures()
    print(f"{name:12} rules  " + "  ".join(f"{k} {rules[k]}" for k in FIGURES))
    print(f"{'':12} scorer " + "  ".join(f"{k} {scored[k]}" for k in FIGURES))
    return {"rules": rules, "scorer": scored}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("devdirs", type=Path, nargs="+")
    parser.add_argument("--test", type=Path, help="fit on all DEVDIRS, score the folders here")
    parser.add_argument("--logo", action="store_true", help="leave one folder group out")
    parser.add_argument("--model", choices=("trees", "logistic"), default="trees")
    parser.add_argument("--to-body", type=float, default=0.9, help="probability to move a line into the body")
    parser.add_argument("--to-boilerplate", type=float, default=0.1, help="... and out of it")
    parser.add_argument("--without-roles", action="store_true", help="shape features only")
    parser.add_argument("--out", type=Path, help="write the model fitted on all DEVDIRS here")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)
    folders = sorted({p.parent for d in args.devdirs for p in d.rglob("annotations.json")})
    if not folders:
        print("no annotations.json under " + " ".join(map(str, args.devdirs)), file=sys.stderr)
        return 2
    groups = {f"{f.parent.name}/{f.name}": load_group(f) for f in folders}
    print(f"{sum(len(g) for g in groups.values())} pages, "
          f"{sum(len(p.y) for g in groups.values() for p in g)} movable lines, {len(groups)} groups")
    out: dict[str, Any] = {}
    fit_args = (args.model, args.to_body, args.to_boilerplate, not args.without_roles)
    if args.logo:
        pooled_rules, pooled_scored = Scores(), Scores()
        for name, pages in groups.items():
            rest = [p for other, g in groups.items() if other != name for p in g]
            scorer = fit(rest, *fit_args)
            out[name] = report(name, pages, scorer)
            pooled_rules.add(score(pages, None))
            pooled_scored.add(score(pages, scorer))
        r, s = pooled_rules.figures(), pooled_scored.figures()
        print(f"{'pooled':12} rules  " + "  ".join(f"{k} {r[k]}" for k in FIGURES))
        print(f"{'':12} scorer " + "  ".join(f"{k} {s[k]}" for k in FIGURES))
        out["logo_pooled"] = {"rules": r, "scorer": s}
    everything = [p for g in groups.values() for p in g]
    if args.test or args.out:
        scorer = fit(everything, *fit_args)
        if args.test:
            test = [p for f in sorted({q.parent for q in args.test.rglob("annotations.json")})
                    for p in load_group(f)]
            out["test"] = report(f"test:{args.test.name}", test, scorer)
        if args.out:
            args.out.write_text(json.dumps(scorer.to_json(), indent=1) + "\n", encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
