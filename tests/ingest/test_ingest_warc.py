"""Web archives (.warc, .warc.gz): one document per HTML or text page the crawl fetched, with its URL
and fetch date; other records skipped and counted; re-ingest, changes and --prune per archive."""

from __future__ import annotations

import gzip
import io
import os
import random
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from bicorpus import pipeline
from bicorpus.cli import main
from bicorpus.corpus import DOCUMENTS_FILE, MANIFEST_FILE, PASSAGES_FILE, open_corpus
from bicorpus.pipeline import ingest
from bicorpus.readers.warc import read_member, read_warc
from bicorpus.sources import read_source

ARABIC_PAGE = """<html><head><title>إدلب</title></head><body>
<h1>هيئة تحرير الشام تسيطر على إدلب</h1>
<p>24 يوليو 2017</p>
<p>بسطت هيئة تحرير الشام التي تضم جبهة النصرة سابقاً سيطرتها على مدينة إدلب ومناطق واسعة من ريفها.</p>
<p>وانسحب مقاتلو حركة أحرار الشام إلى مناطق جنوب إدلب بعد اتفاق هدنة.</p>
</body></html>"""
ENGLISH_PAGE = """<html><body>
<h1>How al-Qaeda Lost Homs</h1>
<p>16 March 2018</p>
<p>The withdrawal of Hay'at Tahrir al-Sham from the Syrian desert towards Homs followed the agreement.</p>
<p>Abu Mohammad al-Jolani said the Nusra Front would not leave Idlib.</p>
</body></html>"""
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))


def write_warc(path: Path, pages: list[tuple[str, str | bytes, str]], *, gz: bool = True,
               extra: bool = True) -> None:
    """A crawl as wget writes it: a request before each response; ``extra`` adds an image response,
    a redirect and a metadata record.  ``pages``: (URL, body, Content-Type)."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for url, body, ctype in pages:
            payload = body.encode("utf-8") if isinstance(body, str) else body
            writer.write_record(writer.create_warc_record(
                url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\nHost: example.org\r\n\r\n")))
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                          http_headers=headers))
        if extra:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record("https://example.org/logo.png", "response",
                                                          payload=io.BytesIO(PNG), http_headers=headers))
            headers = StatusAndHeaders("301 Moved Permanently", [("Location", "/new")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record("https://example.org/old", "response",
                                                          payload=io.BytesIO(b""), http_headers=headers))
            writer.write_record(writer.create_warc_record("https://example.org/", "metadata",
                                                          payload=io.BytesIO(b"outlinks: 2")))


TWO = [("https://www.enabbaladi.net/archives/1", ARABIC_PAGE, "text/html; charset=utf-8"),
       ("https://example.org/homs", ENGLISH_PAGE, "text/html")]


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pages").mkdir()
    return tmp_path


def corpus_bytes() -> dict[str, bytes]:
    return {n: Path("corpus", n).read_bytes() for n in (DOCUMENTS_FILE, PASSAGES_FILE, MANIFEST_FILE)}


@pytest.mark.parametrize("gz", [True, False])
def test_read_warc_gives_the_html_responses_and_counts_the_rest(tmp_path, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(path, TWO, gz=gz)
    archive = read_warc(path, max_bytes=2**20)
    assert [m.rsplit("#", 1)[0] for m, _ in archive.pages] == [str(path)] * 2
    assert dict(archive.skipped) == {"request": 2, "image/png": 1, "status 301": 1, "metadata": 1}
    ar, en = (src for _, src in archive.pages)
    assert ar.url == "https://www.enabbaladi.net/archives/1" and en.url == "https://example.org/homs"
    assert "هيئة تحرير الشام تسيطر على إدلب" in ar.text and "How al-Qaeda Lost Homs" in en.text
    assert ar.format == "html" and ar.meta["fetched"].startswith(("19", "20"))
    for member, src in archive.pages:  # each page can be read again by its document path
        again = read_member(member, max_bytes=2**20)
        assert again.text == src.text and again.url == src.url
        assert read_source(member).text == src.text


def test_ingest_a_warc_one_document_per_page_with_url_site_and_fetch_date(work):
    write_warc(work / "pages" / "crawl.warc.gz", TWO)
    report = ingest(["pages"], "corpus")
    assert report.ok and len(report.added) == 2
    assert report.skipped_records == {"request": 2, "image/png": 1, "status 301": 1, "metadata": 1}
    corpus = open_corpus("corpus")
    docs = sorted(corpus.documents(), key=lambda d: d.path)
    assert {d.site for d in docs} == {"www.enabbaladi.net", "example.org"}
    assert all(d.path.startswith("pages/crawl.warc.gz#") and d.meta["fetched"] for d in docs)
    assert len({d.path for d in docs}) == 2
    ar = next(d for d in docs if d.site == "www.enabbaladi.net")
    assert ar.url == "https://www.enabbaladi.net/archives/1" and ar.lang == "ar"
    texts = {d.id: read_source(d.path).text for d in docs}
    passages = list(corpus.passages())
    assert any("جبهة النصرة" in p.text for p in passages) and any("al-Jolani" in p.text for p in passages)
    for p in passages:  # the offsets contract holds for pages inside an archive
        assert texts[p.doc_id][p.start : p.end] == p.text


def test_reingest_of_an_unchanged_warc_writes_nothing(work):
    warc = work / "pages" / "crawl.warc.gz"
    write_warc(warc, TWO)
    first = ingest(["pages"], "corpus")
    assert len(first.added) == 2
    before = corpus_bytes()
    again = ingest(["pages"], "corpus", prune=True)
    assert not again.written and sorted(again.unchanged) == sorted(first.added)
    assert not (again.added or again.changed or again.removed)
    os.utime(warc, (1e9, 1e9))  # same bytes, new mtime: read again, found unchanged
    touched = ingest(["pages"], "corpus")
    assert not touched.written and sorted(touched.unchanged) == sorted(first.added)
    assert corpus_bytes() == before


def test_a_changed_warc_replaces_its_documents(work):
    warc = work / "pages" / "crawl.warc.gz"
    write_warc(warc, TWO)
    first = ingest(["pages"], "corpus")
    third = ("https://example.org/raqqa", "<p>Raqqa was retaken in October 2017 by the SDF.</p>", "text/html")
    write_warc(warc, [TWO[1], third])
    report = ingest(["pages"], "corpus")
    assert report.written and report.ok
    docs = list(open_corpus("corpus").documents())
    assert sorted(d.url for d in docs) == ["https://example.org/homs", "https://example.org/raqqa"]
    by_url = {d.url: d.id for d in docs}
    assert by_url["https://example.org/raqqa"] in report.added
    assert by_url["https://example.org/homs"] in first.added  # same page, now at another offset
    ar_id, = set(first.added) - set(by_url.values())
    assert report.removed == [ar_id]  # the page the archive no longer holds is gone
    passages = list(open_corpus("corpus").passages())
    assert not any("جبهة النصرة" in p.text for p in passages)
    assert sum(d.n_passages for d in docs) == len(passages)


def test_prune_keeps_archive_pages_while_the_archive_is_there(work):
    warc = work / "pages" / "crawl.warc"
    write_warc(warc, TWO, gz=False)
    (work / "pages" / "a.txt").write_text("Raqqa and Deir ez-Zor in the news.\n")
    ingest(["pages"], "corpus")
    report = ingest(["pages/a.txt"], "corpus", prune=True)  # the archive is not named but still there
    assert not report.removed
    warc.unlink()
    report = ingest(["pages"], "corpus", prune=True)
    assert len(report.removed) == 2
    assert [d.path for d in open_corpus("corpus").documents()] == ["pages/a.txt"]


def test_http_charset_chunked_and_gzip_bodies(work):
    legacy = "<p>قال أبو محمد الجولاني إن هيئة تحرير الشام باقية في إدلب</p>".encode("windows-1256")
    body = gzip.compress(ENGLISH_PAGE.encode())
    chunked = b"%x\r\n" % len(body) + body + b"\r\n0\r\n\r\n"
    path = work / "pages" / "enc.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=windows-1256")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://example.org/ar", "response",
                                                      payload=io.BytesIO(legacy), http_headers=headers))
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip"),
                                              ("Transfer-Encoding", "chunked")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://example.org/en", "response",
                                                      payload=io.BytesIO(chunked), http_headers=headers))
    pages = dict(read_warc(path, max_bytes=2**20).pages)
    ar, en = pages.values()
    assert ar.encoding == "windows-1256" and "أبو محمد الجولاني" in ar.text
    assert "How al-Qaeda Lost Homs" in en.text


def test_plain_text_response_and_a_page_with_a_stray_byte(work):
    text = "Hay'at Tahrir al-Sham took Idlib, هيئة تحرير الشام".encode().replace(b"Sham", b"Sham \xff")
    write_warc(work / "pages" / "t.warc.gz", [("https://example.org/t.txt", text, "text/plain")], extra=False)
    report = ingest(["pages"], "corpus")
    assert len(report.added) == 1
    (path, warning), = report.warnings
    assert path.startswith("pages/t.warc.gz#")
    assert warning.startswith("1 invalid byte sequence read as U+FFFD")
    doc, = open_corpus("corpus").documents()
    assert doc.format == "txt" and doc.meta["replacement_chars"] == 1


def test_a_file_that_is_no_web_archive_is_one_failure(work):
    (work / "pages" / "fake.warc").write_text("this is not a WARC file\n")
    (work / "pages" / "a.txt").write_text("Raqqa and Deir ez-Zor in the news.\n")
    report = ingest(["pages"], "corpus")
    assert len(report.added) == 1
    (path, reason), = report.failures
    assert path == "pages/fake.warc" and reason.startswith("not a readable web archive")


def test_archives_through_the_worker_pool(work, monkeypatch):
    monkeypatch.setattr(pipeline, "POOL_MIN_FILES", 1)
    write_warc(work / "pages" / "a.warc.gz", TWO[:1])
    write_warc(work / "pages" / "b.warc.gz", TWO[1:])
    (work / "pages" / "c.txt").write_text("Raqqa and Deir ez-Zor in the news.\n")
    report = ingest(["pages"], "corpus")
    assert report.ok and len(report.added) == 3
    assert sorted(d.site or "" for d in open_corpus("corpus").documents()) == ["", "example.org",
                                                                               "www.enabbaladi.net"]


def test_cli_reports_skipped_records(work):
    write_warc(work / "pages" / "crawl.warc.gz", TWO)
    result = CliRunner().invoke(main, ["ingest", "pages", "--no-index"])
    assert result.exit_code == 0, result.output
    assert "web archive records that are not pages, skipped: 2 request, 1 image/png, 1 status 301, " \
           "1 metadata" in result.output
    assert "2 documents" in result.output


def test_pages_that_swap_places_in_a_changed_archive_are_both_kept(work):
    warc = work / "pages" / "crawl.warc.gz"
    same_size = [("https://example.org/a", "<p>Raqqa was retaken in October 2017.</p>", "text/html"),
                 ("https://example.org/b", "<p>Idlib was taken over in July 2017.</p>", "text/html")]
    write_warc(warc, same_size, extra=False)
    first = ingest(["pages"], "corpus")
    assert len(first.added) == 2
    write_warc(warc, same_size[::-1], extra=False)
    report = ingest(["pages"], "corpus")
    assert report.ok and not report.duplicates and not report.removed
    docs = list(open_corpus("corpus").documents())
    assert sorted(d.url for d in docs) == ["https://example.org/a", "https://example.org/b"]
    assert sorted(d.id for d in docs) == sorted(first.added)
    texts = {d.id: read_source(d.path).text for d in docs}
    for p in open_corpus("corpus").passages():
        assert texts[p.doc_id][p.start : p.end] == p.text


def test_a_warc_gzipped_as_one_stream_is_read(work):
    plain = work / "crawl.warc"
    write_warc(plain, TWO, gz=False)
    (work / "pages" / "crawl.warc.gz").write_bytes(gzip.compress(plain.read_bytes()))  # gzip crawl.warc
    report = ingest(["pages"], "corpus")
    assert report.ok and len(report.added) == 2
    docs = list(open_corpus("corpus").documents())
    assert sorted(d.url for d in docs) == sorted(url for url, _, _ in TWO)
    for doc in docs:  # read again by document path, inside the decompressed stream
        assert read_source(doc.path).text.count("\n") >= 3


def seeded_warc(seed: int) -> bytes:
    """``TWO`` as a request and a response each, with record ids and times drawn from ``seed``."""
    rng, out = random.Random(seed), io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for url, body, ctype in TWO:
        for kind in ("request", "response"):
            ids = {"WARC-Record-ID": f"<urn:uuid:{uuid.UUID(int=rng.getrandbits(128), version=4)}>",
                   "WARC-Date": f"2017-07-24T10:00:{rng.randrange(60):02d}Z"}
            payload = b"GET / HTTP/1.1\r\nHost: example.org\r\n\r\n" if kind == "request" else body.encode()
            http = (None if kind == "request"
                    else StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1"))
            writer.write_record(writer.create_warc_record(url, kind, payload=io.BytesIO(payload),
                                                          http_headers=http, warc_headers_dict=ids))
    return out.getvalue()


@pytest.mark.parametrize("seed", [7, 42, 264, 511, 1028])
def test_a_page_in_one_gzip_stream_is_found_in_the_decompressed_stream(tmp_path, seed):
    """Its document path gives its offset in the decompressed stream; the compressed bytes at that
    offset, which warcio would read as a record of no kind (``not a page (unknown)``), are not read.
    With these record ids, the compressed bytes at the first page's offset fooled the reader."""
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(seeded_warc(seed), mtime=0))
    pages = read_warc(path, max_bytes=1 << 20).pages
    assert len(pages) == 2
    for member, page in pages:
        assert read_member(member, max_bytes=1 << 20).text == page.text


def test_an_undated_page_takes_its_day_from_the_url_it_was_fetched_from(work):
    undated = """<html><body><h1>Raqqa after the battle</h1>
<p>The SDF said on Tuesday that the last Islamic State fighters had left Raqqa under a deal.</p>
<p>قالت قوات سوريا الديمقراطية إن آخر مقاتلي داعش غادروا الرقة بموجب اتفاق.</p></body></html>"""
    write_warc(work / "pages" / "d.warc.gz",
               [("https://example.org/2017/10/17/raqqa-after-the-battle", undated, "text/html")], extra=False)
    assert ingest(["pages"], "corpus").ok
    doc, = open_corpus("corpus").documents()
    assert doc.date == "2017-10-17" and doc.url.endswith("/2017/10/17/raqqa-after-the-battle")
