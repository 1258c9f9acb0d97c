"""The pages in a real browser: Debian's Chromium driven by Playwright against a
``newsgraph serve`` process on 127.0.0.1, on the store of the examples.

Skips, saying why, without /usr/bin/chromium or the playwright package. Screenshots go
to the run's temporary folder, ``screenshots0`` under ``pytest --basetemp`` (by default
/tmp/pytest-of-$USER/pytest-N/screenshots0): look at them.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.fixtures import examples_db, hostile_id, web_digests  # noqa: F401  # fixtures

CHROMIUM = Path("/usr/bin/chromium")
# the network is closed: nothing in the background may try to reach it
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ELLISON_ARTICLE = "f8587e1e1120c530"
ELLISON_STORY = "s4f974be3145"
WHITFIELD = "c51ba9984d92a516"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(examples_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``newsgraph serve`` on the examples store, as a user starts it."""
    port = _free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "newsgraph", "serve", "--db", examples_db, "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"newsgraph serve exited with {proc.returncode}:\n{log.read_text()}")
            try:
                with urllib.request.urlopen(base + "/api/v1/status", timeout=1) as response:
                    assert json.load(response)["writable"] is False
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"newsgraph serve did not answer:\n{log.read_text()}")
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (.ci/run does, as root)")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="the playwright package is missing: pip install -e '.[dev]'"
    )
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


class Watched:
    """A page whose dialogs, console errors and uncaught errors are recorded."""

    def __init__(self, page: Any, base: str) -> None:
        self.page = page
        self.base = base
        self.problems: list[str] = []
        page.on("dialog", self._dialog)
        page.on(
            "console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}")
        )
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))

    def _dialog(self, dialog: Any) -> None:
        self.problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    def go(self, path: str) -> Any:
        response = self.page.goto(self.base + path)
        assert response is not None and response.ok, (path, response and response.status)
        return self.page

    def check(self) -> None:
        assert self.problems == []


@pytest.fixture
def web(browser: Any, server: str) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watched = Watched(context.new_page(), server)
    yield watched
    context.close()


def test_front_page_loads(web: Watched, shots: Path) -> None:
    page = web.go("/")
    assert page.title() == "Search the news · newsgraph"
    assert page.locator("h1").inner_text() == "Who, who said what, what happened"
    assert page.locator("ul.stories > li").count() == 4
    assert page.get_by_label("Search people, organisations, stories and quotes").is_visible()
    page.screenshot(path=shots / "front.png", full_page=True)
    web.check()


def test_search_finds_a_person_and_opens_their_page(web: Watched, shots: Path) -> None:
    page = web.go("/")
    # typing is enough: htmx asks for the results as the words change
    page.get_by_label("Search people, organisations, stories and quotes").fill("Whitfield")
    person = page.locator("#results section", has_text="People").get_by_role(
        "link", name="Dana Whitfield"
    )
    person.wait_for()
    assert page.url.endswith("/search?q=Whitfield")
    page.screenshot(path=shots / "search.png", full_page=True)
    person.click()
    page.wait_for_url(f"**/entity/{WHITFIELD}")
    assert page.title() == "Dana Whitfield · newsgraph"
    assert page.locator("h1").inner_text().startswith("Dana Whitfield")
    for heading in ("Roles over time", "Names and aliases", "Related", "Timeline"):
        assert page.get_by_role("heading", name=heading).is_visible()
    assert page.locator("figure.graph svg a").count() >= 3  # related entities, as a graph
    page.screenshot(path=shots / "entity.png", full_page=True)
    web.check()


def _sort_key(label: str) -> str:
    value = label.lstrip("~")
    if value == "undated":
        return "9999"
    return value + "-00" * (2 - value.count("-"))


def test_story_timeline_lists_entries_in_date_order(web: Watched, shots: Path) -> None:
    page = web.go(f"/story/{ELLISON_STORY}?all=1")  # every event: statements, undated ones
    entries = page.locator("ol.timeline > li")
    labels = [entries.nth(i).locator(".when").inner_text() for i in range(entries.count())]
    assert len(labels) > 5
    assert [_sort_key(x) for x in labels] == sorted(_sort_key(x) for x in labels)
    assert len(set(labels)) > 2  # several dates, not one
    # uncertain dates are shown as such
    uncertain = entries.locator(".when time.uncertain")
    assert uncertain.count() == sum(x.startswith("~") for x in labels) > 0
    dated = sum(x != "undated" for x in labels)
    assert page.locator("figure.axis svg a").count() == dated
    first = entries.nth(0)
    first.locator("summary").click()
    source = first.locator("ul.sources li").first
    assert source.locator("blockquote").is_visible()
    page.screenshot(path=shots / "story.png", full_page=True)
    source.get_by_role("link").click()
    page.wait_for_url(f"**/article/{ELLISON_ARTICLE}")
    web.check()


def test_article_highlights_a_quote_and_links_its_speaker(web: Watched, shots: Path) -> None:
    page = web.go(f"/article/{ELLISON_ARTICLE}")
    quote = page.locator(".article-text .quote", has_text="a gift to every con artist").first
    assert quote.is_visible()
    background = quote.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    speaker = quote.locator("xpath=following-sibling::*[1]").locator("a.speaker")
    assert speaker.inner_text() == "Dana Whitfield"
    assert speaker.get_attribute("href") == f"/entity/{WHITFIELD}"
    assert page.locator(".article-text a.mark.ent-person").count() > 5
    assert page.locator(".article-text mark.time").count() > 3
    assert page.locator(".article-text mark.event").count() > 3
    assert page.get_by_role("heading", name="Summary").is_visible()
    page.screenshot(path=shots / "article.png", full_page=True)
    # the layers switch off without a script: CSS :has() on the boxes
    page.get_by_label("quotes").uncheck()
    assert quote.evaluate("el => getComputedStyle(el).backgroundColor") == "rgba(0, 0, 0, 0)"
    speaker_link = page.locator(".article-text a.speaker", has_text="Dana Whitfield").first
    page.get_by_label("quotes").check()
    speaker_link.click()
    page.wait_for_url(f"**/entity/{WHITFIELD}")
    web.check()


def test_pages_fit_a_phone(browser: Any, server: str, shots: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    web = Watched(context.new_page(), server)
    for name, path in (
        ("article", f"/article/{ELLISON_ARTICLE}"),
        ("story", f"/story/{ELLISON_STORY}"),
    ):
        page = web.go(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, (path, width)
        page.screenshot(path=shots / f"phone-{name}.png", full_page=True)
    web.check()
    context.close()


def test_hostile_article_runs_no_script(web: Watched, web_digests: list, shots: Path) -> None:
    aid = hostile_id(web_digests)
    page = web.go(f"/article/{aid}")
    assert (
        page.locator("h1").inner_text()
        == "<script>alert('title')</script> Mayor <b>Eve Mallory</b> quits"
    )
    text = page.locator(".article-text").inner_text()
    assert "</script><script>alert('quote')</script>" in text
    assert "<img src=x onerror=alert('img')>" in text
    page.screenshot(path=shots / "hostile.png", full_page=True)
    story = page.get_by_role("link", name="its story").get_attribute("href")
    for path in (story, "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/quotes?search=wrong"):
        page = web.go(path)
        assert page.locator("script").count() == 2  # htmx and ours
        assert page.locator("[onerror], [onload], img, svg image").count() == 0
        assert page.locator('a[href^="javascript:" i]').count() == 0
    # every link of the article page leads to this server: the text's links stayed text
    page = web.go(f"/article/{aid}")
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    assert hrefs and all(h.startswith(web.base + "/") for h in hrefs), hrefs
    web.check()


def test_quote_search_filters(web: Watched, shots: Path) -> None:
    page = web.go("/quotes")
    page.get_by_label("Said by").fill("Whitfield")
    page.get_by_label("Words").fill("con artist")
    page.get_by_role("button", name="Find quotes").click()
    page.wait_for_url("**/quotes?*by=Whitfield*")
    items = page.locator("#quote-results .quote-item")
    items.first.wait_for()
    speakers = {items.nth(i).locator("a.speaker").inner_text() for i in range(items.count())}
    assert speakers == {"Dana Whitfield"}
    page.screenshot(path=shots / "quotes.png", full_page=True)
    page.get_by_label("From").fill("2025")
    page.get_by_role("button", name="Find quotes").click()
    page.locator("#quote-results", has_text="No quotes found").wait_for()
    web.check()


def test_pages_work_without_javascript(browser: Any, server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    web = Watched(context.new_page(), server)
    page = web.go("/")
    page.get_by_label("Search people, organisations, stories and quotes").fill("Ellison")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=Ellison")
    page.get_by_role("link", name="Mark Ellison").first.click()
    page.wait_for_url("**/entity/**")
    entry = page.locator("ol.timeline > li").first
    entry.locator("summary").click()  # <details>: no script needed
    assert entry.locator("ul.sources").is_visible()
    assert page.locator("button.expand-all").is_hidden()  # the one script-only control
    web.check()
    context.close()


def test_paste_an_article_shows_its_digest(web: Watched, shots: Path) -> None:
    page = web.go("/paste")
    page.get_by_label("Headline (optional)").fill("Bridge reopens")
    page.get_by_label("Published (optional, YYYY-MM-DD: resolves “on Friday”)").fill("2024-11-02")
    page.get_by_label("Article text").fill(
        "Mayor Ann Whitfield reopened the Elm Street bridge on Friday. "
        '"We kept our promise," Whitfield said.'
    )
    page.get_by_role("button", name="Analyse").click()
    page.locator("text=This article was analysed and not stored").wait_for(timeout=60_000)
    assert page.locator(".article-text .quote", has_text="We kept our promise").is_visible()
    assert (
        page.locator(".article-text mark.time", has_text="Friday").get_attribute("data-label")
        == "2024-11-01"
    )
    page.screenshot(path=shots / "paste.png", full_page=True)
    web.check()
