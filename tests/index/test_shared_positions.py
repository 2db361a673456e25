"""Tantivy's position fields (``form``, ``key``) written as text: the terms one word indexes at one
position (its exact, normalized and stemmed forms when they differ, its keys' variants) are joined
into one token that the field's analyzer splits back, so the index holds the same terms at the same
positions, with the same lengths and scores, as when every token is made in Python."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import tantivy
from index_helpers import write_corpus

from bicorpus.corpus import open_corpus
from bicorpus.errors import SearchIndexError
from bicorpus.index import build_index, open_index, parallel
from bicorpus.index import tantivy_engine as te
from bicorpus.index.analysis import analyze, default_names, row_words, shared_position_terms
from bicorpus.index.engine import PhraseQ, TermQ
from bicorpus.index.search import foreseen_terms, indexed_passage
from bicorpus.model import Passage

TEXTS = [
    "The fighters of al-Nuṣra entered Deir ez-Zor; the Fighters regrouped near Raqqa.",
    "Negotiations between the factions failed, and the negotiators organized fighters.",
    "قوات جبهة النصرة دخلت دير الزور، والمقاتلون في الرقّة.",
    "وقال المتحدث إن مقاتلي النصرة انسحبوا من الرقة",
    "Nusrah fighters and an-Nusra Front: the fighter of Nasser's town.",
    "Hamas and Homs, Hama and the Iraqi side of the Golan.",
]


def _passage(n: int, text: str) -> Passage:
    return Passage(id=f"d{n}-0000", doc_id=f"d{n}", ordinal=0, lang="mixed", region="body", text=text,
                   norm=text, start=0, end=len(text))


def _windows(passages: list) -> list[PhraseQ]:
    """Phrases of every field with positions, two and three words long, each slot taking every term
    the passage holds there (mixed tiers and key variants: Tantivy's regex phrases)."""
    out = []
    for p in passages:
        for field in te.POSITION_FIELDS:
            slots = p.terms[field]
            for size in (2, 3):
                out.extend(PhraseQ(field, tuple(slots[i:i + size])) for i in range(len(slots) - size + 1))
    return out


def _answers(engine: te.TantivyEngine, queries: list) -> list[list[tuple[str, float]]]:
    return [[(row["id"], round(score, 5)) for row, score in engine.search(q, limit=20)] for q in queries]


def test_text_fields_hold_the_terms_positions_and_scores_of_tokens_made_one_by_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    names = default_names()
    passages = [indexed_passage(_passage(n, text), names) for n, text in enumerate(TEXTS)]
    assert any(len(slot) > 1 for p in passages for slot in p.terms["form"])  # words at several tiers
    assert any(len(slot) > 1 for p in passages for slot in p.terms["key"])  # keys with variants
    as_text = te.TantivyEngine.create(tmp_path / "text")
    as_text.write(passages, clear=True, bulk=True)
    made = []
    real = te.Alternatives.text

    def seen(self: te.Alternatives, slots: list) -> str | None:
        made.append(real(self, slots))
        return made[-1]

    monkeypatch.setattr(te.Alternatives, "text", seen)
    as_text.write(passages, clear=True, bulk=True)
    assert made and all(text is not None for text in made)  # every field went as text
    monkeypatch.setattr(te.Alternatives, "text", lambda self, slots: None)  # every field pre-tokenized
    tokens = te.TantivyEngine.create(tmp_path / "tokens")
    tokens.write(passages, clear=True, bulk=True)
    monkeypatch.undo()

    searchers = [e._searcher() for e in (as_text, tokens)]
    for field in te.POSITION_FIELDS:
        held = [sorted(s.terms_with_prefix(field, "")) for s in searchers]
        assert held[0] == held[1] and held[0]
        assert not any(te.ALT_JOINER in term for term, _ in held[0])
    terms = [TermQ(field, term) for field in te.POSITION_FIELDS
             for term, _ in searchers[1].terms_with_prefix(field, "")]
    phrases = _windows(passages)
    assert sum(any(len(slot) > 1 for slot in q.slots) for q in phrases) > 10
    for queries in (terms, phrases):
        found = _answers(as_text, queries)
        assert found == _answers(tokens, queries)
        assert all(found)  # every phrase finds the passage it was read from
    as_text.close()
    tokens.close()


def test_a_phrase_matches_its_words_at_mixed_tiers(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path, {"d1": ["Three fighters of al-Nuṣra entered the town.",
                                            "The fighter of Nusra stayed home."]})
    build_index(open_corpus(corpus), tmp_path / "index")
    with open_index(tmp_path / "index") as ix:
        # fighter / fighters: the stem tier; al-Nusra / al-Nuṣra: the normalized tier
        result = ix.search('"fighter of al-Nusra"')
        assert result.total == 1  # "The fighter of Nusra" lacks the article
        (hit,) = result.hits
        assert hit.passage_id == "d1:0" and hit.tier == "stem"
        spans = [(m.text, m.tier, m.start, m.end) for m in hit.matches]
        assert spans == [("fighters of al-Nuṣra", "stem", 6, 26)]
        exact = ix.search('"fighters of al-Nuṣra"')
        assert [(h.passage_id, h.tier) for h in exact.hits] == [("d1:0", "exact")]
        assert [h.passage_id for h in ix.search('"Nusra stayed"').hits] == ["d1:1"]


def test_a_position_whose_terms_the_dictionary_lacks_is_left_to_tokens() -> None:
    alternatives = te.Alternatives()
    slots = [("the",), ("+fighters", ">fighter")]
    assert alternatives.text(slots) is None  # nothing registered yet
    alternatives.learn(["+fighters", ">fighter"])
    assert alternatives.text(slots) is None  # learnt, but not in the registered analyzer
    index = tantivy.Index(te._schema())
    alternatives.register(index)
    assert alternatives.text(slots) == "the +fighters\x1f>fighter"
    assert alternatives.text([("the",), ("+fighters", ">fighters")]) is None
    assert alternatives.text([("the",), ()]) is None  # a text would lose the empty position
    alternatives.learn(["nsr", "nsrh"])  # unmarked terms: a token of one could be split into them
    alternatives.register(index)
    assert alternatives.text([("nsr", "nsrh")]) is None


def test_an_index_whose_position_fields_take_tokens_only_asks_for_a_reindex(tmp_path: Path) -> None:
    path = tmp_path / "index"
    engine = te.TantivyEngine.create(path)
    engine.write([indexed_passage(_passage(0, TEXTS[0]), default_names())], clear=True, bulk=True)
    engine.close()
    meta = json.loads((path / "meta.json").read_text("utf-8"))
    for field in meta["schema"]:  # the layout before: raw position fields
        if field["name"] in te.POSITION_FIELDS:
            field["options"]["indexing"]["tokenizer"] = "raw"
    (path / "meta.json").write_text(json.dumps(meta), "utf-8")
    with pytest.raises(SearchIndexError, match="another layout: run `bicorpus reindex`"):
        te.TantivyEngine.open(path)


def test_the_words_of_raw_rows_foresee_every_shared_position_of_their_passages(tmp_path: Path) -> None:
    texts = [*TEXTS, 'A line\nBreaks "Quoted" words\tand\\slashes: Negotiators', "Fighters"]
    corpus = write_corpus(tmp_path, {"d1": texts})
    blocks = list(open_corpus(corpus).passage_shards(1)[0].raw_lines())
    words = row_words(blocks)
    assert {"Breaks", "Quoted", "words", "slashes", "Negotiators", "النصرة"} <= words
    assert "d1" not in words and "body" not in words  # ids and regions are not passage words
    names = default_names()
    foreseen = foreseen_terms(blocks, names)
    assert foreseen == shared_position_terms(words, names)
    for text in texts:
        terms = analyze(text, names).field_terms()
        for field in te.POSITION_FIELDS:
            for slot in terms[field]:
                if len(slot) > 1:
                    assert set(slot) <= foreseen, (text, slot)


def test_each_run_of_a_parallel_build_foresees_its_rows(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = write_corpus(tmp_path, {f"d{n}": [text] for n, text in enumerate(TEXTS * 3)})
    runs = open_corpus(corpus).passage_shards(4)
    rows = [len(b"".join(run.raw_lines()).splitlines()) for run in runs]
    assert rows == [len(list(run)) for run in runs] and sum(rows) == len(TEXTS) * 3
    build_index(open_corpus(corpus), tmp_path / "one")
    monkeypatch.setattr(parallel, "shard_count", lambda n: 4)
    monkeypatch.setattr(te, "default_workers", lambda: 2)
    build_index(open_corpus(corpus), tmp_path / "two")
    with open_index(tmp_path / "one") as one, open_index(tmp_path / "two") as two:
        for query in ('"fighters of al-Nusra"', "النصرة", '"دير الزور"', "negotiation", "Hamas"):
            answers = [[(h.passage_id, h.tier, round(h.score, 5)) for h in ix.search(query).hits]
                       for ix in (one, two)]
            assert answers[0] == answers[1] and answers[0], query
