"""Everything the per-page path of ingest makes from text pages, dumped to compare two codes.

    python bench/layout_identity.py DIR... --dump OUT.jsonl
    python bench/layout_identity.py DIR... --compare OUT.jsonl

Each ``DIR`` is searched for ``*.txt`` pages; the pages of one folder form one site table, as
``bicorpus ingest`` of that folder would.  For every page one JSON line: what reading gave
(text, encoding, format, headings, meta), the layout (language, title, date, author, blocks,
headings), the document record and the passages.  ``--compare`` reads a dump made before and
names the first pages that differ; exit status 1 if any does.  A speed-up of reading, layout,
segmentation or normalization must leave every line as it was.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from bicorpus.layout import analyze
from bicorpus.layout_site import site_table
from bicorpus.pipeline import process_document
from bicorpus.sources import read_source


def _pages(dirs: list[Path]) -> dict[Path, list[Path]]:
    folders: dict[Path, list[Path]] = defaultdict(list)
    for d in dirs:
        for path in sorted(d.rglob("*.txt")):
            folders[path.parent].append(path)
    return folders


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def records(dirs: list[Path]) -> Any:
    for _folder, paths in sorted(_pages(dirs).items()):
        table = site_table(paths)
        for path in paths:
            src = read_source(path)
            hits = table.hits(path)
            layout = analyze(src.text, src.headings, repeated=hits)
            doc, passages = process_document(src, repeated=hits)
            doc_row = _plain(doc)
            doc_row.pop("mtime", None)
            yield {
                "path": str(path),
                "read": {"text_sha": hashlib.sha256(src.text.encode("utf-8", "surrogatepass")).hexdigest(),
                         "encoding": src.encoding, "format": src.format, "size": src.size,
                         "sha256": src.sha256, "headings": _plain(src.headings), "meta": _plain(src.meta)},
                "repeated": sorted(hits),
                "layout": _plain(layout),
                "document": doc_row,
                "passages": [_plain(p) for p in passages],
            }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dirs", type=Path, nargs="+")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--dump", type=Path, metavar="OUT")
    mode.add_argument("--compare", type=Path, metavar="OUT")
    args = parser.parse_args(argv)
    lines = (json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records(args.dirs))
    if args.dump:
        n = 0
        with args.dump.open("w", encoding="utf-8") as out:
            for line in lines:
                out.write(line + "\n")
                n += 1
        print(f"{n} pages dumped to {args.dump}")
        return 0
    with args.compare.open(encoding="utf-8") as f:
        before = [line.rstrip("\n") for line in f]
    after = list(lines)
    bad = [i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b]
    for i in bad[:10]:
        print(f"differs: {json.loads(after[i])['path']}")
    if len(before) != len(after):
        print(f"{len(before)} pages before, {len(after)} now")
    print(f"{len(after)} pages, {len(bad)} differ")
    return 1 if bad or len(before) != len(after) else 0


if __name__ == "__main__":
    sys.exit(main())
