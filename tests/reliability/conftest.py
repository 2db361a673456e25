"""Fixtures of the reliability tests: small bilingual page sets and a corpus + index built from them.

The benchmark scripts live in ``bench/`` (not a package): the kill test reuses ``bench/killtest.py``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH_DIR = Path(__file__).resolve().parents[2] / "bench"
if str(BENCH_DIR) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR))

HEADER = ("أخبار المركز\n• سعيد عكاشة يكتب: (عنوان المقال {i})\n"
          "• د. محمد عز العرب يكتب: (دير الزور بعد داعش)\n\n")
BODY = ("Why did ISIS and al-Nusra strike a deal near Deir ez-Zor in {tag} {i}? The coalition prepares the "
        "battle for Raqqa while Daesh retreats. تقول المصادر إن جبهة النصرة انسحبت من دير الزور.")


def write_pages(folder: Path, n: int, tag: str) -> list[Path]:
    """``n`` small pages (an Arabic header, an English article with Arabic quotes) tagged ``tag``."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.txt"):
        old.unlink()
    paths = []
    for i in range(n):
        page = (HEADER.format(i=i) + f"Report {tag} {i}\n\n12 April 2017\n\n"
                + "\n\n".join(BODY.format(tag=tag, i=f"{i}.{j}") for j in range(3)) + "\n")
        path = folder / f"p{i:03d}.txt"
        path.write_text(page, "utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder (the current directory) with ``pages/`` of 6 pages."""
    monkeypatch.chdir(tmp_path)
    write_pages(tmp_path / "pages", 6, "A")
    return tmp_path


@pytest.fixture
def built(work: Path) -> Path:
    """``work`` with ``corpus/`` and ``index/`` ingested from ``pages/``."""
    from bicorpus.api import ingest

    ingest(["pages"], work / "corpus", index=work / "index")
    return work
