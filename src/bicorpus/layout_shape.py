"""Stage 2 of ingest: the shape of a page's lines, read by every later pass: running text
(:func:`looks_like_paragraph`, :func:`is_paragraph`), headline shape (:func:`_headline_shaped`),
sentences inside a line, lines given twice, and the limits the passes share.
"""

from __future__ import annotations

import re
from functools import cache

from .data import data_lines
from .layout_joined_headline import joined_headline
from .layout_units import (
    _WORD_RE,
    TITLE_MAX_CHARS,
    Unit,
    _abbreviations,
    _final_char,
)

# --- the page's shape: paragraphs, headlines, headings ----------------------------------------

#: Final characters of a paragraph (a headline has none of them; ``?`` and ``!`` end both).
_PARAGRAPH_END = ".:;؛،,…"
#: Shortest paragraph ending in one of them; any unit this long is a paragraph.
PARAGRAPH_END_MIN_CHARS = 40
#: Units this long with a sentence end inside them are paragraphs whatever their last character.
PARAGRAPH_INNER_MIN_CHARS = 120
#: Fewest words of a title (site names, kickers and categories are shorter).
TITLE_MIN_WORDS = 3
#: A short full-sentence line between long paragraphs is a caption: its longest word count...
CAPTION_MAX_WORDS = 8
#: ... and the shortest neighbouring paragraphs.
CAPTION_NEIGHBOUR_CHARS = 120
#: Near-duplicate lines (a caption repeated as alt text) share a prefix this long.
NEAR_DUP_MIN_CHARS = 30
#: A line this long given twice in a row is a caption (a title given twice is shorter).
DUP_CAPTION_MIN_CHARS = 100
#: ... within this many lines (a credit line may stand between the two).
DUP_CAPTION_WINDOW = 3
#: Longest caption under a photo credit line.
CREDIT_CAPTION_MAX_CHARS = 300
#: Unfinished lines (up to HEADLINE_MAX_CHARS) after the article's last paragraph are a footer or
#: a list of related headlines when there are at least this many of them (a heading and the start
#: of a paragraph cut short may end a page).
FOOTER_MIN_LINES = 3
#: Longest title (a longer unfinished line under the title is its standfirst).
HEADLINE_MAX_CHARS = 180
#: A headline-shaped line this long right under another headline-shaped line (of at least the
#: given words) is the standfirst of that one, not the title.
STANDFIRST_MIN_CHARS = 90
#: Longest standfirst known by what stands under it (the first paragraph restating it, a picture):
#: a longer line there is the text's first paragraph.
STANDFIRST_MAX_CHARS = 250
STANDFIRST_TITLE_MIN_WORDS = 4
STANDFIRST_TITLE_MIN_SHARE = 0.35
#: Furniture lines after the last full paragraph that make the short lines after them furniture.
TAIL_FURNITURE_MIN_LINES = 2
#: How much of the first paragraph is read for the name it opens with (an encyclopedia entry).
OPENING_CHARS = 160
#: A run of at least CHROME_RUN_MIN_LINES lines of at most RUN_LINE_MAX_CHARS holding at least
#: CHROME_RUN_MIN_JUNK metadata-shaped lines (and as many of them and dates as other lines) is chrome.
RUN_LINE_MAX_CHARS = 80
CHROME_RUN_MIN_LINES = 4
CHROME_RUN_MIN_JUNK = 2
#: Fewest words of a headline-shaped line a chrome run leaves alone.
RUN_TITLE_MIN_WORDS = 4
CHROME_RUN_SHARE = 3  # ... a third of the run (a flagged line of any length continues a run: a URL)
#: Longest "code" line (a year, a phone number, a locale name).
CODE_MAX_CHARS = 30
#: A line this long (its key) among the first TEASER_LOOKAHEAD such lines, held whole by a later
#: line, is a teaser.
TEASER_MIN_CHARS = 60
TEASER_LOOKAHEAD = 5
#: ... within this many lines after it, among the first TEASER_LONGER_LINES lines longer than it,
#: and this far into the later line.
TEASER_WINDOW = 40
TEASER_LONGER_LINES = 3
#: The teaser starts at most this far into the later line (its key).
TEASER_MAX_OFFSET = 100
TEASER_SLACK_CHARS = 200
#: ... its first part only (a description may end with its date and source: "… 13.11.2017, SITE").
TEASER_HEAD_SHARE = 0.6
#: A run of at least this many ``Label: value`` lines is an infobox.
INFOBOX_MIN_LINES = 3
INFOBOX_MAX_CHARS = 160

_LIST_SPLIT_RE = re.compile(r"\s*\|\s*|\s[-–—/»ـ]\s?|\s?[-–—]\s")
_INNER_END_RE = re.compile(r"[.!?؟][\"'”’»)\]]*\s+\S")
_FIELD_RE = re.compile(r"^(?:[-•*·]\s*)?[^\s:：]{1,25}(?:\s[^\s:：]{1,25}){0,3}(?<!\d)\s*[:：]\s*\S")
# A label glued to its value, as infoboxes come out of a text dump: "FormedFebruary 2012".
_GLUED_RE = re.compile(r"^(?:[A-Z][a-z]+\s)?[A-Z][a-z]{2,}[A-Z][a-z]")


def looks_like_paragraph(text: str) -> bool:
    """Running text by its shape: long, or ending like a sentence or clause (not ``?``/``!``,
    which end headlines too), or with a sentence end inside it."""
    if len(text) >= TITLE_MAX_CHARS:
        return True
    if len(text) >= PARAGRAPH_END_MIN_CHARS and _final_char(text) in _PARAGRAPH_END:
        return True
    return (len(text) >= PARAGRAPH_INNER_MIN_CHARS and _INNER_END_RE.search(text) is not None
            and not joined_headline(text, _INNER_END_RE))  # "… طرطوس.. مشاريع أنجزت.. …": a headline


def is_paragraph(u: Unit) -> bool:
    """A unit of running text (see :func:`looks_like_paragraph`), not header material or an HTML heading."""
    if u.marked_header or u.html_level is not None:
        return False
    return looks_like_paragraph(u.text)


def _headline_shaped(u: Unit, article_lang: str, min_words: int = TITLE_MIN_WORDS) -> bool:
    """Could be the title: short, not a paragraph, a date, a byline, a caption or furniture; at
    least three words; no final full stop, comma or colon; not starting in lower case."""
    if u.html_level == 1 and not u.marked_header and u.date is None:
        return True  # <h1>
    if u.marked_header or u.caption or u.date or len(u.text) > HEADLINE_MAX_CHARS:
        return False  # the cheapest tests of the rules below, first
    t = u.text
    parts = _LIST_SPLIT_RE.split(t)
    if len(parts) > 1 and all(len(_WORD_RE.findall(part)) <= 3 for part in parts):
        return False  # a list: names, sections, "source - section"
    if (u.marked_header or u.caption or u.date or u.page_byline or len(t) > HEADLINE_MAX_CHARS
            or (u.date_in and not u.date_lead) or u.lang not in (article_lang, "mixed")
            or is_paragraph(u) or _final_char(t) in _PARAGRAPH_END or _two_sentences(t)):
        return False
    if len(_WORD_RE.findall(t)) < min_words or _NUMBERED_RE.match(t):
        return False  # short, or a numbered section ("1. History of the movement")
    first = next((ch for ch in (_LEAD_TAG_RE.sub("", t, count=1) if t[0] == "[" else t) if ch.isalpha()), "")
    return bool(first) and not (first.isascii() and first.islower() and not u.date_lead
                                and not _COUNT_OPENS_RE.match(t))


#: A tag in square brackets opening a headline, in lower case or not (``[hollow words] Saudi …``).
_LEAD_TAG_RE = re.compile(r"^\[[^\[\]]{1,30}\]\s*")
#: A headline may open with a count, lower case after it: "10 farmers killed in ISWAP attack".
_COUNT_OPENS_RE = re.compile(r"\d[\d,.]*\s[a-z]")
_NUMBERED_RE = re.compile(r"^\d{1,2}\s?[.)]\s")
_SENTENCE_INSIDE_RE = re.compile(r"(\S+)[.!?؟][\"'”’»)\]]*\s+[\"'“‘«(\[]*[A-Z\u0600-\u06ff]")


def _two_sentences(text: str) -> bool:
    """:func:`_has_sentence_end`, but for an exclamation mark inside a headline that runs on after it
    (``Bombs Away! America's Latest Strategic Fad``, ``… البدلة الزرقاء! الأردن: بدء المحاكمة``):
    a headline's cry, not the end of a sentence of text."""
    return _has_sentence_end(text) and _has_sentence_end(text.replace("!", ","))


def _has_sentence_end(text: str) -> bool:
    """A sentence ends inside ``text`` and another starts (a caption, a lead; not a headline).
    Abbreviations (``U.S.``, ``Dr.``) and initials do not count."""
    for m in _SENTENCE_INSIDE_RE.finditer(text):
        word = m.group(1).lstrip("(\"'“‘«")
        if len(word) > 1 and "." not in word and word.casefold() not in _abbreviations():
            return True
    return False


def _block_given_twice(keys: list[str], k: int, i: int) -> bool:
    """Line ``i`` repeats line ``k`` as part of a block of text given twice (``A B A B``: the
    lines between the copies are given again right after the second copy or right before the
    first): text saved twice, not a caption beside its alt text."""
    gap = i - k
    if gap < 2:
        return False
    between = range(1, gap)
    return ((i + gap <= len(keys) and all(keys[k + d] and keys[k + d] == keys[i + d] for d in between))
            or (k - gap >= 0 and all(keys[k + d] and keys[k + d] == keys[k - gap + d] for d in between)))


@cache
def _auxiliary_verbs() -> frozenset[str]:
    return frozenset(data_lines("auxiliary_verbs.txt"))


#: An Arabic sentence opening on the conjunction "and" glued to its first word (``ويشير``, ``وقال``).
_AND_OPENING_RE = re.compile(r"و[\u0621-\u064a]{2,}\s")


def _sentence_of_text(text: str) -> bool:
    """A short line that reads as a sentence of the article rather than a caption: it has an
    English auxiliary or modal verb (``The group has previously welcomed any ceasefire.``:
    ``data/auxiliary_verbs.txt``), or opens in Arabic on "and" (``ويشير القرار إلى …``), going on
    from the paragraph above."""
    if _AND_OPENING_RE.match(text):
        return True
    aux = _auxiliary_verbs()
    return any(w in aux for w in text.lower().split())


def _near_duplicates(a: str, b: str) -> bool:
    """One line repeats the other, whole or as its start, perhaps after a one-word label
    (``PHOTO: Smoke rises …`` / ``Smoke rises … U.S.-backed fighters …``)."""
    if len(a) < NEAR_DUP_MIN_CHARS or len(b) < NEAR_DUP_MIN_CHARS:
        return a == b and bool(a)
    short, long_ = sorted((a, b), key=len)
    if long_.startswith(short):
        return True
    tail = short.split(" ", 1)[1] if " " in short else ""
    return len(tail) >= NEAR_DUP_MIN_CHARS and long_.startswith(tail)


