"""The standfirst given above the page's picture: under the headline, one or two finished
sentences that sum the story up, then the picture (its alt text, caption or credit, a share bar
beside it), then the text.  The text's first paragraph comes after the picture; a summary line
above it is the page's standfirst, not the opening of its text."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

#: A standfirst's length (characters): a shorter finished line is a caption or a label; a longer
#: one is text.
STANDFIRST_MIN_CHARS = 40
STANDFIRST_MAX_CHARS = 250
#: At most this many lines of the picture (alt text, caption, credit, share bar) under it, ...
PICTURE_MAX_LINES = 3
#: ... each at most this long when not known as a caption.
PICTURE_LINE_MAX_CHARS = 180

_CLOSERS = "\"'”’»)]"
_FINAL = ".!?؟"
_INNER_END_RE = re.compile(r"[.!?؟][\"'”’»)\]]*\s+\S")


def _finished(text: str) -> bool:
    return text.rstrip(_CLOSERS + " ")[-1:] in _FINAL


def standfirst_over_picture(
    i: int, texts: Sequence[str], para: Sequence[bool], boiler: Sequence[bool], pictures: Sequence[bool],
    chrome: Sequence[bool], headings_below: Callable[[int], bool],
) -> bool:
    """``texts[i]`` (the first line kept under the title) is the standfirst: one or two finished
    sentences of a standfirst's length, then one to :data:`PICTURE_MAX_LINES` lines that are not
    text (``boiler``, or short unfinished lines), then a paragraph with more text under it.  A
    line of the picture among them (``pictures``: a caption, a credit, an alt text given twice)
    shows the picture; with none, lines of the site's chrome (``chrome``: a "read also" line, an
    ad's label, a share bar) may stand in the text anywhere, so they show nothing; unfinished lines
    alone count as the picture's only when the text has no section headings under that paragraph
    (``headings_below(paragraph)``): else the line may be the first of them."""
    t = texts[i].strip()
    if (not STANDFIRST_MIN_CHARS <= len(t) <= STANDFIRST_MAX_CHARS or not _finished(t)
            or len(_INNER_END_RE.findall(t)) > 1):
        return False
    n = len(texts)
    between: list[int] = []
    j = i + 1
    while j < n and not (para[j] and not boiler[j]):
        between.append(j)
        j += 1
        if len(between) > PICTURE_MAX_LINES:
            return False
    if not between or j >= n or not any(para[k] and not boiler[k] for k in range(j + 1, n)):
        return False
    for k in between:
        if not (boiler[k] or pictures[k]) and (_finished(texts[k]) or len(texts[k]) > PICTURE_LINE_MAX_CHARS):
            return False  # a sentence of the text between: the line above is the text's too
    if any(pictures[k] for k in between):
        return True
    if any(chrome[k] for k in between):
        return False
    return not headings_below(j)
