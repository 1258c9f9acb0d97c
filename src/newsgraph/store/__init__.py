"""The store: the only package that speaks SQL.

``Store.open(url)`` opens (and migrates) a SQLite file or a PostgreSQL
database; ``Store.transaction()`` gives the one writer's ``Batch``, one
transaction per batch, which persists what its caller computed (links, story
assignments, vectors). ``newsgraph.store.reader`` holds the read queries,
``newsgraph.store.candidates`` the reads that ingest makes while it writes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import TracebackType

from newsgraph.records import Article
from newsgraph.store.backend import Connection, connect, resolve_url
from newsgraph.store.migrations import migrate
from newsgraph.store.writer import Batch, known_hashes, stored_id, text_hash

__all__ = ["Batch", "Store", "resolve_url", "stored_id", "text_hash"]


WRITER_LOCK = 7302116  # the PostgreSQL advisory lock of batch writes (7302115: migrations)


class Store:
    """A newsgraph store. Use as a context manager, or call ``close``."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._target: str | None = None  # the URL as given, password included, for reopen

    @classmethod
    def open(cls, url: str | None = None, *, create: bool = True) -> Store:
        """Open the store at ``url`` (default ``NEWSGRAPH_DB``, else ``./newsgraph.db``).

        ``create=False`` refuses to create a missing SQLite file (for queries).
        Pending migrations are applied either way.
        """
        conn = connect(url, create=create)
        try:
            migrate(conn)
        except BaseException:
            conn.close()
            raise
        store = cls(conn)
        store._target = resolve_url(url)
        return store

    @property
    def reopenable(self) -> bool:
        """Whether ``reopen`` can open a second connection (the store was opened by URL)."""
        return self._target is not None

    def reopen(self) -> Store | None:
        """Another connection to the same database (for a writer thread), or None if unknown."""
        if self._target is None:
            return None
        return Store.open(self._target)

    @property
    def url(self) -> str:
        """Where the store is (a PostgreSQL password is hidden)."""
        return self.conn.url

    @property
    def dialect(self) -> str:
        return self.conn.dialect

    @contextmanager
    def transaction(self) -> Iterator[Batch]:
        """One batch of writes in one transaction: all of it is committed, or none.

        Child rows are inserted when the block ends; an exception rolls it all back.
        Writers take turns: SQLite's ``BEGIN IMMEDIATE`` does it there; on PostgreSQL a
        transaction-scoped advisory lock does, so that two ingests writing the same
        article at once do not both insert it (each would read the ids the other has
        not committed yet).
        """
        with self.conn.transaction():
            if self.conn.dialect == "postgresql":
                self.conn.execute("SELECT pg_advisory_xact_lock(?)", (WRITER_LOCK,))
            batch = Batch(self.conn)
            yield batch
            batch.finish()

    def stored(self, articles: Sequence[Article]) -> set[str]:
        """Ids of those ``articles`` already stored with the same text: no need to analyse them."""
        known = known_hashes(self.conn, [stored_id(a) for a in articles])
        return {stored_id(a) for a in articles if known.get(stored_id(a)) == text_hash(a)}

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
