"""Reading web archives: warcio against FastWARC, and the share reading takes of an ingest.

Builds a crawl with warcio's writer (a request and an HTML response per page, some with chunked and
gzip-encoded bodies as wget stores them), then times in one run: iterating the records and reading
the page bodies with warcio and with FastWARC (when installed), bicorpus's reader
(``read_warc``: records, decoding, HTML to text), and a whole ``ingest`` of the archive.  Each
figure is also given as a ratio to warcio's reading time measured in the same run.

    python bench/warc_read.py [--pages 2000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import gzip
import io
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

PARA = ("<p>بسطت هيئة تحرير الشام سيطرتها على مدينة إدلب بعد انسحاب حركة أحرار الشام. "
        "Hay'at Tahrir al-Sham took Idlib after Ahrar al-Sham withdrew.</p>\n")


def build(path: Path, pages: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(pages):
            url = f"https://example.org/news/{i}"
            body = f"<html><body><h1>Idlib {i}</h1>{PARA * (5 + i % 20)}</body></html>".encode()
            request = io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            writer.write_record(writer.create_warc_record(url, "request", payload=request))
            fields = [("Content-Type", "text/html; charset=utf-8")]
            if i % 2:  # as a server sent it and wget stored it
                body = gzip.compress(body)
                body = b"%x\r\n" % len(body) + body + b"\r\n0\r\n\r\n"
                fields += [("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")]
            headers = StatusAndHeaders("200 OK", fields, protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


def read_warcio(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    with open(path, "rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_type == "response":
                n += len(record.content_stream().read())
    return n


def read_fastwarc(path: Path) -> int:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    n = 0
    with open(path, "rb") as fh:
        for record in ArchiveIterator(fh, record_types=WarcRecordType.response, parse_http=True):
            n += len(record.reader.read())  # still chunked and compressed when the server sent it so
    return n


def read_bicorpus(path: Path) -> int:
    from bicorpus.readers.warc import read_warc

    return len(read_warc(path, max_bytes=2**25).pages)


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    from bicorpus.pipeline import ingest

    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "crawl.warc.gz"
        build(warc, args.pages)
        rows = {"warcio: records + bodies": best(lambda: read_warcio(warc), args.repeat)}
        try:
            rows["fastwarc: records + raw bodies"] = best(lambda: read_fastwarc(warc), args.repeat)
        except ImportError:
            print("FastWARC is not installed: not measured")
        rows["bicorpus read_warc (decode, HTML to text)"] = best(lambda: read_bicorpus(warc), args.repeat)
        corpus = Path(tmp) / "corpus"
        rows["bicorpus ingest (no index), first run"] = best(lambda: ingest([warc], corpus), 1)
        base = rows["warcio: records + bodies"]
        print(f"{args.pages} pages, {warc.stat().st_size / 2**20:.1f} MB archive")
        for label, seconds in rows.items():
            print(f"{label:45} {seconds:8.3f} s  {seconds / base:6.2f}x warcio")
    return 0


if __name__ == "__main__":
    sys.exit(main())
