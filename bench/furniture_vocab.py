"""The furniture vocabulary of the text layout: gather candidate words, check that it carries over.

    python bench/furniture_vocab.py DEVDIR... [--trafilatura EVALDATA] [--min-sites N]
    python bench/furniture_vocab.py DEVDIR... --loso [--json OUT]

Each ``DEVDIR`` is searched for folders holding ``annotations.json`` (the format of
``bench/layout_eval.py``); each such folder is one set.

* Without ``--loso``: the candidate furniture words, normalized: words of the lines annotated
  ``boilerplate`` on at least ``--min-sites`` sites (3) that are in at most half as many article
  lines of up to 200 characters, with their counts; ``--trafilatura`` adds the same counts over
  the ``without`` (boilerplate) and ``with`` (article) snippets of trafilatura's evaluation set
  (``tests/evaldata.json`` of the public repository ``adbar/trafilatura``), by host.
  ``src/bicorpus/data/furniture_words.txt`` was written from such lists, checked by hand.
* ``--loso``: leave one set out.  For every set X, its figures (``bench/layout_eval.py``) with
  the rule off (no furniture words), with the shipped vocabulary, and with the shipped vocabulary
  plus the candidate words gathered from the other sets only (as weak words: how far words taken
  from annotated pages carry over to pages of other sites).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import layout_eval

from bicorpus import layout_furniture
from bicorpus.layout_furniture import Vocabulary
from bicorpus.normalize import normalize_text

_WORD_RE = re.compile(r"[^\W\d_]+")
ARTICLE = frozenset({"title", "subtitle", "dateline", "body", "heading"})
SHORT_CHARS = 200


def _words(text: str) -> set[str]:
    return {w for w in _WORD_RE.findall(normalize_text(text)) if len(w) > 1}


def _folders(devdirs: Iterable[Path]) -> list[Path]:
    return sorted({p.parent for d in devdirs for p in d.rglob("annotations.json")})


def gather(folders: Iterable[Path]) -> tuple[dict[str, set[str]], dict[str, int], dict[str, int]]:
    """Per word: the sites with a boilerplate line holding it, its boilerplate lines, its short
    article lines."""
    sites: dict[str, set[str]] = defaultdict(set)
    boiler: dict[str, int] = defaultdict(int)
    article: dict[str, int] = defaultdict(int)
    for folder in folders:
        annotations = json.loads((folder / "annotations.json").read_text(encoding="utf-8"))
        for name, page in annotations.items():
            site = page.get("site") or name
            for line in page["lines"]:
                words = _words(line["text"])
                if line["label"] == "boilerplate":
                    for w in words:
                        sites[w].add(site)
                        boiler[w] += 1
                elif line["label"] in ARTICLE and len(line["text"]) <= SHORT_CHARS:
                    for w in words:
                        article[w] += 1
    return sites, boiler, article


def candidates(folders: Iterable[Path], min_sites: int) -> set[str]:
    """Words of boilerplate lines on ``min_sites`` sites or more, in at most half as many short
    article lines, not function words."""
    sites, boiler, article = gather(folders)
    stop = layout_furniture._function_words()
    return {w for w, s in sites.items()
            if len(s) >= min_sites and article[w] <= boiler[w] / 2 and w not in stop}


def trafilatura_counts(path: Path) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Per word: the hosts whose ``without`` snippets (of up to 200 characters) hold it, and those
    whose ``with`` snippets do."""
    data = json.loads(path.read_text(encoding="utf-8"))
    without: dict[str, set[str]] = defaultdict(set)
    with_: dict[str, set[str]] = defaultdict(set)
    for url, entry in data.items():
        host = urlparse(url).netloc
        for snippet in entry.get("without", []):
            if len(snippet) <= SHORT_CHARS:
                for w in _words(snippet):
                    without[w].add(host)
        for snippet in entry.get("with", []):
            for w in _words(snippet):
                with_[w].add(host)
    return without, with_


def _score(folder: Path, vocab: Vocabulary) -> dict[str, Any]:
    saved = layout_furniture.vocabulary
    layout_furniture.vocabulary = lambda: vocab  # type: ignore[assignment]
    try:
        return layout_eval.score_folder(folder, False).figures()
    finally:
        layout_furniture.vocabulary = saved  # type: ignore[assignment]


def loso(folders: list[Path], min_sites: int) -> dict[str, Any]:
    shipped = layout_furniture.vocabulary()
    off = Vocabulary(frozenset(), frozenset())
    out: dict[str, Any] = {}
    keys = ("boilerplate_in", "body_r", "body_f1", "title", "header_out")
    print(f"{'set':22} {'words+':>6}  " + "  ".join(f"{k:>28}" for k in keys))
    print(f"{'':22} {'':>6}  " + "  ".join(f"{'off / shipped / +others':>28}" for _ in keys))
    for folder in folders:
        others = candidates([f for f in folders if f != folder], min_sites) - shipped.words
        plus = Vocabulary(shipped.strong, shipped.weak | others)
        figures = {"off": _score(folder, off), "shipped": _score(folder, shipped),
                   "plus_others": _score(folder, plus), "added_words": sorted(others)}
        out[str(folder)] = figures
        row = "  ".join(f"{figures['off'][k]:>8} / {figures['shipped'][k]:>7} / "
                        f"{figures['plus_others'][k]:>7}" for k in keys)
        print(f"{folder.parent.name[-10:] + '/' + folder.name:22} {len(others):>6}  {row}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("devdirs", type=Path, nargs="+")
    parser.add_argument("--trafilatura", type=Path, help="trafilatura's tests/evaldata.json")
    parser.add_argument("--min-sites", type=int, default=3)
    parser.add_argument("--loso", action="store_true", help="leave one set out")
    parser.add_argument("--json", type=Path, help="write the --loso figures as JSON here")
    args = parser.parse_args(argv)
    folders = _folders(args.devdirs)
    if not folders:
        print(f"{' '.join(map(str, args.devdirs))}: no annotations.json found", file=sys.stderr)
        return 2
    if args.loso:
        out = loso(folders, args.min_sites)
        if args.json:
            args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
        return 0
    sites, boiler, article = gather(folders)
    shipped = layout_furniture.vocabulary().words
    for w in sorted(candidates(folders, args.min_sites), key=lambda w: (-len(sites[w]), w)):
        mark = "*" if w in shipped else " "
        print(f"{mark} {w:20} sites {len(sites[w]):3}  boilerplate lines {boiler[w]:3}  "
              f"article lines {article[w]:3}")
    if args.trafilatura:
        without, with_ = trafilatura_counts(args.trafilatura)
        print("\ntrafilatura evaluation set (hosts): without / with")
        for w in sorted(without, key=lambda w: (-len(without[w]), w)):
            if len(without[w]) >= args.min_sites and 3 * len(with_[w]) <= len(without[w]):
                mark = "*" if w in shipped else " "
                print(f"{mark} {w:20} {len(without[w]):3} / {len(with_[w]):3}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
