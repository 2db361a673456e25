"""Page metadata on real HTML: bicorpus's document title, date and authors against trafilatura and htmldate.

    python bench/meta_eval.py DATADIR... [--json OUT] [--part tune|final|all] [--limit N]

Each DATADIR holds a ``truth.jsonl``: one JSON object a line, ``{"file", "url", "title", "date",
"authors"}`` (``file`` absolute or relative to DATADIR; a field left out or empty is unknown and
not scored; ``date`` may be a list of acceptable days).  ``bench/meta_sets.py`` builds such
folders from the public test pages of trafilatura and htmldate, ``bench/fundus_sets.py`` from
those of fundus (news pages with their whole article body too); a hand-annotated set of saved
pages (a ``truth.jsonl`` beside them, ``title`` the headline a reader sees and ``date`` the day
the page shows as its publication) is read the same way.  The page's URL is *not* given to
any system: a saved ``.html`` file is all bicorpus sees, so every system reads the markup alone.

Systems, run on every page in the same loop:

* ``bicorpus``: ``read_source`` + ``process_document`` (the whole HTML ingest of one page); the
  :class:`~bicorpus.model.Document`'s ``title``, ``date`` and ``authors``.  Its time is the whole
  ingest; ``page_meta`` is the time of :func:`bicorpus.readers.page_meta.read_page_meta` alone
  on the parsed tree (the metadata part of that ingest);
* ``trafilatura``: ``bare_extraction(html, with_metadata=True)`` (main text and metadata, its
  defaults); ``extract_metadata`` is trafilatura's metadata reader alone on a parsed tree (timed);
* ``htmldate``: ``find_date(html, original_date=True)`` (publication date, its default extensive
  search), dates only.

How a page is judged:

* **title**: right when it equals the expected title after normalization: Unicode NFKC,
  casefolded, quotes (« » “ ” „ ‘ ’) and dashes (– — ‐) folded to ASCII, whitespace collapsed,
  spaces and ``. : | - – —`` trimmed at both ends.  The expected form is the article's own
  headline: a site name appended or prepended (``Headline | Al Jazeera``,
  ``عنوان الخبر - الجزيرة نت``) is wrong;
* **date**: right when the day (``YYYY-MM-DD``) is the expected publication day (one of them when
  the truth lists several); a month alone or no date is wrong;
* **authors** (pages with known authors): right when every expected name is found (casefolded,
  whitespace collapsed) in the authors given, and some are given.

Pages are split by the host of their URL (a hash of it, so one site is never on both sides):
two thirds ``tune`` (looked at while improving the rules), one third ``final`` (looked at only
to report).  Both are printed, and per DATADIR.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import re
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

_WS_RE = re.compile(r"\s+")
_QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'",
                         "–": "-", "—": "-", "‐": "-", "\u00a0": " "})
_TRIM = " .:|-–—\t\n"
SYSTEMS = ("bicorpus", "trafilatura", "htmldate")
FIELDS = ("title", "date", "authors")


def norm_title(text: str | None) -> str:
    """The form titles are compared in (see the module docstring)."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_QUOTES)
    return _WS_RE.sub(" ", text).strip(_TRIM)


def part_of(url: str) -> str:
    """``tune`` or ``final``, by a hash of the URL's host."""
    host = (urlsplit(url).hostname or url).removeprefix("www.")
    return "final" if int(hashlib.sha1(host.encode()).hexdigest(), 16) % 3 == 0 else "tune"


def judge(truth: dict[str, Any], got: dict[str, Any]) -> dict[str, bool]:
    out: dict[str, bool] = {}
    if truth.get("title") and "title" in got:
        out["title"] = bool(got.get("title")) and norm_title(got.get("title")) == norm_title(truth["title"])
    if truth.get("date") and "date" in got:
        days = truth["date"] if isinstance(truth["date"], list) else [truth["date"]]
        date = got.get("date") or ""
        out["date"] = len(date) >= 10 and date[:10] in days
    if truth.get("authors") and "authors" in got:
        given = _WS_RE.sub(" ", " ; ".join(got.get("authors") or ())).casefold()
        out["authors"] = bool(given) and all(_WS_RE.sub(" ", a).casefold() in given for a in truth["authors"])
    return out


def load(datadir: Path) -> list[dict[str, Any]]:
    rows = []
    with (datadir / "truth.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                path = Path(row["file"])
                row["path"] = path if path.is_absolute() else datadir / path
                row["set"] = datadir.name
                row["part"] = part_of(row.get("url") or row["file"])
                rows.append(row)
    return rows


def run_bicorpus(path: Path) -> tuple[dict[str, Any], float, float]:
    from bicorpus.pipeline import process_document
    from bicorpus.sources import read_source

    t0 = time.perf_counter()
    src = read_source(path, fmt="html")
    doc, _ = process_document(src)
    t1 = time.perf_counter()
    try:
        meta_time = _page_meta_time(path)
    except Exception:  # timing only: a page the reader refuses has no metadata time
        meta_time = 0.0
    return {"title": doc.title, "date": doc.date, "authors": list(doc.authors or ())}, t1 - t0, meta_time


def _page_meta_time(path: Path) -> float:
    """Time of bicorpus's page-metadata reader alone on an already parsed tree (0 if it has none)."""
    try:
        from bicorpus.readers.html import parse
        from bicorpus.readers.page_meta import read_page_meta
    except ImportError:
        return 0.0
    root = parse(path.read_bytes().decode("utf-8", errors="replace"))
    if root is None:
        return 0.0
    t0 = time.perf_counter()
    read_page_meta(root)
    return time.perf_counter() - t0


def run_trafilatura(html: str) -> tuple[dict[str, Any], float, float]:
    from trafilatura import bare_extraction
    from trafilatura.metadata import extract_metadata
    from trafilatura.utils import load_html

    t0 = time.perf_counter()
    doc = bare_extraction(html, with_metadata=True)
    t1 = time.perf_counter()
    got: dict[str, Any] = {"title": None, "date": None, "authors": []}
    if doc is not None:
        got = {"title": doc.title, "date": doc.date,
               "authors": [a.strip() for a in (doc.author or "").split(";") if a.strip()]}
    tree = load_html(html)
    t2 = time.perf_counter()
    if tree is not None:
        extract_metadata(tree)
    return got, t1 - t0, time.perf_counter() - t2


def run_htmldate(html: str) -> tuple[dict[str, Any], float]:
    from htmldate import find_date

    t0 = time.perf_counter()
    try:
        date = find_date(html, original_date=True)
    except Exception:  # a third-party failure is "no date"
        date = None
    return {"date": date}, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("datadirs", nargs="+", type=Path)
    ap.add_argument("--json", type=Path, help="write figures and per-page results here")
    ap.add_argument("--part", choices=("tune", "final", "all"), default="all",
                    help="which pages to run (default: all, reported per part)")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated, default all three")
    ap.add_argument("--show", choices=("title", "date", "authors"),
                    help="print bicorpus's misses of this field")
    args = ap.parse_args()
    logging.disable(logging.CRITICAL)
    systems = set(args.systems.split(","))

    rows = [r for d in args.datadirs for r in load(d)]
    if args.part != "all":
        rows = [r for r in rows if r["part"] == args.part]
    if args.limit:
        rows = rows[: args.limit]
    # (set or "all", part) -> system -> field -> [right, total]
    score: dict[tuple[str, str], dict[str, dict[str, list[int]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(lambda: [0, 0])))
    times: dict[str, float] = defaultdict(float)
    refused: list[str] = []
    pages: list[dict[str, Any]] = []
    if rows:  # imports and first-call set-up out of the timings
        warm = rows[0]["path"].read_bytes().decode("utf-8", errors="replace")
        run_bicorpus(rows[0]["path"])
        run_trafilatura(warm)
        run_htmldate(warm)
    for row in rows:
        path = row["path"]
        try:
            html = path.read_bytes().decode("utf-8", errors="replace")
        except OSError as exc:
            print(f"{path}: {exc}", file=sys.stderr)
            continue
        results: dict[str, dict[str, Any]] = {}
        try:
            results["bicorpus"], t, tm = run_bicorpus(path)
            times["bicorpus"] += t
            times["page_meta"] += tm
        except Exception as exc:  # refused: scored as nothing found
            refused.append(f"{path}: {exc}")
            results["bicorpus"] = {"title": None, "date": None, "authors": []}
        if "trafilatura" in systems:
            results["trafilatura"], t, tm = run_trafilatura(html)
            times["trafilatura"] += t
            times["extract_metadata"] += tm
        if "htmldate" in systems:
            results["htmldate"], t = run_htmldate(html)
            times["htmldate"] += t
        page = {"file": str(path), "url": row.get("url"), "set": row["set"], "part": row["part"]}
        for system, got in results.items():
            verdict = judge(row, got)
            page[system] = {**got, "ok": verdict}
            for key in ((row["set"], row["part"]), ("all", row["part"]), ("all", "all")):
                for f, ok in verdict.items():
                    cell = score[key][system][f]
                    cell[0] += ok
                    cell[1] += 1
        pages.append(page)
        if args.show and page["bicorpus"]["ok"].get(args.show) is False:
            want = row.get(args.show)
            got = results["bicorpus"].get(args.show)
            print(f"MISS {args.show} {path.name}\n  want {want!r}\n  got  {got!r}"
                  f"\n  traf {results.get('trafilatura', {}).get(args.show)!r}")

    n = max(1, len(pages))
    figures: dict[str, Any] = {"pages": len(pages), "refused": refused, "scores": {}, "ms_per_page": {}}
    print(f"{len(pages)} pages, {len(refused)} refused by bicorpus")
    for (group, part), by_system in sorted(score.items()):
        label = f"{group}/{part}"
        figures["scores"][label] = {}
        cells = []
        for system in SYSTEMS:
            for f in FIELDS:
                right, total = by_system[system][f] if f in by_system[system] else (0, 0)
                if total:
                    figures["scores"][label].setdefault(system, {})[f] = {"right": right, "total": total,
                                                                           "accuracy": right / total}
                    cells.append(f"{system[:5]}.{f[:4]} {right / total:6.1%} ({right}/{total})")
        print(f"{label:22s} " + "  ".join(cells))
    for name, total in times.items():
        figures["ms_per_page"][name] = 1000 * total / n
    print("ms/page: " + ", ".join(f"{k} {v:.2f}" for k, v in figures["ms_per_page"].items()))
    if times["trafilatura"]:
        ratio = times["bicorpus"] / times["trafilatura"]
        figures["bicorpus_to_trafilatura_time"] = ratio
        print(f"bicorpus ingest / trafilatura bare_extraction time: {ratio:.2f}")
    if times["extract_metadata"] and times["page_meta"]:
        ratio = times["page_meta"] / times["extract_metadata"]
        figures["page_meta_to_extract_metadata_time"] = ratio
        print(f"page_meta / extract_metadata time: {ratio:.2f}")
    if args.json:
        args.json.write_text(json.dumps({"figures": figures, "pages": pages}, ensure_ascii=False, indent=1),
                             encoding="utf-8")


if __name__ == "__main__":
    main()
