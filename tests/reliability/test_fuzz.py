"""Property tests over every input parser: a result or one clear BicorpusError, never anything else.

The generators are those of ``bench/fuzz.py`` (the longer bounded fuzz run), driven here by
hypothesis so failures shrink to a small example."""

from __future__ import annotations

import random
from pathlib import Path

import fuzz
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bicorpus.errors import AliasFileError, SourceError
from bicorpus.layout import analyze
from bicorpus.normalize import normalize_text
from bicorpus.pipeline import process_document
from bicorpus.sources import decode_bytes, html_to_text_and_headings, read_source

SETTINGS = settings(max_examples=120, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])

#: Characters of every kind a scraped page mixes: Arabic letters and vowel marks, Latin, digits of
#: three scripts, controls, bidi and zero-width marks, emoji, combining marks, punctuation.
MIXED = st.text(alphabet=st.sampled_from("".join(fuzz.ALPHABETS)), max_size=400)
PIECES = st.lists(st.one_of(MIXED, st.sampled_from(fuzz.WORDS)), max_size=30).map(" ".join)


@SETTINGS
@given(raw=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".html"]))
def test_random_bytes_give_a_page_or_one_source_error(tmp_path: Path, raw: bytes, suffix: str) -> None:
    assert fuzz.check_source(raw, suffix, False, tmp_path)


@SETTINGS
@given(text=PIECES, suffix=st.sampled_from([".txt", ".html"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "windows-1256"]))
def test_mixed_script_pages_keep_the_offsets_contract(tmp_path: Path, text: str, suffix: str,
                                                      encoding: str) -> None:
    raw = text.encode(encoding, errors="replace")
    assert fuzz.check_source(raw, suffix, False, tmp_path)


@SETTINGS
@given(seed=st.integers(0, 10**6))
def test_hostile_html_never_leaks_script_style_or_attributes(tmp_path: Path, seed: int) -> None:
    html = fuzz.hostile_html(random.Random(seed))
    assert fuzz.check_source(html.encode("utf-8"), ".html", True, tmp_path) == "ok"


@SETTINGS
@given(soup=st.lists(st.sampled_from(fuzz.MARKUP) | MIXED, max_size=80).map("".join))
def test_broken_markup_gives_a_page_or_one_source_error(tmp_path: Path, soup: str) -> None:
    assert fuzz.check_source(soup.encode("utf-8"), ".html", False, tmp_path)


@settings(max_examples=25, deadline=None)
@given(depth=st.integers(1, 20000), seed=st.integers(0, 1000))
def test_deeply_nested_html(depth: int, seed: int) -> None:
    text, headings = html_to_text_and_headings(fuzz.nested_html(random.Random(seed), depth))
    analyze(text, headings)  # no recursion limit, no exception


@SETTINGS
@given(text=PIECES)
def test_layout_and_segmentation_accept_any_text(text: str) -> None:
    try:
        decoded, _ = decode_bytes(text.encode("utf-8"))
    except ValueError:
        return  # binary-looking text is refused earlier, with a SourceError
    layout = analyze(decoded)
    assert layout is not None


@SETTINGS
@given(text=PIECES)
def test_normalization_is_idempotent_and_bounded(text: str) -> None:
    assert fuzz.check_normalize(text) == "ok"
    assert normalize_text(normalize_text(text)) == normalize_text(text)


@SETTINGS
@given(seed=st.integers(0, 10**6))
def test_alias_files_load_or_fail_with_file_and_line(tmp_path: Path, seed: int) -> None:
    assert fuzz.check_alias(fuzz.alias_input(random.Random(seed)), tmp_path) in ("ok", "rejected")


def test_alias_file_is_data_not_code(tmp_path: Path) -> None:
    from bicorpus.names import Gazetteer

    marker = tmp_path / "executed"
    code = f"__import__('pathlib').Path({str(marker)!r}).touch()"
    path = tmp_path / "aliases.txt"
    path.write_text(f"[evil]\nen: {code}\nar: !!python/object/apply:os.system ['touch {marker}']\n", "utf-8")
    with pytest.raises(AliasFileError, match=r"aliases.txt:3: ar name .* is not in Arabic script"):
        Gazetteer.load([path])
    path.write_text(f"[evil]\nen: {code}\nar: دير الزور\n", "utf-8")
    gazetteer = Gazetteer.load([path])  # the code is only a (strange) name
    assert not marker.exists()
    assert gazetteer is not None


def test_huge_lines_are_split_into_passages(tmp_path: Path) -> None:
    line = ("ISIS retreats from Raqqa while جبهة النصرة holds دير الزور " * 40_000).strip()  # 2.4 MB
    page = tmp_path / "long.txt"
    page.write_text("Report\n\n" + line + "\n", "utf-8")
    src = read_source(page)
    _doc, passages = process_document(src)
    assert len(passages) > 100
    assert max(len(p.text) for p in passages) <= 1500
    assert all(src.text[p.start:p.end] == p.text for p in passages)


def test_bounded_fuzz_run_finds_nothing() -> None:
    figures = fuzz.run(inputs=30, seed=20170412, only=fuzz.TARGETS)
    assert figures["inputs"] == 30 * len(fuzz.TARGETS)
    assert figures["failures"] == 0, figures["targets"]


def test_a_violation_is_reported_not_hidden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import bicorpus.pipeline

    def broken(src, **kwargs):
        raise KeyError("layout bug")

    monkeypatch.setattr(bicorpus.pipeline, "process_document", broken)
    with pytest.raises(KeyError):
        fuzz.check_source("Raqqa النصرة\n".encode(), ".txt", False, tmp_path)
    with pytest.raises(SourceError):
        read_source(tmp_path / "missing.txt")
