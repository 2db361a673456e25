"""Build a dev set of real news pages with known title, date, authors and article body from the
public test pages of the fundus project, for ``bench/meta_eval.py`` and ``bench/html_eval.py``.

    python bench/fundus_sets.py TEST_DATA_DIR OUTDIR [--langs en,ar]

``TEST_DATA_DIR`` is the ``tests/resources/parser/test_data`` folder of a checkout of the public
repository ``flairNLP/fundus``: one folder per country, each with a ``meta.info`` (page file →
URL and crawl date), ``PUBLISHER_YYYY_MM_DD.html.gz`` pages and a ``PUBLISHER.json`` holding, per
parser version, the page's title, publishing date, authors and body (summary, then sections of
headline and paragraphs).  A publisher's pages and versions are paired in order (oldest page,
first version); a publisher whose counts differ is left out.  Only pages whose ``<html lang>``
is one of ``--langs`` are kept, each language in ``OUTDIR/fundus_LANG/``:

* ``truth.jsonl`` for ``meta_eval.py``: ``{"file", "url", "title", "date", "authors"}`` (the day of
  the publishing date as the page states it);
* ``ground-truth.json`` and ``html/KEY.html`` for ``html_eval.py --bodies``: the article body is
  the summary, section headlines and paragraphs, one a line.

The pages are copies of third-party pages: keep OUTDIR out of the repository.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path

_LANG_RE = re.compile(rb"<html[^>]*\blang=[\"']?([a-zA-Z]{2})")
_DAY_RE = re.compile(r"\d{4}-\d\d-\d\d")


def _version_key(name: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", name)]


def pages(test_data: Path, langs: set[str]) -> dict[str, list[tuple[str, bytes, dict]]]:
    """Language → ``(key, html bytes, case)`` for every page that can be paired with its case."""
    out: dict[str, list[tuple[str, bytes, dict]]] = {lang: [] for lang in langs}
    for group in sorted(p for p in test_data.iterdir() if (p / "meta.info").is_file()):
        meta = json.loads((group / "meta.info").read_text(encoding="utf-8"))
        for case_file in sorted(group.glob("*.json")):
            publisher = case_file.stem
            cases = json.loads(case_file.read_text(encoding="utf-8"))
            htmls = sorted((v.get("crawl_date", ""), k) for k, v in meta.items()
                           if re.fullmatch(re.escape(publisher) + r"_\d{4}_\d\d_\d\d\.html\.gz", k))
            if not cases or len(htmls) != len(cases):
                continue
            versions = sorted(cases, key=_version_key)
            for (_crawl, name), version in zip(htmls, versions, strict=True):
                path = group / name
                if not path.is_file():
                    continue
                html = gzip.decompress(path.read_bytes())
                m = _LANG_RE.search(html[:20000])
                lang = m[1].decode().lower() if m else ""
                if lang in out:
                    case = dict(cases[version], url=meta[name].get("url", ""))
                    out[lang].append((name.removesuffix(".html.gz"), html, case))
    return out


def write(folder: Path, items: list[tuple[str, bytes, dict]]) -> None:
    (folder / "html").mkdir(parents=True, exist_ok=True)
    bodies: dict[str, dict[str, str]] = {}
    with (folder / "truth.jsonl").open("w", encoding="utf-8") as fh:
        for key, html, case in items:
            (folder / "html" / f"{key}.html").write_bytes(html)
            body = case.get("body") or {}
            lines = list(body.get("summary") or [])
            for section in body.get("sections") or []:
                lines += list(section.get("headline") or []) + list(section.get("paragraphs") or [])
            published = str(case.get("publishing_date") or "")
            row = {"file": f"html/{key}.html", "url": case["url"], "title": case.get("title") or "",
                   "date": published[:10] if _DAY_RE.match(published) else "",
                   "authors": list(case.get("authors") or [])}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            bodies[key] = {"articleBody": "\n".join(lines), "url": case["url"]}
    (folder / "ground-truth.json").write_text(json.dumps(bodies, ensure_ascii=False, indent=0),
                                              encoding="utf-8")
    print(f"{folder}: {len(items)} pages")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("test_data", type=Path)
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--langs", default="en,ar", help="comma-separated <html lang> codes (default en,ar)")
    args = ap.parse_args()
    for lang, items in pages(args.test_data, set(args.langs.split(","))).items():
        write(args.outdir / f"fundus_{lang}", items)


if __name__ == "__main__":
    main()
