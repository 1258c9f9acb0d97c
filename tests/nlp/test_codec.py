"""Records kept on a Doc survive msgpack, as ``doc.to_bytes`` and ``DocBin`` write it."""

from __future__ import annotations

import srsly

from newsgraph.nlp import extensions  # noqa: F401  (registers the codec)
from newsgraph.records import Event, EventTime, Participant, Quote


def test_codec_nested_records_round_trip() -> None:
    event = Event(
        id="v1",
        type="arrest",
        trigger="arrested",
        span=(7, 15),
        sentence_span=(0, 40),
        participants=(Participant("agent", "e1"), Participant("patient", None, "a man")),
        time=EventTime("on Tuesday", "2024-10-29"),
        mentions=((7, 15), (50, 58)),
    )
    quote = Quote("q1", "direct", "We will rebuild", (1, 16), cue="said", cue_span=(20, 24))
    data = {"events": (event,), "quote": quote, "tokens": {3: "e1"}}
    back = srsly.msgpack_loads(srsly.msgpack_dumps(data))
    assert back["events"] == [event]  # the outer list is msgpack's; the record is ours
    assert back["quote"] == quote
    assert back["tokens"] == {3: "e1"}
    assert isinstance(back["events"][0].participants, tuple)


def test_codec_leaves_other_maps_alone() -> None:
    data = {"__newsgraph__": "os:system", "fields": {"command": "true"}}
    assert srsly.msgpack_loads(srsly.msgpack_dumps(data)) == data
