"""Run the per-article analysis in this process or in local worker processes.

Workers receive plain ``Article`` records and return ``Digest`` records (or, for
ingest, ``Analysed`` records: digests with their corpus features); each loads the
pipeline once. Output keeps input order. One article that raises, overruns its
time budget (``Settings.article_seconds``) or, in a worker, kills its process,
fails alone: it comes out as an ``ArticleError`` passed to ``on_error`` (raised
when there is none), and the run goes on (``engine.budget``, ``engine.pool``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import islice
from typing import Any, TypeVar

from newsgraph.analysis import analyse_articles
from newsgraph.config import Settings
from newsgraph.corpus.features import Analysed, corpus_features
from newsgraph.engine.budget import run_chunk
from newsgraph.engine.pool import WorkerPool
from newsgraph.errors import ArticleError
from newsgraph.records import Article, Digest

T = TypeVar("T")
OnError = Callable[[ArticleError], None]


def _digests(articles: list[Article], settings: Settings) -> list[Digest]:
    return list(analyse_articles(articles, settings))


def _analysed(articles: list[Article], settings: Settings) -> list[Analysed]:
    # the chunk's leads go to the embedder in one call
    return corpus_features(_digests(articles, settings))


_WARM_UP = [Article(text='Mayor Ann Li said on Monday: "The bridge will open."', id="warm-up")]


def load_digests(settings: Settings) -> Callable[[list[Article]], list[Digest]]:
    """The digest work, with the pipeline loaded (in a worker, once).

    One short article is analysed first, so that what loads on first use (the quote
    model, lexicons) is not charged to the first real article's time budget.
    """
    _digests(_WARM_UP, settings)
    return partial(_digests, settings=settings)


def load_analysed(settings: Settings) -> Callable[[list[Article]], list[Analysed]]:
    """The ingest work: digests and their corpus features (the embedder loaded too)."""
    _analysed(_WARM_UP, settings)
    return partial(_analysed, settings=settings)


def run_digests(
    articles: Iterable[Article], settings: Settings, on_error: OnError | None = None
) -> Iterator[Digest]:
    """Digests for ``articles`` in input order, using ``settings.processes`` processes."""
    return _run(articles, settings, load_digests, on_error)


def run_analysed(
    articles: Iterable[Article], settings: Settings, on_error: OnError | None = None
) -> Iterator[Analysed]:
    """Digests with their corpus features (lead vector, linking features), in input order.

    What ingest needs: the features are computed beside the analysis, per chunk
    of ``settings.batch_size`` articles, so the writer only links and persists.
    """
    return _run(articles, settings, load_analysed, on_error)


def _run(
    articles: Iterable[Article],
    settings: Settings,
    load: Callable[[Settings], Callable[[list[Article]], list[T]]],
    on_error: OnError | None,
) -> Iterator[T]:
    results: Iterator[Any]
    if settings.processes <= 1:
        results = _here(articles, settings, load)
    else:
        results = WorkerPool(settings, load, settings.processes).map(articles)
    yield from route_errors(results, on_error)


def route_errors(results: Iterator[Any], on_error: OnError | None) -> Iterator[Any]:
    """An engine's results without its ArticleErrors: each goes to ``on_error``, or is
    raised where there is none (every engine reports failures this way)."""
    for item in results:
        if isinstance(item, ArticleError):
            if on_error is None:
                raise item
            on_error(item)
        else:
            yield item


def _here(
    articles: Iterable[Article],
    settings: Settings,
    load: Callable[[Settings], Callable[[list[Article]], list[T]]],
) -> Iterator[T | ArticleError]:
    # in this process: the time budget holds, a crash of the interpreter does not
    work = load(settings)
    source = iter(articles)
    while chunk := list(islice(source, settings.batch_size)):
        yield from run_chunk(chunk, work, settings.article_seconds)
