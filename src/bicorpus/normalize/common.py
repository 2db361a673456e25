"""Script-neutral rules: invisible controls and whitespace."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TypeVar

_T = TypeVar("_T")

# Bidi embeddings/overrides/isolates, marks, zero-width chars, BOM, soft hyphen, Arabic letter mark.
_CONTROLS_RE = re.compile("[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# Other C0/C1 control characters except tab and newline.
_C0C1_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: Texts up to this long are remembered by the functions :func:`remember_short` wraps (a page's
#: layout and its passages normalize and weigh the same lines one after the other).
MEMO_MAX_CHARS = 2000
MEMO_SIZE = 512


# Either kind: one search tells a text without any (most texts) from the others.
_ANY_CONTROL_RE = re.compile(_CONTROLS_RE.pattern[:-1] + _C0C1_RE.pattern[1:])


def remove_controls(text: str) -> str:
    """Drop bidi and zero-width controls, soft hyphens, BOMs and other control characters."""
    if text.isprintable():  # every one of them is a format or control character: not printable
        return text
    if _ANY_CONTROL_RE.search(text) is None:
        return text
    return _C0C1_RE.sub(" ", _CONTROLS_RE.sub("", text))


#: Whitespace other than the plain space (``\\s`` reads whitespace as ``str.isspace`` does).
_ODD_SPACE_RE = re.compile(r"[^\S ]")


def collapse_whitespace(text: str) -> str:
    """Runs of whitespace (including no-break spaces) → one space; trimmed.

    ``str.split`` and ``str.strip`` read whitespace as ``\\s`` does (``str.isspace``), so this is
    ``re.sub(r"\\s+", " ", text).strip()``, without a replacement per space.  A text already so
    (single plain spaces inside, none at its ends: most lines) is given back as it is.  Every
    whitespace character but the plain space is unprintable (``str.isprintable``, a cheaper test
    than the search for them)."""
    if text[:1] != " " and text[-1:] != " " and "  " not in text and (
            text.isprintable() or _ODD_SPACE_RE.search(text) is None):
        return text
    return " ".join(text.split())


def remember_short(fn: Callable[[str], _T]) -> Callable[[str], _T]:
    """``fn`` with its answers for the last :data:`MEMO_SIZE` texts up to :data:`MEMO_MAX_CHARS`
    long remembered (longer texts are computed each time)."""
    recent = functools.lru_cache(maxsize=MEMO_SIZE)(fn)

    @functools.wraps(fn)
    def remembered(text: str) -> _T:
        return recent(text) if len(text) <= MEMO_MAX_CHARS else fn(text)

    return remembered
