"""Keyword-in-context snippets with the matched spans marked.

Text stays in logical (memory) order for both scripts: the terminal's bidi support
lays out Arabic, nothing here reverses it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Match

_SPACE_RE = re.compile(r"\s+")


def _windows(length: int, spans: Sequence[tuple[int, int]], context: int, most: int) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        lo, hi = max(0, start - context), min(length, end + context)
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged[:most]


def _snap(text: str, lo: int, hi: int) -> tuple[int, int]:
    """Widen a window to whole words."""
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    return lo, hi


def kwic(text: str, matches: Sequence[Match], *, context: int = 60, most: int = 2,
         mark: tuple[str, str] = ("[[", "]]")) -> str:
    """One line: the text around the first ``most`` groups of matches, each match wrapped in ``mark``.

    Without matches, the start of the text."""
    spans = sorted({(m.start, m.end) for m in matches if 0 <= m.start < m.end <= len(text)})
    if not spans:
        lo, hi = _snap(text, 0, min(len(text), 2 * context))
        return _SPACE_RE.sub(" ", text[lo:hi]).strip() + (" …" if hi < len(text) else "")
    pieces = []
    for lo, hi in _windows(len(text), spans, context, most):
        lo, hi = _snap(text, lo, hi)
        out, pos = [], lo
        for start, end in spans:
            if start < pos or end > hi:
                continue
            out += [text[pos:start], mark[0], text[start:end], mark[1]]
            pos = end
        out.append(text[pos:hi])
        piece = _SPACE_RE.sub(" ", "".join(out)).strip()
        pieces.append(("… " if lo > 0 else "") + piece + (" …" if hi < len(text) else ""))
    return " ".join(pieces).replace("… …", "…")
