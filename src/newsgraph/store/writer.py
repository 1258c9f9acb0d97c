"""The one writer: a batch of digests becomes rows, in one transaction.

Per article: skip it if the same text is stored, replace it if the text
changed, else insert it; link its entities to corpus entities (candidates come
from rows written earlier, this batch included) and file the links, names and
roles with the article's date.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from newsgraph.corpus.linking import (
    CorpusEntity,
    Link,
    article_context,
    better_name,
    entity_roles,
    link_entities,
    lookup_keys,
    merge_context,
    normalise,
)
from newsgraph.corpus.records import WriteReport
from newsgraph.records import Article, Digest, Entity, Quote, article_id
from newsgraph.store.backend import Connection

# (digest, links) -> story id: filled by the stories step when it is available
StoryStep = Callable[[Connection, Digest, str], str | None]


def text_hash(a: Article) -> str:
    """What "the same article" means: the same text and metadata."""
    key = json.dumps([a.text, a.title, a.dek, a.published, a.url], ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def stored_id(a: Article) -> str:
    """The article's id in the store: its own, else ``records.article_id``."""
    return a.id or article_id(a.text, a.url)


@dataclass
class _Rows:
    """Child rows of the batch, inserted together once every article is linked."""

    mentions: list[tuple[Any, ...]] = field(default_factory=list)
    relations: list[tuple[Any, ...]] = field(default_factory=list)
    quotes: list[tuple[Any, ...]] = field(default_factory=list)
    about: list[tuple[Any, ...]] = field(default_factory=list)
    events: list[tuple[Any, ...]] = field(default_factory=list)
    participants: list[tuple[Any, ...]] = field(default_factory=list)


def write_batch(
    conn: Connection, digests: Sequence[Digest], story_step: StoryStep | None = None
) -> WriteReport:
    """Store ``digests`` in one transaction; a failure leaves the store as it was."""
    added: list[str] = []
    updated: list[str] = []
    unchanged: list[str] = []
    with conn.transaction():
        known = _known_hashes(conn, [stored_id(d.article) for d in digests])
        rows = _Rows()
        for digest in digests:
            aid, digest_hash = stored_id(digest.article), text_hash(digest.article)
            if known.get(aid) == digest_hash:
                unchanged.append(aid)
                continue
            if aid in known:
                _delete_article(conn, aid)
                updated.append(aid)
            else:
                added.append(aid)
            known[aid] = digest_hash
            _insert_article(conn, digest, aid, digest_hash)
            story = story_step(conn, digest, aid) if story_step else None
            links = _link(conn, digest, aid, story)
            _collect(rows, digest, aid, {link.local_id: link.entity_id for link in links})
        _flush(conn, rows)
    return WriteReport(tuple(added), tuple(updated), tuple(unchanged))


def _known_hashes(conn: Connection, ids: Sequence[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), 500):
        chunk = unique[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for aid, digest_hash in conn.query(
            f"SELECT id, text_hash FROM articles WHERE id IN ({marks})", chunk
        ):
            found[aid] = digest_hash
    return found


def known_hashes(conn: Connection, ids: Sequence[str]) -> dict[str, str]:
    """Stored text hashes of those of ``ids`` that are in the store."""
    return _known_hashes(conn, ids)


def _delete_article(conn: Connection, aid: str) -> None:
    # the text changed: its rows go, the corpus entities it counted lose it
    entity_ids = [
        r[0] for r in conn.query("SELECT entity_id FROM mentions WHERE article_id = ?", (aid,))
    ]
    conn.execute("DELETE FROM articles WHERE id = ?", (aid,))  # children cascade
    for eid in entity_ids:
        conn.execute(
            "UPDATE entities SET article_count = "
            "(SELECT COUNT(DISTINCT article_id) FROM mentions WHERE entity_id = ?) WHERE id = ?",
            (eid, eid),
        )
    conn.execute(
        "DELETE FROM entities WHERE article_count = 0 AND id NOT IN "
        "(SELECT entity_id FROM mentions)"
    )


def _insert_article(conn: Connection, digest: Digest, aid: str, digest_hash: str) -> None:
    a = digest.article
    conn.execute(
        "INSERT INTO articles (id, url, title, dek, summary_line, published, source, text, "
        "body_start, text_hash, digest, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            aid,
            a.url,
            a.title,
            a.dek,
            a.summary_line,
            a.published,
            a.source,
            a.text,
            a.body_start,
            digest_hash,
            digest.to_json(),
            datetime.now(timezone.utc).isoformat(timespec="seconds"),
        ),
    )


def load_candidates(conn: Connection, keys: Sequence[str]) -> list[CorpusEntity]:
    """Corpus entities filed under any of ``keys``, with their names, roles and context."""
    # other types link on the exact name, which the key holds: no profile needed
    light = [k for k in keys if not k.startswith("PERSON:")]
    found: list[CorpusEntity] = []
    if light:
        for eid, name, etype, key, count in conn.query(
            "SELECT e.id, e.name, e.type, k.key, e.article_count FROM entity_keys k "
            f"JOIN entities e ON e.id = k.entity_id WHERE k.key IN ({','.join('?' * len(light))})",
            light,
        ):
            norm = key.split(":", 1)[1]
            found.append(CorpusEntity(eid, name, etype, names=(norm,), articles=int(count)))
    people = [k for k in keys if k.startswith("PERSON:")]
    if not people:
        return found
    rows = conn.query(
        "SELECT e.id, e.name, e.type, e.context, e.stories, e.article_count FROM entities e "
        "WHERE e.id IN "
        f"(SELECT entity_id FROM entity_keys WHERE key IN ({','.join('?' * len(people))}))",
        people,
    )
    if not rows:
        return found
    ids = [r[0] for r in rows]
    id_marks = ",".join("?" * len(ids))
    names: dict[str, list[str]] = {}
    for eid, name in conn.query(
        f"SELECT entity_id, name FROM entity_names WHERE entity_id IN ({id_marks})", ids
    ):
        names.setdefault(eid, []).append(name)
    roles: dict[str, list[str]] = {}
    for eid, role in conn.query(
        f"SELECT entity_id, role FROM entity_roles WHERE entity_id IN ({id_marks})", ids
    ):
        roles.setdefault(eid, []).append(role)
    return found + [
        CorpusEntity(
            id=eid,
            name=name,
            type=etype,
            names=tuple(sorted(names.get(eid, [name]))),
            roles=tuple(sorted(roles.get(eid, []))),
            context=tuple(json.loads(context)),
            stories=tuple(json.loads(stories)),
            articles=int(count),
        )
        for eid, name, etype, context, stories, count in rows
    ]


def _link(conn: Connection, digest: Digest, aid: str, story: str | None) -> tuple[Link, ...]:
    keys = sorted({k for e in digest.entities for k in lookup_keys(e)})
    candidates = {c.id: c for c in load_candidates(conn, keys)}
    # links need the stored id: a digest read without one gets it here
    if digest.article.id != aid:
        from dataclasses import replace

        digest = replace(digest, article=replace(digest.article, id=aid))
    links = link_entities(digest, list(candidates.values()), story_id=story)
    date = digest.article.published[:10] if digest.article.published else None
    for entity, link in zip(digest.entities, links, strict=True):
        context = article_context(digest, entity)
        if link.new:
            _new_entity(conn, entity, link.entity_id, date, context, story)
        else:
            _seen_again(conn, entity, candidates[link.entity_id], date, context, story)
        _file_names_and_roles(conn, entity, link.entity_id, date)
    return links


def _new_entity(
    conn: Connection,
    entity: Entity,
    eid: str,
    date: str | None,
    context: set[str],
    story: str | None,
) -> None:
    name = better_name(entity.name, entity.name, entity.type)
    conn.execute(
        "INSERT INTO entities (id, name, type, first_seen, last_seen, article_count, context, "
        "stories) VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
        (
            eid,
            name,
            entity.type,
            date,
            date,
            json.dumps(merge_context((), context)),
            json.dumps([story] if story else []),
        ),
    )


def _seen_again(
    conn: Connection,
    entity: Entity,
    known: CorpusEntity,
    date: str | None,
    context: set[str],
    story: str | None,
) -> None:
    name = known.name
    for seen in (entity.name, *entity.aliases):
        name = better_name(name, seen, entity.type)
    stories = list(dict.fromkeys([*([story] if story else []), *known.stories]))[:20]
    conn.execute(
        "UPDATE entities SET name = ?, article_count = article_count + 1, context = ?, "
        "stories = ?, "
        "first_seen = CASE WHEN first_seen IS NULL OR first_seen > ? THEN ? ELSE first_seen END, "
        "last_seen = CASE WHEN last_seen IS NULL OR last_seen < ? THEN ? ELSE last_seen END "
        "WHERE id = ?",
        (
            name,
            json.dumps(merge_context(known.context, context)),
            json.dumps(stories),
            date,
            date,
            date,
            date,
            known.id,
        ),
    )


def _file_names_and_roles(conn: Connection, entity: Entity, eid: str, date: str | None) -> None:
    conn.executemany(
        "INSERT INTO entity_keys (key, entity_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        [(key, eid) for key in lookup_keys(entity)],
    )
    upsert = (
        "INSERT INTO {table} AS t (entity_id, {column}{extra_cols}, first_seen, last_seen, count) "
        "VALUES (?, ?{extra_marks}, ?, ?, 1) ON CONFLICT (entity_id, {column}) DO UPDATE SET "
        "count = t.count + 1, "
        "first_seen = CASE WHEN t.first_seen IS NULL OR t.first_seen > excluded.first_seen "
        "THEN excluded.first_seen ELSE t.first_seen END, "
        "last_seen = CASE WHEN t.last_seen IS NULL OR t.last_seen < excluded.last_seen "
        "THEN excluded.last_seen ELSE t.last_seen END"
    )
    names = list(dict.fromkeys((entity.name, *entity.aliases)))
    conn.executemany(
        upsert.format(table="entity_names", column="name", extra_cols=", norm", extra_marks=", ?"),
        [(eid, n, normalise(n), date, date) for n in names],
    )
    conn.executemany(
        upsert.format(table="entity_roles", column="role", extra_cols="", extra_marks=""),
        [(eid, role, date, date) for role in entity_roles(entity)],
    )


def _collect(rows: _Rows, digest: Digest, aid: str, corpus: dict[str, str]) -> None:
    text = digest.article.text
    published = digest.article.published[:10] if digest.article.published else None
    for e in digest.entities:
        rows.mentions.append(
            (
                aid,
                e.id,
                corpus[e.id],
                e.name,
                e.type,
                json.dumps(list(e.aliases), ensure_ascii=False),
                json.dumps(list(e.roles), ensure_ascii=False),
                len(e.mentions),
            )
        )
    for idx, r in enumerate(digest.relations):
        if r.subject in corpus and r.object in corpus:
            rows.relations.append(
                (aid, idx, r.type, corpus[r.subject], corpus[r.object], r.kin, r.text, *r.span)
            )
    for q in digest.quotes:
        rows.quotes.append(
            (
                aid,
                q.id,
                q.kind,
                q.content,
                quote_context(text, q),
                corpus.get(q.speaker) if q.speaker else None,
                q.speaker_text,
                corpus.get(q.via) if q.via else None,
                q.act,
                q.cue,
                *q.span,
                published,
            )
        )
        for e in digest.entities:
            inside = any(q.span[0] <= s < q.span[1] for s, _ in e.mentions)
            if inside and e.id != q.speaker:
                rows.about.append((aid, q.id, corpus[e.id]))
    for v in digest.events:
        t = v.time
        rows.events.append(
            (
                aid,
                v.id,
                v.type,
                v.trigger,
                text[v.sentence_span[0] : v.sentence_span[1]].strip(),
                t.text if t else None,
                t.value if t else None,
                v.place,
                v.modality,
                v.polarity,
                published,
            )
        )
        for idx, p in enumerate(v.participants):
            eid = corpus.get(p.entity) if p.entity else None
            rows.participants.append((aid, v.id, idx, p.role, eid, p.text))


def quote_context(text: str, quote: Quote, limit: int = 400) -> str:
    """The sentence(s) holding the quote and its speaker: from the paragraph, at most ``limit``."""
    spans = [s for s in (quote.span, quote.speaker_span, quote.cue_span) if s]
    start, end = min(s[0] for s in spans), max(s[1] for s in spans)
    left = max(text.rfind("\n", 0, start) + 1, start - limit)
    stop = text.find("\n", end)
    right = min(stop if stop >= 0 else len(text), end + limit)
    return re.sub(r"\s+", " ", text[left:right]).strip()


def _flush(conn: Connection, rows: _Rows) -> None:
    inserts = (
        (
            "mentions (article_id, local_id, entity_id, name, type, aliases, roles, mention_count)",
            rows.mentions,
        ),
        (
            "relations (article_id, idx, type, subject_id, object_id, kin, text, span_start, "
            "span_end)",
            rows.relations,
        ),
        (
            "quotes (article_id, local_id, kind, content, context, speaker_id, speaker_text, "
            "via_id, act, cue, span_start, span_end, published)",
            rows.quotes,
        ),
        ("quote_about (article_id, quote_id, entity_id)", rows.about),
        (
            "events (article_id, local_id, type, trigger, sentence, time_text, time_value, place, "
            "modality, polarity, published)",
            rows.events,
        ),
        (
            "event_participants (article_id, event_id, idx, role, entity_id, text)",
            rows.participants,
        ),
    )
    for target, values in inserts:
        if values:
            marks = ",".join("?" * len(values[0]))
            conn.executemany(
                f"INSERT INTO {target} VALUES ({marks}) ON CONFLICT DO NOTHING", values
            )
