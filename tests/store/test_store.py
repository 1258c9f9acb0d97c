"""The store on a real SQLite file and a real PostgreSQL server: exact rows, idempotency, search."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pytest

from newsgraph.corpus import embed, features
from newsgraph.corpus.features import Analysed
from newsgraph.corpus.linking import EntityFeatures, link_features
from newsgraph.corpus.stories import story_features
from newsgraph.pipeline import write
from newsgraph.pipeline.write import store_digests, write_batch
from newsgraph.records import Digest
from newsgraph.records.corpus import EntityWrite, StorySummary, StoryWrite
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
        assert applied(again.conn) == [
            "0001_initial",
            "0002_search",
            "0003_stories",
            "0004_corpus_events",
            "0005_timeline_indexes",
        ]
        assert table(again, "SELECT COUNT(*) FROM schema_migrations") == [(5,)]


def test_store_write_gives_exact_rows(store: Store) -> None:
    d = ellison_digest()
    report = store_digests(store, [d])
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


def test_store_persists_the_writes_it_is_given(store: Store) -> None:
    d = make_digest(
        "Dana Whitfield sued.", [person("Dana Whitfield", "Whitfield")], published="2024-11-02"
    )
    aid = d.article.id
    day = "2024-11-02"
    summary = StorySummary("s1", (0.123456789, -1.0), (("dana whitfield", 1),), day, day, 1)
    entity = EntityWrite(
        id="c1",
        new=True,
        name="Dana Whitfield",
        type="PERSON",
        seen="2024-11-02",
        context=("acme",),
        stories=("s1",),
        keys=("PERSON:whitfield",),
        names=(("Dana Whitfield", "dana whitfield"), ("Whitfield", "whitfield")),
        roles=("attorney",),
    )
    with store.transaction() as batch:
        batch.add_article(d, aid, "h1", replace=False)
        batch.add_story(StoryWrite(aid, summary, True, "Whitfield sues", ("dana whitfield",)))
        batch.add_entities([entity])
        batch.add_rows(d, aid, {"e1": "c1"})
    assert table(store, "SELECT * FROM stories") == [
        ("s1", "Whitfield sues", "[0.12346, -1.0]", '[["dana whitfield", 1]]', day, day, 1)
    ]
    assert table(store, "SELECT * FROM story_names") == [("dana whitfield", "s1", "2024-11-02")]
    assert table(store, "SELECT * FROM article_stories") == [(aid, "s1")]
    columns = "id, name, type, first_seen, last_seen, article_count, context, stories"
    assert table(store, f"SELECT {columns} FROM entities") == [
        ("c1", "Dana Whitfield", "PERSON", "2024-11-02", "2024-11-02", 1, '["acme"]', '["s1"]')
    ]
    assert table(store, "SELECT * FROM entity_keys") == [("PERSON:whitfield", "c1")]
    assert table(store, "SELECT entity_id, local_id FROM mentions") == [("c1", "e1")]
    # seen again, in an older article: one more article, dates widened, evidence replaced
    again = replace(
        entity,
        new=False,
        seen="2024-10-01",
        name="Dana R. Whitfield",
        context=("b",),
        stories=("s2", "s1"),
    )
    with store.transaction() as batch:
        batch.add_entities([again])
    assert table(store, f"SELECT {columns} FROM entities") == [
        ("c1", "Dana R. Whitfield", "PERSON", "2024-10-01", day, 2, '["b"]', '["s2", "s1"]')
    ]
    names = "SELECT name, first_seen, last_seen, count FROM entity_names ORDER BY name"
    assert table(store, names) == [
        ("Dana Whitfield", "2024-10-01", "2024-11-02", 2),
        ("Whitfield", "2024-10-01", "2024-11-02", 2),
    ]


def test_store_write_runs_no_model(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    d = ellison_digest()
    # features as a worker would give them; from here on, any embedding is an error
    item = Analysed(d, story_features(d, (1.0, 0.0)), link_features(d))

    def no_model() -> None:
        raise AssertionError("the writer embedded a lead")

    monkeypatch.setattr(embed, "get_embedder", no_model)
    monkeypatch.setattr(features, "get_embedder", no_model)
    assert write_batch(store, [item]).added == (d.article.id,)
    assert table(store, "SELECT centroid, size FROM stories") == [("[1.0, 0.0]", 1)]
    assert table(store, "SELECT COUNT(*) FROM mentions") == [(3,)]


def test_store_same_article_twice_is_stored_once(store: Store) -> None:
    d = ellison_digest()
    store_digests(store, [d])
    report = store_digests(store, [d, d])
    assert report.added == () and report.updated == ()
    assert report.unchanged == (d.article.id, d.article.id)
    assert table(store, "SELECT COUNT(*) FROM articles") == [(1,)]
    assert table(store, "SELECT COUNT(*) FROM mentions") == [(3,)]
    assert table(store, "SELECT COUNT(*), SUM(article_count) FROM entities") == [(3, 3)]
    assert store.stored([d.article]) == {d.article.id}


def test_store_changed_text_for_same_url_is_updated_not_duplicated(store: Store) -> None:
    old = ellison_digest()
    store_digests(store, [old])
    text = TEXT.replace("in June", "in July") + " Dana Whitfield spoke to reporters."
    new = ellison_digest(text, month="July")
    assert new.article.id == old.article.id
    report = store_digests(store, [new])
    assert report.updated == (new.article.id,)
    assert table(store, "SELECT id, text FROM articles") == [(new.article.id, text)]
    assert table(store, "SELECT COUNT(*) FROM mentions") == [(3,)]
    assert table(store, "SELECT COUNT(*), SUM(article_count) FROM entities") == [(3, 3)]
    assert table(store, "SELECT time_text FROM events") == [("in July",)]
    assert search_articles(store.conn, "reporters") == [(new.article.id, "Ellison sued")]
    assert table(store, "SELECT COUNT(*) FROM quotes") == [(1,)]


def test_store_failed_batch_commits_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    first = ellison_digest()
    store_digests(store, [first])
    link = write.link_entities

    def broken(article_id: str, entities: Sequence[EntityFeatures], *args: Any, **kw: Any) -> Any:
        # the second article's row and story are written by now, the first's entities too
        if any(e.name == "John Roe" for e in entities):
            raise RuntimeError("crash in the middle of a batch")
        return link(article_id, entities, *args, **kw)

    monkeypatch.setattr(write, "link_entities", broken)
    ok = make_digest("Jane Doe spoke first.", [person("Jane Doe")])
    bad = make_digest("John Roe spoke second.", [person("John Roe")])
    with pytest.raises(RuntimeError):
        store_digests(store, [ok, bad])
    assert table(store, "SELECT id FROM articles") == [(first.article.id,)]
    assert table(store, "SELECT COUNT(*) FROM entities") == [(3,)]
    assert table(store, "SELECT COUNT(*) FROM article_stories") == [(1,)]
    monkeypatch.undo()
    assert store_digests(store, [ok, bad]).added == (ok.article.id, bad.article.id)


def test_store_full_text_search_over_articles_and_quotes(store: Store) -> None:
    d = ellison_digest()
    other = make_digest(
        'Coach Rick Ellison said "we played badly" after the game.',
        [person("Rick Ellison", "Coach Rick Ellison", roles=["coach"])],
        published="2024-10-01",
        title="Loss",
        quotes=[("we played badly", "Rick Ellison")],
    )
    store_digests(store, [d, other])
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
