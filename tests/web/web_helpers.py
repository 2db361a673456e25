"""Small pages showing each rule of the workbench, a corpus and index built from them, and a
server run in-process on a free loopback port."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PAGES: dict[str, str] = {
    "alpha.example/nusra-2017.txt": (
        "Why the Nusra Front Survived\n\n"
        "April 12, 2017\n\n"
        "The al-Nusra Front kept its positions near Idlib while rival groups lost ground, and "
        "observers expected an-Nusrah to grow stronger in the months ahead.\n\n"
        "Fighters of Jabhat al-Nusra moved towards Deir ez-Zor in the spring.\n"
    ),
    "alpha.example/nusra-2019.txt": (
        "Two Years Later in Idlib\n\n"
        "March 3, 2019\n\n"
        "Analysts no longer wrote about the Nusra Front: by then the group had changed its name twice "
        "and its commanders spoke of a new alliance.\n"
    ),
    "beta.example/arabic-2018.txt": (
        "جبهة النصرة في دير الزور\n\n"
        "٥ أيار ٢٠١٨\n\n"
        "انسحبت جبهة النصرة من مواقعها قرب دير الزور بعد معارك طويلة مع تنظيم داعش، "
        "وقال مراقبون إن النصرة ستعيد تنظيم صفوفها في البادية.\n"
    ),
    "beta.example/hostile.txt": (
        "A page that tries to run a script\n\n"
        "June 1, 2018\n\n"
        "The Nusra Front page said <script>document.title='pwned';window.hostileRan=1</script> and "
        "<img src=x onerror=\"window.hostileRan=2\"> inside its text.\n"
    ),
}


def write_pages(root: Path) -> Path:
    """The pages above under ``root/pages`` (one folder per site)."""
    pages = root / "pages"
    for name, text in PAGES.items():
        path = pages / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return pages


def build(root: Path, engine: str | None = None) -> tuple[Path, Path]:
    """Ingest the pages into ``root/corpus`` and ``root/index``; returns (corpus, index)."""
    import bicorpus

    pages = write_pages(root)
    bicorpus.ingest([pages], root / "corpus", index=root / "index", engine=engine)
    return root / "corpus", root / "index"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_server(index: Path, corpus: Path) -> Iterator[str]:
    """The web UI served by uvicorn in a thread on a free loopback port; yields its base URL."""
    import uvicorn

    from bicorpus.web import create_app

    port = free_port()
    config = uvicorn.Config(create_app(index, corpus), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the web UI did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


#: Where Debian's chromium is, and how it runs here: headless, no sandbox (root), nothing fetched.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@contextmanager
def chromium() -> Iterator[object]:
    """A headless Debian chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def screenshot(browser: object, url: str, path: Path, width: int = 1100, height: int = 900) -> Path:
    """A PNG of the page at ``url``."""
    page = browser.new_page(viewport={"width": width, "height": height})  # type: ignore[attr-defined]
    try:
        page.goto(url)
        page.screenshot(path=str(path), full_page=False)
    finally:
        page.close()
    return path
