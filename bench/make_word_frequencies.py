"""Write ``src/bicorpus/names/data/word_frequencies.tsv``: how ordinary a word is, per language.

Run once, by hand, with the ``wordfreq`` package installed (a build-time tool, never a runtime
dependency)::

    pip install wordfreq && python bench/make_word_frequencies.py

For Arabic and English, every word of ``wordfreq``'s list with a Zipf frequency of at least
``--min-zipf`` (3.0: once per million words) is normalized the way bicorpus normalizes tokens;
a normalized form keeps the highest Zipf value of the words that give it.  Words that are names
in the pair data (``bench/data/names-dev.tsv``) are left out: they are known spellings of names,
not ordinary words.  Data: wordfreq (Robyn Speer, 2022), CC-BY-SA 4.0; see the data folder's
README.md.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from bicorpus.normalize import normalize_token

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "bicorpus" / "names" / "data" / "word_frequencies.tsv"
PAIRS = ROOT / "bench" / "data" / "names-dev.tsv"


def pair_names() -> set[str]:
    names: set[str] = set()
    with PAIRS.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            for column in ("english", "arabic"):
                names.update(normalize_token(w) for w in row[column].split())
    return names


def main() -> None:
    from wordfreq import top_n_list, zipf_frequency

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--min-zipf", type=float, default=3.0)
    args = ap.parse_args()
    names = pair_names()
    rows: list[str] = []
    for lang in ("ar", "en"):
        best: dict[str, float] = {}
        for word in top_n_list(lang, 1_000_000):
            zipf = zipf_frequency(word, lang)
            if zipf < args.min_zipf:
                break
            norm = normalize_token(word)
            if not norm.isalpha() or norm in names:
                continue
            best[norm] = max(best.get(norm, 0.0), zipf)
        rows += [f"{lang}\t{w}\t{z:.2f}" for w, z in sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))]
    header = ("# language\tnormalized word\tZipf frequency (log10 per billion words), from wordfreq "
              "3.1 (CC-BY-SA 4.0); written by bench/make_word_frequencies.py\n")
    OUT.write_text(header + "\n".join(rows) + "\n", "utf-8")
    print(f"{OUT}: {len(rows)} words")


if __name__ == "__main__":
    main()
