"""TEI export: well-formed, the declared TEI P5 structure, valid against tei_all."""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bicorpus.export import export_corpus
from bicorpus.export.tei import (
    _XML_INVALID_RE,
    decode_id,
    encode_id,
    is_iso_date,
    read_tei,
    xml_attr,
    xml_text,
)

T = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NCNAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9._\-]*$")


def _export(corpus_dir: Path, out: Path, **kw) -> ET.Element:
    export_corpus(corpus_dir, "tei", out, **kw)
    return ET.parse(out).getroot()


def test_corpus_structure(corpus_dir: Path, out_dir: Path) -> None:
    root = _export(corpus_dir, out_dir / "c.xml")
    assert root.tag == T + "teiCorpus"
    assert root.find(f"{T}teiHeader/{T}fileDesc/{T}titleStmt/{T}title") is not None
    docs = root.findall(T + "TEI")
    assert [d.get("n") for d in docs] == ["000_365465f9b8a3ec32", "001_arabic-article", "../escape/doc 3"]
    ids = [el.get(XML_ID) for el in root.iter() if el.get(XML_ID)]
    assert len(ids) == len(set(ids))
    assert all(NCNAME_RE.match(i) for i in ids)


def test_header_has_title_date_source_and_authors(corpus_dir: Path, out_dir: Path) -> None:
    root = _export(corpus_dir, out_dir / "c.xml")
    d1, d2, d3 = root.findall(T + "TEI")
    title_stmt = f"{T}teiHeader/{T}fileDesc/{T}titleStmt"
    bibl = f"{T}teiHeader/{T}fileDesc/{T}sourceDesc/{T}bibl"
    assert d1.find(f"{title_stmt}/{T}title").text == "Why did ISIS and al-Nusra Front Strike a Deal?"
    # header bullets name other articles' authors: they are not this document's authors
    assert d1.findall(f"{title_stmt}/{T}author") == []
    assert [a.text for a in d2.findall(f"{title_stmt}/{T}author")] == ["نشوى عبد النبي"]
    assert d2.find(f"{bibl}/{T}date").get("when") == "2019-03-01"
    idnos = {i.get("type"): i.text for i in d1.findall(f"{bibl}/{T}idno")}
    assert idnos["path"] == "seeds/000_365465f9b8a3ec32.txt"
    assert idnos["sha256"] == "a" * 64
    usage = f"{T}teiHeader/{T}profileDesc/{T}langUsage/{T}language"
    assert [lg.get("ident") for lg in d2.iterfind(usage)] == ["ar", "en"]
    assert [lg.get("ident") for lg in d1.iterfind(usage)] == ["ar", "en", "mul"]
    assert d3.find(f"{bibl}/{T}title") is None  # no title in the source: none invented


def test_header_bullets_are_kept_apart_from_the_article(corpus_dir: Path, out_dir: Path) -> None:
    root = _export(corpus_dir, out_dir / "c.xml")
    d1 = root.find(T + "TEI")
    front = d1.findall(f"{T}text/{T}front/{T}div")
    body = d1.findall(f"{T}text/{T}body/{T}div")
    back = d1.findall(f"{T}text/{T}back/{T}div")
    assert [div.get("type") for div in front] == ["site-header"]
    assert "".join(front[0].findall(T + "p")[1].itertext()).startswith("• سعيد عكاشة يكتب")
    assert "site-header" not in [div.get("type") for div in body]
    assert [(div.get("type"), div.get("n")) for div in body] == [
        ("title", None), ("dateline", None), ("body", None), ("body", "Obvious Retreat"),
    ]
    # the section's heading passage is the head of its div
    head = body[3].find(T + "head")
    assert body[3][0] is head and head.text == "Obvious Retreat" and head.get("type") == "subtitle"
    assert [div.get("type") for div in back] == ["boilerplate"]


def test_every_passage_has_id_lang_ordinal_and_metadata(corpus_dir: Path, out_dir: Path, records) -> None:
    root = _export(corpus_dir, out_dir / "c.xml")
    fs_ids = {fs.get(XML_ID) for fs in root.iter(T + "fs") if fs.get("type") == "passage"}
    ps = [p for p in root.iter() if p.tag in (T + "p", T + "head") and p.get(XML_ID)]
    assert len(ps) == len(records[1])
    for p in ps:
        assert p.get(XML_LANG) in ("ar", "en", "mul")  # BCP 47; mixed passages are "mul"
        assert p.get("n").isdigit()
        assert p.get("ana")[1:] in fs_ids
    bullet = next(fs for fs in root.iter(T + "fs") if fs.get(XML_ID) == "m-000_365465f9b8a3ec32.3a.0002")
    features = {f.get("name"): f for f in bullet.findall(T + "f")}
    assert features["honorific"].find(T + "string").text == "د."
    assert features["author"].find(T + "string").text == "أيمن سمير"
    assert features["start"].find(T + "numeric").get("value") == "120"
    mixed = next(p for p in ps if p.get("n") == "7" and p.get(XML_ID).startswith("p-000_"))
    assert mixed.get(XML_LANG) == "mul"
    assert [p.lang for _, p in read_tei(out_dir / "c.xml")].count("mixed") == 1


@pytest.mark.parametrize(
    ("value", "ok"),
    [("2017", True), ("2017-04", True), ("2017-04-12", True), ("2017-13", False), ("2017-02-30", False),
     ("12 أبريل، 2017", False), ("2017-04-12T10:00", False)],
)
def test_only_real_iso_dates_get_a_when(value: str, ok: bool) -> None:
    assert is_iso_date(value) is ok


def test_control_characters_and_carriage_returns_survive(corpus_dir: Path, out_dir: Path, records) -> None:
    export_corpus(corpus_dir, "tei", out_dir / "c.xml", doc="001_arabic-article")
    raw = (out_dir / "c.xml").read_text(encoding="utf-8")
    assert '<g n="U+000C"/>' in raw and "&#13;" in raw
    back = [p.text for _, p in read_tei(out_dir / "c.xml")]
    assert back[1] == "قال الدكتور\tمحمد: إنّ «داعش» انسحب من دير الزور.\r\nثمّ عاد\nإلى البادية.\x0cنهاية"


def test_split_files_are_standalone_tei(corpus_dir: Path, tmp_path: Path, records) -> None:
    folder = tmp_path / "tei"
    export_corpus(corpus_dir, "tei", folder, split=True)
    files = sorted(folder.glob("*.xml"))
    assert len(files) == 3
    back = []
    for f in files:
        root = ET.parse(f).getroot()
        assert root.tag == T + "TEI"
        back += list(read_tei(f))
    assert sorted(p.id for _, p in back) == sorted(p.id for p in records[1])


@functools.cache
def _tei_all():
    from importlib.resources import files

    from lxml import etree

    schema = files("schemas").joinpath("tei_all.rng")
    return etree, etree.RelaxNG(etree.parse(str(schema)))


@pytest.mark.parametrize("split", [False, True])
def test_valid_against_tei_all(corpus_dir: Path, tmp_path: Path, split: bool) -> None:
    etree, rng = _tei_all()
    out = tmp_path / ("tei" if split else "c.xml")
    export_corpus(corpus_dir, "tei", out, split=split)
    for f in sorted(out.glob("*.xml")) if split else [out]:
        assert rng.validate(etree.parse(str(f))), f"{f.name}: {rng.error_log}"


@given(st.text())
def test_ids_round_trip_as_xml_names(raw: str) -> None:
    xml_id = encode_id("p-", raw)
    assert NCNAME_RE.match(xml_id)
    assert decode_id("p-", xml_id) == raw


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",))))
def test_text_escaping_round_trips_through_a_parser(value: str) -> None:
    from bicorpus.export.tei import _content

    root = ET.fromstring(f'<p xmlns="http://www.tei-c.org/ns/1.0">{xml_text(value)}</p>')
    assert _content(root) == value


XML_CHARS = st.characters(blacklist_categories=("Cs",)).filter(lambda c: not _XML_INVALID_RE.match(c))


@given(st.text(alphabet=XML_CHARS))
def test_attribute_escaping_round_trips(value: str) -> None:
    root = ET.fromstring(f'<x a="{xml_attr(value)}"/>')
    assert root.get("a") == value


#: The structure docs/export.md declares: element → children it may have (in TEI P5 content order).
_INLINE = ("persName", "orgName", "placeName", "name", "seg", "foreign", "g")
DECLARED_CHILDREN: dict[str, tuple[str, ...]] = {
    "teiCorpus": ("teiHeader", "TEI"),
    "TEI": ("teiHeader", "text", "standOff"),
    "teiHeader": ("fileDesc", "encodingDesc", "profileDesc"),
    "fileDesc": ("titleStmt", "publicationStmt", "sourceDesc"),
    "titleStmt": ("title", "author"),
    "publicationStmt": ("p",),
    "sourceDesc": ("bibl", "p"),
    "bibl": ("title", "date", "idno"),
    "encodingDesc": ("p",),
    "profileDesc": ("langUsage",),
    "langUsage": ("language",),
    "text": ("front", "body", "back"),
    "front": ("div",),
    "body": ("div", "p"),
    "back": ("div",),
    "div": ("head", "p"),
    "head": _INLINE,
    "p": _INLINE,
    "foreign": _INLINE,
    "seg": _INLINE,
    "persName": _INLINE, "orgName": _INLINE, "placeName": _INLINE, "name": _INLINE,
    "standOff": ("fvLib",),
    "fvLib": ("fs",),
    "fs": ("f",),
    "f": ("string", "numeric", "fs"),
    "string": ("g",),
    "title": ("g",), "author": ("g",), "idno": ("g",), "date": ("g",),
    "language": (), "numeric": (), "g": (),
}
MIXED_CONTENT = frozenset(["p", "head", "foreign", "string", "title", "author", "idno", "date", "seg",
                           "persName", "orgName", "placeName", "name"])
REQUIRED_ATTRS: dict[str, tuple[str, ...]] = {
    "TEI": (XML_ID, "n"), "div": ("type",), "fs": ("type",), "f": ("name",), "numeric": ("value",),
    "language": ("ident",), "idno": ("type",), "g": ("n",), "fvLib": ("n",), "foreign": (XML_LANG,),
    "persName": ("ref",), "orgName": ("ref",), "placeName": ("ref",), "name": ("ref", "type"),
    "seg": ("type", "subtype", "cert", "n"),
}


def _check_declared(el: ET.Element, parent: str | None = None) -> None:
    name = el.tag.removeprefix(T)
    assert name in DECLARED_CHILDREN, f"undeclared element {name}"
    children = [c.tag.removeprefix(T) for c in el]
    allowed = DECLARED_CHILDREN[name]
    assert all(c in allowed for c in children), (name, children)
    if name not in MIXED_CONTENT:
        order = [allowed.index(c) for c in children]
        assert order == sorted(order), (name, children)
    for attr in REQUIRED_ATTRS.get(name, ()):
        assert el.get(attr) is not None, (name, attr)
    if name == "p" and parent == "div":
        assert el.get(XML_ID) and el.get(XML_LANG) and el.get("n") and el.get("ana"), "passage p attributes"
    for child in el:
        _check_declared(child, name)


@pytest.mark.parametrize("split", [False, True])
def test_output_follows_the_declared_structure(corpus_dir: Path, tmp_path: Path, split: bool) -> None:
    out = tmp_path / ("tei" if split else "c.xml")
    export_corpus(corpus_dir, "tei", out, split=split)
    files = sorted(out.glob("*.xml")) if split else [out]
    for f in files:
        root = ET.parse(f).getroot()
        assert root.tag == T + ("TEI" if split else "teiCorpus")
        _check_declared(root)


def test_other_script_runs_are_marked_foreign(corpus_dir: Path, out_dir: Path) -> None:
    root = _export(corpus_dir, out_dir / "c.xml")
    by_n = {p.get(XML_ID): p for p in root.iter(T + "p") if p.get(XML_ID)}
    mixed = by_n["p-000_365465f9b8a3ec32.3a.0007"]
    foreign = [(f.get(XML_LANG), "".join(f.itertext())) for f in mixed.iter(T + "foreign")]
    assert ("ar", "دير الزور") in foreign and ("ar", "النصرة") in foreign
    assert ("en", "ISIS has started to smuggle its elements to Deir al-Zour") in foreign
    english = by_n["p-000_365465f9b8a3ec32.3a.0005"]
    assert list(english.iter(T + "foreign")) == []  # no Arabic in it
    bullet = by_n["p-000_365465f9b8a3ec32.3a.0001"]
    assert list(bullet.iter(T + "foreign")) == []
    assert "".join(mixed.itertext()) == (
        "ISIS has started to smuggle its elements to Deir al-Zour (دير الزور), near النصرة positions."
    )
