"""Build the corpus: read articles, analyse the ones not stored yet, store them in batches.

Articles already stored with the same text are skipped before analysis, so
a rerun after a crash continues where the last commit left off. The analysis
(the engine's workers) also computes each article's corpus features (lead
embedding, linking features); the writer runs in a thread of its own (its own
connection), so that linking and committing overlap with the analysis of the
next articles.

One article that fails (unreadable, an analysis that raises or overruns its time
budget, rows the store refuses) is reported through ``on_error`` and counted in
``IngestReport.failed``; the others are stored. A store that is down (connection
lost, locked, disk full) stops the run instead: committed batches stay, and a
rerun continues.
"""

from __future__ import annotations

import queue
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from newsgraph.config import Settings
from newsgraph.corpus.features import Analysed
from newsgraph.engine import Engine, LocalEngine
from newsgraph.engine.budget import name_of
from newsgraph.errors import ArticleError, ItemError, StoreError
from newsgraph.pipeline.write import write_batch
from newsgraph.records import Article
from newsgraph.records.corpus import WriteReport
from newsgraph.store import Store, stored_id

# a batch is committed when it is this old, so a slow stream still gets saved
COMMIT_SECONDS = 2.0
_LOOKUP_CHUNK = 256


@dataclass
class IngestReport:
    """Counts of one ingest run. ``skipped``: already stored, not analysed again."""

    added: int = 0
    updated: int = 0
    skipped: int = 0
    failed: int = 0

    @property
    def stored(self) -> int:
        return self.added + self.updated

    def count(self, report: WriteReport) -> None:
        self.added += len(report.added)
        self.updated += len(report.updated)
        self.skipped += len(report.unchanged)


Progress = Callable[[IngestReport], None]
OnError = Callable[[ItemError], None]


def _store_is_down(exc: BaseException) -> bool:
    """Whether a write failed because of the store itself, not of the article written:
    the driver's OperationalError (connection lost, locked, disk full, read-only)."""
    cause = exc.__cause__
    return isinstance(exc, StoreError) and (
        cause is None or type(cause).__name__ in ("OperationalError", "InterfaceError")
    )


class _Writer:
    """The one writer: batches in, commits out, in a thread with its own store connection."""

    def __init__(
        self, store: Store, report: IngestReport, on_progress: Progress | None, on_error: OnError
    ) -> None:
        self._store = store
        self._report = report
        self._on_progress = on_progress
        self._on_error = on_error
        self._queue: queue.Queue[list[Analysed] | None] = queue.Queue(maxsize=2)
        self._error: BaseException | None = None
        self._own: Store | None = None
        self._threaded = store.reopenable
        # started on the first batch: worker processes are forked by then, never beside it
        self._thread = threading.Thread(target=self._run, name="newsgraph-writer", daemon=True)

    def _write(self, store: Store, batch: list[Analysed]) -> None:
        try:
            self._report.count(write_batch(store, batch))
        except Exception as exc:
            if _store_is_down(exc):
                raise
            self._write_alone(store, batch, exc)
        if self._on_progress:
            self._on_progress(self._report)

    def _write_alone(self, store: Store, batch: list[Analysed], first: Exception) -> None:
        """The batch was refused: store its articles one per transaction, and report the
        ones refused again; when every one of several is refused, the cause is no article."""
        failed: list[tuple[Analysed, Exception, str]] = []
        for item in batch:
            try:
                self._report.count(write_batch(store, [item]))
            except Exception as exc:
                if _store_is_down(exc):
                    raise
                failed.append((item, exc, traceback.format_exc()))
        if len(batch) > 1 and len(failed) == len(batch):
            raise first
        for item, refused, detail in failed:
            problem = (
                str(refused)
                if isinstance(refused, StoreError)
                else f"{type(refused).__name__}: {refused}"
            )
            self._report.failed += 1
            self._on_error(ArticleError(name_of(item.digest.article), "store", problem, detail))

    def _run(self) -> None:
        try:
            # a SQLite connection belongs to the thread that opened it
            self._own = self._store.reopen()
            assert self._own is not None
            while (batch := self._queue.get()) is not None:
                self._write(self._own, batch)
        except BaseException as exc:  # handed to the reading thread, which raises it
            self._error = exc
        finally:
            if self._own is not None:
                self._own.close()

    def put(self, batch: list[Analysed]) -> None:
        if not self._threaded:
            self._write(self._store, batch)
            return
        if not self._thread.is_alive() and self._thread.ident is None:
            self._thread.start()
        while True:
            self._raise()
            try:
                self._queue.put(batch, timeout=0.2)
                return
            except queue.Full:
                continue

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error
        if not self._thread.is_alive():
            raise RuntimeError("the store writer stopped")

    def close(self) -> None:
        """Wait for every batch to be committed; raise the writer's error if it had one."""
        if not self._threaded or self._thread.ident is None:
            return
        while self._thread.is_alive():
            try:
                self._queue.put(None, timeout=0.2)
                break
            except queue.Full:
                continue
        self._thread.join()
        if self._error is not None:
            raise self._error


def ingest(
    items: Iterable[Article | ItemError],
    store: Store,
    settings: Settings,
    *,
    on_error: OnError | None = None,
    on_warnings: Callable[[str, tuple[str, ...]], None] | None = None,
    on_progress: Progress | None = None,
    commit_every: int | None = None,
    engine: Engine | None = None,
) -> IngestReport:
    """Analyse and store ``items`` (as ``read_inputs`` yields them); each input or article
    that fails (reading, analysis, storing) goes to ``on_error`` and the rest are stored.

    ``on_warnings(source, warnings)`` hears what was repaired in an article (also kept
    in its stored digest). Commits every ``commit_every`` digests (default
    ``settings.batch_size``) or every ``COMMIT_SECONDS``, whichever comes first; each
    commit is all or nothing. ``engine`` runs the analysis (default: ``LocalEngine``,
    with ``settings.processes``; ``engine.open_engine("ray")`` for a Ray cluster).
    """
    report = IngestReport()
    size = max(1, commit_every or settings.batch_size)

    def failed(error: ItemError) -> None:
        report.failed += 1
        if on_error:
            on_error(error)

    def fresh() -> Iterator[Article]:
        source = iter(items)
        while chunk := list(islice(source, _LOOKUP_CHUNK)):
            articles = []
            for item in chunk:
                if isinstance(item, ItemError):
                    failed(item)
                else:
                    articles.append(item)
            stored = store.stored(articles)
            for article in articles:
                if stored_id(article) in stored:
                    report.skipped += 1
                else:
                    yield article

    def store_failed(error: ItemError) -> None:
        # counted by the writer, which calls this from its own thread
        if on_error:
            on_error(error)

    writer = _Writer(store, report, on_progress, store_failed)
    try:
        batch: list[Analysed] = []
        started = time.monotonic()
        analysed = (engine or LocalEngine()).analysed(fresh(), settings, on_error=failed)
        for item in analysed:
            if on_warnings and item.digest.warnings:
                article = item.digest.article
                on_warnings(article.source or article.id, item.digest.warnings)
            batch.append(item)
            if len(batch) >= size or time.monotonic() - started >= COMMIT_SECONDS:
                writer.put(batch)
                batch, started = [], time.monotonic()
        if batch:
            writer.put(batch)
    finally:
        writer.close()
    if on_progress:
        on_progress(report)
    return report
