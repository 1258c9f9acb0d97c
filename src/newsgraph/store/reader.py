"""Read-side SQL for the query API: each function runs a query and returns corpus records.

The query API (``newsgraph.query``) composes these; ``store.candidates`` holds
the reads that ingest makes while it writes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from newsgraph.records.corpus import (
    ArticleEntity,
    ArticleRow,
    EntitySummary,
    Member,
    QuoteHit,
    Seen,
    StoryRow,
)
from newsgraph.records.names import normalise
from newsgraph.store.backend import Connection

_ENTITY = "e.id, e.name, e.type, e.article_count, e.first_seen, e.last_seen"


@dataclass(frozen=True, slots=True)
class QuoteFilter:
    """Which quotes: by / about these corpus entities, matching text, within dates (inclusive)."""

    by: tuple[str, ...] | None = None
    about: tuple[str, ...] | None = None
    search: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int = 50


def _entity(row: Sequence[Any]) -> EntitySummary:
    return EntitySummary(*row[:6])


def _marks(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))


def entity_by_id(conn: Connection, entity_id: str) -> EntitySummary | None:
    rows = conn.query(f"SELECT {_ENTITY} FROM entities e WHERE e.id = ?", (entity_id,))
    return _entity(rows[0]) if rows else None


def entities_named(conn: Connection, name: str, limit: int = 20) -> list[EntitySummary]:
    """Entities whose name or an alias is ``name`` (titles ignored), most written-about first."""
    norm = normalise(name)
    keys = [f"PERSON:{norm}"] if " " not in norm else []
    rows = conn.query(
        f"SELECT {_ENTITY} FROM entities e WHERE e.id IN ("
        "SELECT entity_id FROM entity_names WHERE norm = ? "
        f"UNION SELECT entity_id FROM entity_keys WHERE key IN ({_marks(keys) or 'NULL'})) "
        "ORDER BY e.article_count DESC, e.id LIMIT ?",
        (norm, *keys, limit),
    )
    return [_entity(r) for r in rows]


def entities(
    conn: Connection, entity_type: str | None, search: str | None, limit: int
) -> list[EntitySummary]:
    """Entities of a type and/or with a name containing ``search``, most written-about first."""
    where, params = [], []
    if entity_type:
        where.append("e.type = ?")
        params.append(entity_type.upper())
    if search:
        where.append(
            "e.id IN (SELECT entity_id FROM entity_names WHERE lower(name) LIKE ? ESCAPE '!')"
        )
        params.append("%" + re.sub(r"([!%_])", r"!\1", search.lower()) + "%")
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    rows = conn.query(
        f"SELECT {_ENTITY} FROM entities e {clause} "
        "ORDER BY e.article_count DESC, e.name, e.id LIMIT ?",
        (*params, limit),
    )
    return [_entity(r) for r in rows]


def _seen(conn: Connection, table: str, column: str, entity_id: str) -> list[Seen]:
    rows = conn.query(
        f"SELECT {column}, first_seen, last_seen, count FROM {table} WHERE entity_id = ? "
        f"ORDER BY first_seen, {column}",
        (entity_id,),
    )
    return [Seen(*r) for r in rows]


def names_of(conn: Connection, entity_id: str) -> list[Seen]:
    return _seen(conn, "entity_names", "name", entity_id)


def roles_of(conn: Connection, entity_id: str) -> list[Seen]:
    return _seen(conn, "entity_roles", "role", entity_id)


def co_occurring(conn: Connection, entity_id: str, limit: int) -> list[tuple[EntitySummary, int]]:
    """Entities seen in the same articles, with the number of shared articles."""
    rows = conn.query(
        f"SELECT {_ENTITY}, c.n FROM ("
        "SELECT m2.entity_id AS id, COUNT(DISTINCT m2.article_id) AS n FROM mentions m1 "
        "JOIN mentions m2 ON m2.article_id = m1.article_id AND m2.entity_id <> m1.entity_id "
        "WHERE m1.entity_id = ? GROUP BY m2.entity_id) c JOIN entities e ON e.id = c.id "
        "ORDER BY c.n DESC, e.article_count DESC, e.id LIMIT ?",
        (entity_id, limit),
    )
    return [(_entity(r), int(r[6])) for r in rows]


def relations_of(conn: Connection, entity_id: str) -> list[tuple[str, str, str, str | None]]:
    """(type, subject id, object id, kin) of the relations the entity takes part in."""
    rows = conn.query(
        "SELECT DISTINCT type, subject_id, object_id, kin FROM relations "
        "WHERE subject_id = ? OR object_id = ? ORDER BY type, subject_id, object_id",
        (entity_id, entity_id),
    )
    return [(r[0], r[1], r[2], r[3]) for r in rows]


def search_terms(text: str) -> list[str]:
    """Words of a search, for an AND of terms on both databases: "bank records" -> 2 terms."""
    return re.findall(r"\w+", text.lower())


def _fts_clause(conn: Connection, table: str, text: str) -> tuple[str, str] | None:
    """A WHERE clause and its parameter for "every word of ``text``", or None for no words."""
    terms = search_terms(text)
    if not terms:
        return None
    alias = table[0]
    if conn.dialect == "sqlite":
        clause = f"{alias}.seq IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?)"
        return clause, " ".join(f'"{t}"' for t in terms)
    return f"{alias}.search @@ plainto_tsquery('english', ?)", " ".join(terms)


def quotes(conn: Connection, flt: QuoteFilter) -> list[QuoteHit]:
    """Quotes matching the filter, newest first."""
    where: list[str] = []
    params: list[Any] = []
    if flt.by is not None:
        where.append(f"q.speaker_id IN ({_marks(flt.by) or 'NULL'})")
        params.extend(flt.by)
    if flt.about is not None:
        # driven from the entity's rows in quote_about: a correlated EXISTS made SQLite walk
        # every quote by date (0.8 s on 140k quotes for an entity quoted about nowhere)
        where.append(
            "(q.article_id, q.local_id) IN (SELECT article_id, quote_id FROM quote_about "
            f"WHERE entity_id IN ({_marks(flt.about) or 'NULL'}))"
        )
        params.extend(flt.about)
    if flt.search:
        found = _fts_clause(conn, "quotes", flt.search)
        if found is None:
            return []
        where.append(found[0])
        params.append(found[1])
    if flt.since:
        where.append("q.published >= ?")
        params.append(flt.since)
    if flt.until:
        where.append("q.published <= ?")
        params.append(flt.until)
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    rows = conn.query(
        "SELECT q.article_id, q.local_id, q.content, q.kind, q.act, q.speaker_id, s.name, "
        "q.speaker_text, q.published, a.title, a.url, q.context FROM quotes q "
        "JOIN articles a ON a.id = q.article_id LEFT JOIN entities s ON s.id = q.speaker_id "
        f"{clause} ORDER BY q.published DESC, q.article_id, q.span_start LIMIT ?",
        (*params, flt.limit),
    )
    return [QuoteHit(*r) for r in rows]


def search_articles(conn: Connection, text: str, limit: int = 20) -> list[tuple[str, str | None]]:
    """(id, title) of articles whose title or text has every word of ``text``."""
    found = _fts_clause(conn, "articles", text)
    if found is None:
        return []
    sql = f"SELECT a.id, a.title FROM articles a WHERE {found[0]} "
    return [
        (r[0], r[1])
        for r in conn.query(sql + "ORDER BY a.published DESC, a.id LIMIT ?", (found[1], limit))
    ]


def entity_names_by_id(conn: Connection, ids: Sequence[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    unique = sorted(set(ids))
    for start in range(0, len(unique), 500):
        chunk = unique[start : start + 500]
        found.update(
            (r[0], r[1])
            for r in conn.query(
                f"SELECT id, name FROM entities WHERE id IN ({_marks(chunk)})", chunk
            )
        )
    return found


def stories(
    conn: Connection, limit: int, entity_id: str | None = None, story_id: str | None = None
) -> list[StoryRow]:
    """Stories, most recently active first; those an entity appears in; or one story."""
    where, params = "", []
    if story_id:
        where, params = "WHERE st.id = ?", [story_id]
    elif entity_id:
        where = (
            "WHERE st.id IN (SELECT s.story_id FROM article_stories s JOIN mentions m "
            "ON m.article_id = s.article_id WHERE m.entity_id = ?)"
        )
        params = [entity_id]
    rows = conn.query(
        "SELECT st.id, st.title, st.size, st.first, st.last, st.names FROM stories st "
        f"{where} "
        "ORDER BY st.last DESC, st.size DESC, st.id LIMIT ?",
        (*params, limit),
    )
    return [_story(r) for r in rows]


def story_article_ids(conn: Connection, story_ids: Sequence[str]) -> dict[str, list[str]]:
    """The article ids of each story, the oldest article first."""
    found: dict[str, list[str]] = {}
    unique = sorted(set(story_ids))
    for start in range(0, len(unique), 500):
        chunk = unique[start : start + 500]
        for sid, aid in conn.query(
            "SELECT s.story_id, s.article_id FROM article_stories s JOIN articles a "
            f"ON a.id = s.article_id WHERE s.story_id IN ({_marks(chunk)}) "
            "ORDER BY s.story_id, a.published, a.id",
            chunk,
        ):
            found.setdefault(sid, []).append(aid)
    return found


def counts(conn: Connection) -> dict[str, int]:
    """Rows per main table: articles, entities, quotes, events, stories."""
    out = {}
    for table in ("articles", "entities", "quotes", "events", "stories"):
        out[table] = int(conn.query(f"SELECT COUNT(*) FROM {table}")[0][0])
    return out


def rows(conn: Connection, table: str, batch: int = 5000) -> Iterator[dict[str, Any]]:
    """Every row of an exportable table as a dict, in key order, read in pages."""
    columns, order = _EXPORT[table]
    offset = 0
    while True:
        page = conn.query(
            f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order} LIMIT ? OFFSET ?",
            (batch, offset),
        )
        for row in page:
            yield dict(zip(columns, row, strict=True))
        if len(page) < batch:
            return
        offset += batch


_EXPORT: dict[str, tuple[tuple[str, ...], str]] = {
    "entities": (
        ("id", "name", "type", "article_count", "first_seen", "last_seen"),
        "id",
    ),
    "relations": (
        ("article_id", "idx", "type", "subject_id", "object_id", "kin", "text"),
        "article_id, idx",
    ),
    "quotes": (
        (
            "article_id",
            "local_id",
            "kind",
            "content",
            "context",
            "speaker_id",
            "speaker_text",
            "via_id",
            "act",
            "published",
        ),
        "article_id, local_id",
    ),
    "events": (
        (
            "article_id",
            "local_id",
            "type",
            "trigger",
            "sentence",
            "time_text",
            "time_value",
            "place",
            "modality",
            "polarity",
            "published",
            "time_basis",
            "corpus_event_id",
        ),
        "article_id, local_id",
    ),
    "mentions": (("article_id", "local_id", "entity_id", "name", "type"), "article_id, local_id"),
}


def co_occurrence_pairs(conn: Connection, minimum: int = 1) -> list[tuple[str, str, int]]:
    """(entity a, entity b, shared articles) for every pair seen together ``minimum`` times."""
    rows = conn.query(
        "SELECT m1.entity_id, m2.entity_id, COUNT(DISTINCT m1.article_id) AS n FROM mentions m1 "
        "JOIN mentions m2 ON m2.article_id = m1.article_id AND m1.entity_id < m2.entity_id "
        "GROUP BY m1.entity_id, m2.entity_id HAVING COUNT(DISTINCT m1.article_id) >= ? "
        "ORDER BY m1.entity_id, m2.entity_id",
        (minimum,),
    )
    return [(r[0], r[1], int(r[2])) for r in rows]


_ARTICLE = (
    "SELECT a.id, a.title, a.published, a.url, a.source, s.story_id FROM articles a "
    "LEFT JOIN article_stories s ON s.article_id = a.id "
)


def articles(
    conn: Connection,
    search: str | None = None,
    story_id: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[ArticleRow]:
    """Articles, newest first: those with every word of ``search``, those of a story."""
    where: list[str] = []
    params: list[Any] = []
    if search is not None:
        found = _fts_clause(conn, "articles", search)
        if found is None:
            return []
        where.append(found[0])
        params.append(found[1])
    if story_id is not None:
        where.append("s.story_id = ?")
        params.append(story_id)
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    rows = conn.query(
        f"{_ARTICLE}{clause} ORDER BY a.published DESC, a.id LIMIT ? OFFSET ?",
        (*params, limit, offset),
    )
    return [ArticleRow(*r) for r in rows]


def article(conn: Connection, article_id: str) -> tuple[ArticleRow, str] | None:
    """One article's row and its digest as stored (JSON text), or None."""
    rows = conn.query(
        "SELECT a.id, a.title, a.published, a.url, a.source, s.story_id, a.digest "
        "FROM articles a LEFT JOIN article_stories s ON s.article_id = a.id WHERE a.id = ?",
        (article_id,),
    )
    return (ArticleRow(*rows[0][:6]), rows[0][6]) if rows else None


def article_entities(conn: Connection, article_id: str) -> list[ArticleEntity]:
    """The article's entities (digest id ``e1`` ...) with the corpus entity each is."""
    rows = conn.query(
        "SELECT m.local_id, m.entity_id, e.name, e.type FROM mentions m "
        "JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? ORDER BY m.local_id",
        (article_id,),
    )
    return [ArticleEntity(*r) for r in rows]


def story_members(conn: Connection, story_id: str, limit: int) -> list[Member]:
    """Entities named in a story's articles, the most often named first."""
    rows = conn.query(
        f"SELECT {_ENTITY}, c.n FROM ("
        "SELECT m.entity_id AS id, COUNT(DISTINCT m.article_id) AS n FROM article_stories s "
        "JOIN mentions m ON m.article_id = s.article_id WHERE s.story_id = ? "
        "GROUP BY m.entity_id) c JOIN entities e ON e.id = c.id "
        "ORDER BY c.n DESC, e.article_count DESC, e.id LIMIT ?",
        (story_id, limit),
    )
    return [Member(_entity(r), int(r[6])) for r in rows]


def stories_matching(conn: Connection, text: str, limit: int) -> list[StoryRow]:
    """Stories whose title, or a name they keep, contains ``text`` (case ignored)."""
    pattern = "%" + re.sub(r"([!%_])", r"!\1", text.strip().lower()) + "%"
    rows = conn.query(
        "SELECT st.id, st.title, st.size, st.first, st.last, st.names FROM stories st "
        "WHERE lower(st.title) LIKE ? ESCAPE '!' OR st.id IN "
        "(SELECT story_id FROM story_names WHERE name LIKE ? ESCAPE '!') "
        "ORDER BY st.last DESC, st.size DESC, st.id LIMIT ?",
        (pattern, pattern, limit),
    )
    return [_story(r) for r in rows]


def _story(r: Sequence[Any]) -> StoryRow:
    return StoryRow(r[0], r[1], r[2], r[3], r[4], tuple(n for n, _ in json.loads(r[5])[:8]))
