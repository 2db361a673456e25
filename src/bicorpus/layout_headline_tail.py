"""A headline and a shorter copy of it: which one is the page's title.

A line that is another line with a few words more is often the headline with chrome glued to it
(``العرب اليوم - …``, ``Tag: …``, ``Home News …``): then the shorter line is the title.  But a page
may also give its headline whole and then cut (a picture's alt text, a widget showing the first
words): ``Algeria: the tandem government-army in a long term status quo`` over ``Algeria: the
tandem government-army``, ``… Kicks Off (Oman)`` over ``… Kicks Off``, ``روسيا تخصص 500 مليون دولار
لتطوير ميناء طرطوس السوري`` over ``ميناء طرطوس السوري``.  There the words the longer line has more
run on from the shorter one's with a plain space, no separator between, and they are words of the
story: every one of them comes back in the text under it.  Chrome names the site, its sections or
a widget, which the text does not tell."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

#: Marks that set chrome apart from the headline it is glued to (a site name, a label, a breadcrumb).
_SEPARATOR_RE = re.compile(r"[|:：>»›/•·\-–—_~@\"“”«»‹'‘’]")


#: Share of those words the text under the headline must tell (a verb may come back in another
#: form: ``تخصص`` / ``خصصت``).
ECHO_SHARE = 0.75
#: A Latin word in lower case opening what follows the copy: the headline's sentence going on.
_LOWER_START_RE = re.compile(r"\s+[a-z]")


def _extra_part(long_text: str, short_text: str) -> str | None:
    """What ``long_text`` has more than ``short_text`` when it opens or closes with it after a
    space (``None`` when it does neither, or is glued to it without a space)."""
    long_t, short_t = long_text.strip(), short_text.strip()
    if not short_t or len(short_t) >= len(long_t):
        return None
    if long_t.startswith(short_t):
        rest = long_t[len(short_t):]
        return rest if rest[0].isspace() else None
    if long_t.endswith(short_t):
        rest = long_t[: -len(short_t)]
        return rest if rest[-1].isspace() else None
    return None


def headline_goes_on(long_text: str, short_text: str, under: Callable[[], str],
                     stems: Callable[[str], Iterable[str]],
                     found: Callable[[Iterable[str], str], bool]) -> bool:
    """``long_text`` is the whole headline and ``short_text`` its cut copy: the words it has more
    follow the copy's after a plain space, with no separator among them, and either go on in lower
    case after it or three in four of their content words (``stems``) is ``found`` in the text under the
    headline (``under()``)."""
    extra = _extra_part(long_text, short_text)
    if extra is None or _SEPARATOR_RE.search(extra):
        return False
    if long_text.strip().startswith(short_text.strip()) and _LOWER_START_RE.match(extra):
        return True  # "… government-army in a long term status quo": the sentence runs on
    words = list(stems(extra))
    if not words:
        return False
    text = under()
    return sum(found((w,), text) for w in words) >= ECHO_SHARE * len(words)
