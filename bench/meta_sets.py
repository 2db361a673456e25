"""Build the data folders ``bench/meta_eval.py`` reads from public test pages with known metadata.

    python bench/meta_sets.py TRAFILATURA_TESTS_DIR HTMLDATE_TESTS_DIR OUTDIR

* ``TRAFILATURA_TESTS_DIR``: the ``tests/`` folder of the trafilatura repository
  (``evaldata.json`` gives title, date and author of most of its 990 pages);
* ``HTMLDATE_TESTS_DIR``: the ``tests/`` folder of the htmldate repository
  (``eval_default.json`` and ``eval_mediacloud_2020.json`` give the publication day of 1,000
  pages, under ``eval/`` and ``test_set/``).

Writes ``OUTDIR/trafilatura/truth.jsonl`` and ``OUTDIR/htmldate/truth.jsonl``: one JSON object a
line, ``{"file", "url", "title", "date", "authors"}`` (``file`` absolute; a field left out or
empty is unknown and not scored).  Pages of the htmldate sets whose URL is in the trafilatura set
are left out of the second (they are scored once).  The pages stay where they are.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

_AUTHOR_SPLIT_RE = re.compile(r"\s*(?:;|,|\band\b|\bund\b|&)\s*")


def _resolve(base: Path, name: str, subs: tuple[str, ...]) -> Path | None:
    for sub in subs:
        path = base / sub / name
        if path.is_file():
            return path
    return None


def trafilatura_set(tests: Path) -> list[dict]:
    out = []
    for url, item in json.loads((tests / "evaldata.json").read_text(encoding="utf-8")).items():
        if "title" not in item:  # pages annotated for the main text only
            continue
        path = _resolve(tests, item["file"], ("eval", "cache"))
        if path is None:
            continue
        author = item.get("author") or ""
        author = "; ".join(author) if isinstance(author, list) else author
        authors = [a for a in _AUTHOR_SPLIT_RE.split(author) if a]
        out.append({"file": str(path.resolve()), "url": url, "title": item.get("title") or "",
                    "date": item.get("date") or "", "authors": authors})
    return out


def htmldate_set(tests: Path, skip_urls: set[str]) -> list[dict]:
    out = []
    for name in ("eval_default.json", "eval_mediacloud_2020.json"):
        for url, item in json.loads((tests / name).read_text(encoding="utf-8")).items():
            if url in skip_urls:
                continue
            path = _resolve(tests, item["file"], ("eval", "test_set", "cache"))
            if path is None or not item.get("date"):
                continue
            out.append({"file": str(path.resolve()), "url": url, "date": item["date"]})
    return out


def _write(folder: Path, rows: list[dict]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "truth.jsonl").open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{folder}: {len(rows)} pages")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("trafilatura_tests", type=Path)
    ap.add_argument("htmldate_tests", type=Path)
    ap.add_argument("outdir", type=Path)
    args = ap.parse_args()
    traf = trafilatura_set(args.trafilatura_tests)
    _write(args.outdir / "trafilatura", traf)
    _write(args.outdir / "htmldate", htmldate_set(args.htmldate_tests, {r["url"] for r in traf}))


if __name__ == "__main__":
    main()
