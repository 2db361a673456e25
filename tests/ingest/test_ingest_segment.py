"""Passages: long paragraphs split at sentence boundaries, offsets always exact."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from ingest_helpers import SEED, of_region, processed

from bicorpus.layout import analyze
from bicorpus.segment import make_passages, sentence_ends, split_span

SENTENCES = [
    "ISIS withdrew from Qalamoun near Damascus.",
    "Dr. Smith met the U.S. envoy in Raqqa on Monday.",
    "Would the deal be a prelude to a merger?",
    "انسحب تنظيم داعش من القلمون قرب دمشق.",
    "هل يصمد اتفاق وقف النار بين الطرفين؟",
    "“It is a tactical retreat,” he said.",
]


def test_short_paragraph_is_one_span():
    text = "  One short paragraph.  "
    assert split_span(text, 0, len(text), 100) == [(2, 22)]


def test_split_at_sentence_boundaries():
    text = " ".join(SENTENCES * 4)
    spans = split_span(text, 0, len(text), 120)
    assert len(spans) > 1
    for s, e in spans:
        assert e - s <= 120
        chunk = text[s:e]
        assert chunk[-1] in ".?؟”", chunk  # every piece ends a sentence
    # nothing lost but the spaces between pieces
    assert " ".join(text[s:e] for s, e in spans) == text


def test_abbreviations_do_not_end_sentences():
    text = "Dr. Smith met the U.S. envoy. Then Mr. Jones left. A. Hamid stayed."
    ends = [text[:i] for i in sentence_ends(text, 0, len(text))]
    assert ends == ["Dr. Smith met the U.S. envoy.", "Dr. Smith met the U.S. envoy. Then Mr. Jones left."]


def test_arabic_question_mark_ends_a_sentence():
    text = "هل يصمد الاتفاق؟ لا أحد يعرف. ربما."
    assert [text[:i] for i in sentence_ends(text, 0, len(text))] == [
        "هل يصمد الاتفاق؟", "هل يصمد الاتفاق؟ لا أحد يعرف."]


def test_one_long_sentence_is_cut_at_a_space():
    text = ("word " * 100).strip()
    spans = split_span(text, 0, len(text), 100)
    assert all(e - s <= 100 for s, e in spans)
    assert all(text[s:e].split() == ["word"] * len(text[s:e].split()) for s, e in spans)
    assert " ".join(text[s:e] for s, e in spans) == text


def test_text_without_spaces_is_cut_at_the_limit():
    text = "x" * 1000
    assert split_span(text, 0, 1000, 300) == [(0, 300), (300, 600), (600, 900), (900, 1000)]


def test_seed_with_small_limit_splits_body_and_keeps_metadata():
    _, _, whole = processed_seed()
    _, _, small = processed_seed(max_passage_chars=300)
    body_whole, body_small = of_region(whole, "body"), of_region(small, "body")
    assert len(body_small) > len(body_whole) == 16
    assert all(len(p.text) <= 300 for p in body_small)
    assert {p.section for p in body_small} == {p.section for p in body_whole}
    assert [p.ordinal for p in small] == list(range(len(small)))


def processed_seed(**kwargs: object):
    return processed(SEED, **kwargs)


# Property: on any page built of header bullets, titles, dates and paragraphs in both scripts,
# every passage is exactly its slice of the text, passages do not overlap, and every non-blank
# character outside headings lands in exactly one passage.
_pieces = st.sampled_from([
    "أخبار المركز", "• سعيد عكاشة يكتب: (كوابح التصعيد)", "• د. أيمن سمير يكتب: (بين التوحد والتفكك)",
    "Why did ISIS and al-Nusra Front Strike a Deal?", "12 أبريل، 2017", "April 12, 2017",
    "Obvious Retreat", "Home | About Us", *SENTENCES, " ".join(SENTENCES), " ".join(SENTENCES[3:] * 5),
    "يَقُولُ الْكَاتِبُ إِنَّ مَدِينَةَ دِيرِ الزُّورِ تَقَعُ عَلَى نَهْرِ الْفُرَاتِ.",
])
_seps = st.sampled_from(["\n", "\n\n", "\n \n", "  \n\n\n"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_pieces, _seps), min_size=1, max_size=12), st.integers(60, 400))
def test_offsets_cover_the_page_exactly(parts, max_chars):
    text = "".join(p + s for p, s in parts)
    layout = analyze(text)
    passages = make_passages("d", text, layout, max_chars=max_chars)
    covered = [False] * len(text)
    for p in passages:
        assert text[p.start : p.end] == p.text
        assert p.text == p.text.strip() and p.text
        assert len(p.text) <= max(max_chars, 50)
        for i in range(p.start, p.end):
            assert not covered[i]
            covered[i] = True
    for h in layout.headings:
        for i in range(h.start, h.end):
            covered[i] = True
    assert all(covered[i] or text[i].isspace() for i in range(len(text)))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from("\n\n•.؟ :()يكتب"),
               max_size=400))
def test_any_text_goes_through(text):
    layout = analyze(text)
    passages = make_passages("d", text, layout, max_chars=60)
    for p in passages:
        assert text[p.start : p.end] == p.text and p.text.strip() == p.text and p.text


def test_sentence_end_pattern_starts_only_where_a_run_of_end_marks_starts():
    """Why a long run of dots is read in linear time: a match can start only at the first mark
    of a run (so a failed run is not tried again from each of its dots), and the run is taken
    whole (possessive: a failed lookahead is not retried with a shorter run)."""
    from bicorpus.segment import _SENTENCE_END_RE

    text = "Raqqa" + "." * 50 + " a" + "?!" + " Next"
    run_start, run_end = 5, 55
    assert all(_SENTENCE_END_RE.match(text, pos) is None for pos in range(run_start + 1, run_end))
    assert _SENTENCE_END_RE.match(text, run_start) is None  # lower case follows: not an end
    m = _SENTENCE_END_RE.match(text, run_end + 2)
    assert m is not None and m.group() == "?!"  # a whole run, then a capital: an end
    assert "++" in _SENTENCE_END_RE.pattern and _SENTENCE_END_RE.pattern.startswith("(?<![")


def test_a_run_of_dots_then_lower_case_is_one_passage_cut_at_the_limit():
    text = "." * 40_000 + " a"
    assert list(sentence_ends(text, 0, len(text))) == []
    spans = split_span(text, 0, len(text), 1500)
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")
