"""Safe by default: escaped untrusted text, a strict CSP, a read-only store, limits on
requests, and no stack trace in any answer."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph import query
from newsgraph.errors import StoreError
from newsgraph.pipeline.write import store_digests
from newsgraph.store import Store
from newsgraph.store.backend import connect_read_only
from newsgraph.web import ServeConfig, create_app
from newsgraph.web.security import CSP
from tests.store.fixtures import make_digest, person, pg_url_or_skip
from tests.web.fixtures import (  # noqa: F401  # fixtures
    HOSTILE,
    client,
    examples_db,
    hostile_id,
    web_digests,
)

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "newsgraph" / "web" / "templates"
EVIL_NAME = "Eve <img src=x onerror=alert(9)> Mallory"


def test_every_answer_carries_the_security_headers(client: TestClient) -> None:
    for url in ("/", "/api/v1/entities", "/static/style.css", "/nowhere", "/api/v1/nowhere"):
        headers = client.get(url).headers
        assert headers["content-security-policy"] == CSP, url
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "no-referrer"
    assert "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP


def test_templates_never_mark_text_safe() -> None:
    for path in TEMPLATES.glob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\|\s*safe\b|autoescape\s+false|<script>|\bon\w+=", text), path.name
        # scripts come from /static only, never inline
        for tag in re.findall(r"<script[^>]*>", text):
            assert 'src="/static/' in tag, (path.name, tag)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def assert_no_active_markup(html: str, url: str) -> None:
    """No event handler, no javascript: link, no script but ours, no element from the text."""
    parser = _Tags()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert not [a for a in attrs if a.startswith("on")], (url, tag, attrs)
        for name in ("href", "src", "action", "formaction", "xlink:href"):
            assert not attrs.get(name, "").strip().lower().startswith("javascript:"), (url, tag)
        assert tag not in ("img", "iframe", "object", "embed", "b"), (url, tag)
    scripts = [attrs.get("src") for tag, attrs in parser.tags if tag == "script"]
    assert scripts == ["/static/htmx.min.js", "/static/newsgraph.js"], url


def hostile_pages(client: TestClient, digests: list) -> list[str]:
    aid = hostile_id(digests)
    story = client.get(f"/api/v1/articles/{aid}").json()["article"]["story_id"]
    mallory = client.get("/api/v1/entities", params={"search": "Mallory"}).json()[0]["id"]
    return [
        f"/article/{aid}",
        f"/story/{story}",
        f"/entity/{mallory}",
        "/search?q=" + "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/quotes?search=wrong&by=%22%3E%3Cscript%3Ealert(2)%3C/script%3E",
        "/articles?search=%3Cimg%20src%3Dx%20onerror%3Dalert(3)%3E",
        "/entity/%3Cscript%3Ealert(4)%3C%2Fscript%3E",
    ]


def test_hostile_text_is_escaped_in_every_page(client: TestClient, web_digests: list) -> None:
    for url in hostile_pages(client, web_digests):
        html = client.get(url).text
        assert "<script>alert" not in html, url
        assert "<img src=x" not in html and "<svg onload" not in html, url
        assert_no_active_markup(html, url)
    article = client.get(f"/article/{hostile_id(web_digests)}").text
    assert "<title>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Mayor" in article
    assert "&lt;/script&gt;&lt;script&gt;alert(&#39;quote&#39;)&lt;/script&gt;" in article
    # the untrusted url is shown as text, never as a link
    assert "javascript:alert(&#39;url&#39;)</span>" in article


def test_hostile_names_are_escaped(tmp_path: Path) -> None:
    db = str(tmp_path / "evil.db")
    d = make_digest(
        f'{EVIL_NAME} said "it is fine" on Monday.',
        [person(EVIL_NAME)],
        title="<b>bold</b>",
        published="2024-01-02",
        url="https://n.example/evil",
        quotes=[("it is fine", EVIL_NAME)],
    )
    with Store.open(db) as store:
        store_digests(store, [d])
    with TestClient(create_app(ServeConfig(db=db))) as evil:
        [entity] = evil.get("/api/v1/entities").json()
        for url in ("/", f"/entity/{entity['id']}", "/quotes", "/search?q=Mallory", "/stories"):
            html = evil.get(url).text
            assert "<img src=x" not in html and "<b>bold</b>" not in html, url
            assert_no_active_markup(html, url)
            if url != "/stories":  # stories list names in lower case
                assert "Eve &lt;img src=x onerror=alert(9)&gt; Mallory" in html, url


def test_the_store_is_opened_read_only(examples_db: str, tmp_path: Path) -> None:
    app = create_app(ServeConfig(db=examples_db))
    store = app.state.stores.get()
    with pytest.raises(StoreError, match="readonly"):
        store.conn.execute("DELETE FROM articles")
    assert query.articles(store)  # and nothing was deleted
    with pytest.raises(StoreError, match="no store at"):
        create_app(ServeConfig(db=str(tmp_path / "missing.db")))
    assert not (tmp_path / "missing.db").exists()


def test_a_postgresql_store_is_opened_read_only() -> None:
    conn = connect_read_only(pg_url_or_skip())
    try:
        with pytest.raises(StoreError, match="read-only"):
            conn.execute("CREATE TABLE newsgraph_web_probe (x int)")
    finally:
        conn.close()


def test_bodies_over_max_bytes_get_413(examples_db: str) -> None:
    with TestClient(create_app(ServeConfig(db=examples_db, max_bytes=100))) as small:
        big = {"text": "x" * 200}
        response = small.post("/api/v1/digest", json=big)
        assert response.status_code == 413
        assert "100 bytes" in response.json()["detail"]

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
            yield b'{"text": "'
            yield b"y" * 150
            yield b'"}'

        response = small.post(
            "/api/v1/digest", content=chunks(), headers={"content-type": "application/json"}
        )
        assert response.status_code == 413
        assert small.post("/paste", content=b"text=" + b"z" * 200).status_code == 413


def test_unknown_host_headers_are_refused(examples_db: str) -> None:
    app = create_app(ServeConfig(db=examples_db, hosts=("127.0.0.1", "localhost")))
    with TestClient(app) as local:
        assert local.get("/api/v1/status").status_code == 400  # Host: testserver
        ok = local.get("/api/v1/status", headers={"host": "127.0.0.1:8000"})
        assert ok.status_code == 200
        rebound = local.get("/api/v1/status", headers={"host": "evil.example:8000"})
        assert rebound.status_code == 400


def test_errors_never_show_a_stack_trace(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(query, "entities", broken)
    with TestClient(client.app, raise_server_exceptions=False) as crashing:
        for url in ("/api/v1/entities", "/entities"):
            response = crashing.get(url)
            assert response.status_code == 500
            assert "secret" not in response.text and "Traceback" not in response.text
            assert "internal error" in response.text
        page = crashing.get("/entities")
        assert page.headers["content-type"].startswith("text/html")
        assert json.loads(crashing.get("/api/v1/entities").text)["detail"].startswith("internal")


def test_no_request_path_reaches_the_filesystem(client: TestClient) -> None:
    assert client.get("/static/style.css").status_code == 200
    for name in ("../app.py", "..%2Fapp.py", "%2e%2e/__init__.py", "templates/base.html"):
        assert client.get(f"/static/{name}").status_code == 404, name
    cached = client.get(
        "/static/style.css",
        headers={"if-none-match": client.get("/static/style.css").headers["etag"]},
    )
    assert cached.status_code == 304


def test_serve_command_refuses_a_missing_store_and_writes_without_a_token(
    tmp_path: Path, examples_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from newsgraph.cli import app as cli_app

    monkeypatch.delenv("NEWSGRAPH_TOKEN", raising=False)
    missing = CliRunner().invoke(cli_app, ["serve", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 4
    assert "no store at" in missing.output and not (tmp_path / "none.db").exists()
    unsafe = CliRunner().invoke(cli_app, ["serve", "--db", examples_db, "--allow-write"])
    assert unsafe.exit_code == 2
    assert "needs a token: set NEWSGRAPH_TOKEN" in unsafe.output
