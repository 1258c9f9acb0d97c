"""Unit tests for the future auxiliaries that events and times share, on hand-built Docs."""

from __future__ import annotations

from newsgraph.extract.events.args import modality
from newsgraph.extract.times.tense import tense_at
from newsgraph.extract.times.values import FUTURE


def test_split_ll_makes_an_event_planned(hand_doc) -> None:
    # "they ’ ll fire us", as WikiEvents writes "they’ll": a threat, not a firing
    doc = hand_doc(
        ["they", "’", "ll", "fire", "us"],
        heads=[3, 3, 3, 3, 3],
        deps=["nsubj", "punct", "aux", "ROOT", "dobj"],
        pos=["PRON", "PUNCT", "AUX", "VERB", "PRON"],
    )
    assert modality(doc[3], nominal=False) == "planned"


def test_gonna_puts_a_weekday_ahead(hand_doc) -> None:
    doc = hand_doc(
        ["We", "'re", "gon", "na", "meet", "on", "Friday"],
        heads=[4, 4, 4, 4, 4, 4, 5],
        deps=["nsubj", "aux", "aux", "aux", "ROOT", "prep", "pobj"],
        pos=["PRON", "AUX", "VERB", "PART", "VERB", "ADP", "PROPN"],
        tags=["PRP", "VBP", "VBG", "TO", "VB", "IN", "NNP"],
        spaces=[True, True, False, True, True, True, False],
    )
    friday = doc[6]
    assert tense_at(doc.text, friday.idx, friday.idx + len(friday), doc) == FUTURE
