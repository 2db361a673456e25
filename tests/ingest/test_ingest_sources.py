"""Reading pages: encodings, line endings, HTML text, and one clear reason for each bad file."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from ingest_helpers import SEED, page

from bicorpus.errors import SourceError
from bicorpus.sources import (
    DEFAULT_MAX_BYTES,
    decode_bytes,
    html_to_text,
    iter_source_paths,
    normalize_newlines,
    read_source,
)

ARABIC = ("أخبار المركز\n• د. أيمن سمير يكتب: (بين التوحد والتفكك)\n"
          "مستقبل تنظيم داعش في سوريا، ١٢ نيسان ٢٠١٧\n")
# Text every legacy code page can encode (no bullet, no Persian letters).
LEGACY = ("أخبار المركز\nد. أيمن سمير يكتب: (بين التوحد والتفكك)\n"
          "يواجه تنظيم داعش مرحلة صعبة في سوريا والعراق، إذ فقد معظم قادته الميدانيين.\n")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARABIC.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARABIC.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"), "utf-16-be"),
        (LEGACY.encode("windows-1256"), "windows-1256"),
        (LEGACY.encode("iso-8859-6"), "iso-8859-6"),
    ],
)
def test_encodings(tmp_path, data, encoding):
    src = read_source(write(tmp_path, "p.txt", data))
    assert src.encoding == encoding
    expected = LEGACY if encoding in ("windows-1256", "iso-8859-6") else ARABIC
    assert src.text == expected
    assert "\ufeff" not in src.text
    assert src.size == len(data)


def test_windows_1256_with_english_and_accents(tmp_path):
    text = "Café Riche — مقهى ريش في القاهرة، ملتقى المثقفين منذ عام 1908 وحتى اليوم\n"
    src = read_source(write(tmp_path, "p.txt", text.encode("windows-1256")))
    assert (src.encoding, src.text) == ("windows-1256", text)


def test_crlf_and_cr_line_endings(tmp_path):
    seed = SEED.read_bytes()
    crlf = read_source(write(tmp_path, "crlf.txt", seed.replace(b"\n", b"\r\n")))
    cr = read_source(write(tmp_path, "cr.txt", seed.replace(b"\n", b"\r")))
    lf = read_source(SEED)
    assert crlf.text == cr.text == lf.text
    assert "\r" not in crlf.text
    assert crlf.sha256 != lf.sha256  # the hash is of the raw bytes


def test_normalize_newlines():
    assert normalize_newlines("a\r\nb\rc\u2028d\ne") == "a\nb\nc\nd\ne"


def test_source_record(tmp_path):
    src = read_source(SEED)
    assert src.format == "txt"
    assert src.size == SEED.stat().st_size
    assert len(src.sha256) == 64
    assert src.path == str(SEED)


def test_html_text_drops_markup_scripts_and_styles():
    src = read_source(page("page.html"))
    assert src.format == "html"
    assert "<" not in src.text and "var tracking" not in src.text and "font-family" not in src.text
    assert "Example Center</title>" not in src.text and "| Example Center" not in src.text  # head dropped
    assert "• سعيد عكاشة يكتب" in src.text  # list items keep a bullet
    assert "Why did ISIS and al-Nusra Strike a Deal?\n\n12 أبريل، 2017\n\n" in src.text  # blocks → lines
    assert "Hay'at" in src.text and "&amp;" not in src.text and "& a break" in src.text  # entities decoded


def test_html_to_text_structure():
    html = ("<div>one<p>two <b>bold</b>\n  words</p><ul><li>a</li><li>b</li></ul>x<br>y"
            "<pre>keep   this\n  layout</pre><template><p>no</p></template></div>")
    # inside <pre> spaces are kept, except at the start of a line (lines are trimmed everywhere)
    assert html_to_text(html) == "one\n\ntwo bold words\n\n• a\n• b\n\nx\ny\n\nkeep   this\nlayout\n"


def test_html_without_closing_head(tmp_path):
    path = write(tmp_path, "p.html", b"<html><head><title>T</title><body><p>Visible text</p></body></html>")
    assert read_source(path).text == "Visible text\n"


def test_html_meta_charset_windows_1256(tmp_path):
    body = "<html><head><meta charset='windows-1256'></head><body><p>" + LEGACY + "</p></body></html>"
    src = read_source(write(tmp_path, "p.htm", body.encode("windows-1256")))
    assert src.encoding == "windows-1256"
    assert "أيمن سمير" in src.text


def test_html_declaring_latin1_but_written_in_windows_1256(tmp_path):
    body = "<html><head><meta charset='iso-8859-1'></head><body><p>" + LEGACY + "</p></body></html>"
    src = read_source(write(tmp_path, "p.html", body.encode("windows-1256")))
    assert src.encoding == "windows-1256"
    assert "أيمن سمير" in src.text


def test_html_declaring_latin1_in_latin1(tmp_path):
    body = "<html><head><meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'></head>"
    body += "<body><p>Café crème à Paris, déjà vu.</p></body></html>"
    src = read_source(write(tmp_path, "p.html", body.encode("latin-1")))
    assert src.encoding == "iso-8859-1"
    assert src.text == "Café crème à Paris, déjà vu.\n"


# --- bad input: one clear reason each ------------------------------------------------------------


def reason(path: Path, **kwargs: object) -> str:
    with pytest.raises(SourceError) as info:
        read_source(path, **kwargs)  # type: ignore[arg-type]
    assert str(info.value) == f"{path}: {info.value.reason}"
    assert "\n" not in str(info.value)
    return info.value.reason


def test_empty_file(tmp_path):
    assert reason(write(tmp_path, "e.txt", b"")) == "empty file"
    assert reason(write(tmp_path, "w.txt", b" \n\r\n\t ")) == "empty file"


def test_binary_file(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    assert reason(write(tmp_path, "b.txt", png)).startswith("binary file")


def test_undecodable_bytes(tmp_path):
    junk = bytes([0x80, 0x81, 0x8d, 0x8e, 0x90, 0x9d, 0xa4, 0xa6, 0xa9, 0xbe]) * 50
    assert reason(write(tmp_path, "u.txt", junk)).startswith("undecodable bytes")


def test_broken_utf8_is_not_guessed_as_legacy(tmp_path):
    data = ARABIC.encode("utf-8") * 3
    data = data[:40] + b"\xff" + data[40:]
    r = reason(write(tmp_path, "u.txt", data))
    assert r == "undecodable bytes: invalid UTF-8 at byte 40 in a UTF-8 file"


def test_file_over_the_size_limit_is_refused_without_reading(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # 50 MB, sparse: nothing is really written
        fh.truncate(50 * 2**20)
    assert DEFAULT_MAX_BYTES < 50 * 2**20
    r = reason(big)
    assert r.startswith("file too large (50.0 MB; the limit is 32 MB")


def test_size_limit_is_configurable(tmp_path):
    path = write(tmp_path, "p.txt", ARABIC.encode("utf-8"))
    assert "file too large" in reason(path, max_bytes=10)
    assert read_source(path, max_bytes=10_000).text == ARABIC


def test_directory_named_like_a_page(tmp_path):
    (tmp_path / "x.txt").mkdir()
    assert reason(tmp_path / "x.txt") == "is a directory, not a file"


def test_broken_symlink(tmp_path):
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing.txt")
    assert reason(link) == "broken symbolic link (target missing)"


def test_missing_file(tmp_path):
    assert reason(tmp_path / "nope.txt") == "no such file"


def test_unreadable_file(tmp_path, monkeypatch):
    path = write(tmp_path, "locked.txt", ARABIC.encode("utf-8"))
    if os.geteuid() != 0:  # a real permission error
        path.chmod(0)
        try:
            assert reason(path) == "permission denied"
        finally:
            path.chmod(0o644)
    # as root chmod does not block reads: simulate the error the OS would give
    real_open = Path.open

    def denied(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", denied)
    assert reason(path) == "permission denied"


def test_decode_bytes_reports_reasons():
    with pytest.raises(ValueError, match="binary"):
        decode_bytes(b"abc\x00def")
    assert decode_bytes("سلام".encode()) == ("سلام", "utf-8")


def test_iter_source_paths(tmp_path):
    for name in ["b.txt", "a.html", "c.htm", "skip.pdf", ".hidden.txt", "sub/d.txt", "corpus/x.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    walked = iter_source_paths([tmp_path], skip=[tmp_path / "corpus"])
    found = [p.relative_to(tmp_path).as_posix() for p in walked]
    assert found == ["a.html", "b.txt", "c.htm", "sub/d.txt"]
    # explicit files and missing paths are passed through so reading reports them
    assert list(iter_source_paths([tmp_path / "skip.pdf", tmp_path / "nope"])) == [
        tmp_path / "skip.pdf", tmp_path / "nope"]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(tmp_path, encoding):
    src = read_source(write(tmp_path, "p.txt", ARABIC.encode(encoding)))
    assert (src.encoding, src.text) == (encoding, ARABIC)


def test_binary_with_nul_pairs_is_still_binary(tmp_path):
    data = b"".join(bytes([i % 256, 0]) for i in range(1000))  # NULs on one side, control characters
    assert reason(write(tmp_path, "b.txt", data)).startswith("binary file")


def test_symlink_loop_is_walked_once(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "p.txt").write_text("x")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    assert list(iter_source_paths([tmp_path])) == [tmp_path / "a" / "p.txt"]
