"""One article's failure stays that article's: a time budget, and analysis that isolates.

``run_chunk`` analyses a chunk of articles in one batch (the fast path); if the
batch raises or overruns its budget, each article is analysed alone with its own
budget, so the one that broke or hung is reported as an ``ArticleError`` and the
others get their results. The budget is a ``SIGALRM`` timer: it interrupts Python
code (where pathological text spends its time) in the main thread of a process;
elsewhere (another thread, Windows) there is no budget, and the worker pool's
hard limit (``engine.pool``) is the bound.
"""

from __future__ import annotations

import signal
import threading
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from types import FrameType
from typing import TypeVar

from newsgraph.errors import ArticleError
from newsgraph.records import Article

T = TypeVar("T")
Work = Callable[[list[Article]], list[T]]

# a batch of 32 may take up to twice one article's budget before it is retried one by one
_BATCH_FACTOR = 1 / 32


class BudgetExceeded(BaseException):
    # the analysis must not swallow it)
    """The time budget of the code under ``deadline`` ran out."""


def can_time() -> bool:
    """Whether ``deadline`` can interrupt code here (the main thread, with SIGALRM)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise ``BudgetExceeded`` in the code under it after ``seconds`` (None, 0: never)."""
    if not seconds or not can_time():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise BudgetExceeded(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def batch_seconds(seconds: float | None, size: int) -> float | None:
    """The budget of a batch of ``size`` articles: one article's, and more for a big batch."""
    return seconds * (1 + size * _BATCH_FACTOR) if seconds else None


def name_of(article: Article) -> str:
    """How errors name an article: its source (``file:line``), else its URL, else its id."""
    return article.source or article.url or article.id or "<article>"


def try_batch(chunk: list[Article], work: Work[T], seconds: float | None) -> list[T] | None:
    """``work(chunk)`` within the batch budget; None if it raised or ran out of time."""
    try:
        with deadline(batch_seconds(seconds, len(chunk))):
            return work(chunk)
    except (Exception, BudgetExceeded):
        return None


def try_one(article: Article, work: Work[T], seconds: float | None) -> T | ArticleError:
    """``work([article])``'s one result, or the ArticleError that says why there is none."""
    try:
        with deadline(seconds):
            (result,) = work([article])
        return result
    except BudgetExceeded:
        return ArticleError(name_of(article), "analysis", over_budget(seconds))
    except Exception as exc:
        problem = f"{type(exc).__name__}: {exc}"
        return ArticleError(name_of(article), "analysis", problem, traceback.format_exc())


def over_budget(seconds: float | None) -> str:
    return f"took longer than the {seconds:g} s time budget; skipped (set --time-budget)"


def run_chunk(
    chunk: Sequence[Article], work: Work[T], seconds: float | None
) -> list[T | ArticleError]:
    """The results of ``chunk`` in order: in one batch, else one by one (see the module)."""
    articles = list(chunk)
    results: list[T | ArticleError] = []
    if len(articles) > 1 and (done := try_batch(articles, work, seconds)) is not None:
        results.extend(done)
    else:
        for article in articles:
            one: T | ArticleError = try_one(article, work, seconds)
            results.append(one)
    return results
