"""Build a ``bench/meta_eval.py`` data folder from the custom-extractor tests of postlight/parser.

    python bench/postlight_set.py POSTLIGHT_DIR OUTDIR

``POSTLIGHT_DIR`` is a checkout of the public repository ``postlight/parser`` (its ``fixtures/`` and
``src/extractors/custom/``): each ``src/extractors/custom/SITE/index.test.js`` parses one saved page
of ``fixtures/`` and asserts its ``title`` and ``date_published`` (publishers' news and blog pages,
the values checked by the extractor's authors for that site).  Writes ``OUTDIR/truth.jsonl`` (the
pages stay where they are).

The asserted date is a UTC timestamp: the truth is its UTC day, and also the local day in the
extractor's ``timezone`` when it names one, else the neighbouring day when the UTC time lies within
eight hours of midnight (the page's local day is not known then).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
from pathlib import Path
from zoneinfo import ZoneInfo

_STR = r"""(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`)"""
_URL_RE = re.compile(r"url\s*=\s*" + _STR)
_FIXTURE_RE = re.compile(r"readFileSync\(\s*'\./(fixtures/[^']+)'")
_TITLE_RE = re.compile(r"assert\.equal\(\s*title,\s*" + _STR)
_DATE_RE = re.compile(r"assert\.equal\(\s*date_published,\s*" + _STR)
_ZONE_RE = re.compile(r"timezone:\s*'([^']+)'")
#: A UTC time this close to midnight may be the day before or after in the page's own zone.
NEAR_MIDNIGHT_HOURS = 8


def _unquote(m: re.Match[str]) -> str:
    return re.sub(r"\\(.)", r"\1", next(g for g in m.groups() if g is not None))


def _days(raw: str, zone: str | None) -> list[str]:
    try:
        stamp = dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return []
    if stamp.tzinfo is None:
        return [stamp.date().isoformat()]
    days = {stamp.date()}
    if zone:
        days.add(stamp.astimezone(ZoneInfo(zone)).date())
    elif stamp.hour < NEAR_MIDNIGHT_HOURS:
        days.add(stamp.date() - dt.timedelta(days=1))
    elif stamp.hour >= 24 - NEAR_MIDNIGHT_HOURS:
        days.add(stamp.date() + dt.timedelta(days=1))
    return sorted(d.isoformat() for d in days)


def postlight_set(repo: Path) -> list[dict]:
    rows = []
    for test in sorted((repo / "src" / "extractors" / "custom").glob("*/index.test.js")):
        js = test.read_text(encoding="utf-8")
        url, fixture = _URL_RE.search(js), _FIXTURE_RE.search(js)
        if not (url and fixture) or not (repo / fixture[1]).is_file():
            continue
        title, date = _TITLE_RE.search(js), _DATE_RE.search(js)
        extractor = test.with_name("index.js")
        zone = _ZONE_RE.search(extractor.read_text(encoding="utf-8")) if extractor.is_file() else None
        days = _days(_unquote(date), zone[1] if zone else None) if date else []
        if not title and not days:
            continue
        rows.append({"file": str((repo / fixture[1]).resolve()), "url": _unquote(url),
                     "title": _unquote(title) if title else "", "date": days or ""})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("postlight_dir", type=Path)
    ap.add_argument("outdir", type=Path)
    args = ap.parse_args()
    rows = postlight_set(args.postlight_dir)
    args.outdir.mkdir(parents=True, exist_ok=True)
    with (args.outdir / "truth.jsonl").open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{args.outdir}: {len(rows)} pages, {sum(bool(r['title']) for r in rows)} titles, "
          f"{sum(bool(r['date']) for r in rows)} dates")


if __name__ == "__main__":
    main()
