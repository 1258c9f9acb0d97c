"""Stores for the web tests: the repository's examples and a hostile article, digested once
per session by the real pipeline, written to a SQLite file and (in CI) to PostgreSQL.

Test modules import the fixtures they use from here (the one conftest stays as it is).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from newsgraph.analysis import digest
from newsgraph.pipeline.write import store_digests
from newsgraph.records import Digest
from newsgraph.store import Store
from newsgraph.web import ServeConfig, create_app
from tests.conftest import EXAMPLES, load_article
from tests.store.fixtures import pg_url_or_skip

HOSTILE = Path(__file__).resolve().parent / "data" / "hostile.json"
# the date `newsgraph digest examples/ --published 2024-11-02` gives the undated example
PUBLISHED = "2024-11-02"
EXAMPLE_FILES = ("ellison-case.txt", "stunt-accident.json", "city-council.html")


@pytest.fixture(scope="session")
def web_digests() -> list[Digest]:
    """The three examples and the hostile article, read and analysed as the CLI does."""
    paths = [EXAMPLES / name for name in EXAMPLE_FILES] + [HOSTILE]
    return [digest(load_article(path, PUBLISHED)) for path in paths]


@pytest.fixture(scope="session")
def examples_db(web_digests: list[Digest], tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite store of the examples and the hostile article (written once, then only read)."""
    path = str(tmp_path_factory.mktemp("web") / "examples.db")
    with Store.open(path) as store:
        store_digests(store, web_digests)
    return path


@pytest.fixture(scope="session")
def pg_examples_url(web_digests: list[Digest]) -> Iterator[str]:
    """The same store on the PostgreSQL server of ``NEWSGRAPH_TEST_PG_URL``, in a schema of
    its own (dropped at the end); skips, saying why, without the server."""
    import psycopg

    base = pg_url_or_skip()
    schema = "web_" + uuid.uuid4().hex[:10]
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    url = f"{base}{sep}options={quote(f'-csearch_path={schema}')}"
    try:
        with Store.open(url) as store:
            store_digests(store, web_digests)
        yield url
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def backend_db(request: pytest.FixtureRequest) -> str:
    """The examples store on SQLite, then on PostgreSQL."""
    name = "examples_db" if request.param == "sqlite" else "pg_examples_url"
    return str(request.getfixturevalue(name))


@pytest.fixture(scope="session")
def client(examples_db: str) -> Iterator[TestClient]:
    """A read-only server on the SQLite examples store."""
    with TestClient(create_app(ServeConfig(db=examples_db))) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def backend_client(backend_db: str) -> Iterator[TestClient]:
    """A read-only server on the examples store, SQLite then PostgreSQL."""
    with TestClient(create_app(ServeConfig(db=backend_db))) as test_client:
        yield test_client


def hostile_id(digests: list[Digest]) -> str:
    """The stored id of the hostile article (the last one)."""
    return digests[-1].article.id
