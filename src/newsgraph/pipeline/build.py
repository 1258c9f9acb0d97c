"""Build the corpus: read articles, analyse the ones not stored yet, store them in batches.

Articles already stored with the same text are skipped before analysis, so
a rerun after a crash continues where the last commit left off. The analysis
(the engine's workers) also computes each article's corpus features (lead
embedding, linking features); the writer runs in a thread of its own (its own
connection), so that linking and committing overlap with the analysis of the
next articles.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from newsgraph.config import Settings
from newsgraph.corpus.features import Analysed
from newsgraph.engine.local import run_analysed
from newsgraph.errors import InputError
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


class _Writer:
    """The one writer: batches in, commits out, in a thread with its own store connection."""

    def __init__(self, store: Store, report: IngestReport, on_progress: Progress | None) -> None:
        self._store = store
        self._report = report
        self._on_progress = on_progress
        self._queue: queue.Queue[list[Analysed] | None] = queue.Queue(maxsize=2)
        self._error: BaseException | None = None
        self._own: Store | None = None
        self._threaded = store.reopenable
        # started on the first batch: worker processes are forked by then, never beside it
        self._thread = threading.Thread(target=self._run, name="newsgraph-writer", daemon=True)

    def _write(self, store: Store, batch: list[Analysed]) -> None:
        self._report.count(write_batch(store, batch))
        if self._on_progress:
            self._on_progress(self._report)

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
    items: Iterable[Article | InputError],
    store: Store,
    settings: Settings,
    *,
    on_error: Callable[[InputError], None] | None = None,
    on_progress: Progress | None = None,
    commit_every: int | None = None,
) -> IngestReport:
    """Analyse and store ``items`` (as ``read_inputs`` yields them); bad inputs go to ``on_error``.

    Commits every ``commit_every`` digests (default ``settings.batch_size``) or
    every ``COMMIT_SECONDS``, whichever comes first; each commit is all or nothing.
    """
    report = IngestReport()
    size = max(1, commit_every or settings.batch_size)

    def fresh() -> Iterator[Article]:
        source = iter(items)
        while chunk := list(islice(source, _LOOKUP_CHUNK)):
            articles = []
            for item in chunk:
                if isinstance(item, InputError):
                    report.failed += 1
                    if on_error:
                        on_error(item)
                else:
                    articles.append(item)
            stored = store.stored(articles)
            for article in articles:
                if stored_id(article) in stored:
                    report.skipped += 1
                else:
                    yield article

    writer = _Writer(store, report, on_progress)
    try:
        batch: list[Analysed] = []
        started = time.monotonic()
        for item in run_analysed(fresh(), settings):
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
