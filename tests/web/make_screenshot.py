"""Take the picture of the web UI shown in the README: the bundled seed and the small test pages,
searched for a name in both scripts, in Debian's headless chromium.

    .venv/bin/python tests/web/make_screenshot.py docs/ui.png
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

from web_helpers import chromium, running_server, screenshot, write_pages

import bicorpus

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def main(out: str = "docs/ui.png", query: str = "Deir ez-Zor") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        pages = write_pages(root)
        (pages / "beta.example" / "hostile.txt").unlink()
        bicorpus.ingest([SEEDS, pages], root / "corpus", index=root / "index")
        with running_server(root / "index", root / "corpus") as base, chromium() as browser:
            screenshot(browser, f"{base}/?q={quote(query)}&per=6", Path(out), width=1100, height=1000)
    print(f"wrote {out}")


if __name__ == "__main__":
    main(*sys.argv[1:])
