"""The word lists about people agree with each other where they overlap."""

from __future__ import annotations

from newsgraph.extract.lexicon.people import HONORIFICS, PERSON_PRONOUNS, REFLEXIVES
from newsgraph.records.names import FEMALE, MALE, TITLE_ROLES


def test_linking_titles_agree_with_the_honorifics() -> None:
    for title, role in TITLE_ROLES.items():
        if title in HONORIFICS:
            assert HONORIFICS[title][0] == role, title
    for titles, gender in ((FEMALE, "f"), (MALE, "m")):
        for title in titles & set(HONORIFICS):
            assert HONORIFICS[title][1] == gender, title


def test_reflexives_are_person_pronouns() -> None:
    assert {"himself", "herself"} == REFLEXIVES
    assert all(PERSON_PRONOUNS[p][1] == "sg" for p in REFLEXIVES)
