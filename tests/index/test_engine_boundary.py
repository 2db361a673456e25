"""Each engine library stays behind one module: Whoosh in whoosh_engine.py, tantivy in tantivy_engine.py."""

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "bicorpus"
_IMPORT_RE = re.compile(r"^\s*(?:from\s+whoosh[\s.]|import\s+whoosh\b)", re.MULTILINE)
_TANTIVY_IMPORT_RE = re.compile(r"^\s*(?:from\s+tantivy[\s.]|import\s+tantivy\b)", re.MULTILINE)


def test_only_the_whoosh_engine_module_imports_whoosh() -> None:
    importers = sorted(str(p.relative_to(SRC)) for p in SRC.rglob("*.py")
                       if _IMPORT_RE.search(p.read_text("utf-8")))
    assert importers == ["index/whoosh_engine.py"]


def test_the_pattern_would_catch_an_import() -> None:
    assert _IMPORT_RE.search("x = 1\n    from whoosh.query import Term\n")
    assert _IMPORT_RE.search("import whoosh\n")
    assert not _IMPORT_RE.search("# whoosh is imported elsewhere\nimport whooshlike\n")


def test_only_the_tantivy_engine_module_imports_tantivy() -> None:
    importers = sorted(str(p.relative_to(SRC)) for p in SRC.rglob("*.py")
                       if _TANTIVY_IMPORT_RE.search(p.read_text("utf-8")))
    assert importers == ["index/tantivy_engine.py"]


def test_the_tantivy_pattern_would_catch_an_import() -> None:
    assert _TANTIVY_IMPORT_RE.search("x = 1\n    from tantivy import Query\n")
    assert _TANTIVY_IMPORT_RE.search("import tantivy\n")
    assert not _TANTIVY_IMPORT_RE.search("# tantivy is imported elsewhere\nimport tantivylike\n")
