"""Tiered search on a small corpus: tier order, phrases as units, NOT, filters, explanations."""

from pathlib import Path

import pytest

from bicorpus.errors import QueryError
from bicorpus.index import SearchIndex
from bicorpus.model import TIERS


def ids(result) -> list[str]:
    return [h.passage_id for h in result.hits]


def tiers(result) -> list[str]:
    return [h.tier for h in result.hits]


def test_exact_hit_ranks_above_translit_and_alias(small_index: SearchIndex) -> None:
    result = small_index.search("Nusra")
    assert result.hits[0].passage_id == "d1:1"  # al-Nusra Front
    assert result.hits[0].tier == "exact"
    by_id = {h.passage_id: h.tier for h in result.hits}
    assert by_id["d1:0"] == "translit"  # جبهة النصرة
    assert by_id["d1:2"] == "translit"  # an-Nusrah
    assert tiers(result) == sorted(tiers(result), key=TIERS.index)
    assert result.total == 3


def test_arabic_query_finds_latin_spellings(small_index: SearchIndex) -> None:
    result = small_index.search("النصرة")
    assert ids(result)[0] == "d1:0"
    assert {h.passage_id: h.tier for h in result.hits} == {"d1:0": "exact", "d1:1": "translit",
                                                          "d1:2": "translit"}


def test_alias_tier_reaches_other_names_of_the_entity(small_index: SearchIndex) -> None:
    result = small_index.search("Daesh")
    by_id = {h.passage_id: h for h in result.hits}
    assert by_id["d1:2"].tier == "exact"
    assert by_id["d2:2"].tier == "translit"  # داعش
    assert by_id["d1:1"].tier == "alias"  # ISIS
    alias = [m for m in by_id["d1:1"].matches if m.tier == "alias"]
    assert [(m.text, m.entity, m.term) for m in alias] == [("ISIS", "isis", "Daesh")]
    assert ids(result)[-1] == "d1:1"


def test_stem_tier_for_ordinary_words(small_index: SearchIndex) -> None:
    result = small_index.search("negotiation")
    assert [(h.passage_id, h.tier) for h in result.hits] == [("d2:1", "exact"), ("d1:3", "stem")]
    stem_match = result.hits[1].matches[0]
    assert (stem_match.text, stem_match.tier) == ("negotiations", "stem")


def test_names_do_not_leak_through_the_stemmer(small_index: SearchIndex) -> None:
    assert ids(small_index.search("Muslims")) == []
    assert "d1:3" not in ids(small_index.search("Mosul"))  # "Muslim scholars"


def test_phrase_matches_as_a_unit(small_index: SearchIndex) -> None:
    result = small_index.search('"Eastern Ghouta"')
    assert ids(result) == ["d2:0"]
    assert [(m.text, m.tier) for m in result.hits[0].matches] == [("Eastern Ghouta", "exact")]
    assert ids(small_index.search('"Ghouta Eastern"')) == []
    # the words alone match a passage where they are apart
    assert ids(small_index.search("east Ghouta")) == ["d2:0"]


def test_two_word_arabic_name_matches_other_script_as_alias_unit(small_index: SearchIndex) -> None:
    result = small_index.search("جبهة النصرة")
    assert [(h.passage_id, h.tier) for h in result.hits][:2] == [("d1:0", "exact"), ("d1:1", "alias")]
    assert result.hits[0].matches[0].text == "جبهة النصرة"


def test_not_excludes_at_every_tier(small_index: SearchIndex) -> None:
    result = small_index.search("Mosul NOT Nusra")
    assert ids(result) == ["d2:1"]  # d1:0 (النصرة) and d1:2 (an-Nusrah) are excluded too


def test_or_and_parentheses(small_index: SearchIndex) -> None:
    assert set(ids(small_index.search("(Ghouta OR Cairo) NOT Mosul"))) == {"d2:0", "d1:3"}


def test_literal_escape_switches_off_name_expansion(small_index: SearchIndex) -> None:
    assert ids(small_index.search("=Nusra")) == ["d1:1"]
    assert ids(small_index.search("Nusra", exact=True)) == ["d1:1"]
    assert len(small_index.search("Nusra").hits) == 3


def test_filters_in_query_and_as_options(small_index: SearchIndex) -> None:
    assert ids(small_index.search("Nusra lang:ar")) == ["d1:0"]
    assert ids(small_index.search("Nusra", lang="ar")) == ["d1:0"]
    assert ids(small_index.search("Nusra", region="site-header")) == ["d1:0"]
    assert set(ids(small_index.search("Mosul", doc="d2"))) == {"d2:1"}
    assert set(ids(small_index.search("Mosul date:2018"))) == {"d2:1"}
    assert set(ids(small_index.search("Mosul", since="2018-01"))) == {"d2:1"}
    assert set(ids(small_index.search("Mosul", until="2017-04"))) == {"d1:2"}
    assert ids(small_index.search("Mosul", until="2017-03")) == []


def test_hit_fields(small_index: SearchIndex) -> None:
    hit = small_index.search("ISIS").hits[0]
    assert (hit.passage_id, hit.doc_id, hit.lang, hit.region, hit.section, hit.date) == (
        "d1:1", "d1", "en", "body", "analysis", "2017-04-12")
    assert hit.text.startswith("The agreement between ISIS")
    m = hit.matches[0]
    assert hit.text[m.start:m.end] == m.text == "ISIS"
    assert hit.score > 0


def test_limit_and_total(small_index: SearchIndex) -> None:
    result = small_index.search("Nusra", limit=1)
    assert len(result.hits) == 1 and result.total == 3
    assert result.hits[0].tier == "exact"


@pytest.mark.parametrize("query", ["the of and", "في من", "\u064b\u064c\u064d", "lang:ar", "NOT Mosul"])
def test_nothing_to_search_for(small_index: SearchIndex, query: str) -> None:
    with pytest.raises(QueryError, match="nothing to search for"):
        small_index.search(query)


def test_stopwords_are_dropped_from_word_queries_but_kept_in_phrases(small_index: SearchIndex) -> None:
    assert ids(small_index.search("the Mosul")) == ids(small_index.search("Mosul"))
    assert ids(small_index.search('"east of Damascus"')) == ["d2:0"]
    assert ids(small_index.search('"east Damascus"')) == []


def test_bad_options(small_index: SearchIndex) -> None:
    with pytest.raises(QueryError, match="--lang"):
        small_index.search("Mosul", lang="fr")
    with pytest.raises(QueryError, match="--since"):
        small_index.search("Mosul", since="last week")
    with pytest.raises(QueryError, match="limit"):
        small_index.search("Mosul", limit=0)


def test_show_passage_and_neighbours(small_index: SearchIndex) -> None:
    p = small_index.passage("d1:2")
    assert p is not None and p.doc_id == "d1" and p.ordinal == 2 and "an-Nusrah" in p.text
    before, after = small_index.neighbours("d1:2", 1)
    assert [x.id for x in before] == ["d1:1"] and [x.id for x in after] == ["d1:3"]
    assert small_index.passage("nope") is None
    assert len(small_index) == 7
    assert sorted(x.id for x in small_index.passages())[:2] == ["d1:0", "d1:1"]


def test_index_records_versions(small_index: SearchIndex) -> None:
    import json

    data = json.loads((Path(small_index.path) / "bicorpus.json").read_text())
    assert data["index_schema"] >= 1 and data["keys"] == 1 and data["passages"] == 7


def test_a_term_absent_from_the_index_empties_a_conjunction(small_index: SearchIndex) -> None:
    assert small_index.search("region:body Timbuktu").hits == []
    assert small_index.search("region:body Timbuktu").total == 0
    assert ids(small_index.search("Cairo NOT Timbuktu")) == ["d1:3"]
    assert set(ids(small_index.search("Cairo OR Timbuktu"))) == {"d1:3"}


@pytest.mark.parametrize("engine", ["tantivy", "whoosh"])
def test_passages_of_equal_score_come_in_passage_id_order_whatever_the_build_order(tmp_path: Path,
                                                                                  engine: str):
    """The same text in several documents scores the same everywhere: those hits come in one
    fixed order, not in the order the engine happened to store them."""
    from index_helpers import FAKE_NAMES, write_corpus

    from bicorpus.corpus import open_corpus
    from bicorpus.index import build_index, open_index
    from bicorpus.index.engine import set_index_engine

    same = ["Fighters of an-Nusrah advanced near Mosul.", "مقاتلو جبهة النصرة قرب الموصل"]
    order: dict[str, list[str]] = {}
    for name, ids in (("forward", ["d1", "d2", "d3", "d4"]), ("backward", ["d4", "d3", "d2", "d1"])):
        work = tmp_path / name
        corpus = write_corpus(work, {doc: list(same) for doc in ids})
        set_index_engine(work / "index", engine)
        build_index(open_corpus(corpus), work / "index", names=FAKE_NAMES)
        with open_index(work / "index", names=FAKE_NAMES) as ix:
            order[name] = [h.passage_id for h in ix.search("Mosul", limit=10).hits]
    assert order["forward"] == order["backward"]
    assert len(order["forward"]) == 8
    assert order["forward"][:4] == sorted(order["forward"][:4])  # one tier, one score: id order
