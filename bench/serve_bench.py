"""Search latency of the web UI (``bicorpus serve``) against the same searches through the API.

    python bench/generate.py --pages 11000 --seed 7 --out WORK/pages
    (cd WORK && bicorpus ingest pages --engine tantivy)            # about 100,000 passages
    python bench/serve_bench.py --corpus WORK/corpus --index WORK/index --per-class 40

The server runs as ``bicorpus serve`` in its own process on a free loopback port, as a user
runs it; the bench sends one request at a time over a kept-alive connection and times it
end to end (HTTP, the search, rendering).  In the same run and for the same queries it times
``SearchIndex.search`` in this process (the direct API), the baseline the HTTP figures are
compared with.  Endpoints: ``/api/search`` (JSON, 10 hits) and ``/`` (the HTML results page,
20 hits).  Query texts come from bench/common.py's query set (names, cross-script, phrases,
terms, filtered).
"""

from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import BenchQuery, build_queries, latency_summary

import bicorpus

#: The UI's target: p95 of a search at 100,000 passages.
TARGET_P95_MS = 50.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _params(q: BenchQuery, limit: int | None = None) -> dict[str, Any]:
    params: dict[str, Any] = {"q": q.text}
    for name in ("lang", "region", "since"):
        if getattr(q, name):
            params[name] = getattr(q, name)
    if limit is not None:
        params["limit"] = limit
    return params


def _time(call: Any, queries: list[BenchQuery], warmup: int) -> tuple[dict[str, Any], list[float]]:
    for _ in range(warmup):
        for q in queries:
            call(q)
    seconds = []
    for q in queries:
        start = time.perf_counter()
        call(q)
        seconds.append(time.perf_counter() - start)
    return latency_summary(seconds), seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", required=True, type=Path)
    parser.add_argument("--index", required=True, type=Path)
    parser.add_argument("--per-class", type=int, default=40, help="queries of each class")
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--json", type=Path, help="write the report here too")
    args = parser.parse_args(argv)

    queries = build_queries(per_class=args.per_class)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-c", "from bicorpus.cli import main; main()", "serve",
                               "--index", str(args.index),
                               "--corpus", str(args.corpus), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=60) as http:
            deadline = time.monotonic() + 120
            while True:
                try:
                    http.get("/static/style.css")
                    break
                except httpx.TransportError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        raise SystemExit(f"server did not start: {server.stderr.read().decode()}") from None
                    time.sleep(0.2)

            def api(q: BenchQuery) -> None:
                r = http.get("/api/search", params=_params(q, 10))
                r.raise_for_status()

            def page(q: BenchQuery) -> None:
                r = http.get("/", params=_params(q))
                r.raise_for_status()

            with bicorpus.open_index(args.index) as ix:
                passages = len(ix)

                def direct(q: BenchQuery) -> None:
                    ix.search(q.text, limit=10, lang=q.lang, region=q.region, since=q.since)

                def direct20(q: BenchQuery) -> None:
                    ix.search(q.text, limit=20, lang=q.lang, region=q.region, since=q.since)

                # interleaved rounds so machine noise hits every column alike
                report: dict[str, Any] = {"passages": passages, "queries": len(queries)}
                for name, call in (("direct_api_10", direct), ("http_api_search_10", api),
                                   ("direct_api_20", direct20), ("http_html_page_20", page)):
                    report[name], _ = _time(call, queries, args.warmup)
    finally:
        server.terminate()
        server.wait(timeout=30)
    report["ratio_http_api_to_direct_p95"] = round(report["http_api_search_10"]["p95_ms"]
                                                   / report["direct_api_10"]["p95_ms"], 2)
    report["ratio_html_page_to_direct_p95"] = round(report["http_html_page_20"]["p95_ms"]
                                                    / report["direct_api_20"]["p95_ms"], 2)
    report["target_p95_ms"] = TARGET_P95_MS
    report["meets_target"] = report["http_html_page_20"]["p95_ms"] <= TARGET_P95_MS
    text = json.dumps(report, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
