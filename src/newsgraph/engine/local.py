"""Run the per-article analysis in this process or in local worker processes.

Workers receive plain ``Article`` records and return ``Digest`` records (or,
for ingest, ``Analysed`` records: digests with their corpus features); each
loads the pipeline once. Output keeps input order.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TypeVar

from newsgraph.analysis import analyse_articles
from newsgraph.config import Settings
from newsgraph.corpus.features import Analysed, corpus_features
from newsgraph.records import Article, Digest

_WORKER_SETTINGS: Settings | None = None
T = TypeVar("T")


def _init_worker(settings: Settings) -> None:
    global _WORKER_SETTINGS
    _WORKER_SETTINGS = settings
    from newsgraph.nlp.pipeline import load_pipeline

    load_pipeline(settings.model)


def _run_chunk(articles: list[Article]) -> list[Digest]:
    assert _WORKER_SETTINGS is not None, "worker used before _init_worker"
    return list(analyse_articles(articles, _WORKER_SETTINGS))


def _run_analysed_chunk(articles: list[Article]) -> list[Analysed]:
    # the chunk's leads go to the embedder in one call
    return corpus_features(_run_chunk(articles))


def run_digests(articles: Iterable[Article], settings: Settings) -> Iterator[Digest]:
    """Digests for ``articles`` in input order, using ``settings.processes`` processes."""
    if settings.processes <= 1:
        yield from analyse_articles(articles, settings)
        return
    yield from _in_pool(articles, settings, _run_chunk)


def run_analysed(articles: Iterable[Article], settings: Settings) -> Iterator[Analysed]:
    """Digests with their corpus features (lead vector, linking features), in input order.

    What ingest needs: the features are computed beside the analysis, per chunk
    of ``settings.batch_size`` articles, so the writer only links and persists.
    """
    if settings.processes <= 1:
        digests = analyse_articles(articles, settings)
        while chunk := list(islice(digests, settings.batch_size)):
            yield from corpus_features(chunk)
        return
    yield from _in_pool(articles, settings, _run_analysed_chunk)


def _in_pool(
    articles: Iterable[Article], settings: Settings, work: Callable[[list[Article]], list[T]]
) -> Iterator[T]:
    source = iter(articles)
    # fork shares a pipeline the parent already loaded; spawn is the portable fallback
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(
        max_workers=settings.processes,
        mp_context=context,
        initializer=_init_worker,
        initargs=(settings,),
    ) as pool:
        pending: deque[Future[list[T]]] = deque()
        window = settings.processes * 2
        while True:
            while len(pending) < window:
                chunk = list(islice(source, settings.batch_size))
                if not chunk:
                    break
                pending.append(pool.submit(work, chunk))
            if not pending:
                return
            yield from pending.popleft().result()
