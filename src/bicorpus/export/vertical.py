"""Vertical export for CWB (CQPweb) and Sketch Engine: one token per line inside ``<doc>`` / ``<p>``.

Positional attributes, tab-separated, in this order::

    word  norm  translit  lang  space  entity  [match]  [buckwalter]

``word`` is the token as written; ``norm`` its search form; ``translit`` its romanization;
``lang`` ``ar``, ``en``, ``mixed`` or ``-`` (no letters); ``space`` the whitespace that
follows the token in the source (``_`` none, ``s`` space, ``n`` newline, ``t`` tab, ``r``
carriage return, ``[U+00A0]`` any other), so the passage text is rebuilt exactly; ``entity``
the id of the gazetteer entity the token is part of (``_`` none); ``match`` (exports by
``--query`` only) the tier of the matched span the token is part of (``_`` none).  Words are the
tokenizer's tokens; every other non-space character is a token of its own.

``<doc>`` carries every document field, ``<p>`` every passage field (``lead`` is the
whitespace before the first token, coded like ``space``; ``share_ar``/``share_en`` the letter
shares; exports by ``--query`` add ``match_tier``, ``match_score``, ``match_confidence`` and
``match_spans``).  Values are XML-escaped: encode with ``cwb-encode -x``; the data card's
``cwb-encode`` line lists exactly the attributes written.  :func:`read_vertical` parses it all back.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from ..errors import ExportError
from ..model import Document, Passage
from ..normalize import normalize_token, script_counts
from ..normalize.tokenize import TOKEN_RE
from .base import ExportInfo, Writer
from .matches import match_values
from .translit import optional_transliterator

#: A word token, or any single other non-space character.
VERTICAL_TOKEN_RE = re.compile(rf"{TOKEN_RE.pattern}|\S")
_SPACE_CODES = {" ": "s", "\n": "n", "\t": "t", "\r": "r"}
_SPACE_DECODE_RE = re.compile(r"\[U\+([0-9A-F]{4,6})\]|([sntr])|_|(.)")
_SPACE_CHARS = {v: k for k, v in _SPACE_CODES.items()}
_ATTR_RE = re.compile(r'([\w-]+)="([^"]*)"')
_TAG_RE = re.compile(r"^<(/?)(doc|p)\b(.*?)>$")
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\t": " ", "\n": " ", "\r": " "})
_ATTR_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"}
)

#: Distinct tokens whose columns are remembered while writing.
TOKEN_CACHE_SIZE = 1 << 16
#: Positional attributes, in column order (then ``match`` in exports by query, and ``buckwalter``
#: with the camel extra and --translit).
POSITIONAL = ("word", "norm", "translit", "lang", "space", "entity")
DOC_FIELDS: tuple[tuple[str, str], ...] = (
    ("id", "str"),
    ("path", "str"),
    ("title", "str"),
    ("date", "str"),
    ("lang", "str"),
    ("size", "int"),
    ("encoding", "str"),
    ("sha256", "str"),
    ("format", "str"),
    ("n_passages", "int"),
    ("mtime", "float"),
)
P_FIELDS: tuple[tuple[str, str], ...] = (
    ("id", "str"),
    ("ordinal", "int"),
    ("lang", "str"),
    ("region", "str"),
    ("section", "str"),
    ("title", "str"),
    ("date", "str"),
    ("author", "str"),
    ("honorific", "str"),
    ("linked_title", "str"),
    ("start", "int"),
    ("end", "int"),
    ("norm", "str"),
)
_CONVERT = {"str": str, "int": int, "float": float}


def encode_space(ws: str) -> str:
    """Code for the whitespace run ``ws`` (``_`` when empty)."""
    if not ws:
        return "_"
    return "".join(_SPACE_CODES.get(c) or f"[U+{ord(c):04X}]" for c in ws)


def decode_space(code: str) -> str:
    out = []
    for m in _SPACE_DECODE_RE.finditer(code):
        hexcode, short, other = m.groups()
        if hexcode:
            out.append(chr(int(hexcode, 16)))
        elif short:
            out.append(_SPACE_CHARS[short])
        elif other:
            raise ExportError(f"bad space code {code!r} in vertical file")
    return "".join(out)


def token_lang(token: str) -> str:
    """``ar``, ``en``, ``mixed`` (both scripts) or ``-`` (no letters) for one token."""
    ar, en = script_counts(token)
    if ar and en:
        return "mixed"
    return "ar" if ar else "en" if en else "-"


def split_tokens(text: str) -> tuple[str, list[tuple[str, str]]]:
    """(leading whitespace, [(token, whitespace after it)]) covering ``text`` exactly."""
    tokens: list[tuple[str, str]] = []
    matches = list(VERTICAL_TOKEN_RE.finditer(text))
    if not matches:
        return text, tokens
    lead = text[: matches[0].start()]
    for m, following in zip(matches, [*matches[1:], None], strict=True):
        gap_end = following.start() if following else len(text)
        tokens.append((m.group(), text[m.end() : gap_end]))
    return lead, tokens


def _attrs(fields: tuple[tuple[str, str], ...], record: Any, extra: dict[str, Any],
           seen: dict[str, None] | None = None) -> str:
    parts = []
    for name, _kind in fields:
        value = getattr(record, name)
        if value is not None:
            parts.append(f'{name}="{_attr_value(value)}"')
            if seen is not None:
                seen.setdefault(name, None)
    for k, v in extra.items():
        if v is not None:
            parts.append(f'{k}="{_attr_value(v)}"')
            if seen is not None:
                seen.setdefault(k, None)
    return " ".join(parts)


def _attr_value(value: Any) -> str:
    text = repr(value) if isinstance(value, float) else str(value)
    return text.translate(_ATTR_ESCAPES)


class VerticalWriter(Writer):
    name = "vertical"
    extension = ".vrt"
    description = "CWB / Sketch Engine vertical text, one token per line in <doc>/<p> structures"

    def begin(self, info: ExportInfo) -> None:
        self._fh: IO[str] = self.output.text()
        translit = self.options.translit
        self._bw = translit is not None and translit.has_buckwalter
        if translit is None:
            translit = optional_transliterator()
        self._translit = translit
        self._matches = self.options.matches
        self._entities = self.options.entities
        #: Attributes written so far: the structural ones seen, the positional ones in order.
        self.written: dict[str, dict[str, None]] = {
            "positional": dict.fromkeys([*POSITIONAL, *(["match"] if self._matches is not None else []),
                                         *(["buckwalter"] if self._bw else [])]),
            "doc": {}, "p": {}}
        # words repeat (Zipf): their columns are computed once, in a cache of bounded size
        self._columns = functools.lru_cache(maxsize=TOKEN_CACHE_SIZE)(self._token_columns)

    def _token_columns(self, token: str) -> tuple[str, str]:
        """(``word norm translit lang``, ``buckwalter``) columns of a token, escaped."""
        is_word = TOKEN_RE.fullmatch(token) is not None
        cols = [
            token,
            normalize_token(token) if is_word else token,
            self._translit.token(token) if is_word and self._translit else token,
            token_lang(token),
        ]
        bw = (self._translit.token_buckwalter(token) if is_word else token) if self._bw else ""
        return "\t".join(c.translate(_TEXT_ESCAPES) or "_" for c in cols), bw.translate(_TEXT_ESCAPES) or "_"

    def _token_line(self, token: str, space: str, entity: str, match: str | None) -> str:
        head, bw = self._columns(token)
        line = f"{head}\t{encode_space(space)}\t{entity.translate(_TEXT_ESCAPES) or '_'}"
        if match is not None:
            line += f"\t{match}"
        return f"{line}\t{bw}" if self._bw else line

    def _token_labels(self, p: Passage, lead: str,
                      tokens: list[tuple[str, str]]) -> list[tuple[str, str | None]]:
        """(entity, match tier) of each token: ``_`` outside any entity or matched span."""
        entities = self._entities.spans(p.text) if self._entities is not None else []
        found = self._matches.get(p.id) if self._matches is not None else None
        spans = found.spans if found is not None else []
        labels = []
        pos = len(lead)
        for tok, space in tokens:
            end = pos + len(tok)
            entity = next((e.entity for e in entities if e.start <= pos and end <= e.end), "_")
            match = None
            if self._matches is not None:
                match = next((m.tier for m in spans if m.start <= pos and end <= m.end), "_")
            labels.append((entity, match))
            pos = end + len(space)
        return labels

    def write_document(self, doc: Document, passages: Sequence[Passage]) -> None:
        out = [f"<doc {_attrs(DOC_FIELDS, doc, {}, self.written['doc'])}>"]
        for p in passages:
            lead, tokens = split_tokens(p.text)
            extra: dict[str, Any] = {f"share_{k}": repr(float(v)) for k, v in p.lang_share.items()}
            if lead:
                extra["lead"] = encode_space(lead)
            if self._matches is not None:
                extra.update(match_values(self._matches, p.id))
            out.append(f"<p {_attrs(P_FIELDS, p, extra, self.written['p'])}>")
            labels = self._token_labels(p, lead, tokens)
            out += [self._token_line(tok, space, entity, match)
                    for (tok, space), (entity, match) in zip(tokens, labels, strict=True)]
            out.append("</p>")
        out.append("</doc>")
        self._fh.write("\n".join(out) + "\n")

    def end(self) -> None:
        self._fh.close()


# -- reading ------------------------------------------------------------------------------------


def _parse_attrs(text: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTR_RE.findall(text)}


def _typed(fields: tuple[tuple[str, str], ...], attrs: dict[str, str]) -> dict[str, Any]:
    return {name: _CONVERT[kind](attrs[name]) for name, kind in fields if name in attrs}


def read_vertical(path: str | Path) -> Iterator[tuple[Document, Passage]]:
    """Stream the (document, passage) pairs of a vertical export, texts rebuilt exactly."""
    path = Path(path)
    doc: Document | None = None
    p_attrs: dict[str, str] | None = None
    pieces: list[str] = []
    lineno = 0
    try:
        with path.open(encoding="utf-8", newline="\n") as fh:
            for lineno, raw in enumerate(fh, 1):
                line = raw.rstrip("\n")
                tag = _TAG_RE.match(line)
                if tag and tag.group(2) == "doc":
                    doc = None if tag.group(1) else Document.from_dict(
                        _typed(DOC_FIELDS, _parse_attrs(tag.group(3)))
                    )
                elif tag and not tag.group(1):
                    p_attrs = _parse_attrs(tag.group(3))
                    pieces = [decode_space(p_attrs.get("lead", ""))]
                elif tag:
                    if doc is None or p_attrs is None:
                        raise ExportError(f"{path}:{lineno}: </p> outside <doc>/<p>")
                    yield doc, _passage(doc, p_attrs, "".join(pieces))
                    p_attrs = None
                elif line:
                    cols = line.split("\t")
                    if p_attrs is None or len(cols) < len(POSITIONAL):
                        raise ExportError(f"{path}:{lineno}: not a token line of a bicorpus vertical file")
                    pieces += [html.unescape(cols[0]), decode_space(cols[4])]
    except (TypeError, ValueError) as err:  # missing or mistyped attributes, undecodable bytes
        raise ExportError(f"{path}:{lineno}: not a bicorpus vertical file ({err})") from err
    except OSError as err:
        raise ExportError(f"cannot read {path}: {err.strerror or err}") from err


def read_vertical_attributes(path: str | Path) -> Iterator[tuple[str, dict[str, str]]]:
    """(passage id, every ``<p>`` attribute, unescaped) of a vertical export, in file order."""
    with Path(path).open(encoding="utf-8", newline="\n") as fh:
        for line in fh:
            tag = _TAG_RE.match(line.rstrip("\n"))
            if tag and tag.group(2) == "p" and not tag.group(1):
                attrs = _parse_attrs(tag.group(3))
                yield attrs.get("id", ""), attrs


def _passage(doc: Document, attrs: dict[str, str], text: str) -> Passage:
    data = _typed(P_FIELDS, attrs)
    shares = {k[len("share_") :]: float(v) for k, v in attrs.items() if k.startswith("share_")}
    return Passage.from_dict({**data, "doc_id": doc.id, "text": text, "lang_share": shares})
