"""Mine the common web-furniture lines of real HTML pages: short lines that many unrelated sites
show outside their article text, and that article text (almost) never holds as a line.

    python bench/mine_furniture.py CORPUS [CORPUS ...] [--min-sites 3] [--max-inside 0]
                                   [--out TSV] [--limit N]

A CORPUS is one of:

* trafilatura's ``tests/`` folder (``evaldata.json`` names each page's file under ``eval/`` or
  ``cache/``, with "with" snippets of its main text): read by its ``evaldata.json``;
* a folder with a ``truth.jsonl`` (one JSON object a line with ``file`` and ``url``: the layout of
  ``bench/meta_sets.py``), maybe with a ``ground-truth.json`` beside it (``{key: {"articleBody":
  ..., "url": ...}}``, the article-extraction-benchmark's layout: the page's whole body);
* a folder with that ``ground-truth.json`` alone, the pages as ``html/KEY.html`` or ``.html.gz``;
* a folder of such folders (each sub-folder with a ``truth.jsonl`` is read).

For every page: its *visible lines* (the text of the page's block elements, script, style and
hidden parts left out) and its *main text* (``trafilatura.extract`` with its evaluation's
settings, plus the gold text where the corpus has it).  Every visible line of at most
``--max-words`` words is keyed as the layout keys lines (:func:`bicorpus.layout_units.line_key`:
normalized, punctuation dropped); a line whose key is a line of the main text (a gold snippet
whole, or a line of a gold body) is *inside*, the others *outside*: the furniture rule matches
whole lines only, so the words inside a sentence do not count.  Counted per key: the distinct sites
(hosts) that show it outside, and the pages that show it inside.  Kept: keys shown outside on
``--min-sites`` sites or more and inside on at most ``--max-inside`` pages.

Printed: pages read, sites, distinct short keys, the number kept at each site threshold (to choose
it), and the kept keys with their counts (``--out`` writes them as TSV: sites, inside, an example
line as shown).  Nothing of the pages is written but those short lines; review them by hand before
adding any to ``src/bicorpus/data/common_furniture.txt``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

from lxml import html as lxml_html

from bicorpus.layout import line_key
from bicorpus.names import tables

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd details div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table td th tr ul "
    "button label option select textarea caption title".split()
)
_SKIP_TAGS = frozenset("script style noscript template svg head iframe object canvas".split())
_WS_RE = re.compile(r"\s+")
_DIGIT_RE = re.compile(r"\d")
#: Letters of Persian and Urdu that Arabic does not use: such a line is not Arabic.
_NOT_ARABIC_RE = re.compile(
    "[\u067e\u0686\u0698\u06a9\u06af\u06cc\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2]")


def _known_words() -> dict[str, frozenset[str]]:
    """The English and Arabic words of the package's word frequencies (normalized)."""
    words: dict[str, set[str]] = {"en": set(), "ar": set()}
    for line in tables.read_data_text("word_frequencies.tsv").splitlines():
        lang, _, rest = line.partition("\t")
        if lang in words:
            words[lang].add(rest.partition("\t")[0])
    return {lang: frozenset(w) for lang, w in words.items()}


def language(line: str, known: dict[str, frozenset[str]]) -> str:
    """``en`` or ``ar`` when every word of the line (keyed) is a known word of that language."""
    key = line_key(line)
    words = key.split()
    if _NOT_ARABIC_RE.search(line):
        return "other"
    for lang in ("en", "ar"):
        if words and all(w in known[lang] for w in words):
            return lang
    return "other"


def _read(path: Path) -> str:
    raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return raw.decode("utf-8", errors="replace")


def visible_lines(markup: str) -> list[str]:
    """The page's text cut at block elements, hidden and script parts left out."""
    try:
        root = lxml_html.fromstring(markup)
    except (ValueError, lxml_html.etree.ParserError):
        return []
    lines: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        line = _WS_RE.sub(" ", "".join(buf)).strip()
        if line:
            lines.append(line)
        buf.clear()

    def walk(el: lxml_html.HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        hidden = tag in _SKIP_TAGS or el.get("hidden") is not None or "display:none" in (
            el.get("style") or "").replace(" ", "")
        if tag and not hidden:
            block = tag in _BLOCK_TAGS
            if block:
                flush()
            if el.text:
                buf.append(el.text)
            for child in el:
                walk(child)
            if block:
                flush()
        if el.tail:
            buf.append(el.tail)

    body = root.find("body")
    walk(body if body is not None else root)
    flush()
    return lines


def _pages(corpus: Path) -> list[dict]:
    """``{"file", "url", "gold": [texts]}`` for each page of a corpus folder."""
    if (corpus / "evaldata.json").is_file():
        out = []
        for url, item in json.loads((corpus / "evaldata.json").read_text(encoding="utf-8")).items():
            path = next((p for sub in ("eval", "cache")
                         if (p := corpus / sub / item["file"]).is_file()), None)
            if path is not None:
                out.append({"file": str(path), "url": url, "gold": list(item.get("with", []))})
        return out
    if (corpus / "truth.jsonl").is_file():
        bodies: dict[str, str] = {}
        if (corpus / "ground-truth.json").is_file():
            for item in json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8")).values():
                bodies[item.get("url", "")] = item.get("articleBody", "")
        out = []
        for line in (corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                gold = [bodies[row["url"]]] if row.get("url") in bodies else []
                file = row["file"] if Path(row["file"]).is_absolute() else str(corpus / row["file"])
                out.append({"file": file, "url": row.get("url", ""), "gold": gold})
        return out
    if (corpus / "ground-truth.json").is_file():  # the article-extraction-benchmark's layout alone
        out = []
        for key, item in json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8")).items():
            path = next((p for ext in (".html", ".html.gz")
                         if (p := corpus / "html" / f"{key}{ext}").is_file()), None)
            if path is not None:
                gold = [item.get("articleBody", "")]
                out.append({"file": str(path), "url": item.get("url", ""), "gold": gold})
        return out
    return [page for sub in sorted(corpus.iterdir()) if sub.is_dir() for page in _pages(sub)]


def _host(url: str, file: str) -> str:
    host = urlsplit(url).hostname or Path(file).name.split(".html")[0]
    return host.removeprefix("www.").removeprefix("m.")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpora", nargs="+", type=Path)
    ap.add_argument("--min-sites", type=int, default=3)
    ap.add_argument("--max-inside", type=int, default=0)
    ap.add_argument("--max-words", type=int, default=8)
    ap.add_argument("--max-chars", type=int, default=80)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    logging.disable(logging.CRITICAL)
    import trafilatura

    pages: dict[str, dict] = {}
    for corpus in args.corpora:
        for page in _pages(corpus):
            path = str(Path(page["file"]).resolve())
            if path in pages:
                pages[path]["gold"] += page["gold"]
            else:
                pages[path] = page
    items = list(pages.values())[: args.limit or None]

    outside_sites: dict[str, set[str]] = defaultdict(set)
    inside_pages: Counter[str] = Counter()
    example: dict[str, Counter[str]] = defaultdict(Counter)
    read = 0
    sites: set[str] = set()
    for n, page in enumerate(items, 1):
        try:
            markup = _read(Path(page["file"]))
        except OSError as exc:
            print(f"{page['file']}: {exc.strerror or exc}", file=sys.stderr)
            continue
        lines = visible_lines(markup)
        if not lines:
            continue
        read += 1
        host = _host(page["url"], page["file"])
        sites.add(host)
        main_text = trafilatura.extract(markup, include_comments=False, include_tables=True) or ""
        main_keys = {line_key(x) for x in main_text.splitlines()}
        main_keys |= {line_key(x) for g in page["gold"] for x in g.splitlines()}
        seen_in: set[str] = set()
        for line in lines:
            if len(line) > args.max_chars or len(line.split()) > args.max_words:
                continue
            key = line_key(line)
            if not key or key.isdigit():
                continue
            if key in main_keys:
                seen_in.add(key)
            else:
                outside_sites[key].add(host)
                example[key][line] += 1
        for key in seen_in:
            inside_pages[key] += 1
        if n % 200 == 0:
            print(f"... {n} pages", file=sys.stderr)

    print(f"pages read: {read}  sites: {len(sites)}  short keys outside: {len(outside_sites)}")
    for k in (2, 3, 4, 5, 8):
        kept = [key for key, s in outside_sites.items() if len(s) >= k]
        clean = [key for key in kept if inside_pages[key] <= args.max_inside]
        print(f"  on >= {k} sites: {len(kept)} keys, {len(clean)} of them inside"
              f" on <= {args.max_inside} pages")
    known = _known_words()
    rows = sorted(((len(s), inside_pages[key], key) for key, s in outside_sites.items()
                   if len(s) >= args.min_sites), key=lambda r: (-r[0], r[2]))
    out = sys.stdout if args.out is None else args.out.open("w", encoding="utf-8")
    print("sites\tinside\tlang\tkept\tline", file=out)
    for n_sites, inside, key in rows:
        lang = language(example[key].most_common(1)[0][0], known)
        kept = "yes" if inside <= args.max_inside and lang != "other" and not _DIGIT_RE.search(key) else "no"
        print(f"{n_sites}\t{inside}\t{lang}\t{kept}\t{example[key].most_common(1)[0][0]}", file=out)
    if out is not sys.stdout:
        out.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
