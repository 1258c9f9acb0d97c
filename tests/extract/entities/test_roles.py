"""Model tests: roles from pre-modifiers, appositions, copulas, relative clauses; relations."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.records import Digest, Relation

pytestmark = pytest.mark.model

DigestFile = Callable[..., Digest]


def roles_of(d: Digest, name: str) -> tuple[str, ...]:
    [ent] = [e for e in d.entities if e.name == name]
    return ent.roles


def relation(d: Digest, rel_type: str, subject: str, obj: str) -> Relation:
    ids = {e.name: e.id for e in d.entities}
    found = [
        r
        for r in d.relations
        if r.type == rel_type and r.subject == ids[subject] and r.object == ids[obj]
    ]
    assert found, f"no {rel_type} {subject} -> {obj} in {d.relations}"
    return found[0]


def test_roles_from_premodifiers(
    digest_file: DigestFile, digest_text: Callable[[str], Digest]
) -> None:
    d = digest_text(
        "Ohio Attorney General Paul Dorsey met attorney Dana Whitfield and "
        "stunt coordinator Rafael Ortiz in Columbus on Monday."
    )
    assert roles_of(d, "Paul Dorsey") == ("Ohio Attorney General",)
    assert roles_of(d, "Dana Whitfield") == ("attorney",)
    assert roles_of(d, "Rafael Ortiz") == ("stunt coordinator",)


def test_roles_from_apposition(digest_file: DigestFile) -> None:
    d = digest_file("whitfield-gpe.txt")
    assert roles_of(d, "Dana Whitfield") == ("civil rights lawyer",)
    assert roles_of(d, "Brian Moss") == ("spokesman",)
    d = digest_file("family-roles.txt")
    assert "sister" in roles_of(d, "Olena Kravets")


def test_roles_from_copula_are_lower_case(digest_file: DigestFile) -> None:
    d = digest_file("family-roles.txt")
    assert "spokeswoman" in roles_of(d, "Carla Mendes")
    assert "spokesperson" in roles_of(d, "Carla Mendes")


def test_roles_from_honorific_and_each_role_once(digest_text: Callable[[str], Digest]) -> None:
    d = digest_text("Sen. Mark Ellison spoke on Monday. Later, Sen. Ellison left the chamber.")
    assert roles_of(d, "Mark Ellison") == ("senator",)


def test_relation_family_keeps_kin_term(digest_file: DigestFile) -> None:
    d = digest_file("family-roles.txt")
    rel = relation(d, "family", "Olena Kravets", "Daniel Brennan")
    assert rel.kin == "sister"
    data = d.to_dict()["relations"]
    assert {"type": "family", "text": "sister"}.items() <= data[d.relations.index(rel)].items()


def test_relation_spokesperson_for_person_and_office(digest_file: DigestFile) -> None:
    d = digest_file("family-roles.txt")
    relation(d, "spokesperson_for", "Carla Mendes", "Rob Streck")
    relation(d, "spokesperson_for", "Carla Mendes", "Montgomery County Sheriff's Office")
    d = digest_file("ellison-case.txt")
    # "the spokeswoman for the attorney general's office" -> the attorney general
    relation(d, "spokesperson_for", "Carla Mendes", "Paul Dorsey")


def test_relation_represents_points_to_the_family(digest_file: DigestFile) -> None:
    d = digest_file("family-roles.txt")
    rel = relation(d, "represents", "Dana Whitfield", "Daniel Brennan")
    assert "represents the Brennan family" in rel.text
    start, end = rel.span
    assert d.article.text[start:end].strip() == rel.text


def test_relation_member_and_works_for(digest_file: DigestFile) -> None:
    d = digest_file("whitfield-gpe.txt")
    relation(d, "member_of", "Luis Ortega", "Teamsters")
    relation(d, "spokesperson_for", "Brian Moss", "Calder Logistics")
    d = digest_file("shared-surname.txt")
    relation(d, "works_for", "Ana Ruiz", "Tom Whitaker")


def test_relations_none_in_text_without_people(digest_file: DigestFile) -> None:
    d = digest_file("no-speech.txt")
    assert d.relations == ()
    assert all(e.type != "PERSON" for e in d.entities)


def test_roles_abbreviated_title_is_a_role_not_a_person(
    digest_text: Callable[[str], Digest],
) -> None:
    d = digest_text("A police spokesman, Sgt. Luis Romero, said she was in stable condition.")
    assert [e.name for e in d.entities if e.type == "PERSON"] == ["Luis Romero"]
    assert roles_of(d, "Luis Romero") == ("sergeant", "police spokesman")
