"""Timelines: stored corpus events ordered by when they happened, each once, with its sources.

Pure functions. An event's date is the time its own text gives (``basis`` ``clause``,
``linked`` or ``event``); only when no source dates it does an article's publication
date stand in (``published``, uncertain). The default timeline keeps the salient events:
reported by several sources, an article's main event, or a legal, violent or political
milestone; statements and undated one-source mentions are left to ``--all``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from newsgraph.extract.events.types import TYPES
from newsgraph.records.corpus import EventRow, TimelineEntry, TimelineSource
from newsgraph.records.events import CorpusEvent

_DATE = re.compile(r"^(\d{4}|XXXX)(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?")
_PRECISION = ("year", "month", "day")
UNDATED = ("published", "none")

# milestones: a case's or a conflict's turning points, on a timeline even when one
# article reports them
MILESTONE_GENRES = frozenset({"legal", "violence", "disaster", "politics"})
NOT_MILESTONES = frozenset({"investigation", "trial", "meeting", "visit", "vote", "protest"})
# one incident told with several words: "shot", "killed", "died", "wounded" on one day
INCIDENT = frozenset({"shooting", "attack", "killing", "death", "injury", "explosion"})


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened, as far as the text says.

    ``value``: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or None when unknown;
    ``uncertain``: a part was guessed; ``basis``: ``clause``/``linked``/``event`` (the
    event's own time), ``published`` (the article date stood in) or ``none``.
    """

    value: str | None
    precision: str
    uncertain: bool
    basis: str

    @property
    def sort_key(self) -> str:
        # "2024-06" sorts at the start of June; unknown dates go last
        return (self.value or "9999") + "-00" * (2 - self.value.count("-") if self.value else 0)

    @property
    def dated(self) -> bool:
        """The text itself dates the event (not a publication date standing in)."""
        return self.value is not None and self.basis not in UNDATED


def event_date(
    time_value: str | None, published: str | None, basis: str | None = None
) -> EventDate:
    """The date of an event from its TIMEX3 value, falling back on the publication date.

    ``2024-06`` -> June 2024; ``XXXX-06`` -> June of the publication year, uncertain;
    ``PAST_REF``, durations or nothing -> the publication date, uncertain. ``basis`` is
    the digest's (``clause`` / ``linked``) when it gives one, else ``event``.
    """
    pub = _DATE.match(published or "")
    if basis == "published":
        return _published(published)
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
        return EventDate("-".join(known), _PRECISION[len(known) - 1], uncertain, basis or "event")
    return _published(published)


def _published(published: str | None) -> EventDate:
    m = _DATE.match(published or "")
    if not m or m.group(1) == "XXXX":
        return EventDate(None, "unknown", True, "none")
    parts = [p for p in m.groups() if p is not None and "X" not in p]
    return EventDate("-".join(parts), _PRECISION[len(parts) - 1], True, "published")


def compatible(a: EventDate, b: EventDate) -> bool:
    """Whether two text-given dates can be one event: "2024-06" ~ "2024-06-14", not "2024-07"."""
    if a.value is None or b.value is None:
        return True
    return a.value.startswith(b.value) or b.value.startswith(a.value)


def follows(a: EventDate, b: EventDate) -> bool:
    """Whether two dates can be one event's: both given by the text and compatible, or a
    publication date no earlier than the other date (an article reports what happened)."""
    if a.value is None or b.value is None:
        return True
    if a.dated and b.dated:
        return compatible(a, b)
    if a.dated or b.dated:
        own, pub = (a, b) if a.dated else (b, a)
        return own.sort_key[:10] <= pub.sort_key[:10] or compatible(a, b)
    return True


def better_date(a: EventDate, b: EventDate) -> EventDate:
    """The date a merged event keeps: the text's over a publication date, certain over
    guessed, the more precise ("June" and "June 14" -> June 14); of two publication
    dates, the earlier (the event happened by then)."""
    if not a.dated and not b.dated:
        if a.value is None:
            return b
        if b.value is None:
            return a
        return a if a.sort_key <= b.sort_key else b
    rank_a = (a.dated, not a.uncertain, len(a.value or ""))
    rank_b = (b.dated, not b.uncertain, len(b.value or ""))
    return b if rank_b > rank_a else a


def genre(event_type: str) -> str:
    """The type's family: legal, violence, disaster, politics, business, speech or other."""
    row = TYPES.get(event_type)
    return row.genre if row else "other"


def is_milestone(event_type: str) -> bool:
    return genre(event_type) in MILESTONE_GENRES and event_type not in NOT_MILESTONES


def salient(event: CorpusEvent) -> bool:
    """Whether a corpus event belongs on the default timeline.

    An article's main event; else an event its text dates that several sources report
    or that is a milestone. Never a statement; never an event that only publication
    dates place (however many articles mention it: "the charge" in every later article).
    """
    if genre(event.type) == "speech":
        return False
    if event.main:
        return True
    if event.basis in UNDATED:
        return False
    return event.sources >= 2 or is_milestone(event.type)


def kinds_match(event_type: str, kinds: Iterable[str] | None) -> bool:
    """Whether a type is one of ``kinds``: type names or families ("legal", "sentencing")."""
    if kinds is None:
        return True
    wanted = set(kinds)
    return event_type in wanted or genre(event_type) in wanted


@dataclass(frozen=True, slots=True)
class TimelineOptions:
    """Which entries: ``everything`` (statements and one-off mentions too), ``kinds``
    (type names or families). Negated events ("was not charged") are never entries."""

    everything: bool = False
    kinds: tuple[str, ...] | None = None


def singleton(row: EventRow) -> CorpusEvent:
    """A stored event that no corpus event holds (a statement, or a store written before
    corpus events) as a corpus event of its own."""
    date = event_date(row.time_value, row.published, row.time_basis)
    return CorpusEvent(
        id=f"{row.article_id}/{row.event_id}",
        type=row.type,
        trigger=row.trigger,
        date=date.value,
        precision=date.precision,
        basis=date.basis,
        uncertain=date.uncertain,
        place=row.place,
        participants=row.participants,
        patients=(),
        centroid=(),
        sources=1,
        main=0,
        story_id=None,
        first=row.published,
        last=row.published,
    )


def wanted(event: CorpusEvent, options: TimelineOptions) -> bool:
    """Whether ``event`` goes on a timeline drawn with ``options``."""
    if not kinds_match(event.type, options.kinds):
        return False
    if options.everything:
        return True
    # statements only where asked for by kind ("--kinds speech")
    asked = options.kinds is not None and genre(event.type) == "speech"
    return asked or salient(event)


def build_timeline(
    events: Sequence[CorpusEvent],
    sources: Mapping[str, Sequence[EventRow]],
    names: Mapping[str, str] | None = None,
) -> tuple[TimelineEntry, ...]:
    """Entries for ``events`` (already chosen), ordered by date, then type.

    ``sources`` maps corpus event ids to their stored events (every article reporting
    it); ``names`` corpus entity ids to display names. The words of one incident told
    apart by type ("shot", "killed", "wounded" on one day, the same people) are one entry.
    """
    names = names or {}
    entries = []
    for group in _incidents(events):
        rows = [r for e in group for r in sources.get(e.id, ())]
        if not rows:
            continue
        entries.append(_entry(group, rows, names))
    entries.sort(key=lambda e: (_key(e), e.type, e.sources[0].article_id))
    return tuple(entries)


def _incidents(events: Sequence[CorpusEvent]) -> list[list[CorpusEvent]]:
    groups: list[list[CorpusEvent]] = []
    for event in sorted(events, key=lambda e: (-e.sources, e.id)):
        if event.type in INCIDENT and event.date and event.basis not in UNDATED:
            for group in groups:
                head = group[0]
                if head.type in INCIDENT and head.date and head.basis not in UNDATED:
                    same_day = head.date[:10] == event.date[:10] and len(event.date) == 10
                    shared = set(head.participants) & set(event.participants)
                    near = compatible(_date(head), _date(event))
                    if same_day or (near and shared):
                        group.append(event)
                        break
            else:
                groups.append([event])
        else:
            groups.append([event])
    return groups


def _date(e: CorpusEvent) -> EventDate:
    return EventDate(e.date, e.precision, e.uncertain, e.basis)


def _key(entry: TimelineEntry) -> str:
    return EventDate(entry.date, entry.precision, entry.uncertain, entry.basis).sort_key


def _entry(
    group: list[CorpusEvent], rows: list[EventRow], names: Mapping[str, str]
) -> TimelineEntry:
    head = group[0]
    date = _date(head)
    for other in group[1:]:
        date = better_date(date, _date(other))
    rows = sorted(rows, key=lambda r: (r.published or "", r.article_id, r.event_id))
    people = tuple(dict.fromkeys(names.get(p, p) for e in group for p in e.participants))
    place = next((e.place for e in group if e.place), None) or next(
        (r.place for r in rows if r.place), None
    )
    return TimelineEntry(
        date=date.value,
        precision=date.precision,
        uncertain=date.uncertain,
        basis=date.basis,
        type=head.type,
        trigger=head.trigger,
        place=place,
        participants=people,
        sources=tuple(
            TimelineSource(r.article_id, r.title, r.published, r.url, r.sentence, r.event_id)
            for r in rows
        ),
        id=head.id,
        genre=genre(head.type),
        source_count=len({r.article_id for r in rows}),
    )
