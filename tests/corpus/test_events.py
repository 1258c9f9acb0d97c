"""Cross-document event coreference: which corpus event an article's event is."""

from __future__ import annotations

from newsgraph.corpus.events import EventFeatures, match_events
from newsgraph.corpus.timeline import event_date
from newsgraph.records.events import CorpusEvent


def features(
    local: str = "v1",
    kind: str = "sentencing",
    value: str | None = "2024-04-15",
    published: str = "2024-04-16",
    people: tuple[tuple[str, str], ...] = (("patient", "e1"),),
    vector: tuple[float, ...] = (1.0, 0.0),
) -> EventFeatures:
    return EventFeatures(
        local, kind, "sentenced", event_date(value, published), None, people, vector, False
    )


def stored(
    eid: str = "vA",
    patients: tuple[str, ...] = ("cReed",),
    date: str | None = "2024-04-15",
    centroid: tuple[float, ...] = (2.0, 0.0),
) -> CorpusEvent:
    return CorpusEvent(
        eid, "sentencing", "sentenced", date, "day", "event", False, None, patients, patients,
        centroid, 2, 1, "s1", "2024-04-15", "2024-04-15",
    )  # fmt: skip


def test_match_joins_the_same_sentencing_and_counts_the_source() -> None:
    [write] = match_events(
        "a3", [features()], {"e1": "cReed"}, [stored()], story_id="s1", published="2024-04-16"
    )
    assert (write.new, write.event.id, write.event.sources, write.event.last) == (
        False, "vA", 3, "2024-04-16"
    )  # fmt: skip
    assert write.event.centroid == (3.0, 0.0)
    assert "sentencing|e:cReed" in write.keys and "sentencing|d:2024-04" in write.keys


def test_match_keeps_the_sentencing_of_another_person_apart() -> None:
    [write] = match_events(
        "a3", [features()], {"e1": "cBrandt"}, [stored()], story_id="s1", published="2024-04-16"
    )
    assert write.new and write.event.sources == 1 and write.event.patients == ("cBrandt",)


def test_match_keeps_other_months_and_other_meanings_apart() -> None:
    later = features(value="2024-09-02", published="2024-09-03")
    unlike = features(vector=(0.0, 1.0))
    for f in (later, unlike):
        [write] = match_events("a3", [f], {}, [stored(patients=())], story_id=None, published=None)
        assert write.new, f


def test_match_two_events_of_one_article_never_share_a_corpus_event() -> None:
    writes = match_events(
        "a3",
        [features("v1"), features("v2")],
        {"e1": "cReed"},
        [stored()],
        story_id="s1",
        published="2024-04-16",
    )
    assert [w.new for w in writes] == [False, True]
