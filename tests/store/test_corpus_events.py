"""Corpus events in the store: one row per real event with every source, on both databases."""

from __future__ import annotations

from dataclasses import replace

from newsgraph import query
from newsgraph.pipeline.write import store_digests
from newsgraph.records import Digest, Participant
from newsgraph.store import Store
from newsgraph.store.backend import connect, connect_read_only
from newsgraph.store.migrations import MIGRATIONS, applied, migrate
from tests.store.fixtures import make_digest, person


def sentencing(
    who: str, outlet: str, published: str, sentence: str, value: str | None = "2024-04-15"
) -> Digest:
    digest = make_digest(
        sentence,
        [person(who, who.split()[-1]), person("Judge Ada Park", "Park", roles=["judge"])],
        url=f"https://{outlet}.example/{who.split()[-1].lower()}",
        title=f"{who} sentenced",
        published=published,
        events=[("sentencing", "sentenced", "on Monday" if value else None, value, [who])],
    )
    # the sentenced person is the patient, as the analysis names the role
    event = digest.events[0]
    patient = tuple(Participant("patient", p.entity) for p in event.participants)
    return replace(digest, events=(replace(event, participants=patient),))


def table(store: Store, sql: str) -> list[tuple[object, ...]]:
    return [tuple(r) for r in store.conn.query(sql)]


def test_corpus_event_one_row_for_one_sentencing_reported_twice(store: Store) -> None:
    store_digests(
        store,
        [
            sentencing(
                "Laura Reed",
                "herald",
                "2024-04-15",
                "Laura Reed was sentenced to 18 months in prison on Monday by Judge Ada Park.",
            ),
            sentencing(
                "Laura Reed",
                "ledger",
                "2024-04-16",
                "A judge sentenced Laura Reed, the armorer, to 18 months on Monday.",
            ),
        ],
    )
    rows = table(
        store, "SELECT type, date, precision, basis, sources, main, first, last FROM corpus_events"
    )
    assert rows == [("sentencing", "2024-04-15", "day", "event", 2, 0, "2024-04-15", "2024-04-16")]
    linked = table(store, "SELECT DISTINCT corpus_event_id FROM events")
    assert len(linked) == 1 and linked[0][0]
    entries = query.timeline(store, "Laura Reed")
    assert [(e.date, e.type, e.source_count) for e in entries] == [("2024-04-15", "sentencing", 2)]
    assert {s.url for s in entries[0].sources} == {
        "https://herald.example/reed",
        "https://ledger.example/reed",
    }


def test_corpus_event_sentencings_of_two_people_stay_apart(store: Store) -> None:
    store_digests(
        store,
        [
            sentencing(
                "Laura Reed",
                "herald",
                "2024-04-15",
                "Laura Reed was sentenced to 18 months in prison on Monday by Judge Ada Park.",
            ),
            sentencing(
                "Tom Brandt",
                "ledger",
                "2024-04-16",
                "Tom Brandt was sentenced to 18 months in prison on Monday by Judge Ada Park.",
            ),
        ],
    )
    assert table(store, "SELECT type, sources FROM corpus_events ORDER BY id") == [
        ("sentencing", 1),
        ("sentencing", 1),
    ]


def test_corpus_event_statements_are_not_followed(store: Store) -> None:
    digest = make_digest(
        "Judge Ada Park said the case was closed.",
        [person("Judge Ada Park", "Park")],
        published="2024-04-15",
        events=[("statement", "said", None, None, ["Judge Ada Park"])],
    )
    store_digests(store, [digest])
    assert table(store, "SELECT COUNT(*) FROM corpus_events") == [(0,)]
    # "": not followed across articles (NULL is kept for rows never matched)
    assert table(store, "SELECT corpus_event_id FROM events") == [("",)]
    assert query.timeline(store, "Ada Park") == ()
    assert [e.type for e in query.timeline(store, "Ada Park", everything=True)] == ["statement"]


def test_corpus_event_store_before_migration_opens_and_fills(store_url: str) -> None:
    conn = connect(store_url)
    try:
        migrate(conn, MIGRATIONS[:3])  # a store as the release before corpus events left it
    finally:
        conn.close()
    with Store.open(store_url) as store:
        assert applied(store.conn) == [m.name for m in MIGRATIONS]
        store_digests(
            store,
            [
                sentencing(
                    "Laura Reed",
                    "herald",
                    "2024-04-15",
                    "Laura Reed was sentenced to 18 months in prison on Monday.",
                )
            ],
        )
        # an event never matched (as rows written before 0004 are) shows on its own
        store.conn.execute("UPDATE events SET corpus_event_id = NULL")
        store.conn.execute("DELETE FROM corpus_events")
        entries = query.timeline(store, "Laura Reed")
        assert [(e.date, e.type, e.source_count) for e in entries] == [
            ("2024-04-15", "sentencing", 1)
        ]


def test_timeline_index_migration_opens_a_store_written_before_it(store_url: str) -> None:
    conn = connect(store_url)
    try:
        migrate(conn, MIGRATIONS[:4])
    finally:
        conn.close()
    old = Store(connect(store_url))  # written by the release before 0005, not migrated
    try:
        store_digests(
            old,
            [
                sentencing("Laura Reed", source, day, "Laura Reed was sentenced on Monday.")
                for source, day in (("herald", "2024-04-15"), ("ledger", "2024-04-16"))
            ],
        )
    finally:
        old.close()
    served = Store(connect_read_only(store_url))  # `newsgraph serve` on it, not migrated
    try:
        entries = query.timeline(served, "Laura Reed")
        assert [(e.date, e.type, e.source_count) for e in entries] == [
            ("2024-04-15", "sentencing", 2)
        ]
    finally:
        served.close()
    with Store.open(store_url) as store:
        assert applied(store.conn)[-1] == "0005_timeline_indexes"
        entries = query.timeline(store, "Laura Reed")
        assert [(e.date, e.type, e.source_count) for e in entries] == [
            ("2024-04-15", "sentencing", 2)
        ]
        if store.dialect == "sqlite":
            entity = table(store, "SELECT id FROM entities WHERE name = 'Laura Reed'")[0][0]
            plan = " ".join(
                str(r[-1])
                for r in store.conn.query(
                    "EXPLAIN QUERY PLAN SELECT ev.corpus_event_id FROM event_participants p "
                    "JOIN events ev INDEXED BY events_article_event_corpus "
                    "ON ev.article_id = p.article_id AND ev.local_id = p.event_id "
                    "WHERE p.entity_id = ?",
                    (entity,),
                )
            )
            # the scope is read from the two indexes, never from the rows
            assert "COVERING INDEX event_participants_entity_event" in plan
            assert "COVERING INDEX events_article_event_corpus" in plan
