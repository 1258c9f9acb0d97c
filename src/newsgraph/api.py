"""newsgraph's Python API for digests: one article, or many in order with worker processes.

``digest_many`` is the twin of the ``newsgraph digest`` command; it lives here, above
the engine, because the engine runs the analysis and the analysis knows no engine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from newsgraph.analysis import as_article, digest
from newsgraph.config import Settings
from newsgraph.engine import Engine, LocalEngine
from newsgraph.errors import ArticleError, ConfigError
from newsgraph.records import Article, Digest

__all__ = ["digest", "digest_many"]


def digest_many(
    items: Iterable[str | Article],
    *,
    published: str | None = None,
    settings: Settings | None = None,
    processes: int | None = None,
    on_error: Callable[[ArticleError], None] | None = None,
    engine: Engine | None = None,
) -> Iterator[Digest]:
    """The digests of ``items`` (texts or ``Article``s), one per item in input order.

    An article whose analysis raises, overruns ``settings.article_seconds`` or kills
    its worker process fails alone: ``on_error`` gets its ``ArticleError`` and the
    others are still digested (without ``on_error``, the error is raised).

    Lazy, like ``nlp.pipe``: items are read and parsed in batches of
    ``settings.batch_size`` as the digests are consumed. ``published`` (ISO date) dates
    the items that carry no date; ``processes`` (default ``settings.processes``, 1) is
    the number of worker processes. ``engine``: where the analysis runs (default the
    local one; ``newsgraph.engine.open_engine("ray")`` for Ray actors). Example::

        for d in newsgraph.digest_many(texts, published="2024-11-02", processes=2):
            print(d.article.id, len(d.quotes))
    """
    settings = settings or Settings()
    if processes is not None:
        if processes < 1:
            raise ConfigError(f"processes must be 1 or more, not {processes}")
        settings = replace(settings, processes=processes)
    articles = (as_article(item, published) for item in items)
    return (engine or LocalEngine()).digests(articles, settings, on_error)
