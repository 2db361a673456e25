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
    Decoded,
    decode,
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
    assert "encoding_guessed" not in src.meta  # the charset the page names


def test_html_declaring_latin1_but_written_in_windows_1256(tmp_path):
    body = "<html><head><meta charset='iso-8859-1'></head><body><p>" + LEGACY + "</p></body></html>"
    src = read_source(write(tmp_path, "p.html", body.encode("windows-1256")))
    assert src.encoding == "windows-1256"
    assert "أيمن سمير" in src.text
    assert src.meta["encoding_guessed"] is True  # not the charset the page names


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


def test_stray_byte_in_utf8_is_replaced_and_counted_not_refused(tmp_path):
    data = ARABIC.encode("utf-8") * 3
    data = data[:40] + b"\xff" + data[40:]
    src = read_source(write(tmp_path, "u.txt", data))
    assert src.encoding == "utf-8"
    assert src.text == data.decode("utf-8", "replace")
    assert src.text.count("\ufffd") == 1 and "أيمن سمير" in src.text
    assert src.meta == {"replacement_chars": 1}


def test_stray_bytes_in_a_large_utf8_html_page(tmp_path):
    para = "<p>Hay'at Tahrir al-Sham took Idlib — هيئة تحرير الشام سيطرت على إدلب.</p>\n".encode()
    data = b"<html><body>" + para * 800 + b"<p>Caf\xe9 \x93Raqqa\x94</p>" + para * 800 + b"</body></html>"
    src = read_source(write(tmp_path, "p.html", data))
    assert src.meta["replacement_chars"] == 3 and src.encoding == "utf-8"
    assert "Caf\ufffd \ufffdRaqqa\ufffd" in src.text


def test_genuine_replacement_characters_are_not_counted(tmp_path):
    data = "أخبار \ufffd المركز\n".encode() + b"\xff" + "مستقبل تنظيم داعش\n".encode()
    assert read_source(write(tmp_path, "u.txt", data)).meta["replacement_chars"] == 1


PENA = "Peña Nieto met Ørsted officials in São Tomé\n"


@pytest.mark.parametrize("encoding", ["latin-1", "windows-1252"])
def test_latin1_page_is_not_read_as_arabic(tmp_path, encoding):
    src = read_source(write(tmp_path, "p.txt", PENA.encode(encoding)))
    assert src.text == PENA
    assert src.encoding == "windows-1252"
    assert src.meta == {"encoding_guessed": True}


def test_windows_1252_punctuation_and_accents(tmp_path):
    text = "\u201cThe Nusra Front\u201d \u2014 Jabhat al-Nu\u015fra\u2019s r\u00f4le, says Jürgen Müller.\n"
    text = text.replace("\u015f", "s")  # not in windows-1252
    src = read_source(write(tmp_path, "p.txt", text.encode("windows-1252")))
    assert (src.text, src.encoding) == (text, "windows-1252")


def test_arabic_legacy_page_stays_windows_1256_and_says_it_was_guessed(tmp_path):
    src = read_source(write(tmp_path, "p.txt", LEGACY.encode("windows-1256")))
    assert (src.text, src.encoding) == (LEGACY, "windows-1256")
    assert src.meta == {"encoding_guessed": True}
    assert read_source(write(tmp_path, "q.txt", ARABIC.encode("utf-8"))).meta == {}


def test_short_arabic_legacy_page(tmp_path):
    text = "مقتل قيادي في هيئة تحرير الشام بإدلب\n"
    assert read_source(write(tmp_path, "p.txt", text.encode("windows-1256"))).text == text
    assert read_source(write(tmp_path, "q.txt", text.encode("iso-8859-6"))).text == text


def test_utf16_page_with_nul_bytes_is_not_binary(tmp_path):
    for data in (codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le"), ("Raqqa " * 20000).encode("utf-16-le")):
        src = read_source(write(tmp_path, "p.txt", data))
        assert src.encoding.startswith("utf-16") and "\x00" not in src.text


def test_nul_bytes_after_the_first_64_kb_mean_binary(tmp_path):
    text = ("Hay'at Tahrir al-Sham took Idlib in 2017. هيئة تحرير الشام سيطرت على إدلب.\n" * 1200).encode()
    assert len(text) > 65536
    assert reason(write(tmp_path, "late.txt", text + b"\x00" + text[:100])).startswith("binary file")
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 80  # an image glued to a page
    assert reason(write(tmp_path, "tail.html", b"<p>" + text + b"</p>" + png)).startswith("binary file")


def test_a_few_stray_nuls_in_a_large_html_page_are_replaced(tmp_path):
    body = ("<p>Hay'at Tahrir al-Sham took Idlib. هيئة تحرير الشام سيطرت على إدلب.</p>\n" * 1500).encode()
    data = b"<html><body>" + body[:70000] + b"\x00" * 10 + body[70000:] + b"</body></html>"
    src = read_source(write(tmp_path, "p.html", data))
    assert src.meta["replacement_chars"] == 10 and "\x00" not in src.text


@pytest.mark.parametrize("data", ["\u00a0\u200b\n\u200b\u00a0".encode(),
                                  "\ufeff\u200c\u200d \u2060\n".encode(),
                                  "\u200b\u200b".encode("utf-16")])
def test_invisible_characters_only_is_no_text(tmp_path, data):
    assert reason(write(tmp_path, "z.txt", data)) == "no text (only blank or invisible characters)"


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


def test_a_folder_that_cannot_be_listed_says_so(tmp_path, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()
    real_scandir = os.scandir

    def scandir(path):  # as for a folder without read permission (root reads any folder)
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert reason(folder) == "cannot read the folder (Permission denied)"


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
    assert decode(b"Cr\xe8me br\xfbl\xe9e") == Decoded("Crème brûlée", "windows-1252", 0, guessed=True)


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


def test_page_labelled_iso_8859_1_with_windows_1252_quotes(tmp_path):
    text = "Navigation schließen. Die Kläranlage „Läppkes Mühle“ in Essen. Größere Karte. © 2020"
    body = "<html><head><meta charset='ISO-8859-1'></head><body><p>" + text + "</p></body></html>"
    src = read_source(write(tmp_path, "p.html", body.encode("windows-1252")))
    assert (src.text, src.encoding) == (text + "\n", "windows-1252")
    assert src.meta == {}  # what browsers read a page labelled ISO-8859-1 as


def test_byte_order_marks_do_not_make_binaries_text(tmp_path):
    assert reason(write(tmp_path, "a.txt", codecs.BOM_UTF8 + b"abc\x00\x01\x02" * 100)).startswith("binary")
    noise = codecs.BOM_UTF16_LE + bytes(range(256)) * 10  # every 16-bit pattern, surrogates unpaired
    assert reason(write(tmp_path, "b.txt", noise)).startswith("undecodable bytes: ")
    odd = codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le") + b"\xd8"  # one byte short
    src = read_source(write(tmp_path, "c.txt", odd))
    assert src.text == ARABIC + "\ufffd" and src.meta == {"replacement_chars": 1}
