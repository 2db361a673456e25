"""Stored rows read back from a Tantivy document: parsed by orjson, which writes them, and by json
when orjson refuses a row (one written by json, with NaN)."""

from __future__ import annotations

import math

import orjson
import tantivy

from bicorpus.index.tantivy_engine import STORED, _stored_row


def _doc(data: bytes) -> tantivy.Document:
    doc = tantivy.Document()
    doc.add_bytes(STORED, data)
    return doc


def test_a_row_reads_back_as_written() -> None:
    row = {"id": "d-0001", "text": "جبهة النصرة in Idlib", "lang_share": {"ar": 0.4, "en": 0.6}, "start": 12,
           "section": None}
    assert _stored_row(_doc(orjson.dumps(row))) == row


def test_a_row_orjson_refuses_is_read_by_json() -> None:
    found = _stored_row(_doc(b'{"id": "d-0002", "score": NaN}'))
    assert found["id"] == "d-0002" and math.isnan(found["score"])


def test_a_document_without_a_row_gives_an_empty_one() -> None:
    assert _stored_row(tantivy.Document()) == {}
