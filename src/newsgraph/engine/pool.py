"""Local worker processes that survive their articles: a worker that dies or hangs costs
at most the article it was on, which is reported, and a new worker takes its place.

Each worker loads the pipeline once and takes one chunk of articles at a time over a
pipe. It tells the parent when it starts a chunk and, when the chunk falls back to
one article at a time (``engine.budget``), which article it is on; so when a worker
dies (a segfault, the OOM killer) or overruns its budget by ``GRACE`` seconds (code
the budget's timer cannot interrupt) and is killed, the parent knows which article
to blame. A chunk lost in its batch phase is retried one article at a time.
Results come out in input order; at most ``2 x workers`` chunks are read ahead of
the output, so memory is bounded by the batch, not by the input.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from typing import Any

from newsgraph.config import Settings
from newsgraph.engine.budget import batch_seconds, name_of, over_budget, try_batch, try_one
from newsgraph.errors import ArticleError, NewsgraphError
from newsgraph.records import Article

GRACE = 10.0  # seconds past a budget before a worker is killed
_POLL = 1.0  # seconds between checks of the workers' deadlines

Loader = Callable[[Settings], Callable[[list[Article]], list[Any]]]


@dataclass
class _Task:
    start: int  # input index of the first article
    articles: list[Article]


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    task: _Task | None = None
    started: bool = False  # the worker has begun the task (a task not begun blames no one)
    alone: int | None = None  # index of the article analysed alone, None in the batch phase
    deadline: float = float("inf")
    replies: deque[tuple[Any, ...]] = field(default_factory=deque)


def _serve(conn: Connection, settings: Settings, load: Loader) -> None:
    """A worker's loop: load the work once, then analyse chunks until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the parent, which stops us
    try:
        work = load(settings)
    except BaseException as exc:  # a missing model: every worker would fail the same way
        conn.send(("fatal", exc if isinstance(exc, NewsgraphError) else RuntimeError(repr(exc))))
        return
    seconds = settings.article_seconds
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        start, articles = message
        conn.send(("start", start))
        done = try_batch(articles, work, seconds) if len(articles) > 1 else None
        if done is not None:
            conn.send(("batch", start, done))
            continue
        for offset, article in enumerate(articles):
            conn.send(("alone", start + offset))
            conn.send(("one", start + offset, try_one(article, work, seconds)))
        conn.send(("end", start))


class WorkerPool:
    """``size`` worker processes running ``load(settings)``'s work over articles."""

    def __init__(self, settings: Settings, load: Loader, size: int) -> None:
        self._settings = settings
        self._load = load
        self._size = size
        # fork shares what the parent loaded; a worker replacing one that died is spawned
        # when the parent runs threads (the store writer), since forking those is unsafe
        methods = multiprocessing.get_all_start_methods()
        self._first = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self._later = multiprocessing.get_context("spawn")
        self._workers: list[_Worker] = []

    def _start(self, context: BaseContext) -> _Worker:
        parent, child = context.Pipe()
        process = context.Process(  # type: ignore[attr-defined]
            target=_serve, args=(child, self._settings, self._load), daemon=True
        )
        process.start()
        child.close()
        return _Worker(process, parent)

    def _replace(self, worker: _Worker) -> _Worker:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(5)
        worker.conn.close()
        threads = threading.active_count() > 1
        new = self._start(self._later if threads else self._first)
        self._workers[self._workers.index(worker)] = new
        return new

    def map(self, articles: Iterable[Article]) -> Iterator[Any]:
        """Each article's result (or ArticleError), in input order."""
        batch = self._settings.batch_size
        source = iter(articles)
        todo: deque[_Task] = deque()
        results: dict[int, Any] = {}
        read = out = 0
        exhausted = False
        try:
            self._workers = [self._start(self._first) for _ in range(self._size)]
            while True:
                while not exhausted and read - out < 2 * self._size * batch:
                    chunk = list(islice(source, batch))
                    if not chunk:
                        exhausted = True
                        break
                    todo.append(_Task(read, chunk))
                    read += len(chunk)
                for worker in self._workers:
                    if worker.task is None and todo:
                        worker.task = todo.popleft()
                        worker.started, worker.alone, worker.deadline = False, None, float("inf")
                        # a worker that just died fails this send: _collect sees its death
                        with contextlib.suppress(OSError):
                            worker.conn.send((worker.task.start, worker.task.articles))
                while out in results:
                    yield results.pop(out)
                    out += 1
                if exhausted and out == read:
                    return
                self._collect(results, todo)
        finally:
            self._stop()

    def _collect(self, results: dict[int, Any], todo: deque[_Task]) -> None:
        """Wait for replies (or deaths, or overruns) and act on them."""
        busy = [w for w in self._workers if w.task is not None]
        waits: list[Any] = [w.conn for w in busy] + [w.process.sentinel for w in busy]
        ready = set(wait(waits, timeout=_POLL))
        now = time.monotonic()
        for worker in busy:
            lost: str | None = None
            if worker.conn in ready:
                try:
                    while worker.conn.poll():
                        self._reply(worker, worker.conn.recv(), results, now)
                except (EOFError, OSError):
                    lost = _death(worker.process)
            if lost is None and worker.task is not None:
                if worker.process.sentinel in ready and not worker.process.is_alive():
                    lost = _death(worker.process)
                elif now > worker.deadline:
                    lost = over_budget(self._settings.article_seconds)
            if lost is not None and worker.task is not None:
                self._lose(worker, lost, results, todo)

    def _reply(
        self, worker: _Worker, reply: tuple[Any, ...], results: dict[int, Any], now: float
    ) -> None:
        kind = reply[0]
        task = worker.task
        assert task is not None
        seconds = self._settings.article_seconds
        if kind == "fatal":
            raise reply[1]
        if kind == "start":
            worker.started = True
            size = len(task.articles)
            limit = batch_seconds(seconds, size) if size > 1 else seconds
            worker.deadline = now + limit + GRACE if limit else float("inf")
        elif kind == "alone":
            worker.alone = reply[1]
            worker.deadline = now + seconds + GRACE if seconds else float("inf")
        elif kind == "one":
            results[reply[1]] = reply[2]
        elif kind == "batch":
            done = reply[2]
            if len(done) != len(task.articles):  # a bug in the work: fail loudly, not hang
                problem = f"the analysis gave {len(done)} results for {len(task.articles)} articles"
                done = [ArticleError(name_of(a), "analysis", problem) for a in task.articles]
            for offset, item in enumerate(done):
                results[task.start + offset] = item
            worker.task = None
        elif kind == "end":
            worker.task = None

    def _lose(
        self, worker: _Worker, problem: str, results: dict[int, Any], todo: deque[_Task]
    ) -> None:
        """The worker died or overran on its task: blame the article, requeue the rest."""
        task = worker.task
        assert task is not None
        if not worker.started:
            todo.appendleft(task)
        elif worker.alone is None and len(task.articles) > 1:
            # lost in the batch phase: any of them may be the cause; each goes alone
            for offset in reversed(range(len(task.articles))):
                todo.appendleft(_Task(task.start + offset, [task.articles[offset]]))
        else:
            at = task.start if worker.alone is None else worker.alone
            article = task.articles[at - task.start]
            results[at] = ArticleError(name_of(article), "analysis", problem)
            rest = task.articles[at - task.start + 1 :]
            if rest:
                todo.appendleft(_Task(at + 1, rest))
        self._replace(worker)

    def _stop(self) -> None:
        for worker in self._workers:
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(None)
        for worker in self._workers:
            worker.process.join(5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(5)
            worker.conn.close()
        self._workers = []


def _death(process: multiprocessing.process.BaseProcess) -> str:
    process.join(1)
    code = process.exitcode
    if code is not None and code < 0:
        name = signal.Signals(-code).name
        why = " (out of memory?)" if name == "SIGKILL" else ""
        return f"the worker process was killed by {name}{why}"
    return f"the worker process exited unexpectedly (status {code})"
