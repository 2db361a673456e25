"""KWIC snippets keep both scripts in logical order and mark the matched spans."""

from bicorpus.index.snippet import kwic
from bicorpus.model import Match


def _match(text: str, word: str, tier: str = "exact") -> Match:
    start = text.index(word)
    return Match(term=word, text=word, start=start, end=start + len(word), tier=tier)


def test_marks_spans_in_arabic_and_english() -> None:
    text = "مقاتلو جبهة النصرة عبروا الحدود\nwhile al-Nusra fighters advanced"
    out = kwic(text, [_match(text, "النصرة"), _match(text, "Nusra")])
    assert out == "مقاتلو جبهة [[النصرة]] عبروا الحدود while al-[[Nusra]] fighters advanced"


def test_long_text_is_cut_around_matches_at_word_boundaries() -> None:
    text = " ".join(["filler"] * 40) + " Raqqa " + " ".join(["tail"] * 40)
    out = kwic(text, [_match(text, "Raqqa")], context=20)
    assert out.startswith("… filler") and out.endswith("tail …")
    assert "[[Raqqa]]" in out and len(out) < 80


def test_two_distant_matches_give_two_windows() -> None:
    text = "Mosul " + "x " * 100 + "Raqqa"
    out = kwic(text, [_match(text, "Mosul"), _match(text, "Raqqa")], context=10)
    assert out.startswith("[[Mosul]]") and out.endswith("[[Raqqa]]") and " … " in out


def test_custom_marks_and_no_matches() -> None:
    assert kwic("Deir al-Zour", [_match("Deir al-Zour", "Zour")], mark=("<", ">")) == "Deir al-<Zour>"
    assert kwic("short text", []) == "short text"
