"""JSON Lines export: one passage per line, in the corpus's own schema, with its document.

Each line is the passage record (``Passage.to_dict()``) plus ``schema_version`` and the full
``document`` record, so a file can be read by pandas (``read_json(lines=True)``) or jq and
re-imported into a corpus with :func:`import_jsonl`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

from ..corpus import DOCUMENTS_FILE, MANIFEST_FILE, PASSAGES_FILE, Corpus, open_corpus
from ..errors import CorpusError, ExportError
from ..model import SCHEMA_VERSION, Document, Passage
from .base import ExportInfo, Transaction, Writer
from .matches import MATCH_FIELDS


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))


_PASSAGE_FIELDS = tuple(f.name for f in fields(Passage))
_DOCUMENT_FIELDS = tuple(f.name for f in fields(Document))


def record_dict(record: Passage | Document) -> dict[str, Any]:
    """The record's fields as a dict, like ``to_dict`` (flat records need no deep copy)."""
    names = _PASSAGE_FIELDS if isinstance(record, Passage) else _DOCUMENT_FIELDS
    return {name: getattr(record, name) for name in names}


def passage_line(
    doc: Document | dict[str, Any], passage: Passage, extra: dict[str, Any] | None = None
) -> str:
    """The JSON line of one passage (no newline)."""
    record: dict[str, Any] = {"schema_version": SCHEMA_VERSION, **record_dict(passage)}
    if extra:
        record.update(extra)
    record["document"] = doc if isinstance(doc, dict) else record_dict(doc)
    return _dumps(record)


class JsonlWriter(Writer):
    name = "jsonl"
    extension = ".jsonl"
    description = "JSON Lines, one passage per line with all metadata and its document"

    def begin(self, info: ExportInfo) -> None:
        self._fh = self.output.text()

    def write_document(self, doc: Document, passages: Sequence[Passage]) -> None:
        translit = self.options.translit
        document = record_dict(doc)
        lines = []
        matches = self.options.matches
        for passage in passages:
            extra: dict[str, Any] = dict(translit.row(passage.text)) if translit else {}
            if matches is not None:
                found = matches.get(passage.id)
                extra.update({**found.values(), "match_spans": json.loads(found.spans_json())}
                             if found is not None else dict.fromkeys(MATCH_FIELDS))
            lines.append(passage_line(document, passage, extra) + "\n")
        self._fh.write("".join(lines))

    def end(self) -> None:
        self._fh.close()


def read_jsonl(path: str | Path) -> Iterator[tuple[Document, Passage]]:
    """Stream the (document, passage) pairs of a JSON Lines export."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                    version = record.get("schema_version")
                    doc = Document.from_dict(record["document"])
                    passage = Passage.from_dict(record)
                except (ValueError, KeyError, TypeError, AttributeError) as err:
                    raise ExportError(f"{path}:{lineno}: not a bicorpus passage line ({err})") from err
                if version != SCHEMA_VERSION:
                    raise ExportError(
                        f"{path}:{lineno}: schema version {version}, this bicorpus reads {SCHEMA_VERSION}"
                    )
                yield doc, passage
    except OSError as err:
        raise ExportError(f"cannot read {path}: {err.strerror or err}") from err


def import_jsonl(path: str | Path, corpus_dir: str | Path, *, force: bool = False) -> Corpus:
    """Build a corpus directory from a JSON Lines export and open it.

    Documents are written in first-seen order, passages in file order; the corpus files
    appear only once the whole export has been read."""
    target = Path(corpus_dir)
    if (target / MANIFEST_FILE).exists() and not force:
        raise CorpusError(f"a corpus already exists at {target} (use force to replace it)")
    seen: dict[str, Document] = {}
    langs: Counter[str] = Counter()
    regions: Counter[str] = Counter()
    with Transaction(force=True) as tx:
        p_out, d_out = tx.open(target / PASSAGES_FILE), tx.open(target / DOCUMENTS_FILE)
        for doc, passage in read_jsonl(path):
            known = seen.get(doc.id)
            if known is None:
                seen[doc.id] = doc
                d_out.write(_dumps(record_dict(doc)) + "\n")
            elif known != doc:
                raise ExportError(f"{path}: document {doc.id!r} appears with different metadata")
            p_out.write(_dumps(record_dict(passage)) + "\n")
            langs[passage.lang] += 1
            regions[passage.region] += 1
        manifest = {
            "schema_version": SCHEMA_VERSION,
            "documents": len(seen),
            "passages": sum(langs.values()),
            "langs": dict(sorted(langs.items())),
            "regions": dict(sorted(regions.items())),
            "sources": dict(sorted((d.path, d.sha256) for d in seen.values())),
            "imported_from": str(path),
        }
        tx.open(target / MANIFEST_FILE).write(_dumps(manifest) + "\n")
    return open_corpus(target)
