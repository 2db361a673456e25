"""Cheap tests that rule out a regular expression before it is searched.

A search with ``re`` tries every alternative of a pattern at every position of the text; for the
joined boilerplate and caption patterns (``\\ball rights reserved\\b|\\b(click|tap) here\\b|…``,
case-insensitive) that costs several microseconds a line.  Yet each alternative can only match
where one of a few plain strings occurs (``all rights reserved``, `` here``, ``cookie``…):
:func:`needles` reads them from the pattern itself, and :class:`Needles` tells in one plain search
whether a text holds any of them.  When it does not, the pattern cannot match; when it does, or
when a pattern has no such strings, the pattern is searched as before.  What a pattern matches never
changes, only how often it is tried.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

try:  # the parser ``re`` compiles with, and its list of extra case-insensitive matches
    import _sre
    from re import _casefix, _parser
    from re import _constants as _c

    _REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT))
    #: Characters a case-insensitive ASCII letter matches beyond those whose lower case it is
    #: (``i`` matches ``ı``, ``s`` matches ``ſ``), and the one character whose ``str.lower`` is
    #: not the single lower-case letter ``re`` compares (``İ`` → ``i̇``): not needles themselves.
    _UNSAFE = frozenset(
        [chr(v) for k, vs in _casefix._EXTRA_CASES.items() if k < 128 for v in vs] + ["\u0130"]
    )
    #: What a lower-cased text holds where it held one of those (``İ`` lowers to ``i`` and a
    #: combining dot): found like a needle, so such a text is always searched.
    _UNSAFE_LOWER = "".join(sorted({ch.lower()[-1] for ch in _UNSAFE}))
except (ImportError, AttributeError):  # pragma: no cover - another Python's internals: no prefilter
    _parser = None


def _needle_char(code: int) -> str | None:
    """The character a case-insensitive literal is compared as (its lower case), if the plain
    comparison of lower-cased texts is exact for it."""
    ch = chr(code)
    low = ch.lower()
    if len(low) != 1 or ch in _UNSAFE or low in _UNSAFE or chr(_sre.unicode_tolower(code)) != low:
        return None
    if ord(low) >= 128 and ord(low) in _casefix._EXTRA_CASES:
        return None  # a Greek or Cyrillic letter with extra matches
    return low


#: A needle: the lower-cased text, and whether a match ends with it (``…\\)$``: the line's end).
_Needle = tuple[str, bool]


def _rarity(found: frozenset[_Needle]) -> int:
    """How seldom the commonest of ``found`` occurs by chance, roughly: its length, a lone
    punctuation mark counted as a short word (``/`` is rarer in prose than ``ap``), a needle
    at the end of the line as a longer one."""
    return min(len(text) + (0 if any(ch.isalnum() for ch in text) else 2) + (4 if at_end else 0)
               for text, at_end in found)


def _best(a: frozenset[_Needle] | None, b: frozenset[_Needle] | None) -> frozenset[_Needle] | None:
    """The set that holds fewer chance hits (the first on a tie)."""
    if b is None or not b:
        return a
    if a is None or _rarity(b) > _rarity(a):
        return b
    return a


def _sequence(items: Sequence[tuple[Any, Any]], at_end: bool = False) -> frozenset[_Needle] | None:
    """Needles one of which every match of the sequence ``items`` holds, or None; ``at_end``: the
    pattern's ``$`` follows the sequence (a group or alternative just before it: ``(afp|ap)$``)."""
    best: frozenset[_Needle] | None = None
    run: list[str] = []
    last = len(items) - 1
    for k, (op, av) in enumerate(items):
        if op is _c.LITERAL:
            ch = _needle_char(av)
            if ch is not None:
                run.append(ch)
                continue
        if run:
            best = _best(best, _run(run, op is _c.AT and av is _c.AT_END))
            run = []
        # what comes right before the pattern's "$": its last literals end the text
        ends = at_end if k == last else (items[k + 1][0] is _c.AT and items[k + 1][1] is _c.AT_END)
        if op is _c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if not add_flags and not del_flags:  # a group that changes the flags is not read
                best = _best(best, _sequence(sub, ends))
        elif op is _c.BRANCH:
            alternatives = [_sequence(alt, ends) for alt in av[1]]
            if all(alternatives):
                best = _best(best, frozenset().union(*alternatives))  # type: ignore[arg-type]
        elif op in _REPEATS:
            low, _high, sub = av
            if low >= 1:
                best = _best(best, _sequence(sub, ends))
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            best = _best(best, _sequence(av, ends))
    if run:
        best = _best(best, _run(run, at_end))
    return best


def _run(chars: list[str], at_end: bool) -> frozenset[_Needle] | None:
    """A run of literal characters as a needle, without its edge spaces (a search for ``" here"``
    stops at every space); ``at_end``: the pattern's ``$`` follows it."""
    text = "".join(chars)
    if at_end and not text[-1].isspace():
        return frozenset({(text.lstrip(), True)})
    text = text.strip()
    return frozenset({(text, False)}) if text else None


def _source(needle: _Needle) -> str:
    text, at_end = needle
    return re.escape(text) + (r"(?=\n?\Z)" if at_end else "")  # what ``$`` accepts


def needles(pattern: str) -> frozenset[str] | None:
    """What every case-insensitive match of ``pattern`` holds, lower-cased, as regular
    expressions (plain strings, and strings at the end of the text), or None when the pattern
    does not say (a match may be made of classes and repeats only)."""
    found = _needles(pattern)
    return frozenset(map(_source, found)) if found else None


def _parse(pattern: str) -> Any:
    """``re``'s parse of ``pattern`` (case-insensitive), or None when it cannot be had."""
    if _parser is None:
        return None
    try:
        return _parser.parse(pattern, re.I)
    except re.error:
        return None


def _needles(pattern: str) -> frozenset[_Needle] | None:
    """The needles of :func:`needles` as (lower-cased text, whether it ends the text)."""
    parsed = _parse(pattern)
    if parsed is None:
        return None
    if parsed.state.flags & re.M:
        return None  # "$" at every line's end: not read
    return _sequence(parsed) or None


@dataclass(frozen=True)
class Needles:
    """The strings of several patterns: a text without any of them matches none of the patterns."""

    search: re.Pattern[str]

    def may_match(self, text: str) -> bool:
        """False only when no pattern can match ``text`` (searched case-insensitively)."""
        return self.search.search(text.lower()) is not None


def needles_of(patterns: Sequence[str]) -> Needles | None:
    """A :class:`Needles` for case-insensitive ``patterns``, or None if one of them has no needles."""
    if _parser is None or not patterns:
        return None
    found: set[str] = set()
    for pattern in patterns:
        own = needles(pattern)
        if own is None:
            return None
        found |= own
    return Needles(_needle_pattern(found))


@dataclass(frozen=True)
class Gated:
    """Case-insensitive patterns, each tried only on a text holding one of its own needles.

    A text that holds a needle of one pattern (``)`` closing the line) is searched for that
    pattern, not for all of them; patterns without needles are always tried.  The patterns are
    grouped by their set of needles and by how they are tried (searched, or matched at the start
    of the text: an anchored pattern without its ``^``); group ``i`` is bit ``i`` of a mask."""

    #: How each group is tried: its patterns joined, ``search`` or ``match``.
    finders: tuple[Callable[[str], re.Match[str] | None], ...]
    #: How the patterns without needles are tried (joined: at most one searched, one matched).
    ungated: tuple[Callable[[str], re.Match[str] | None], ...]
    #: Every needle not bound to the end (with the unsafe characters), longest first, and the
    #: groups each opens: those of every needle it holds (a needle found holds the shorter ones
    #: that start where it does); an unsafe character opens them all.
    plain: re.Pattern[str]
    opens: dict[str, int]
    #: The needles that end a match at the end of the text, by their last character.
    ends: dict[str, tuple[tuple[str, int], ...]]

    def search(self, text: str) -> bool:
        """True when one of the patterns matches ``text``."""
        for find in self.ungated:
            if find(text) is not None:
                return True
        if not self.finders:
            return False
        low = text.lower()
        tail = low[:-1] if low[-1:] == "\n" else low  # "$" also matches before a last newline
        ends = self.ends.get(tail[-1:])
        m = self.plain.search(low)
        if m is None and ends is None:
            return False
        mask = 0
        if ends is not None:
            for needle, bits in ends:
                if tail.endswith(needle):
                    mask |= bits
        everything = (1 << len(self.finders)) - 1
        while m is not None and mask != everything:  # every place a needle starts
            mask |= self.opens[m.group()]
            m = self.plain.search(low, m.start() + 1)
        if not mask:
            return False
        return any(mask >> i & 1 and find(text) is not None for i, find in enumerate(self.finders))


def _needle_pattern(found: set[str] | frozenset[str]) -> re.Pattern[str]:
    alternatives = sorted(found, key=len, reverse=True)
    # each alternative starts with a plain character, so that re skips to where one of those is
    # (a class among them, even of the unsafe characters, turns that off: 6 times slower)
    return re.compile("|".join([*alternatives, *map(re.escape, _UNSAFE_LOWER)]))


def gated(floating: Sequence[str], anchored: Sequence[str] = ()) -> Gated | None:
    """A :class:`Gated` for case-insensitive patterns: ``floating`` ones searched, ``anchored``
    ones (written without their ``^``) matched at the start of the text; None when there are none."""
    if not floating and not anchored:
        return None
    groups: dict[tuple[frozenset[_Needle], bool], list[str]] = {}
    ungated: dict[bool, list[str]] = {}
    for at_start, patterns in ((False, floating), (True, anchored)):
        for pattern in patterns:
            own = _needles(pattern)
            if own is None:
                ungated.setdefault(at_start, []).append(pattern)
            else:
                groups.setdefault((own, at_start), []).append(pattern)

    def finder(group: list[str], at_start: bool) -> Callable[[str], re.Match[str] | None]:
        joined = re.compile("|".join(f"(?:{p})" for p in group), re.I)
        return joined.match if at_start else joined.search

    plain: dict[str, int] = {}
    ends: dict[str, dict[str, int]] = {}
    for i, (found, _at_start) in enumerate(groups):
        for text, at_end in found:
            if at_end:
                last = ends.setdefault(text[-1], {})
                last[text] = last.get(text, 0) | 1 << i
            else:
                plain[text] = plain.get(text, 0) | 1 << i
    everything = (1 << len(groups)) - 1
    opens = {text: _or(bits for other, bits in plain.items() if other in text) for text in plain}
    opens.update(dict.fromkeys(_UNSAFE_LOWER, everything))
    return Gated(
        tuple(finder(group, at_start) for (_found, at_start), group in groups.items()),
        tuple(finder(group, at_start) for at_start, group in ungated.items()),
        _needle_pattern(set(map(re.escape, plain))),
        opens,
        {last: tuple(group.items()) for last, group in ends.items()},
    )


def scans(pattern: str) -> bool:
    """True for a pattern that opens with a run of a repeated class or group (``[^.!?]{2,60}
    contributed``, ``[\\w .-]{2,30}\\s*…``) and has needles rarer than a lone letter or mark: matched
    at the start of a text, it reads the run and gives it back one character at a time looking
    for the rest, which costs more than looking for the needles."""
    parsed = _parse(pattern)
    if parsed is None or not len(parsed) or parsed[0][0] not in _REPEATS or parsed[0][1][1] < 2:
        return False
    found = _needles(pattern)
    return found is not None and _rarity(found) >= SCAN_MIN_RARITY


#: Needles this rare (:func:`_rarity`: a word of four letters, a mark ending the text) gate an
#: anchored pattern; commoner ones (``.``, ``_``) cost as much to look for as the pattern.
SCAN_MIN_RARITY = 4


def _or(masks: Iterable[int]) -> int:
    out = 0
    for bits in masks:
        out |= bits
    return out
