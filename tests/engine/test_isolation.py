"""One article that raises, hangs or kills its worker fails alone; the run goes on.

The work here is a stand-in for the analysis (no model): it upper-cases texts and
misbehaves on the words BOOM (raises), SLOW (sleeps, which the budget's timer
interrupts), STUCK (sleeps with the timer's signal blocked, so only the pool's hard
limit stops it) and DIE (the process kills itself, as the OOM killer would).
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable

import pytest

from newsgraph.config import Settings
from newsgraph.engine import pool as pool_module
from newsgraph.engine.budget import deadline, run_chunk
from newsgraph.engine.pool import WorkerPool
from newsgraph.errors import ArticleError, ModelError
from newsgraph.records import Article


def fake_work(articles: list[Article]) -> list[str]:
    for article in articles:
        if "BOOM" in article.text:
            raise ValueError("bad article")
        if "SLOW" in article.text:
            time.sleep(30)
        if "STUCK" in article.text:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(30)
        if "DIE" in article.text:
            os.kill(os.getpid(), signal.SIGKILL)
    return [a.text.upper() for a in articles]


def load_fake(settings: Settings) -> Callable[[list[Article]], list[str]]:
    return fake_work


def articles(*texts: str) -> list[Article]:
    return [Article(text=t, id=f"a{n}", source=f"in.jsonl:{n}") for n, t in enumerate(texts, 1)]


def outcome(results: list[object]) -> list[str]:
    """Each result as the upper-cased text, or ``error: problem`` naming its article."""
    shown = []
    for item in results:
        if isinstance(item, ArticleError):
            shown.append(f"{item.source} {item.stage}: {item.problem.split(';')[0]}")
        else:
            shown.append(str(item))
    return shown


def test_deadline_interrupts_python_code() -> None:
    started = time.monotonic()
    with pytest.raises(BaseException, match=r"0\.2") as caught, deadline(0.2):
        time.sleep(5)
    assert type(caught.value).__name__ == "BudgetExceeded"
    assert time.monotonic() - started < 4


def test_run_chunk_isolates_the_article_that_raises() -> None:
    results = run_chunk(articles("one", "BOOM two", "three"), fake_work, seconds=5)
    assert outcome(results) == ["ONE", "in.jsonl:2 analysis: ValueError: bad article", "THREE"]
    assert "Traceback" in results[1].detail  # type: ignore[union-attr]


def test_run_chunk_stops_the_article_over_budget() -> None:
    results = run_chunk(articles("one", "SLOW two"), fake_work, seconds=0.5)
    assert outcome(results) == [
        "ONE",
        "in.jsonl:2 analysis: took longer than the 0.5 s time budget",
    ]


@pytest.fixture
def short_grace(monkeypatch: pytest.MonkeyPatch) -> None:
    # the pool kills a worker this long after its budget when the timer cannot stop it
    monkeypatch.setattr(pool_module, "GRACE", 0.5)
    monkeypatch.setattr(pool_module, "_POLL", 0.1)


def run_pool(texts: list[str], seconds: float = 5.0, batch: int = 2) -> list[str]:
    settings = Settings(processes=2, batch_size=batch, article_seconds=seconds)
    return outcome(list(WorkerPool(settings, load_fake, 2).map(articles(*texts))))


def test_pool_keeps_input_order_across_workers() -> None:
    texts = [f"article {n}" for n in range(11)]
    assert run_pool(texts) == [t.upper() for t in texts]


def test_pool_reports_the_article_that_killed_its_worker_and_goes_on() -> None:
    texts = ["one", "two", "DIE three", "four", "five", "DIE six", "seven"]
    assert run_pool(texts) == [
        "ONE",
        "TWO",
        "in.jsonl:3 analysis: the worker process was killed by SIGKILL (out of memory?)",
        "FOUR",
        "FIVE",
        "in.jsonl:6 analysis: the worker process was killed by SIGKILL (out of memory?)",
        "SEVEN",
    ]


def test_pool_isolates_an_exception_and_a_budget_overrun() -> None:
    texts = ["one", "BOOM two", "three", "SLOW four", "five"]
    assert run_pool(texts, seconds=0.5) == [
        "ONE",
        "in.jsonl:2 analysis: ValueError: bad article",
        "THREE",
        "in.jsonl:4 analysis: took longer than the 0.5 s time budget",
        "FIVE",
    ]


@pytest.mark.usefixtures("short_grace")
def test_pool_kills_a_worker_its_timer_cannot_stop() -> None:
    texts = ["one", "STUCK two", "three", "four"]
    assert run_pool(texts, seconds=0.5) == [
        "ONE",
        "in.jsonl:2 analysis: took longer than the 0.5 s time budget",
        "THREE",
        "FOUR",
    ]


def test_pool_spawns_the_replacement_when_the_parent_runs_threads() -> None:
    # ingest's writer is a thread: forking beside it is unsafe, so the new worker is spawned
    stop = threading.Event()
    writer = threading.Thread(target=stop.wait, daemon=True)
    writer.start()
    try:
        assert run_pool(["one", "DIE two", "three"]) == [
            "ONE",
            "in.jsonl:2 analysis: the worker process was killed by SIGKILL (out of memory?)",
            "THREE",
        ]
    finally:
        stop.set()


def test_pool_raises_what_stops_every_worker() -> None:
    settings = Settings(processes=2, batch_size=2)
    with pytest.raises(ModelError, match="no such model"):
        list(WorkerPool(settings, load_missing_model, 2).map(articles("one")))


def load_missing_model(settings: Settings) -> Callable[[list[Article]], list[str]]:
    raise ModelError("no such model: install it")
