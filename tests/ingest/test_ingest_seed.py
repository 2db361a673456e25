"""What the sample page must give: header bullets apart, title, date, 16 body paragraphs, sections."""

from __future__ import annotations

import itertools

from ingest_helpers import SEED, of_region, processed

from bicorpus.model import LANGS, REGIONS

HEADER = [
    ("سعيد عكاشة", None, "كوابح التصعيد: هل يصمد اتفاق وقف النار بين إسرائيل ولبنان بعد رحيل الأسد؟"),
    ("نشوى عبد النبي", None,
     'السفن التجارية "النووية": الجهود الصينية والكورية الجنوبية لتطوير سفن حاويات صديقة للبيئة'),
    ("أيمن سمير", "د.", "بين التوحد والتفكك: المسارات المُحتملة للانتقال السوري في مرحلة ما بعد الأسد"),
    ("رشا مصطفى عوض", "د.", "صعود قياسي: التأثيرات الاقتصادية لأجندة ترامب للعملات المشفرة في آسيا"),
    ("إيمان الشعراوي", None, "الفجوة الرقمية: حدود استفادة إفريقيا من قمة فرنسا للذكاء الاصطناعي 2025"),
]
TITLE = "Why did ISIS and al-Nusra Front Strike a Deal?"


def test_five_site_header_passages_with_authors_and_linked_titles(seed):
    _, _, passages = seed
    header = of_region(passages, "site-header")
    assert [(p.author, p.honorific, p.linked_title) for p in header] == HEADER
    assert all(p.lang == "ar" for p in header)


def test_header_authors_are_not_the_page_author(seed):
    _, _, passages = seed
    authors = {a for a, _, _ in HEADER}
    for p in passages:
        if p.region != "site-header":
            assert p.author not in authors
            assert p.linked_title is None


def test_header_label_is_boilerplate(seed):
    _, _, passages = seed
    assert passages[0].text == "أخبار المركز"
    assert passages[0].region == "boilerplate"


def test_document_title_and_date(seed):
    _, doc, passages = seed
    assert doc.title == TITLE
    assert doc.date == "2017-04-12"
    assert doc.lang == "en"
    [title] = of_region(passages, "title")
    assert title.text == TITLE
    [dateline] = of_region(passages, "dateline")
    assert dateline.text == "12 أبريل، 2017"
    assert all(p.title == TITLE and p.date == "2017-04-12" for p in passages)


def test_sixteen_english_body_paragraphs_in_order(seed):
    src, _, passages = seed
    body = of_region(passages, "body")
    assert len(body) == 16
    assert all(p.lang == "en" for p in body)
    assert body[0].text.startswith("The recent agreement between leaders of ISIS")
    assert body[-1].text.endswith("strengthening al-Qaeda’s influence, once again.")
    starts = [p.start for p in body]
    assert starts == sorted(starts)
    # every body paragraph is a whole line of the source
    for p in body:
        assert src.text[p.start - 1] == "\n"
        assert src.text[p.end :].split("\n", 1)[0].strip() == ""


def test_sections_attached_to_paragraphs_under_headings(seed):
    _, _, passages = seed
    sections = [p.section for p in of_region(passages, "body")]
    assert sections == [None] * 3 + ["Obvious Retreat"] * 4 + ["Potential Paths"] * 3 + ["Direct Impact"] * 6


def test_headings_are_not_passages(seed):
    _, _, passages = seed
    texts = {p.text for p in passages}
    assert not texts & {"Obvious Retreat", "Potential Paths", "Direct Impact"}


def test_no_passage_mixes_header_and_article(seed):
    _, _, passages = seed
    for p in passages:
        if p.region in ("site-header", "boilerplate"):
            assert "ISIS" not in p.text
        else:
            assert "يكتب" not in p.text and "تكتب" not in p.text


def test_offsets_are_exact_and_ordered(seed):
    src, _, passages = seed
    assert [p.ordinal for p in passages] == list(range(len(passages)))
    for a, b in itertools.pairwise(passages):
        assert a.end <= b.start
    for p in passages:
        assert src.text[p.start : p.end] == p.text
        assert p.text == p.text.strip()


def test_passage_fields_are_valid(seed):
    _, doc, passages = seed
    for p in passages:
        assert p.region in REGIONS
        assert p.lang in LANGS
        assert p.doc_id == doc.id
        assert p.id == f"{doc.id}-{p.ordinal:04d}"
        assert p.norm
    assert doc.n_passages == len(passages)


def test_normalized_search_text(seed):
    _, _, passages = seed
    header = of_region(passages, "site-header")
    assert "عكاشه" in header[0].norm  # teh marbuta folded
    assert "اسراييل" in header[0].norm  # hamza on yeh folded, alef folded
    body = of_region(passages, "body")
    assert "hay'at tahrir al-sham" in body[0].norm
    assert "coalition's" in body[0].norm  # curly apostrophe folded


def test_ids_are_stable(seed):
    _, doc, passages = seed
    _, doc2, passages2 = processed(SEED)
    assert doc2.id == doc.id
    assert [p.id for p in passages2] == [p.id for p in passages]
