"""Bounded fuzz run over every input parser: nothing may raise anything but a one-line BicorpusError.

    python bench/fuzz.py [--inputs 2000] [--seed 1] [--only source,normalize,query,alias]

Targets and what must hold for each input:

* ``source``    random bytes and generated pages (Arabic/Latin/digits, control characters, bidi
  marks, emoji, combining marks, very long lines, deeply nested, broken or hostile HTML) written to a
  file and read with ``read_source`` then ``process_document``: a page or one ``SourceError``;
  every passage satisfies the offsets contract ``text[start:end] == passage.text``; no text of
  a ``<script>``/``<style>`` element or an attribute reaches the passages.
* ``normalize`` ``normalize_text`` is idempotent and never more than doubles the text; each
  token's name keys are short (bounded by the token's length).
* ``query``     random queries against a small index: results or one ``QueryError``.
* ``alias``     random alias files: a gazetteer or one ``AliasFileError`` naming ``file:line``.
* ``damage``    a corpus with one file truncated, bit-flipped or edited: ``check`` reports it in one
  line per problem; ``stats``, ``export`` and ``ingest`` exit 0 or 1, never an internal error.
* ``cli``       ``bicorpus ingest`` of a generated page and ``bicorpus search`` of a random query:
  exit status 0 or 1 (one ``Error:`` line, usage errors too), never an internal error (status 3).

Crashes are printed with their input (repr, cut) and counted; the summary is JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bicorpus.errors import AliasFileError, BicorpusError, QueryError, SourceError

# --- generators ---------------------------------------------------------------------------------

ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئىة"
ARABIC_MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèüçñ"
DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲"
CONTROLS = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\u2028\u2029\r"
BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200c\u200d\ufeff"
EMOJI = "😀🇸🇾👍🏽🕌❤️‍🔥"
COMBINING = "\u0300\u0301\u0308\u0327\u20dd\u0336"
PUNCT = " .,;:!?؟،؛\"'’«»()[]{}<>-–—•·|/\\&#@*_=+\n\n\t"
WORDS = ("ISIS", "al-Nusra", "Deir ez-Zor", "النصرة", "دير الزور", "داعش", "يكتب:", "أخبار المركز", "•",
         "By", "Dr.", "12 April 2017", "١٢ نيسان ٢٠١٧", "Home | About Us", "click here", "AND", "OR", "NOT",
         "lang:ar", "\"", "(", ")", "=", "*")
ALPHABETS = (ARABIC, ARABIC_MARKS, LATIN, DIGITS, CONTROLS, BIDI, EMOJI, COMBINING, PUNCT)
#: How often each alphabet is drawn: control characters are rare (a page full of them is binary).
WEIGHTS = (8, 2, 8, 2, 0.15, 1, 1, 1, 4)


def mixed_text(rng: random.Random, size: int) -> str:
    """Runs of characters from random alphabets, with known words mixed in."""
    out: list[str] = []
    while sum(map(len, out)) < size:
        if rng.random() < 0.25:
            out.append(rng.choice(WORDS) + rng.choice(" \n"))
        else:
            alphabet = rng.choices(ALPHABETS, WEIGHTS)[0]
            length = 1 if alphabet is CONTROLS else rng.randint(1, 12)
            out.append("".join(rng.choice(alphabet) for _ in range(length)))
            if rng.random() < 0.5:
                out.append(" ")
    return "".join(out)[:size]


def nested_html(rng: random.Random, depth: int) -> str:
    tags = ["div", "p", "span", "li", "ul", "table", "tr", "td", "b", "h1", "h2", "section", "pre", "a"]
    opened = [rng.choice(tags) for _ in range(depth)]
    inner = mixed_text(rng, 200)
    closing = "".join(f"</{t}>" for t in reversed(opened)) if rng.random() < 0.7 else ""
    return "<html><body>" + "".join(f"<{t}>" for t in opened) + inner + closing


SECRET = "SECRET_SHOULD_NOT_LEAK"
HOSTILE = (
    f'<script>document.write("{SECRET}")</script>',
    f"<style>body {{content: '{SECRET}'}}</style>",
    f'<img src=x onerror="alert(\'{SECRET}\')">',
    f'<a href="javascript:{SECRET}">link</a>',
    f"<svg><script>{SECRET}</script></svg>",
    f"<noscript>{SECRET}</noscript>",
    f'<iframe srcdoc="{SECRET}"></iframe>',
    f"<template>{SECRET}</template>",
    f'<div onclick="{SECRET}" style="x:{SECRET}">',
)


MARKUP = ("<", ">", "</", "<!", "<![", "<!--", "-->", "<!DOCTYPE", "<?", "?>", "[", "]", "&", "&#", "&#x",
          ";", "=", '"', "'", "/", " ", "\n", "p", "div", "script", "style", "li", "h1", "CDATA", "%",
          "&amp;", "&nbsp;", "&#1575;", "&#x202e;")


def markup_soup(rng: random.Random) -> str:
    """Broken markup: random runs of tag, declaration and entity pieces between words."""
    return "".join(rng.choice(MARKUP) if rng.random() < 0.7 else mixed_text(rng, rng.randint(1, 10))
                   for _ in range(rng.randint(1, 400)))


def hostile_html(rng: random.Random) -> str:
    parts = ["<html><head><title>t</title></head><body><p>Raqqa النصرة</p>"]
    for _ in range(rng.randint(1, 6)):
        parts.append(rng.choice(HOSTILE))
        words = "".join(c for c in mixed_text(rng, 60) if c not in CONTROLS and c not in "<&")
        parts.append(f"<p>{words}</p>")
    return "".join(parts)


def page_input(rng: random.Random) -> tuple[bytes, str, bool]:
    """(bytes, suffix, hostile?) of one generated page."""
    kind = rng.choice(["bytes", "text", "text", "longline", "nested", "hostile", "encoded", "soup", "soup"])
    if kind == "bytes":
        noise = bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 3000)))
        return noise, rng.choice([".txt", ".html"]), False
    if kind == "longline":
        line = mixed_text(rng, 200).replace("\n", " ") * rng.randint(50, 1500)
        return line.encode("utf-8"), ".txt", False
    if kind == "nested":
        return nested_html(rng, rng.randint(50, 3000)).encode("utf-8"), ".html", False
    if kind == "hostile":
        return hostile_html(rng).encode("utf-8"), ".html", True
    if kind == "soup":
        return markup_soup(rng).encode("utf-8"), ".html", False
    text = mixed_text(rng, rng.randint(0, 4000))
    if kind == "encoded":
        encoding = rng.choice(["utf-16", "utf-16-le", "windows-1256", "iso-8859-6", "utf-8-sig", "utf-32"])
        return text.encode(encoding, errors="replace"), rng.choice([".txt", ".html"]), False
    return text.encode("utf-8"), rng.choice([".txt", ".html", ".htm"]), False


def alias_input(rng: random.Random) -> str:
    fields = ["type", "en", "ar", "acronym", "related", "unknown", "EN", ""]
    lines = []
    for _ in range(rng.randint(0, 12)):
        r = rng.random()
        if r < 0.25:
            ids = ["isis", "nusra-x", "Bad Id", "", "a.b_c", "../x", mixed_text(rng, 5)]
            lines.append(f"[{rng.choice(ids)}]")
        elif r < 0.8:
            value = rng.choice([mixed_text(rng, rng.randint(0, 30)), "Nusra Front | جبهة النصرة", "ISIL",
                                "part-of isis", "organization", "al-", "ال", "|", "__import__('os')"])
            lines.append(f"{rng.choice(fields)}: {value}")
        else:
            lines.append(mixed_text(rng, rng.randint(0, 40)))
    return "\n".join(lines)


def query_input(rng: random.Random) -> str:
    parts = [rng.choice(WORDS) if rng.random() < 0.6 else mixed_text(rng, rng.randint(1, 8))
             for _ in range(rng.randint(0, 10))]
    return " ".join(parts)


# --- targets ------------------------------------------------------------------------------------


class Violation(AssertionError):
    """A property that must hold did not."""


def check_source(raw: bytes, suffix: str, hostile: bool, folder: Path) -> str:
    """Read and process one page; returns ``"ok"`` or the rejection reason."""
    from bicorpus.pipeline import process_document
    from bicorpus.sources import read_source

    path = folder / f"page{suffix}"
    path.write_bytes(raw)
    try:
        src = read_source(path)
    except SourceError as err:
        if not err.reason or "\n" in str(err):
            raise Violation(f"rejection is not one line: {err!r}") from err
        return err.reason.split(" (")[0].split(":")[0]
    _doc, passages = process_document(src)
    for p in passages:
        if src.text[p.start:p.end] != p.text:
            raise Violation(f"offsets contract broken for {p.id}")
        if hostile and SECRET in p.text:
            raise Violation(f"script, style or attribute text leaked into passage {p.id}")
    return "ok"


def check_normalize(text: str) -> str:
    from bicorpus.names import name_keys
    from bicorpus.normalize import normalize_text
    from bicorpus.normalize.tokenize import tokenize

    once = normalize_text(text)
    if normalize_text(once) != once:
        raise Violation("normalize_text is not idempotent")
    if len(once) > 2 * len(text) + 8:
        raise Violation(f"normalize_text grew the text from {len(text)} to {len(once)}")
    for token in tokenize(text)[:200]:
        keys = name_keys(token.text)
        if any(len(k) > 4 * len(token.text) + 8 for k in keys) or len(keys) > 64:
            raise Violation(f"name keys of {token.text!r} grow without bound: {keys[:3]}")
    return "ok"


def check_alias(text: str, folder: Path) -> str:
    from bicorpus.names import Gazetteer

    path = folder / "aliases.txt"
    path.write_text(text, "utf-8")
    try:
        Gazetteer.load([path])
    except AliasFileError as err:
        if "\n" in str(err) or not str(err).startswith(str(path)):
            raise Violation(f"alias error is not one line naming the file: {err!r}") from err
        return "rejected"
    return "ok"


def check_query(query: str, index: Any) -> str:
    try:
        result = index.search(query, limit=5)
    except QueryError as err:
        if "\n" in str(err) or not str(err):
            raise Violation(f"query error is not one line: {err!r}") from err
        return "rejected"
    for hit in result.hits:
        for m in hit.matches:
            if hit.text[m.start:m.end] != m.text:
                raise Violation("match offsets do not point at the matched text")
    return "ok"


def check_cli(page: tuple[bytes, str, bool], query: str, folder: Path) -> str:
    """The command line on one page and one query: exit status 0, 1 (one ``Error:`` line) or 2 (a usage
    error), never an internal error (3) or a traceback."""
    from click.testing import CliRunner

    from bicorpus.cli import main

    raw, suffix, _ = page
    pages = folder / "cli-pages"
    pages.mkdir(exist_ok=True)
    for old in pages.iterdir():
        old.unlink()
    (pages / f"page{suffix}").write_bytes(raw)
    runner = CliRunner()
    outcomes = []
    corpus, index = str(folder / "cli-corpus"), str(folder / "index")
    for args in (["ingest", str(pages), "--corpus", corpus, "--no-index", "-q", "--prune"],
                 ["search", "--index", index, "--limit", "3", query],
                 ["search", "--index", index, "--json", "--lang", "ar", "--", query]):
        result = runner.invoke(main, args)
        failed = "internal error" in result.output or "Traceback" in result.output
        if result.exit_code not in (0, 1) or failed:  # a usage error (a query read as an option) is 1 too
            raise Violation(f"bicorpus {args[0]} exited {result.exit_code}: {result.output.strip()[-300:]}")
        outcomes.append(str(result.exit_code))
    return "exit " + "/".join(outcomes)


CORPUS_FILES = ("documents.jsonl", "passages.jsonl", "manifest.json")


DAMAGE_KINDS = ("truncate", "flip", "insert", "cut")


def damaged(data: bytes, rng: random.Random, how: str | None = None) -> bytes:
    """``data`` truncated, bit-flipped, with junk inserted or a piece cut out (``how``, or at random)."""
    if not data:
        return b"\xff"
    at = rng.randrange(len(data))
    how = how or rng.choice(DAMAGE_KINDS)
    if how == "truncate":
        return data[:at]
    if how == "flip":
        out = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            i = rng.randrange(len(out))
            out[i] ^= 1 << rng.randrange(8)
        return bytes(out)
    if how == "insert":
        junk = rng.choice([b"{}\n", b"[]\n", b"null\n", b'{"id": 1}\n', b'{"start": "0"}\n', b"\x00",
                           "دير\n".encode(), b"\n\n", b'{"schema_version": 1}'])
        return data[:at] + junk + data[at:]
    return data[:at] + data[at + rng.randint(1, 50):]


def check_damage(pristine: Path, name: str, damage_seed: int, folder: Path) -> str:
    """A corpus with one damaged file: ``check`` reports it, ``stats``/``export``/``ingest`` exit 0 or 1."""
    import shutil

    from click.testing import CliRunner

    from bicorpus.check import check
    from bicorpus.cli import main

    corpus = folder / "damaged"
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.copytree(pristine, corpus)
    (corpus / name).write_bytes(damaged((corpus / name).read_bytes(), random.Random(damage_seed)))
    report = check(corpus, None)
    if any("\n" in p.what for p in report.problems):
        raise Violation("a check problem is not one line")
    runner = CliRunner()
    codes = []
    for args in (["stats", "--corpus", str(corpus)],
                 ["export", "--corpus", str(corpus), "--format", "jsonl", "--out", str(folder / "out.jsonl"),
                  "--force"],
                 ["ingest", str(folder / "cli-pages"), "--corpus", str(corpus), "--no-index", "-q"]):
        result = runner.invoke(main, args)
        crashed = "internal error" in result.output or "Traceback" in result.output
        if result.exit_code not in (0, 1) or crashed:
            raise Violation(f"bicorpus {args[0]} exited {result.exit_code}: {result.output.strip()[-300:]}")
        codes.append(str(result.exit_code))
    return ("ok " if report.ok else "problems ") + "/".join(codes)


# --- the run ------------------------------------------------------------------------------------


@dataclass
class TargetStats:
    inputs: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    crashes: list[dict[str, str]] = field(default_factory=list)


def _small_index(folder: Path) -> Any:
    from bicorpus.api import ingest, open_index

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    ingest([seeds], folder / "corpus", index=folder / "index")
    return open_index(folder / "index")


TARGETS = ("source", "normalize", "query", "alias", "cli", "damage")


def run(inputs: int, seed: int, only: tuple[str, ...] = TARGETS,
        log: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Fuzz each target with ``inputs`` generated inputs; returns the figures per target."""
    rng = random.Random(seed)
    stats = {name: TargetStats() for name in only}
    with tempfile.TemporaryDirectory(prefix="bicorpus-fuzz-") as tmp:
        folder = Path(tmp)
        index = _small_index(folder) if {"query", "cli", "damage"} & set(only) else None
        (folder / "cli-pages").mkdir(exist_ok=True)
        (folder / "cli-pages" / "page.txt").write_text("Raqqa\n\nالرقة ودير الزور.\n", "utf-8")
        def make_case(name: str) -> tuple[Any, Callable[[], str]]:
            if name == "source":
                page = page_input(rng)
                return page, lambda: check_source(*page, folder)
            if name == "normalize":
                text = mixed_text(rng, rng.randint(0, 600))
                return text, lambda: check_normalize(text)
            if name == "query":
                query = query_input(rng)
                return query, lambda: check_query(query, index)
            if name == "alias":
                aliases = alias_input(rng)
                return aliases, lambda: check_alias(aliases, folder)
            if name == "damage":
                file, damage_seed = rng.choice(CORPUS_FILES), rng.randrange(10**9)
                return (file, damage_seed), lambda: check_damage(folder / "corpus", file, damage_seed, folder)
            page, query = page_input(rng), query_input(rng)
            return (page[0][:200], query), lambda: check_cli(page, query, folder)

        started = time.monotonic()
        for name in only:
            target = stats[name]
            for _ in range(inputs):
                case, call = make_case(name)
                target.inputs += 1
                try:
                    target.outcomes[call()] += 1
                except (Violation, Exception) as err:  # every other exception is a finding
                    kind = "violation" if isinstance(err, Violation) else "crash"
                    if isinstance(err, BicorpusError) and not isinstance(err, Violation):
                        kind = "unexpected BicorpusError"
                    target.crashes.append({"kind": kind, "error": f"{type(err).__name__}: {err}"[:300],
                                           "input": repr(case)[:300],
                                           "where": traceback.format_exc(limit=-2)[-600:]})
                    if log:
                        log(f"{name}: {kind}: {type(err).__name__}: {str(err)[:200]}")
            if log:
                log(f"{name}: {target.inputs} inputs, {len(target.crashes)} failures")
        if index is not None:
            index.close()
        seconds = time.monotonic() - started
    return {
        "seed": seed,
        "seconds": round(seconds, 1),
        "targets": {name: {"inputs": s.inputs, "outcomes": dict(s.outcomes.most_common(12)),
                           "failures": len(s.crashes), "examples": s.crashes[:5]}
                    for name, s in stats.items()},
        "inputs": sum(s.inputs for s in stats.values()),
        "failures": sum(len(s.crashes) for s in stats.values()),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=2000, help="inputs per target")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", default=",".join(TARGETS), help="comma-separated targets")
    args = parser.parse_args(argv)
    only = tuple(t.strip() for t in args.only.split(",") if t.strip())
    unknown = set(only) - set(TARGETS)
    if unknown:
        parser.error(f"unknown targets: {', '.join(sorted(unknown))}")
    figures = run(args.inputs, args.seed, only, log=lambda line: print(line, file=sys.stderr))
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    return 1 if figures["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
