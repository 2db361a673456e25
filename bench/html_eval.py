"""Main-text extraction on real HTML: bicorpus against trafilatura and a visible-text dump.

    python bench/html_eval.py TRAFILATURA_TESTS_DIR [--json OUT] [--limit N]

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
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import time
from pathlib import Path
from typing import Any

ARTICLE_REGIONS = frozenset({"title", "subtitle", "body"})
_WS_RE = re.compile(r"\s+")


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


def bicorpus_article(path: Path) -> tuple[str | None, str | None]:
    """(article text, refusal reason)."""
    from bicorpus.errors import SourceError
    from bicorpus.pipeline import process_document
    from bicorpus.sources import read_source

    try:
        src = read_source(path, fmt="html")
    except SourceError as err:
        return None, err.reason
    _, passages = process_document(src)
    return "\n".join(p.text for p in passages if p.region in ARTICLE_REGIONS), None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("tests_dir", type=Path, help="trafilatura's tests/ folder")
    ap.add_argument("--json", type=Path, help="write the figures here as JSON")
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages (sorted by URL)")
    args = ap.parse_args(argv)

    from trafilatura import extract, html2txt

    logging.disable(logging.CRITICAL)
    data = json.loads((args.tests_dir / "evaldata.json").read_text(encoding="utf-8"))
    urls = sorted(data)
    if args.limit:
        urls = urls[: args.limit]
    scores = {"bicorpus": Score(), "trafilatura": Score(), "html2txt": Score()}
    times = {"bicorpus": 0.0, "trafilatura": 0.0}
    refused: list[tuple[str, str]] = []
    missing = 0
    for n, url in enumerate(urls, 1):
        item = data[url]
        path = resolve(args.tests_dir, item["file"])
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
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
