"""Timelines: event time not publication time, merged reports, uncertain dates marked."""

from __future__ import annotations

from newsgraph.corpus.timeline import build_timeline, event_date
from newsgraph.records.corpus import EventRow


def row(
    article: str,
    kind: str,
    value: str | None,
    published: str,
    people: tuple[str, ...] = ("c1",),
    trigger: str = "sentenced",
    modality: str = "actual",
) -> EventRow:
    return EventRow(
        article_id=article,
        event_id="v1",
        type=kind,
        trigger=trigger,
        sentence=f"{article}: {trigger} sentence.",
        time_text=value,
        time_value=value,
        place=None,
        modality=modality,
        published=published,
        title=f"Title {article}",
        url=f"https://n.example/{article}",
        participants=people,
    )


def test_event_date_month_sits_in_its_month() -> None:
    d = event_date("2024-06", "2024-11-02")
    assert (d.value, d.precision, d.uncertain, d.basis) == ("2024-06", "month", False, "event")


def test_event_date_unknown_year_is_filled_and_marked_uncertain() -> None:
    d = event_date("XXXX-06", "2024-11-02")
    assert (d.value, d.precision, d.uncertain, d.basis) == ("2024-06", "month", True, "event")


def test_event_date_without_time_falls_back_on_publication_uncertain() -> None:
    d = event_date(None, "2024-11-02")
    assert (d.value, d.precision, d.uncertain, d.basis) == ("2024-11-02", "day", True, "published")
    assert event_date("PAST_REF", None).basis == "none"


def test_timeline_orders_by_event_time_not_publication_time() -> None:
    events = [
        row("a", "dismissal", "2024-11-01", "2024-11-02", trigger="dismissed"),
        row("b", "sentencing", "2024-06", "2024-11-03"),  # reported later, happened earlier
        row("c", "charge", "2023-03-09", "2023-03-10", trigger="charged"),
    ]
    timeline = build_timeline(events)
    assert [(e.date, e.type, e.precision) for e in timeline] == [
        ("2023-03-09", "charge", "day"),
        ("2024-06", "sentencing", "month"),
        ("2024-11-01", "dismissal", "day"),
    ]


def test_timeline_merges_reports_of_one_event_listing_all_sources() -> None:
    events = [
        row("a", "dismissal", "2024-11-01", "2024-11-02", trigger="dismissed"),
        row("b", "dismissal", "2024-11", "2024-11-05", trigger="threw out"),
        row("c", "dismissal", "2024-11-01", "2024-11-01", people=("c1", "c2"), trigger="dismissed"),
        row("d", "dismissal", "2024-11-01", "2024-11-02", people=("c9",), trigger="dismissed"),
    ]
    timeline = build_timeline(events, {"c1": "Mark Ellison", "c2": "Helen Okafor"})
    assert len(timeline) == 2
    merged = timeline[0]
    assert (merged.date, merged.precision, merged.uncertain) == ("2024-11-01", "day", False)
    assert [s.article_id for s in merged.sources] == ["c", "a", "b"]
    assert merged.participants == ("Mark Ellison", "Helen Okafor")
    assert merged.sources[1].title == "Title a"
    assert merged.sources[1].url == "https://n.example/a"
    assert merged.sources[1].sentence == "a: dismissed sentence."
    assert [s.article_id for s in timeline[1].sources] == ["d"]  # other people: another event


def test_timeline_keeps_different_months_apart_and_marks_guesses() -> None:
    events = [
        row("a", "sentencing", "2024-06", "2024-11-02"),
        row("b", "sentencing", "2024-07", "2024-11-02"),
        row("c", "statement", None, "2024-11-03", trigger="said"),
        row("d", "charge", None, "2024-11-04", modality="negated", trigger="charged"),
    ]
    timeline = build_timeline(events)
    assert [(e.date, e.type, e.uncertain, e.basis) for e in timeline] == [
        ("2024-06", "sentencing", False, "event"),
        ("2024-07", "sentencing", False, "event"),
        ("2024-11-03", "statement", True, "published"),
    ]
