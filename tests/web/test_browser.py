"""The web UI in a real headless browser (Debian's chromium driven by Playwright)."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from web_helpers import CHROMIUM, chromium, running_server, screenshot

from bicorpus.cli import main

if not Path(CHROMIUM).exists():  # .ci/run installs it; elsewhere: apt-get install chromium
    if os.environ.get("CI"):
        raise RuntimeError(f"{CHROMIUM} is missing: the browser tests need Debian's chromium")
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def site(workbench):
    corpus, index = workbench
    with running_server(index, corpus) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture
def page(browser):
    p = browser.new_page()
    p.set_default_timeout(20_000)
    yield p
    p.close()


def _search(page, base: str, query: str) -> None:
    page.goto(base + "/")
    page.fill("input[name=q]", query)
    page.click("button[type=submit]")
    page.wait_for_selector("#total, .error")


def test_search_in_english_highlights_the_spans(page, site):
    _search(page, site, "Nusra")
    assert page.text_content("#total") == "7"
    marks = page.locator("p.passage mark")
    assert marks.count() >= 7
    texts = {marks.nth(i).text_content() for i in range(marks.count())}
    assert {"Nusra", "النصرة"} <= texts
    # the spans are highlighted: a background colour the rest of the text does not have
    colour = marks.first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    why = marks.first.get_attribute("title")
    assert "Nusra" in why and "confidence" in why


def test_search_in_arabic_renders_right_to_left(page, site):
    _search(page, site, "دير الزور")
    arabic = page.locator("p.passage[lang=ar]").first
    english = page.locator("p.passage[lang=en]").first
    assert arabic.evaluate("p => getComputedStyle(p).direction") == "rtl"
    assert english.evaluate("p => getComputedStyle(p).direction") == "ltr"
    assert arabic.locator("mark").first.text_content() == "دير الزور"
    assert english.locator("mark").first.text_content() == "Deir ez-Zor"
    # an Arabic passage starts at the right edge of its box
    box = arabic.evaluate("""p => { const r = document.createRange(); r.selectNodeContents(p);
        const first = r.getClientRects()[0]; const b = p.getBoundingClientRect();
        return [b.right - first.right, first.left - b.left]; }""")
    assert box[0] < box[1]


def test_hostile_page_is_shown_as_text_and_runs_nothing(page, site):
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    _search(page, site, "inside")
    text = page.locator("p.passage").first.text_content()
    assert "<script>document.title='pwned';window.hostileRan=1</script>" in text
    assert '<img src=x onerror="window.hostileRan=2">' in text
    assert page.evaluate("window.hostileRan") is None
    assert page.title() != "pwned"
    assert page.locator("main script, main img").count() == 0
    page.click("a.pid")
    page.wait_for_selector("p.current")
    assert "<script>" in page.text_content("p.current")
    assert page.evaluate("window.hostileRan") is None and not errors


def test_bad_query_shows_the_cli_error(page, site, workbench):
    _, index = workbench
    line = CliRunner().invoke(main, ["search", "Nusra AND", "--index", str(index)]).output.strip()
    _search(page, site, "Nusra AND")
    assert page.text_content(".error") == line


def test_csv_download_reads_back_as_the_cli_rows(page, site, workbench, tmp_path: Path):
    _, index = workbench
    _search(page, site, "Nusra")
    with page.expect_download() as info:
        page.click("#download-csv")
    saved = tmp_path / "download.csv"
    info.value.save_as(saved)
    downloaded = pd.read_csv(saved)
    cli = CliRunner().invoke(main, ["search", "Nusra", "--limit", "7", "--csv", "--index", str(index)])
    expected = pd.read_csv(io.BytesIO(cli.stdout_bytes))
    assert len(downloaded) == 7
    pd.testing.assert_frame_equal(downloaded, expected)


def test_views_in_the_browser(page, site, tmp_path: Path):
    page.goto(site + "/variants?name=Nusra")
    assert page.locator("svg.chart polyline").count() >= 2
    assert "النصرة" in page.text_content("table.variants")
    page.goto(site + "/concordance?q=Nusra+OR+%D8%A7%D9%84%D9%86%D8%B5%D8%B1%D8%A9&sort=left")
    rows = page.locator("table.kwic tbody tr")
    assert rows.count() >= 8
    # every left context, Arabic or English, ends against the match column
    ends = set()
    for i in range(rows.count()):
        box = rows.nth(i).locator("td.left bdi").bounding_box()
        if box and box["width"]:
            ends.add(box["x"] + box["width"])
    assert ends and max(ends) - min(ends) < 1.5, ends
    scripts = {rows.nth(i).locator("td.match").text_content().strip() for i in range(rows.count())}
    assert {"Nusra", "النصرة"} <= scripts


def test_screenshot_is_a_png(browser, site, tmp_path: Path):
    path = screenshot(browser, site + "/?q=Nusra", tmp_path / "ui.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 10_000
