"""The page generator: deterministic for a seed, readable pages laid out like the scraped ones."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import generate
import pytest
from generate import generate_page, load_data, mutate_pages, mutated_indexes, page_name, write_pages

HEADER_LABELS = ("أخبار المركز", "Center News")
BULLET_RE = re.compile(r"^  • (?:د\. |Dr\. )?\S+(?: \S+)+ (?:يكتب:|تكتب:|writes:) \(.+\)$")
DATE_RES = {
    "en": re.compile(r"^[0-9]{1,2} [A-Z][a-z]+, [0-9]{4}$"),
    "ar": re.compile(r"^[0-9]{1,2} [\u0621-\u064a]+، [0-9]{4}$"),
    "levant": re.compile(
        r"^[0-9]{1,2} (?:كانون|تشرين|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول)[\u0621-\u064a ]*، [0-9]{4}$"
    ),
    "indic": re.compile(r"^[٠-٩]{1,2} [\u0621-\u064a]+، [٠-٩]{4}$"),
}
ARABIC_RE = re.compile(r"[\u0621-\u064a]")
LATIN_RE = re.compile(r"[A-Za-z]")


def blocks_of(page: str) -> list[str]:
    return [b for b in re.split(r"\n\s*\n", page) if b.strip()]


def date_form(line: str) -> str | None:
    for form in ("levant", "ar", "en", "indic"):
        if DATE_RES[form].match(line.strip()):
            return form
    return None


@pytest.fixture(scope="module")
def sample() -> list[str]:
    return [generate_page(11, i) for i in range(400)]


def test_same_seed_same_pages_other_seed_other_pages() -> None:
    assert [generate_page(3, i) for i in range(20)] == [generate_page(3, i) for i in range(20)]
    assert [generate_page(3, i) for i in range(20)] != [generate_page(4, i) for i in range(20)]
    assert generate_page(3, 5) != generate_page(3, 6)


def test_written_files_are_byte_identical_and_prefix_stable(tmp_path: Path) -> None:
    write_pages(tmp_path / "a", 12, seed=5)
    write_pages(tmp_path / "b", 30, seed=5)
    names_a = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names_a == [page_name(5, i) for i in range(12)]
    for name in names_a:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert len(list((tmp_path / "b").iterdir())) == 30


def test_file_names_look_like_scraped_pages() -> None:
    assert re.fullmatch(r"\d{6}_[0-9a-f]{16}\.txt", page_name(1, 42))
    assert page_name(1, 42).startswith("000042_")
    assert page_name(1, 42) != page_name(2, 42)


def test_pages_are_laid_out_like_the_sample(sample: list[str]) -> None:
    for page in sample:
        blocks = blocks_of(page)
        if blocks[0].splitlines()[0] in HEADER_LABELS:
            bullets = blocks[0].splitlines()[1:]
            assert 3 <= len(bullets) <= 5, blocks[0]
            assert all(BULLET_RE.match(b) for b in bullets), blocks[0]
            blocks = blocks[1:]
        title, date, *paragraphs = blocks
        assert "\n" not in title.strip() and len(title.strip()) > 5
        assert date_form(date), date
        assert paragraphs, page
        body = [p for p in paragraphs if len(p.split()) > 20]
        assert body and all(p.rstrip().endswith((".", "?", "؟", ")")) for p in body)


def test_mix_of_article_languages_headers_and_date_forms(sample: list[str]) -> None:
    langs = Counter()
    headers = Counter()
    dates = Counter()
    for page in sample:
        blocks = blocks_of(page)
        first = blocks[0].splitlines()[0]
        headers[first if first in HEADER_LABELS else None] += 1
        if first in HEADER_LABELS:
            blocks = blocks[1:]
        dates[date_form(blocks[1])] += 1
        body = " ".join(blocks[2:])
        langs["ar" if len(ARABIC_RE.findall(body)) > len(LATIN_RE.findall(body)) else "en"] += 1
    assert 0.6 < langs["en"] / len(sample) < 0.8
    assert headers["أخبار المركز"] > headers["Center News"] > 0 and headers[None] > 0
    assert set(dates) == {"en", "ar", "levant", "indic"}


def test_passages_per_page_in_the_target_range(sample: list[str]) -> None:
    # header bullets one each, title, date, then every blank-line block
    counts = []
    for page in sample:
        blocks = blocks_of(page)
        header = blocks[0].splitlines() if blocks[0].splitlines()[0] in HEADER_LABELS else []
        counts.append(len(header) + len(blocks) - (1 if header else 0))
    mean = sum(counts) / len(counts)
    assert 6 <= mean <= 11, mean


def test_names_appear_in_several_spellings_in_both_scripts(sample: list[str]) -> None:
    text = "\n".join(sample)
    data = load_data()
    by_id = {e.id: e for e in data.entities}
    for entity_id in ("nusra", "isis", "deir-ezzor", "raqqa"):
        entity = by_id[entity_id]
        latin = [s for s in entity.en if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text)]
        arabic = [s for s in entity.ar if s in text]
        assert len(latin) >= 2, (entity_id, latin)
        assert arabic, entity_id
    assert "دير الزور" in text and ("Deir ez-Zor" in text or "Deir al-Zour" in text)
    assert "النصرة" in text and "داعش" in text


def test_common_and_rare_names_follow_the_weights(sample: list[str]) -> None:
    text = "\n".join(sample)
    common = text.count("ISIS") + text.count("داعش")
    rare = text.count("Jund al-Aqsa") + text.count("جند الأقصى")
    assert common > 5 * rare


def test_pages_are_valid_utf8_files(tmp_path: Path) -> None:
    report = write_pages(tmp_path, 25, seed=9)
    files = sorted(tmp_path.iterdir())
    assert report.pages == 25 and len(files) == 25
    assert report.bytes == sum(f.stat().st_size for f in files)
    for path in files:
        text = path.read_bytes().decode("utf-8")
        assert text.endswith("\n") and "\ufffd" not in text


def test_mutation_rewrites_exactly_the_chosen_pages(tmp_path: Path) -> None:
    write_pages(tmp_path, 200, seed=2)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    changed = mutate_pages(tmp_path, 200, seed=2, fraction=0.05)
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert len(changed) == 10
    assert mutated_indexes(200, 2, 0.05) == mutated_indexes(200, 2, 0.05)
    differing = {name for name in before if before[name] != after[name]}
    assert differing == {p.name for p in changed}
    assert {page_name(2, i) for i in mutated_indexes(200, 2, 0.05)} == differing
    assert mutated_indexes(200, 2, 0.05, revision=2) != mutated_indexes(200, 2, 0.05)


def test_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert generate.main(["--pages", "7", "--seed", "3", "--out", str(tmp_path / "p")]) == 0
    assert len(list((tmp_path / "p").glob("*.txt"))) == 7
    assert "wrote 7 pages" in capsys.readouterr().out
    args = ["--pages", "7", "--seed", "3", "--out", str(tmp_path / "p")]
    assert generate.main([*args, "--mutate", "0.2"]) == 0
    assert "rewrote 1 of 7 pages" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        generate.main(["--pages", "0", "--out", str(tmp_path / "q")])
