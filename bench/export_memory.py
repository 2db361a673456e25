"""Peak memory and speed of `bicorpus export` on a generated corpus, per format.

    python bench/export_memory.py                       # 20k and 200k passages, every format
    python bench/export_memory.py --passages 200000 --formats csv,tei --json export-mem.json

A corpus of N passages (about 25 per document, Arabic header bullets, English and Arabic
body paragraphs, mixed passages) is written straight to a corpus folder (cached under
``--work``).  Each export then runs in its own fresh process, which reports its own peak
RSS (``resource.getrusage``), so figures never mix.  A ``read`` row streams the corpus
without writing anything: the floor every export starts from.  If exports stream, the peak
stays flat when N grows tenfold.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

FORMATS = ("jsonl", "csv", "tsv", "tei", "vertical", "txt", "parquet")
PASSAGES_PER_DOC = 25

BULLETS = [
    ("سعيد عكاشة", None, "كوابح التصعيد: هل يصمد اتفاق وقف النار بين إسرائيل ولبنان بعد رحيل الأسد؟"),
    ("نشوى عبد النبي", None, "السفن التجارية \"النووية\": الجهود الصينية والكورية الجنوبية"),
    ("أيمن سمير", "د.", "بين التوحد والتفكك: المسارات المُحتملة للانتقال السوري في مرحلة ما بعد الأسد"),
    ("رشا مصطفى عوض", "د.", "صعود قياسي: التأثيرات الاقتصادية لأجندة ترامب للعملات المشفرة في آسيا"),
    ("إيمان الشعراوي", None, "الفجوة الرقمية: حدود استفادة إفريقيا من قمة فرنسا للذكاء الاصطناعي 2025"),
]
EN = [
    "The recent agreement between leaders of ISIS and Hay'at Tahrir al-Sham came as a surprising step.",
    "ISIS would withdraw its elements from the eastern fronts to open the way for al-Nusra fighters "
    "to advance to the Eastern Ghouta region, which is strategically important for Damascus.",
    "According to information leaked from commanders of the Syrian Democratic Forces, ISIS has started "
    "to smuggle its elements and their families to Deir al-Zour.",
    "The perceived path of withdrawal goes through Badiyat al-Sham, from southern Raqqa to al-Bukamal.",
]
AR = [
    "قال الدكتور محمد إنّ «داعش» انسحب من دير الزور ثمّ عاد إلى البادية السورية في الأسابيع الأخيرة.",
    "تسعى جبهة النصرة إلى توسيع نفوذها في الغوطة الشرقية بعد الاتفاق مع تنظيم الدولة.",
    "وتشير المعلومات إلى أن المفاوضات بين الطرفين بدأت في فبراير 2017 برعاية أطراف إقليمية.",
]
MIXED = ["ISIS has started to smuggle its elements to Deir al-Zour (دير الزور), near النصرة positions."]


def _passage(doc_id: str, ordinal: int, rng: random.Random, title: str, date: str) -> dict[str, Any]:
    from bicorpus.normalize import detect_lang, normalize_text

    meta: dict[str, Any] = {"title": title, "date": date}
    if ordinal < 4:
        region = "site-header"
        author, honorific, linked = rng.choice(BULLETS)
        prefix = f"{honorific} " if honorific else ""
        text = f"• {prefix}{author} يكتب: ({linked})"
        meta.update(author=author, honorific=honorific, linked_title=linked)
    elif ordinal == 4:
        region, text = "title", title
    else:
        region = "body"
        text = " ".join(rng.choice(rng.choice((EN, EN, AR, MIXED))) for _ in range(rng.randint(1, 2)))
        meta["section"] = "Direct Impact" if ordinal > 15 else None
    lang, shares = detect_lang(text)
    return {
        "id": f"{doc_id}-{ordinal:04d}", "doc_id": doc_id, "ordinal": ordinal, "lang": lang,
        "region": region, "text": text, "norm": normalize_text(text), "start": ordinal * 400,
        "end": ordinal * 400 + len(text), "lang_share": shares, **meta,
    }


def generate_corpus(path: Path, passages: int, seed: int = 7) -> Path:
    """Write a corpus of ``passages`` passages to ``path`` (streamed, nothing held in memory)."""
    if (path / "manifest.json").exists():
        return path
    from bicorpus.model import SCHEMA_VERSION

    rng = random.Random(seed)
    tmp = path.with_name(path.name + ".part")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    n_docs = (passages + PASSAGES_PER_DOC - 1) // PASSAGES_PER_DOC
    with (tmp / "documents.jsonl").open("w", encoding="utf-8") as docs, (tmp / "passages.jsonl").open(
        "w", encoding="utf-8"
    ) as out:
        written = 0
        for d in range(n_docs):
            doc_id = f"{d:08x}{rng.getrandbits(32):08x}"
            count = min(PASSAGES_PER_DOC, passages - written)
            title = rng.choice(EN)[:60]
            date = f"20{rng.randint(10, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            doc = {"id": doc_id, "path": f"pages/{doc_id}.txt", "size": 9000, "encoding": "utf-8",
                   "sha256": f"{d:064x}", "format": "txt", "title": title, "date": date, "lang": "mixed",
                   "n_passages": count, "mtime": 1700000000.0 + d}
            docs.write(json.dumps(doc, ensure_ascii=False) + "\n")
            for ordinal in range(count):
                out.write(json.dumps(_passage(doc_id, ordinal, rng, title, date), ensure_ascii=False) + "\n")
            written += count
    (tmp / "manifest.json").write_text(
        json.dumps({"schema_version": SCHEMA_VERSION, "documents": n_docs, "passages": passages}), "utf-8"
    )
    tmp.rename(path)
    return path


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def child(fmt: str, corpus: Path, out_dir: Path) -> dict[str, Any]:
    """Run one export (or ``read``: stream the corpus only) in this process and measure it."""
    from bicorpus.corpus import open_corpus
    from bicorpus.export import export_corpus, iter_documents

    base = _peak_rss_mb()
    start = time.perf_counter()
    if fmt == "read":
        n = sum(len(ps) for _, ps in iter_documents(open_corpus(corpus)))
        size = 0
    else:
        target = out_dir / f"export.{fmt}"
        report = export_corpus(corpus, fmt, target, force=True, card=False)
        n = report.stats.passages
        size = sum(f.stat().st_size for f in report.files)
    seconds = time.perf_counter() - start
    return {"format": fmt, "passages": n, "seconds": round(seconds, 2),
            "passages_per_s": round(n / seconds) if seconds else None,
            "peak_rss_mb": round(_peak_rss_mb(), 1), "rss_after_import_mb": round(base, 1),
            "output_mb": round(size / 2**20, 1)}


def run(passages: list[int], formats: list[str], work: Path) -> list[dict[str, Any]]:
    results = []
    for n in passages:
        corpus = generate_corpus(work / f"corpus-{n}", n)
        corpus_mb = sum(f.stat().st_size for f in corpus.iterdir()) / 2**20
        print(f"\n{n:,} passages (corpus {corpus_mb:.0f} MB)")
        print(f"{'format':<10}{'seconds':>9}{'pass/s':>9}{'peak RSS MB':>13}{'output MB':>11}")
        for fmt in ["read", *formats]:
            out_dir = work / f"out-{n}"
            out_dir.mkdir(exist_ok=True)
            proc = subprocess.run(
                [sys.executable, __file__, "--child", fmt, "--corpus", str(corpus), "--out", str(out_dir)],
                capture_output=True, text=True, check=False,
            )
            if proc.returncode:
                print(f"{fmt:<10} failed: {proc.stderr.strip().splitlines()[-1:]}")
                continue
            row = json.loads(proc.stdout)
            row["corpus_passages"] = n
            results.append(row)
            print(f"{fmt:<10}{row['seconds']:>9}{row['passages_per_s']:>9}{row['peak_rss_mb']:>13}"
                  f"{row['output_mb']:>11}")
            shutil.rmtree(out_dir, ignore_errors=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--passages", default="20000,200000", help="comma-separated corpus sizes")
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--work", default="/tmp/bicorpus-export-bench", type=Path)
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.corpus, args.out)))
        return
    args.work.mkdir(parents=True, exist_ok=True)
    results = run([int(n) for n in args.passages.split(",")], args.formats.split(","), args.work)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
