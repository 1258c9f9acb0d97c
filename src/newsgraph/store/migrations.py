"""The schema as named, ordered migrations, each applied in its own transaction.

A migration is never edited once released: a change to the schema is a new
migration at the end of ``MIGRATIONS``. The same tables exist on SQLite and
PostgreSQL; only full-text search and row ids are spelled per dialect.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.store.backend import Connection


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    sqlite: tuple[str, ...]
    postgresql: tuple[str, ...]


def _both(*statements: str) -> tuple[str, ...]:
    return statements


# Tables shared by both dialects. Dates are ISO strings (they sort as text);
# JSON columns hold lists of strings.
_CORE = _both(
    """CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        first_seen TEXT,
        last_seen TEXT,
        article_count INTEGER NOT NULL DEFAULT 0,
        context TEXT NOT NULL DEFAULT '[]',
        stories TEXT NOT NULL DEFAULT '[]'
    )""",
    "CREATE INDEX entities_type ON entities (type, article_count)",
    """CREATE TABLE entity_keys (
        key TEXT NOT NULL,
        entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
        PRIMARY KEY (key, entity_id)
    )""",
    "CREATE INDEX entity_keys_entity ON entity_keys (entity_id)",
    """CREATE TABLE entity_names (
        entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        norm TEXT NOT NULL,
        first_seen TEXT,
        last_seen TEXT,
        count INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (entity_id, name)
    )""",
    "CREATE INDEX entity_names_norm ON entity_names (norm)",
    """CREATE TABLE entity_roles (
        entity_id TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        first_seen TEXT,
        last_seen TEXT,
        count INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (entity_id, role)
    )""",
    """CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        local_id TEXT NOT NULL,
        entity_id TEXT NOT NULL REFERENCES entities (id),
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        aliases TEXT NOT NULL,
        roles TEXT NOT NULL,
        mention_count INTEGER NOT NULL,
        PRIMARY KEY (article_id, local_id)
    )""",
    "CREATE INDEX mentions_entity ON mentions (entity_id, article_id)",
    """CREATE TABLE relations (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        type TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        object_id TEXT NOT NULL,
        kin TEXT,
        text TEXT NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        PRIMARY KEY (article_id, idx)
    )""",
    "CREATE INDEX relations_subject ON relations (subject_id)",
    "CREATE INDEX relations_object ON relations (object_id)",
    """CREATE TABLE quote_about (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        quote_id TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        PRIMARY KEY (article_id, quote_id, entity_id)
    )""",
    "CREATE INDEX quote_about_entity ON quote_about (entity_id)",
    """CREATE TABLE events (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        local_id TEXT NOT NULL,
        type TEXT NOT NULL,
        trigger TEXT NOT NULL,
        sentence TEXT NOT NULL,
        time_text TEXT,
        time_value TEXT,
        place TEXT,
        modality TEXT NOT NULL,
        polarity TEXT NOT NULL,
        published TEXT,
        PRIMARY KEY (article_id, local_id)
    )""",
    """CREATE TABLE event_participants (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        event_id TEXT NOT NULL,
        idx INTEGER NOT NULL,
        role TEXT NOT NULL,
        entity_id TEXT,
        text TEXT,
        PRIMARY KEY (article_id, event_id, idx)
    )""",
    "CREATE INDEX event_participants_entity ON event_participants (entity_id)",
)

_ARTICLE_COLUMNS = """
        id TEXT NOT NULL UNIQUE,
        url TEXT,
        title TEXT,
        dek TEXT,
        summary_line TEXT,
        published TEXT,
        source TEXT,
        text TEXT NOT NULL,
        body_start INTEGER NOT NULL,
        text_hash TEXT NOT NULL,
        digest TEXT NOT NULL,
        ingested_at TEXT NOT NULL"""

_QUOTE_COLUMNS = """
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        local_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        content TEXT NOT NULL,
        context TEXT NOT NULL,
        speaker_id TEXT,
        speaker_text TEXT,
        via_id TEXT,
        act TEXT NOT NULL,
        cue TEXT,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        published TEXT,
        UNIQUE (article_id, local_id)"""

_INDEXES = (
    "CREATE INDEX articles_published ON articles (published)",
    "CREATE INDEX articles_url ON articles (url)",
    "CREATE INDEX quotes_speaker ON quotes (speaker_id, published)",
    "CREATE INDEX quotes_published ON quotes (published)",
)

# A stable integer key (seq) for full-text search rows; the text id stays the public key.
INITIAL = Migration(
    "0001_initial",
    sqlite=(
        f"CREATE TABLE articles (seq INTEGER PRIMARY KEY, {_ARTICLE_COLUMNS})",
        f"CREATE TABLE quotes (seq INTEGER PRIMARY KEY, {_QUOTE_COLUMNS})",
        *_CORE,
        *_INDEXES,
    ),
    postgresql=(
        f"CREATE TABLE articles (seq BIGINT GENERATED ALWAYS AS IDENTITY, {_ARTICLE_COLUMNS})",
        f"CREATE TABLE quotes (seq BIGINT GENERATED ALWAYS AS IDENTITY, {_QUOTE_COLUMNS})",
        *_CORE,
        *_INDEXES,
    ),
)

# SQLite: FTS5 tables kept in step by triggers (external content, so text is stored once).
# PostgreSQL: generated tsvector columns with GIN indexes.
SEARCH = Migration(
    "0002_search",
    sqlite=(
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', "
        "content_rowid='seq', tokenize='porter unicode61')",
        "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
        "INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text); END",
        "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
        "INSERT INTO articles_fts (articles_fts, rowid, title, text) "
        "VALUES ('delete', old.seq, old.title, old.text); END",
        "CREATE VIRTUAL TABLE quotes_fts USING fts5(content, content='quotes', "
        "content_rowid='seq', tokenize='porter unicode61')",
        "CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN "
        "INSERT INTO quotes_fts (rowid, content) VALUES (new.seq, new.content); END",
        "CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN "
        "INSERT INTO quotes_fts (quotes_fts, rowid, content) "
        "VALUES ('delete', old.seq, old.content); END",
    ),
    postgresql=(
        "ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS "
        "(to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED",
        "CREATE INDEX articles_search ON articles USING GIN (search)",
        "ALTER TABLE quotes ADD COLUMN search tsvector GENERATED ALWAYS AS "
        "(to_tsvector('english', content)) STORED",
        "CREATE INDEX quotes_search ON quotes USING GIN (search)",
    ),
)

_STORIES = _both(
    """CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT,
        centroid TEXT NOT NULL,
        names TEXT NOT NULL,
        first TEXT,
        last TEXT,
        size INTEGER NOT NULL
    )""",
    "CREATE INDEX stories_last ON stories (last)",
    """CREATE TABLE story_names (
        name TEXT NOT NULL,
        story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        seen TEXT,
        PRIMARY KEY (name, story_id)
    )""",
    # candidates are the stories that most recently had a name: an index range, not a scan
    "CREATE INDEX story_names_seen ON story_names (name, seen)",
    """CREATE TABLE article_stories (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        story_id TEXT NOT NULL REFERENCES stories (id)
    )""",
    "CREATE INDEX article_stories_story ON article_stories (story_id)",
)
STORIES = Migration("0003_stories", sqlite=_STORIES, postgresql=_STORIES)

# Corpus events: one real event over the articles that report it (``corpus.events``).
# An event row names its corpus event ("" for one not followed, a statement). A store
# written before this migration keeps NULL in its old rows, which timelines show each on
# its own (nothing is merged at query time); articles ingested after it are matched.
_CORPUS_EVENTS = _both(
    "ALTER TABLE events ADD COLUMN time_basis TEXT",
    "ALTER TABLE events ADD COLUMN corpus_event_id TEXT",
    # a story's corpus events from its articles' events without reading the event rows
    "CREATE INDEX events_article_corpus ON events (article_id, corpus_event_id)",
    "CREATE INDEX events_corpus ON events (corpus_event_id)",
    """CREATE TABLE corpus_events (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        trigger TEXT NOT NULL,
        date TEXT,
        precision TEXT NOT NULL,
        basis TEXT NOT NULL,
        uncertain INTEGER NOT NULL,
        place TEXT,
        participants TEXT NOT NULL,
        patients TEXT NOT NULL,
        centroid TEXT NOT NULL,
        sources INTEGER NOT NULL,
        main INTEGER NOT NULL,
        story_id TEXT,
        first TEXT,
        last TEXT
    )""",
    """CREATE TABLE corpus_event_keys (
        key TEXT NOT NULL,
        corpus_event_id TEXT NOT NULL REFERENCES corpus_events (id) ON DELETE CASCADE,
        seen TEXT,
        PRIMARY KEY (key, corpus_event_id)
    )""",
    # candidates are the corpus events that most recently had a key: an index range
    "CREATE INDEX corpus_event_keys_seen ON corpus_event_keys (key, seen)",
    "CREATE INDEX corpus_event_keys_event ON corpus_event_keys (corpus_event_id)",
)
CORPUS_EVENTS = Migration("0004_corpus_events", sqlite=_CORPUS_EVENTS, postgresql=_CORPUS_EVENTS)

# An entity's timeline from the indexes alone (the person in the most events: 14,000 rows
# at 100k articles). Each index replaces a narrower one, so ingest writes no more index
# entries than before: the participants' entity index also holds the event it points at,
# and the events' article index also holds the local id (the story scope reads it as before).
_COVERING = _both(
    "CREATE INDEX event_participants_entity_event ON event_participants "
    "(entity_id, article_id, event_id)",
    "DROP INDEX event_participants_entity",
    "CREATE INDEX events_article_event_corpus ON events (article_id, local_id, corpus_event_id)",
    "DROP INDEX events_article_corpus",
)
COVERING = Migration("0005_timeline_indexes", sqlite=_COVERING, postgresql=_COVERING)

MIGRATIONS: tuple[Migration, ...] = (INITIAL, SEARCH, STORIES, CORPUS_EVENTS, COVERING)


def applied(conn: Connection) -> list[str]:
    """Names of the migrations already applied, in order (empty for a new database)."""
    return [row[0] for row in conn.query("SELECT name FROM schema_migrations ORDER BY name")]


def migrate(conn: Connection, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[str]:
    """Apply the pending migrations in order, each in one transaction; the names applied."""
    if _has_table(conn) and not {m.name for m in migrations} - set(applied(conn)):
        return []  # up to date: no write at all, so a read-only store opens too
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT)"
    )
    done: list[str] = []
    for migration in migrations:
        with conn.transaction():
            if conn.dialect == "postgresql":
                # two processes opening a new database at once: one migrates, one waits
                conn.execute("SELECT pg_advisory_xact_lock(7302115)")
            if migration.name in applied(conn):
                continue
            statements = migration.sqlite if conn.dialect == "sqlite" else migration.postgresql
            conn.script(statements)
            conn.execute(
                "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                (migration.name, _now()),
            )
            done.append(migration.name)
    return done


def _has_table(conn: Connection) -> bool:
    if conn.dialect == "sqlite":
        sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
    else:
        sql = "SELECT 1 WHERE to_regclass('schema_migrations') IS NOT NULL"
    return bool(conn.query(sql))


def _now() -> str:
    from datetime import datetime, timezone

    return datetime.now(timezone.utc).isoformat(timespec="seconds")
