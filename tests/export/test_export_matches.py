"""Exports by query keep the match: tier, score, confidence and spans in every format, read back
exactly; TEI names and heads; the vertical entity and match columns; the card lists what is written."""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from bicorpus.corpus import open_corpus
from bicorpus.export import export_corpus, read_matches
from bicorpus.export.delimited import read_csv_records
from bicorpus.export.jsonl import read_jsonl
from bicorpus.export.matches import PassageMatch, passage_matches
from bicorpus.export.parquet import read_parquet_records
from bicorpus.export.tei import read_tei
from bicorpus.export.vertical import read_vertical
from bicorpus.index import build_index, open_index

T = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
READERS = {"csv": read_csv_records, "tsv": lambda p: read_csv_records(p, "\t"), "jsonl": read_jsonl,
           "parquet": read_parquet_records, "tei": read_tei, "vertical": read_vertical}
EXT = {"csv": "csv", "tsv": "tsv", "jsonl": "jsonl", "parquet": "parquet", "tei": "xml", "vertical": "vrt"}
QUERIES = ["Nusra", "دير الزور", "ISIS OR داعش"]


@pytest.fixture
def indexed(corpus_dir: Path) -> tuple[Path, Path]:
    index = corpus_dir.parent / "index"
    build_index(open_corpus(corpus_dir), index)
    return corpus_dir, index


def _hits(index: Path, query: str) -> dict[str, PassageMatch]:
    with open_index(index) as ix:
        return passage_matches(ix.search(query, limit=1000).hits)


def _same(a: PassageMatch, b: PassageMatch) -> bool:
    return (a.tier, a.score, a.confidence, [m.to_dict() for m in a.spans]) == (
        b.tier, b.score, b.confidence, [m.to_dict() for m in b.spans])


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("fmt", list(READERS))
def test_match_values_round_trip(fmt: str, query: str, indexed, out_dir: Path, records) -> None:
    corpus, index = indexed
    path = out_dir / f"q.{EXT[fmt]}"
    export_corpus(corpus, fmt, path, query=query, index=index)
    expected = _hits(index, query)
    back = read_matches(path, fmt)
    assert set(back) == set(expected) and expected
    for pid, found in back.items():
        assert _same(found, expected[pid]), (pid, found, expected[pid])
    # the passages themselves still read back exactly, match columns or not
    originals = {p.id: p for p in records[1]}
    passages = [p for _, p in READERS[fmt](path)]
    assert {p.id for p in passages} == set(expected)
    assert all(p == originals[p.id] for p in passages)


def test_match_columns_in_pandas(indexed, out_dir: Path) -> None:
    import pandas as pd

    corpus, index = indexed
    export_corpus(corpus, "csv", out_dir / "q.csv", query="Nusra", index=index)
    frame = pd.read_csv(out_dir / "q.csv")
    assert {"match_tier", "match_score", "match_confidence", "match_spans"} <= set(frame.columns)
    translit = frame[frame.match_tier == "translit"]  # e.g. النصرة for Nusra: can be filtered out
    assert len(translit) >= 1 and translit.text.str.contains("النصرة").all()
    card = (out_dir / "q.csv.README.md").read_text(encoding="utf-8")
    assert "| match_tier | str |" in card and "| match_spans | str |" in card
    plain = export_corpus(corpus, "csv", out_dir / "all.csv")
    assert "match_tier" not in pd.read_csv(out_dir / "all.csv").columns and plain.stats.passages == 13


@functools.cache
def _tei_all():
    from importlib.resources import files

    from lxml import etree

    return etree, etree.RelaxNG(etree.parse(str(files("schemas").joinpath("tei_all.rng"))))


@pytest.mark.parametrize("split", [False, True])
def test_tei_by_query_is_valid_with_names_and_segs(indexed, tmp_path: Path, split: bool) -> None:
    etree, rng = _tei_all()
    corpus, index = indexed
    out = tmp_path / ("tei" if split else "q.xml")
    export_corpus(corpus, "tei", out, query="Nusra OR دير الزور", index=index, split=split)
    files = sorted(out.glob("*.xml")) if split else [out]
    for f in files:
        assert rng.validate(etree.parse(str(f))), f"{f.name}: {rng.error_log}"
    expected = _hits(index, "Nusra OR دير الزور")
    segs, names = [], []
    for f in files:
        root = ET.parse(f).getroot()
        for p in root.iter():
            if p.get(XML_ID, "").startswith("p-"):
                segs += [(s.get("subtype"), "".join(s.itertext())) for s in p.iter(T + "seg")]
        names += [(el.tag.removeprefix(T), el.get("ref"), "".join(el.itertext())) for el in root.iter()
                  if el.tag in (T + "persName", T + "orgName", T + "placeName")]
    spans = sorted((m.tier, m.text) for found in expected.values() for m in found.spans)
    assert sorted(segs) == spans
    assert ("placeName", "gaz:deir-ez-zor", "دير الزور") in names
    assert ("placeName", "gaz:deir-ez-zor", "Deir al-Zour") in names
    assert ("orgName", "gaz:nusra", "النصرة") in names


def test_tei_names_without_query_and_heads(corpus_dir: Path, out_dir: Path) -> None:
    export_corpus(corpus_dir, "tei", out_dir / "c.xml")
    root = ET.parse(out_dir / "c.xml").getroot()
    refs = {(el.get("ref"), "".join(el.itertext())) for el in root.iter() if el.get("ref")}
    assert ("gaz:isis", "ISIS") in refs and ("gaz:isis", "داعش") in refs
    assert not list(root.iter(T + "seg"))  # no query, no matched spans
    heads = [(h.get("type"), h.text) for h in root.iter(T + "head")]
    assert ("subtitle", "Obvious Retreat") in heads
    # a section without a heading passage gets its name as head (the Arabic article's section)
    assert (None, "المشهد الميداني") in heads


def _card_cwb(card: str) -> tuple[list[str], set[str], set[str]]:
    line = next(x for x in card.splitlines() if x.startswith("cwb-encode"))
    positional = ["word", *re.findall(r"-P (\S+)", line)]
    doc = set(re.search(r"-S doc:0\+(\S+)", line).group(1).split("+"))
    p = set(re.search(r"-S p:0\+(\S+)", line).group(1).split("+"))
    return positional, doc, p


@pytest.mark.parametrize("query", [None, "Nusra"])
def test_vertical_card_lists_exactly_the_attributes_written(indexed, out_dir: Path, query) -> None:
    corpus, index = indexed
    path = out_dir / "c.vrt"
    export_corpus(corpus, "vertical", path, query=query, index=index)
    text = path.read_text(encoding="utf-8")
    positional, doc_attrs, p_attrs = _card_cwb((out_dir / "c.vrt.README.md").read_text(encoding="utf-8"))
    widths = {len(line.split("\t")) for line in text.splitlines() if not line.startswith("<")}
    assert widths == {len(positional)}
    written_p = {k for line in text.splitlines() if line.startswith("<p ")
                 for k in re.findall(r'([\w-]+)="', line)}
    written_doc = {k for line in text.splitlines() if line.startswith("<doc ")
                   for k in re.findall(r'([\w-]+)="', line)}
    assert p_attrs == written_p and doc_attrs == written_doc
    # "lead" (whitespace before the first token) only when an exported passage has some: "  2019  "
    assert ("lead" in p_attrs) == (query is None)
    if query:
        assert positional[-1] == "match" and {"match_tier", "match_spans"} <= p_attrs
        tokens = [line.split("\t") for line in text.splitlines() if not line.startswith("<")]
        assert ("Nusra", "exact") in {(t[0], t[6]) for t in tokens}
        assert ("النصرة", "translit") in {(t[0], t[6]) for t in tokens}
        assert {t[6] for t in tokens if t[0] in ("the", "near")} == {"_"}
    else:
        assert positional == ["word", "norm", "translit", "lang", "space", "entity"]
