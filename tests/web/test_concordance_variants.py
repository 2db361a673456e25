"""Concordance and spelling variants: same passages as search, contexts, sorting, terminal layout."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import bicorpus
from bicorpus.cli import main
from bicorpus.kwic import FSI, PDI, contexts, display_width, kwic_lines, terminal_lines
from bicorpus.model import Document
from bicorpus.spellings import document_sites, find_variants


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("query", ["Nusra", "النصرة", "Deir ez-Zor", "دير الزور", "Idlib"])
def test_concordance_and_variants_give_the_passages_of_search(workbench, query):
    _, index = workbench
    with bicorpus.open_index(index) as ix:
        found = ix.search(query, limit=100)
        conc = kwic_lines(ix, query, limit=100)
        var = find_variants(ix, query)
    expected = {h.passage_id for h in found.hits}
    assert expected, query
    assert {ln.passage_id for ln in conc.lines} == expected
    assert var.passage_ids == expected
    assert var.total == conc.total == found.total


def test_each_line_is_a_matched_span_with_its_context(workbench):
    _, index = workbench
    conc = bicorpus.concordance("Nusra", index=index, width=12)
    assert conc.lines
    with bicorpus.open_index(index) as ix:
        for ln in conc.lines:
            text = ix.passage(ln.passage_id).text
            assert text[ln.start:ln.end] == ln.match
            assert text[:ln.start].endswith(ln.left)
            assert text[ln.end:].startswith(ln.right)
            assert len(ln.left) <= 12 and len(ln.right) <= 12
    tiers = {ln.match: ln.tier for ln in conc.lines}
    assert tiers["Nusra"] == "exact" and tiers["النصرة"] == "translit"


def test_word_contexts():
    text = "one two  three NAME four five\nsix seven"
    start = text.index("NAME")
    assert contexts(text, start, start + 4, 2, "words") == ("two three ", " four five")
    assert contexts(text, start, start + 4, 3, "chars") == ("ee ", " fo")
    arabic = "انسحبت جبهة النصرة من مواقعها قرب دير الزور"
    s = arabic.index("النصرة")
    assert contexts(arabic, s, s + 6, 1, "words") == ("جبهة ", " من")


def test_sorting_orders(workbench):
    _, index = workbench
    by = {s: bicorpus.concordance("Nusra OR النصرة", index=index, sort=s, unit="words", width=3).lines
          for s in ("rank", "left", "right", "date", "doc", "match")}
    assert sorted(map(id, by["rank"])) != [] and len(by["left"]) == len(by["rank"])
    dates = [ln.date for ln in by["date"]]
    assert dates == sorted(dates)
    docs = [(ln.doc_id, ln.ordinal, ln.start) for ln in by["doc"]]
    assert docs == sorted(docs)
    lefts = [ln.left.split()[-1].casefold() if ln.left.split() else "" for ln in by["left"]]
    assert lefts == sorted(lefts, key=lambda w: bicorpus.normalize.normalize_text(w).casefold())
    matches = [bicorpus.normalize.normalize_text(ln.match).casefold() for ln in by["match"]]
    assert matches == sorted(matches)


def test_bad_sort_is_one_line(workbench):
    _, index = workbench
    result = CliRunner().invoke(main, ["concordance", "Nusra", "--index", str(index), "--sort", "sideways"])
    assert result.exit_code != 0
    result = CliRunner().invoke(main, ["concordance", "(Nusra", "--index", str(index)])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and result.output.startswith("Error: ")


def test_terminal_lines_isolate_each_part_and_line_up(workbench):
    _, index = workbench
    conc = bicorpus.concordance("Nusra OR النصرة", index=index, width=20)
    lines = terminal_lines(conc)
    assert any("النصرة" in line for line in lines) and any("Nusra" in line for line in lines)
    for line, ln in zip(lines, conc.lines, strict=True):
        assert f"{FSI}{ln.match}{PDI}" in line
        assert line.count(FSI) == line.count(PDI) == 3
    # the match starts in the same column on every line, Arabic or English
    columns = {display_width(line[: line.index(FSI + ln.match)]) for line, ln in zip(lines, conc.lines,
                                                                                         strict=True)}
    assert len(columns) == 1


def test_display_width_ignores_marks_and_controls():
    assert display_width("مُحَمَّد") == 4
    assert display_width(f"{FSI}abc{PDI}") == 3
    assert display_width("日本") == 4


def test_concordance_cli_formats(workbench):
    _, index = workbench
    data = json.loads(_run("concordance", "Nusra", "--index", str(index), "--json"))
    assert data["query"] == "Nusra" and data["lines"]
    wanted = {"passage_id", "doc_id", "date", "tier", "confidence", "left", "match", "right"}
    assert wanted <= set(data["lines"][0])
    rows = list(csv.DictReader(io.StringIO(_run("concordance", "Nusra", "--index", str(index), "--csv"))))
    assert [r["passage_id"] for r in rows] == [ln["passage_id"] for ln in data["lines"]]
    out = _run("concordance", "Nusra", "--index", str(index), "--jsonl")
    jsonl = [json.loads(x) for x in out.splitlines()]
    assert jsonl == data["lines"]
    text = _run("concordance", "النصرة", "--index", str(index), "--words", "-w", "2")
    assert "النصرة" in text and "matching passage" in text


def test_variants_both_scripts_with_counts(workbench):
    corpus, index = workbench
    data = json.loads(_run("variants", "Nusra", "--index", str(index), "--corpus", str(corpus), "--json"))
    by = {v["spelling"]: v for v in data["variants"]}
    assert {"Nusra", "النصرة"} <= set(by)
    assert by["النصرة"]["script"] == "ar" and by["Nusra"]["script"] == "latin"
    assert by["Nusra"]["tier"] == "exact" and by["النصرة"]["tier"] == "translit"
    assert by["النصرة"]["by_site"] == {"beta.example": 2} and by["النصرة"]["by_lang"] == {"ar": 2}
    assert by["Nusra"]["first_date"] == "2017-04-12" and by["Nusra"]["last_date"] == "2019-03-03"
    assert by["Nusra"]["by_year"]["2019"] == 1
    assert set(by["Nusra"]["by_site"]) == {"alpha.example", "beta.example"}
    assert data["entities"][0]["id"] == "nusra"
    rows = list(csv.DictReader(io.StringIO(_run("variants", "Nusra", "--index", str(index), "--corpus",
                                                str(corpus), "--csv"))))
    assert [r["spelling"] for r in rows] == [v["spelling"] for v in data["variants"]]
    assert json.loads(rows[0]["by_year"]) == data["variants"][0]["by_year"]
    table = _run("variants", "دير الزور", "--index", str(index), "--corpus", str(corpus))
    assert "Deir ez-Zor" in table and "دير الزور" in table


def test_document_sites_fall_back_to_host_then_folder():
    docs = [
        Document(id="a", path="/data/pages/one.example/x.txt", size=1, encoding="utf-8", sha256="",
                 site="One"),
        Document(id="b", path="/data/pages/two.example/y.txt", size=1, encoding="utf-8", sha256="",
                 url="https://www.news.example/a/b"),
        Document(id="c", path="/data/pages/three.example/deep/z.txt", size=1, encoding="utf-8", sha256=""),
        Document(id="d", path="/data/pages/top.txt", size=1, encoding="utf-8", sha256=""),
    ]
    assert document_sites(docs) == {"a": "One", "b": "www.news.example", "c": "three.example", "d": "pages"}
    mixed = [Document(id="e", path="/srv/seeds/x.txt", size=1, encoding="utf-8", sha256=""),
             Document(id="f", path="pages/alpha.example/y.txt", size=1, encoding="utf-8", sha256=""),
             Document(id="g", path="pages/beta.example/z.txt", size=1, encoding="utf-8", sha256="")]
    assert document_sites(mixed) == {"e": "seeds", "f": "alpha.example", "g": "beta.example"}


def test_a_span_several_terms_match_is_one_line(workbench):
    _, index = workbench
    conc = bicorpus.concordance("Nusra OR النصرة OR an-Nusrah", index=index)
    keys = [(ln.passage_id, ln.start, ln.end) for ln in conc.lines]
    assert len(keys) == len(set(keys))
    assert {ln.tier for ln in conc.lines if ln.match == "Nusra"} == {"exact"}


def test_api_mirrors_cli_names():
    for name in ("concordance", "variants", "serve"):
        assert callable(getattr(bicorpus, name)) and name in bicorpus.__all__


def test_missing_index_is_one_line(tmp_path: Path):
    result = CliRunner().invoke(main, ["variants", "Nusra", "--index", str(tmp_path / "none"),
                                       "--corpus", str(tmp_path / "none")])
    assert result.exit_code == 1 and result.output.startswith("Error: ")
