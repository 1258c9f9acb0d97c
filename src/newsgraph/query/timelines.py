"""Timelines read from the stored corpus events of a story or an entity.

Nothing is merged at query time: ingest matched each event to its corpus event. A
timeline reads the scope's corpus event ids from an index, keeps those the options
want (``corpus.timeline.wanted``) and reads the source rows of only those. Events that
were never matched (rows of a store written before migration 0004) are shown each on
its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsgraph.corpus.timeline import TimelineOptions, build_timeline, singleton, wanted
from newsgraph.errors import ConfigError
from newsgraph.extract.events.types import TYPES
from newsgraph.records.corpus import EventRow, TimelineEntry
from newsgraph.records.events import CorpusEvent
from newsgraph.store import Store, reader
from newsgraph.store import events as stored

FAMILIES = ("legal", "violence", "disaster", "politics", "business", "speech", "other")


def options(everything: bool = False, kinds: Iterable[str] | None = None) -> TimelineOptions:
    """Timeline options from the CLI's or the API's ``--all`` and ``--kinds legal,arrest``."""
    wanted_kinds = None
    if kinds is not None:
        wanted_kinds = tuple(k.strip().lower() for k in kinds if k.strip())
        unknown = [k for k in wanted_kinds if k not in FAMILIES and k not in TYPES]
        if unknown:
            raise ConfigError(
                f"unknown event kind {', '.join(unknown)!r}: use a family "
                f"({', '.join(FAMILIES)}) or an event type (sentencing, shooting, ...)"
            )
    return TimelineOptions(everything=everything, kinds=wanted_kinds or None)


def story_timeline(store: Store, story_id: str, opts: TimelineOptions) -> tuple[TimelineEntry, ...]:
    """The timeline of one story (its articles' events)."""
    scope = stored.story_scope(store.conn, story_id)
    return _draw(store, scope, opts, story_id=story_id)


def entity_timeline(
    store: Store, entity_id: str, opts: TimelineOptions
) -> tuple[TimelineEntry, ...]:
    """The timeline of one corpus entity (the events it takes part in)."""
    scope = stored.entity_scope(store.conn, entity_id)
    return _draw(store, scope, opts, entity_id=entity_id)


def _draw(
    store: Store,
    scope: stored.Scope,
    opts: TimelineOptions,
    *,
    story_id: str | None = None,
    entity_id: str | None = None,
) -> tuple[TimelineEntry, ...]:
    conn = store.conn
    chosen = [e for e in stored.corpus_events(conn, scope.ids) if wanted(e, opts)]
    sources: dict[str, list[EventRow]] = {}
    for row in stored.sources_of(conn, [e.id for e in chosen]):
        sources.setdefault(row.corpus_event_id or "", []).append(row)
    loose = scope.unmatched or (opts.everything and scope.unfollowed)
    if loose:
        for row in stored.loose_events(
            conn, story_id=story_id, entity_id=entity_id, unfollowed=opts.everything
        ):
            if row.modality == "negated":
                continue
            event = singleton(row)
            if wanted(event, opts):
                chosen.append(event)
                sources[event.id] = [row]
    names = reader.entity_names_by_id(conn, _people(chosen))
    return build_timeline(chosen, sources, names)


def _people(events: Iterable[CorpusEvent]) -> list[str]:
    return [p for e in events for p in e.participants]
