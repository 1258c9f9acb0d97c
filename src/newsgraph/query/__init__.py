"""The read API over the corpus: functions that take a ``Store`` and return records.

The CLI and the web pages call these and nothing below them. Names are
matched without titles or case ("Sen. Ellison" finds Mark Ellison); a corpus
entity id (``c...``) works wherever a name does.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import replace

from newsgraph.errors import ConfigError, NotFoundError, StoreError
from newsgraph.query.timelines import entity_timeline, options, story_timeline
from newsgraph.records.corpus import (
    ArticleRow,
    ArticleView,
    EntityProfile,
    EntitySummary,
    QuoteHit,
    Related,
    StoryRow,
    StoryView,
    TimelineEntry,
)
from newsgraph.store import Store, reader
from newsgraph.store.backend import connect_read_only
from newsgraph.store.migrations import MIGRATIONS, applied

__all__ = [
    "Store",
    "article",
    "articles",
    "entities",
    "entity_profile",
    "find_entities",
    "find_stories",
    "open_store",
    "open_store_read_only",
    "quotes",
    "stories",
    "story",
    "timeline",
]


def open_store(db: str | None = None) -> Store:
    """Open an existing store for queries (``db`` as for ``newsgraph ingest --db``)."""
    return Store.open(db, create=False)


def find_entities(store: Store, name: str) -> list[EntitySummary]:
    """Entities that ``name`` can mean, the most written-about first (empty if none)."""
    by_id = reader.entity_by_id(store.conn, name.strip())
    if by_id:
        return [by_id]
    return reader.entities_named(store.conn, name)


def _one(store: Store, name: str) -> tuple[EntitySummary, list[EntitySummary]]:
    found = find_entities(store, name)
    if not found:
        raise NotFoundError(
            f"no entity named {name!r} in {store.url}; try `newsgraph entities --search {name}`"
        )
    return found[0], found[1:]


def entity_profile(store: Store, name: str, *, limit: int = 10) -> EntityProfile:
    """Roles over time, names, related entities, quotes by and about, and the timeline.

    When ``name`` fits several entities, the most written-about is profiled and
    the rest are listed in ``others``. ``limit`` caps related entities and quotes.
    """
    entity, others = _one(store, name)
    conn = store.conn
    relations = reader.relations_of(conn, entity.id)
    related = []
    for other, shared in reader.co_occurring(conn, entity.id, limit):
        kinds = tuple(
            sorted(
                {
                    f"{kind} ({kin})" if kin else kind
                    for kind, subj, obj, kin in relations
                    if other.id in (subj, obj)
                }
            )
        )
        related.append(Related(other, shared, kinds))
    by = reader.quotes(conn, reader.QuoteFilter(by=(entity.id,), limit=limit))
    about = reader.quotes(conn, reader.QuoteFilter(about=(entity.id,), limit=limit))
    return EntityProfile(
        entity=entity,
        names=tuple(reader.names_of(conn, entity.id)),
        roles=tuple(reader.roles_of(conn, entity.id)),
        related=tuple(related),
        quotes_by=tuple(by),
        quotes_about=tuple(about),
        timeline=entity_timeline(store, entity.id, options()),
        others=tuple(others),
    )


def entities(
    store: Store, *, type: str | None = None, search: str | None = None, limit: int = 50
) -> list[EntitySummary]:
    """Entities of a type (PERSON, ORG, GPE, ...) and/or whose names contain ``search``."""
    return reader.entities(store.conn, type, search, limit)


def _date_bound(value: str | None, end: bool) -> str | None:
    if value is None:
        return None
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise ConfigError(f"date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    # "--until 2024-06" includes every day of June
    return value + ("-99" * (2 - value.count("-"))) if end else value


def _ids(store: Store, name: str | None) -> tuple[str, ...] | None:
    if name is None:
        return None
    return tuple(e.id for e in find_entities(store, name))


def quotes(
    store: Store,
    *,
    by: str | None = None,
    about: str | None = None,
    search: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 50,
) -> list[QuoteHit]:
    """Quotes by a speaker, about an entity (named inside the quote), matching words, in dates.

    ``since``/``until`` are inclusive publication dates (YYYY, YYYY-MM or YYYY-MM-DD);
    ``search`` matches every word, stemmed ("families" finds "family"). Newest first.
    """
    flt = reader.QuoteFilter(
        by=_ids(store, by),
        about=_ids(store, about),
        search=search,
        since=_date_bound(since, end=False),
        until=_date_bound(until, end=True),
        limit=limit,
    )
    return reader.quotes(store.conn, flt)


def timeline(
    store: Store,
    name: str | None = None,
    *,
    story: str | None = None,
    everything: bool = False,
    kinds: Sequence[str] | None = None,
) -> tuple[TimelineEntry, ...]:
    """The events of an entity (by name or id) or of a story, by when they happened.

    By default the salient events only (several sources, an article's main event, a
    dated legal, violent or political milestone; never statements); ``everything``:
    every event, statements included; ``kinds``: only these families or types
    (``legal``, ``violence``, ``speech``, ``sentencing`` ...).
    """
    opts = options(everything, kinds)
    if story is not None:
        if not reader.stories(store.conn, 1, story_id=story):
            raise NotFoundError(f"no story {story!r} in {store.url}; see `newsgraph stories`")
        return story_timeline(store, story, opts)
    if name is None:
        raise ConfigError("give an entity NAME or --story ID")
    entity, _ = _one(store, name)
    return entity_timeline(store, entity.id, opts)


def stories(
    store: Store, *, entity: str | None = None, limit: int = 50, with_articles: bool = False
) -> list[StoryRow]:
    """Stories, the most recently active first; with ``entity``, those it appears in;
    ``with_articles`` fills each story's ``article_ids`` (oldest first)."""
    if entity is None:
        found = reader.stories(store.conn, limit)
    else:
        one, _ = _one(store, entity)
        found = reader.stories(store.conn, limit, entity_id=one.id)
    if not with_articles:
        return found
    ids = reader.story_article_ids(store.conn, [s.id for s in found])
    return [replace(s, article_ids=tuple(ids.get(s.id, ()))) for s in found]


def open_store_read_only(db: str | None = None) -> Store:
    """Open an existing, up-to-date store so that nothing can write to it (``newsgraph serve``).

    Migrations are not applied: a store that needs them is refused with a message.
    """
    conn = connect_read_only(db)
    try:
        done = set(applied(conn))
    except StoreError as exc:
        conn.close()
        raise StoreError(f"{conn.url} is not a newsgraph store ({exc})") from exc
    if pending := [m.name for m in MIGRATIONS if m.name not in done]:
        conn.close()
        raise StoreError(
            f"the store {conn.url} needs an upgrade ({', '.join(pending)}): run any "
            "`newsgraph ingest --db ...` on it once, or open it with write access"
        )
    return Store(conn)


def articles(
    store: Store,
    *,
    search: str | None = None,
    story: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[ArticleRow]:
    """Articles, newest first; with every word of ``search`` (title or text, stemmed);
    of one story. ``offset`` skips that many."""
    return reader.articles(store.conn, search, story, limit, offset)


def article(store: Store, article_id: str) -> ArticleView:
    """One article with its digest (as ``newsgraph digest --format json`` printed it when
    the article was stored) and the corpus entity of each of its entities."""
    found = reader.article(store.conn, article_id)
    if found is None:
        raise NotFoundError(f"no article {article_id!r} in {store.url}")
    row, digest = found
    return ArticleView(
        article=row,
        digest=json.loads(digest),
        entities=tuple(reader.article_entities(store.conn, article_id)),
    )


def story(
    store: Store,
    story_id: str,
    *,
    limit: int = 50,
    offset: int = 0,
    sources: int | None = None,
    everything: bool = False,
) -> StoryView:
    """One story: its row, ``limit`` of its articles from ``offset`` (newest first), the
    entities named in it (at most 100, the most often named first) and its timeline.

    ``sources`` keeps that many sources per timeline entry, the first reports (a page
    shows a few of an event's 900 reports; ``source_count`` still counts them all);
    ``everything``: every event on the timeline, as ``timeline(..., everything=True)``."""
    found = reader.stories(store.conn, 1, story_id=story_id)
    if not found:
        raise NotFoundError(f"no story {story_id!r} in {store.url}; see `newsgraph stories`")
    ids = reader.story_article_ids(store.conn, [story_id]).get(story_id, [])
    return StoryView(
        story=replace(found[0], article_ids=tuple(ids)),
        articles=tuple(reader.articles(store.conn, story_id=story_id, limit=limit, offset=offset)),
        members=tuple(reader.story_members(store.conn, story_id, 100)),
        timeline=tuple(
            replace(e, sources=e.sources[:sources]) if sources is not None else e
            for e in story_timeline(store, story_id, options(everything))
        ),
    )


def find_stories(store: Store, text: str, *, limit: int = 20) -> list[StoryRow]:
    """Stories whose title or one of whose names contains ``text``, the most recent first."""
    if not text.strip():
        return []
    return reader.stories_matching(store.conn, text, limit)
