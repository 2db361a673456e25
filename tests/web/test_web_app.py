"""The web UI without a browser: same JSON as the CLI, escaping, read-only, errors, pagination."""

from __future__ import annotations

import html
import json
import threading
from pathlib import Path

import httpx2
import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient
from web_helpers import build, running_server

import bicorpus
from bicorpus.cli import main
from bicorpus.web import create_app


@pytest.fixture(scope="module")
def client(workbench):
    corpus, index = workbench
    with TestClient(create_app(index, corpus)) as c:
        yield c


def _cli(*args: str) -> str:
    """What the command prints, byte for byte (CSV rows end in CRLF)."""
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout_bytes.decode("utf-8")


def test_api_returns_the_cli_json(client, workbench):
    corpus, index = workbench
    ix = ["--index", str(index)]
    assert client.get("/api/search", params={"q": "النصرة", "limit": 5}).json() == json.loads(
        _cli("search", "النصرة", "--limit", "5", "--json", *ix))
    filtered = client.get("/api/search", params={"q": "Nusra", "lang": "en", "since": "2018"}).json()
    assert filtered == json.loads(
        _cli("search", "Nusra", "--lang", "en", "--since", "2018", "--json", *ix))
    pid = client.get("/api/search", params={"q": "Idlib"}).json()["hits"][0]["passage_id"]
    assert client.get(f"/api/passage/{pid}").json() == json.loads(_cli("show", pid, "--json", *ix))
    assert client.get("/api/variants", params={"name": "Nusra"}).json() == json.loads(
        _cli("variants", "Nusra", "--json", "--corpus", str(corpus), *ix))
    assert client.get("/api/concordance", params={"q": "Nusra", "sort": "left"}).json() == json.loads(
        _cli("concordance", "Nusra", "--sort", "left", "--json", *ix))


def test_downloads_are_the_cli_outputs(client, workbench):
    _, index = workbench
    csv_text = client.get("/download.csv", params={"q": "Nusra", "limit": 50}).content.decode("utf-8")
    assert csv_text == _cli("search", "Nusra", "--limit", "50", "--csv", "--index", str(index))
    jsonl = client.get("/download.jsonl", params={"q": "Nusra", "limit": 50}).text
    assert jsonl == _cli("search", "Nusra", "--limit", "50", "--jsonl", "--index", str(index))


def test_bad_query_is_the_cli_one_line_error(client, workbench):
    _, index = workbench
    cli = CliRunner().invoke(main, ["search", "(Nusra", "--index", str(index)])
    line = cli.output.strip()
    assert cli.exit_code == 1 and line.startswith("Error: ")
    page = client.get("/", params={"q": "(Nusra"})
    assert page.status_code == 400
    shown = html.unescape(page.text.split('role="alert">')[1].split("</p>")[0])
    assert shown == line
    assert client.get("/api/search", params={"q": "(Nusra"}).json() == {"error": line}
    bad = client.get("/", params={"q": "Nusra", "lang": "fr"})
    assert bad.status_code == 400 and "Error: --lang fr" in bad.text
    assert client.get("/", params={"q": "Nusra", "page": "x"}).status_code == 400


def test_hostile_text_is_escaped(client):
    page = client.get("/", params={"q": "inside"}).text
    assert "&lt;script&gt;document.title=" in page
    assert "<script" not in page and "<img" not in page
    pid = client.get("/api/search", params={"q": "inside"}).json()["hits"][0]["passage_id"]
    passage = client.get(f"/passage/{pid}").text
    assert "&lt;script&gt;" in passage and "<script" not in passage


def test_read_only_and_only_its_own_files(client):
    assert client.post("/", data={"q": "Nusra"}).status_code == 405
    assert client.post("/api/search?q=Nusra").status_code == 405
    assert client.get("/static/style.css").status_code == 200
    for path in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py", "/static//etc/passwd",
                 "/etc/passwd", "/static/../../../../etc/passwd"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "root:" not in response.text and "create_app" not in response.text
    missing = client.get("/passage/..%2F..%2Fetc%2Fpasswd")
    assert missing.status_code == 404 and "Error: no passage" in missing.text
    headers = client.get("/").headers
    assert "default-src 'none'" in headers["content-security-policy"]


def test_pages_directions_and_highlights(client):
    page = client.get("/", params={"q": "Nusra", "per": 2})
    assert '<span id="total">7</span>' in page.text
    assert "page 1 of 4" in page.text
    assert page.text.count('<li class="hit">') == 2 and 'rel="next"' in page.text
    second = client.get("/", params={"q": "Nusra", "per": 2, "page": 2}).text
    ids = lambda text: {s.split('"')[0] for s in text.split('class="pid" href="/passage/')[1:]}  # noqa: E731
    assert ids(page.text).isdisjoint(ids(second)) and len(ids(second)) == 2
    arabic = client.get("/", params={"q": "النصرة"}).text
    assert 'class="passage" dir="rtl" lang="ar"' in arabic
    assert 'data-tier="exact"' in arabic and "<mark" in arabic
    assert "the same name in another spelling or script" in client.get("/", params={"q": "Nusra"}).text


def test_views_render(client):
    conc = client.get("/concordance", params={"q": "Nusra", "sort": "right"}).text
    assert "<table class=\"kwic\">" in conc and "<strong>right</strong>" in conc
    variants = client.get("/variants", params={"name": "Nusra"}).text
    assert "<svg" in variants and "<polyline" in variants and "النصرة" in variants
    pid = client.get("/api/search", params={"q": "النصرة"}).json()["hits"][0]["passage_id"]
    passage = client.get(f"/passage/{pid}").text
    assert "beta.example" in passage and "passages by region" in passage


def test_keeps_serving_while_an_ingest_writes(tmp_path: Path):
    corpus, index = build(tmp_path)
    extra = tmp_path / "more"
    extra.mkdir()
    for i in range(12):
        (extra / f"page{i}.txt").write_text(
            f"Aleppo report {i}\n\nMay {i + 1}, 2020\n\nThe Nusra Front was near Aleppo in report {i}.\n",
            encoding="utf-8")
    statuses: list[int] = []
    with running_server(index, corpus) as base, httpx2.Client(base_url=base, timeout=30) as http:
        done = threading.Event()

        def ingest() -> None:
            try:
                bicorpus.ingest([tmp_path / "pages", extra], corpus, index=index)
            finally:
                done.set()

        writer = threading.Thread(target=ingest)
        writer.start()
        while True:  # at least one request while the ingest runs
            statuses.append(http.get("/api/search", params={"q": "Nusra"}).status_code)
            if done.is_set():
                break
        writer.join()
        after = http.get("/api/search", params={"q": "Aleppo", "limit": 100}).json()
    assert statuses and set(statuses) == {200}
    assert len({hit["doc_id"] for hit in after["hits"]}) == 12  # the new pages are served too


def test_serve_without_an_index_is_one_line(tmp_path: Path):
    result = CliRunner().invoke(main, ["serve", "--index", str(tmp_path / "none"), "--corpus", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and result.output.count("\n") == 1


def test_mixed_passages_take_their_direction_from_their_text():
    from bicorpus.web.app import lang_tag, segments, text_dir

    assert (text_dir("ar"), text_dir("en"), text_dir("mixed")) == ("rtl", "ltr", "auto")
    assert lang_tag("mixed") == "mul"
    from bicorpus.model import Match

    text = "قال إن al-Nusra انسحبت"
    m = Match(term="Nusra", text="Nusra", start=10, end=15, tier="exact")
    overlapping = Match(term="al-Nusra", text="al-Nusra", start=7, end=15, tier="translit")
    parts = segments(text, [m, overlapping])
    assert "".join(s.text for s in parts) == text
    assert [s.text for s in parts if s.match] == ["al-Nusra"]  # overlaps: the first span is kept
