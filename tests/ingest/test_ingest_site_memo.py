"""The site pass remembers each text file's edges beside the corpus: a re-ingest reads again only
the files whose size or time changed, and a damaged or foreign memo is only a slower run."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from bicorpus import layout_site
from bicorpus.corpus import open_corpus
from bicorpus.layout_site import EDGES_FILE, load_memo
from bicorpus.pipeline import INGEST_VERSION, ingest

CHROME = ["مركز المستقبل للأبحاث", "Home | About | Contact", "© 2017 Future Center"]


def write_site(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        body = (f"Report {i}: the battle for Raqqa and Deir ez-Zor, number {i}, as the coalition "
                f"prepares and Daesh retreats along the Euphrates valley towards the border.")
        text = "\n".join([CHROME[0], CHROME[1], f"Raqqa after the battle {i}", "12 April 2017",
                          body, f"تقول المصادر إن جبهة النصرة انسحبت من دير الزور في الحالة {i} بعد المعارك.",
                          CHROME[2]])
        (folder / f"p{i:02d}.txt").write_text(text + "\n", "utf-8")


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write_site(tmp_path / "pages", 6)
    return tmp_path


def counting_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    reads: list[str] = []
    real = layout_site.read_edges

    def read_edges(path: Path) -> str:
        reads.append(path.name)
        return real(path)

    monkeypatch.setattr(layout_site, "read_edges", read_edges)
    return reads


def passages() -> list[tuple[str, str]]:
    return sorted((p.text, p.region) for p in open_corpus("corpus").passages())


def test_a_reingest_reads_the_edges_of_changed_files_only(work: Path, monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    assert ingest(["pages"], "corpus").ok
    memo = load_memo(work / "corpus", str(INGEST_VERSION))
    assert len(memo.pages) == 6
    before = passages()
    assert ("© 2017 Future Center", "boilerplate") in before  # the site's repeated line
    reads = counting_reads(monkeypatch)
    page = work / "pages" / "p03.txt"
    text = page.read_text("utf-8").replace("Raqqa after the battle 3", "Deir ez-Zor after the siege")
    page.write_text(text, "utf-8")
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 10**9))
    report = ingest(["pages"], "corpus")
    assert reads == ["p03.txt"] and len(report.changed) == 1
    assert ("Deir ez-Zor after the siege", "title") in passages()
    reads.clear()
    again = ingest(["pages"], "corpus")
    assert reads == [] and not again.written


def test_a_damaged_or_foreign_memo_is_read_again_from_the_files(work: Path, monkeypatch: pytest.MonkeyPatch
                                                                ) -> None:
    assert ingest(["pages"], "corpus").ok
    expected = passages()
    memo_file = work / "corpus" / EDGES_FILE
    header = json.dumps({"version": str(INGEST_VERSION)})
    for damage in ('{"version": "0"}\n', header + '\n["x", 1]\n', header + '\n["x", 1, 2, "s", [3], []]\n',
                   "not json", ""):
        memo_file.write_text(damage, "utf-8")
        with monkeypatch.context() as patch:
            reads = counting_reads(patch)
            assert ingest(["pages"], "corpus").ok
        assert sorted(reads) == [f"p{i:02d}.txt" for i in range(6)]  # no usable memo: every file read
        assert passages() == expected
        assert memo_file.read_text("utf-8").startswith(header + "\n")


def test_a_fifo_in_place_of_the_memo_is_not_opened(work: Path) -> None:
    assert ingest(["pages"], "corpus").ok
    memo_file = work / "corpus" / EDGES_FILE
    memo_file.unlink()
    os.mkfifo(memo_file)  # opening it for reading would wait for a writer forever
    assert load_memo(work / "corpus", str(INGEST_VERSION)).pages == {}
