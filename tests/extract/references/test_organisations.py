"""Model tests for organisation coreference: "the company", "the airline", "it", "its"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.records import Digest

pytestmark = pytest.mark.model


def _mention_texts(d: Digest, name: str) -> list[str]:
    [ent] = [e for e in d.entities if e.name == name]
    return [d.article.text[s:e] for s, e in ent.mentions]


def _everyone(d: Digest) -> dict[tuple[int, int], str]:
    return {m: e.name for e in d.entities for m in e.mentions}


def test_the_company_is_the_organisation_named_before(
    digest_text: Callable[[str], Digest],
) -> None:
    d = digest_text(
        "Veltrona Systems reported a loss of $40 million on Tuesday. "
        "The company said it would close two plants in Ohio."
    )
    assert _mention_texts(d, "Veltrona Systems")[1:] == ["The company", "it"]


def test_the_airline_wants_an_airline_not_the_planemaker(
    digest_text: Callable[[str], Digest],
) -> None:
    d = digest_text(
        "Nordavia Airways ordered twelve jets from Corvell Aerospace on Monday. "
        "The airline expects the first deliveries in 2012."
    )
    assert "The airline" in _mention_texts(d, "Nordavia Airways")
    assert "The airline" not in _mention_texts(d, "Corvell Aerospace")


def test_its_goes_to_the_subject_of_its_clause(digest_text: Callable[[str], Digest]) -> None:
    d = digest_text("Corvell Aerospace cut its delivery forecast after a strike at Brenmoor.")
    assert _mention_texts(d, "Corvell Aerospace") == ["Corvell Aerospace", "its"]


def test_a_public_body_is_not_the_company(digest_text: Callable[[str], Digest]) -> None:
    d = digest_text(
        "The Department of Transport fined Corvell Aerospace on Friday. "
        "The company will appeal the decision."
    )
    assert "The company" in _mention_texts(d, "Corvell Aerospace")


def test_another_company_and_an_empty_it_stay_unresolved(
    digest_text: Callable[[str], Digest],
) -> None:
    d = digest_text(
        "Veltrona Systems lost a contract on Tuesday. It is expected that the other "
        "company will win it. A company in Texas also bid. Veltrona is now the No. 2 company "
        "in the music business."
    )
    text = d.article.text
    found = {text[s:e].lower() for s, e in _everyone(d)}
    assert "it" not in found
    assert not {"the other company", "company", "a company", "the music business"} & found
    assert not any("no. 2" in f for f in found)


def test_two_companies_as_salient_leave_the_company_open(
    digest_text: Callable[[str], Digest],
) -> None:
    d = digest_text(
        "Veltrona Systems and Corvell Aerospace signed a deal on Monday. "
        "The company did not disclose its value."
    )
    text = d.article.text
    assert "The company" not in {text[s:e] for s, e in _everyone(d)}


def test_it_after_a_name_in_apposition_and_we_in_an_officers_quote(
    digest_text: Callable[[str], Digest],
) -> None:
    d = digest_text(
        "The Danish budget airline, Nordavia Airways, announced today that it is exercising "
        'its options with Corvell. "We are growing faster than our rivals," said Nordavia '
        "Airways chief executive Paul Dorsey."
    )
    texts = _mention_texts(d, "Nordavia Airways")
    assert {"it", "its", "We", "our"} <= set(texts)


def test_its_in_a_to_clause_is_the_object_that_does_it(
    digest_text: Callable[[str], Digest],
) -> None:
    d = digest_text("The European Commission forced Veltrona Systems to lower its prices.")
    assert "its" in _mention_texts(d, "Veltrona Systems")
    assert "its" not in _mention_texts(d, "European Commission")
