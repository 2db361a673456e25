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
