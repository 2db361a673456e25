"""Phrase counting on Whoosh reads positions from the posting lists: checked against brute force."""

from __future__ import annotations

import itertools
from pathlib import Path

from bicorpus.corpus import open_corpus
from bicorpus.index import build_index, open_index
from bicorpus.index.analysis import analyze
from bicorpus.index.engine import PhraseQ


def _brute_force(terms_by_passage: list[list[tuple[str, ...]]], slots: tuple[tuple[str, ...], ...]) -> int:
    def at(stream: list[tuple[str, ...]], start: int) -> bool:
        return all(start + i < len(stream) and set(slot) & set(stream[start + i])
                   for i, slot in enumerate(slots))

    return sum(any(at(stream, s) for s in range(len(stream))) for stream in terms_by_passage)


def test_phrase_counts_match_brute_force(tmp_path: Path, small_corpus: Path, fake_names) -> None:
    corpus = open_corpus(small_corpus)
    streams = [analyze(p.text, fake_names).field_terms()["form"] for p in corpus.passages()]
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


def test_phrase_search_scores_as_whooshs_own_span_queries(tmp_path: Path, small_corpus: Path,
                                                          fake_names) -> None:
    """Phrases are checked by document sets, then scored as the conjunction of their words: the
    hits and scores are those of Whoosh's span queries over the same index."""
    from bicorpus.index.whoosh_engine import _Translator

    corpus = open_corpus(small_corpus)
    streams = [analyze(p.text, fake_names).field_terms()["form"] for p in corpus.passages()]
    build_index(corpus, tmp_path / "index", names=fake_names)
    phrases = [tuple(slot) for stream in streams for slot in itertools.pairwise(stream)][:25]
    phrases += [(a, b, c) for stream in streams
                for a, b, c in zip(stream, stream[1:], stream[2:], strict=False)][:10]
    with open_index(tmp_path / "index", names=fake_names) as ix:
        engine = ix._engine
        searcher = engine._searcher()
        compared = 0
        for slots in phrases:
            q = PhraseQ("form", slots)
            ours = [(row["id"], round(score, 6)) for row, score in engine.search(q, limit=50)]
            spans = searcher.search(_Translator(searcher.reader())(q), limit=50)
            theirs = [(hit["id"], round(hit.score, 6)) for hit in spans]
            assert sorted(ours) == sorted(theirs), slots
            compared += bool(ours)
        assert compared >= 20


def test_scores_from_posting_blocks_are_whooshs_bm25f(tmp_path: Path, small_corpus: Path, fake_names) -> None:
    """Terms, disjunctions, conjunctions and negations are scored from the posting blocks: the same
    passages and scores as Whoosh's own searcher gives for the translated query."""
    from bicorpus.index.engine import AllQ, AnyQ, NotQ, TermQ
    from bicorpus.index.whoosh_engine import _Translator

    corpus = open_corpus(small_corpus)
    streams = [analyze(p.text, fake_names).field_terms() for p in corpus.passages()]
    build_index(corpus, tmp_path / "index", names=fake_names)
    forms = sorted({t for s in streams for slot in s["form"] for t in slot})
    keys = sorted({t for s in streams for slot in s["key"] for t in slot})
    queries = [TermQ("form", t) for t in forms[:30]] + [TermQ("key", k) for k in keys[:10]]
    queries += [AnyQ((TermQ("form", a), TermQ("key", b))) for a, b in zip(forms[::3], keys, strict=False)]
    queries += [AllQ((TermQ("form", a), TermQ("form", b))) for a, b in itertools.pairwise(forms[:40])]
    queries += [AllQ((AnyQ((TermQ("form", a), TermQ("form", b))), NotQ(TermQ("form", c))))
                for a, b, c in zip(forms, forms[5:], forms[9:], strict=False)][:20]
    with open_index(tmp_path / "index", names=fake_names) as ix:
        engine = ix._engine
        searcher = engine._searcher()
        matched = 0
        for q in queries:
            ours = [(row["id"], round(score, 6)) for row, score in engine.search(q, limit=500)]
            theirs = [(hit["id"], round(hit.score, 6))
                      for hit in searcher.search(_Translator(searcher.reader())(q), limit=500)]
            assert ours == theirs, q
            matched += bool(ours)
        assert matched >= 40
