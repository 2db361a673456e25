"""Any passage text and metadata survive every lossless format (property-based)."""

from __future__ import annotations

import tempfile
from functools import partial
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bicorpus.errors import ExportError
from bicorpus.export import export_corpus
from bicorpus.export.delimited import read_csv_records
from bicorpus.export.jsonl import read_jsonl
from bicorpus.export.tei import read_tei
from bicorpus.export.vertical import read_vertical
from bicorpus.model import LANGS, REGIONS, Document, Passage

ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)
ARABIC = st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), min_size=1, max_size=20)
TEXT = st.one_of(ANY_TEXT, ARABIC, st.sampled_from(["• د. أيمن سمير يكتب: (عنوان)", "al-Nusra\r\n\tداعش "]))
OPTIONAL = st.none() | st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20)
SHARE = st.floats(min_value=0, max_value=1)

READERS = {
    "jsonl": read_jsonl,
    "csv": read_csv_records,
    "tsv": partial(read_csv_records, delimiter="\t"),
    "tei": read_tei,
    "vertical": read_vertical,
}
try:
    from bicorpus.export.parquet import read_parquet_records, require_pyarrow

    require_pyarrow()
    READERS["parquet"] = read_parquet_records
except ExportError:  # the parquet extra is not installed
    pass


@st.composite
def documents(draw: st.DrawFn) -> tuple[Document, list[Passage]]:
    doc_id = draw(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12))
    n = draw(st.integers(1, 4))
    passages = [
        Passage(
            id=f"{doc_id}#{i}", doc_id=doc_id, ordinal=i, lang=draw(st.sampled_from(LANGS)),
            region=draw(st.sampled_from(REGIONS)), text=draw(TEXT), norm=draw(TEXT),
            start=draw(st.integers(0, 10**6)), end=draw(st.integers(0, 10**6)),
            section=draw(OPTIONAL), title=draw(OPTIONAL), date=draw(OPTIONAL), author=draw(OPTIONAL),
            honorific=draw(OPTIONAL), linked_title=draw(OPTIONAL),
            lang_share=draw(st.fixed_dictionaries({}, optional={"ar": SHARE, "en": SHARE})),
        )
        for i in range(n)
    ]
    doc = Document(
        id=doc_id, path=draw(TEXT), size=draw(st.integers(0, 10**9)), encoding="utf-8", sha256="0" * 64,
        title=draw(OPTIONAL), date=draw(OPTIONAL), lang=draw(st.none() | st.sampled_from(LANGS)),
        n_passages=n, mtime=draw(st.none() | st.floats(allow_nan=False, allow_infinity=False)),
    )
    return doc, passages


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(documents())
def test_every_lossless_format_round_trips(make_corpus, record: tuple[Document, list[Passage]]) -> None:
    doc, passages = record
    with tempfile.TemporaryDirectory() as tmp:
        corpus = make_corpus(Path(tmp) / "corpus", [doc], passages, ascii=True)
        for fmt, reader in READERS.items():
            out = Path(tmp) / f"x.{fmt}"
            export_corpus(corpus, fmt, out, card=False)
            assert list(reader(out)) == [(doc, p) for p in passages], fmt
        folder = Path(tmp) / "split"
        export_corpus(corpus, "tei", folder, split=True, card=False)
        (only,) = folder.iterdir()
        assert list(read_tei(only)) == [(doc, p) for p in passages]
