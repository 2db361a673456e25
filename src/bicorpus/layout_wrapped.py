"""Hard-wrapped text under the last paragraph: an old HTML page or a document viewer breaks its
sentences into lines of a few words (``… The pioneer was the Virginia Commonwealth`` /
``University School of the Arts in Qatar. It was followed by`` / ``… and most`` /
``recently, Georgetown University …``).  Such lines are short and most do not end a sentence, as
a footer's links or a list of related headlines, but they are the text: a sentence ends inside a
line and goes on over the break, or a line goes on in lower case."""

from __future__ import annotations

import re
from collections.abc import Sequence

#: Fewest lines of a run showing the text going on over a line break.
WRAPPED_MIN_LINES = 3
#: Least share of the run's lines showing it.
WRAPPED_MIN_SHARE = 0.4

#: A sentence ending inside a line and the next one starting: ``Qatar. It``, ``(2005). Additionally``,
#: ``الدوحة. وقال``.
_INNER_END_RE = re.compile(r"\w[.!?؟]\)?\s+[\"“(]?[^\W\d_]")
_LOWER_START_RE = re.compile(r"[\"“(]?[a-z]")
#: Final punctuation: the line's sentence is over.
_FINAL_RE = re.compile(r"[.!?؟:;\"”)…]\s*$")


def _goes_on(text: str, after: str | None) -> bool:
    """The line shows running text: it holds lines the layout joined already (a line going on in
    lower case), it starts in lower case, the line after it does, or a sentence ends inside it and
    the next one runs over its end."""
    if "\n" in text.strip() or _LOWER_START_RE.match(text):
        return True
    if after is not None and _LOWER_START_RE.match(after):
        return True
    return bool(_INNER_END_RE.search(text)) and not _FINAL_RE.search(text)


def hard_wrapped(texts: Sequence[str]) -> bool:
    """The lines ``texts`` (in page order) are hard-wrapped text: at least
    :data:`WRAPPED_MIN_LINES` of them, and :data:`WRAPPED_MIN_SHARE` of them, go on over a break."""
    if len(texts) < WRAPPED_MIN_LINES:
        return False
    going = sum(_goes_on(t, texts[k + 1] if k + 1 < len(texts) else None) for k, t in enumerate(texts))
    return going >= WRAPPED_MIN_LINES and going >= WRAPPED_MIN_SHARE * len(texts)
