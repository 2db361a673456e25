"""Each engine library stays behind one module: Whoosh in whoosh_engine.py, tantivy in tantivy_engine.py."""

import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "bicorpus"
ENGINES = {"whoosh": "index/whoosh_engine.py", "tantivy": "index/tantivy_engine.py"}


def _import_re(library: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:from\s+{library}[\s.]|import\s+{library}\b)", re.MULTILINE)


@pytest.mark.parametrize(("library", "module"), sorted(ENGINES.items()))
def test_only_the_engine_module_imports_its_library(library: str, module: str) -> None:
    pattern = _import_re(library)
    importers = sorted(str(p.relative_to(SRC)) for p in SRC.rglob("*.py")
                       if pattern.search(p.read_text("utf-8")))
    assert importers == [module]


@pytest.mark.parametrize("library", sorted(ENGINES))
def test_the_pattern_would_catch_an_import(library: str) -> None:
    pattern = _import_re(library)
    assert pattern.search(f"x = 1\n    from {library}.query import Term\n")
    assert pattern.search(f"import {library}\n")
    assert not pattern.search(f"# {library} is imported elsewhere\nimport {library}like\n")
