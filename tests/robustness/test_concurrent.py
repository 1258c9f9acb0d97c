"""Two ``newsgraph ingest`` runs at once on one store, and readers while an ingest writes.

Two runs of overlapping inputs store every article once, each with its digest's rows,
as one run of all the inputs does. Which run links an article first decides which
corpus entity an ambiguous name joins, so the corpus tables are compared for the
articles, not row for row. Readers (the ``entities``, ``quotes``, ``stories`` and
``timeline`` commands and the query functions) opened while a writer holds a
transaction open, and all the while it writes, never fail and never see a
half-written article.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph import query
from newsgraph.store import Store
from tests.robustness.corpus_check import check_articles, check_intact, dump
from tests.robustness.harness import (
    ROOT,
    ForkServer,
    Run,
    Schema,
    article_commit,
    pause_at,
    reference,
    resume,
    running,
)
from tests.store.fixtures import pg_url_or_skip

pytestmark = pytest.mark.model

DATA = ROOT / "tests" / "data"
# four articles in both runs: "the same article" arriving twice at once
FIRST = [str(DATA / "articles"), str(DATA / "corpus" / "ellison-charged.json")]
SECOND = [
    str(DATA / "corpus"),
    str(DATA / "articles" / "family-roles.txt"),
    str(DATA / "articles" / "shared-surname.txt"),
    str(DATA / "articles" / "no-speech.txt"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ForkServer]:
    forks = ForkServer(tmp_path_factory.mktemp("forkserver"))
    yield forks
    forks.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty store: a SQLite file, or a schema of its own on the test server."""
    if request.param == "sqlite":
        yield str(tmp_path / "corpus.db")
        return
    schema = Schema(pg_url_or_skip(), "c_" + uuid.uuid4().hex[:12]).create()
    yield schema.url
    schema.drop()


def ingest(paths: list[str], url: str) -> list[str]:
    return ["ingest", *paths, "--db", url, "--commit-every", "1", "--processes", "1"]


def test_two_ingests_at_once_store_each_article_once_with_its_rows(
    server: ForkServer, url: str, tmp_path: Path
) -> None:
    marker = tmp_path / "pause"
    # the first run holds the transaction of its first article (family-roles.txt) open
    # until the second has analysed its own articles and waits to write: the second
    # writes family-roles.txt too, so the two writes meet. (On PostgreSQL the second
    # failed on the duplicate key until the writers took turns there too.)
    first = server.run(ingest(FIRST, url), kill=pause_at(article_commit(1), marker))
    server.paused(marker, first)
    second = server.run(ingest(SECOND, url))
    waiting(server, second, url)
    resume(marker)
    for run in (first, second):
        server.wait(run)
        assert run.status == 0, run.stderr
    with Store.open(url) as store:
        check_intact(store)
        assert check_articles(store, reference()) == set(reference())
        rows = dump(store)
    assert len(rows["articles"]) == len(rows["article_stories"]) == len(reference())
    added = sum(int(r.stderr.split(" added")[0].rsplit(" ", 1)[1]) for r in (first, second))
    assert added == len(reference()), [r.stderr for r in (first, second)]


def waiting(server: ForkServer, run: Run, url: str, timeout: float = 120) -> None:
    """Until ``run`` waits for the other writer: on its lock (SQLite), or on a row lock."""
    deadline = time.monotonic() + timeout
    while True:
        assert running(run), run.stderr
        assert time.monotonic() < deadline, "the second run never got to its writes"
        counts = server.counts(run)
        if url.startswith("postgresql"):
            import psycopg

            with psycopg.connect(pg_url_or_skip(), autocommit=True) as admin:
                blocked = admin.execute(
                    "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    "AND datname = current_database()"
                ).fetchone()
            if blocked and blocked[0]:
                return
        elif counts.get("sql", 0) >= 1:
            # its first statement is the BEGIN IMMEDIATE that waits for the lock
            time.sleep(0.3)
            return
        time.sleep(0.05)


def readers(url: str, server: ForkServer, commands: bool = True) -> list[int]:
    """Run every reader once against ``url`` (``commands``: the CLI's too); the article
    count the query functions saw."""
    seen = []
    with query.open_store(url) as store:
        seen.append(int(store.conn.query("SELECT COUNT(*) FROM articles")[0][0]))
        people = query.entities(store, type="PERSON", limit=5)
        for person in people[:2]:
            query.entity_profile(store, person.id)
            query.timeline(store, person.id)
            query.quotes(store, by=person.id)
        query.quotes(store, search="said", since="2020")
        for story in query.stories(store, limit=3):
            query.timeline(store, story=story.id)
    if not commands:
        return seen
    runs = [
        server.run(["entities", "--db", url, "--format", "json"]),
        server.run(["quotes", "--db", url, "--format", "json", "--search", "fraud"]),
        server.run(["stories", "--db", url, "--format", "json"]),
    ]
    if people:
        runs.append(server.run(["timeline", people[0].id, "--db", url, "--format", "json"]))
    for run in runs:
        server.wait(run)
        assert run.status == 0, run.stderr
        json.loads(run.stdout)
    return seen


def test_readers_during_an_ingest_never_fail(server: ForkServer, url: str, tmp_path: Path) -> None:
    marker = tmp_path / "pause"
    # held inside the transaction of the third article, two committed before it
    ingest_run = server.run(
        ingest([*FIRST, *SECOND], url), kill=pause_at(article_commit(3), marker)
    )
    server.paused(marker, ingest_run)
    # the writer holds its lock and its uncommitted rows: readers see the two articles
    assert readers(url, server) == [2]
    with Store.open(url) as store:
        check_intact(store, writer_active=True)
        assert len(check_articles(store, reference())) == 2
    resume(marker)
    seen = [2]
    while running(ingest_run):
        seen += readers(url, server, commands=False)
    server.wait(ingest_run)
    assert ingest_run.status == 0, ingest_run.stderr
    seen += readers(url, server)
    assert seen == sorted(seen), "a reader saw articles disappear"
    assert seen[-1] == len(reference())
