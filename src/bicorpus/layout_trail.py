"""A breadcrumb trail whose parts are long: the site's sections down to the page's own name.

``Back to Journals » Hepatic Medicine: Evidence and Research » Volume 16``, ``Indebta > News >
Libya central bank governor flees divided country over fear for his life``: three parts or more
between spaced ``»``, ``›`` or ``>`` marks, opening on a short name (the site, its home page, a
section), closing on no sentence end.  The short-part trail (``Home » News » Syria``) is read by
:func:`bicorpus.layout_units.is_navigation` itself; a trail's last part may be a whole headline."""

from __future__ import annotations

import re

#: Fewest parts of a trail.
TRAIL_MIN_PARTS = 3
#: Most words of the part a trail opens on (a site's or a section's name).
TRAIL_FIRST_MAX_WORDS = 4

_SPLIT_RE = re.compile(r"\s+[»›>]\s+")
_WORD_RE = re.compile(r"[^\W_]+")


def headline_trail(text: str) -> bool:
    """True for a breadcrumb line with long parts (see the module's doc)."""
    line = text.strip()
    if line[-1:] in ".!?؟:،,;؛":
        return False
    parts = _SPLIT_RE.split(line)
    if len(parts) < TRAIL_MIN_PARTS or not all(_WORD_RE.search(p) for p in parts):
        return False
    return (len(_WORD_RE.findall(parts[0])) <= TRAIL_FIRST_MAX_WORDS
            and not any(ch in p for p in parts[:-1] for ch in ".,،!?؟"))  # a sentence runs on
