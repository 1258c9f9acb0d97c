"""Stories in the store: articles grouped as they arrive, listed, and their timelines."""

from __future__ import annotations

from newsgraph.pipeline.write import store_digests
from newsgraph.query import stories, timeline
from newsgraph.store import Store
from tests.store.fixtures import make_digest, person, thing


def test_stories_group_articles_of_one_case_apart_from_others(store: Store) -> None:
    first = make_digest(
        "Ohio Senator Mark Ellison was charged with fraud over a collapsed real estate fund. "
        "Attorney General Paul Dorsey announced the charges in Columbus.",
        [person("Mark Ellison"), person("Paul Dorsey"), thing("Columbus", "GPE")],
        url="https://n.example/a",
        title="Ohio senator Mark Ellison charged with fraud",
        published="2024-11-01",
        events=[("charge", "charged", None, None, ["Mark Ellison"])],
    )
    second = make_digest(
        "Fraud charges against Ohio Senator Mark Ellison over the collapsed fund were announced "
        "by Attorney General Paul Dorsey on Friday in Columbus.",
        [person("Mark Ellison"), person("Paul Dorsey"), thing("Columbus", "GPE")],
        url="https://n.example/b",
        title="Senator Ellison faces fraud charges",
        published="2024-11-02",
        events=[("charge", "charges", "on Friday", "2024-11-01", ["Mark Ellison"])],
    )
    other = make_digest(
        "Heavy rain flooded streets in Miami on Tuesday as a tropical storm moved north. "
        "The National Weather Service issued warnings.",
        [thing("Miami", "GPE"), thing("The National Weather Service")],
        url="https://n.example/c",
        title="Tropical storm floods Miami streets",
        published="2024-11-02",
    )
    store_digests(store, [first])
    store_digests(store, [second, other])
    found = stories(store)
    assert sorted(s.size for s in found) == [1, 2]
    case = next(s for s in found if s.size == 2)
    assert (case.title, case.first, case.last) == (
        "Ohio senator Mark Ellison charged with fraud",
        "2024-11-01",
        "2024-11-02",
    )
    assert {"mark ellison", "paul dorsey"} <= set(case.names)
    assert [s.id for s in stories(store, entity="Paul Dorsey")] == [case.id]
    rows = store.conn.query("SELECT article_id, story_id FROM article_stories ORDER BY article_id")
    assert sorted(r[1] for r in rows).count(case.id) == 2
    entries = timeline(store, story=case.id)
    # the undated report merges with the dated one: one charge, two sources, dated by the event
    assert [(e.type, e.date, e.uncertain, len(e.sources)) for e in entries] == [
        ("charge", "2024-11-01", False, 2)
    ]
