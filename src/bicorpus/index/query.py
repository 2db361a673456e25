"""The query language: a small recursive-descent parser from a query string to an AST.

Grammar (``AND`` / ``OR`` / ``NOT`` in capitals; juxtaposition means AND)::

    query   := or
    or      := and ("OR" and)*
    and     := unary ("AND"? unary)*
    unary   := "NOT" unary | primary
    primary := "(" or ")" | PHRASE | "=" PHRASE | "=" WORD | FIELD ":" VALUE | WORD+

A run of adjacent bare words (``Jabhat Fatah al-Sham``) is kept together as one
:class:`Words` node, so the search layer can treat a multi-word name as a unit.
``=word`` / ``="a phrase"`` switch off name expansion for that term.  Every error is a
one-line :class:`~bicorpus.errors.QueryError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import QueryError
from ..model import LANGS, REGIONS
from ..normalize import remove_controls
from ..normalize.latin import normalize_quotes_en

#: Longest query accepted, in characters.
MAX_QUERY_CHARS = 1000

#: Fields usable as ``field:value`` inside a query.
QUERY_FIELDS: tuple[str, ...] = ("lang", "region", "doc", "date", "section")

_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_FIELD_RE = re.compile(r"^([A-Za-z]+):(.*)$", re.DOTALL)
_OPERATORS = ("AND", "OR", "NOT")


@dataclass(frozen=True)
class Words:
    """Adjacent bare words (``literal``: written with ``=``, no name expansion)."""

    words: tuple[str, ...]
    literal: bool = False


@dataclass(frozen=True)
class Phrase:
    """A quoted phrase."""

    text: str
    literal: bool = False


@dataclass(frozen=True)
class FieldFilter:
    """A metadata constraint: ``lang:ar``, ``region:body``, ``date:2017-04``, ``doc:ID``."""

    field: str
    value: str


@dataclass(frozen=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    item: Node


Node = Words | Phrase | FieldFilter | And | Or | Not


@dataclass(frozen=True)
class _Lexeme:
    kind: str  # word, phrase, lparen, rparen, op, eq
    text: str
    col: int


_LEX_RE = re.compile(
    r'\s+|(?P<lparen>\()|(?P<rparen>\))|(?P<quote>")|(?P<eq>=)(?=[^\s()])|(?P<word>[^\s()"]+)')


def _lex(query: str) -> list[_Lexeme]:
    out: list[_Lexeme] = []
    pos = 0
    while pos < len(query):
        m = _LEX_RE.match(query, pos)
        if m is None:  # cannot happen: every character is a space, a bracket, a quote or a word
            raise QueryError(f"cannot read the query at column {pos + 1}")
        kind = m.lastgroup
        if kind == "quote":
            end = query.find('"', m.end())
            if end < 0:
                raise QueryError(f"unbalanced quote: the phrase opened at column {pos + 1} is never closed")
            out.append(_Lexeme("phrase", query[m.end():end], pos + 1))
            pos = end + 1
            continue
        if kind == "word":
            text = m.group()
            if text == "=":
                raise QueryError(f"'=' at column {pos + 1} must be followed by a word or a phrase")
            out.append(_Lexeme("op" if text in _OPERATORS else "word", text, pos + 1))
        elif kind is not None:
            out.append(_Lexeme(kind, m.group(), pos + 1))
        pos = m.end()
    return out


def _check_field(name: str, value: str, col: int) -> FieldFilter:
    if not value:
        raise QueryError(f"field '{name}:' at column {col} needs a value, e.g. {name}:{_example(name)}")
    if name == "lang" and value not in LANGS:
        raise QueryError(f"lang:{value} is not a language (use one of: {', '.join(LANGS)})")
    if name == "region" and value not in REGIONS:
        raise QueryError(f"region:{value} is not a region (use one of: {', '.join(REGIONS)})")
    if name == "date" and not _DATE_RE.match(value):
        raise QueryError(f"date:{value} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return FieldFilter(name, value)


def _example(name: str) -> str:
    return {"lang": "ar", "region": "body", "date": "2017-04", "doc": "000_365465f9b8a3ec32"}.get(name, "x")


class _Parser:
    def __init__(self, lexemes: list[_Lexeme]) -> None:
        self.lx = lexemes
        self.i = 0

    def peek(self) -> _Lexeme | None:
        return self.lx[self.i] if self.i < len(self.lx) else None

    def take(self) -> _Lexeme:
        lexeme = self.lx[self.i]
        self.i += 1
        return lexeme

    def parse(self) -> Node:
        node = self.parse_or()
        extra = self.peek()
        if extra is not None:
            raise QueryError(f"unbalanced parenthesis: ')' at column {extra.col} closes nothing")
        return node

    def parse_or(self) -> Node:
        items = [self.parse_and()]
        while (nxt := self.peek()) is not None and nxt.kind == "op" and nxt.text == "OR":
            self.take()
            items.append(self.parse_and(after="OR", col=nxt.col))
        return items[0] if len(items) == 1 else Or(tuple(items))

    def parse_and(self, after: str | None = None, col: int = 0) -> Node:
        items = [self.parse_unary(after, col)]
        while (nxt := self.peek()) is not None and nxt.kind != "rparen" and not (
                nxt.kind == "op" and nxt.text == "OR"):
            if nxt.kind == "op" and nxt.text == "AND":
                self.take()
                items.append(self.parse_unary("AND", nxt.col))
            else:
                items.append(self.parse_unary())
        return items[0] if len(items) == 1 else And(tuple(items))

    def parse_unary(self, after: str | None = None, col: int = 0) -> Node:
        nxt = self.peek()
        if nxt is None or nxt.kind == "rparen" or (nxt.kind == "op" and nxt.text != "NOT"):
            where = f"after {after} at column {col}" if after else (
                f"at column {nxt.col}" if nxt else "at the end of the query")
            found = f"'{nxt.text}'" if nxt else "nothing"
            raise QueryError(f"expected a word, a phrase or '(' {where}, found {found}")
        if nxt.kind == "op":  # NOT
            self.take()
            return Not(self.parse_unary("NOT", nxt.col))
        return self.parse_primary()

    def parse_primary(self) -> Node:
        lexeme = self.take()
        if lexeme.kind == "lparen":
            if (nxt := self.peek()) is not None and nxt.kind == "rparen":
                raise QueryError(f"empty parentheses at column {lexeme.col}")
            node = self.parse_or()
            close = self.peek()
            if close is None or close.kind != "rparen":
                raise QueryError(f"unbalanced parenthesis: '(' at column {lexeme.col} is never closed")
            self.take()
            return node
        if lexeme.kind == "phrase":
            return Phrase(lexeme.text)
        if lexeme.kind == "eq":
            target = self.take()
            if target.kind == "phrase":
                return Phrase(target.text, literal=True)
            if target.kind != "word":
                raise QueryError(f"'=' at column {lexeme.col} must be followed by a word or a phrase")
            return Words((target.text,), literal=True)
        field = _FIELD_RE.match(lexeme.text)
        if field and field.group(1).isascii():
            name = field.group(1).lower()
            if name not in QUERY_FIELDS:
                raise QueryError(f"unknown field '{field.group(1)}:' at column {lexeme.col} "
                                 f"(fields: {', '.join(QUERY_FIELDS)})")
            return _check_field(name, field.group(2), lexeme.col)
        words = [lexeme.text]
        while (nxt := self.peek()) is not None and nxt.kind == "word" and not _FIELD_RE.match(nxt.text):
            words.append(self.take().text)
        return Words(tuple(words))


def parse_query(query: str) -> Node:
    """Parse a query string into an AST (raises :class:`QueryError` with a one-line message)."""
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"query is too long ({len(query):,} characters; the limit is {MAX_QUERY_CHARS:,})")
    cleaned = normalize_quotes_en(remove_controls(query))
    if not cleaned.strip():
        raise QueryError("empty query: give a word, a name or a \"phrase\" to search for")
    return _Parser(_lex(cleaned)).parse()


def positive_terms(node: Node) -> list[Words | Phrase]:
    """The search terms of ``node`` that are not negated (in query order)."""
    if isinstance(node, Words | Phrase):
        return [node]
    if isinstance(node, And | Or):
        return [t for item in node.items for t in positive_terms(item)]
    return []
