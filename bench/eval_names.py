"""Name matching on real English–Arabic name pairs: recall, false matches, Latin variants.

Data: ``bench/data/names-dev.tsv`` (ANETAC sample, see ``bench/data/README.md`` for the
citation), columns ``english``, ``arabic``, ``class``.

Measures, per class and overall, for ``match()`` and for bare key equality (what the index
looks up):

* cross-script recall: the English name matches its Arabic pair;
* the false-match rate on random non-pairs (English of one row, Arabic of another row
  with a different Arabic name), drawn with a fixed seed;
* Latin-variant recall: rows grouped by identical normalized Arabic; every two distinct
  English spellings within a group should match each other;
* the same for a crude consonant-skeleton key, as a floor to compare against.

The rows are split with a fixed seed into a development half (the one the rules were
looked at on) and a held-out half; figures are given for both.

    python bench/eval_names.py                       # all figures, 200,000 non-pairs
    python bench/eval_names.py --json                # the same as JSON
    python bench/eval_names.py --failures /tmp/f.tsv # misses on the dev half, for reading
    python bench/eval_names.py --speed               # name_keys and Gazetteer.find throughput
    python bench/eval_names.py --entities            # spellings of the page generator's entities
    python bench/eval_names.py --collisions          # English words the gazetteer takes for names

``--entities`` checks the spellings of ``bench/generator_data/entities.json`` (real names of
this domain: al-Nusra Front / an-Nusrah / جبهة النصرة, Deir ez-Zor / Dayr az-Zawr ...):
every two spellings of one entity should match, no two of different entities should.
These spellings are not held out (the shipped gazetteer lists most of them), so this is a
check of the domain's names, not a measure of generalization.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import random
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bicorpus.names import Gazetteer, match, name_keys
from bicorpus.normalize import normalize_token, tokenize

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE / "data" / "names-dev.tsv"
SPLIT_SEED = 20190708
NONPAIR_SEED = 7
CLASSES = ("person", "location", "organization")

Matcher = Callable[[str, str], bool]


@dataclass(frozen=True)
class Row:
    english: str
    arabic: str
    cls: str


def load_rows(path: Path = DEFAULT_DATA) -> list[Row]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [Row(r["english"], r["arabic"], r["class"])
                for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]


def split_rows(rows: Sequence[Row], seed: int = SPLIT_SEED) -> tuple[list[Row], list[Row]]:
    """(development half, held-out half), fixed by ``seed``."""
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    half = len(order) // 2
    return [rows[i] for i in sorted(order[:half])], [rows[i] for i in sorted(order[half:])]


# ------------------------------------------------------------------ matchers


def match_matcher(a: str, b: str) -> bool:
    return match(a, b) is not None


def keys_matcher(a: str, b: str) -> bool:
    return bool(set(name_keys(a)) & set(name_keys(b)))


_CRUDE_AR = str.maketrans({
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "", "خ": "k", "د": "d", "ذ": "d", "ر": "r", "ز": "z",
    "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "g", "ف": "f", "ق": "k", "ك": "k",
    "ل": "l", "م": "m", "ن": "n", "ه": "", "و": "", "ي": "", "ة": "", "ا": "", "أ": "", "إ": "", "آ": "",
    "ى": "", "ء": "", "ؤ": "", "ئ": "", "ع": "",
})
_CRUDE_LATIN = str.maketrans({"c": "k", "q": "k", "v": "f", "p": "b", "x": "ks"})
_CRUDE_DROP_RE = re.compile(r"[^bdfgjklmnrstz]")
_RUNS_RE = re.compile(r"(.)\1+")
_ARABIC_RE = re.compile("[\u0600-\u06ff]")


def crude_key(name: str) -> str:
    """A crude exact consonant skeleton: one letter per consonant, no vowels, h, w or y, doubles merged."""
    if _ARABIC_RE.search(name):
        skeleton = "".join(ch for ch in name.translate(_CRUDE_AR) if ch.isascii() and ch.isalpha())
    else:
        skeleton = _CRUDE_DROP_RE.sub("", normalize_token(name).translate(_CRUDE_LATIN))
    return _RUNS_RE.sub(r"\1", skeleton)


def crude_matcher(a: str, b: str) -> bool:
    ka, kb = crude_key(a), crude_key(b)
    return bool(ka) and ka == kb


MATCHERS: dict[str, Matcher] = {"match": match_matcher, "keys": keys_matcher, "crude": crude_matcher}


# ------------------------------------------------------------------ measures


def recall(rows: Sequence[Row], matcher: Matcher) -> dict[str, float]:
    hits: dict[str, int] = defaultdict(int)
    totals: dict[str, int] = defaultdict(int)
    for row in rows:
        totals[row.cls] += 1
        hits[row.cls] += matcher(row.english, row.arabic)
    out = {c: hits[c] / totals[c] for c in CLASSES if totals[c]}
    out["overall"] = sum(hits.values()) / max(1, sum(totals.values()))
    return out


def nonpairs(rows: Sequence[Row], n: int, seed: int = NONPAIR_SEED) -> list[tuple[Row, Row]]:
    """``n`` random (row i, row j) with different Arabic names, drawn with ``seed``."""
    rnd = random.Random(seed)
    out: list[tuple[Row, Row]] = []
    while len(out) < n:
        a, b = rnd.choice(rows), rnd.choice(rows)
        if normalize_token(a.arabic) != normalize_token(b.arabic) and a.english.lower() != b.english.lower():
            out.append((a, b))
    return out


def false_match_rate(pairs: Sequence[tuple[Row, Row]], matcher: Matcher) -> dict[str, float]:
    false: dict[str, int] = defaultdict(int)
    totals: dict[str, int] = defaultdict(int)
    for a, b in pairs:
        totals[a.cls] += 1
        false[a.cls] += matcher(a.english, b.arabic)
    out = {c: false[c] / totals[c] for c in CLASSES if totals[c]}
    out["overall"] = sum(false.values()) / max(1, sum(totals.values()))
    return out


def latin_variant_pairs(rows: Sequence[Row]) -> list[tuple[str, str]]:
    """Pairs of distinct English spellings of one (normalized) Arabic name."""
    groups: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        groups[normalize_token(row.arabic)].add(row.english)
    pairs = []
    for spellings in groups.values():
        distinct = {normalize_token(s): s for s in sorted(spellings)}
        pairs.extend(itertools.combinations(sorted(distinct.values()), 2))
    return pairs


def variant_recall(pairs: Sequence[tuple[str, str]], matcher: Matcher) -> float:
    return sum(matcher(a, b) for a, b in pairs) / max(1, len(pairs))


def evaluate(rows: Sequence[Row], n_nonpairs: int, matchers: Sequence[str] = ("match", "keys", "crude"),
             seed: int = NONPAIR_SEED) -> dict[str, object]:
    """Every figure for one set of rows."""
    pairs = nonpairs(rows, n_nonpairs, seed)
    variants = latin_variant_pairs(rows)
    result: dict[str, object] = {"rows": len(rows), "nonpairs": len(pairs), "variant_pairs": len(variants)}
    for name in matchers:
        matcher = MATCHERS[name]
        start = time.perf_counter()
        result[name] = {
            "recall": recall(rows, matcher),
            "false_match_rate": false_match_rate(pairs, matcher),
            "variant_recall": variant_recall(variants, matcher),
            "seconds": round(time.perf_counter() - start, 1),
        }
    return result


def failures(rows: Sequence[Row], matcher: Matcher) -> list[Row]:
    return [row for row in rows if not matcher(row.english, row.arabic)]


# ------------------------------------------------------------------ domain entities


def entity_spellings(path: Path) -> list[tuple[str, list[str]]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [(e["id"], [*e.get("en", []), *e.get("ar", [])]) for e in data["entities"]]


def entity_check(entities: Sequence[tuple[str, list[str]]]) -> dict[str, object]:
    """Same-entity spelling pairs matched (and by which tier), different-entity pairs matched."""
    same = [(a, b) for _, names in entities for a, b in itertools.combinations(names, 2)]
    flat = [(eid, n) for eid, names in entities for n in names]
    other = [(a[1], b[1]) for a, b in itertools.combinations(flat, 2) if a[0] != b[0]]

    tiers: dict[str, int] = defaultdict(int)
    misses = []
    for a, b in same:
        found = match(a, b)
        if found is None:
            misses.append((a, b))
        else:
            tiers[found.tier] += 1
    wrong = [(a, b) for a, b in other if match_matcher(a, b)]
    return {
        "entities": len(entities), "same_pairs": len(same), "other_pairs": len(other),
        "match_recall": 1 - len(misses) / max(1, len(same)), "tiers": dict(tiers),
        "match_false_rate": len(wrong) / max(1, len(other)),
        "misses": misses[:20], "false_matches": wrong[:20],
    }


# ------------------------------------------------------------------ English look-alikes


def collisions(top: int = 50_000) -> list[tuple[int, str, list[str]]]:
    """(rank, word, entity ids) for frequent English words that, capitalized, the shipped
    gazetteer finds by key (not as spelled).  Needs the ``wordfreq`` package."""
    try:
        from wordfreq import top_n_list  # type: ignore[import-not-found]
    except ImportError:
        raise SystemExit("--collisions needs the wordfreq package (pip install wordfreq)") from None
    gazetteer = Gazetteer.load()
    out = []
    for rank, word in enumerate(top_n_list("en", top)):
        if not (word.isascii() and word.isalpha()):
            continue
        found = gazetteer._scan([word.capitalize()], False)
        spelled = {m.entity_id for m, by_spelling in found if by_spelling}
        hits = sorted({m.entity_id for m, by_spelling in found if not by_spelling} - spelled)
        if hits:
            out.append((rank, word, hits))
    return out


# ------------------------------------------------------------------ speed


def speed(rows: Sequence[Row], page: Path, repeat: int = 5) -> dict[str, float]:
    """Microseconds per distinct word for ``name_keys`` with an empty cache, per token with a
    warm one, and per token for ``Gazetteer.find`` on ``page``; microseconds per ``match()``."""
    words = list(dict.fromkeys([r.english for r in rows] + [r.arabic for r in rows]))
    start = time.perf_counter()
    for _ in range(repeat):
        name_keys.cache_clear()
        for word in words:
            name_keys(word)
    cold = (time.perf_counter() - start) / (repeat * len(words))
    tokens = [t.text for t in tokenize(page.read_text(encoding="utf-8"))]
    start = time.perf_counter()
    for _ in range(repeat * 20):
        for token in tokens:
            name_keys(token)
    warm = (time.perf_counter() - start) / (repeat * 20 * len(tokens))
    gazetteer = Gazetteer.load()
    gazetteer.find(tokens)
    start = time.perf_counter()
    for _ in range(repeat * 10):
        gazetteer.find(tokens)
    find = (time.perf_counter() - start) / (repeat * 10 * len(tokens))
    pairs = [(r.english, r.arabic) for r in rows[:2000]]
    start = time.perf_counter()
    for a, b in pairs:
        match(a, b)
    per_match = (time.perf_counter() - start) / len(pairs)
    return {"name_keys_cold_us_per_word": round(cold * 1e6, 2),
            "name_keys_warm_us_per_token": round(warm * 1e6, 3),
            "find_us_per_token": round(find * 1e6, 2), "match_us_per_pair": round(per_match * 1e6, 1),
            "page_tokens": len(tokens)}


# ------------------------------------------------------------------ report


def _pct(x: float, places: int = 1) -> str:
    return f"{100 * x:.{places}f}%"


def print_report(results: dict[str, dict[str, object]], matchers: Sequence[str]) -> None:
    for part, res in results.items():
        print(f"\n== {part}: {res['rows']} pairs, {res['nonpairs']:,} non-pairs, "
              f"{res['variant_pairs']} Latin-variant pairs")
        print(f"{'matcher':8} {'person':>8} {'location':>9} {'org':>8} {'overall':>8}   "
              f"{'FMR':>8}   {'variants':>8}   {'time':>6}")
        for name in matchers:
            fig = res[name]
            assert isinstance(fig, dict)
            rec, fmr = fig["recall"], fig["false_match_rate"]
            print(f"{name:8} {_pct(rec.get('person', 0)):>8} {_pct(rec.get('location', 0)):>9} "
                  f"{_pct(rec.get('organization', 0)):>8} {_pct(rec['overall']):>8}   "
                  f"{_pct(fmr['overall'], 3):>8}   {_pct(fig['variant_recall']):>8}   {fig['seconds']:>5}s")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--nonpairs", type=int, default=200_000, help="random non-pairs per part")
    parser.add_argument("--matchers", default="match,keys,crude")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--failures", type=Path, help="write the dev half's misses (match) here as TSV")
    parser.add_argument("--speed", action="store_true", help="measure throughput instead of accuracy")
    parser.add_argument("--entities", action="store_true", help="check the page generator's entity spellings")
    parser.add_argument("--collisions", action="store_true",
                        help="frequent English words the gazetteer takes for names (needs wordfreq)")
    args = parser.parse_args(argv)
    if args.collisions:
        found = collisions()
        for rank, word, hits in found:
            print(f"{rank:6} {word:20} {' '.join(hits)}")
        print(f"{len(found)} words (add the unwanted ones to src/bicorpus/names/data/common_words.txt)")
        return 0
    if args.entities:
        report = entity_check(entity_spellings(HERE / "generator_data" / "entities.json"))
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    if args.speed:
        figures = speed(load_rows(args.data), HERE.parent / "seeds" / "000_365465f9b8a3ec32.txt")
        print(json.dumps(figures, indent=2) if args.json else
              "\n".join(f"{k:30} {v}" for k, v in figures.items()))
        return 0
    matchers = [m for m in args.matchers.split(",") if m]
    rows = load_rows(args.data)
    dev, held_out = split_rows(rows)
    results = {
        "dev half": evaluate(dev, args.nonpairs, matchers),
        "held-out half": evaluate(held_out, args.nonpairs, matchers),
        "all": evaluate(rows, args.nonpairs, matchers),
    }
    if args.failures:
        with args.failures.open("w", encoding="utf-8") as out:
            for row in failures(dev, match_matcher):
                out.write(f"{row.english}\t{row.arabic}\t{row.cls}\t{' '.join(name_keys(row.english))}\t"
                          f"{' '.join(name_keys(row.arabic))}\n")
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        print()
    else:
        print_report(results, matchers)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
