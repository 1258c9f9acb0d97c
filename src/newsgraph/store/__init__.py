"""The store: the only package that speaks SQL.

``Store.open(url)`` opens (and migrates) a SQLite file or a PostgreSQL
database; ``Store.write(digests)`` is the one writer, one transaction per
batch; ``newsgraph.store.reader`` holds the read queries.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from types import TracebackType

from newsgraph.corpus.records import WriteReport
from newsgraph.records import Article, Digest
from newsgraph.store.backend import Connection, connect, resolve_url
from newsgraph.store.migrations import migrate
from newsgraph.store.writer import StoryStep, known_hashes, stored_id, text_hash, write_batch

__all__ = ["Store", "resolve_url", "stored_id", "text_hash"]


class Store:
    """A newsgraph store. Use as a context manager, or call ``close``."""

    def __init__(
        self, conn: Connection, story_step: StoryStep | None = None, *, stories: bool = True
    ) -> None:
        self.conn = conn
        self._story_step = story_step
        self._stories = stories
        self._target: str | None = None  # the URL as given, password included, for reopen

    @classmethod
    def open(cls, url: str | None = None, *, create: bool = True, stories: bool = True) -> Store:
        """Open the store at ``url`` (default ``NEWSGRAPH_DB``, else ``./newsgraph.db``).

        ``create=False`` refuses to create a missing SQLite file (for queries).
        ``stories=False`` stores articles without grouping them into stories.
        Pending migrations are applied either way.
        """
        conn = connect(url, create=create)
        try:
            migrate(conn)
        except BaseException:
            conn.close()
            raise
        store = cls(conn, stories=stories)
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
        return Store.open(self._target, stories=self._stories)

    @property
    def url(self) -> str:
        """Where the store is (a PostgreSQL password is hidden)."""
        return self.conn.url

    @property
    def dialect(self) -> str:
        return self.conn.dialect

    def write(self, digests: Iterable[Digest]) -> WriteReport:
        """Store a batch of digests in one transaction (all or nothing).

        The same article (same id and text) is left as it is; a changed text for
        the same id replaces the old rows.
        """
        batch = list(digests)
        step = self._story_step
        if step is None and self._stories:
            step = _story_step(batch)
        return write_batch(self.conn, batch, step)

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


def _story_step(batch: list[Digest]) -> StoryStep:
    # embedding is the costly part: done for the whole batch, before the transaction
    from newsgraph.store.stories import assign, features_for

    features = features_for(batch)

    def step(conn: Connection, digest: Digest, aid: str) -> str | None:
        return assign(conn, features[digest.article.id], aid, digest.article.title)

    return step
