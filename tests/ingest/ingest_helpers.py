"""Helpers shared by the ingest tests: paths of the seed and test pages, processing with offset checks."""

from __future__ import annotations

from pathlib import Path

from bicorpus.layout import analyze
from bicorpus.model import Document, Passage
from bicorpus.pipeline import process_document
from bicorpus.sources import SourceText, read_source

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_365465f9b8a3ec32.txt"
PAGES = ROOT / "tests" / "data" / "pages"


def page(name: str) -> Path:
    return PAGES / name


def processed(path: Path, **kwargs: object) -> tuple[SourceText, Document, list[Passage]]:
    """Read and process one page; every passage's offsets are checked on the way."""
    src = read_source(path)
    doc, passages = process_document(src, **kwargs)  # type: ignore[arg-type]
    for p in passages:
        assert src.text[p.start : p.end] == p.text, p.id
    return src, doc, passages


def of_region(passages: list[Passage], region: str) -> list[Passage]:
    return [p for p in passages if p.region == region]


# --- small text pages for the layout rules ------------------------------------------------------------

PARA_EN = ("Iraqi forces, backed by Kurdish, Sunni and Shiite militias as well as US airpower, have "
           "launched their long-awaited offensive to retake Mosul from the Islamic State.")
PARA_EN2 = ("The anti-Islamic State coalition has been preparing the battlefield to retake Mosul for well "
            "over six months, freeing up the supply lines to the south of the city.")
PARA_AR = ("بسطت هيئة تحرير الشام سيطرتها على مدينة إدلب ومناطق واسعة من ريفها شمال سوريا، بعد انسحاب "
           "حركة أحرار الشام الإسلامية من تلك المناطق إثر اتفاق هدنة بين الطرفين.")
PARA_AR2 = ("وتشكلت الهيئة في كانون الثاني 2017 من تحالف فصائل مقاتلة شمال سوريا، فيما انسحب فصيل "
            "حركة نور الدين زنكي من التحالف مؤخراً بعد خلافات على إدارة المعابر.")
#: The regions and roles that belong to the article.
ARTICLE = frozenset({"title", "subtitle", "dateline", "body", "heading"})


def regions(text: str, **kwargs: object) -> dict[str, str]:
    """Each non-blank line of ``text`` → the region (or ``heading``) the text layout gives it."""
    layout = analyze(text, **kwargs)  # type: ignore[arg-type]
    out = {text[b.start : b.end]: b.region for b in layout.blocks}
    out.update({h.text: "heading" for h in layout.headings})
    return out
