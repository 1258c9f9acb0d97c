"""Property tests: any text gives a digest whose spans lie in the text, whose entity ids
resolve, and whose JSON round-trips.

The texts mix news-like sentences (names, roles, quotes, dates: where the extractors
do most) with arbitrary characters, lone surrogates and control characters.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsgraph
from newsgraph.records import Digest

pytestmark = pytest.mark.model

SENTENCES = (
    'Attorney Dana Whitfield said, "This is a gift to every con artist in the state."',
    "Judge Helen Okafor dismissed the case against Sen. Mark Ellison on Friday in Columbus.",
    "His aide was sentenced in June to two years. She argued the decision was wrong.",
    "The spokeswoman said the office would not appeal, according to a statement.",
    "“He will answer for this,” said Brennan's son, through Whitfield.",
    "On March 3, 2022, police arrested two men in Reno, Nevada.",
)

pieces = st.one_of(
    st.sampled_from(SENTENCES),
    st.text(st.characters(categories=["L", "N", "P", "Zs", "Cc", "Cs", "S"]), max_size=40),
)
texts = st.lists(pieces, min_size=1, max_size=6).map(" ".join)


def check(d: Digest) -> None:
    text = d.article.text
    size = len(text)

    def inside(span: tuple[int, int] | None) -> None:
        if span is not None:
            start, end = span
            assert 0 <= start <= end <= size, (span, size)

    ids = {e.id for e in d.entities}
    for entity in d.entities:
        for span in entity.mentions:
            inside(span)
    for quote in d.quotes:
        inside(quote.span)
        inside(quote.cue_span)
        inside(quote.speaker_span)
        assert quote.speaker is None or quote.speaker in ids
        assert quote.via is None or quote.via in ids
    for relation in d.relations:
        inside(relation.span)
        assert {relation.subject, relation.object} <= ids
    for time in d.times:
        inside(time.span)
        assert text[time.span[0] : time.span[1]] == time.text
    events = {e.id for e in d.events}
    for event in d.events:
        inside(event.span)
        inside(event.sentence_span)
        for span in event.mentions:
            inside(span)
        for participant in event.participants:
            assert participant.entity is None or participant.entity in ids
    if d.main_event is not None:
        assert d.main_event.event in events
    data = json.loads(d.to_json())
    assert data == json.loads(json.dumps(d.to_dict(), ensure_ascii=False))
    assert data["article"]["text"] == text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_any_text_gives_a_consistent_digest(text: str) -> None:
    check(newsgraph.digest(text, published="2024-11-02"))
