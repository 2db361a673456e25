"""Helpers for the index tests: small corpora written record by record, and a small, predictable name model.

The name model here stands in for the gazetteer so the index mechanics (tiers, phrases,
filters, explanations) are tested on names whose keys the tests control; the tests on the
seed corpus use the real :mod:`bicorpus.names`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bicorpus.index.analysis import NameModel
from bicorpus.model import SCHEMA_VERSION, Document, Passage
from bicorpus.normalize import detect_lang, normalize_text

_ARTICLES = {"al", "el", "an", "ad", "ar", "as", "ash", "az", "ez", "ال"}
_AR_TO_LATIN = str.maketrans({
    "ا": "a", "أ": "a", "إ": "a", "آ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh",
    "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "",
    "و": "w", "ي": "y", "ى": "a", "ء": "", "ئ": "", "ؤ": "",
})
_DIACRITICS = re.compile("[\u064b-\u065f\u0670]")
_GAZETTEER = {
    ("isis",): "isis", ("isil",): "isis", ("daesh",): "isis", ("داعش",): "isis",
    ("nusra",): "nusra", ("al", "nusra"): "nusra", ("النصرة",): "nusra", ("جبهة", "النصرة"): "nusra",
    ("mosul",): "mosul", ("الموصل",): "mosul",
}


def fake_keys(word: str) -> tuple[str, ...]:
    """Consonant skeleton: articles → (), Arabic romanized, vowels dropped, doubles merged."""
    w = _DIACRITICS.sub("", word.casefold())
    if w in _ARTICLES:
        return ()
    if w.startswith("ال") and len(w) > 3:
        w = w[2:]
    w = w.translate(_AR_TO_LATIN).replace("'", "")
    skeleton = w[0] + re.sub("[aeiouyw]", "", w[1:]) if w else ""
    skeleton = re.sub(r"(.)\1+", r"\1", skeleton)
    skeleton = re.sub("[ht]+$", "", skeleton) if len(skeleton) > 2 else skeleton
    return (skeleton,) if skeleton else ()


@dataclass(frozen=True)
class FakeMention:
    start: int
    end: int
    entity_id: str
    alias: str


def fake_find(tokens: Sequence[str]) -> list[FakeMention]:
    folded = [t.casefold() if t.isascii() else _DIACRITICS.sub("", t) for t in tokens]
    out, i = [], 0
    while i < len(folded):
        for n in (2, 1):
            key = tuple(folded[i:i + n])
            if len(key) == n and key in _GAZETTEER and (n > 1 or key != ("isis",) or tokens[i].isupper()):
                out.append(FakeMention(i, i + n, _GAZETTEER[key], " ".join(tokens[i:i + n])))
                i += n
                break
        else:
            i += 1
    return out


FAKE_NAMES = NameModel(keys=fake_keys, find=fake_find, is_article=lambda w: w.casefold() in _ARTICLES,
                       key_version=1)


def write_corpus(root: Path, docs: dict[str, list[str | dict]]) -> Path:
    """Write ``root/corpus`` with one document per key; a passage is a text or a dict of Passage fields."""
    corpus = root / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    doc_rows, passage_rows = [], []
    for doc_id, items in docs.items():
        offset = 0
        for ordinal, item in enumerate(items):
            data = {"text": item} if isinstance(item, str) else dict(item)
            text = data.pop("text")
            lang, shares = detect_lang(text)
            passage = Passage(id=f"{doc_id}:{ordinal}", doc_id=doc_id, ordinal=ordinal,
                              lang=data.pop("lang", lang), region=data.pop("region", "body"), text=text,
                              norm=normalize_text(text), start=offset, end=offset + len(text),
                              lang_share=shares, **data)
            offset += len(text) + 2
            passage_rows.append(passage.to_dict())
        doc_rows.append(Document(id=doc_id, path=f"{doc_id}.txt", size=offset, encoding="utf-8",
                                 sha256="0" * 64, n_passages=len(items)).to_dict())
    (corpus / "manifest.json").write_text(json.dumps({"schema_version": SCHEMA_VERSION}), "utf-8")
    for name, rows in (("documents.jsonl", doc_rows), ("passages.jsonl", passage_rows)):
        (corpus / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return corpus


SMALL_DOCS: dict[str, list[str | dict]] = {
    "d1": [
        {"text": "أخبار المركز: مقاتلو جبهة النصرة في الموصل", "region": "site-header", "lang": "ar"},
        {"text": "The agreement between ISIS and al-Nusra Front came as a surprise.", "date": "2017-04-12",
         "section": "analysis"},
        {"text": "Fighters of an-Nusrah advanced near Mosul while Daesh retreated.", "date": "2017-04-12"},
        {"text": "Muslim scholars met in Cairo; the negotiations were organized quickly.",
         "date": "2017-04-12"},
    ],
    "d2": [
        {"text": "Eastern Ghouta is east of Damascus. The Ghouta in the east was besieged.",
         "date": "2018-02-01"},
        {"text": "Negotiation rounds failed; the negotiators organize another round in Mosul.",
         "date": "2018-02-01", "region": "body"},
        {"text": "وصل مقاتلو داعش إلى المدينة", "date": "2018-02-01", "lang": "ar"},
    ],
}




def seed_with_page(work: Path, name: str, text: str) -> Path:
    """Ingest the seed pages plus one page of ``text`` into ``work``; return the index folder."""
    import shutil

    import bicorpus

    pages = work / "pages"
    pages.mkdir()
    for page in (Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"):
        shutil.copy(page, pages / page.name)
    (pages / name).write_text(text, "utf-8")
    bicorpus.ingest([pages], work / "corpus", index=work / "index")
    return work / "index"


def check_any_query(ix: object, query: str) -> None:
    """What must hold for any query string: one single-line QueryError, or hits in tier order
    whose matched spans are exactly their text."""
    from bicorpus.errors import QueryError
    from bicorpus.model import TIERS

    try:
        result = ix.search(query, limit=5)  # type: ignore[attr-defined]
    except QueryError as err:
        assert str(err) and "\n" not in str(err)
        return
    assert result.total >= len(result.hits)
    tiers = [h.tier for h in result.hits]
    assert tiers == sorted(tiers, key=TIERS.index)
    for hit in result.hits:
        assert all(hit.text[m.start:m.end] == m.text for m in hit.matches)
