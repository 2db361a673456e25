"""Seeded generator of realistic bilingual pages for the benchmarks.

Pages look like the scraped pages bicorpus is built for: an Arabic site header
("أخبار المركز" and 3-5 bullets ``• [د. ]AUTHOR يكتب: (TITLE)``), a title, a date
line in one of the forms real pages use, then paragraphs separated by blank lines
with section headings.  About 70% are English articles under an Arabic header,
30% Arabic articles (some under an English header).  Names come from the entity
table in ``generator_data/entities.json`` in the spellings real text uses, in
both scripts; filler comes from the templates in ``generator_data/language.json``.

Page ``i`` of seed ``s`` depends on ``(s, i)`` only, so 1,000 pages are the first
1,000 of 10,000, and pages can be regenerated or mutated one at a time.

    python bench/generate.py --pages 1000 --seed 7 --out /tmp/pages
    python bench/generate.py --pages 1000 --seed 7 --out /tmp/pages --mutate 0.01 --revision 1
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import random
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "generator_data"

#: Share of pages that are English articles (the rest are Arabic articles).
ENGLISH_SHARE = 0.7

_SLOT_RE = re.compile(r"\{(\w+)\}")
_ARABIC_WORD_RE = re.compile(r"[\u0621-\u064a]{3,}")
_INDIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

#: Date line forms, each with a weight per article language.
DATE_FORMS: dict[str, tuple[tuple[str, float], ...]] = {
    "en": (("ar", 0.5), ("en", 0.35), ("levant", 0.1), ("indic", 0.05)),
    "ar": (("ar", 0.5), ("levant", 0.25), ("indic", 0.2), ("en", 0.05)),
}

#: Header of an article: which language, by article language.
HEADER_FORMS: dict[str, tuple[tuple[str | None, float], ...]] = {
    "en": (("ar", 0.95), (None, 0.05)),
    "ar": (("ar", 0.3), ("en", 0.5), (None, 0.2)),
}


@dataclass(frozen=True)
class Entity:
    """A named entity and its spellings in each script (house spelling first)."""

    id: str
    kind: str
    weight: float
    en: tuple[str, ...]
    ar: tuple[str, ...]


@dataclass(frozen=True)
class GeneratorData:
    """The generator's tables, loaded once from ``generator_data/``."""

    entities: tuple[Entity, ...]
    language: dict[str, Any]
    arabic_noise_rate: float
    arabic_noise_pairs: tuple[tuple[str, str], ...]
    tatweel_rate: float

    def of_kind(self, kind: str) -> tuple[Entity, ...]:
        return tuple(e for e in self.entities if e.kind == kind)


@cache
def load_data(data_dir: Path = DATA_DIR) -> GeneratorData:
    """Read the entity table and the language tables (cached: they never change in a run)."""
    raw = json.loads((data_dir / "entities.json").read_text("utf-8"))
    language = json.loads((data_dir / "language.json").read_text("utf-8"))
    entities = tuple(
        Entity(e["id"], e["kind"], float(e["weight"]), tuple(e["en"]), tuple(e["ar"]))
        for e in raw["entities"]
    )
    noise = raw["arabic_noise"]
    return GeneratorData(
        entities=entities,
        language=language,
        arabic_noise_rate=float(noise["rate"]),
        arabic_noise_pairs=tuple((a, b) for a, b in noise["pairs"]),
        tatweel_rate=float(raw["tatweel_rate"]),
    )


# ---------------------------------------------------------------- helpers


def page_rng(seed: int, index: int, revision: int = 0) -> random.Random:
    """The random stream of one page (string seeds hash the same in every process)."""
    return random.Random(f"bicorpus-bench:{seed}:{index}:{revision}")


def page_name(seed: int, index: int) -> str:
    """File name of page ``index``: ``000123_<16 hex>.txt`` like the scraped pages."""
    digest = hashlib.sha256(f"{seed}:{index}".encode()).hexdigest()[:16]
    return f"{index:06d}_{digest}.txt"


def weighted(rng: random.Random, options: Sequence[tuple[Any, float]]) -> Any:
    """One option drawn by weight."""
    return rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]


#: Slot name -> word list of the language tables.
WORD_TABLES = {"noun": "nouns", "adj": "adjectives", "verb": "verbs", "rare": "rare"}


@cache
def zipf_cum_weights(n: int) -> tuple[float, ...]:
    """Cumulative Zipf weights (1, 1/2, 1/3...): early words of a list are common, late ones rare."""
    return tuple(itertools.accumulate(1.0 / (rank + 1) for rank in range(n)))


def capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def fill(template: str, values: Callable[[str], str]) -> str:
    """Fill ``{slot}`` markers; a slot repeated in one template takes one value."""
    chosen: dict[str, str] = {}

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in chosen:
            chosen[name] = values(name)
        return chosen[name]

    return _SLOT_RE.sub(sub, template)


def add_arabic_drift(text: str, rng: random.Random, data: GeneratorData) -> str:
    """Spelling drift of real Arabic text: hamza dropped, taa marbuta as haa, a tatweel now and then."""

    def drift(m: re.Match[str]) -> str:
        word = m.group()
        if rng.random() < data.arabic_noise_rate:
            src, dst = rng.choice(data.arabic_noise_pairs)
            word = word.replace(src, dst, 1)
        if rng.random() < data.tatweel_rate:
            mid = len(word) // 2
            word = word[:mid] + "ـ" + word[mid:]
        return word

    return _ARABIC_WORD_RE.sub(drift, text)


def format_date(form: str, day: int, month: int, year: int) -> str:
    """A date line: ``12 April, 2017``, ``12 أبريل، 2017``, ``12 نيسان، 2017`` or ``١٢ أبريل، ٢٠١٧``."""
    lang = load_data().language
    if form == "en":
        return f"{day} {lang['en']['months'][month - 1]}, {year}"
    if form == "levant":
        return f"{day} {lang['ar']['months_levant'][month - 1]}، {year}"
    text = f"{day} {lang['ar']['months'][month - 1]}، {year}"
    return text.translate(_INDIC_DIGITS) if form == "indic" else text


# ---------------------------------------------------------------- one page


@dataclass
class Cast:
    """The entities one page talks about, each with the spelling this page prefers."""

    rng: random.Random
    script: str
    by_kind: dict[str, list[tuple[Entity, str]]]

    @classmethod
    def draw(cls, rng: random.Random, script: str, data: GeneratorData) -> Cast:
        by_kind: dict[str, list[tuple[Entity, str]]] = {}
        counts = (("org", rng.randint(2, 4)), ("place", rng.randint(2, 4)), ("person", rng.randint(1, 2)))
        for kind, count in counts:
            pool = data.of_kind(kind)
            picked: list[Entity] = []
            while len(picked) < min(count, len(pool)):
                entity = rng.choices(pool, weights=[e.weight for e in pool])[0]
                if entity not in picked:
                    picked.append(entity)
            by_kind[kind] = [(e, cls._house_spelling(rng, e, script)) for e in picked]
        return cls(rng, script, by_kind)

    @staticmethod
    def _house_spelling(rng: random.Random, entity: Entity, script: str) -> str:
        spellings = entity.en if script == "en" else entity.ar
        return spellings[0] if rng.random() < 0.6 else rng.choice(spellings)

    def pick(self, kind: str, other_than: Entity | None = None) -> Entity:
        """One of the page's entities of ``kind`` (another than ``other_than`` when there is one)."""
        everyone = [e for e, _ in self.by_kind[kind]]
        options = [e for e in everyone if e is not other_than] or everyone
        return self.rng.choice(options)

    def mention(self, entity: Entity) -> str:
        """A mention: mostly the page's spelling, sometimes another, rarely glossed in the other script."""
        house = next(h for e, h in self.by_kind[entity.kind] if e is entity)
        spellings = entity.en if self.script == "en" else entity.ar
        mention = house if self.rng.random() < 0.85 else self.rng.choice(spellings)
        if self.script == "en" and self.rng.random() < 0.03:
            mention = f"{mention} ({entity.ar[0]})"
        elif self.script == "ar" and self.rng.random() < 0.03:
            mention = f"{mention} ({entity.en[0]})"
        return mention


def _slot_values(rng: random.Random, cast: Cast, words: dict[str, Any], year: int) -> Callable[[str], str]:
    picked: dict[str, Entity] = {}

    def value(slot: str) -> str:
        base = slot.rstrip("2")
        if base in ("org", "place", "person"):
            picked[slot] = cast.pick(base, other_than=picked.get(base) if slot != base else None)
            return cast.mention(picked[slot])
        if base == "month":
            return rng.choice(words["months"])
        if base == "year":
            return str(rng.randint(year - 3, year))
        pool = words[WORD_TABLES[base]]
        if base == "rare":
            return rng.choice(pool)
        return rng.choices(pool, cum_weights=zipf_cum_weights(len(pool)))[0]

    return value


#: Share of sentences built from a template with a ``{rare}`` word.
RARE_TEMPLATE_SHARE = 0.01


def _templates(words: dict[str, Any]) -> tuple[list[str], list[str]]:
    sentences = words["sentences"]
    return [t for t in sentences if "{rare}" not in t], [t for t in sentences if "{rare}" in t]


def _sentence(rng: random.Random, cast: Cast, words: dict[str, Any], year: int) -> str:
    common, rare = _templates(words)
    template = rng.choice(rare if rng.random() < RARE_TEMPLATE_SHARE else common)
    return capitalize_first(fill(template, _slot_values(rng, cast, words, year)))


def _header(rng: random.Random, lang: str, year: int, data: GeneratorData) -> list[str]:
    """The site header: its label, then 3-5 bullets naming other articles and their authors."""
    language = data.language
    authors = language["authors"]
    header = language["header"]
    lines = [header[lang]]
    header_cast = Cast.draw(rng, lang, data)
    for _ in range(rng.randint(3, 5)):
        female = rng.random() < 0.45
        given = rng.choice(authors["female" if female else "male"])
        family = rng.choice(authors["family"])
        doctor = rng.random() < 0.3
        if lang == "ar":
            author = f"{given[0]} {family[0]}"
            prefix = f"{language['ar']['dr']} " if doctor else ""
            verb = language["ar"]["writes_f" if female else "writes_m"]
            title_template = rng.choice(header["header_titles_ar"])
        else:
            author = f"{given[1]} {family[1]}"
            prefix = f"{language['en']['dr']} " if doctor else ""
            verb = language["en"]["writes"]
            title_template = rng.choice(header["header_titles_en"])
        title = fill(title_template, _slot_values(rng, header_cast, language[lang], year))
        title = add_arabic_drift(title, rng, data)
        lines.append(f"  • {prefix}{author} {verb} ({title})")
    return lines


def generate_page(seed: int, index: int, revision: int = 0, data: GeneratorData | None = None) -> str:
    """The text of page ``index`` for ``seed`` (``revision`` > 0 gives an edited version)."""
    data = data or load_data()
    rng = page_rng(seed, index, revision)
    lang = "en" if rng.random() < ENGLISH_SHARE else "ar"
    words = data.language[lang]
    year = rng.randint(2011, 2025)
    cast = Cast.draw(rng, lang, data)

    blocks: list[str] = []
    header = ""  # site template: only the linked titles in it drift
    header_lang = weighted(rng, HEADER_FORMS[lang])
    if header_lang:
        header = "\n".join(_header(rng, header_lang, year, data)) + "\n\n"
    blocks.append(fill(rng.choice(words["titles"]), _slot_values(rng, cast, words, year)))
    date_form = weighted(rng, DATE_FORMS[lang])
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    blocks.append(format_date(date_form, day, month, year) + "\n")

    headings = list(words["headings"])
    rng.shuffle(headings)
    for i in range(rng.randint(1, 4)):
        if i and rng.random() < 0.35 and headings:
            blocks.append(headings.pop() + (" " if rng.random() < 0.5 else ""))
        sentences = [_sentence(rng, cast, words, year) for _ in range(rng.randint(3, 6))]
        blocks.append(" ".join(sentences) + (" " if rng.random() < 0.5 else ""))

    text = "\n\n".join(add_arabic_drift(block, rng, data) for block in blocks) + "\n"
    return header + text


# ---------------------------------------------------------------- many pages


@dataclass
class GenerateReport:
    """What a generation run wrote."""

    pages: int
    bytes: int
    out: str


def write_pages(out: str | Path, pages: int, seed: int, start: int = 0) -> GenerateReport:
    """Write pages ``start .. start+pages-1`` of ``seed`` into ``out`` (created if needed)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    data = load_data()
    total = 0
    for index in range(start, start + pages):
        raw = generate_page(seed, index, data=data).encode("utf-8")
        (out / page_name(seed, index)).write_bytes(raw)
        total += len(raw)
    return GenerateReport(pages=pages, bytes=total, out=str(out))


def mutated_indexes(pages: int, seed: int, fraction: float, revision: int = 1) -> list[int]:
    """Which pages a mutation at ``fraction`` rewrites (deterministic; at least one)."""
    count = max(1, round(pages * fraction))
    return sorted(random.Random(f"bicorpus-bench-mutate:{seed}:{revision}").sample(range(pages), count))


def mutate_pages(out: str | Path, pages: int, seed: int, fraction: float, revision: int = 1) -> list[Path]:
    """Replace ``fraction`` of the pages in ``out`` with edited text; returns the replaced files."""
    out = Path(out)
    data = load_data()
    changed = []
    for index in mutated_indexes(pages, seed, fraction, revision):
        path = out / page_name(seed, index)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(generate_page(seed, index, revision=revision, data=data), encoding="utf-8")
        os.replace(tmp, path)  # a new file: hard links to the old one keep the old text
        changed.append(path)
    return changed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, required=True, help="number of pages")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", required=True, help="output folder")
    parser.add_argument("--start", type=int, default=0, help="index of the first page (default 0)")
    parser.add_argument("--mutate", type=float, metavar="FRACTION",
                        help="instead of writing, rewrite this share of the existing pages")
    parser.add_argument("--revision", type=int, default=1, help="revision number of a mutation (default 1)")
    args = parser.parse_args(argv)
    if args.pages < 1:
        parser.error("--pages must be at least 1")
    if args.mutate is not None:
        if not 0 < args.mutate <= 1:
            parser.error("--mutate must be in (0, 1]")
        changed = mutate_pages(args.out, args.pages, args.seed, args.mutate, args.revision)
        print(f"rewrote {len(changed)} of {args.pages} pages in {args.out}")
        return 0
    report = write_pages(args.out, args.pages, args.seed, args.start)
    print(f"wrote {report.pages} pages ({report.bytes / 1e6:.1f} MB) to {report.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
