"""A site's notices about access to the article: the text is for subscribers or registered
readers (``This content is for registered users. Please login to continue.``, ``هذا المقال مخصص
للمشتركين``), the reader may buy or try a subscription, signing up binds to the site's terms
(``By subscribing, you agree to … terms of service …``), or the entry is only given in another
language (``Sorry, this entry is only available in العربية.``).  They stand where a paywall or a
translation plugin cuts the text, in its middle or under it, and say what they are in a few
words: ``data/access_notices.txt``, searched in the normalized line."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from .data import data_pattern
from .normalize import normalize_text

#: Longest line read as an access notice (a notice of two or three sentences).
NOTICE_MAX_CHARS = 300
#: Lines whose test is remembered (a site's notices repeat from page to page).
NOTICE_MEMO_SIZE = 4096


#: Every notice holds one of these (read in the lower-cased line before normalizing it).
_NOTICE_HINTS = ("subscri", "regist", "log", "sign", "available", "trial", "مشترك", "اشترك", "للوصول",
                 "الدخول", "دخولك", "للاعضاء", "للأعضاء", "للمسجلين")


@lru_cache(maxsize=NOTICE_MEMO_SIZE)
def access_notice(text: str) -> bool:
    """A line saying the article is for subscribers, registered users or another language's
    readers, or binding a sign-up to the site's terms (``data/access_notices.txt``)."""
    if len(text) > NOTICE_MAX_CHARS:
        return False
    lowered = text.lower()
    if not any(h in lowered for h in _NOTICE_HINTS):
        return False
    return data_pattern("access_notices.txt").search(normalize_text(text)) is not None


def mark_access_notices(texts: Sequence[str], flags: list[bool]) -> None:
    """Flag in ``flags`` the access notices among the article's lines ``texts``."""
    for i, text in enumerate(texts):
        if not flags[i] and access_notice(text):
            flags[i] = True
