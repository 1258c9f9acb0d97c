"""The one writer: rows for what its caller decided, inside one transaction per batch.

The caller (``newsgraph.pipeline``) links entities and assigns stories; a
``Batch`` persists an article, its story and its corpus entities at once (so
that the next article of the batch reads them as candidates) and the article's
child rows (mentions, quotes, events ...) together when the batch ends.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from newsgraph.records import Article, Digest, Quote, article_id
from newsgraph.records.corpus import EntityWrite, StoryWrite
from newsgraph.records.events import CorpusEventWrite
from newsgraph.store.backend import Connection
from newsgraph.store.events import forget_article, recount, write_corpus_event


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


class Batch:
    """The writes of one transaction (``Store.transaction``), in the order they are made.

    ``conn`` reads what the batch has written so far: candidates for the next
    article see the entities and stories of the articles before it.
    """

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._rows = _Rows()
        # article id -> its event ids' corpus events, from add_corpus_events to add_rows
        self._event_links: dict[str, dict[str, str]] = {}

    def known_hashes(self, ids: Sequence[str]) -> dict[str, str]:
        """Stored text hashes of those of ``ids`` that are in the store."""
        return known_hashes(self.conn, ids)

    def add_article(self, digest: Digest, aid: str, digest_hash: str, *, replace: bool) -> None:
        """Insert the article row; ``replace``: a changed text, whose old rows go first."""
        if replace:
            _delete_article(self.conn, aid)
        _insert_article(self.conn, digest, aid, digest_hash)

    def add_story(self, story: StoryWrite) -> None:
        """Record the article's story: the story's new summary, its names, the membership."""
        _write_story(self.conn, story)

    def add_entities(self, writes: Iterable[EntityWrite]) -> None:
        """Record the corpus entities of one article: new rows, or one more article for each."""
        counted: set[str] = set()
        for write in writes:
            # two entities of one article linked to one corpus entity ("Laura Smith" and
            # "Laura Smith-Reed" told apart in the article) are one more article, not two
            _write_entity(self.conn, write, again=write.id in counted)
            counted.add(write.id)

    def add_corpus_events(self, aid: str, writes: Sequence[CorpusEventWrite]) -> None:
        """Record the corpus events of the article ``aid``'s events (new ones, or one more
        source); its event rows (``add_rows``) will name them."""
        for write in writes:
            write_corpus_event(self.conn, write)
        self._event_links[aid] = {w.event_id: w.event.id for w in writes}

    def add_rows(self, digest: Digest, aid: str, corpus_ids: Mapping[str, str]) -> None:
        """The article's mentions, relations, quotes and events; ``corpus_ids``: local -> corpus id.

        Inserted when the batch ends, all articles together.
        """
        _collect(self._rows, digest, aid, corpus_ids, self._event_links.pop(aid, None))

    def finish(self) -> None:
        """Insert the child rows collected (``Store.transaction`` calls it before committing)."""
        _flush(self.conn, self._rows)
        self._rows = _Rows()


def known_hashes(conn: Connection, ids: Sequence[str]) -> dict[str, str]:
    """Stored text hashes of those of ``ids`` that are in the store."""
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


def _delete_article(conn: Connection, aid: str) -> None:
    # the text changed: its rows go, the corpus entities it counted lose it
    entity_ids = [
        r[0] for r in conn.query("SELECT entity_id FROM mentions WHERE article_id = ?", (aid,))
    ]
    event_ids = forget_article(conn, aid)
    conn.execute("DELETE FROM articles WHERE id = ?", (aid,))  # children cascade
    recount(conn, event_ids)
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


def _write_entity(conn: Connection, e: EntityWrite, *, again: bool = False) -> None:
    context, stories = json.dumps(list(e.context)), json.dumps(list(e.stories))
    if again:
        pass  # the entity row was written for this article already: its names and keys only
    elif e.new:
        conn.execute(
            "INSERT INTO entities (id, name, type, first_seen, last_seen, article_count, "
            "context, stories) VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
            (e.id, e.name, e.type, e.seen, e.seen, context, stories),
        )
    else:
        conn.execute(
            "UPDATE entities SET name = ?, article_count = article_count + 1, context = ?, "
            "stories = ?, "
            "first_seen = CASE WHEN first_seen IS NULL OR first_seen > ? THEN ? "
            "ELSE first_seen END, "
            "last_seen = CASE WHEN last_seen IS NULL OR last_seen < ? THEN ? ELSE last_seen END "
            "WHERE id = ?",
            (e.name, context, stories, e.seen, e.seen, e.seen, e.seen, e.id),
        )
    conn.executemany(
        "INSERT INTO entity_keys (key, entity_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        [(key, e.id) for key in e.keys],
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
    conn.executemany(
        upsert.format(table="entity_names", column="name", extra_cols=", norm", extra_marks=", ?"),
        [(e.id, name, norm, e.seen, e.seen) for name, norm in e.names],
    )
    conn.executemany(
        upsert.format(table="entity_roles", column="role", extra_cols="", extra_marks=""),
        [(e.id, role, e.seen, e.seen) for role in e.roles],
    )


def _write_story(conn: Connection, story: StoryWrite) -> None:
    s = story.summary
    centroid = json.dumps([round(x, 5) for x in s.centroid])  # 5 decimals: plenty for a cosine
    names = json.dumps([list(n) for n in s.names])
    if story.new:
        conn.execute(
            "INSERT INTO stories (id, title, centroid, names, first, last, size) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (s.id, story.title, centroid, names, s.first, s.last, s.size),
        )
    else:
        conn.execute(
            "UPDATE stories SET centroid = ?, names = ?, first = ?, last = ?, size = ? "
            "WHERE id = ?",
            (centroid, names, s.first, s.last, s.size, s.id),
        )
    conn.executemany(
        "INSERT INTO story_names AS t (name, story_id, seen) VALUES (?, ?, ?) "
        "ON CONFLICT (name, story_id) DO UPDATE SET seen = excluded.seen "
        "WHERE t.seen IS NULL OR t.seen < excluded.seen",
        [(n, s.id, s.last) for n in story.article_names],
    )
    conn.execute(
        "INSERT INTO article_stories (article_id, story_id) VALUES (?, ?) "
        "ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id",
        (story.article_id, s.id),
    )


def _collect(
    rows: _Rows,
    digest: Digest,
    aid: str,
    corpus: Mapping[str, str],
    corpus_events: Mapping[str, str] | None,
) -> None:
    # an event's corpus event: its id, "" for one not followed across articles (a
    # statement), NULL when event coreference did not run (stores before migration 0004)
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
    place_names = {e.id: e.name for e in digest.entities}
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
                # the digest names the place's entity; a timeline shows the place's name
                place_names.get(v.place, v.place) if v.place else None,
                v.modality,
                v.polarity,
                published,
                getattr(t, "basis", None),  # the digest's, where it says how it dated the event
                None if corpus_events is None else corpus_events.get(v.id, ""),
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
            "modality, polarity, published, time_basis, corpus_event_id)",
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
