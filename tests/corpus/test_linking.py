"""Linking entities to corpus entities: one person across articles, two namesakes apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.corpus.linking import (
    better_name,
    entity_writes,
    link_entities,
    link_features,
    lookup_keys,
)
from newsgraph.pipeline.write import store_digests
from newsgraph.records import Entity
from newsgraph.records.corpus import CorpusEntity
from newsgraph.records.names import normalise, parse_name
from newsgraph.store import Store
from newsgraph.store.reader import entities_named, names_of, roles_of
from tests.conftest import DATA
from tests.store.fixtures import make_digest, person, thing

SENATOR = CorpusEntity(
    "c-sen",
    "Mark Ellison",
    "PERSON",
    names=("Mark Ellison", "Sen. Ellison"),
    roles=("state senator",),
    context=("paul dorsey", "dana whitfield"),
    stories=("s-fraud",),
)
COACH = CorpusEntity(
    "c-coach",
    "Jane Ellison",
    "PERSON",
    names=("Jane Ellison", "Ms. Ellison"),
    roles=("football coach",),
    context=("tom whitaker",),
)


def linked(
    text: str, entities: list, candidates: list[CorpusEntity], story: str | None = None
) -> list:
    d = make_digest(text, entities)
    links = link_entities(d.article.id, link_features(d), candidates, story)
    return [(link.entity_id, link.new) for link in links]


def test_normalise_drops_titles_possessives_and_case() -> None:
    assert normalise("Sen. Mark Ellison's") == "mark ellison"
    assert normalise("Ms. Ellison") == "ellison"
    assert normalise("Gov. Mike DeWine Jr.") == "mike dewine"


def test_better_name_prefers_the_fuller_form_without_title() -> None:
    assert better_name("Ellison", "Sen. Mark Ellison", "PERSON") == "Mark Ellison"
    assert better_name("Mark Ellison", "Ellison", "PERSON") == "Mark Ellison"


def test_linking_full_name_links_to_the_same_person() -> None:
    assert linked("Mark Ellison spoke.", [person("Mark Ellison")], [SENATOR, COACH]) == [
        ("c-sen", False)
    ]


def test_linking_different_first_names_stay_apart() -> None:
    [(eid, new)] = linked("Mark Ellison spoke.", [person("Mark Ellison")], [COACH])
    assert new and eid != "c-coach"


def test_linking_title_and_surname_need_no_first_name() -> None:
    text = "Sen. Ellison spoke."
    assert linked(text, [person("Ellison", "Sen. Ellison")], [SENATOR, COACH]) == [("c-sen", False)]
    assert linked(
        "Coach Ellison spoke.", [person("Ellison", "Coach Ellison")], [SENATOR, COACH]
    ) == [("c-coach", False)]


def test_linking_bare_surname_links_only_when_unambiguous() -> None:
    assert linked("Ellison spoke.", [person("Ellison")], [SENATOR]) == [("c-sen", False)]
    [(_, new)] = linked("Ellison spoke.", [person("Ellison")], [SENATOR, COACH])
    assert new  # two Ellisons and no evidence: a third entity rather than a wrong merge


def test_linking_co_occurring_entities_decide_a_bare_surname() -> None:
    text = "Ellison met Paul Dorsey and Dana Whitfield."
    ents = [person("Ellison"), person("Paul Dorsey"), person("Dana Whitfield")]
    assert linked(text, ents, [SENATOR, COACH])[0] == ("c-sen", False)


def test_linking_story_context_decides_a_bare_surname() -> None:
    assert linked("Ellison spoke.", [person("Ellison")], [SENATOR, COACH], "s-fraud") == [
        ("c-sen", False)
    ]


def test_linking_gendered_titles_conflict() -> None:
    [(_, new)] = linked("Mr. Ellison spoke.", [person("Ellison", "Mr. Ellison")], [COACH])
    assert new


def test_linking_same_full_name_with_other_roles_and_context_stays_apart() -> None:
    other = [person("Mark Ellison", roles=["plumber"])]
    [(_, new)] = linked("Plumber Mark Ellison fixed a leak.", other, [SENATOR])
    assert new
    text = "Mark Ellison, a plumber, met Paul Dorsey."
    ents = [person("Mark Ellison", roles=["plumber"]), person("Paul Dorsey")]
    assert linked(text, ents, [SENATOR])[0] == ("c-sen", False)


def test_linking_two_entities_of_one_article_never_share_a_corpus_entity() -> None:
    text = "Mark Ellison and Ellison's son spoke."
    ents = [person("Mark Ellison"), person("Ellison")]
    links = linked(text, ents, [SENATOR])
    assert links[0] == ("c-sen", False)
    assert links[1][1] is True


def test_linking_organisations_by_name_and_type() -> None:
    acme = CorpusEntity("c-acme", "Acme Corp", "ORG", names=("Acme Corp", "Acme"))
    assert linked("Acme said no.", [thing("Acme")], [acme]) == [("c-acme", False)]
    [(_, new)] = linked("Acme is a town.", [thing("Acme", "GPE")], [acme])
    assert new


# name variants (issue 10): an invented architect with a double surname, and her brother
ARCHITECT = CorpusEntity(
    "c-nora",
    "Nora Beltran-Hale",
    "PERSON",
    names=("Nora Beltran-Hale", "Beltran-Hale"),
    roles=("architect",),
    context=("millbrook", "ada quint"),
    stories=("s-bridge",),
)
BROTHER = CorpusEntity(
    "c-tomas",
    "Tomas Beltran-Hale",
    "PERSON",
    names=("Tomas Beltran-Hale",),
    roles=("engineer",),
    context=("harbor authority",),
    stories=("s-harbor",),
)


def test_names_double_surname_is_one_surname_with_parts() -> None:
    parsed = parse_name("Dr. Nora Beltran-Hale's")
    assert (parsed.given, parsed.surname, parsed.surname_parts) == (
        ("nora",),
        "beltran-hale",
        ("beltran", "hale"),
    )
    assert normalise("Nora Beltran-Hale") == "nora beltran hale"  # as stored norms have it


def test_linking_double_surname_filed_under_each_part() -> None:
    keys = lookup_keys(Entity("e1", "Nora Beltran-Hale", "PERSON"))
    assert keys == ("PERSON:beltran", "PERSON:hale")


def test_linking_double_surname_without_hyphen() -> None:
    [link] = linked("Beltran Hale spoke.", [person("Beltran Hale")], [ARCHITECT])
    assert link == ("c-nora", False)


def test_linking_first_name_and_first_part_of_double_surname_needs_evidence() -> None:
    ents = [person("Nora Beltran")]
    [(_, new)] = linked("Nora Beltran spoke.", ents, [ARCHITECT, BROTHER])
    assert new  # "Nora Beltran" may be someone else: no shared name, role or story
    assert linked("Nora Beltran spoke.", ents, [ARCHITECT, BROTHER], "s-bridge") == [
        ("c-nora", False)
    ]
    [(eid, _)] = linked("Tomas Beltran spoke.", [person("Tomas Beltran")], [ARCHITECT], "s-bridge")
    assert eid != "c-nora"


def test_linking_honorific_and_initial_with_double_surname() -> None:
    ents = [person("Beltran-Hale", "Ms. Beltran-Hale")]
    assert linked("Ms. Beltran-Hale spoke.", ents, [ARCHITECT]) == [("c-nora", False)]
    both = [ARCHITECT, BROTHER]
    assert linked("N. Beltran-Hale spoke.", [person("N. Beltran-Hale")], both) == [
        ("c-nora", False)
    ]


def test_linking_siblings_sharing_a_double_surname_stay_apart() -> None:
    [(eid, new)] = linked("Tomas Beltran-Hale spoke.", [person("Tomas Beltran-Hale")], [ARCHITECT])
    assert new and eid != "c-nora"


def test_linking_surname_the_model_typed_as_org_joins_the_person_on_evidence() -> None:
    text = "Beltran Hale and Ada Quint toured Millbrook."
    ents = [thing("Beltran Hale"), person("Ada Quint"), thing("Millbrook", "GPE")]
    d = make_digest(text, ents)
    features = link_features(d)
    assert "PERSON:hale" in features[0].keys  # looked up among people, filed as nothing yet
    links = link_entities(d.article.id, features, [ARCHITECT])
    assert (links[0].entity_id, links[0].new) == ("c-nora", False)
    [write] = list(
        entity_writes(features[:1], links[:1], {"c-nora": ARCHITECT}, story_id=None, published=None)
    )
    assert (write.type, write.keys) == ("PERSON", ("PERSON:beltran", "PERSON:hale"))
    # no shared name or story: an organisation of that name stays one
    [(_, new)] = linked("Beltran Hale opened.", [thing("Beltran Hale")], [ARCHITECT])
    assert new


def test_linking_place_the_model_typed_as_org_joins_it_on_evidence() -> None:
    town = CorpusEntity("c-town", "Millbrook", "GPE", names=("millbrook",), stories=("s-bridge",))
    [(_, new)] = linked("Millbrook voted.", [thing("Millbrook")], [town])
    assert new  # a company and a town may share a name
    assert linked("Millbrook voted.", [thing("Millbrook")], [town], "s-bridge") == [
        ("c-town", False)
    ]
    firm = CorpusEntity("c-firm", "Millbrook", "ORG", names=("millbrook",))
    assert linked("Millbrook voted.", [thing("Millbrook")], [town, firm], "s-bridge") == [
        ("c-firm", False)  # the model's type stands where the corpus knows the name with it
    ]


def test_better_name_takes_the_double_surname() -> None:
    assert better_name("Nora Beltran", "Nora Beltran-Hale", "PERSON") == "Nora Beltran-Hale"
    assert better_name("Nora Beltran-Hale", "Nora Beltran", "PERSON") == "Nora Beltran-Hale"


def test_linking_across_articles_in_the_store(store: Store) -> None:
    first = make_digest(
        "Ohio state Senator Mark Ellison was charged. Paul Dorsey announced it.",
        [person("Mark Ellison", roles=["Ohio state Senator"]), person("Paul Dorsey")],
        url="https://n.example/1",
        published="2023-03-10",
    )
    second = make_digest(
        "Sen. Ellison did not speak. Paul Dorsey did.",
        [person("Ellison", "Sen. Ellison"), person("Paul Dorsey")],
        url="https://n.example/2",
        published="2024-06-14",
    )
    coach = make_digest(
        "Football coach Jane Ellison was fired. Tom Whitaker spoke.",
        [person("Jane Ellison", roles=["football coach"]), person("Tom Whitaker")],
        url="https://n.example/3",
        published="2024-11-04",
    )
    third = make_digest(
        "A judge dismissed the case against Ellison. Paul Dorsey will not appeal.",
        [person("Ellison"), person("Paul Dorsey")],
        url="https://n.example/4",
        published="2024-11-02",
    )
    store_digests(store, [first, second])
    store_digests(store, [coach, third])
    found = entities_named(store.conn, "Ellison")
    assert [(e.name, e.article_count, e.first_seen, e.last_seen) for e in found] == [
        ("Mark Ellison", 3, "2023-03-10", "2024-11-02"),
        ("Jane Ellison", 1, "2024-11-04", "2024-11-04"),
    ]
    senator = found[0].id
    assert [
        (s.value, s.first_seen, s.last_seen, s.count) for s in names_of(store.conn, senator)
    ] == [
        ("Mark Ellison", "2023-03-10", "2023-03-10", 1),
        ("Ellison", "2024-06-14", "2024-11-02", 2),
        ("Sen. Ellison", "2024-06-14", "2024-06-14", 1),
    ]
    assert [(s.value, s.first_seen, s.last_seen) for s in roles_of(store.conn, senator)] == [
        ("Ohio state Senator", "2023-03-10", "2023-03-10"),
        ("senator", "2024-06-14", "2024-06-14"),
    ]


@pytest.mark.model
def test_linking_real_articles_one_senator_one_coach(tmp_path: Path) -> None:
    from newsgraph.config import Settings
    from newsgraph.ingest import read_inputs
    from newsgraph.pipeline.build import ingest

    with Store.open(str(tmp_path / "corpus.db")) as store:
        items = read_inputs([str(DATA / "corpus")], Settings())
        report = ingest(items, store, Settings())
        assert (report.added, report.failed) == (4, 0)
        found = entities_named(store.conn, "Ellison")
        assert [(e.name, e.article_count) for e in found] == [
            ("Mark Ellison", 3),
            ("Jane Ellison", 1),
        ]
        names = {s.value for s in names_of(store.conn, found[0].id)}
        assert {"Mark Ellison", "Sen. Ellison", "Ellison"} <= names
        assert "senator" in {s.value for s in roles_of(store.conn, found[0].id)}
        assert [r.value for r in roles_of(store.conn, found[1].id)] == ["football coach"]
        whitfield = entities_named(store.conn, "Dana Whitfield")
        assert [(e.name, e.article_count) for e in whitfield] == [("Dana Whitfield", 3)]
