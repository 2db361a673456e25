"""Main-text extraction on real HTML: bicorpus against trafilatura and a visible-text dump.

    python bench/html_eval.py TRAFILATURA_TESTS_DIR [--json OUT] [--limit N] [--bodies DIR ...]
    python bench/html_eval.py --bodies DIR [--bodies DIR ...] [--json OUT]

TRAFILATURA_TESTS_DIR is the ``tests/`` folder of trafilatura's repository: ``evaldata.json``
names each page's file (under ``eval/`` or ``cache/``) with snippets that must be in the main
text ("with") and snippets that must not ("without").  Scored as trafilatura's own evaluation
scores: each "with" snippet found (whitespace-normalized substring) is a true positive, each one
missed a false negative, each "without" snippet found a false positive.

Three systems run on every page, in the same process and loop:

* ``bicorpus``: ``read_source`` + ``process_document`` (the whole HTML ingest of one page); its
  article text is the text of its title, subtitle and body passages;
* ``trafilatura``: ``trafilatura.extract`` with its evaluation's settings (tables, no comments);
* ``html2txt``: trafilatura's dump of all visible text (what taking every line gives).

Also printed: pages bicorpus refused, and the time of bicorpus's HTML ingest as a ratio to
trafilatura's ``extract`` alone on the same pages (both timed in the same loop).

``--bodies DIR`` (any number of times) adds a set of pages with their whole article body written
out: ``DIR/ground-truth.json`` maps each page's key to ``{"articleBody": ..., "url": ...}`` and the
page is ``DIR/html/KEY.html`` or ``DIR/html/KEY.html.gz`` (the layout of the public
article-extraction-benchmark of scrapinghub/Zyte; a hand-made set in that layout works the same).
Each page is scored by its tokens (words, casefolded): true positives are the tokens the
extracted body and the true body share (as multisets), precision and recall per page, averaged
over the pages, F1 from the averages; also summed over all pages (``micro``), and the shingle
(4-gram) score of that benchmark's own ``evaluate.py``.  bicorpus's body is the text of its body
passages; trafilatura's is ``extract`` with the same settings as above.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ARTICLE_REGIONS = frozenset({"title", "subtitle", "body"})
BODY_REGIONS = frozenset({"body"})
_WS_RE = re.compile(r"\s+")
_TOKEN_RE = re.compile(r"\w+")


def norm(text: str) -> str:
    return _WS_RE.sub(" ", text).strip()


def resolve(here: Path, name: str) -> Path | None:
    for sub in ("cache", "eval"):
        path = here / sub / name
        if path.is_file():
            return path
    return None


class Score:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = self.tn = 0

    def add(self, item: dict[str, Any], result: str | None) -> None:
        res = norm(result) if result else ""
        tp = sum(1 for w in item["with"] if res and norm(w) in res)
        fp = sum(1 for w in item["without"] if res and norm(w) in res)
        self.tp += tp
        self.fp += fp
        self.fn += len(item["with"]) - tp
        self.tn += len(item["without"]) - fp

    def figures(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        acc = (self.tp + self.tn) / max(1, self.tp + self.tn + self.fp + self.fn)
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "accuracy": round(acc, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn}


def bicorpus_article(path: Path, regions: frozenset[str] = ARTICLE_REGIONS) -> tuple[str | None, str | None]:
    """(article text, refusal reason)."""
    from bicorpus.errors import SourceError
    from bicorpus.pipeline import process_document
    from bicorpus.sources import read_source

    try:
        src = read_source(path, fmt="html")
    except SourceError as err:
        return None, err.reason
    _, passages = process_document(src)
    return "\n".join(p.text for p in passages if p.region in regions), None


def tokens(text: str | None) -> list[str]:
    return _TOKEN_RE.findall((text or "").casefold())


class BodyScore:
    """Token-level precision, recall and F1 of extracted bodies against true bodies."""

    def __init__(self) -> None:
        self.pages: list[tuple[float, float]] = []  # (precision, recall) of each page
        self.tp = self.n_pred = self.n_true = 0
        self.shingles: list[tuple[float, float, float]] = []

    def add(self, true: str, pred: str | None) -> float:
        """Score one page; returns its F1."""
        t, p = Counter(tokens(true)), Counter(tokens(pred))
        tp = sum((t & p).values())
        n_true, n_pred = sum(t.values()), sum(p.values())
        self.tp += tp
        self.n_true += n_true
        self.n_pred += n_pred
        precision = tp / n_pred if n_pred else float(n_true == 0)
        recall = tp / n_true if n_true else 1.0
        self.pages.append((precision, recall))
        self.shingles.append(shingle_tp_fp_fn(true, pred or ""))
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def figures(self) -> dict[str, float]:
        n = max(1, len(self.pages))
        p = sum(x for x, _ in self.pages) / n
        r = sum(y for _, y in self.pages) / n
        mp = self.tp / self.n_pred if self.n_pred else 0.0
        mr = self.tp / self.n_true if self.n_true else 0.0
        sp = [tp / (tp + fp) if tp + fp else (1.0 if fp == fn == 0 else 0.0) for tp, fp, fn in self.shingles]
        sr = [tp / (tp + fn) if tp + fn else (1.0 if fp == fn == 0 else 0.0) for tp, fp, fn in self.shingles]
        sp_, sr_ = sum(sp) / n, sum(sr) / n
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(_f1(p, r), 4),
                "micro_precision": round(mp, 4), "micro_recall": round(mr, 4),
                "micro_f1": round(_f1(mp, mr), 4),
                "shingle_f1": round(_f1(sp_, sr_), 4), "pages": len(self.pages)}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def shingle_tp_fp_fn(true: str, pred: str, n: int = 4) -> tuple[float, float, float]:
    """The article-extraction-benchmark's score of one page: 4-gram shingles of tokens, as
    multisets, normalized so that each page weighs the same."""
    def grams(text: str) -> Counter[tuple[str, ...]]:
        toks = _TOKEN_RE.findall(text)
        return Counter(tuple(toks[i:i + n]) for i in range(max(1, len(toks) - n + 1)) if toks[i:i + n])

    t, p = grams(true), grams(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def body_pages(folder: Path) -> list[tuple[str, Path, str]]:
    """(key, page file, true body) of a ``--bodies`` folder, sorted by key."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for key in sorted(truth):
        for name in (f"{key}.html", f"{key}.html.gz", f"{key}.htm"):
            path = folder / "html" / name
            if path.is_file():
                out.append((key, path, truth[key].get("articleBody") or ""))
                break
    return out


def run_bodies(folder: Path, scratch: Path, extract: Any) -> dict[str, Any]:
    """Score bicorpus and trafilatura on one ``--bodies`` set, timed in the same loop."""
    scores = {"bicorpus": BodyScore(), "trafilatura": BodyScore()}
    times = {"bicorpus": 0.0, "trafilatura": 0.0}
    refused: list[tuple[str, str]] = []
    worst: list[tuple[float, str]] = []
    pages = body_pages(folder)
    for key, path, true in pages:
        raw = path.read_bytes()
        if path.suffix == ".gz":
            raw = gzip.decompress(raw)
            path = scratch / f"{key}.html"
            path.write_bytes(raw)
        t0 = time.perf_counter()
        theirs = extract(raw, fast=False, include_comments=False, include_tables=True,
                         include_formatting=False)
        t1 = time.perf_counter()
        ours, reason = bicorpus_article(path, BODY_REGIONS)
        t2 = time.perf_counter()
        times["trafilatura"] += t1 - t0
        times["bicorpus"] += t2 - t1
        if reason is not None:
            refused.append((key, reason))
        worst.append((scores["bicorpus"].add(true, ours), key))
        scores["trafilatura"].add(true, theirs)
    figures: dict[str, Any] = {name: s.figures() for name, s in scores.items()}
    figures["pages"] = len(pages)
    figures["refused"] = [{"file": k, "reason": r} for k, r in refused]
    figures["worst_bicorpus"] = [{"key": k, "f1": round(f, 3)} for f, k in sorted(worst)[:10]]
    ratio = times["bicorpus"] / max(times["trafilatura"], 1e-9)
    figures["time_ratio_bicorpus_to_trafilatura"] = round(ratio, 3)
    return figures


def print_bodies(folder: Path, figures: dict[str, Any]) -> None:
    print(f"\nbodies {folder} ({figures['pages']} pages, refused {len(figures['refused'])}): token-level, "
          "per-page average (micro: summed over pages; shingle: 4-gram F1 of the benchmark's evaluate.py)")
    print(f"{'system':<12} {'precision':>9} {'recall':>7} {'F1':>6} {'micro F1':>9} {'shingle F1':>11}")
    for name in ("bicorpus", "trafilatura"):
        f = figures[name]
        print(f"{name:<12} {f['precision']:>9.3f} {f['recall']:>7.3f} {f['f1']:>6.3f} {f['micro_f1']:>9.3f} "
              f"{f['shingle_f1']:>11.3f}")
    print(f"time ratio bicorpus / trafilatura {figures['time_ratio_bicorpus_to_trafilatura']:.2f}x")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("tests_dir", type=Path, nargs="?", help="trafilatura's tests/ folder")
    ap.add_argument("--json", type=Path, help="write the figures here as JSON")
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages (sorted by URL)")
    ap.add_argument("--bodies", type=Path, action="append", default=[],
                    help="a folder of pages with true article bodies (ground-truth.json, html/)")
    args = ap.parse_args(argv)
    if args.tests_dir is None and not args.bodies:
        ap.error("give TRAFILATURA_TESTS_DIR, --bodies DIR, or both")

    from trafilatura import extract

    logging.disable(logging.CRITICAL)
    figures: dict[str, Any] = {}
    if args.tests_dir is not None:
        figures = snippets(args.tests_dir, args.limit, extract)
    if args.bodies:
        import tempfile

        figures["bodies"] = {}
        with tempfile.TemporaryDirectory() as scratch:
            for folder in args.bodies:
                result = run_bodies(folder, Path(scratch), extract)
                figures["bodies"][str(folder)] = result
                print_bodies(folder, result)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


def snippets(tests_dir: Path, limit: int, extract: Any) -> dict[str, Any]:
    """The snippet evaluation on trafilatura's pages (printed), its figures."""
    from trafilatura import html2txt

    data = json.loads((tests_dir / "evaldata.json").read_text(encoding="utf-8"))
    urls = sorted(data)
    if limit:
        urls = urls[:limit]
    scores = {"bicorpus": Score(), "trafilatura": Score(), "html2txt": Score()}
    times = {"bicorpus": 0.0, "trafilatura": 0.0}
    refused: list[tuple[str, str]] = []
    missing = 0
    for n, url in enumerate(urls, 1):
        item = data[url]
        path = resolve(tests_dir, item["file"])
        if path is None:
            missing += 1
            continue
        raw = path.read_bytes()
        t0 = time.perf_counter()
        theirs = extract(raw, fast=False, include_comments=False, include_tables=True,
                         include_formatting=False)
        t1 = time.perf_counter()
        ours, reason = bicorpus_article(path)
        t2 = time.perf_counter()
        times["trafilatura"] += t1 - t0
        times["bicorpus"] += t2 - t1
        if reason is not None:
            refused.append((item["file"], reason))
        scores["trafilatura"].add(item, theirs)
        scores["bicorpus"].add(item, ours)
        scores["html2txt"].add(item, html2txt(raw))
        if n % 100 == 0:
            print(f"  {n}/{len(urls)} pages", file=sys.stderr)

    figures: dict[str, Any] = {name: s.figures() for name, s in scores.items()}
    figures["pages"] = len(urls) - missing
    figures["missing_files"] = missing
    figures["refused"] = len(refused)
    figures["refused_pages"] = [{"file": f, "reason": r} for f, r in refused]
    figures["seconds"] = {k: round(v, 2) for k, v in times.items()}
    ratio = times["bicorpus"] / max(times["trafilatura"], 1e-9)
    figures["time_ratio_bicorpus_to_trafilatura"] = round(ratio, 3)

    print(f"{'system':<12} {'precision':>9} {'recall':>7} {'F1':>6}")
    for name in scores:
        f = figures[name]
        print(f"{name:<12} {f['precision']:>9.3f} {f['recall']:>7.3f} {f['f1']:>6.3f}")
    print(f"pages {figures['pages']}, refused {len(refused)}"
          + "".join(f"\n  refused {f}: {r}" for f, r in refused))
    print(f"time: bicorpus ingest {times['bicorpus']:.1f} s, "
          f"trafilatura extract {times['trafilatura']:.1f} s, ratio {ratio:.2f}x")
    return figures


if __name__ == "__main__":
    raise SystemExit(main())
