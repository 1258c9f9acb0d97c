"""Stores on a real SQLite file and a real PostgreSQL server, and hand-built digests.

PostgreSQL tests use the server at ``NEWSGRAPH_TEST_PG_URL`` (``.ci/run`` starts
one), each in a schema of its own; without the variable they skip, saying why.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from urllib.parse import quote

import pytest

from newsgraph.records import (
    Article,
    Digest,
    Entity,
    Event,
    EventTime,
    Participant,
    Quote,
    Relation,
    article_id,
)
from newsgraph.store import Store

PG_ENV = "NEWSGRAPH_TEST_PG_URL"


def pg_url_or_skip() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(
            f"{PG_ENV} is not set: PostgreSQL tests need a server "
            "(.ci/run installs and starts one; set it to postgresql://user:pw@host/db)"
        )
    return url


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    """A URL whose connections work in a fresh, empty schema (dropped afterwards)."""
    import psycopg

    base = pg_url_or_skip()
    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options={quote(f'-csearch_path={schema}')}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same test on a SQLite file and on PostgreSQL."""
    if request.param == "sqlite":
        return str(tmp_path / "corpus.db")
    return str(request.getfixturevalue("pg_schema_url"))


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store.open(store_url) as opened:
        yield opened


# entity spec: (name, type, aliases, roles)
EntitySpec = tuple[str, str, tuple[str, ...], tuple[str, ...]]


def person(name: str, *aliases: str, roles: Sequence[str] = ()) -> EntitySpec:
    return (name, "PERSON", tuple(aliases), tuple(roles))


def thing(name: str, kind: str = "ORG", *aliases: str) -> EntitySpec:
    return (name, kind, tuple(aliases), ())


def make_digest(
    text: str,
    entities: Sequence[EntitySpec] = (),
    *,
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
    quotes: Sequence[tuple[str, str | None]] = (),
    events: Sequence[tuple[str, str, str | None, str | None, Sequence[str]]] = (),
    relations: Sequence[tuple[str, str, str]] = (),
) -> Digest:
    """A digest as the analysis would give it, with spans found in ``text``.

    ``quotes``: (content, speaker name); ``events``: (type, trigger, time text,
    time value, participant names); ``relations``: (type, subject name, object name).
    """
    ents = []
    ids: dict[str, str] = {}
    for n, (name, kind, aliases, roles) in enumerate(entities, 1):
        found = sorted(
            (
                (m.start(), m.end())
                for form in (name, *aliases)
                for m in re.finditer(r"\b" + re.escape(form) + r"\b", text)
            ),
            key=lambda s: (s[0], -s[1]),
        )
        spans: list[tuple[int, int]] = []
        for span in found:  # the longest form wins: "Sen. Mark Ellison", not also "Ellison"
            if not spans or span[0] >= spans[-1][1]:
                spans.append(span)
        ents.append(Entity(f"e{n}", name, kind, aliases, roles, tuple(spans)))
        ids[name] = f"e{n}"
    qs = []
    for n, (content, speaker) in enumerate(quotes, 1):
        start = text.index(content)
        qs.append(
            Quote(
                f"q{n}",
                "direct",
                content,
                (start, start + len(content)),
                speaker=ids.get(speaker or ""),
            )
        )
    evs = []
    for n, (kind, trigger, time_text, value, people) in enumerate(events, 1):
        start = text.index(trigger)
        left = text.rfind(". ", 0, start)
        left = 0 if left < 0 else left + 2
        right = text.find(".", start)
        right = len(text) if right < 0 else right + 1
        evs.append(
            Event(
                f"v{n}",
                kind,
                trigger,
                (start, start + len(trigger)),
                (left, right),
                tuple(Participant("participant", ids[p]) for p in people),
                EventTime(time_text, value) if time_text else None,
            )
        )
    rels = [Relation(kind, ids[s], ids[o], text[:20], (0, 20)) for kind, s, o in relations]
    article = Article(
        text=text, id=article_id(text, url), title=title, published=published, url=url
    )
    return Digest(article, tuple(ents), tuple(rels), tuple(qs), (), tuple(evs))
