"""Stage 2 of ingest: the title.  :func:`_pick_title` picks the page's headline among the
headline-shaped lines above the text; with it, the rules that keep a line that stands where a title
would from being one (a lead's first sentence, a template's label, a name, a line the text never
echoes, a date and a place alone) and the headline shapes read there (one-sentence headlines, a
headline under a lead, a headline with its date glued to it, a headline given twice).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import cache, lru_cache

from .data import data_lines
from .layout_boilerplate import (
    _clock_in_two_calendars,
)
from .layout_headline import arabic_sentence_headline
from .layout_headline_stack import headline_stack, strangers_in_stack
from .layout_lead_day import FOREIGN_DATELINE_MAX_CHARS, foreign_dateline
from .layout_shape import (
    _PARAGRAPH_END,
    OPENING_CHARS,
    STANDFIRST_MIN_CHARS,
    STANDFIRST_TITLE_MIN_SHARE,
    STANDFIRST_TITLE_MIN_WORDS,
    _has_sentence_end,
    _headline_shaped,
)
from .layout_units import (
    _DIGIT_RE,
    _WORD_RE,
    LINE_MEMO_SIZE,
    SHAPE_MAX_CHARS,
    Unit,
    _first_date,
    _label_key,
    _one_pattern,
    _Patterns,
    _section_words,
    line_key,
    site_key,
)
from .normalize import normalize_text


def _pick_title(units: list[Unit], zone: list[int], lang: str, first_para: int,
                chrome: list[int] | None = None) -> int | None:
    """The title: the longest headline-shaped unit above the first paragraph (an ``<h1>`` first).
    A two-word line is the title only when it opens the page right above the first paragraph
    (``جيش الإسلام`` on an entity page; a site name is rarely alone above the text).  The lines
    set aside as other stories' headlines, and those above them, are added to ``chrome``."""
    templated = _templated(units)
    shaped = [i for i in zone if _headline_shaped(units[i], lang) and not _never_title(units[i])
              and i not in templated and not _arabic_lead_sentence(units[i])]
    under = _Once(lambda: _text_under(units, first_para))  # read once, when a check first needs it
    shaped = [i for i in shaped if _echoed(units, i, first_para, under)]
    judged, off_topic = _off_topic(units, shaped, first_para, under)
    if first_para < len(units) and (stack := headline_stack(frozenset(shaped), first_para)):
        strangers = strangers_in_stack(stack, lambda i: title_stems(units[i].text),
                                       lambda stem: _starts_a_word((stem,), under()))
        judged = sorted({*judged, *stack})
        off_topic = sorted({*off_topic, *strangers})
    if off_topic:  # lines above a headline that is not this page's are chrome too (unless one is)
        cut = max((i for i in off_topic if not any(k < i and k not in off_topic for k in judged)), default=-1)
        if chrome is not None:
            chrome.extend(i for i in zone if i <= cut)
        zone = [i for i in zone if i > cut]
        shaped = [i for i in shaped if i > cut and i not in off_topic]
    if (not shaped and _lone_name(units, zone, first_para)
            and _headline_shaped(units[zone[-1]], lang, min_words=2) and not _never_title(units[zone[-1]])
            and not _arabic_lead_sentence(units[zone[-1]])
            and _echoed(units, zone[-1], first_para, under)):
        return zone[-1]
    h1 = [i for i in shaped if units[i].html_level == 1]
    if h1:
        return h1[0]
    split = _split_title(units, zone, lang)
    if split is not None and not any(i < split for i in shaped):
        return split
    if len(shaped) > 1 and shaped[1] == shaped[0] + 1 and units[shaped[0]].key == units[shaped[1]].key:
        return shaped[0]  # the first headline given twice in a row: the page's title and its heading
    if (twice := _given_twice_above(units, zone, shaped)) is not None:
        return twice
    if first_para < len(units):  # an entry named by its first words: "X (Y) is a ..." under "X"
        opening = _opening(units, first_para)
        named = [i for i in zone if _names_entry(units, i, opening, lang)]
        if named and not any(i < named[0] for i in shaped):  # a headline above it stays the title
            return named[0]
    shaped_set = set(shaped)
    dateline = next((i for i in zone if units[i].date or units[i].page_byline or units[i].date_in), None)
    above = _above_dateline(units, dateline, lang) if dateline is not None else None
    if above is not None and above in shaped_set:
        if _cased_over_standfirst(units, above, shaped_set):
            above -= 1  # a Title Case headline over its sentence-case standfirst
        # the headline right above the dateline (the first copy of a repeated one)
        return next((i for i in shaped if units[i].key == units[above].key), above)
    best = max(shaped, key=lambda i: (len(units[i].text), -i), default=None)
    if best is not None and len(units[best].text) >= STANDFIRST_MIN_CHARS:
        prev = _prev_in(zone, best)
        if (prev in shaped_set and len(_WORD_RE.findall(units[prev].text)) >= STANDFIRST_TITLE_MIN_WORDS
                and len(units[prev].text) >= STANDFIRST_TITLE_MIN_SHARE * len(units[best].text)):
            return prev  # a headline right above a longer unfinished line: that is its standfirst
    return best


def _cased_over_standfirst(units: list[Unit], i: int, shaped: frozenset[int] | set[int]) -> bool:
    """``units[i]`` is an English headline's standfirst right under it: the line above is set in
    Title Case (:func:`_title_cased`, four words or more) and ``units[i]`` is longer and in
    sentence case (``Lebanon Re-Elects Hezbollah Party`` over ``Lebanon election results:
    Pro-Iranian Hezbollah party wins most seats, …``).  English sites set headlines in Title Case
    or not, but never the standfirst under them."""
    prev = i - 1
    if prev not in shaped or units[i].lang != "en" or units[prev].lang != "en":
        return False
    upper, lower = units[prev].text, units[i].text
    return (len(upper.split()) >= STANDFIRST_TITLE_MIN_WORDS and len(lower) > len(upper)
            and _ascii_letters(upper) and _title_cased(upper) and _sentence_cased(lower)
            and _english_lower_words(lower))


#: Zipf frequency from which a lower-case word is an English one, and the share of such words.
ENGLISH_WORD_ZIPF = 3.0
ENGLISH_WORDS_SHARE = 2 / 3


def _ascii_letters(text: str) -> bool:
    return not any(ch.isalpha() and not ch.isascii() for ch in text)


def _english_lower_words(text: str) -> bool:
    """Its letters ASCII and most of its lower-case words of four letters or more English words
    (a line in German or French, whose capitals follow other rules, has few)."""
    if not _ascii_letters(text):
        return False
    from .names.ordinary import zipf
    words = [w for w in _CASED_WORD_RE.findall(text) if w[0].islower()]
    english = sum(zipf(w) >= ENGLISH_WORD_ZIPF for w in words)
    return bool(words) and english >= ENGLISH_WORDS_SHARE * len(words)


def _sentence_cased(text: str) -> bool:
    """Most Latin words of four letters or more start in lower case."""
    words = _CASED_WORD_RE.findall(text)
    return bool(words) and 2 * sum(w[0].islower() for w in words) > len(words)


#: A picture's alt text in the other script between the headline and its byline is this short at most.
ALT_TEXT_MAX_CHARS = 40


def _above_dateline(units: list[Unit], dateline: int, lang: str) -> int:
    """The line above the page's dateline, short lines in the other script between them aside (the
    author's picture's alt text ``Photo of author`` between an Arabic headline and its byline)."""
    above = dateline - 1
    while (above > 0 and units[above].lang not in (lang, "mixed") and not units[above].date
           and len(units[above].text) <= ALT_TEXT_MAX_CHARS):
        above -= 1
    return above


#: An Arabic line this long with a comma inside is a story's lead sentence, not its headline.
LEAD_SENTENCE_MIN_CHARS = 100


def _arabic_lead_sentence(u: Unit) -> bool:
    """An Arabic line of :data:`LEAD_SENTENCE_MIN_CHARS` or more with an Arabic comma inside it
    (``اقتحمت قوات الاحتلال، في وقت متأخر من مساء الأربعاء، مدينة جنين …``): the first sentence of
    the story, given on its own line, not the page's title; Arabic headlines of that length run
    without commas."""
    t = u.text.rstrip(" ،")
    return (len(t) >= LEAD_SENTENCE_MIN_CHARS and "،" in t and u.lang == "ar"
            and _KICKED_HEADLINE_RE.match(t) is None)


#: A headline opened by a place or a short kicker and a colon (``قطر: ينبغي …``): a headline's
#: form, commas or not.
_KICKED_HEADLINE_RE = re.compile(r"^[^\s:：،.]{2,20}(?: [^\s:：،.]{2,20})?\s?[:：]\s")


#: Opening words shared by lines made from one template (``Click the following link for a safe
#: PDF copy: …``, one line for each item of a list), and how many lines must share them.
TEMPLATE_WORDS = 4
TEMPLATE_MIN_LINES = 3


def _templated(units: list[Unit]) -> frozenset[int]:
    """Units whose first :data:`TEMPLATE_WORDS` words open :data:`TEMPLATE_MIN_LINES` different
    lines of the page or more (copies of one line count once: a title given three times):
    items of a list made from one template, never the page's title."""
    openings: dict[str, list[int]] = {}
    for i, u in enumerate(units):
        words = u.key.split()
        if len(words) > TEMPLATE_WORDS:
            openings.setdefault(" ".join(words[:TEMPLATE_WORDS]), []).append(i)
    return frozenset(i for group in openings.values()
                     if len({units[k].key for k in group}) >= TEMPLATE_MIN_LINES for i in group)


@cache
def _not_title_patterns() -> _Patterns:
    return _one_pattern(data_lines("not_title_patterns.txt"))


@cache
def _title_prefix_re() -> re.Pattern[str]:
    prefixes = "|".join(map(re.escape, data_lines("title_word_prefixes.txt")))
    return re.compile(f"^(?:{prefixes})(?=\\w{{3}})")


@cache
def _title_stopwords() -> frozenset[str]:
    return frozenset(normalize_text(w) for w in data_lines("title_stopwords.txt"))


#: Stems a headline needs before its words are looked for in the article (a shorter one may be a
#: metaphor or a name that the text does not repeat).
OFF_TOPIC_MIN_WORDS = 6
#: How much of the text under a candidate title is read for its words.
OFF_TOPIC_CHARS = 1000
#: Letters of a word compared (a cheap stem: "fighters"/"fighting", "السورية"/"السوري").
STEM_CHARS = 5


@lru_cache(maxsize=LINE_MEMO_SIZE)  # the rules weigh a candidate title's words more than once
def title_stems(text: str) -> frozenset[str]:
    """The content words of ``text`` as short stems: words of three letters or more, not numbers
    nor function words (``data/title_stopwords.txt``), Arabic proclitics (``وال``, ``بال``, ``ال``
    …: ``data/title_word_prefixes.txt``) set aside, cut to their first five letters."""
    prefix, stop = _title_prefix_re(), _title_stopwords()
    return frozenset((prefix.sub("", w) if w[0] >= "\u0600" else w)[:STEM_CHARS]
                     for w in _WORD_RE.findall(normalize_text(text))
                     if len(w) >= 3 and not w.isdigit() and w not in stop)


def _opening(units: list[Unit], first_para: int) -> str:
    """The key of the first paragraph's opening words, with a space after it ("" without one)."""
    return line_key(units[first_para].text[:OPENING_CHARS]) + " " if first_para < len(units) else ""


def _names_entry(units: list[Unit], i: int, opening: str, lang: str) -> bool:
    """``units[i]`` is the name the first paragraph (its :func:`_opening`) opens with (``X (Y)
    is a …``, ``The X …``)."""
    key = units[i].key
    if not key or not opening:
        return False
    first, _, rest = opening.partition(" ")
    return ((opening.startswith(key + " ") or (len(first) <= 3 and rest.startswith(key + " ")))
            and _headline_shaped(units[i], lang, min_words=2))


def _entry_name_repeated(
    units: list[Unit], boiler: list[bool], opening: str, first_para: int, lang: str, repeated: frozenset[str]
) -> int | None:
    """An entry's name taken for furniture only for being given twice (beside its file-name
    alias ``Siege_of_Kobani`` and again as the page title): the first such line above the first
    paragraph that the paragraph opens with."""
    for i in range(first_para):
        u = units[i]
        if (boiler[i] and not (u.nav or u.label or u.decoration or u.caption or u.credit)
                and site_key(u.text) not in repeated and _names_entry(units, i, opening, lang)):
            return i
    return None


def _lone_name(units: list[Unit], zone: list[int], first_para: int) -> bool:
    """All the page gives above its first paragraph is one line, perhaps twice (the site's page
    title and the headline: ``سوريا الغد`` / ``سوريا الغد``), right above the text."""
    if not zone or zone[-1] != first_para - 1 or len(zone) > 2:
        return False
    return zone[0] == 0 and all(units[i].key == units[zone[-1]].key for i in zone)


def _never_title(u: Unit) -> bool:
    """A line that is never the title whatever its shape: a photo credit ``Name, AFP``, an
    infobox's ``Part of …``, a picture's file name (``data/not_title_patterns.txt``), a line of
    more digits than letters (coordinates, figures), a dateline in another language's month."""
    if _DIGIT_RE.search(u.text) and sum(map(str.isdigit, u.text)) > sum(map(str.isalpha, u.text)):
        return True
    if _label_key(u.text) in _section_words():
        return True  # a report's section word ("Executive Summary", "ملخص تنفيذي") heads a section
    norm = normalize_text(u.text)
    if _not_title_patterns().search(norm) or _dated_stub(u, norm):
        return True
    if u.date_lead is not None and _clock_in_two_calendars(norm):
        return True
    # a dateline in another language's month ("Freitag, 4. Februar 2022"): a date, not a headline
    return len(u.text) <= FOREIGN_DATELINE_MAX_CHARS and _DIGIT_RE.search(u.text) is not None and bool(
        foreign_dateline([u.text]))


def _split_title(units: list[Unit], zone: list[int], lang: str) -> int | None:
    """A title given on two lines, cut at its colon: a headline-shaped line but for its final
    colon, right above a headline-shaped line (``من المنفى إلى المجهول:`` / ``اللاجئون السوريون
    في لبنان …``, ``From Exile to the Unknown:`` / ``Syrian Refugees …``).  Its first line."""
    for k in range(len(zone) - 1):
        i, j = zone[k], zone[k + 1]
        t = units[i].text.rstrip()
        if j != i + 1 or not t.endswith((":", "：")) or _never_title(units[i]):
            continue
        head = replace(units[i], text=t.rstrip(" :："))
        if _headline_shaped(head, lang) and _headline_shaped(units[j], lang) and not _never_title(units[j]):
            return i
    return None


class _Once:
    """The text ``read()`` gives, read when first asked for, then kept (what ``functools.cache`` of
    a function of no arguments does, without making a cache for each page)."""

    __slots__ = ("_read", "_text")

    def __init__(self, read: Callable[[], str]) -> None:
        self._read: Callable[[], str] | None = read
        self._text = ""

    def __call__(self) -> str:
        if self._read is not None:
            self._text, self._read = self._read(), None
        return self._text


def _text_under(units: list[Unit], first_para: int) -> str:
    """The text from the first paragraph on, as far as :data:`OFF_TOPIC_CHARS` reaches (each line
    cut there), normalized: where a candidate title's words are looked for."""
    body: list[str] = []
    size = 0
    for v in units[first_para:]:
        if size >= OFF_TOPIC_CHARS:
            break
        body.append(v.text[:OFF_TOPIC_CHARS])
        size += len(body[-1])
    return normalize_text(" ".join(body))


def _whole_text_under(units: list[Unit], first_para: int) -> str:
    """The whole text from the first paragraph on, normalized."""
    return normalize_text(" ".join(v.text for v in units[first_para:]))


def _off_topic(units: list[Unit], candidates: list[int], first_para: int, under: Callable[[], str]
               ) -> tuple[list[int], list[int]]:
    """The long headlines among ``candidates`` (above ``first_para``), and those of them sharing
    no word with the text under them (``under()``, :func:`_text_under`: none of their
    :func:`title_stems` found there, their own copies aside): related articles' headlines above
    another story."""
    judged = [(i, stems) for i in candidates
              if len(stems := title_stems(units[i].text)) >= OFF_TOPIC_MIN_WORDS]
    if not judged or first_para >= len(units):
        return [], []
    out = []
    for i, stems in judged:  # ... and the lines between it and the first paragraph, its copies aside
        if _starts_a_word(stems, under()):
            continue
        between = " ".join(v.text for v in units[i + 1 : first_para] if v.key != units[i].key)
        if not (between and _starts_a_word(stems, normalize_text(between))):
            out.append(i)
    return [i for i, _ in judged], out


def _starts_a_word(stems: Iterable[str], text: str) -> bool:
    """Some word of ``text`` starts with one of ``stems``, perhaps after an Arabic proclitic
    (``data/title_word_prefixes.txt``): ``النصرة`` and ``والنصرة`` both start with ``نصرة``."""
    prefixes = frozenset(data_lines("title_word_prefixes.txt"))
    longest = max(map(len, prefixes), default=0)
    for stem in stems:
        at = text.find(stem)
        while at >= 0:
            start = at  # the start of the word holding this copy, looked for as far as a proclitic reaches
            while start > 0 and at - start <= longest and _word_char(text[start - 1]):
                start -= 1
            if start == at or text[start:at] in prefixes:
                return True
            at = text.find(stem, at + 1)
    return False


def _word_char(char: str) -> bool:
    """What ``\\w`` matches: a letter, a digit or number of any script, an underscore."""
    return char.isalnum() or char == "_"


#: Paragraphs a page may give above its dated headline (a blog's tagline, a post's teaser).
LEAD_MAX_PARAS = 2
#: ... and at most this many lines in all before the date line.
LEAD_MAX_UNITS = 6


def _headline_after_lead(
    units: list[Unit], lang: str, para: list[bool], boiler: list[bool], kept_paras: list[int]
) -> tuple[int, int] | None:
    """A page with no headline above its first paragraph, where at most two paragraphs (a blog's
    tagline, the teaser of its first post) come before a date line, a headline and a paragraph:
    the headline is the title and that paragraph the first of the article.  Returns both."""
    if not kept_paras:
        return None
    kept = [i for i in range(kept_paras[0], len(units)) if not boiler[i]]
    for k in range(1, min(len(kept) - 2, LEAD_MAX_UNITS)):
        d, t, p = kept[k], kept[k + 1], kept[k + 2]
        if sum(para[i] for i in kept[:k]) > LEAD_MAX_PARAS:
            return None
        u = units[d]
        if (u.date or u.date_in) and not para[d] and _headline_shaped(units[t], lang) and para[p]:
            return (t, p) if not _never_title(units[t]) else None
    return None


def _prev_in(zone: list[int], i: int) -> int | None:
    k = zone.index(i)
    return zone[k - 1] if k else None


#: A headline written as one sentence with its full stop: its length and words, and how much
#: longer the paragraph right under it is; at most this many lines (a section label) above it.
SENTENCE_TITLE_MIN_CHARS = 40
SENTENCE_TITLE_MAX_CHARS = 130
SENTENCE_TITLE_MIN_WORDS = 6
SENTENCE_TITLE_LEAD_RATIO = 1.5
SENTENCE_TITLE_LEAD_MIN_CHARS = 200
SENTENCE_TITLE_MAX_ABOVE = 1


def _sentence_headline(units: list[Unit], lang: str, zone: list[int], kept_paras: list[int]) -> int | None:
    """With no title found, the first paragraph is the title when it is one short sentence closed
    by a full stop (``Al-Shabab attack killed over a dozen in Mogadishu.``) right above a much
    longer paragraph, at the top of the page (a section label at most above it)."""
    if len(kept_paras) < 2 or len(zone) > SENTENCE_TITLE_MAX_ABOVE or kept_paras[1] != kept_paras[0] + 1:
        return None
    u, lead = units[kept_paras[0]], units[kept_paras[1]]
    t = u.text.rstrip()
    if (not SENTENCE_TITLE_MIN_CHARS <= len(t) <= SENTENCE_TITLE_MAX_CHARS or not t.endswith(".")
            or t.endswith("..") or u.lang != "en" or lang != "en" or u.date or u.date_in or u.caption
            or _has_sentence_end(t) or any(ch in t for ch in ":;؛")
            or len(_WORD_RE.findall(t)) < SENTENCE_TITLE_MIN_WORDS
            or len(lead.text) < max(SENTENCE_TITLE_LEAD_MIN_CHARS, SENTENCE_TITLE_LEAD_RATIO * len(t))):
        return None
    first = next((ch for ch in t if ch.isalpha()), "")
    opener = t.split(None, 1)[0].casefold()
    if not first or (first.isascii() and first.islower()) or opener in _lead_openers():
        return None
    return kept_paras[0]


def _one_sentence_headline(units: list[Unit], lang: str, zone: list[int], kept: list[int]) -> int | None:
    """:func:`_sentence_headline`, or its Arabic counterpart
    (:func:`~bicorpus.layout_headline.arabic_sentence_headline`)."""
    found = _sentence_headline(units, lang, zone, kept)
    return found if found is not None else arabic_sentence_headline(units, lang, zone, kept)


#: Words a headline needs before the date glued to its end (fewer: a source's dateline).
DATED_HEADLINE_MIN_WORDS = 6
_DATE_SUFFIX_GAP_RE = re.compile(r"[\s\[(|/–—-]+$")
#: A byline's opening word: "By <names> – <date>" is a dateline, not a headline.
_BYLINE_OPENING_RE = re.compile(r"^(?:by|written by|بقلم|إعداد|اعداد|كتب|كتبت|كتبه|تأليف)\b", re.I)
#: A source's name between dashes before the date: "… – DW – 2025/10/19".
_SOURCE_SUFFIX_RE = re.compile(r"\s[|–—-]\s*[^\s|–—-]+(?:\s[^\s|–—-]+)?$")


def _dated_headline(u: Unit, lang: str) -> bool:
    """The first line above the text is a headline with its date glued to its end, perhaps after
    the source's name (``… هدنة بين باكستان وأفغانستان – DW – 2025/10/19``, ``UN warns … cholera
    [30/يوليو/2018]``): the page's title, the date kept as the page's."""
    if not (u.date or u.date_in) or len(u.text) > SHAPE_MAX_CHARS or u.lang not in (lang, "mixed"):
        return False
    norm = normalize_text(u.text)
    found = _first_date(norm)
    if found is None or norm[found.end:].strip(" ])}.") != "":
        return False
    head = _DATE_SUFFIX_GAP_RE.sub("", norm[: found.start])
    head = _DATE_SUFFIX_GAP_RE.sub("", _SOURCE_SUFFIX_RE.sub("", head))
    if len(_WORD_RE.findall(head)) < DATED_HEADLINE_MIN_WORDS or _has_sentence_end(u.text):
        return False
    return head[-1:] not in _PARAGRAPH_END and _BYLINE_OPENING_RE.match(u.text) is None


@cache
def _lead_openers() -> frozenset[str]:
    return frozenset(w.casefold() for w in data_lines("lead_openers.txt"))

# --- The top of pages of unseen sites: lines that stand where a title would but are not one.

#: A line opening with a date and at most this many words after it is a dateline (place, agency).
DATED_STUB_MAX_WORDS = 3
#: A headline of at most this many content words must share one with the text under it, unless
#: it is a name in Title Case; up to :data:`OFF_TOPIC_MIN_WORDS` (where :func:`_off_topic` takes
#: over) it must too, Title Case or not, when the text under it is this long at least.
ECHO_MAX_STEMS = 3
ECHO_MIN_TEXT_CHARS = 400


def _dated_stub(u: Unit, norm: str) -> bool:
    """A date opening a line, then only a place or an agency (``date 2025-08-27 شفق نيوز- دمشق``,
    ``12/05/2017 Damascus-SANA``): the page's dateline, never its title.  Words of one letter
    (``(د ب أ)``) are not counted."""
    if not u.date_lead:
        return False
    found = _first_date(norm)
    if found is None:
        return False
    after = [w for w in _WORD_RE.findall(norm[found.end:]) if len(w) > 1]
    return len(after) <= DATED_STUB_MAX_WORDS


def _echoed(units: list[Unit], i: int, first_para: int, under: Callable[[], str]) -> bool:
    """A short line above the text (fewer than :data:`OFF_TOPIC_MIN_WORDS` content words) is a
    title only when one of its words comes back in the text under it (``under()``,
    :func:`_text_under`): an author's name (``مصطفى واعراب``), a site's editor line, a place and
    agency alone or a widget's label (``KXIP vs KKR Live Score``) above a story name nothing the
    story tells.  A dateline under the line, or its copy above the text, confirms it as the
    headline; so does Title Case for a name of at most :data:`ECHO_MAX_STEMS` words.  A line of
    four or five words over less than :data:`ECHO_MIN_TEXT_CHARS` of text is not judged.  Longer
    lines are judged by :func:`_off_topic`."""
    stems = title_stems(units[i].text)
    if not stems or len(stems) >= OFF_TOPIC_MIN_WORDS or first_para >= len(units):
        return True
    if len(stems) > ECHO_MAX_STEMS and len(under()) < ECHO_MIN_TEXT_CHARS:
        return True  # a headline of a few words over a page cut short: too little text to judge
    if any(v.date or v.date_in or v.page_byline for v in units[i + 1 : first_para]):
        return True  # a dateline under it: the page's headline, whatever words the text uses
    if any(units[k].key == units[i].key for k in range(first_para) if k != i):
        return True  # given twice above the text: the page's title
    if len(stems) <= ECHO_MAX_STEMS and _title_cased(units[i].text):
        return True  # a name set as a headline (Title Case): an entry's title
    return _starts_a_word(stems, under())


_CASED_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’]{3,}")


def _title_cased(text: str) -> bool:
    """Every Latin word of four letters or more starts with a capital (``Army of Conquest``,
    ``Abu Bakr al-Baghdadi``: the parts of a hyphenated name are words):
    set as a headline.  Arabic has no capitals: never."""
    words = _CASED_WORD_RE.findall(text)
    return bool(words) and all(w[0].isupper() for w in words)

def _given_twice_above(units: list[Unit], zone: list[int], shaped: list[int]) -> int | None:
    """The one headline given twice above the text, apart (the page's title and its heading, with
    a byline, a dateline or a download link between them): its first copy, over longer lines given
    once (a site's name and slogan above it, a kicker or an alias under it).  Two copies in a row
    are a picture's alt text and caption; a copy with chrome glued to it is left to
    :func:`_bare_copy`."""
    twice = [i for i in shaped if units[i].key and sum(units[k].key == units[i].key for k in zone) >= 2]
    if len({units[i].key for i in twice}) != 1:
        return None
    key = units[twice[0]].key
    copies = [k for k in zone if units[k].key == key]
    if copies[1] - copies[0] < 2 or any(key in units[i].key and units[i].key != key for i in shaped):
        return None
    return copies[0]

