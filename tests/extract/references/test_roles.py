"""Unit tests for the one "the spokeswoman" -> person rule, on hand-built Docs."""

from __future__ import annotations

from newsgraph.extract.references.roles import holders_named, role_holders, role_references
from newsgraph.extract.references.speakers import SpeakerResolver
from newsgraph.nlp.doc import sentence_bounds
from newsgraph.records import Entity

_MENDES = Entity("e1", "Carla Mendes", "PERSON", roles=("spokeswoman",), mentions=((0, 12),))


def _spokeswoman_doc(hand_doc, det: str = "The"):
    # "Carla Mendes left. The spokeswoman said."
    return hand_doc(
        ["Carla", "Mendes", "left", ".", det, "spokeswoman", "said", "."],
        heads=[1, 2, 2, 2, 5, 6, 6, 6],
        deps=["compound", "nsubj", "ROOT", "punct", "det", "nsubj", "ROOT", "punct"],
        pos=["PROPN", "PROPN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"],
        tags=["NNP", "NNP", "VBD", ".", "DT", "NN", "VBD", "."],
        lemmas=["Carla", "Mendes", "leave", ".", det.lower(), "spokeswoman", "say", "."],
        ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O"],
        spaces=[True, True, False, True, True, True, False, False],
    )


def test_definite_role_noun_is_its_only_holder(hand_doc) -> None:
    doc = _spokeswoman_doc(hand_doc)
    assert role_references(doc, [_MENDES]) == {5: "e1"}


def test_indefinite_role_noun_is_nobody_yet(hand_doc) -> None:
    doc = _spokeswoman_doc(hand_doc, det="A")
    assert role_references(doc, [_MENDES]) == {}


def test_role_held_by_two_is_no_reference_but_both_are_named(hand_doc) -> None:
    doc = _spokeswoman_doc(hand_doc)
    other = Entity("e2", "Ann Li", "PERSON", roles=("spokeswoman",), mentions=((0, 5),))
    assert "spokeswoman" not in role_holders([_MENDES, other])
    assert role_references(doc, [_MENDES, other]) == {}
    head = doc[5]
    assert [e for _, e in holders_named([_MENDES, other], head, doc[4:6])] == ["e1", "e2"]


def test_quote_source_and_coreference_agree(hand_doc) -> None:
    doc = _spokeswoman_doc(hand_doc)
    resolver = SpeakerResolver(doc, [_MENDES], sentence_bounds(doc))
    assert resolver.resolve(doc[5], doc[4:6], None) == "e1"
