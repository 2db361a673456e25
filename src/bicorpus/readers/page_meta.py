"""Page metadata onto the :class:`~bicorpus.model.Document` record."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Document

if TYPE_CHECKING:
    from .html import PageMeta


def html_layout(*args, **kwargs):  # type: ignore[no-untyped-def]
    """:func:`bicorpus.readers.html_layout.html_layout`, imported when first needed (lxml and the
    extractor load only for HTML)."""
    from .html_layout import html_layout as _html_layout

    return _html_layout(*args, **kwargs)


def apply_page_meta(doc: Document, page: PageMeta, text_title: str | None, text_date: str | None) -> None:
    """Store what the page says about itself on ``doc``: title, date, authors, site, URL, and
    language, direction and description in ``doc.meta``.  The page's metadata beats what the text
    lines suggest; when both exist and disagree, the text's reading is kept in
    ``meta["text_title"]`` / ``meta["text_date"]``."""
    meta = dict(doc.meta)
    meta.update(page.as_meta())
    if page.title:
        if text_title and text_title.strip() != page.title:
            meta["text_title"] = text_title.strip()
        doc.title = page.title
    if page.date:
        if text_date and text_date != page.date:
            meta["text_date"] = text_date
        doc.date = page.date
    if page.authors:
        doc.authors = list(page.authors)
    if page.site:
        doc.site = page.site
    if page.url:
        doc.url = page.url
    doc.meta = meta


__all__ = ["apply_page_meta", "html_layout"]
