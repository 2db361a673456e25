"""What each text-layout rule contributes: every rule switched off in turn, every set scored again.

    python bench/layout_ablation.py DEVDIR... [--rules NAME,...] [--json OUT] [--jobs N]

Each ``DEVDIR`` holds annotated folders as :mod:`layout_eval` reads them (``annotations.json``
beside the pages).  The pages are scored once as they are (the baseline) and once with each named
rule switched off, by :func:`layout_eval.page_scores`; a run is a fresh interpreter, so no memo of
line features (``functools`` caches in :mod:`bicorpus.layout`) keeps a result the rule gave.

A rule is switched off by replacing its function, in the module that calls it, with a neutral one
(:data:`RULES`, the table below).  Per rule and set the script prints the rule's contribution,
figure with the rule minus figure without it (``title``, ``date``, ``header_out``,
``boilerplate_in`` — lower is better there, so a helping rule has a negative contribution —
``body_f1``), and the pages whose result the rule changes: ``+N`` pages it makes better, ``-N``
pages it makes worse.  A page is better when one of its measures is better with the rule (title
right, date right, more header lines out, fewer boilerplate lines in, fewer body lines missed or
taken wrongly) and worse when one is worse; a page with both counts on both sides.  The summary
sorts the rules by pages better minus pages worse over all sets and flags the ones netting at most
one page (candidates to drop) and the ones that make any page worse.

The table of rules is :data:`RULES` below (name, module where it is replaced, what "off" means,
what the rule does); the meanings of "off" are :data:`NEUTRAL`: ``no-op`` (a rule marking lines
in place marks none), ``False`` (a predicate never holds), ``None`` (a finder finds nothing),
``as-is`` (a filter gives back the value it was given), ``no lines`` (a per-line test holds for
no line), ``keeps 3rd`` (a chooser keeps the choice it was given).  The switched-off function
counts its calls: a rule never called on any page is reported (its hook was not reached).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from layout_eval import Scores, dev_folders, page_scores

#: Fields of :class:`layout_eval.Scores` a page keeps (all but its failures).
FIELDS = ("pages", "title_ok", "date_ok", "header", "header_out", "boilerplate", "boilerplate_in",
          "body_tp", "body_fp", "body_fn")


def _noop(*_args: object, **_kwargs: object) -> None:
    return None


def _false(*_args: object, **_kwargs: object) -> bool:
    return False


def _second(_first: object, second: object, *_args: object, **_kwargs: object) -> object:
    return second


def _third(_first: object, _second: object, third: object, *_args: object, **_kwargs: object) -> object:
    return third


def _no_lines(units: Any, *_args: object, **_kwargs: object) -> list[bool]:
    return [False] * len(units)


#: What "off" means, by its name in :data:`RULES`.
NEUTRAL: dict[str, Callable[..., Any]] = {
    "no-op": _noop,        # a rule marking lines in place marks none
    "False": _false,       # a predicate never holds
    "None": _noop,         # a finder finds nothing
    "as-is": _second,      # a filter gives back what it was given (its second argument)
    "no lines": _no_lines,  # a per-line test holds for no line
    "keeps 3rd": _third,   # a chooser keeps the choice it was given (its third argument)
}


@dataclass(frozen=True)
class Rule:
    name: str      # the function, as it is named in ``module``
    module: str    # the module whose global is replaced (where the rule is called from)
    off: str       # a key of NEUTRAL
    does: str      # what the rule does, in a few words
    also: tuple[str, ...] = ()  # other modules it is called from, replaced there too


L = "bicorpus.layout"
A = "bicorpus.layout_asides"
U = "bicorpus.layout_units"
B = "bicorpus.layout_boilerplate"
T = "bicorpus.layout_title"
D = "bicorpus.layout_dates"
#: The rules, the module they are called from, and what switching them off means.  Functions
#: imported into :mod:`bicorpus.layout` from the small rule modules are replaced there, where
#: they are looked up when called.
RULES: tuple[Rule, ...] = (
    # boilerplate (``_boilerplate_flags``)
    Rule("_mark_outlet_signature", B, "no-op", "outlet name under the last paragraph: boilerplate"),
    Rule("mark_watch_lines", B, "no-op", "aggregator watch lines and their notes: boilerplate"),
    Rule("hard_wrapped", B, "False", "hard-wrapped text under the text is no footer"),
    Rule("_keep_cut_ending", B, "no-op", "a page cut off mid-text keeps its last line as text"),
    Rule("_mark_listing_tags", B, "no-op", "topic tags between a listing's items: boilerplate"),
    Rule("_mark_common_furniture", B, "no-op", "mined common furniture lines: boilerplate"),
    Rule("closing_mark", A, "False", "an agency's closing mark under the text: boilerplate"),
    Rule("credit_shape", A, "False", "photo credits and picture labels by shape: boilerplate"),
    Rule("aside_line", A, "False", "social calls, read-more headlines, keywords: boilerplate"),
    Rule("_sentence_of_text", L, "False", "short sentence with an auxiliary verb is text, no caption",
         also=(B,)),
    Rule("_stamped_tag", B, "False", "page stamp followed by a topic tag: boilerplate"),
    Rule("_listed_excerpt", B, "False", "excerpt cut by an ellipsis under a related cue: listed"),
    Rule("furniture_lines", B, "no lines", "short lines of furniture words: boilerplate (older)"),
    Rule("_mark_closing_credits", B, "no-op", "credits under the last paragraph (older)"),
    Rule("_mark_disclaimers", B, "no-op", "site disclaimers / notices (older)"),
    Rule("_mark_excerpt_tail", B, "no-op", "lines cut by an ellipsis closing the page (older)"),
    Rule("_mark_stamped_chrome", B, "no-op", "stamped first line followed by chrome (older)"),
    Rule("_mark_teasers", B, "no-op", "teasers of other stories (older)"),
    Rule("_mark_after_furniture", B, "no-op", "short lines after furniture under the text (older)"),
    Rule("_mark_captions_above_credits", B, "no-op", "caption above its photo credit (older)"),
    Rule("_mark_stamped_lists", B, "no-op", "stamped headline lists (older)"),
    Rule("_mark_lone_credits", B, "no-op", "a lone channel credit under the text (older)"),
    Rule("_mark_author_bio", B, "no-op", "notes on the author closing the page (older)"),
    Rule("_mark_list_cues", B, "no-op", "related-stories cue takes the lines under it (older)"),
    # date
    Rule("history_date", U, "as-is", "journal received/accepted lines do not date the page"),
    Rule("_opening_timestamp", L, "None", "day+time early in the first line dates the page"),
    Rule("_listing_day", L, "False", "item dates of a listing do not date the page"),
    Rule("_stamped_day", L, "None", "the first line's stamp dates the page (older)"),
    Rule("_agency_after", "bicorpus.dates", "False", "wire lead, agency in brackets, no dash: a date"),
    # title, header (``analyze``, ``_pick_title``, ``_article``)
    Rule("_label_page", L, "False", "a page holding only a tag label has no title"),
    Rule("_arabic_lead_sentence", T, "False", "long Arabic line with a comma is no title"),
    Rule("arabic_sentence_headline", T, "None", "Arabic one-sentence headline on top is the title"),
    Rule("read_more_teaser", L, "False", "teaser closed by read-more is no standfirst"),
    Rule("_dated_headline", L, "False", "headline with its date glued at its end is the title"),
    Rule("_mark_headline_tickers", L, "no-op", "Arabic ticker of headlines on one line: chrome"),
    Rule("_byline_in_text", L, "False", "byline below the first paragraph is a dateline", also=(B,)),
    Rule("_mark_chrome_runs", B, "no-op", "runs of chrome-shaped lines: boilerplate (older)"),
    Rule("_mark_inner_furniture", B, "no-op", "furniture inside the text (older)"),
    Rule("_mark_infobox_gaps", B, "no-op", "gaps inside an infobox (older)"),
    Rule("_mark_repeated_captions", B, "no-op", "captions given twice (older)"),
    Rule("_mark_announced_lists", B, "no-op", "Label: value list announced by a colon is text (older)"),
    Rule("_mark_captions_under_title", L, "no-op", "captions between title and text (older)"),
    Rule("_site_clock", L, "None", "the site's clock line above the title (older)"),
    Rule("_dated_chrome", L, "False", "date beside share links / month alone: chrome (older)", also=(B,)),
    Rule("_clock_in_two_calendars", D, "False", "Hijri+Gregorian clock is the site's (older)", also=(B, T)),
    Rule("_headline_after_lead", L, "None", "headline below a lead-in block (older)"),
    Rule("_headline_over_standfirst", L, "keeps 3rd", "upper of two stacked headlines (older)"),
    Rule("_restated_standfirst", L, "None", "standfirst the text restates (older)"),
    Rule("_standfirst_over_wire", L, "None", "standfirst above a wire dateline (older)"),
    Rule("_given_twice_above", T, "None", "headline given twice above the text (older)"),
    Rule("_sentence_headline", T, "None", "one-sentence English headline (older)"),
    Rule("_lone_name", T, "False", "an entry's lone name above the text (older)"),
    Rule("_bare_name", L, "False", "a writer's bare name under the headline (older)", also=(B,)),
)
BY_NAME = {r.name: r for r in RULES}


def switch_off(rule: Rule) -> list[int]:
    """Replace ``rule`` by its neutral function; the list returned counts the calls it gets."""
    import importlib

    modules = [importlib.import_module(name) for name in (rule.module, *rule.also)]
    for module in modules:
        if not callable(getattr(module, rule.name, None)):
            raise SystemExit(f"{module.__name__}: no function {rule.name} to switch off")
    neutral, calls = NEUTRAL[rule.off], [0]

    def off(*args: object, **kwargs: object) -> object:
        calls[0] += 1
        return neutral(*args, **kwargs)

    for module in modules:
        setattr(module, rule.name, off)
    return calls


def run_sets(folders: list[Path], rule: str | None) -> dict[str, Any]:
    """Per folder, per page, the :data:`FIELDS` of its scores (``rule`` switched off first), and
    how often the switched-off rule was called (a rule never called is not switched off at all)."""
    calls = switch_off(BY_NAME[rule]) if rule is not None else [0]
    pages = {str(folder): {name: [getattr(s, f) for f in FIELDS] for name, s in page_scores(folder)}
             for folder in folders}
    return {"calls": calls[0], "pages": pages}


def _run_child(folders: list[Path], rule: str | None) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--one", rule or "", *map(str, folders)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or ["failed"])[-1]
        raise SystemExit(f"rule {rule or 'baseline'}: {tail}")
    return json.loads(done.stdout)


def _figures(pages: dict[str, list[int]]) -> dict[str, float | int]:
    total = Scores()
    for values in pages.values():
        total.add(Scores(**dict(zip(FIELDS, values, strict=True))))
    return total.figures()


def _page_errors(v: list[int]) -> tuple[int, ...]:
    """A page's errors by measure: title, date, header lines in, boilerplate lines in, body."""
    s = dict(zip(FIELDS, v, strict=True))
    return (1 - s["title_ok"], 1 - s["date_ok"], s["header"] - s["header_out"], s["boilerplate_in"],
            s["body_fp"] + s["body_fn"])


def compare(base: dict[str, list[int]], off: dict[str, list[int]]) -> tuple[int, int]:
    """Pages the rule makes better and worse: ``base`` scored with it, ``off`` without it."""
    better = worse = 0
    for name, values in base.items():
        with_rule, without = _page_errors(values), _page_errors(off[name])
        better += any(a < b for a, b in zip(with_rule, without, strict=True))
        worse += any(a > b for a, b in zip(with_rule, without, strict=True))
    return better, worse


MEASURES = ("title", "date", "header_out", "boilerplate_in", "body_f1")


def ablate(base: dict[str, dict[str, list[int]]], off: dict[str, dict[str, list[int]]],
           names: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Per set: the rule's contribution to each measure (with minus without) and pages it changes."""
    out = {}
    for folder, pages in base.items():
        with_rule, without = _figures(pages), _figures(off[folder])
        better, worse = compare(pages, off[folder])
        out[names[folder]] = {**{m: round(float(with_rule[m]) - float(without[m]), 4) for m in MEASURES},
                              "better": better, "worse": worse}
    return out


def _set_names(folders: list[Path]) -> dict[str, str]:
    if len(folders) == 1:
        return {str(folders[0]): folders[0].name}
    root = Path(os.path.commonpath([str(f) for f in folders]))
    return {str(f): str(f.relative_to(root)) for f in folders}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("devdirs", type=Path, nargs="+")
    parser.add_argument("--rules", help="comma-separated rule names (default: all of RULES)")
    parser.add_argument("--json", type=Path, help="write the results as JSON here")
    parser.add_argument("--jobs", type=int, default=2, help="runs at once (default 2)")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # a child run: one rule off, JSON out
    args = parser.parse_args(argv)
    if args.one is not None:
        print(json.dumps(run_sets(args.devdirs, args.one or None)))
        return 0
    folders = [f for d in args.devdirs for f in dev_folders(d)]
    if not folders:
        print(f"{' '.join(map(str, args.devdirs))}: no annotations.json found", file=sys.stderr)
        return 2
    names = [n.strip() for n in args.rules.split(",")] if args.rules else [r.name for r in RULES]
    unknown = [n for n in names if n not in BY_NAME]
    if unknown:
        print(f"--rules: unknown rule(s) {', '.join(unknown)}; known: {', '.join(BY_NAME)}", file=sys.stderr)
        return 2
    set_names = _set_names(folders)
    with ThreadPoolExecutor(max(1, args.jobs)) as pool:
        runs = list(pool.map(lambda r: _run_child(folders, r), [None, *names]))
    base, offs = runs[0]["pages"], {n: run["pages"] for n, run in zip(names, runs[1:], strict=True)}
    for name, run in zip(names, runs[1:], strict=True):
        if not run["calls"]:
            print(f"warning: {name} was never called; switching it off tells nothing", file=sys.stderr)
    results = {name: ablate(base, offs[name], set_names) for name in names}
    baseline = {set_names[f]: _figures(p) for f, p in base.items()}
    for name in names:
        rule = BY_NAME[name]
        print(f"{name}  (off: {rule.off}; {rule.does})")
        for set_name, r in results[name].items():
            if r["better"] or r["worse"]:
                print(f"  {set_name:24} " + "  ".join(f"{m} {r[m]:+.4f}" for m in MEASURES)
                      + f"  pages +{r['better']} -{r['worse']}")
    summary = []
    for name in names:
        better = sum(r["better"] for r in results[name].values())
        worse = sum(r["worse"] for r in results[name].values())
        helps = [s for s, r in results[name].items() if r["better"]]
        hurts = [s for s, r in results[name].items() if r["worse"]]
        summary.append({"rule": name, "better": better, "worse": worse, "net": better - worse,
                        "helps": helps, "hurts": hurts, "calls": runs[1 + names.index(name)]["calls"]})
    summary.sort(key=lambda s: (-s["net"], s["rule"]))
    print(f"\n{'rule':26} {'net':>4} {'+':>3} {'-':>3}  flags       sets helped (sets hurt)")
    for s in summary:
        flags = ("DROP? " if s["net"] <= 1 else "      ") + ("WORSENS" if s["worse"] else "")
        hurt = f" ({', '.join(s['hurts'])})" if s["hurts"] else ""
        print(f"{s['rule']:26} {s['net']:4} {s['better']:3} {s['worse']:3}  {flags:11} "
              f"{', '.join(s['helps']) or '-'}{hurt}")
    if args.json:
        args.json.write_text(json.dumps({"baseline": baseline, "rules": results, "summary": summary},
                                        ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
