"""Model tests: one entity per person across the name variants of one article (invented names).

A role word glued to the name ("Photographer Ines Calloway"), a double surname with and
without its hyphen, a first name with the first part of the double surname, honorifics and
initials; two siblings who share the double surname stay apart; a dateline's place is a
place wherever the model typed it otherwise.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.records import Digest, Entity

pytestmark = pytest.mark.model

DigestText = Callable[[str], Digest]


def people(d: Digest) -> list[Entity]:
    return [e for e in d.entities if e.type == "PERSON"]


def test_role_word_opening_the_sentence_is_a_role_not_a_name(digest_text: DigestText) -> None:
    d = digest_text(
        "Photographer Ines Calloway, 38, was hurt in the crash on Sunday. "
        "A photographer for the paper, Calloway had covered the race for years."
    )
    [ines] = people(d)
    assert ines.name == "Ines Calloway"
    assert "photographer" in ines.roles
    assert not [e for e in d.entities if "Photographer" in e.name]


def test_role_word_needs_a_full_name_after_it(digest_text: DigestText) -> None:
    d = digest_text("Baker Mayfield threw two touchdowns on Sunday. The baker in town cheered.")
    assert [e.name for e in people(d)] == ["Baker Mayfield"]


def test_double_surname_with_and_without_hyphen_is_one_person(digest_text: DigestText) -> None:
    d = digest_text(
        "The architect, Nora Beltran-Hale, designed the bridge. Beltran-Hale said on Tuesday "
        "that the bridge was safe. Critics said Beltran Hale had ignored the warnings."
    )
    [nora] = [e for e in d.entities if "Beltran" in e.name]
    assert (nora.name, nora.type) == ("Nora Beltran-Hale", "PERSON")
    assert {"Beltran-Hale", "Beltran Hale"} <= set(nora.aliases)


def test_first_part_of_double_surname_then_the_whole(digest_text: DigestText) -> None:
    d = digest_text(
        "Nora Beltran was sentenced on Monday to two years in prison. Beltran-Hale had been "
        "convicted in March of fraud, and her lawyer said she would appeal."
    )
    [nora] = [e for e in d.entities if "Beltran" in e.name]
    assert (nora.name, nora.type) == ("Nora Beltran-Hale", "PERSON")
    assert "Nora Beltran" in nora.aliases


def test_honorific_and_initial_with_double_surname(digest_text: DigestText) -> None:
    d = digest_text(
        "Dr. Nora Beltran-Hale testified on Monday. N. Beltran-Hale, as the filing calls "
        "her, denied the claims."
    )
    [nora] = people(d)
    assert nora.name == "Nora Beltran-Hale"
    assert "N. Beltran-Hale" in nora.aliases


def test_siblings_sharing_a_double_surname_stay_apart(digest_text: DigestText) -> None:
    d = digest_text(
        "Nora Beltran-Hale and her brother, Tomas Beltran-Hale, founded the firm in 2001. "
        "Tomas Beltran-Hale left in 2010."
    )
    assert sorted(e.name for e in people(d)) == ["Nora Beltran-Hale", "Tomas Beltran-Hale"]


def test_dateline_place_stays_a_place(digest_text: DigestText) -> None:
    d = digest_text(
        "SANTA FE, N.M. — A cinematographer was killed on Thursday at a ranch outside "
        "Santa Fe, the county sheriff's office said. Officials in Santa Fe said more."
    )
    assert [e.type for e in d.entities if e.name == "Santa Fe"] == ["GPE"]
