"""TEI P5 export: a ``teiCorpus`` of one ``TEI`` element per document (or one file per document).

Layout of each document (see docs/export.md for the full declared structure)::

    <TEI xml:id="d-…" n="DOC-ID">
      <teiHeader> title, authors, source (bibl: title, date, idno path/sha256/…), languages
      <text>
        <front> <div type="site-header"> <p …>header bullet</p> … </div> </front>
        <body>  <div type="title|subtitle|dateline|body" n="SECTION"> <p …>…</p> </div> … </body>
        <back>  <div type="boilerplate"> … </div> </back>
      </text>
      <standOff> <fvLib n="passage-metadata"> <fs xml:id="m-…" type="passage"> … </fs> … </fvLib>
    </TEI>

Every passage is ``<p xml:id="p-…" xml:lang="ar|en|mixed" n="ORDINAL" ana="#m-…">``; its
region is the ``type`` and its section the ``n`` of the enclosing ``div``; the rest of its
metadata (offsets, normalized text, author, honorific, linked title, date, title, letter
shares) is the feature structure it points to.  A section's ``div`` starts with its heading as
``<head>``: the subtitle passage that is the heading (same attributes as a ``p``, ``type``
``subtitle``), or the section name when no passage holds it.  Characters XML 1.0 cannot carry
(C0 controls) are written as ``<g n="U+000C"/>``; carriage returns as ``&#13;``.

Inside the text, gazetteer entities are ``persName`` / ``orgName`` / ``placeName`` (``name``
for other types) with ``@ref="gaz:ENTITY-ID"``, runs of the other script ``foreign``, and in an
export by query every matched span is ``<seg type="match" subtype="TIER" cert="CONFIDENCE"
n="TERM">``; the passage's match tier, score, confidence and spans (JSON) are features
``match_tier``, ``match_score``, ``match_confidence`` and ``match_spans`` of its feature
structure.  :func:`read_tei` parses it all back.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import IO, Any

from ..errors import ExportError
from ..model import Document, Match, Passage
from .base import ExportInfo, Writer
from .matches import ENTITY_ELEMENTS, MATCH_FIELDS, REF_PREFIX, EntityFinder, EntitySpan, PassageMatch
from .translit import Transliterator

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_T = "{" + TEI_NS + "}"
_XML_ID = "{" + XML_NS + "}id"
_XML_LANG = "{" + XML_NS + "}lang"

#: Which part of ``<text>`` each region goes to.
REGION_PART: dict[str, str] = {
    "site-header": "front",
    "title": "body",
    "subtitle": "body",
    "dateline": "body",
    "body": "body",
    "boilerplate": "back",
}
_PARTS = ("front", "body", "back")
_LANG_NAMES = {"ar": "Arabic", "en": "English", "mixed": "Arabic and English"}
#: ``xml:lang`` tag (BCP 47) of each passage language label; ``mul`` = multiple languages.
LANG_TAGS: dict[str, str] = {"ar": "ar", "en": "en", "mixed": "mul"}
_LANG_LABELS = {tag: label for label, tag in LANG_TAGS.items()}

#: Passage fields kept in the feature structure, with their kind.
FS_FIELDS: tuple[tuple[str, str], ...] = (
    ("start", "int"),
    ("end", "int"),
    ("norm", "str"),
    ("title", "str"),
    ("date", "str"),
    ("author", "str"),
    ("honorific", "str"),
    ("linked_title", "str"),
)
#: Document fields kept as ``<idno type="…">`` in the source description.
IDNO_FIELDS: tuple[tuple[str, str], ...] = (
    ("id", "str"),
    ("path", "str"),
    ("size", "int"),
    ("encoding", "str"),
    ("sha256", "str"),
    ("format", "str"),
    ("lang", "str"),
    ("n_passages", "int"),
    ("mtime", "float"),
)
_CONVERT = {"str": str, "int": int, "float": float}
#: Features read back into a passage (others, like ``translit``, are derived columns).
_PASSAGE_FEATURES = frozenset([name for name, _ in FS_FIELDS] + ["section", "lang_share"])

_XML_INVALID_RE = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ISO_DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_ID_SAFE_RE = re.compile(r"[^A-Za-z0-9_\-]")
_ID_ESC_RE = re.compile(r"\.([0-9a-f]+)\.")
_G_CODE_RE = re.compile(r"^U\+([0-9A-F]{4,6})$")
_ATTR_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"}
)
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_AR_LETTERS = (
    "\u0621-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdff\ufe70-\ufefc"
)
_AR_WORD = f"[{_AR_LETTERS}][{_AR_LETTERS}\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]*"
_LATIN_LETTERS = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
_LATIN_WORD = f"[{_LATIN_LETTERS}]+(?:['\u2019\u02bf\u02be-][{_LATIN_LETTERS}]+)*"
_AR_RUN = rf"(?P<ar>{_AR_WORD}(?:[ \u00a0]+{_AR_WORD})*)"
_LATIN_RUN = rf"(?P<en>{_LATIN_WORD}(?:[ \u00a0]+{_LATIN_WORD})*)"
#: Runs of the other script marked with ``<foreign>``, by passage language.
_FOREIGN_RUNS: dict[str, re.Pattern[str]] = {
    "en": re.compile(_AR_RUN),
    "ar": re.compile(_LATIN_RUN),
    "mixed": re.compile(f"{_AR_RUN}|{_LATIN_RUN}"),
}


# -- escaping -----------------------------------------------------------------------------------


def xml_text(value: str) -> str:
    """Element content for ``value``: escaped, with XML-invalid characters as ``<g>`` elements."""
    escaped = value.translate(_TEXT_ESCAPES)
    if _XML_INVALID_RE.search(escaped):
        escaped = _XML_INVALID_RE.sub(lambda m: f'<g n="U+{ord(m.group()):04X}"/>', escaped)
    return escaped


def xml_attr(value: str) -> str:
    """Attribute value for ``value`` (XML-invalid characters become U+FFFD: attributes cannot hold them)."""
    return _XML_INVALID_RE.sub("\ufffd", value.translate(_ATTR_ESCAPES))


def encode_id(prefix: str, raw: str) -> str:
    """An ``xml:id`` (an XML name) for ``raw``: letters, digits, ``_`` and ``-`` kept,
    anything else as ``.hex.``; reversible with :func:`decode_id`."""
    return prefix + _ID_SAFE_RE.sub(lambda m: f".{ord(m.group()):x}.", raw)


def decode_id(prefix: str, xml_id: str) -> str:
    if not xml_id.startswith(prefix):
        raise ExportError(f"unexpected xml:id {xml_id!r} (expected prefix {prefix!r})")
    return _ID_ESC_RE.sub(lambda m: chr(int(m.group(1), 16)), xml_id[len(prefix) :])


def is_iso_date(value: str) -> bool:
    """True for ``YYYY``, ``YYYY-MM`` and real ``YYYY-MM-DD`` dates (what ``date/@when`` accepts here)."""
    if not _ISO_DATE_RE.match(value):
        return False
    try:
        return len(value) < 10 or bool(dt.date.fromisoformat(value))
    except ValueError:
        return False


def _el(tag: str, content: str, **attrs: str | None) -> str:
    attr_text = "".join(f' {_attr_name(k)}="{xml_attr(v)}"' for k, v in attrs.items() if v is not None)
    return f"<{tag}{attr_text}>{xml_text(content)}</{tag}>"


def _attr_name(key: str) -> str:
    return {"xml_id": "xml:id", "xml_lang": "xml:lang", "type_": "type"}.get(key, key)


# -- writing ------------------------------------------------------------------------------------


def _doc_authors(passages: Sequence[Passage]) -> list[str]:
    """Authors of the document itself (header bullets name other articles' authors)."""
    seen: dict[str, None] = {}
    for p in passages:
        if p.author and p.region != "site-header":
            seen.setdefault(p.author, None)
    return list(seen)


def _tei_header(doc: Document, passages: Sequence[Passage], indent: str) -> list[str]:
    i1, i2, i3, i4 = (indent + "  " * n for n in range(1, 5))
    lines = [f"{indent}<teiHeader>", f"{i1}<fileDesc>", f"{i2}<titleStmt>"]
    lines.append(f"{i3}{_el('title', doc.title or doc.id)}")
    lines += [f"{i3}{_el('author', a)}" for a in (doc.authors or _doc_authors(passages))]
    lines += [
        f"{i2}</titleStmt>",
        f"{i2}<publicationStmt>",
        f"{i3}<p>Exported from a bicorpus corpus; the source page is described below.</p>",
        f"{i2}</publicationStmt>",
        f"{i2}<sourceDesc>",
        f"{i3}<bibl>",
    ]
    if doc.title is not None:
        lines.append(f"{i4}{_el('title', doc.title)}")
    if doc.date is not None:
        when = doc.date if is_iso_date(doc.date) else None
        lines.append(f"{i4}{_el('date', doc.date, when=when)}")
    for name, _kind in IDNO_FIELDS:
        value = getattr(doc, name)
        if value is not None:
            text = repr(value) if isinstance(value, float) else str(value)
            lines.append(f"{i4}{_el('idno', text, type_=name)}")
    lines += [f"{i3}</bibl>", f"{i2}</sourceDesc>", f"{i1}</fileDesc>"]
    langs = sorted({p.lang for p in passages})
    if langs:
        lines += [f"{i1}<profileDesc>", f"{i2}<langUsage>"]
        lines += [
            f"{i3}{_el('language', _LANG_NAMES.get(lg, lg), ident=LANG_TAGS.get(lg, lg))}" for lg in langs
        ]
        lines += [f"{i2}</langUsage>", f"{i1}</profileDesc>"]
    lines.append(f"{indent}</teiHeader>")
    return lines


def tagged_text(text: str, lang: str) -> str:
    """Element content for a passage text, runs of the other script wrapped in ``<foreign>``:
    Arabic words inside English passages (``xml:lang="ar"``), Latin words inside Arabic ones
    (``xml:lang="en"``), and both inside mixed ones."""
    pattern = _FOREIGN_RUNS.get(lang)
    if pattern is None:
        return xml_text(text)
    out, pos = [], 0
    for m in pattern.finditer(text):
        tag = "ar" if m.lastgroup == "ar" else "en"
        out += [xml_text(text[pos : m.start()]), f'<foreign xml:lang="{tag}">{xml_text(m.group())}</foreign>']
        pos = m.end()
    out.append(xml_text(text[pos:]))
    return "".join(out)


@dataclass(frozen=True)
class _Span:
    """An element over ``text[start:end]``; at equal extents the lower ``level`` is outside."""

    start: int
    end: int
    level: int
    open: str
    close: str


def _crosses(a0: int, a1: int, b0: int, b1: int) -> bool:
    """True when the spans overlap and neither holds the other (their elements could not nest)."""
    return a0 < b1 and b0 < a1 and not (a0 <= b0 and b1 <= a1) and not (b0 <= a0 and a1 <= b1)


def _entity_open(e: EntitySpan) -> tuple[str, str]:
    tag = ENTITY_ELEMENTS.get(e.type, "name")
    attrs = _attrs(type_=None if tag != "name" else (e.type or "entity"), ref=REF_PREFIX + e.entity)
    return f"<{tag}{''.join(attrs)}>", f"</{tag}>"


def marked_text(text: str, lang: str, entities: Sequence[EntitySpan] = (),
                matches: Sequence[Match] = (), types: EntityFinder | None = None) -> str:
    """Element content for a passage text: gazetteer entities as name elements, matched spans as
    ``seg``, runs of the other script as ``foreign`` (see :func:`tagged_text`), properly nested.

    Overlapping matched spans keep the first; an entity crossing a matched span is left out; a
    ``foreign`` run crossing a name or a match is cut at its edges."""
    kept: list[Match] = []
    for m in sorted(matches, key=lambda m: (m.start, -m.end)):
        if 0 <= m.start < m.end <= len(text) and (not kept or m.start >= kept[-1].end):
            kept.append(m)
    named = list(entities)
    for m in kept:  # an alias match names its entity even where the passage's mentions do not
        if m.entity and not any(e.start <= m.start and m.end <= e.end for e in named):
            named.append(EntitySpan(m.start, m.end, m.entity, types.type_of(m.entity) if types else ""))
    named = [e for e in named if 0 <= e.start < e.end <= len(text)
             and not any(_crosses(e.start, e.end, m.start, m.end) for m in kept)]
    named = [e for i, e in enumerate(named) if not any(_crosses(e.start, e.end, o.start, o.end) or
                                                       (o.start, o.end) == (e.start, e.end)
                                                       for o in named[:i])]
    spans = [_Span(e.start, e.end, 0, *_entity_open(e)) for e in named]
    for m in kept:
        attrs = _attrs(type_="match", subtype=m.tier, cert=repr(round(float(m.confidence), 4)), n=m.term)
        spans.append(_Span(m.start, m.end, 1, f"<seg{''.join(attrs)}>", "</seg>"))
    fixed = [(s.start, s.end) for s in spans]
    pattern = _FOREIGN_RUNS.get(lang)
    for run in pattern.finditer(text) if pattern is not None else ():
        tag = "ar" if run.lastgroup == "ar" else "en"
        cuts = {run.start(), run.end()}
        for a, b in fixed:
            if _crosses(run.start(), run.end(), a, b):
                cuts.update(c for c in (a, b) if run.start() < c < run.end())
        edges = sorted(cuts)
        for a, b in pairwise(edges):
            piece = text[a:b]
            a2, b2 = a + len(piece) - len(piece.lstrip()), b - (len(piece) - len(piece.rstrip()))
            if a2 < b2:
                spans.append(_Span(a2, b2, 2, f'<foreign xml:lang="{tag}">', "</foreign>"))
    out: list[str] = []
    stack: list[_Span] = []
    pos = 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end, s.level)):
        while stack and stack[-1].end <= span.start:
            top = stack.pop()
            out += [xml_text(text[pos:top.end]), top.close]
            pos = top.end
        out += [xml_text(text[pos:span.start]), span.open]
        pos = span.start
        stack.append(span)
    while stack:
        top = stack.pop()
        out += [xml_text(text[pos:top.end]), top.close]
        pos = top.end
    out.append(xml_text(text[pos:]))
    return "".join(out)


@dataclass(frozen=True)
class _Markup:
    """What the inline markup of a document's passages draws on."""

    entities: EntityFinder | None = None
    matches: Mapping[str, PassageMatch] | None = None

    def content(self, p: Passage) -> str:
        found = self.matches.get(p.id) if self.matches is not None else None
        if self.entities is None and found is None:
            return tagged_text(p.text, p.lang)
        entities = self.entities.spans(p.text) if self.entities is not None else []
        return marked_text(p.text, p.lang, entities, found.spans if found else (), self.entities)


def _passage_p(p: Passage, indent: str, markup: _Markup, tag: str = "p") -> str:
    attrs = _attrs(
        **{"xml:id": encode_id("p-", p.id), "xml:lang": LANG_TAGS.get(p.lang, p.lang)},
        n=str(p.ordinal),
        ana="#" + encode_id("m-", p.id),
        type_=p.region if tag == "head" else None,
    )
    return f"{indent}<{tag}{''.join(attrs)}>{markup.content(p)}</{tag}>"


def is_heading(p: Passage) -> bool:
    """A subtitle passage that is the heading of its section (written as ``<head>``)."""
    return p.region == "subtitle" and p.section is not None and p.text.strip() == p.section.strip()


def _groups(passages: list[Passage]) -> list[tuple[Passage | None, str, str | None, list[Passage]]]:
    """(heading passage, div type, section, passages) of each ``div``: a heading passage starts the
    div of the passages of its section that follow it."""
    groups: list[tuple[Passage | None, str, str | None, list[Passage]]] = []
    for p in passages:
        if is_heading(p):
            groups.append((p, p.region, p.section, []))
            continue
        if groups:
            head, region, section, members = groups[-1]
            if section == p.section and (region == p.region or (head is not None and not members)):
                groups[-1] = (head, p.region, section, [*members, p])
                continue
        groups.append((None, p.region, p.section, [p]))
    return groups


def _text_part(part: str, passages: list[Passage], indent: str, markup: _Markup,
               headed: set[str]) -> list[str]:
    i1, i2 = indent + "  ", indent + "    "
    lines = [f"{indent}<{part}>"]
    if not passages:
        lines.append(f"{i1}<p/>")
    for head, region, section, group in _groups(passages):
        lines.append(f"{i1}<div" + "".join(_attrs(type=region, n=section)) + ">")
        if head is not None:
            lines.append(_passage_p(head, i2, markup, "head"))
        elif section is not None and section not in headed:
            lines.append(f"{i2}{_el('head', section)}")
        if section is not None:
            headed.add(section)
        lines += [_passage_p(p, i2, markup) for p in group]
        lines.append(f"{i1}</div>")
    lines.append(f"{indent}</{part}>")
    return lines


def _attrs(**attrs: str | None) -> list[str]:
    return [f' {_attr_name(k)}="{xml_attr(v)}"' for k, v in attrs.items() if v is not None]


def _feature(name: str, value: Any, indent: str) -> str:
    if isinstance(value, str):
        return f'{indent}<f name="{name}">{_el("string", value)}</f>'
    return f'{indent}<f name="{name}"><numeric value="{value!r}"/></f>'


def _feature_structure(p: Passage, indent: str, extra: dict[str, Any] | None = None) -> list[str]:
    i1, i2, i3 = indent + "  ", indent + "    ", indent + "      "
    lines = [f'{indent}<fs xml:id="{encode_id("m-", p.id)}" type="passage">']
    for name, _kind in FS_FIELDS:
        value = getattr(p, name)
        if value is not None:
            lines.append(_feature(name, value, i1))
    if p.section is not None and _XML_INVALID_RE.search(p.section):
        lines.append(_feature("section", p.section, i1))  # div/@n cannot hold it exactly
    lines += [_feature(name, value, i1) for name, value in (extra or {}).items()]
    if p.lang_share:
        lines += [f'{i1}<f name="lang_share">', f'{i2}<fs type="lang_share">']
        lines += [_feature(k, float(v), i3) for k, v in p.lang_share.items()]
        lines += [f"{i2}</fs>", f"{i1}</f>"]
    lines.append(f"{indent}</fs>")
    return lines


def document_lines(
    doc: Document,
    passages: Sequence[Passage],
    indent: str,
    root_ns: bool,
    translit: Transliterator | None = None,
    entities: EntityFinder | None = None,
    matches: Mapping[str, PassageMatch] | None = None,
) -> list[str]:
    """The lines of one ``<TEI>`` element for a document and its (selected) passages.

    With ``translit`` each passage's feature structure also holds its romanization; ``entities``
    tags the gazetteer's names; ``matches`` (an export by query) tags the matched spans and adds
    the match features."""
    markup = _Markup(entities, matches)
    headed: set[str] = set()
    ordered = sorted(passages, key=lambda p: p.ordinal)
    i1, i2, i3 = indent + "  ", indent + "    ", indent + "      "
    ns = f' xmlns="{TEI_NS}"' if root_ns else ""
    lines = [f'{indent}<TEI{ns} xml:id="{encode_id("d-", doc.id)}" n="{xml_attr(doc.id)}">']
    lines += _tei_header(doc, ordered, i1)
    lines.append(f"{i1}<text>")
    by_part: dict[str, list[Passage]] = {part: [] for part in _PARTS}
    for p in ordered:
        by_part[REGION_PART.get(p.region, "body")].append(p)
    for part in _PARTS:
        if by_part[part] or part == "body":
            lines += _text_part(part, by_part[part], i2, markup, headed)
    lines += [f"{i1}</text>", f"{i1}<standOff>", f'{i2}<fvLib n="passage-metadata">']
    for p in ordered:
        extra: dict[str, Any] = dict(translit.row(p.text)) if translit else {}
        found = matches.get(p.id) if matches is not None else None
        if found is not None:
            extra.update(found.values())
        lines += _feature_structure(p, i3, extra)
    lines += [f"{i2}</fvLib>", f"{i1}</standOff>", f"{indent}</TEI>"]
    return lines


def corpus_header(info: ExportInfo, indent: str = "  ") -> list[str]:
    i1, i2, i3 = indent + "  ", indent + "    ", indent + "      "
    name = Path(info.corpus_path).name or info.corpus_path
    filters = "; ".join(f"{k}={v}" for k, v in info.filters.items()) or "none"
    version = info.manifest.get("schema_version")
    source = f"Corpus {info.corpus_path}, schema version {version}; filters: {filters}."
    return [
        f"{indent}<teiHeader>",
        f"{i1}<fileDesc>",
        f"{i2}<titleStmt>",
        f"{i3}{_el('title', f'{name}: bicorpus corpus export')}",
        f"{i2}</titleStmt>",
        f"{i2}<publicationStmt>",
        f"{i3}{_el('p', f'Exported by bicorpus {info.version}.')}",
        f"{i2}</publicationStmt>",
        f"{i2}<sourceDesc>",
        f"{i3}{_el('p', source)}",
        f"{i2}</sourceDesc>",
        f"{i1}</fileDesc>",
        f"{i1}<encodingDesc>",
        f"{i2}<p>One TEI element per source page. Site-header bullets are in front, article passages in "
        "body, boilerplate in back; div/@type is the passage region, div/@n its section; each p points "
        "(ana) to a feature structure in standOff holding the rest of its metadata.</p>",
        f"{i1}</encodingDesc>",
        f"{indent}</teiHeader>",
    ]


class TeiWriter(Writer):
    name = "tei"
    extension = ".xml"
    description = "TEI P5 XML: a teiCorpus of one TEI element per document (one file each with --split)"

    def begin(self, info: ExportInfo) -> None:
        self._fh: IO[str] = self.output.text()
        self._fh.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        if not self.options.split:
            self._fh.write(f'<teiCorpus xmlns="{TEI_NS}">\n')
            self._fh.write("\n".join(corpus_header(info)) + "\n")

    def write_document(self, doc: Document, passages: Sequence[Passage]) -> None:
        split = self.options.split
        indent = "" if split else "  "
        lines = document_lines(doc, passages, indent, root_ns=split, translit=self.options.translit,
                               entities=self.options.entities, matches=self.options.matches)
        self._fh.write("\n".join(lines) + "\n")

    def end(self) -> None:
        if not self.options.split:
            self._fh.write("</teiCorpus>\n")
        self._fh.close()


# -- reading ------------------------------------------------------------------------------------


def _content(el: ET.Element) -> str:
    """Text of ``el`` with ``<g n="U+XXXX"/>`` turned back into characters."""
    parts = [el.text or ""]
    for child in el:
        if child.tag in _INLINE:
            parts.append(_content(child))
        elif child.tag == _T + "g":
            code = _G_CODE_RE.match(child.get("n", ""))
            if not code:
                raise ExportError(f"unexpected <g n={child.get('n')!r}> in TEI text")
            parts.append(chr(int(code.group(1), 16)))
        else:
            raise ExportError(f"unexpected element {child.tag} inside TEI text")
        parts.append(child.tail or "")
    return "".join(parts)


#: Elements inside a passage text that only mark a part of it.
_INLINE = frozenset(_T + name for name in ("foreign", "seg", "name", *ENTITY_ELEMENTS.values()))


def _features(fs: ET.Element) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for f in fs.findall(_T + "f"):
        name = f.get("name", "")
        (value_el,) = list(f)
        if value_el.tag == _T + "string":
            values[name] = _content(value_el)
        elif value_el.tag == _T + "numeric":
            raw = value_el.get("value", "")
            values[name] = float(raw) if any(c in raw for c in ".eEn") else int(raw)
        elif value_el.tag == _T + "fs":
            values[name] = _features(value_el)
    return values


def _document(tei: ET.Element) -> Document:
    bibl = tei.find(f"{_T}teiHeader/{_T}fileDesc/{_T}sourceDesc/{_T}bibl")
    if bibl is None:
        raise ExportError("TEI document without teiHeader/fileDesc/sourceDesc/bibl")
    data: dict[str, Any] = {}
    kinds = dict(IDNO_FIELDS)
    for idno in bibl.findall(_T + "idno"):
        kind = idno.get("type", "")
        if kind in kinds:
            data[kind] = _CONVERT[kinds[kind]](_content(idno))
    title, date = bibl.find(_T + "title"), bibl.find(_T + "date")
    data["title"] = _content(title) if title is not None else None
    data["date"] = _content(date) if date is not None else None
    return Document.from_dict(data)


def _passages(tei: ET.Element, doc: Document) -> list[Passage]:
    metadata = {
        fs.get(_XML_ID): _features(fs) for fs in tei.iterfind(f"{_T}standOff/{_T}fvLib/{_T}fs")
    }
    passages = []
    for part in _PARTS:
        for div in tei.iterfind(f"{_T}text/{_T}{part}/{_T}div"):
            for p in div:
                xml_id = p.get(_XML_ID)
                if xml_id is None or p.tag not in (_T + "p", _T + "head"):
                    continue
                meta = metadata.get((p.get("ana") or "").lstrip("#"))
                if meta is None:
                    raise ExportError(f"passage {xml_id} has no metadata in standOff")
                meta = {k: v for k, v in meta.items() if k in _PASSAGE_FEATURES}  # not translit columns
                share = meta.pop("lang_share", {})
                section = meta.pop("section", div.get("n"))
                passages.append(
                    Passage(
                        id=decode_id("p-", xml_id),
                        doc_id=doc.id,
                        ordinal=int(p.get("n", "0")),
                        lang=_LANG_LABELS.get(p.get(_XML_LANG, ""), p.get(_XML_LANG, "")),
                        region=p.get("type") or div.get("type", "") if p.tag == _T + "head"
                        else div.get("type", ""),
                        section=section,
                        text=_content(p),
                        lang_share={k: float(v) for k, v in share.items()},
                        **meta,
                    )
                )
    return sorted(passages, key=lambda p: p.ordinal)


def read_tei_matches(path: str | Path) -> dict[str, PassageMatch]:
    """Passage id → match values of a TEI export by query (from the feature structures)."""
    out: dict[str, PassageMatch] = {}
    for _event, el in ET.iterparse(Path(path), events=("end",)):
        if el.tag == _T + "TEI":
            for fs in el.iterfind(f"{_T}standOff/{_T}fvLib/{_T}fs"):
                values = _features(fs)
                found = PassageMatch.from_values({k: values.get(k) for k in MATCH_FIELDS})
                if found is not None:
                    out[decode_id("m-", fs.get(_XML_ID, ""))] = found
            el.clear()
    return out


def read_tei(path: str | Path) -> Iterator[tuple[Document, Passage]]:
    """Stream the (document, passage) pairs of a TEI export (a teiCorpus or a single TEI file)."""
    path = Path(path)
    try:
        for _event, el in ET.iterparse(path, events=("end",)):
            if el.tag == _T + "TEI":
                doc = _document(el)
                for passage in _passages(el, doc):
                    yield doc, passage
                el.clear()
    except ET.ParseError as err:
        raise ExportError(f"{path} is not well-formed XML: {err}") from err
    except (TypeError, ValueError) as err:  # missing or mistyped fields
        raise ExportError(f"{path} is not a bicorpus TEI export ({err})") from err
    except OSError as err:
        raise ExportError(f"cannot read {path}: {err.strerror or err}") from err
