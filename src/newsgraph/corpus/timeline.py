"""Timelines: stored events ordered by when they happened, one entry per real event.

Pure functions over ``EventRow`` records. An event dated "in June" (``2024-06``)
sits at June; one with no date of its own falls back to its article's
publication date and is marked uncertain. Reports of the same event (same type,
shared participants, compatible dates) merge into one entry listing every source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from newsgraph.records.corpus import EventRow, TimelineEntry, TimelineSource

_DATE = re.compile(r"^(\d{4}|XXXX)(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?")
_PRECISION = ("year", "month", "day")


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened, as far as the text says.

    ``value``: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or None when unknown;
    ``uncertain``: a part was guessed; ``basis``: ``event`` (the event's own
    time), ``published`` (the article date stood in) or ``none``.
    """

    value: str | None
    precision: str
    uncertain: bool
    basis: str

    @property
    def sort_key(self) -> str:
        # "2024-06" sorts at the start of June; unknown dates go last
        return (self.value or "9999") + "-00" * (2 - self.value.count("-") if self.value else 0)


def event_date(time_value: str | None, published: str | None) -> EventDate:
    """The date of an event from its TIMEX3 value, falling back on the publication date.

    ``2024-06`` -> June 2024; ``XXXX-06`` -> June of the publication year, uncertain;
    ``PAST_REF``, durations or nothing -> the publication date, uncertain.
    """
    pub = _DATE.match(published or "")
    if time_value and (m := _DATE.match(time_value)):
        parts = [p for p in m.groups() if p is not None]
        uncertain = False
        if parts[0] == "XXXX":
            if not pub or pub.group(1) == "XXXX":
                return _published(published)
            parts[0], uncertain = pub.group(1), True
        known = []
        for part in parts:
            if "X" in part:
                uncertain = True
                break
            known.append(part)
        return EventDate("-".join(known), _PRECISION[len(known) - 1], uncertain, "event")
    return _published(published)


def _published(published: str | None) -> EventDate:
    m = _DATE.match(published or "")
    if not m or m.group(1) == "XXXX":
        return EventDate(None, "unknown", True, "none")
    parts = [p for p in m.groups() if p is not None and "X" not in p]
    return EventDate("-".join(parts), _PRECISION[len(parts) - 1], True, "published")


def _compatible(a: EventDate, b: EventDate) -> bool:
    # "2024-06" and "2024-06-14" can be one event; "2024-06" and "2024-07" cannot
    if a.value is None or b.value is None:
        return a.value == b.value
    return a.value.startswith(b.value) or b.value.startswith(a.value)


@dataclass
class _Group:
    date: EventDate
    rows: list[EventRow]
    participants: set[str]
    articles: set[str]

    def accepts(self, row: EventRow, date: EventDate) -> bool:
        first = self.rows[0]
        if row.type != first.type or not _compatible(self.date, date):
            return False
        if row.article_id in self.articles:
            return False  # two events of one article are two events
        ours = set(row.participants)
        if ours or self.participants:
            return bool(ours & self.participants)
        # nobody named on either side: the same trigger at the same date
        return row.trigger.lower() == first.trigger.lower() and date.value == self.date.value

    def add(self, row: EventRow, date: EventDate) -> None:
        self.rows.append(row)
        self.participants |= set(row.participants)
        self.articles.add(row.article_id)
        # the most precise certain date wins: "June" and "June 14" -> June 14
        if (not date.uncertain, len(date.value or "")) > (
            not self.date.uncertain,
            len(self.date.value or ""),
        ):
            self.date = date


def build_timeline(
    events: Iterable[EventRow],
    names: Mapping[str, str] | None = None,
    *,
    include_negated: bool = False,
) -> tuple[TimelineEntry, ...]:
    """Merge and order ``events``; ``names`` maps corpus entity ids to display names.

    Negated events ("was not charged") are left out unless ``include_negated``.
    Entries are ordered by event date, then type; sources by publication date.
    """
    groups: list[_Group] = []
    # compatible dates share their year: look only among groups of the same type and year
    buckets: dict[tuple[str, str | None], list[_Group]] = {}
    rows = sorted(events, key=lambda r: (r.published or "", r.article_id, r.event_id))
    for row in rows:
        if row.modality == "negated" and not include_negated:
            continue
        date = event_date(row.time_value, row.published)
        bucket = buckets.setdefault((row.type, date.value[:4] if date.value else None), [])
        for group in bucket:
            if group.accepts(row, date):
                group.add(row, date)
                break
        else:
            group = _Group(date, [row], set(row.participants), {row.article_id})
            groups.append(group)
            bucket.append(group)
    names = names or {}
    entries = [_entry(g, names) for g in groups]
    entries.sort(key=lambda e: (_key(e), e.type, e.sources[0].article_id))
    return tuple(entries)


def _key(entry: TimelineEntry) -> str:
    return EventDate(entry.date, entry.precision, entry.uncertain, entry.basis).sort_key


def _entry(group: _Group, names: Mapping[str, str]) -> TimelineEntry:
    first = group.rows[0]
    people = tuple(dict.fromkeys(names.get(p, p) for r in group.rows for p in r.participants))
    place = next((r.place for r in group.rows if r.place), None)
    return TimelineEntry(
        date=group.date.value,
        precision=group.date.precision,
        uncertain=group.date.uncertain,
        basis=group.date.basis,
        type=first.type,
        trigger=first.trigger,
        place=place,
        participants=people,
        sources=tuple(
            TimelineSource(r.article_id, r.title, r.published, r.url, r.sentence)
            for r in group.rows
        ),
    )
