"""Page sets for the reliability tests (a uniquely named module: conftest imports clash across folders)."""

from __future__ import annotations

from pathlib import Path

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
