"""Format details: csv/tsv rows, the vertical layout, txt files, parquet, transliteration columns."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

from bicorpus.errors import ExportError
from bicorpus.export import export_corpus
from bicorpus.export.columns import column_names, flat_row
from bicorpus.export.delimited import read_delimited
from bicorpus.export.translit import Transliterator
from bicorpus.export.vertical import decode_space, encode_space, split_tokens, token_lang


def _cells(value: object) -> str:
    return "" if value is None else str(value)


def _expected_rows(records) -> list[dict[str, str]]:
    docs, passages = records
    by_id = {d.id: d for d in docs}
    return [{k: _cells(v) for k, v in flat_row(by_id[p.doc_id], p).items()} for p in passages]


@pytest.mark.parametrize(("fmt", "delimiter"), [("csv", ","), ("tsv", "\t")])
@pytest.mark.parametrize("excel", [False, True])
def test_delimited_rows_read_back_with_the_csv_module(
    corpus_dir: Path, out_dir: Path, records, fmt: str, delimiter: str, excel: bool
) -> None:
    path = out_dir / f"c.{fmt}"
    export_corpus(corpus_dir, fmt, path, excel=excel)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=delimiter))
    assert rows[0] == column_names()
    assert [dict(zip(rows[0], r, strict=True)) for r in rows[1:]] == _expected_rows(records)
    assert list(read_delimited(path, delimiter)) == _expected_rows(records)


@pytest.mark.parametrize(("fmt", "sep"), [("csv", ","), ("tsv", "\t")])
def test_pandas_reads_the_same_rows(corpus_dir: Path, out_dir: Path, records, fmt: str, sep: str) -> None:
    import pandas as pd
    path = out_dir / f"c.{fmt}"
    export_corpus(corpus_dir, fmt, path, excel=True)
    frame = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert list(frame.columns) == column_names()
    assert frame.to_dict("records") == _expected_rows(records)


def test_vertical_layout(corpus_dir: Path, out_dir: Path) -> None:
    path = out_dir / "c.vrt"
    export_corpus(corpus_dir, "vertical", path, doc="000_365465f9b8a3ec32")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith('<doc id="000_365465f9b8a3ec32" path="seeds/000_365465f9b8a3ec32.txt"')
    assert lines[-1] == "</doc>"
    p_lines = [line for line in lines if line.startswith("<p ")]
    assert len(p_lines) == 9
    assert 'region="site-header"' in p_lines[1] and 'author="سعيد عكاشة"' in p_lines[1]
    assert 'honorific="د."' in p_lines[2]
    assert 'section="Obvious Retreat"' in p_lines[7]
    tokens = [line.split("\t") for line in lines if not line.startswith("<")]
    assert all(len(t) == 6 for t in tokens)  # word norm translit lang space entity
    words = [t[0] for t in tokens]
    assert "عكاشة" in words and "Hay'at" in words
    assert "&amp;" in words and "&lt;" in words  # escaped for cwb-encode -x
    nusra = next(t for t in tokens if t[0] == "النصرة")
    assert nusra[1] == "النصره" and nusra[3] == "ar"
    assert nusra[2] and nusra[2].isascii()  # a romanization
    assert ["al", "-", "Zour"] == words[words.index("Zour") - 2 : words.index("Zour") + 1]
    # the entity column: the gazetteer entity each token is part of
    assert nusra[5] == "nusra"
    deir = words.index("Deir")
    assert [t[5] for t in tokens[deir : deir + 4]] == ["deir-ez-zor"] * 4  # Deir al - Zour
    assert tokens[words.index("دير")][5] == "deir-ez-zor"
    assert tokens[words.index("smuggle")][5] == "_"


def test_vertical_tokens_cover_the_text_exactly() -> None:
    text = "  • د. أيمن سمير يكتب:\t(al-Nusra)\r\n«داعش»  "
    lead, tokens = split_tokens(text)
    assert lead + "".join(t + s for t, s in tokens) == text
    assert [t for t, _ in tokens][:4] == ["•", "د", ".", "أيمن"]
    for ws in ("", " ", "\t", "\r\n", "\u00a0 ", "\x0c"):
        assert decode_space(encode_space(ws)) == ws
    assert encode_space("") == "_" and encode_space(" ") == "s" and encode_space("\u00a0") == "[U+00A0]"
    assert [token_lang(t) for t in ("داعش", "ISIS", "2017", "ISISداعش")] == ["ar", "en", "-", "mixed"]


def test_txt_writes_one_file_per_language(corpus_dir: Path, out_dir: Path, records) -> None:
    export_corpus(corpus_dir, "txt", out_dir / "corpus.txt")
    names = sorted(p.name for p in out_dir.glob("*.txt"))
    assert names == ["corpus.ar.txt", "corpus.en.txt", "corpus.mixed.txt"]
    ar = (out_dir / "corpus.ar.txt").read_text(encoding="utf-8").split("\n")[:-1]
    expected = [p.text for p in records[1] if p.lang == "ar"]
    assert len(ar) == len(expected)
    assert ar[0] == "أخبار المركز"
    assert ar[5] == "قال الدكتور\tمحمد: إنّ «داعش» انسحب من دير الزور. ثمّ عاد إلى البادية. نهاية"


def test_txt_with_lang_writes_the_named_file(corpus_dir: Path, out_dir: Path) -> None:
    export_corpus(corpus_dir, "txt", out_dir / "english.txt", lang="en")
    assert sorted(p.name for p in out_dir.iterdir()) == ["english.txt", "english.txt.README.md"]
    assert (out_dir / "english.txt").read_text(encoding="utf-8").startswith("Why did ISIS")


def test_parquet_reads_back_typed(corpus_dir: Path, out_dir: Path, records) -> None:
    import pyarrow.parquet as pq
    export_corpus(corpus_dir, "parquet", out_dir / "c.parquet")
    table = pq.read_table(out_dir / "c.parquet")
    assert table.column_names == column_names()
    assert str(table.schema.field("ordinal").type) == "int64"
    assert str(table.schema.field("share_ar").type) == "double"
    rows = table.to_pylist()
    assert rows[1]["author"] == "سعيد عكاشة"
    assert rows[0]["section"] is None


def test_parquet_without_pyarrow_is_one_line(corpus_dir: Path, out_dir: Path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(ExportError) as err:
        export_corpus(corpus_dir, "parquet", out_dir / "c.parquet")
    assert str(err.value) == "parquet export needs pyarrow: pip install 'bicorpus[parquet]'"
    assert list(out_dir.iterdir()) == []


def _fake_transliterator(buckwalter: bool) -> Transliterator:
    table = str.maketrans({"د": "d", "ا": "a", "ع": "E", "ش": "$"})
    def romanize(token: str) -> str:
        return token.lower() if token.isascii() else token.translate(table)

    return Transliterator(romanize, (lambda t: t.translate(table)) if buckwalter else None)


def test_transliterator_keeps_what_is_between_words() -> None:
    tr = _fake_transliterator(buckwalter=True)
    assert tr.text("«داعش» and ISIS!") == "«daE$» and isis!"
    assert tr.row("داعش") == {"translit": "daE$", "buckwalter": "daE$"}
    assert _fake_transliterator(buckwalter=False).columns() == ("translit",)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "vertical"])
def test_translit_adds_a_romanization(corpus_dir: Path, out_dir: Path, fmt: str) -> None:
    from bicorpus.export.translit import buckwalter_mapper, make_transliterator

    make_transliterator()
    path = out_dir / f"c.{fmt}"
    export_corpus(corpus_dir, fmt, path, translit=True, lang="ar")
    text = path.read_text(encoding="utf-8")
    if fmt == "csv":
        rows = list(read_delimited(path))
        assert "translit" in rows[0]
        assert ("buckwalter" in rows[0]) == (buckwalter_mapper() is not None)
        bullet = rows[1]
        assert bullet["translit"] and bullet["translit"] != bullet["text"]
        assert not any("\u0600" <= c <= "\u06ff" for c in bullet["translit"].replace("؟", ""))
    else:
        assert ("translit" in text) == (fmt == "jsonl")
        assert "ʿkasha" in text or "akasha" in text.lower()


def test_txt_translit_twin_is_line_aligned(corpus_dir: Path, out_dir: Path) -> None:
    from bicorpus.export.translit import make_transliterator

    tr = make_transliterator()
    export_corpus(corpus_dir, "txt", out_dir / "c.txt", translit=True)
    text = (out_dir / "c.ar.txt").read_text(encoding="utf-8").splitlines()
    roman = (out_dir / "c.ar.translit.txt").read_text(encoding="utf-8").splitlines()
    assert len(text) == len(roman) == 6
    assert roman == [tr.text(line) for line in text]
    assert "أخبار" not in roman[0]
    with pytest.raises(ExportError, match="--out PATH"):
        export_corpus(corpus_dir, "txt", None, translit=True)


def test_out_folder_gets_a_file_named_after_the_corpus(corpus_dir: Path, out_dir: Path) -> None:
    report = export_corpus(corpus_dir, "tsv", out_dir)
    assert report.files == [out_dir / "corpus.tsv"]
    assert report.card == out_dir / "corpus.tsv.README.md"
    assert report.card.is_file()


@pytest.mark.parametrize(
    ("reader", "content"),
    [
        ("vertical", '<doc id="x">\n<p ordinal="zero">\nword\tw\tw\ten\ts\n</p>\n</doc>\n'),
        ("vertical", "just some text\n"),
        ("tei", "<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader/>"),
        ("tei", "<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader><fileDesc><sourceDesc><bibl/>"
                "</sourceDesc></fileDesc></teiHeader></TEI>"),
        ("jsonl", '{"id": 1}\n'),
        ("csv", "id,doc_id\n1,2\n"),
    ],
)
def test_readers_refuse_foreign_files_in_one_line(tmp_path: Path, reader: str, content: str) -> None:
    from bicorpus.export import read_csv_records, read_jsonl, read_tei, read_vertical

    read = {"vertical": read_vertical, "tei": read_tei, "jsonl": read_jsonl, "csv": read_csv_records}[reader]
    path = tmp_path / "foreign"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ExportError) as err:
        list(read(path))
    assert "\n" not in str(err.value) and str(path) in str(err.value)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "tsv", "tei", "vertical"])
def test_translit_exports_still_read_back_exactly(corpus_dir: Path, out_dir: Path, records, fmt: str) -> None:
    from functools import partial

    from bicorpus.export import read_csv_records, read_jsonl, read_tei, read_vertical
    from bicorpus.export.translit import optional_transliterator

    assert optional_transliterator() is not None
    readers = {"jsonl": read_jsonl, "csv": read_csv_records, "tsv": partial(read_csv_records, delimiter="\t"),
               "tei": read_tei, "vertical": read_vertical}
    path = out_dir / f"c.{fmt}"
    export_corpus(corpus_dir, fmt, path, translit=True)
    docs, passages = records
    by_id = {d.id: d for d in docs}
    assert list(readers[fmt](path)) == [(by_id[p.doc_id], p) for p in passages]
    if fmt == "tei":
        assert '<f name="translit"><string>' in path.read_text("utf-8")
