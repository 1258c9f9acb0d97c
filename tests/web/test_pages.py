"""The pages on a hand-built corpus: long timelines in pages, names that fit two people,
errors as pages, a title and a label for everything."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.pipeline.write import store_digests
from newsgraph.records import Digest
from newsgraph.store import Store
from newsgraph.web import ServeConfig, create_app
from newsgraph.web.pages import TIMELINE_PAGE
from tests.store.fixtures import make_digest, person

EVENTS = TIMELINE_PAGE + 12


def _corpus() -> list[Digest]:
    out = []
    start = date(2021, 1, 4)
    for n in range(EVENTS):
        day = (start + timedelta(days=7 * n)).isoformat()
        out.append(
            make_digest(
                f"Ann Whitfield testified before the council on {day}. Bo Whitfield watched.",
                [person("Ann Whitfield"), person("Bo Whitfield")],
                url=f"https://n.example/hearing-{n}",
                title=f"Hearing {n}",
                published=day,
                # a milestone type, so each is on the default timeline
                events=[("ruling", "testified", day, day, ["Ann Whitfield"])],
            )
        )
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = str(tmp_path_factory.mktemp("pages") / "hearings.db")
    with Store.open(db) as store:
        store_digests(store, _corpus())
    with TestClient(create_app(ServeConfig(db=db))) as client:
        yield client


def _ann(site: TestClient) -> str:
    [ann] = site.get("/api/v1/entities", params={"search": "Ann Whitfield"}).json()
    return str(ann["id"])


def test_a_long_timeline_is_listed_in_pages_and_drawn_whole(site: TestClient) -> None:
    ann = _ann(site)
    first = site.get(f"/entity/{ann}").text
    assert first.count('<li id="entry-') == TIMELINE_PAGE
    assert first.count('<circle class="mark') == EVENTS  # the axis draws every entry
    assert f'href="/entity/{ann}?offset={TIMELINE_PAGE}#timeline">Next' in first
    # an entry of the next page is linked on its page
    assert f'href="?offset={TIMELINE_PAGE}#entry-{TIMELINE_PAGE + 3}"' in first
    assert 'href="#entry-3"' in first
    second = site.get(f"/entity/{ann}", params={"offset": TIMELINE_PAGE}).text
    ids = [int(n) for n in re.findall(r'<li id="entry-(\d+)"', second)]
    assert ids == list(range(TIMELINE_PAGE, EVENTS))
    assert (
        f'<ol class="timeline" id="timeline-{TIMELINE_PAGE}" start="{TIMELINE_PAGE + 1}">' in second
    )
    assert "Next →" not in second and "← Previous" in second


def test_story_page_pages_its_timeline_too(site: TestClient) -> None:
    [story] = site.get("/api/v1/stories").json()  # one story: the same people every week
    assert story["size"] == EVENTS
    page = site.get(f"/story/{story['id']}").text
    assert page.count('<li id="entry-') == TIMELINE_PAGE
    assert f"{EVENTS} events, by when they happened" in page
    assert f'href="/story/{story["id"]}?offset={TIMELINE_PAGE}#timeline">Next' in page
    # its articles: the newest 20 here, all of them one click away
    assert page.count('<li><a href="/article/') == 20
    assert f'href="/articles?story={story["id"]}">All {EVENTS} articles' in page


def test_a_name_of_two_people_profiles_one_and_names_the_other(site: TestClient) -> None:
    page = site.get("/entity/Whitfield").text
    assert "The name may also mean:" in page
    assert "Ann Whitfield" in page and "Bo Whitfield" in page


def test_missing_things_are_404_pages(site: TestClient) -> None:
    for url in ("/entity/Nobody%20Here", "/story/s000", "/article/0000", "/nope"):
        response = site.get(url)
        assert response.status_code == 404, url
        assert response.headers["content-type"].startswith("text/html")
        assert "<title>Not found · newsgraph</title>" in response.text
    assert "no entity named &#39;Nobody Here&#39;" in site.get("/entity/Nobody%20Here").text


def test_bad_parameters_are_explained_on_the_page(site: TestClient) -> None:
    response = site.get("/quotes", params={"since": "yesterday"})
    assert response.status_code == 200
    assert re.search(r'<p class="problem" role="alert">date &#39;yesterday&#39;', response.text)
    assert 'value="yesterday"' in response.text  # the form keeps what was typed
    bad = site.get("/stories", params={"offset": "-3"})
    assert bad.status_code == 422 and "greater than or equal to 0" in bad.text


class _Form(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.fields: list[str] = []
        self.labelled: set[str] = set()
        self.open_labels = 0
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "label":
            self.open_labels += 1
            if a.get("for"):
                self.labelled.add(a["for"] or "")
        if tag in ("input", "select", "textarea") and a.get("type") != "hidden":
            name = a.get("id") or ""
            self.fields.append(name)
            if self.open_labels:
                self.labelled.add(name)
        self._in_title = tag == "title" and not self.title

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.open_labels -= 1
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def test_every_page_has_a_title_and_labelled_fields(site: TestClient) -> None:
    ann = _ann(site)
    story = site.get("/api/v1/stories").json()[0]["id"]
    article = site.get("/api/v1/articles").json()[0]["id"]
    for url in (
        "/",
        "/search?q=whitfield",
        "/entities",
        f"/entity/{ann}",
        "/stories",
        f"/story/{story}",
        "/articles",
        f"/article/{article}",
        "/quotes",
        "/paste",
        "/docs",
    ):
        parser = _Form()
        parser.feed(site.get(url).text)
        assert parser.title.endswith(" · newsgraph") and len(parser.title) > 12, url
        unlabelled = [f for f in parser.fields if f not in parser.labelled]
        assert unlabelled == [], (url, unlabelled)


def test_docs_page_lists_every_route(site: TestClient) -> None:
    page = site.get("/docs").text
    for path in site.get("/openapi.json").json()["paths"]:
        assert f"<code>{path}</code>" in page, path


def test_static_files_exist_in_the_package() -> None:
    root = Path(__file__).resolve().parents[2] / "src" / "newsgraph" / "web" / "static"
    assert (root / "htmx-LICENSE.txt").read_text().startswith("htmx.org 2.")
    assert "Zero-Clause BSD" in (root / "htmx-LICENSE.txt").read_text()
