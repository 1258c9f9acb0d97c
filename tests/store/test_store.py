"""The store on a real SQLite file and a real PostgreSQL server: exact rows, idempotency, search."""

from __future__ import annotations

import json

import pytest

from newsgraph.records import Digest
from newsgraph.store import Store
from newsgraph.store.migrations import MIGRATIONS, applied
from newsgraph.store.reader import QuoteFilter, quotes, search_articles
from tests.store.fixtures import make_digest, person, thing

TEXT = (
    'Sen. Mark Ellison said "I did nothing wrong" on Friday. '
    "Attorney Dana Whitfield sued Ellison in June for the Brennan family."
)


def ellison_digest(
    text: str = TEXT, url: str | None = "https://news.example/ellison", month: str = "June"
) -> Digest:
    value = "2024-06" if month == "June" else "2024-07"
    return make_digest(
        text,
        [
            person("Mark Ellison", "Sen. Mark Ellison", "Ellison", roles=["senator"]),
            person("Dana Whitfield", roles=["attorney"]),
            thing("Brennan", "PERSON"),
        ],
        url=url,
        title="Ellison sued",
        published="2024-11-02",
        quotes=[("I did nothing wrong", "Mark Ellison")],
        events=[("lawsuit", "sued", f"in {month}", value, ["Dana Whitfield", "Mark Ellison"])],
        relations=[("represents", "Dana Whitfield", "Brennan")],
    )


def table(store: Store, sql: str) -> list[tuple[object, ...]]:
    return [tuple(r) for r in store.conn.query(sql)]


def test_store_migrations_applied_in_order_once(store_url: str) -> None:
    with Store.open(store_url) as first:
        assert applied(first.conn) == [m.name for m in MIGRATIONS]
    with Store.open(store_url) as again:
        assert applied(again.conn) == ["0001_initial", "0002_search", "0003_stories"]
        assert table(again, "SELECT COUNT(*) FROM schema_migrations") == [(3,)]


def test_store_write_gives_exact_rows(store: Store) -> None:
    d = ellison_digest()
    report = store.write([d])
    aid = d.article.id
    assert report.added == (aid,)
    assert table(store, "SELECT id, url, title, published, text FROM articles") == [
        (aid, "https://news.example/ellison", "Ellison sued", "2024-11-02", TEXT)
    ]
    stored = json.loads(table(store, "SELECT digest FROM articles")[0][0])
    assert stored == d.to_dict()
    mentions = table(
        store, "SELECT local_id, name, type, mention_count FROM mentions ORDER BY local_id"
    )
    assert mentions == [
        ("e1", "Mark Ellison", "PERSON", 2),
        ("e2", "Dana Whitfield", "PERSON", 1),
        ("e3", "Brennan", "PERSON", 1),
    ]
    ids = dict(table(store, "SELECT local_id, entity_id FROM mentions"))
    assert table(
        store,
        "SELECT id, name, type, article_count, first_seen, last_seen FROM entities ORDER BY name",
    ) == [
        (ids["e3"], "Brennan", "PERSON", 1, "2024-11-02", "2024-11-02"),
        (ids["e2"], "Dana Whitfield", "PERSON", 1, "2024-11-02", "2024-11-02"),
        (ids["e1"], "Mark Ellison", "PERSON", 1, "2024-11-02", "2024-11-02"),
    ]
    assert table(
        store,
        f"SELECT name, norm, count FROM entity_names WHERE entity_id = '{ids['e1']}' ORDER BY name",
    ) == [
        ("Ellison", "ellison", 1),
        ("Mark Ellison", "mark ellison", 1),
        ("Sen. Mark Ellison", "mark ellison", 1),
    ]
    assert table(
        store, "SELECT entity_id, role, first_seen, count FROM entity_roles ORDER BY role"
    ) == [
        (ids["e2"], "attorney", "2024-11-02", 1),
        (ids["e1"], "senator", "2024-11-02", 1),
    ]
    assert table(store, "SELECT local_id, content, speaker_id, published FROM quotes") == [
        ("q1", "I did nothing wrong", ids["e1"], "2024-11-02")
    ]
    assert table(store, "SELECT type, subject_id, object_id FROM relations") == [
        ("represents", ids["e2"], ids["e3"])
    ]
    assert table(
        store, "SELECT local_id, type, trigger, sentence, time_text, time_value FROM events"
    ) == [
        (
            "v1",
            "lawsuit",
            "sued",
            "Attorney Dana Whitfield sued Ellison in June for the Brennan family.",
            "in June",
            "2024-06",
        )
    ]
    assert table(store, "SELECT event_id, idx, entity_id FROM event_participants ORDER BY idx") == [
        ("v1", 0, ids["e2"]),
        ("v1", 1, ids["e1"]),
    ]


def test_store_same_article_twice_is_stored_once(store: Store) -> None:
    d = ellison_digest()
    store.write([d])
    report = store.write([d, d])
    assert report.added == () and report.updated == ()
    assert report.unchanged == (d.article.id, d.article.id)
    assert table(store, "SELECT COUNT(*) FROM articles") == [(1,)]
    assert table(store, "SELECT COUNT(*) FROM mentions") == [(3,)]
    assert table(store, "SELECT COUNT(*), SUM(article_count) FROM entities") == [(3, 3)]
    assert store.stored([d.article]) == {d.article.id}


def test_store_changed_text_for_same_url_is_updated_not_duplicated(store: Store) -> None:
    old = ellison_digest()
    store.write([old])
    text = TEXT.replace("in June", "in July") + " Dana Whitfield spoke to reporters."
    new = ellison_digest(text, month="July")
    assert new.article.id == old.article.id
    report = store.write([new])
    assert report.updated == (new.article.id,)
    assert table(store, "SELECT id, text FROM articles") == [(new.article.id, text)]
    assert table(store, "SELECT COUNT(*) FROM mentions") == [(3,)]
    assert table(store, "SELECT COUNT(*), SUM(article_count) FROM entities") == [(3, 3)]
    assert table(store, "SELECT time_text FROM events") == [("in July",)]
    assert search_articles(store.conn, "reporters") == [(new.article.id, "Ellison sued")]
    assert table(store, "SELECT COUNT(*) FROM quotes") == [(1,)]


def test_store_failed_batch_commits_nothing(store: Store) -> None:
    first = ellison_digest()
    store.write([first])

    def broken(conn: object, digest: Digest, aid: str) -> str | None:
        if "second" in digest.article.text:
            raise RuntimeError("crash in the middle of a batch")
        return None

    store._story_step = broken
    ok = make_digest("Jane Doe spoke first.", [person("Jane Doe")])
    bad = make_digest("John Roe spoke second.", [person("John Roe")])
    with pytest.raises(RuntimeError):
        store.write([ok, bad])
    assert table(store, "SELECT id FROM articles") == [(first.article.id,)]
    assert table(store, "SELECT COUNT(*) FROM entities") == [(3,)]
    store._story_step = None
    assert store.write([ok, bad]).added == (ok.article.id, bad.article.id)


def test_store_full_text_search_over_articles_and_quotes(store: Store) -> None:
    d = ellison_digest()
    other = make_digest(
        'Coach Rick Ellison said "we played badly" after the game.',
        [person("Rick Ellison", "Coach Rick Ellison", roles=["coach"])],
        published="2024-10-01",
        title="Loss",
        quotes=[("we played badly", "Rick Ellison")],
    )
    store.write([d, other])
    # stemming on both databases: "suing" finds "sued" is too much to ask; "families" ~ "family"
    assert search_articles(store.conn, "Brennan families") == [(d.article.id, "Ellison sued")]
    assert [a for a, _ in search_articles(store.conn, "Ellison")] == [
        d.article.id,
        other.article.id,
    ]
    assert search_articles(store.conn, "nonexistentword") == []
    hits = quotes(store.conn, QuoteFilter(search="played"))
    assert [(h.content, h.speaker, h.published) for h in hits] == [
        ("we played badly", "Rick Ellison", "2024-10-01")
    ]
    assert [h.content for h in quotes(store.conn, QuoteFilter(search="WRONG nothing"))] == [
        "I did nothing wrong"
    ]
    # punctuation and FTS operators in a search are words, not syntax
    assert quotes(store.conn, QuoteFilter(search='"wrong" OR NEAR(')) == []
