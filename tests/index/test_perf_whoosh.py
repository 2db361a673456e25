"""Phrase counting on Whoosh reads positions from the posting lists: checked against brute force."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from bicorpus.corpus import open_corpus
from bicorpus.index import build_index, open_index
from bicorpus.index.analysis import analyze
from bicorpus.index.engine import PhraseQ, set_index_engine


def _brute_force(terms_by_passage: list[list[tuple[str, ...]]], slots: tuple[tuple[str, ...], ...]) -> int:
    def at(stream: list[tuple[str, ...]], start: int) -> bool:
        return all(start + i < len(stream) and set(slot) & set(stream[start + i])
                   for i, slot in enumerate(slots))

    return sum(any(at(stream, s) for s in range(len(stream))) for stream in terms_by_passage)


@pytest.mark.parametrize("engine_name", ["whoosh", "tantivy"])
def test_phrase_counts_match_brute_force(tmp_path: Path, small_corpus: Path, fake_names,
                                         engine_name: str) -> None:
    corpus = open_corpus(small_corpus)
    streams = [analyze(p.text, fake_names).field_terms()["form"] for p in corpus.passages()]
    set_index_engine(tmp_path / "index", engine_name)
    build_index(corpus, tmp_path / "index", names=fake_names)
    words = sorted({t for stream in streams for slot in stream for t in slot})[:40]
    phrases = [tuple(slot) for stream in streams for slot in itertools.pairwise(stream)][:30]
    phrases += [((a,), (b,)) for a, b in itertools.islice(itertools.permutations(words, 2), 60)]
    phrases += [(tuple(words[:3]), tuple(words[3:6]), tuple(words[6:9]))]
    with open_index(tmp_path / "index", names=fake_names) as ix:
        engine = ix._engine
        found = 0
        for slots in phrases:
            expected = _brute_force(streams, slots)
            assert engine.count(PhraseQ("form", slots)) == expected, slots
            found += bool(expected)
        assert found >= 20  # the adjacent pairs taken from the passages do occur


@pytest.fixture
def indexed_streams(tmp_path: Path, small_corpus: Path, fake_names):
    """The small corpus indexed with Whoosh: each passage's term streams, and the open index."""
    corpus = open_corpus(small_corpus)
    streams = [analyze(p.text, fake_names).field_terms() for p in corpus.passages()]
    set_index_engine(tmp_path / "index", "whoosh")
    build_index(corpus, tmp_path / "index", names=fake_names)
    with open_index(tmp_path / "index", names=fake_names) as ix:
        yield streams, ix._engine


def _same_as_whoosh(engine, queries, limit: int, ordered: bool = True) -> int:
    """Check that the engine's hits and scores are Whoosh's own for each query (translated for Whoosh's
    searcher); returns how many queries found something."""
    from bicorpus.index.whoosh_engine import _Translator

    searcher = engine._searcher()
    found = 0
    for q in queries:
        ours = [(row["id"], round(score, 6)) for row, score in engine.search(q, limit=limit)]
        theirs = [(hit["id"], round(hit.score, 6))
                  for hit in searcher.search(_Translator(searcher.reader())(q), limit=limit)]
        assert (ours if ordered else sorted(ours)) == (theirs if ordered else sorted(theirs)), q
        found += bool(ours)
    return found


def test_phrase_search_scores_as_whooshs_own_span_queries(indexed_streams) -> None:
    """Phrases are checked by document sets, then scored as the conjunction of their words: the
    hits and scores are those of Whoosh's span queries over the same index."""
    streams, engine = indexed_streams
    forms = [s["form"] for s in streams]
    phrases = [tuple(slot) for stream in forms for slot in itertools.pairwise(stream)][:25]
    phrases += [(a, b, c) for stream in forms
                for a, b, c in zip(stream, stream[1:], stream[2:], strict=False)][:10]
    assert _same_as_whoosh(engine, [PhraseQ("form", slots) for slots in phrases], 50, ordered=False) >= 20


def test_scores_from_posting_blocks_are_whooshs_bm25f(indexed_streams) -> None:
    """Terms, disjunctions, conjunctions and negations are scored from the posting blocks: the same
    passages and scores, in the same order, as Whoosh's own searcher gives for the translated query."""
    from bicorpus.index.engine import AllQ, AnyQ, NotQ, TermQ

    streams, engine = indexed_streams
    forms = sorted({t for s in streams for slot in s["form"] for t in slot})
    keys = sorted({t for s in streams for slot in s["key"] for t in slot})
    queries = [TermQ("form", t) for t in forms[:30]] + [TermQ("key", k) for k in keys[:10]]
    queries += [AnyQ((TermQ("form", a), TermQ("key", b))) for a, b in zip(forms[::3], keys, strict=False)]
    queries += [AllQ((TermQ("form", a), TermQ("form", b))) for a, b in itertools.pairwise(forms[:40])]
    queries += [AllQ((AnyQ((TermQ("form", a), TermQ("form", b))), NotQ(TermQ("form", c))))
                for a, b, c in zip(forms, forms[5:], forms[9:], strict=False)][:20]
    assert _same_as_whoosh(engine, queries, 500) >= 40


@pytest.mark.parametrize("positions", [[0], [5], [3, 9, 70000], list(range(0, 600, 7))])
def test_position_array_format_round_trips(positions: list[int]) -> None:
    """Postings keep their positions as 4-byte integers: Whoosh's phrase queries and ours read
    back what was written, and the frequency is their count."""
    from bicorpus.index.whoosh_engine import PositionArray, positions_of

    fmt = PositionArray()
    value = fmt.encode(positions)
    assert len(value) == 4 * len(positions)
    assert fmt.decode_positions(value) == positions == list(positions_of(value))
    assert fmt.decode_frequency(value) == len(positions)
    assert fmt.decode_position_boosts(value) == [(p, 1) for p in positions]
