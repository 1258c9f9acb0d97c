"""The entity refiner: candidates, the choice among overlapping ones, the shipped weights."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc, Span

from newsgraph.analysis import digest
from newsgraph.extract.entities.refiner import (
    CLASSES,
    Refiner,
    Trust,
    candidates,
    load_refiner,
    refine_names,
)

HandDoc = Callable[..., Doc]
SURE = Trust(change=0.5, drop=0.3, add=0.5)  # overrule the rules whenever it leans
WORDS = ["Leicestershire", "beat", "Dana", "Whitfield", "in", "Leicester", "."]


def _doc(hand_doc: HandDoc) -> Doc:
    doc = hand_doc(WORDS, ents=["B-GPE", "O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O"])
    return doc


def _weights(**per_word: str) -> Refiner:
    """A refiner that gives each word its class, and O to everything else."""
    rows = {"bias": [1.0, 0.0, 0.0, 0.0, 0.0]}
    for word, cls in per_word.items():
        row = [0.0] * len(CLASSES)
        row[CLASSES.index(cls)] = 5.0
        rows[f"w={word}"] = row
    return Refiner(rows)


def test_candidates_hold_rule_model_and_capitalised_stretches(hand_doc: HandDoc) -> None:
    doc = _doc(hand_doc)
    rules = [Span(doc, 2, 4, label="PERSON")]
    found = {(c.start, c.end): c for c in candidates(doc, rules)}
    assert found[(2, 4)].rule == "PERSON" and found[(2, 4)].model == "PERSON"
    assert found[(0, 1)].model == "GPE" and found[(0, 1)].rule == "" and found[(0, 1)].run
    assert (5, 6) in found


def test_refine_names_keeps_the_likeliest_name_and_maps_the_label(hand_doc: HandDoc) -> None:
    doc = _doc(hand_doc)
    rules = [Span(doc, 0, 1, label="GPE"), Span(doc, 2, 4, label="PERSON")]
    refiner = _weights(leicestershire="ORG", whitfield="PER", leicester="LOC")
    spans = refine_names(doc, rules, refiner, SURE)
    # a team named after its county is an organisation; a place keeps its OntoNotes label
    assert [(s.text, s.label_) for s in spans] == [
        ("Leicestershire", "ORG"),
        ("Dana Whitfield", "PERSON"),
        ("Leicester", "GPE"),
    ]


def test_refine_names_drops_a_stretch_scored_as_no_name(hand_doc: HandDoc) -> None:
    doc = _doc(hand_doc)
    spans = refine_names(doc, [Span(doc, 0, 1, label="GPE")], _weights(whitfield="PER"), SURE)
    assert [s.text for s in spans] == ["Dana Whitfield"]


def test_refine_names_gives_a_name_one_type_in_a_document(hand_doc: HandDoc) -> None:
    words = ["Dorsey", "said", "it", ".", "They", "wrote", "to", "Dorsey", "."]
    doc = hand_doc(words, ents=["B-PERSON", *["O"] * 6, "B-PERSON", "O"])
    rules = [Span(doc, 0, 1, label="PERSON"), Span(doc, 7, 8, label="PERSON")]
    rows = {
        "bias": [0.0] * len(CLASSES),
        "p1=<edge>": [0, 4.0, 0, 0, 0],
        "p1=to": [0, 0, 0, 3.0, 0],
    }
    spans = refine_names(doc, rules, Refiner(rows), SURE)
    # "to Dorsey" leans to a place, less surely than the first Dorsey is a person
    assert [(s.text, s.label_) for s in spans] == [("Dorsey", "PERSON"), ("Dorsey", "PERSON")]


def test_shipped_refiner_has_every_class_and_a_bias() -> None:
    refiner = load_refiner()
    assert len(refiner.weights["bias"]) == len(CLASSES)
    assert all(len(row) == len(CLASSES) for row in refiner.weights.values())


@pytest.mark.model
def test_a_county_team_in_a_results_table_is_an_organisation() -> None:
    text = (
        "CRICKET - ENGLISH COUNTY CHAMPIONSHIP SCORES .\n"
        "LONDON 1996-08-30\n"
        "Result and close of play scores in English county championship matches on Friday :\n"
        "Leicester : Leicestershire beat Somerset by an innings and 39 runs .\n"
        "Somerset 83 and 174 ( P. Simmons 4-38 ) , Leicestershire 296 .\n"
    )
    d = digest(text)
    types = {e.name: e.type for e in d.entities}
    assert types.get("Leicestershire") == "ORG" and types.get("Somerset") == "ORG"
    assert types.get("P. Simmons") == "PERSON"
