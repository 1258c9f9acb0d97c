"""The HTTP API on a real store of the examples (SQLite, and PostgreSQL in CI): exact JSON,
the same as the CLI's ``--format json``, pages, clear 4xx errors, digest and write."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsgraph.analysis import digest
from newsgraph.cli import app as cli_app
from newsgraph.errors import ConfigError
from newsgraph.records import Digest
from newsgraph.web import ServeConfig, create_app
from tests.conftest import EXAMPLES
from tests.web.fixtures import (  # noqa: F401  # fixtures
    HOSTILE,
    backend_client,
    backend_db,
    client,
    examples_db,
    pg_examples_url,
    web_digests,
)

ELLISON_ARTICLE = "f8587e1e1120c530"
ELLISON_STORY = "s4f974be3145"
WHITFIELD = {
    "id": "c51ba9984d92a516",
    "name": "Dana Whitfield",
    "type": "PERSON",
    "article_count": 1,
    "first_seen": "2024-11-02",
    "last_seen": "2024-11-02",
}


def cli_json(db: str, *args: str) -> Any:
    result = CliRunner().invoke(cli_app, [*args, "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_api_articles_exact_json(backend_client: TestClient) -> None:
    response = backend_client.get("/api/v1/articles")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == [
        {
            "id": "804dcc0ca2281f4c",
            "title": "Stunt performer badly hurt as car jump fails on film set",
            "published": "2025-03-14",
            "url": "https://example.org/news/stunt-accident",
            "source": str(EXAMPLES / "stunt-accident.json"),
            "story_id": "se37840cebc7",
        },
        {
            "id": ELLISON_ARTICLE,
            "title": "Fraud case against Ohio senator dismissed as investors plan civil suit",
            "published": "2024-11-02",
            "url": None,
            "source": str(EXAMPLES / "ellison-case.txt"),
            "story_id": ELLISON_STORY,
        },
        {
            "id": "94a7bdc167aa468f",
            "title": "<script>alert('title')</script> Mayor <b>Eve Mallory</b> quits",
            "published": "2024-10-08",
            "url": "javascript:alert('url')",
            "source": "<script>alert('source')</script>",
            "story_id": "sb20e23373f6",
        },
        {
            "id": "ce1a7d4632a59bfd",
            "title": "Council approves transit contract after month of strikes",
            "published": "2024-05-08",
            "url": "https://example.org/news/city-council-transit-vote",
            "source": str(EXAMPLES / "city-council.html"),
            "story_id": "s7066b70f407",
        },
    ]


def test_api_entity_search_exact_json(backend_client: TestClient) -> None:
    response = backend_client.get("/api/v1/entities", params={"type": "PERSON", "search": "whitf"})
    assert response.json() == [WHITFIELD]
    assert "link" not in response.headers


@pytest.mark.parametrize(
    ("path", "params", "command"),
    [
        ("/api/v1/entities", {}, ["entities"]),
        (
            "/api/v1/entities",
            {"type": "ORG", "limit": 3},
            ["entities", "--type", "ORG", "--limit", "3"],
        ),
        ("/api/v1/entities/Sen. Ellison", {}, ["entity", "Sen. Ellison"]),
        (
            "/api/v1/entities/c51ba9984d92a516",
            {"limit": 2},
            ["entity", "c51ba9984d92a516", "--limit", "2"],
        ),
        ("/api/v1/quotes", {"by": "Whitfield"}, ["quotes", "--by", "Whitfield"]),
        (
            "/api/v1/quotes",
            {"search": "con artist", "since": "2024"},
            ["quotes", "--search", "con artist", "--since", "2024"],
        ),
        (
            "/api/v1/quotes",
            {"about": "Ellison", "until": "2024-11"},
            ["quotes", "--about", "Ellison", "--until", "2024-11"],
        ),
        ("/api/v1/stories", {}, ["stories"]),
        ("/api/v1/stories", {"entity": "Mark Ellison"}, ["stories", "--entity", "Mark Ellison"]),
        ("/api/v1/timeline", {"entity": "Mark Ellison"}, ["timeline", "Mark Ellison"]),
        ("/api/v1/timeline", {"story": ELLISON_STORY}, ["timeline", "--story", ELLISON_STORY]),
    ],
)
def test_api_json_is_the_cli_json(
    backend_client: TestClient,
    backend_db: str,
    path: str,
    params: dict[str, Any],
    command: list[str],
) -> None:
    response = backend_client.get(path, params=params)
    assert response.status_code == 200, response.text
    expected = cli_json(backend_db, *command)
    assert response.json() == expected
    assert expected  # each of these finds something in the examples


def test_api_story_with_articles_people_and_timeline(
    backend_client: TestClient, backend_db: str
) -> None:
    data = backend_client.get(f"/api/v1/stories/{ELLISON_STORY}").json()
    assert set(data) == {"story", "articles", "members", "timeline"}
    [story] = [s for s in cli_json(backend_db, "stories") if s["id"] == ELLISON_STORY]
    assert data["story"] == story
    assert [a["id"] for a in data["articles"]] == [ELLISON_ARTICLE]
    assert {"entity": WHITFIELD, "articles": 1} in data["members"]
    assert data["timeline"] == cli_json(backend_db, "timeline", "--story", ELLISON_STORY)


def test_api_article_has_its_digest_and_corpus_entities(
    backend_client: TestClient, web_digests: list[Digest]
) -> None:
    data = backend_client.get(f"/api/v1/articles/{ELLISON_ARTICLE}").json()
    [stored] = [d for d in web_digests if d.article.id == ELLISON_ARTICLE]
    # the digest exactly as `newsgraph digest --format json` prints it
    assert data["digest"] == json.loads(json.dumps(stored.to_dict()))
    assert data["article"]["story_id"] == ELLISON_STORY
    assert {e["local_id"] for e in data["entities"]} == {e.id for e in stored.entities}
    [whitfield] = [e for e in data["entities"] if e["entity_id"] == WHITFIELD["id"]]
    assert stored.entity(whitfield["local_id"]).name == "Dana Whitfield"


def test_api_pages_follow_the_link_header(client: TestClient) -> None:
    everything = client.get("/api/v1/entities", params={"limit": 500}).json()
    assert len(everything) > 5
    pages, url = [], "/api/v1/entities?limit=2"
    while url:
        response = client.get(url)
        pages.append(response.json())
        link = response.headers.get("link")
        url = link.split(">")[0].lstrip("<") if link else ""
    assert all(len(p) == 2 for p in pages[:-1]) and 1 <= len(pages[-1]) <= 2
    assert [e for p in pages for e in p] == everything
    second = client.get("/api/v1/quotes", params={"limit": 1, "offset": 1}).json()
    assert second == client.get("/api/v1/quotes", params={"limit": 2}).json()[1:]


@pytest.mark.parametrize(
    ("url", "status", "says"),
    [
        ("/api/v1/entities?limit=0", 422, "greater than or equal to 1"),
        ("/api/v1/entities?limit=501", 422, "less than or equal to 500"),
        ("/api/v1/entities?offset=-1", 422, "greater than or equal to 0"),
        ("/api/v1/quotes?limit=ten", 422, "valid integer"),
        ("/api/v1/quotes?since=2024-13", 422, "should match pattern"),
        ("/api/v1/entities/Nobody%20Atall", 404, "no entity named 'Nobody Atall'"),
        ("/api/v1/stories/s000", 404, "no story 's000'"),
        ("/api/v1/articles/0000", 404, "no article '0000'"),
        ("/api/v1/timeline", 400, "give one of entity"),
        ("/api/v1/timeline?entity=Ellison&story=s1", 400, "give one of entity"),
        ("/api/v1/stories?entity=Ellison&search=fraud", 400, "not both"),
        ("/api/v1/nothing-here", 404, "Not Found"),
    ],
)
def test_api_bad_requests_get_a_clear_4xx(
    client: TestClient, url: str, status: int, says: str
) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    assert says in json.dumps(response.json()["detail"])


def test_api_digest_of_a_posted_article_is_not_stored(client: TestClient) -> None:
    before = client.get("/api/v1/articles").json()
    article = json.loads((EXAMPLES / "stunt-accident.json").read_text(encoding="utf-8"))
    article["url"] = "https://example.org/news/another"
    response = client.post("/api/v1/digest", json=article)
    assert response.status_code == 200, response.text
    from newsgraph.ingest.jsonio import article_from_object

    expected = digest(article_from_object(article, "request")).to_dict()
    assert response.json() == json.loads(json.dumps(expected))
    text = client.post(
        "/api/v1/digest?published=2024-11-02",
        content=(EXAMPLES / "ellison-case.txt").read_bytes(),
        headers={"content-type": "text/plain"},
    ).json()
    assert text["schema"] == "newsgraph.digest/1"
    assert text["article"]["title"].startswith("Fraud case against Ohio senator")
    assert text["article"]["published"] == "2024-11-02"
    assert client.get("/api/v1/articles").json() == before


@pytest.mark.parametrize(
    ("body", "kind", "status", "says"),
    [
        (b"", "text/plain", 400, "empty body"),
        (b'{"title": "no text"}', "application/json", 400, "missing key 'text'"),
        (b'[{"text": "One."}, {"text": "Two."}]', "application/json", 400, "post one article"),
        (b"{not json", "application/json", 400, "invalid JSON"),
        (b"text", "image/png", 415, "post application/json"),
    ],
)
def test_api_digest_refuses_what_is_not_one_article(
    client: TestClient, body: bytes, kind: str, status: int, says: str
) -> None:
    response = client.post("/api/v1/digest", content=body, headers={"content-type": kind})
    assert response.status_code == status
    assert says in response.json()["detail"]


def test_api_bad_published_date_is_a_400(client: TestClient) -> None:
    response = client.post(
        "/api/v1/digest?published=yesterday",
        content=b"A text.",
        headers={"content-type": "text/plain"},
    )
    assert response.status_code == 400
    assert "not an ISO date" in response.json()["detail"]


def test_api_has_no_write_route_unless_allowed(client: TestClient) -> None:
    response = client.post("/api/v1/articles", json={"text": "Someone said something."})
    assert response.status_code == 405
    assert "post" not in client.get("/openapi.json").json()["paths"]["/api/v1/articles"]
    assert client.get("/api/v1/status").json()["writable"] is False


def test_api_write_needs_the_token(examples_db: str, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="NEWSGRAPH_TOKEN"):
        create_app(ServeConfig(db=examples_db, allow_write=True))
    db = tmp_path / "writable.db"
    shutil.copy(examples_db, db)
    app = create_app(ServeConfig(db=str(db), allow_write=True, token="s3cret-token"))
    article = {"text": "Mayor Ann Whitfield opened the bridge on Friday.", "title": "Bridge opens"}
    with TestClient(app) as writer:
        assert writer.post("/api/v1/articles", json=article).status_code == 401
        wrong = {"authorization": "Bearer nope"}
        assert writer.post("/api/v1/articles", json=article, headers=wrong).status_code == 401
        good = {"authorization": "Bearer s3cret-token"}
        response = writer.post("/api/v1/articles", json=article, headers=good)
        assert response.status_code == 201, response.text
        report = response.json()
        assert (report["added"], report["updated"], report["skipped"]) == (1, 0, 0)
        [stored] = report["ids"]
        titles = {a["id"]: a["title"] for a in writer.get("/api/v1/articles").json()}
        assert titles[stored] == "Bridge opens"
        again = writer.post("/api/v1/articles", json=article, headers=good).json()
        assert (again["added"], again["skipped"]) == (0, 1)
        assert writer.get("/api/v1/status").json()["writable"] is True


def test_api_openapi_describes_the_record_fields(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    # the JSON shapes come from the records themselves: one definition
    assert list(schemas["EntitySummary"]["properties"]) == list(WHITFIELD)
    assert set(schemas["StoryView"]["properties"]) == {"story", "articles", "members", "timeline"}
    paths = spec["paths"]
    for route in ("/api/v1/articles", "/api/v1/entities", "/api/v1/stories", "/api/v1/quotes"):
        names = {p["name"] for p in paths[route]["get"]["parameters"]}
        assert {"limit", "offset"} <= names, route
    assert "post" in paths["/api/v1/digest"]


def test_api_hostile_text_is_returned_as_json_data(client: TestClient) -> None:
    hostile = json.loads(HOSTILE.read_text(encoding="utf-8"))
    [row] = [a for a in client.get("/api/v1/articles").json() if a["url"] == hostile["url"]]
    data = client.get(f"/api/v1/articles/{row['id']}").json()
    assert data["digest"]["article"]["title"] == hostile["title"]
    assert any("</script>" in q["content"] for q in data["digest"]["quotes"])
