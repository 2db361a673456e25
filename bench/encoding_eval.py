"""How often the legacy encoding of a page is read right: bicorpus's decoder against charset-normalizer.

Real pages (UTF-8 text files, or HTML whose visible text is taken) are re-encoded in the code pages
a scraped page comes in — Arabic pages in windows-1256 and ISO-8859-6, Latin-script pages in
windows-1252 and ISO-8859-1 — and each decoder is scored on giving back exactly the text that was
encoded.  UTF-8 pages with a few stray invalid bytes are scored too (read, not refused, with the
count of replaced bytes right).

    python bench/encoding_eval.py --arabic DIR --latin DIR [--baseline OLD_SOURCES_PY] [--json OUT]

``--baseline`` names another version of ``src/bicorpus/sources.py`` (e.g. ``git show
main:src/bicorpus/sources.py > /tmp/old.py``) measured in the same run.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Callable
from pathlib import Path

from bicorpus.sources import decode, html_to_text

ARABIC_ENCODINGS = ("windows-1256", "iso-8859-6")
LATIN_ENCODINGS = ("windows-1252", "iso-8859-1")
SAMPLE = 20_000  # characters of each page, so every page weighs about the same

Decoder = Callable[[bytes], str | None]


def load_texts(folder: Path) -> list[tuple[str, str]]:
    texts = []
    for path in sorted(folder.iterdir()):
        raw = path.read_bytes().decode("utf-8", "replace")
        text = html_to_text(raw) if path.suffix.lower() in (".html", ".htm") else raw
        if sum(ord(c) > 127 for c in text) >= 5:
            texts.append((path.name, text[:SAMPLE]))
    return texts


def ours(raw: bytes) -> str | None:
    try:
        return decode(raw).text
    except ValueError:
        return None


def charset_normalizer(raw: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    return None if best is None else str(best)


def baseline(path: Path) -> Decoder:
    spec = importlib.util.spec_from_file_location("bicorpus._baseline_sources", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)

    def run(raw: bytes) -> str | None:
        try:
            return module.decode_bytes(raw)[0]
        except ValueError:
            return None

    return run


def cases(arabic: list[tuple[str, str]], latin: list[tuple[str, str]], short: int
          ) -> list[tuple[str, str, bytes, str]]:
    """``(page, encoding, bytes, expected text)`` for every page in every code page of its script, whole
    and cut to its first ``short`` characters holding a non-ASCII letter (a small page)."""
    out = []
    for group, encodings in ((arabic, ARABIC_ENCODINGS), (latin, LATIN_ENCODINGS)):
        for name, whole in group:
            first = next((i for i, c in enumerate(whole) if ord(c) > 127 and c.isalpha()), 0)
            start = max(0, first - short // 2)
            versions = ((name, whole), (f"{name}[:{short}]", whole[start : start + short]))
            for encoding in encodings:
                for label, text in versions:
                    raw = text.encode(encoding, "replace")
                    out.append((label, encoding, raw, raw.decode(encoding)))
    return out


def stray_cases(texts: list[tuple[str, str]]) -> list[tuple[str, bytes, int]]:
    """UTF-8 pages with 1 to 3 invalid bytes put between characters: ``(page, bytes, invalid)``."""
    out = []
    for i, (name, text) in enumerate(texts):
        raw = bytearray(text.encode("utf-8"))
        n = 1 + i % 3
        for k in range(n):
            at = len(raw) * (k + 1) // (n + 1)
            while at < len(raw) and 0x80 <= raw[at] < 0xC0:  # not inside a character
                at += 1
            raw[at:at] = b"\xff"
        out.append((name, bytes(raw), n))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--arabic", type=Path, required=True, help="folder of real Arabic pages (.txt, .html)")
    ap.add_argument("--latin", type=Path, required=True, help="folder of real Latin-script pages")
    ap.add_argument("--baseline", type=Path, help="another sources.py to measure in the same run")
    ap.add_argument("--short", type=int, default=200, help="characters of the small version of each page")
    ap.add_argument("--json", type=Path, help="write the figures here")
    args = ap.parse_args(argv)
    arabic, latin = load_texts(args.arabic), load_texts(args.latin)
    decoders: dict[str, Decoder] = {"bicorpus": ours, "charset-normalizer": charset_normalizer}
    if args.baseline:
        decoders = {"baseline": baseline(args.baseline), **decoders}
    all_cases = cases(arabic, latin, args.short)
    results: dict[str, dict[str, list[int]]] = {d: {} for d in decoders}
    misses: dict[str, list[str]] = {d: [] for d in decoders}
    for name, encoding, raw, expected in all_cases:
        for label, run in decoders.items():
            ok = run(raw) == expected
            results[label].setdefault(encoding, [0, 0])
            results[label][encoding][0] += ok
            results[label][encoding][1] += 1
            if not ok:
                misses[label].append(f"{name} ({encoding})")
    stray = stray_cases(arabic + latin)
    for label, run in decoders.items():
        right = 0
        for _name, raw, n in stray:
            text = run(raw)
            right += text is not None and text.count("\ufffd") == n
        results[label]["utf-8 + stray bytes"] = [right, len(stray)]
    print(f"{len(arabic)} Arabic pages, {len(latin)} Latin-script pages")
    header = ["decoder", *results[next(iter(results))], "all"]
    print("\t".join(header))
    for label, per in results.items():
        total = [sum(v[0] for v in per.values()), sum(v[1] for v in per.values())]
        cells = [f"{r}/{n}" for r, n in [*per.values(), total]]
        print("\t".join([label, *cells]))
    for label, missed in misses.items():
        if missed:
            print(f"{label} wrong on: {', '.join(missed[:12])}{' ...' if len(missed) > 12 else ''}")
    if args.json:
        args.json.write_text(json.dumps({"results": results, "misses": misses}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
