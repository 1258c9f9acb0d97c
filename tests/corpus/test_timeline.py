"""Timelines: event time not publication time, salient events only, sources listed."""

from __future__ import annotations

from newsgraph.corpus.timeline import (
    EventDate,
    TimelineOptions,
    better_date,
    build_timeline,
    event_date,
    follows,
    salient,
    wanted,
)
from newsgraph.records.corpus import EventRow
from newsgraph.records.events import CorpusEvent


def corpus_event(
    eid: str,
    kind: str,
    date: str | None,
    *,
    basis: str = "event",
    sources: int = 1,
    main: int = 0,
    people: tuple[str, ...] = ("c1",),
) -> CorpusEvent:
    precision = {4: "year", 7: "month", 10: "day"}.get(len(date or ""), "unknown")
    return CorpusEvent(
        eid, kind, kind, date, precision, basis, basis == "published", None, people, (), (),
        sources, main, None, None, None,
    )  # fmt: skip


def row(article: str, eid: str, published: str = "2024-05-01") -> EventRow:
    return EventRow(
        article_id=article,
        event_id="v1",
        type="sentencing",
        trigger="sentenced",
        sentence=f"{article}: sentenced.",
        time_text=None,
        time_value=None,
        place=None,
        modality="actual",
        published=published,
        title=f"Title {article}",
        url=f"https://n.example/{article}",
        corpus_event_id=eid,
    )


def test_event_date_month_sits_in_its_month() -> None:
    d = event_date("2024-06", "2024-11-02")
    assert (d.value, d.precision, d.uncertain, d.basis) == ("2024-06", "month", False, "event")


def test_event_date_keeps_the_digest_basis() -> None:
    assert event_date("2022-03-03", "2024-07-13", "clause").basis == "clause"
    assert event_date("2022-03-03", "2024-07-13", "published").value == "2024-07-13"


def test_event_date_unknown_year_is_filled_and_marked_uncertain() -> None:
    d = event_date("XXXX-06", "2024-11-02")
    assert (d.value, d.uncertain, d.basis) == ("2024-06", True, "event")


def test_event_date_without_time_falls_back_on_publication_uncertain() -> None:
    d = event_date(None, "2024-11-02T10:00:00")
    assert (d.value, d.precision, d.uncertain, d.basis) == ("2024-11-02", "day", True, "published")
    assert event_date(None, None).basis == "none"


def test_follows_text_dates_must_agree_publication_only_bounds() -> None:
    june, june14 = EventDate("2024-06", "month", False, "event"), event_date("2024-06-14", None)
    july = EventDate("2024-07", "month", False, "event")
    assert follows(june, june14) and not follows(june, july)
    # reported in an article of August: it may be the June event; of May, it cannot
    assert follows(june, event_date(None, "2024-08-02"))
    assert not follows(june14, event_date(None, "2024-05-02"))


def test_better_date_prefers_the_text_then_precision_then_the_earlier_publication() -> None:
    june, june14 = event_date("2024-06", None), event_date("2024-06-14", None)
    assert better_date(june, june14) == june14
    published = event_date(None, "2024-08-02")
    assert better_date(published, june) == june
    assert better_date(published, event_date(None, "2024-07-01")).value == "2024-07-01"


def test_salient_several_sources_main_event_or_dated_milestone_never_statement() -> None:
    assert salient(corpus_event("a", "lawsuit", "2024-06", sources=2))
    assert salient(corpus_event("b", "launch", None, basis="published", main=1))
    assert salient(corpus_event("c", "sentencing", "2024-06"))
    # dated only by publications: filler, however many articles mention it
    assert not salient(corpus_event("d", "sentencing", "2024-06-01", basis="published"))
    assert not salient(corpus_event("g", "charge", "2024-06-01", basis="published", sources=3))
    assert not salient(corpus_event("e", "statement", "2024-06", sources=5, main=1))
    assert not salient(corpus_event("f", "earnings", "2024-06"))


def test_wanted_all_and_kinds() -> None:
    said = corpus_event("e", "statement", "2024-06")
    assert not wanted(said, TimelineOptions())
    assert wanted(said, TimelineOptions(everything=True))
    assert wanted(said, TimelineOptions(kinds=("speech",)))
    sentenced = corpus_event("c", "sentencing", "2024-06")
    assert wanted(sentenced, TimelineOptions(kinds=("legal",)))
    assert not wanted(sentenced, TimelineOptions(kinds=("violence",)))


def test_build_timeline_orders_by_event_date_with_every_source() -> None:
    events = [
        corpus_event("late", "sentencing", "2024-04-15", sources=2),
        corpus_event("early", "charge", "2023-01", sources=1),
    ]
    sources = {
        "late": [row("b", "late", "2024-04-16"), row("a", "late")],
        "early": [row("c", "early")],
    }
    entries = build_timeline(events, sources, {"c1": "Laura Reed"})
    assert [(e.date, e.type, e.precision) for e in entries] == [
        ("2023-01", "charge", "month"),
        ("2024-04-15", "sentencing", "day"),
    ]
    late = entries[1]
    assert [s.article_id for s in late.sources] == ["b", "a"]  # by publication date
    assert (late.id, late.genre, late.source_count, late.participants) == (
        "late", "legal", 2, ("Laura Reed",)
    )  # fmt: skip


def test_build_timeline_folds_one_incident_told_with_several_types() -> None:
    events = [
        corpus_event("shot", "shooting", "2022-03-03", sources=3, people=("c1", "c2")),
        corpus_event("died", "death", "2022-03-03", people=("c2",)),
        corpus_event("other", "shooting", "2024-05-01", people=("c9",)),
    ]
    sources = {e.id: [row(e.id, e.id)] for e in events}
    entries = build_timeline(events, sources)
    assert [(e.date, e.type, len(e.sources)) for e in entries] == [
        ("2022-03-03", "shooting", 2),
        ("2024-05-01", "shooting", 1),
    ]
