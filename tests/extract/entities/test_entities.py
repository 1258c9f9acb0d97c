"""Model tests: one entity per referent, names without junk, over fixture articles."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.extract.references.coref import name_mentions
from newsgraph.records import Digest
from tests.conftest import entity_named

pytestmark = pytest.mark.model

DigestFile = Callable[..., Digest]


def test_entities_surname_honorific_possessive_are_one_person(digest_file: DigestFile) -> None:
    d = digest_file("ellison-case.txt", "2024-11-02")
    [ellison] = [e for e in d.entities if e.name == "Mark Ellison"]
    assert ellison.type == "PERSON"
    assert {"Ellison", "Mr. Ellison"} <= set(ellison.aliases)
    texts = {d.article.text[s:e] for s, e in ellison.mentions}
    # "Ellison's" is a mention without "'s"; "accused him", "His lawyer" are his pronouns,
    # and "the senator" (the article's only senator) is he too
    assert texts == {"Mark Ellison", "Ellison", "him", "his", "His", "the senator"}
    assert len(ellison.mentions) >= 5


def test_entities_possessive_never_part_of_a_name(digest_file: DigestFile) -> None:
    for name in ("ellison-case.txt", "family-roles.txt", "whitfield-gpe.txt"):
        d = digest_file(name)
        for ent in d.entities:
            for start, end in ent.mentions:
                assert not d.article.text[start:end].endswith(("'s", "’s")), ent
            assert not ent.name.endswith(("'s", "’s"))


def test_entities_mentions_round_trip(digest_file: DigestFile) -> None:
    d = digest_file("ellison-case.txt")
    for ent in d.entities:
        names = {n.lower() for n in (ent.name, *ent.aliases)}  # "COLUMBUS" is "Columbus"
        named = name_mentions(ent, d.article.text)
        assert named, ent
        for start, end in named:
            assert d.article.text[start:end].lower() in names
        for start, end in sorted(set(ent.mentions) - set(named)):
            # what coreference adds: "She argued", "the spokeswoman"
            assert ent.type == "PERSON", (ent, d.article.text[start:end])
            words = d.article.text[start:end].lower().split()
            assert len(words) == 1 or words[0] == "the", words


def test_entities_title_case_header_makes_no_junk(digest_file: DigestFile) -> None:
    d = digest_file("ellison-case.txt")
    names = {e.name for e in d.entities}
    assert not names & {"Fraud", "Fraud Case", "Senator Dismissed"}
    d = digest_file("shared-surname.txt")
    assert all("Coach" not in e.name and "Season" not in e.name for e in d.entities)


def test_entities_header_names_link_to_body_entities(digest_text: Callable[[str], Digest]) -> None:
    d = digest_text(
        "Ellison Fraud Case Dismissed In Ohio Court\n\n"
        "A judge dismissed the case against Mark Ellison in Columbus, Ohio, on Friday."
    )
    [ellison] = [e for e in d.entities if e.name == "Mark Ellison"]
    assert ellison.mentions[0] == (0, 7)  # the headline's "Ellison" is his mention
    assert [e.type for e in d.entities if e.name == "Ohio"] == ["GPE"]


def test_entities_surname_tagged_as_place_is_the_person(digest_file: DigestFile) -> None:
    d = digest_file("whitfield-gpe.txt")
    [whitfield] = [e for e in d.entities if e.name == "Dana Whitfield"]
    assert whitfield.type == "PERSON"
    assert len(whitfield.mentions) == 4
    assert not [e for e in d.entities if e.name == "Whitfield"]
    places = {e.name for e in d.entities if e.type in {"GPE", "LOC", "FAC"}}
    assert places == {"Akron"}


def test_entities_two_people_sharing_a_surname_stay_apart(digest_file: DigestFile) -> None:
    d = digest_file("shared-surname.txt")
    mark, jane = (d.entity(entity_named(d, n)[0]) for n in ("Mark Ellison", "Jane Ellison"))
    assert mark.id != jane.id
    text = d.article.text
    assert [text[s:e] for s, e in mark.mentions] == ["Mark Ellison", "he", "The senator"]
    assert "Ms. Ellison" in jane.aliases  # the honorific picks the woman
    jane_texts = [text[s:e] for s, e in jane.mentions]
    assert len([t for t in jane_texts if "Ellison" in t]) == 4
    assert {"her", "Her"} <= set(jane_texts)


def test_entities_person_the_model_typed_as_org(digest_file: DigestFile) -> None:
    d = digest_file("ellison-case.txt")
    [kravets] = [e for e in d.entities if e.name == "Olena Kravets"]
    assert kravets.type == "PERSON"


def test_entities_person_found_through_apposition(digest_file: DigestFile) -> None:
    d = digest_file("shared-surname.txt")
    [ruiz] = [e for e in d.entities if e.name == "Ana Ruiz"]
    assert ruiz.type == "PERSON"
    assert ruiz.aliases == ("Ruiz",)


def test_entities_ids_follow_first_mention(digest_file: DigestFile) -> None:
    d = digest_file("ellison-case.txt")
    firsts = [e.mentions[0][0] for e in d.entities]
    assert firsts == sorted(firsts)
    assert [e.id for e in d.entities] == [f"e{i}" for i in range(1, len(d.entities) + 1)]


def test_entities_no_place_named_after_a_person(digest_file: DigestFile) -> None:
    for name in ("ellison-case.txt", "family-roles.txt", "whitfield-gpe.txt", "shared-surname.txt"):
        d = digest_file(name)
        person_words = {w for e in d.entities if e.type == "PERSON" for w in e.name.split()}
        for ent in d.entities:
            if ent.type in {"GPE", "LOC", "FAC", "ORG"}:
                assert ent.name not in person_words, (name, ent)


def test_entities_scraped_page_furniture_is_not_part_of_a_name(
    digest_text: Callable[[str], Digest],
) -> None:
    d = digest_text(
        "9 Ben Zobrist won the award. Ben Morgan 8/8 Witnesses said the tram was fast. "
        "Jean-Luc Picard and J. R. Smith met on Monday."
    )
    people = {e.name for e in d.entities if e.type == "PERSON"}
    assert {"Ben Zobrist", "Ben Morgan", "Jean-Luc Picard", "J. R. Smith"} <= people
    assert not [n for n in people if any(c.isdigit() or c == "/" for c in n)]


def test_entities_platforms_are_not_people(digest_text: Callable[[str], Digest]) -> None:
    d = digest_text("Gaga posted on Twitter that Brexit was a mistake. Twitter said nothing.")
    types = {e.name: e.type for e in d.entities}
    assert types.get("Twitter") == "ORG"
    assert types.get("Brexit") == "EVENT"
