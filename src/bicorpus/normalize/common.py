"""Script-neutral rules: invisible controls and whitespace."""

from __future__ import annotations

import re

# Bidi embeddings/overrides/isolates, marks, zero-width chars, BOM, soft hyphen, Arabic letter mark.
_CONTROLS_RE = re.compile("[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# Other C0/C1 control characters except tab and newline.
_C0C1_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACE_RE = re.compile(r"\s+")


def remove_controls(text: str) -> str:
    """Drop bidi and zero-width controls, soft hyphens, BOMs and other control characters."""
    return _C0C1_RE.sub(" ", _CONTROLS_RE.sub("", text))


def collapse_whitespace(text: str) -> str:
    """Runs of whitespace (including no-break spaces) → one space; trimmed.

    ``str.split`` and ``str.strip`` read whitespace as ``\\s`` does (``str.isspace``), so this is
    ``_SPACE_RE.sub(" ", text).strip()``, without a replacement per space."""
    return " ".join(text.split())
