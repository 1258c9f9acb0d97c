"""Corpus events in the store: candidates for an article's events, their writes, timeline reads.

Candidates are, for each key (type + person, type + story, type + month), the corpus
events that most recently had it: an index range on ``corpus_event_keys``, so a lookup
costs the same at 100 articles and at 100,000. Timelines read a scope's corpus event
ids from the ``events`` index, then only the corpus events and source rows they show.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from newsgraph.records.corpus import EventRow
from newsgraph.records.events import CorpusEvent, CorpusEventWrite
from newsgraph.store.backend import Connection

PER_KEY = 6  # the latest corpus events per key: a lookup costs the same at any corpus size
CHUNK = 500

_COLUMNS = (
    "id, type, trigger, date, precision, basis, uncertain, place, participants, patients, "
    "{centroid}, sources, main, story_id, first, last"
)


def _marks(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))


def _event(row: Sequence[Any]) -> CorpusEvent:
    return CorpusEvent(
        id=row[0],
        type=row[1],
        trigger=row[2],
        date=row[3],
        precision=row[4],
        basis=row[5],
        uncertain=bool(row[6]),
        place=row[7],
        participants=tuple(json.loads(row[8])),
        patients=tuple(json.loads(row[9])),
        centroid=tuple(json.loads(row[10])) if row[10] else (),
        sources=int(row[11]),
        main=int(row[12]),
        story_id=row[13],
        first=row[14],
        last=row[15],
    )


def event_candidates(conn: Connection, keys: Sequence[str]) -> list[CorpusEvent]:
    """Corpus events filed under any of ``keys``: the latest ``PER_KEY`` of each."""
    if not keys:
        return []
    one = (
        "SELECT * FROM (SELECT corpus_event_id FROM corpus_event_keys WHERE key = ? "
        # undated last on both databases (PostgreSQL sorts NULL first when descending)
        "ORDER BY seen IS NULL, seen DESC, corpus_event_id LIMIT ?) AS k"
    )
    ids: list[str] = []
    for start in range(0, len(keys), 50):
        chunk = keys[start : start + 50]
        ids += [
            r[0]
            for r in conn.query(
                " UNION ALL ".join([one] * len(chunk)), [x for k in chunk for x in (k, PER_KEY)]
            )
        ]
    return corpus_events(conn, list(dict.fromkeys(ids)), centroid=True)


def corpus_events(
    conn: Connection, ids: Sequence[str], *, centroid: bool = False
) -> list[CorpusEvent]:
    """The corpus events of ``ids`` (those that exist), by id; centroids only if asked
    (384 numbers each: candidates need them, timelines do not)."""
    columns = _COLUMNS.format(centroid="centroid" if centroid else "''")
    found: list[CorpusEvent] = []
    unique = sorted(set(ids))
    for start in range(0, len(unique), CHUNK):
        chunk = unique[start : start + CHUNK]
        found += [
            _event(r)
            for r in conn.query(
                f"SELECT {columns} FROM corpus_events WHERE id IN ({_marks(chunk)}) ORDER BY id",
                chunk,
            )
        ]
    return found


def write_corpus_event(conn: Connection, write: CorpusEventWrite) -> None:
    """Record a corpus event as the article left it, and file it under its keys."""
    e = write.event
    values = (
        e.type,
        e.trigger,
        e.date,
        e.precision,
        e.basis,
        int(e.uncertain),
        e.place,
        json.dumps(list(e.participants)),
        json.dumps(list(e.patients)),
        json.dumps([round(x, 5) for x in e.centroid]),  # 5 decimals: plenty for a cosine
        e.sources,
        e.main,
        e.story_id,
        e.first,
        e.last,
    )
    if write.new:
        conn.execute(
            "INSERT INTO corpus_events (id, type, trigger, date, precision, basis, uncertain, "
            "place, participants, patients, centroid, sources, main, story_id, first, last) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (e.id, *values),
        )
    else:
        conn.execute(
            "UPDATE corpus_events SET type = ?, trigger = ?, date = ?, precision = ?, "
            "basis = ?, uncertain = ?, place = ?, participants = ?, patients = ?, "
            "centroid = ?, sources = ?, main = ?, story_id = ?, first = ?, last = ? "
            "WHERE id = ?",
            (*values, e.id),
        )
    conn.executemany(
        "INSERT INTO corpus_event_keys AS t (key, corpus_event_id, seen) VALUES (?, ?, ?) "
        "ON CONFLICT (key, corpus_event_id) DO UPDATE SET seen = excluded.seen "
        "WHERE t.seen IS NULL OR t.seen < excluded.seen",
        [(key, e.id, write.seen) for key in write.keys],
    )


def forget_article(conn: Connection, article_id: str) -> list[str]:
    """Before an article's rows go: the corpus events its events fed (to recount after)."""
    return [
        r[0]
        for r in conn.query(
            "SELECT DISTINCT corpus_event_id FROM events WHERE article_id = ? "
            "AND corpus_event_id IS NOT NULL",
            (article_id,),
        )
    ]


def recount(conn: Connection, ids: Iterable[str]) -> None:
    """Sources counted again after an article left; corpus events with none left go."""
    for eid in ids:
        conn.execute(
            "UPDATE corpus_events SET sources = (SELECT COUNT(DISTINCT article_id) FROM events "
            "WHERE corpus_event_id = ?) WHERE id = ?",
            (eid, eid),
        )
        conn.execute("DELETE FROM corpus_events WHERE id = ? AND sources = 0", (eid,))


# ---- timeline reads ----------------------------------------------------------------------

_SOURCE = (
    "SELECT ev.article_id, ev.local_id, ev.type, ev.trigger, ev.sentence, ev.time_text, "
    "ev.time_value, ev.place, ev.modality, ev.published, a.title, a.url, ev.time_basis, "
    "ev.corpus_event_id FROM events ev JOIN articles a ON a.id = ev.article_id "
)


@dataclass(frozen=True, slots=True)
class Scope:
    """The events of a story or an entity: their corpus event ids, how many are not
    followed across articles (statements: ``""``) and how many were never matched (rows
    written before migration 0004: NULL)."""

    ids: tuple[str, ...]
    unfollowed: int
    unmatched: int


def _scope(rows: Sequence[Sequence[Any]]) -> Scope:
    ids, unfollowed, unmatched = [], 0, 0
    for cid, n in rows:
        if cid is None:
            unmatched = int(n)
        elif cid == "":
            unfollowed = int(n)
        else:
            ids.append(cid)
    return Scope(tuple(ids), unfollowed, unmatched)


def story_scope(conn: Connection, story_id: str) -> Scope:
    """The corpus events a story's articles report (from the index, not the event rows)."""
    return _scope(
        conn.query(
            "SELECT ev.corpus_event_id, COUNT(*) FROM article_stories s JOIN events ev "
            "ON ev.article_id = s.article_id WHERE s.story_id = ? GROUP BY ev.corpus_event_id",
            (story_id,),
        )
    )


def entity_scope(conn: Connection, entity_id: str) -> Scope:
    """The corpus events an entity takes part in, read from two covering indexes only.

    SQLite is told which index to use for the events: left to itself it takes the
    primary key (unique, so "one row" to its planner) and reads every event row for one
    column (the person in the most events at 100k articles: 14,000 row reads). A store
    opened read-only before migration 0005 has no such index: it is read without the hint.
    """
    hint = ""
    if conn.dialect == "sqlite" and conn.query(
        "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?",
        ("events_article_event_corpus",),
    ):
        hint = "INDEXED BY events_article_event_corpus "
    return _scope(
        conn.query(
            "SELECT ev.corpus_event_id, COUNT(*) FROM (SELECT DISTINCT article_id, event_id "
            f"FROM event_participants WHERE entity_id = ?) p JOIN events ev {hint}"
            "ON ev.article_id = p.article_id AND ev.local_id = p.event_id "
            "GROUP BY ev.corpus_event_id",
            (entity_id,),
        )
    )


def sources_of(conn: Connection, ids: Sequence[str]) -> list[EventRow]:
    """Every stored event of the corpus events ``ids``, with its article."""
    found: list[Any] = []
    unique = sorted(set(ids))
    for start in range(0, len(unique), CHUNK):
        chunk = unique[start : start + CHUNK]
        found += conn.query(
            _SOURCE + f"WHERE ev.corpus_event_id IN ({_marks(chunk)}) "
            "ORDER BY ev.article_id, ev.local_id",
            chunk,
        )
    return _rows(conn, found, participants=False)


def loose_events(
    conn: Connection,
    *,
    story_id: str | None = None,
    entity_id: str | None = None,
    unfollowed: bool = False,
) -> list[EventRow]:
    """The scope's events that no corpus event holds: never matched (pre-0004 rows) and,
    with ``unfollowed``, those not followed across articles (statements, negated)."""
    loose = (
        "(ev.corpus_event_id IS NULL OR ev.corpus_event_id = '')"
        if unfollowed
        else "ev.corpus_event_id IS NULL"
    )
    if story_id is not None:
        sql = (
            _SOURCE + "JOIN article_stories s ON s.article_id = ev.article_id "
            f"WHERE s.story_id = ? AND {loose} "
        )
        param = story_id
    else:
        sql = (
            _SOURCE + "JOIN (SELECT DISTINCT article_id, event_id FROM event_participants "
            "WHERE entity_id = ?) p ON p.article_id = ev.article_id AND p.event_id = ev.local_id "
            f"WHERE {loose} "
        )
        param = str(entity_id)
    return _rows(conn, conn.query(sql + "ORDER BY ev.article_id, ev.local_id", (param,)))


def _rows(
    conn: Connection, rows: Sequence[Sequence[Any]], *, participants: bool = True
) -> list[EventRow]:
    """Event rows with their participants' corpus ids (sources need none: their corpus
    event has them)."""
    if not rows:
        return []
    parts: dict[tuple[str, str], list[str]] = {}
    article_ids = sorted({r[0] for r in rows}) if participants else []
    for start in range(0, len(article_ids), CHUNK):
        chunk = article_ids[start : start + CHUNK]
        for aid, vid, eid in conn.query(
            "SELECT article_id, event_id, entity_id FROM event_participants "
            f"WHERE entity_id IS NOT NULL AND article_id IN ({_marks(chunk)}) "
            "ORDER BY article_id, event_id, idx",
            chunk,
        ):
            parts.setdefault((aid, vid), []).append(eid)
    return [
        EventRow(
            article_id=r[0],
            event_id=r[1],
            type=r[2],
            trigger=r[3],
            sentence=r[4],
            time_text=r[5],
            time_value=r[6],
            place=r[7],
            modality=r[8],
            published=r[9],
            title=r[10],
            url=r[11],
            participants=tuple(dict.fromkeys(parts.get((r[0], r[1]), ()))),
            time_basis=r[12],
            corpus_event_id=r[13],
        )
        for r in rows
    ]
