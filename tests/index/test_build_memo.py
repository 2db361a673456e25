"""Repeated passages (boilerplate, datelines, header bullets) are analysed and tokenized once per
build: the same terms and the same index as when each is done afresh."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bicorpus.index.analysis import analyze, default_names, index_analysis
from bicorpus.index.engine import PhraseQ, TermQ
from bicorpus.index.search import indexed_passage
from bicorpus.index.tantivy_engine import TantivyEngine, TokenMemo, _pre_tokenized
from bicorpus.model import Passage

REPEATED = "اشترك في النشرة البريدية لمركز الدراسات — Subscribe to the Nusra Front newsletter"
OTHER = "Fighters of Jabhat al-Nusra entered Deir ez-Zor. قوات جبهة النصرة دخلت دير الزور."


def _passage(n: int, text: str) -> Passage:
    return Passage(id=f"d{n}-0000", doc_id=f"d{n}", ordinal=0, lang="mixed", region="boilerplate", text=text,
                   norm=text, start=0, end=len(text))


def test_a_repeated_text_gets_the_analysis_it_got_before() -> None:
    names = default_names()
    first = index_analysis(REPEATED, names)
    again = index_analysis(REPEATED, names)
    assert again is first
    words = analyze(REPEATED, names)
    assert first[0] == words.field_terms()
    assert any(slot for slot in first[0]["ent"])  # the gazetteer mention is there
    assert index_analysis(OTHER, names)[0] == analyze(OTHER, names).field_terms()


def test_token_memo_reuses_the_tokens_of_the_same_term_streams_only() -> None:
    memo = TokenMemo()
    terms = {"form": [("a",), ("b", "+b")], "key": []}
    made = memo.fields(terms)
    assert memo.fields(terms) is made
    assert [name for name, _ in made] == ["form"]
    equal_but_other = {"form": [("a",), ("b", "+b")], "key": []}
    assert memo.fields(equal_but_other) is not made
    changed = {"form": [("c",)], "key": []}
    ((name, tokens),) = memo.fields(changed)
    assert name == "form"
    assert [t.text for t in tokens.tokens] == [t.text for t in _pre_tokenized([("c",)]).tokens] == ["c"]


def test_an_index_of_repeated_passages_finds_each_of_them(tmp_path: Path) -> None:
    names = default_names()
    passages = [_passage(n, text) for n, text in enumerate([REPEATED, OTHER, REPEATED, REPEATED])]
    engine = TantivyEngine.create(tmp_path / "index")
    engine.write([indexed_passage(p, names) for p in passages], clear=True, bulk=True)
    form = analyze("Nusra Front newsletter", names).field_terms()["form"]
    phrase = PhraseQ("form", tuple(slot[:1] for slot in form))
    found = sorted(row["id"] for row, _ in engine.search(phrase, limit=10))
    assert found == ["d0-0000", "d2-0000", "d3-0000"]
    ids = sorted(row["id"] for row, _ in engine.search(TermQ("ent", "nusra"), limit=10))
    assert ids == ["d0-0000", "d1-0000", "d2-0000", "d3-0000"]
    engine.close()


#: Texts where the context rules decide: capitalized words opening a sentence or not, cue words
#: announcing a name before it (محافظة, city of) or after it (province), mentions of several words.
CONTEXT_TEXTS = (
    "Talks began • Talks ended: Talks resumed in the city of Reach and Reach province.",
    "محافظة درعا. قيادة جبهة النصرة في دير الزور، والقاعدة في مدينة الرقة",
    "The Islamic State (داعش) left Deir ez-Zor; ISIS and al-Qaeda. Homes between Hama and Homs",
    "",
    "— • —",
    "Reach said,Homs and  Homes\tHama;Talks (Raqqa) city Raqqa\nTalks",
)


def test_the_build_path_gives_the_terms_and_mentions_of_the_full_analysis() -> None:
    names = default_names()
    for text in CONTEXT_TEXTS:
        names._passages.clear()
        words = analyze(text, names)
        terms, mentions = index_analysis(text, names)
        assert terms == words.field_terms()
        assert mentions == " ".join(f"{m.start}:{m.end}:{m.entity}" for m in words.mentions)


def test_gazetteer_spans_are_its_mentions_without_the_objects() -> None:
    gazetteer = default_names().find.__self__
    for text in CONTEXT_TEXTS:
        tokens = text.replace("-", " ").replace(".", " ").split()
        found = gazetteer.find(tokens)
        assert gazetteer.find_spans(tokens) == [(m.start, m.end, m.entity_id) for m in found]
    assert gazetteer.find_spans("fighters of Jabhat al-Nusra".replace("-", " ").split())


def test_name_and_entity_terms_are_found_as_the_analysis_wrote_them(tmp_path: Path) -> None:
    names = default_names()
    text = "Hay'at Tahrir al-Sham and هيئة تحرير الشام left Deir ez-Zor; ISIS and Daesh stayed."
    terms, _ = index_analysis(text, names)
    engine = TantivyEngine.create(tmp_path / "index")
    engine.write([indexed_passage(_passage(0, text), names), indexed_passage(_passage(1, OTHER), names)],
                 clear=True, bulk=True)
    for field in ("name", "ent"):
        wanted = {term for slot in terms[field] for term in slot}
        assert wanted
        for term in wanted:
            assert engine.count(TermQ(field, term)) >= 1, (field, term)
        assert engine.count(TermQ(field, "zz-no-such-term")) == 0
    # a term is one term, not its parts: the words of a name joined are not each a term
    joined = next(t for slot in terms["name"] for t in slot if "_" in t)
    assert engine.count(TermQ("name", joined.split("_")[0])) == 0
    assert engine.count(TermQ("ent", "isis")) == 1  # ISIS and Daesh in one passage: one passage
    engine.close()


def test_an_index_whose_name_fields_were_not_split_at_whitespace_asks_for_a_reindex(tmp_path: Path) -> None:
    import tantivy

    from bicorpus.errors import SearchIndexError
    from bicorpus.index import tantivy_engine

    path = tmp_path / "index"
    engine = TantivyEngine.create(path)
    engine.write([indexed_passage(_passage(0, OTHER), default_names())], clear=True, bulk=True)
    engine.close()
    meta = json.loads((path / "meta.json").read_text("utf-8"))
    for field in meta["schema"]:  # the layout before: every text field raw
        if field["name"] in tantivy_engine.FREQ_FIELDS:
            field["options"]["indexing"]["tokenizer"] = "raw"
    (path / "meta.json").write_text(json.dumps(meta), "utf-8")
    tantivy.Index.open(str(path))  # still a sound Tantivy index
    with pytest.raises(SearchIndexError, match="another layout: run `bicorpus reindex`"):
        TantivyEngine.open(path)


def test_a_capitalized_word_is_a_name_unless_a_sentence_break_stands_before_it() -> None:
    # the build path looks only at the text just before each capitalized word: a space, a comma,
    # a tab or a bracket leave it a name (not stemmed), a full stop, a colon or a line break do not
    names = default_names()
    for gap, named in ((" ", True), (", ", True), ("\t", True), (" (", True), (",", True),
                       (". ", False), (": ", False), ("\n", False), ("; ", False), (" • ", False)):
        names._passages.clear()
        terms, _ = index_analysis(f"fighters said{gap}Talks", names)
        assert terms["form"][-1] == (("talks",) if named else ("+talks", ">talk")), gap
