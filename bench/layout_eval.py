"""Text-page layout against hand-annotated real pages: titles, dates, header, boilerplate, body.

    python bench/layout_eval.py DEVDIR [--json OUT] [--failures] [--time N]

``DEVDIR`` holds one or more folders, each with text pages (``*.txt``) and an
``annotations.json`` beside them (kept out of the repository)::

    {"NAME.txt": {"site": "example.org", "title": "…" | null, "date": "2017-04-12" | null,
                  "lines": [{"label": "header", "text": "…"}, …]}}

``lines`` are the page's non-blank lines in order (stripped), each labelled ``header`` (site
chrome), ``boilerplate`` (captions, labels, share/print/cookie lines, footers…), ``title``,
``subtitle``, ``dateline``, ``heading`` or ``body``.  Pages are processed as ``bicorpus ingest``
processes them, folder by folder (site-level boilerplate included when this bicorpus has it).

Figures, over all pages and per folder:

* ``title``: share of pages whose title is the annotated one (``null`` when none is annotated);
* ``date``: share of pages whose ISO date is the annotated one;
* ``header_out``: share of header lines kept out of the article (not title, subtitle, dateline,
  body or heading);
* ``boilerplate_in``: share of boilerplate lines left in the article;
* ``body_p``, ``body_r``, ``body_f1``: body lines (body or heading) found, line by line.

``--time N`` lays every page out N more times and prints the layout time per page (milliseconds,
best of the N rounds; reading the files and the site table are not counted).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bicorpus import layout as layout_mod
from bicorpus.sources import read_source

ARTICLE = frozenset({"title", "subtitle", "dateline", "body", "heading"})
BODY = frozenset({"body", "heading"})


@dataclass
class Scores:
    pages: int = 0
    title_ok: int = 0
    date_ok: int = 0
    header: int = 0
    header_out: int = 0
    boilerplate: int = 0
    boilerplate_in: int = 0
    body_tp: int = 0
    body_fp: int = 0
    body_fn: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, other: Scores) -> None:
        for name in ("pages", "title_ok", "date_ok", "header", "header_out", "boilerplate",
                     "boilerplate_in", "body_tp", "body_fp", "body_fn"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.failures.extend(other.failures)

    def figures(self) -> dict[str, float | int]:
        def share(a: int, b: int) -> float:
            return round(a / b, 4) if b else 1.0
        p = share(self.body_tp, self.body_tp + self.body_fp)
        r = share(self.body_tp, self.body_tp + self.body_fn)
        return {
            "pages": self.pages,
            "title": share(self.title_ok, self.pages),
            "date": share(self.date_ok, self.pages),
            "header_out": share(self.header_out, self.header),
            "boilerplate_in": round(self.boilerplate_in / self.boilerplate, 4) if self.boilerplate else 0.0,
            "body_p": p,
            "body_r": r,
            "body_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "header_lines": self.header,
            "boilerplate_lines": self.boilerplate,
        }


def _key(text: str | None) -> str | None:
    return re.sub(r"\s+", " ", text).strip() if text else None


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        if line.strip():
            lead = len(line) - len(line.lstrip())
            spans.append((m.start() + lead, m.start() + lead + len(line.strip())))
    return spans


def _predicted(layout: Any, start: int, end: int) -> str:
    for h in layout.headings:
        if h.start < end and start < h.end:
            return "heading"
    best, overlap = "none", 0
    for b in layout.blocks:
        o = min(end, b.end) - max(start, b.start)
        if o > overlap:
            best, overlap = b.region, o
    return best


def _site_table(paths: list[Path]) -> Any:
    try:
        from bicorpus import layout_site
    except ImportError:
        return None
    return layout_site.site_table(paths)


def score_page(path: Path, gold: dict[str, Any], hits: frozenset[str] | None, show: bool) -> Scores:
    """One annotated page scored against its annotation ``gold`` (``hits``: its lines the site
    table finds repeated, ``None`` without a site table)."""
    src = read_source(path)
    if hits is not None:
        layout = layout_mod.analyze(src.text, src.headings, repeated=hits)
    else:
        layout = layout_mod.analyze(src.text, src.headings)
    s = Scores(pages=1)
    s.title_ok = int(_key(layout.title) == _key(gold["title"]))
    s.date_ok = int(layout.date == gold["date"])
    if show and not s.title_ok:
        s.failures.append(f"{path.name}: title {layout.title!r} != {gold['title']!r}")
    if show and not s.date_ok:
        s.failures.append(f"{path.name}: date {layout.date!r} != {gold['date']!r}")
    spans = _line_spans(src.text)
    if len(spans) != len(gold["lines"]):
        raise SystemExit(f"{path}: {len(spans)} lines, {len(gold['lines'])} annotated")
    for (start, end), line in zip(spans, gold["lines"], strict=True):
        if src.text[start:end] != line["text"]:
            raise SystemExit(f"{path}: line text differs from its annotation: {line['text'][:60]!r}")
        want, got = line["label"], _predicted(layout, start, end)
        if want == "header":
            s.header += 1
            s.header_out += got not in ARTICLE
        elif want == "boilerplate":
            s.boilerplate += 1
            s.boilerplate_in += got in ARTICLE
        if want in BODY and got in BODY:
            s.body_tp += 1
        elif want in BODY:
            s.body_fn += 1
        elif got in BODY:
            s.body_fp += 1
        if (show and (want in BODY) != (got in BODY)) or (show and want == "header" and got in ARTICLE):
            s.failures.append(f"{path.name}: {want} read as {got}: {line['text'][:70]!r}")
    return s


def page_scores(folder: Path, show: bool = False) -> list[tuple[str, Scores]]:
    """Every annotated page of ``folder`` with its scores, in name order."""
    annotations = json.loads((folder / "annotations.json").read_text(encoding="utf-8"))
    paths = sorted(folder / name for name in annotations)
    table = _site_table(paths)
    return [(path.name, score_page(path, annotations[path.name],
                                   table.hits(path) if table is not None else None, show))
            for path in paths]


def score_folder(folder: Path, show: bool) -> Scores:
    scores = Scores()
    for _, s in page_scores(folder, show):
        scores.add(s)
    return scores


def dev_folders(devdir: Path) -> list[Path]:
    """The folders under ``devdir`` (itself included) that hold an ``annotations.json``."""
    return sorted({p.parent for p in devdir.rglob("annotations.json")})


def time_layout(folders: list[Path], rounds: int) -> float:
    """Milliseconds a page for :func:`bicorpus.layout.analyze` alone, best of ``rounds`` rounds."""
    pages = []
    for folder in folders:
        annotations = json.loads((folder / "annotations.json").read_text(encoding="utf-8"))
        paths = sorted(folder / name for name in annotations)
        table = _site_table(paths)
        for path in paths:
            src = read_source(path)
            pages.append((src.text, src.headings, table.hits(path) if table is not None else frozenset()))
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for text, headings, hits in pages:
            layout_mod.analyze(text, headings, repeated=hits)
        best = min(best, time.perf_counter() - start)
    return round(1000 * best / max(1, len(pages)), 3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("devdir", type=Path)
    parser.add_argument("--json", type=Path, help="write the figures as JSON here")
    parser.add_argument("--failures", action="store_true", help="print each miss")
    parser.add_argument("--time", type=int, default=0, metavar="N",
                        help="also time the layout of every page, best of N rounds")
    args = parser.parse_args(argv)
    folders = dev_folders(args.devdir)
    if not folders:
        print(f"{args.devdir}: no annotations.json found", file=sys.stderr)
        return 2
    total = Scores()
    out: dict[str, Any] = {"folders": {}}
    for folder in folders:
        s = score_folder(folder, args.failures)
        out["folders"][folder.name] = s.figures()
        total.add(s)
    out["all"] = total.figures()
    for name, figures in [*out["folders"].items(), ("all", out["all"])]:
        print(f"{name:10} " + "  ".join(f"{k} {v}" for k, v in figures.items()))
    if args.time:
        out["layout_ms_per_page"] = time_layout(folders, args.time)
        print(f"layout     {out['layout_ms_per_page']} ms a page (best of {args.time} rounds)")
    if args.failures:
        print("\n".join(total.failures))
    if args.json:
        args.json.write_text(json.dumps({**out, "failures": total.failures}, ensure_ascii=False, indent=1),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
