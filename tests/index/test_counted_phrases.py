"""Counting a phrase through fewer terms: a ``form`` slot's terms that another of its terms implies are
dropped, and the Tantivy count of a phrase with alternatives runs as a few plain phrases.  The
passages counted must be exactly the ones the phrase matches."""

from __future__ import annotations

from pathlib import Path

import pytest

from bicorpus.index import tantivy_engine
from bicorpus.index.analysis import default_names, index_analysis, word_info
from bicorpus.index.engine import IndexedPassage, PhraseQ, prune
from bicorpus.index.plan import essential_forms, implied_forms, plan_query
from bicorpus.index.query import parse_query

#: Words whose forms differ in every way the form terms tell apart (English stems, Arabic hamza,
#: taa marbuta and alef maqsura spellings, prefixes and suffixes, names and capitals).
WORDS = ("fighters", "fighter", "Fighters", "lines", "line", "closing", "close", "territory", "Officials",
         "al-Qa'ida", "Qaeda", "Straße", "İstanbul", "الأرياف", "الارياف", "ارياف", "حتى", "حتي", "الفترة",
         "الفتره", "مقاتليه", "مقاتل", "بدأ", "بدا", "كبيرة", "كبيره", "الأخير", "والحكومة", "لضغوط", "داعش")


@pytest.mark.parametrize("word", WORDS)
def test_a_term_implies_only_what_every_word_indexing_it_indexes_too(word: str) -> None:
    """Whatever a word's ``form`` terms (as an ordinary word or as a name), each term that implies
    others comes with one of them."""
    info = word_info(word, default_names())
    for terms in (info.plain_terms, info.name_terms):
        for term in terms:
            implied = implied_forms(term)
            if implied is not None:
                assert set(implied) & set(terms), (word, term, implied, terms)


def test_implied_forms() -> None:
    assert implied_forms("+fighters") == (">fighter",)
    assert implied_forms("~الارياف") == (">ارياف",)
    assert implied_forms("=الأرياف") == ("*الارياف", "~الارياف")
    assert implied_forms("=straße") is None  # a cased exact form: the word as written is not known
    assert implied_forms(">fighter") is None and implied_forms("*حتي") is None
    assert implied_forms("fighters") is None  # all three tiers in one term: another word's


def test_essential_forms_keep_one_term_per_word_kind() -> None:
    present = {"+fighters", ">fighter", "line", "+lines", ">line", "حتي", "=حتى", "*حتي",
               "+الارياف", "=الأرياف", "~الارياف", ">ارياف"}
    has = present.__contains__
    assert essential_forms(("+fighters", ">fighter"), has) == (">fighter",)
    assert essential_forms(("+fighters",), has) == ("+fighters",)  # its stem is not in the slot
    assert essential_forms(("line", "+lines", ">line"), has) == ("line", ">line")
    assert essential_forms(("حتي", "=حتى", "*حتي"), has) == ("حتي", "*حتي")
    assert essential_forms(("+الارياف", "=الأرياف", "~الارياف", ">ارياف"), has) == (">ارياف",)
    # ``=حتى`` might come with ``~حتي`` instead, and the index holds it: it stays
    assert essential_forms(("=حتى", "*حتي"), lambda t: t in present or t == "~حتي") == ("=حتى", "*حتي")


TEXTS = (
    "He spoke of fighters to the press.", "The fighter spoke of fighter to them.",
    "Reports of Fighters to come.", "They wrote of fighting to the end.", "Lines that cross.",
    "The line that held.", "A lined that way.", "حتى الأرياف البعيدة", "حتي الارياف القريبة",
    "وصلت حتى ارياف المدينة", "الأرياف حتى", "خلال الفترة المقبلة", "خلال الفتره المقبله",
    "خلال فترة المقبلة", "of the fighters", "fighters to of",
)
#: Phrases, and single words (whose form terms are alternatives of one query, not a phrase's slot).
PHRASES = ('"of fighters to"', '"lines that"', '"حتى الأرياف"', '"خلال الفترة المقبلة"', '"the fighter"',
           "fighters", "الأرياف", "حتى", "الفترة OR lines")


@pytest.fixture()
def engine(tmp_path: Path) -> tantivy_engine.TantivyEngine:
    found = tantivy_engine.TantivyEngine.create(tmp_path / "index")
    found.write(IndexedPassage(fields={"id": f"p{i}", "doc": "d", "text": text},
                               terms=index_analysis(text)[0]) for i, text in enumerate(TEXTS))
    yield found
    found.close()


@pytest.mark.parametrize("phrase", PHRASES)
@pytest.mark.parametrize("level", range(5))
def test_a_counted_phrase_counts_the_passages_its_search_finds(engine: tantivy_engine.TantivyEngine,
                                                               phrase: str, level: int) -> None:
    plan = plan_query(parse_query(phrase), default_names())
    query = prune(plan.at(min(level, plan.max_level)), engine.has_term)
    assert query is not None
    with engine.pinned():
        found = {row["id"] for row, _ in engine.search(query, limit=100)}
        assert engine.count(query) == len(found)
        assert engine.count_soon(query) is None or engine.count_soon(query)() == len(found)  # type: ignore[misc]


def test_a_counted_word_looks_up_fewer_terms(engine: tantivy_engine.TantivyEngine) -> None:
    plan = plan_query(parse_query("الأرياف"), default_names())
    stem_level = prune(plan.at(2), engine.has_term)
    with engine.pinned():
        searcher = engine._searcher()
        scored = repr(engine._translator(searcher)(stem_level))
        counted = repr(engine._translator(searcher, counting=True)(stem_level))
    assert "=الأرياف" in scored and "+الارياف" in scored
    assert "=الأرياف" not in counted and "+الارياف" not in counted and ">ارياف" in counted


def test_the_count_of_a_phrase_with_alternatives_needs_no_regex(engine: tantivy_engine.TantivyEngine) -> None:
    plan = plan_query(parse_query('"of fighters to"'), default_names())
    widest = prune(plan.at(plan.max_level), engine.has_term)
    # "Fighters" as a name (not stemmed), "fighter", and "fighters" with its stem
    assert isinstance(widest, PhraseQ) and widest.slots[1] == ("fighters", "fighter", "+fighters", ">fighter")
    with engine.pinned():
        searcher = engine._searcher()
        scored = engine._translator(searcher)(widest)
        counted = engine._translator(searcher, counting=True)(widest)
        assert "RegexPhraseQuery" in repr(scored)  # scores need every alternative
        assert "RegexPhraseQuery" not in repr(counted) and '"+fighters"' not in repr(counted)
        assert repr(counted).count("PhraseQuery") == 3  # fighters, fighter, >fighter
        assert engine.count(widest) == 3  # of fighters to, of fighter to, of Fighters to
    lines = prune(plan_query(parse_query('"lines that"'), default_names()).at(2), engine.has_term)
    assert isinstance(lines, PhraseQ) and lines.slots[0] == ("line", "+lines", ">line")
    with engine.pinned():
        counted = engine._translator(engine._searcher(), counting=True)(lines)
        assert "RegexPhraseQuery" not in repr(counted) and "BooleanQuery" in repr(counted)
        assert engine.count(lines) == 3  # Lines that, line that, lined that (its stem: line)
