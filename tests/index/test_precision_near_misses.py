"""Precision of name matching: names that share a consonant skeleton but are different names.

A page of near misses in both scripts (Nasser / Nusra / Nasr / Nasiriyah, Hamas / Homs / Hama,
Iraq / Iraqi / Raqqa, Mosul / Muslim, Sham / Shia) is ingested with the seed page by the real
pipeline.  For each query, the matched spans must include every snippet of its ``must`` list
and none of its ``never`` list (the way an extraction benchmark lists the snippets that must
and must not appear).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from index_helpers import seed_with_page

import bicorpus
from bicorpus.model import TIERS

ROOT = Path(__file__).resolve().parents[2]

NEAR_MISS_PAGE = """Names that look alike

Gamal Abdel Nasser led Egypt until 1970, and the crowds in Cairo chanted for Nasser.

Fighters of al-Nusra and the an-Nusrah Front were reported near Idlib.

Hamas leaders met in Gaza while Homs stayed quiet.

The road from Hama to Aleppo reopened.

Muslim clerics met Shia militias in Mosul, far from the Sham of old maps.

Iraqi officials said Iraq would reopen the road to Raqqa.

A column reached Nasiriyah; the Nasr brigade held the bridge.

قاد جمال عبد الناصر مصر حتى عام 1970.

قاتلت جبهة النصرة قرب إدلب.

اجتمع قادة حماس في غزة بينما بقيت حمص هادئة.

أعيد فتح الطريق من حماة إلى حلب.

اجتمع رجال دين مسلمون وميليشيات شيعية في الموصل.

قال مسؤولون عراقيون إن العراق سيفتح الطريق إلى الرقة.
"""

#: query → (snippets that must be matched, snippets that must never be matched)
CASES: dict[str, tuple[set[str], set[str]]] = {
    "Nasser": ({"Nasser", "الناصر"}, {"Nusra", "Nusrah", "النصرة", "Nasr", "Nasiriyah"}),
    "Nusra": ({"Nusra", "Nusrah", "النصرة"}, {"Nasser", "الناصر", "Nasr", "Nasiriyah"}),
    "an-Nusrah": ({"Nusra", "an-Nusrah", "النصرة"}, {"Nasser", "Nasr", "Nasiriyah"}),
    "النصرة": ({"Nusra", "Nusrah", "النصرة"}, {"Nasser", "Nasr"}),
    "Nasr": ({"Nasr"}, {"Nasser", "Nusra", "Nusrah", "النصرة"}),
    "Nasiriyah": ({"Nasiriyah"}, {"Nasser", "Nusra", "Nasr"}),
    "Hamas": ({"Hamas", "حماس"}, {"Homs", "Hama", "حماة"}),
    "حماس": ({"Hamas", "حماس"}, {"Hama", "حماة"}),
    "Homs": ({"Homs", "حمص"}, {"Hamas", "Hama", "حماة"}),
    "Hama": ({"Hama", "حماة"}, {"Hamas", "Homs", "حماس", "حمص"}),
    "حماة": ({"Hama", "حماة"}, {"Hamas", "Homs", "حماس", "حمص"}),
    "Iraq": ({"Iraq", "العراق"}, {"Iraqi", "عراقيون", "Raqqa", "الرقة"}),
    "العراق": ({"Iraq", "العراق"}, {"Iraqi", "Raqqa", "الرقة"}),
    "Iraqi": ({"Iraqi"}, {"Iraq", "العراق"}),
    "Raqqa": ({"Raqqa", "الرقة"}, {"Iraq", "Iraqi", "العراق"}),
    "Mosul": ({"Mosul", "الموصل"}, {"Muslim", "مسلمون"}),
    "الموصل": ({"Mosul", "الموصل"}, {"Muslim", "مسلمون"}),
    "Muslim": ({"Muslim"}, {"Mosul", "الموصل"}),
    "Sham": ({"Sham"}, {"Shia", "شيعية"}),
}


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory):
    index_dir = seed_with_page(tmp_path_factory.mktemp("near"), "near_misses.txt", NEAR_MISS_PAGE)
    with bicorpus.open_index(index_dir) as ix:
        yield ix


def matched(ix: bicorpus.SearchIndex, query: str) -> dict[str, set[str]]:
    """Every matched span text of the query's hits, with the tiers it matched at."""
    result = ix.search(query, limit=100)
    tiers = [h.tier for h in result.hits]
    assert tiers == sorted(tiers, key=TIERS.index), f"{query}: hits out of tier order"
    spans: dict[str, set[str]] = {}
    for hit in result.hits:
        assert hit.matches, f"{query}: {hit.passage_id} matched without an explanation"
        for m in hit.matches:
            spans.setdefault(m.text, set()).add(m.tier)
    return spans


@pytest.mark.parametrize("query", sorted(CASES))
def test_near_misses(index: bicorpus.SearchIndex, query: str) -> None:
    must, never = CASES[query]
    spans = matched(index, query)
    assert must <= spans.keys(), f"{query}: missing {must - spans.keys()} (found {sorted(spans)})"
    assert not never & spans.keys(), f"{query}: matched {never & spans.keys()}"


def test_the_page_is_indexed_so_never_lists_are_not_vacuous(index: bicorpus.SearchIndex) -> None:
    for snippets in CASES.values():
        for snippet in snippets[1]:
            assert index.search(f"={snippet}").hits, snippet


def test_seed_nasser_finds_nothing_of_nusra(index: bicorpus.SearchIndex) -> None:
    hits = index.search("Nasser", limit=100).hits
    assert hits and all("Nasser" in h.text or "الناصر" in h.text for h in hits)
    assert all("Nusra" not in {m.text for m in h.matches} for h in hits)


def test_cross_script_spellings_still_translit(index: bicorpus.SearchIndex) -> None:
    """Arabic omits short vowels: Latin and Arabic spellings of one name still meet at translit."""
    for query, arabic in (("Nasser", "الناصر"), ("Hama", "حماة"), ("Mosul", "الموصل"), ("Iraq", "العراق")):
        assert "translit" in matched(index, query)[arabic], (query, arabic)
        assert "translit" in matched(index, arabic)[query], (arabic, query)


def test_latin_spellings_with_the_same_vowel_places_still_meet(index: bicorpus.SearchIndex) -> None:
    assert matched(index, "an-Nusrah")["Nusra"] == {"translit"}
    assert matched(index, "al-Nusra")["Nusrah"] == {"translit"}
    assert matched(index, "Nusra")["Nusrah"] == {"translit"}


def test_exact_hits_rank_above_every_translit_hit(index: bicorpus.SearchIndex) -> None:
    hits = index.search("Iraq", limit=100).hits
    tiers = [h.tier for h in hits]
    assert "exact" in tiers and "translit" in tiers
    assert max(i for i, t in enumerate(tiers) if t == "exact") < min(i for i, t in enumerate(tiers)
                                                                     if t == "translit")
