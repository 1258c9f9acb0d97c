"""What a store must look like after any crash: intact, and each article's rows its digest's.

``check_intact`` asks the database itself (SQLite's integrity and foreign-key
checks, the full-text index against its table) and the corpus counts (an entity's
``article_count``, a story's ``size``). ``check_articles`` compares every stored
article with the digest computed directly: the stored digest JSON, and the rows
the digest says the store must hold (written out here from the digest format,
not from the writer's code). ``dump`` is every table's rows, sorted, without
wall-clock and row-number columns, as ``bench/snapshot.py`` dumps a SQLite store,
on both databases: two stores that hold the same thing dump the same.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Collection, Mapping
from typing import Any

from newsgraph.records import Digest
from newsgraph.store import Store, reader, stored_id

TABLES = (
    "articles",
    "entities",
    "entity_keys",
    "entity_names",
    "entity_roles",
    "mentions",
    "relations",
    "quotes",
    "quote_about",
    "events",
    "event_participants",
    "stories",
    "story_names",
    "article_stories",
)
# when it happened and which row number it got differ between equal stores:
# PostgreSQL does not give back the identity values of a transaction rolled back by a kill
_UNSTABLE = {"seq", "ingested_at", "applied_at", "search"}

Rows = dict[str, list[tuple[Any, ...]]]


def columns(store: Store, table: str) -> list[str]:
    if store.dialect == "sqlite":
        names = [r[1] for r in store.conn.query(f"PRAGMA table_info({table})")]
    else:
        names = [
            r[0]
            for r in store.conn.query(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                "current_schema() AND table_name = ? ORDER BY ordinal_position",
                (table,),
            )
        ]
    return [n for n in names if n not in _UNSTABLE]


def dump(store: Store) -> Rows:
    """Every table's rows as sorted tuples, wall-clock and row-number columns left out."""
    out: Rows = {}
    for table in TABLES:
        kept = columns(store, table)
        rows = store.conn.query(f"SELECT {', '.join(kept)} FROM {table}")
        out[table] = sorted((tuple(r) for r in rows), key=repr)
    return out


def differences(left: Rows, right: Rows) -> list[str]:
    """Tables whose rows differ, with a row or two of each side: for assertion messages."""
    found = []
    for table in TABLES:
        only_left = sorted(set(left[table]) - set(right[table]), key=repr)
        only_right = sorted(set(right[table]) - set(left[table]), key=repr)
        if only_left or only_right or len(left[table]) != len(right[table]):
            found.append(f"{table}: -{only_left[:2]} +{only_right[:2]}")
    return found


def check_intact(store: Store, *, writer_active: bool = False) -> None:
    """The database's own checks and the corpus counts; raises AssertionError.

    ``writer_active``: another process holds the write lock, so skip FTS5's check
    (a write statement).
    """
    conn = store.conn
    if store.dialect == "sqlite":
        assert conn.query("PRAGMA integrity_check") == [("ok",)]
        assert conn.query("PRAGMA foreign_key_check") == []
        for fts in () if writer_active else ("articles_fts", "quotes_fts"):
            # FTS5's own check of its index against the table it indexes (raises if off)
            conn.execute(f"INSERT INTO {fts} ({fts}) VALUES ('integrity-check')")
        fts_rows = conn.query("SELECT COUNT(*) FROM articles_fts")[0][0]
        assert fts_rows == conn.query("SELECT COUNT(*) FROM articles")[0][0]
    # ids that no foreign key guards: each must name a corpus entity
    for table, column in (
        ("relations", "subject_id"),
        ("relations", "object_id"),
        ("quote_about", "entity_id"),
        ("quotes", "speaker_id"),
        ("quotes", "via_id"),
        ("event_participants", "entity_id"),
    ):
        orphans = conn.query(
            f"SELECT COUNT(*) FROM {table} WHERE {column} IS NOT NULL AND {column} NOT IN "
            "(SELECT id FROM entities)"
        )
        assert orphans == [(0,)], f"{table}.{column} names a missing entity"
    wrong_counts = conn.query(
        "SELECT e.id, e.article_count FROM entities e WHERE e.article_count <> "
        "(SELECT COUNT(DISTINCT m.article_id) FROM mentions m WHERE m.entity_id = e.id)"
    )
    assert wrong_counts == [], f"entities whose article_count is off: {wrong_counts[:3]}"
    wrong_sizes = conn.query(
        "SELECT s.id, s.size FROM stories s WHERE s.size <> "
        "(SELECT COUNT(*) FROM article_stories a WHERE a.story_id = s.id)"
    )
    assert wrong_sizes == [], f"stories whose size is off: {wrong_sizes[:3]}"
    storyless = conn.query(
        "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM article_stories)"
    )
    assert storyless == [], f"articles without a story: {storyless[:3]}"


def expected_rows(d: Digest, corpus: Mapping[str, str]) -> Rows:
    """The rows the store must hold for one article, from its digest.

    ``corpus`` maps the digest's entity ids to the corpus entities they were linked
    to (the stored mentions say which); every other column follows from the digest.
    """
    text = d.article.text
    published = d.article.published[:10] if d.article.published else None
    rows: Rows = defaultdict(list)
    for e in d.entities:
        rows["mentions"].append((e.id, corpus[e.id], e.name, e.type))
    for idx, r in enumerate(d.relations):
        if r.subject in corpus and r.object in corpus:
            rows["relations"].append(
                (idx, r.type, corpus[r.subject], corpus[r.object], r.kin, r.text)
            )
    for q in d.quotes:
        speaker = corpus.get(q.speaker) if q.speaker else None
        via = corpus.get(q.via) if q.via else None
        rows["quotes"].append(
            (q.id, q.kind, q.content, speaker, q.speaker_text, via, q.act, published)
        )
        for e in d.entities:  # named inside the quote, the speaker aside
            if e.id != q.speaker and any(q.span[0] <= s < q.span[1] for s, _ in e.mentions):
                rows["quote_about"].append((q.id, corpus[e.id]))
    names = {e.id: e.name for e in d.entities}
    for v in d.events:
        t = v.time
        sentence = text[v.sentence_span[0] : v.sentence_span[1]].strip()
        # the digest's place is an entity id: the store keeps the place's name
        place = names.get(v.place, v.place) if v.place else None
        rows["events"].append(
            (
                v.id,
                v.type,
                v.trigger,
                sentence,
                t.text if t else None,
                t.value if t else None,
                place,
                v.modality,
                v.polarity,
                published,
            )
        )
        for idx, p in enumerate(v.participants):
            eid = corpus.get(p.entity) if p.entity else None
            rows["event_participants"].append((v.id, idx, p.role, eid, p.text))
    return {table: sorted(values, key=repr) for table, values in rows.items() if values}


def stored_rows(store: Store) -> dict[str, Rows]:
    """Per article id, its rows in the columns ``expected_rows`` gives (reader functions)."""
    conn = store.conn
    out: dict[str, Rows] = defaultdict(lambda: defaultdict(list))
    picks = {
        "mentions": ("local_id", "entity_id", "name", "type"),
        "relations": ("idx", "type", "subject_id", "object_id", "kin", "text"),
        "quotes": (
            "local_id",
            "kind",
            "content",
            "speaker_id",
            "speaker_text",
            "via_id",
            "act",
            "published",
        ),
        "events": (
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
        ),
    }
    for table, cols in picks.items():
        for row in reader.rows(conn, table):
            out[row["article_id"]][table].append(tuple(row[c] for c in cols))
    # the two link tables have no export: read them as the writer wrote them
    for aid, *rest in conn.query("SELECT article_id, quote_id, entity_id FROM quote_about"):
        out[aid]["quote_about"].append(tuple(rest))
    for aid, *rest in conn.query(
        "SELECT article_id, event_id, idx, role, entity_id, text FROM event_participants"
    ):
        out[aid]["event_participants"].append(tuple(rest))
    return {aid: {t: sorted(v, key=repr) for t, v in tables.items()} for aid, tables in out.items()}


def check_articles(
    store: Store, expected: Mapping[str, Digest], only: Collection[str] | None = None
) -> set[str]:
    """Every stored article is one of ``expected`` and holds exactly its digest's rows.

    ``expected``: article id -> the digest computed directly; ``only``: compare the
    rows of these articles only. Returns the stored ids.
    """
    conn = store.conn
    stored = dict(conn.query("SELECT id, digest FROM articles"))
    unknown = set(stored) - set(expected)
    assert not unknown, f"stored articles that are no input's: {sorted(unknown)}"
    ids = set(stored)
    if only is not None:
        stored = {aid: stored[aid] for aid in only if aid in stored}
    rows = stored_rows(store)
    assert set(rows) <= ids, "rows of an article that is not stored"
    contexts = defaultdict(list)
    for aid, context in conn.query("SELECT article_id, context FROM quotes"):
        contexts[aid].append(context)
    for aid, digest_json in stored.items():
        d = expected[aid]
        assert json.loads(digest_json) == d.to_dict(), f"{aid}: stored digest differs"
        corpus = {local: eid for local, eid, *_ in rows.get(aid, {}).get("mentions", [])}
        assert set(corpus) == {e.id for e in d.entities}, f"{aid}: mentions differ"
        assert rows.get(aid, {}) == expected_rows(d, corpus), f"{aid}: rows differ"
        flat = re.sub(r"\s+", " ", d.article.text)
        for context in contexts[aid]:
            assert context in flat, f"{aid}: quote context not from the text"
    return ids


def expected_by_id(digests: list[Digest]) -> dict[str, Digest]:
    return {stored_id(d.article): d for d in digests}
