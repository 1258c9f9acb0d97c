"""Unit tests for the shared parse helpers, on hand-built Docs (no model)."""

from __future__ import annotations

from newsgraph.extract.syntax import clause_head, entity_span, first_child, is_passive, subject_of


def test_subject_of_inherits_along_and(hand_doc) -> None:
    doc = hand_doc(
        ["Raske", "pleaded", "guilty", "and", "was", "sentenced", "."],
        heads=[1, 1, 1, 1, 5, 1, 1],
        deps=["nsubj", "ROOT", "acomp", "cc", "auxpass", "conj", "punct"],
        pos=["PROPN", "VERB", "ADJ", "CCONJ", "AUX", "VERB", "PUNCT"],
    )
    assert subject_of(doc[5]).text == "Raske"


def test_subject_of_inherits_along_to(hand_doc) -> None:
    doc = hand_doc(
        ["she", "plans", "to", "sue"],
        heads=[1, 1, 3, 1],
        deps=["nsubj", "ROOT", "aux", "xcomp"],
        pos=["PRON", "VERB", "PART", "VERB"],
    )
    assert subject_of(doc[3]).text == "she"


def test_subject_of_takes_the_subject_nearest_before_the_verb(hand_doc) -> None:
    # the parser took the dateline for a second subject
    doc = hand_doc(
        ["COLUMBUS", ",", "Ohio", "—", "A", "judge", "dismissed", "the", "case"],
        heads=[6, 0, 0, 6, 5, 6, 6, 8, 6],
        deps=["nsubj", "punct", "appos", "punct", "det", "nsubj", "ROOT", "det", "dobj"],
        pos=["PROPN", "PUNCT", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "DET", "NOUN"],
    )
    assert subject_of(doc[6]).text == "judge"


def test_subject_of_a_relative_clause_without_subject_is_its_noun(hand_doc) -> None:
    doc = hand_doc(
        ["investors", "lost", "money"],
        heads=[0, 0, 1],
        deps=["ROOT", "relcl", "dobj"],
        pos=["NOUN", "VERB", "NOUN"],
    )
    assert subject_of(doc[1]).text == "investors"
    assert subject_of(doc[0]) is None


def test_is_passive_needs_a_passive_dependent(hand_doc) -> None:
    doc = hand_doc(
        ["Raske", "was", "sentenced", "and", "the", "judge", "left"],
        heads=[2, 2, 2, 2, 5, 6, 2],
        deps=["nsubjpass", "auxpass", "ROOT", "cc", "det", "nsubj", "conj"],
        pos=["PROPN", "AUX", "VERB", "CCONJ", "DET", "NOUN", "VERB"],
    )
    assert is_passive(doc[2])
    assert not is_passive(doc[6])


def test_is_passive_for_a_participle_under_a_noun(hand_doc) -> None:
    doc = hand_doc(
        ["a", "driver", "arrested", "yesterday"],
        heads=[1, 1, 1, 2],
        deps=["det", "ROOT", "acl", "npadvmod"],
        pos=["DET", "NOUN", "VERB", "NOUN"],
        tags=["DT", "NN", "VBN", "NN"],
    )
    assert is_passive(doc[2])


def test_first_child_by_label(hand_doc) -> None:
    doc = hand_doc(["in", "Dayton"], heads=[0, 0], deps=["ROOT", "pobj"])
    assert first_child(doc[0], "pobj") == doc[1]
    assert first_child(doc[0], "dobj") is None


def test_clause_head_climbs_to_the_verb(hand_doc) -> None:
    doc = hand_doc(
        ["Ortiz", "checked", "it", "himself"],
        heads=[1, 1, 1, 2],
        deps=["nsubj", "ROOT", "dobj", "appos"],
        pos=["PROPN", "VERB", "PRON", "PRON"],
    )
    assert clause_head(doc[3]) == doc[1]
    crash = hand_doc(["tram", "crash"], heads=[1, 1], deps=["compound", "ROOT"])
    assert clause_head(crash[0]) == crash[1]  # no verb above: the root


def test_entity_span_is_the_name_or_the_token(hand_doc) -> None:
    doc = hand_doc(
        ["New", "Croydon", "tram", "crash"],
        heads=[1, 3, 3, 3],
        deps=["compound", "compound", "compound", "ROOT"],
        ents=["B-GPE", "I-GPE", "O", "O"],
    )
    assert entity_span(doc[1]).text == "New Croydon"
    assert entity_span(doc[3]).text == "crash"
