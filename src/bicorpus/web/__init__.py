"""The local web UI (``bicorpus serve``): a read-only Starlette app over an index and its corpus.

Pages are rendered on the server with Jinja2 (every text escaped: scraped pages are hostile);
styles come from the package's ``static/`` folder, nothing is loaded from the internet, and no
JavaScript is needed.  The JSON API answers with the same JSON as the CLI's ``--json``:

- ``/api/search?q=…`` is ``bicorpus search … --json``
- ``/api/passage/ID`` is ``bicorpus show ID --json``
- ``/api/variants?name=…`` is ``bicorpus variants … --json``
- ``/api/concordance?q=…`` is ``bicorpus concordance … --json``

``/download.csv`` and ``/download.jsonl`` give the current results as ``bicorpus search --csv``
and ``--jsonl`` would.
"""

from __future__ import annotations

from .app import check_sources, create_app

__all__ = ["check_sources", "create_app"]
