"""The read API on SQLite and PostgreSQL: profiles, quotes, timelines, entities, export."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from newsgraph.errors import ConfigError, NotFoundError
from newsgraph.pipeline.write import store_digests
from newsgraph.query import entities, entity_profile, find_entities, quotes, timeline
from newsgraph.query.export import export
from newsgraph.records import Digest
from newsgraph.store import Store
from tests.store.fixtures import make_digest, person, thing


def corpus() -> list[Digest]:
    charged = make_digest(
        "Ohio state Senator Mark Ellison was charged on March 9. "
        'Paul Dorsey said "Ellison betrayed the retirees of Ohio."',
        [
            person("Mark Ellison", "Ellison", roles=["Ohio state Senator"]),
            person("Paul Dorsey", roles=["attorney general"]),
            thing("Ohio", "GPE"),
        ],
        url="https://n.example/charged",
        title="Senator charged",
        published="2023-03-10",
        quotes=[("Ellison betrayed the retirees of Ohio.", "Paul Dorsey")],
        events=[("charge", "charged", "March 9", "2023-03-09", ["Mark Ellison"])],
    )
    dismissed = make_digest(
        "A judge dismissed the case against Sen. Ellison on Friday. "
        "Dana Whitfield, who represents Paul Dorsey's critics, "
        'said "this is a gift to con artists." '
        'Whitfield added "we will get the bank records."',
        [
            person("Ellison", "Sen. Ellison", roles=["senator"]),
            person("Dana Whitfield", "Whitfield", roles=["lawyer"]),
            person("Paul Dorsey"),
        ],
        url="https://n.example/dismissed",
        title="Case dismissed",
        published="2024-11-02",
        quotes=[
            ("this is a gift to con artists.", "Dana Whitfield"),
            ("we will get the bank records.", "Dana Whitfield"),
        ],
        events=[("dismissal", "dismissed", "on Friday", "2024-11-01", ["Ellison"])],
        relations=[("represents", "Dana Whitfield", "Paul Dorsey")],
    )
    followup = make_digest(
        "The case against Mark Ellison was thrown out on Friday, Dana Whitfield said. "
        'Ellison said "I was always innocent."',
        [person("Mark Ellison", "Ellison"), person("Dana Whitfield")],
        url="https://n.example/followup",
        title="After the dismissal",
        published="2024-11-05",
        quotes=[("I was always innocent.", "Mark Ellison")],
        events=[("dismissal", "thrown out", "on Friday", "2024-11-01", ["Mark Ellison"])],
    )
    return [charged, dismissed, followup]


@pytest.fixture
def filled(store: Store) -> Store:
    store_digests(store, corpus())
    return store


def test_query_profile_of_one_person_across_articles(filled: Store) -> None:
    p = entity_profile(filled, "Sen. Ellison")
    assert (p.entity.name, p.entity.article_count) == ("Mark Ellison", 3)
    assert [(r.value, r.first_seen, r.last_seen) for r in p.roles] == [
        ("Ohio state Senator", "2023-03-10", "2023-03-10"),
        ("senator", "2024-11-02", "2024-11-02"),
    ]
    assert [(r.entity.name, r.articles) for r in p.related] == [
        ("Paul Dorsey", 2),
        ("Dana Whitfield", 2),
        ("Ohio", 1),
    ]
    assert [q.content for q in p.quotes_by] == ["I was always innocent."]
    assert [(q.content, q.speaker) for q in p.quotes_about] == [
        ("Ellison betrayed the retirees of Ohio.", "Paul Dorsey")
    ]
    assert [(t.date, t.type, len(t.sources)) for t in p.timeline] == [
        ("2023-03-09", "charge", 1),
        ("2024-11-01", "dismissal", 2),
    ]
    assert p.others == ()


def test_query_relations_in_related(filled: Store) -> None:
    p = entity_profile(filled, "Dana Whitfield")
    assert [(r.entity.name, r.relations) for r in p.related][:2] == [
        ("Mark Ellison", ()),
        ("Paul Dorsey", ("represents",)),
    ]


def test_query_unknown_name_says_how_to_search(filled: Store) -> None:
    with pytest.raises(NotFoundError, match="newsgraph entities --search"):
        entity_profile(filled, "Nobody Atall")
    assert find_entities(filled, "nobody") == []


def test_query_quotes_by_about_search_and_dates(filled: Store) -> None:
    by = quotes(filled, by="Whitfield")
    assert [(q.content, q.published) for q in by] == [
        ("this is a gift to con artists.", "2024-11-02"),
        ("we will get the bank records.", "2024-11-02"),
    ]
    assert by[0].title == "Case dismissed" and by[0].url == "https://n.example/dismissed"
    assert "Dana Whitfield, who represents" in by[0].context
    assert [q.content for q in quotes(filled, about="Mark Ellison")] == [
        "Ellison betrayed the retirees of Ohio."
    ]
    assert [q.content for q in quotes(filled, search="record")] == ["we will get the bank records."]
    assert [q.content for q in quotes(filled, since="2024-11-03")] == ["I was always innocent."]
    assert [q.content for q in quotes(filled, until="2023")] == [
        "Ellison betrayed the retirees of Ohio."
    ]
    assert [
        q.content for q in quotes(filled, since="2024-11", until="2024-11-02", by="Dorsey")
    ] == []
    assert quotes(filled, by="Nobody") == []
    with pytest.raises(ConfigError, match="YYYY"):
        quotes(filled, since="last week")


def test_query_entities_by_type_and_search(filled: Store) -> None:
    assert [(e.name, e.article_count) for e in entities(filled, type="person")] == [
        ("Mark Ellison", 3),
        ("Dana Whitfield", 2),
        ("Paul Dorsey", 2),
    ]
    assert [e.name for e in entities(filled, search="sen. ell")] == ["Mark Ellison"]
    assert [e.name for e in entities(filled, type="GPE")] == ["Ohio"]
    assert [e.name for e in entities(filled, search="100%_!")] == []


def test_query_timeline_by_name(filled: Store) -> None:
    entries = timeline(filled, "Ellison")
    merged = entries[1]
    assert (merged.date, merged.uncertain, merged.participants) == (
        "2024-11-01",
        False,
        ("Mark Ellison",),
    )
    assert [(s.title, s.published) for s in merged.sources] == [
        ("Case dismissed", "2024-11-02"),
        ("After the dismissal", "2024-11-05"),
    ]
    with pytest.raises(NotFoundError):
        timeline(filled, story="nope")


def test_query_export_jsonl_parquet_graphml(filled: Store, tmp_path: Path) -> None:
    written = export(filled, "jsonl", tmp_path / "out")
    assert [p.name for p in written] == [
        "entities.jsonl",
        "relations.jsonl",
        "quotes.jsonl",
        "events.jsonl",
        "timelines.jsonl",
    ]
    ents = [json.loads(x) for x in (tmp_path / "out" / "entities.jsonl").read_text().splitlines()]
    ellison = next(e for e in ents if e["name"] == "Mark Ellison")
    assert [r["value"] for r in ellison["roles"]] == ["Ohio state Senator", "senator"]
    assert len((tmp_path / "out" / "quotes.jsonl").read_text().splitlines()) == 4
    lines = (tmp_path / "out" / "timelines.jsonl").read_text().splitlines()
    timelines = {t["name"]: t for t in map(json.loads, lines)}
    assert [e["type"] for e in timelines["Mark Ellison"]["entries"]] == ["charge", "dismissal"]

    import pyarrow.parquet as pq

    export(filled, "parquet", tmp_path / "pq")
    table = pq.read_table(tmp_path / "pq" / "quotes.parquet")
    assert table.num_rows == 4 and "speaker_id" in table.column_names
    assert pq.read_table(tmp_path / "pq" / "entities.parquet").num_rows == 4

    [graph] = export(filled, "graphml", tmp_path / "corpus.graphml")
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(graph).getroot()
    assert len(root.findall(".//g:node", ns)) == 4
    relations = [
        e
        for e in root.findall(".//g:edge", ns)
        if e.find("g:data[@key='relation']", ns).text == "represents"
    ]
    assert len(relations) == 1


def test_timeline_shows_the_place_by_name(tmp_path: Path) -> None:
    # the digest gives an event's place as its entity id; the store keeps the name
    from dataclasses import replace

    d = make_digest(
        "Judge Helen Okafor dismissed the case in Columbus on Friday.",
        [person("Helen Okafor"), thing("Columbus", "GPE")],
        published="2024-11-02",
        events=[("dismissal", "dismissed", "on Friday", "2024-11-01", ["Helen Okafor"])],
    )
    d = replace(d, events=(replace(d.events[0], place="e2"),))
    with Store.open(str(tmp_path / "c.db")) as store:
        store_digests(store, [d])
        (entry,) = timeline(store, "Helen Okafor")
    assert entry.place == "Columbus"
