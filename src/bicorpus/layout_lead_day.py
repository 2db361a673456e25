"""Days a page gives outside its datelines, read when it gives no date otherwise.

* The story's own "today" with its full date in the opening of its first paragraph: ``قرر مجلس
  المحافظة، اليوم الثلاثاء، 09 تموز، 2024، …``, ``The council said today, Tuesday, July 9, 2024,
  …``: the word for today, its weekday, then the day (perhaps after ``الموافق``).  A weekday alone
  (``on Tuesday, July 9, 2024``) may be any day the story tells of: not read.
* A dateline written with another language's month above the text (a blog's date header in its
  owner's language: ``mardi 31 juillet 2012``, ``12. März 2019``), read as page metadata is
  (:func:`bicorpus.readers.page_meta.month_dateline`: the day and a few words at most); a date
  written so that :mod:`bicorpus.dates` reads it (English, Arabic, numbers) was judged already (a
  site's clock, an update) and is not read again."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .dates import find_date_normalized, weekday_names
from .normalize import normalize_text

#: How far into the first paragraph its "today" is looked for (characters).
LEAD_TODAY_CHARS = 300
_TODAY_RE = re.compile(r"(?<!\w)(?:اليوم|today)[\s,]+(\w+)[\s,]+(?:الموافق[\s,]+)?")
#: Longest line read as another language's dateline.
FOREIGN_DATELINE_MAX_CHARS = 80


def today_in_lead(text: str) -> str | None:
    """The ISO day the opening of ``text`` (a first paragraph) gives as its "today": ``اليوم`` or
    ``today``, a weekday, then a full date; else ``None``."""
    norm = normalize_text(text[:LEAD_TODAY_CHARS])
    for m in _TODAY_RE.finditer(norm):
        if m.group(1) not in weekday_names():
            continue
        found = find_date_normalized(norm[m.end():])
        if found is not None and found.start == 0 and len(found.iso) == len("2024-07-09"):
            return found.iso
    return None


def foreign_dateline(texts: Sequence[str]) -> str | None:
    """The day of the first of ``texts`` (lines above the first paragraph) that is a dateline with
    another language's month name (``data/page_date_months.tsv``); else ``None``."""
    from .readers.page_meta import month_dateline

    for t in texts:
        if len(t) > FOREIGN_DATELINE_MAX_CHARS or (iso := month_dateline(t)) is None:
            continue
        if find_date_normalized(normalize_text(t)) is None:  # a date bicorpus reads had its say
            return iso
    return None
