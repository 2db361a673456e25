"""Options several commands share, declared once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click


def corpus_option(help: str = "Corpus directory.") -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--corpus DIR`` (default ``corpus``), passed as ``corpus_dir``."""
    return click.option("--corpus", "corpus_dir", default="corpus", show_default=True,
                        type=click.Path(path_type=Path), help=help)


def index_option(help: str = "Index directory.") -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--index DIR`` (default ``index``), passed as ``index_dir``."""
    return click.option("--index", "index_dir", default="index", show_default=True,
                        type=click.Path(path_type=Path), help=help)
