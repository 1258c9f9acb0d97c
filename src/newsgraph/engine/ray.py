"""Run the per-article analysis in Ray actors: on this machine or on a cluster.

Each actor (one CPU) loads the pipeline once and analyses one chunk of
``settings.batch_size`` articles at a time. The driver hands chunks to idle actors,
reads at most ``2 x workers`` chunks ahead of the output (so memory stays bounded
whatever the input's size) and gives the results back in input order, as the
local engine does (``engine.local``); the one writer commits them as it always does.

Faults, as in the local worker pool (``engine.pool``), with Ray restarting the
actors: inside an actor, the per-article time budget (``engine.budget``) stops an
article that raises or hangs. A chunk whose batch fails comes back as None and its
articles go again one per task, each with its own budget, so the bad one is
reported as an ``ArticleError`` and the others are analysed. An actor whose process
dies (killed, out of memory, its node lost) is restarted by Ray; the task it held is
sent again (a chunk, one article per task), and an article that loses its actor
twice is reported. An actor that overruns a task by ``GRACE`` seconds (code the
budget's timer cannot interrupt) is killed and restarted, and its article reported.
Example::

    with RayEngine(workers=2) as engine:
        for d in engine.digests(articles, Settings()):
            print(d.article.id)
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from types import TracebackType
from typing import Any

import ray
from ray.exceptions import ActorUnavailableError, GetTimeoutError, RayActorError

from newsgraph.config import Settings
from newsgraph.corpus.features import Analysed
from newsgraph.engine.budget import batch_seconds, name_of, over_budget, try_batch, try_one
from newsgraph.engine.local import OnError, load_analysed, load_digests, route_errors
from newsgraph.errors import ArticleError, ConfigError, NewsgraphError
from newsgraph.records import Article, Digest

GRACE = 10.0  # seconds past a task's budget before its actor is killed
_POLL = 1.0  # seconds between checks of the tasks' deadlines
_TRIES = 2  # an article whose actor dies this many times is reported
_STARTS = 3  # an actor that fails to start this many times in a row stops the run
_RESTARTING = 0.2  # seconds between two questions to an actor Ray is restarting
START_SECONDS = 300.0  # a run whose first actor is not up by then stops with a clear error

Loader = Callable[[Settings], Callable[[list[Article]], list[Any]]]


class _Analyser:
    """One Ray actor: the work loaded once, then chunks of articles analysed on request."""

    def __init__(self, settings: Settings, load: Loader) -> None:
        self._seconds = settings.article_seconds
        self._fatal: NewsgraphError | None = None
        try:
            self._work = load(settings)
        except BaseException as exc:  # a missing model: every actor would fail the same way
            self._fatal = exc if isinstance(exc, NewsgraphError) else NewsgraphError(repr(exc))

    def ready(self) -> tuple[str, int, NewsgraphError | None]:
        """This actor's node and process ids, and the error that stopped the work loading."""
        return ray.get_runtime_context().get_node_id(), os.getpid(), self._fatal

    def run(self, articles: list[Article]) -> list[Any] | None:
        """The chunk's results in one batch (None if the batch raised or overran its
        budget), or one article's result or ``ArticleError``."""
        if len(articles) > 1:
            return try_batch(articles, self._work, self._seconds)
        return [try_one(articles[0], self._work, self._seconds)]


@dataclass
class _Task:
    start: int  # input index of the first article
    articles: list[Article]
    lost: int = 0  # times the actor running it died


@dataclass
class _Slot:
    """One actor and what it is doing: starting (``ready`` pending) or running ``task``."""

    actor: Any
    ready: Any = None  # the pending ready() call, None once the actor is up
    node: str | None = None
    pid: int | None = None
    failed_starts: int = 0
    task: _Task | None = None
    ref: Any = None
    deadline: float = float("inf")


class RayEngine:
    """The analysis on a Ray cluster: ``address`` None starts one on this machine (or joins
    the one this process is already connected to), ``"auto"`` joins a running one, and
    ``"ray://host:10001"`` a remote one. ``workers``: actors, one CPU each (default:
    the cluster's CPUs). ``start_seconds``: how long a run waits for its first actor
    to be up (a cluster whose CPUs are all taken would otherwise wait for ever)."""

    def __init__(
        self,
        address: str | None = None,
        workers: int | None = None,
        start_seconds: float = START_SECONDS,
    ) -> None:
        if workers is not None and workers < 1:
            raise ConfigError(f"workers must be 1 or more, not {workers}")
        self._address = address
        self._workers = workers
        self._start_seconds = start_seconds
        self._started = False  # whether this engine started Ray (and so stops it)
        self._slots: list[_Slot] = []

    def __enter__(self) -> RayEngine:
        if not ray.is_initialized():
            # Ray may not phone home: no usage statistics, no dashboard
            os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
            try:
                ray.init(
                    address=self._address,
                    num_cpus=self._workers if self._address is None else None,
                    include_dashboard=False,
                    log_to_driver=False,
                    configure_logging=False,
                )
            except Exception as exc:  # Ray raises bare Exception on a start-up timeout
                where = self._address or "this machine"
                raise ConfigError(f"cannot start or join a Ray cluster at {where}: {exc}") from exc
            self._started = True
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop the actors, and Ray if this engine started it."""
        _stop(self._slots)
        self._slots = []
        if self._started:
            ray.shutdown()
            self._started = False

    def size(self) -> int:
        """How many actors a run starts: ``workers``, else one per CPU of the cluster."""
        if self._workers is not None:
            return self._workers
        return max(1, int(ray.cluster_resources().get("CPU", 1)))

    def worker_pids(self) -> list[int]:
        """The process ids of the actors that are up (for tests and monitoring)."""
        return [slot.pid for slot in self._slots if slot.ready is None and slot.pid is not None]

    def worker_nodes(self) -> list[str]:
        """The Ray node ids of the actors that are up, one per actor."""
        return [slot.node for slot in self._slots if slot.ready is None and slot.node is not None]

    def digests(
        self, articles: Iterable[Article], settings: Settings, on_error: OnError | None = None
    ) -> Iterator[Digest]:
        """Digests for ``articles`` in input order (``engine.local.run_digests`` on Ray)."""
        return route_errors(self.map(articles, settings, load_digests), on_error)

    def analysed(
        self, articles: Iterable[Article], settings: Settings, on_error: OnError | None = None
    ) -> Iterator[Analysed]:
        """Digests with their corpus features, in input order, for ingest's writer."""
        return route_errors(self.map(articles, settings, load_analysed), on_error)

    def map(self, articles: Iterable[Article], settings: Settings, load: Loader) -> Iterator[Any]:
        """Each article's result (or ArticleError), in input order, from actors running
        ``load(settings)``'s work. One run at a time: a run stops the actors of one
        left unfinished (a generator not read to its end holds its actors' CPUs)."""
        if not ray.is_initialized():
            raise ConfigError("RayEngine is used outside its `with` block")
        batch = settings.batch_size
        source = iter(articles)
        todo: deque[_Task] = deque()
        results: dict[int, Any] = {}
        read = out = 0
        exhausted = False
        slots: list[_Slot] = []
        began = time.monotonic()
        try:
            _stop(self._slots)
            actor_class = ray.remote(num_cpus=1, max_restarts=-1, max_task_retries=0)(_Analyser)
            self._slots = slots
            for _ in range(self.size()):
                actor: Any = actor_class.remote(settings, load)
                slots.append(_Slot(actor, actor.ready.remote()))
            while True:
                while not exhausted and read - out < 2 * len(slots) * batch:
                    chunk = list(islice(source, batch))
                    if not chunk:
                        exhausted = True
                        break
                    todo.append(_Task(read, chunk))
                    read += len(chunk)
                for slot in slots:
                    if slot.ready is None and slot.task is None and todo:
                        self._send(slot, todo.popleft(), settings.article_seconds)
                while out in results:
                    yield results.pop(out)
                    out += 1
                if exhausted and out == read:
                    return
                if all(slot.ready is not None for slot in slots):
                    self._check_start(time.monotonic() - began)
                self._collect(slots, results, todo, settings.article_seconds)
        finally:
            _stop(slots)

    def _check_start(self, waited: float) -> None:
        """Stop a run none of whose actors is up after ``start_seconds``, saying why."""
        if waited <= self._start_seconds:
            return
        free = ray.available_resources().get("CPU", 0)
        total = ray.cluster_resources().get("CPU", 0)
        raise NewsgraphError(
            f"no Ray worker started within {self._start_seconds:g} s: the cluster has "
            f"{free:g} of {total:g} CPUs free and each worker needs one"
        )

    def _send(self, slot: _Slot, task: _Task, seconds: float | None) -> None:
        size = len(task.articles)
        limit = batch_seconds(seconds, size) if size > 1 else seconds
        slot.task, slot.ref = task, slot.actor.run.remote(task.articles)
        slot.deadline = time.monotonic() + limit + GRACE if limit else float("inf")

    def _collect(
        self, slots: list[_Slot], results: dict[int, Any], todo: deque[_Task], seconds: float | None
    ) -> None:
        """Wait for a result (or an actor up, or a death, or an overrun) and act on it."""
        pending = {}
        for slot in slots:
            ref = slot.ready if slot.ready is not None else slot.ref
            if ref is not None:
                pending[ref] = slot
        done, _ = ray.wait(list(pending), num_returns=1, timeout=_POLL)
        for ref in done:
            slot = pending[ref]
            if ref is slot.ready:
                self._up(slot)
            else:
                self._finish(slot, results, todo)
        now = time.monotonic()
        for slot in slots:
            if slot.task is not None and now > slot.deadline:
                ray.kill(slot.actor, no_restart=False)  # Ray starts it again
                self._lose(slot, over_budget(seconds), results, todo, blame=True)

    def _up(self, slot: _Slot) -> None:
        try:
            node, pid, fatal = ray.get(slot.ready)
        except ActorUnavailableError:  # Ray is restarting it: ask again in a moment
            time.sleep(_RESTARTING)
            slot.ready = slot.actor.ready.remote()
            return
        except RayActorError as exc:  # died while starting: Ray restarts it; ask again
            slot.failed_starts += 1
            if slot.failed_starts >= _STARTS:  # its arguments cannot be unpickled there, say
                raise NewsgraphError(f"a Ray worker cannot start: {exc}") from exc
            slot.ready = slot.actor.ready.remote()
            return
        if fatal is not None:
            raise fatal
        slot.ready, slot.node, slot.pid, slot.failed_starts = None, node, pid, 0

    def _finish(self, slot: _Slot, results: dict[int, Any], todo: deque[_Task]) -> None:
        task = slot.task
        assert task is not None
        try:
            done = ray.get(slot.ref, timeout=0)
        except (RayActorError, GetTimeoutError):
            problem = "the Ray worker process died (killed, or out of memory?)"
            self._lose(slot, problem, results, todo, blame=False)
            return
        slot.task, slot.ref = None, None
        if done is None:  # the batch raised or overran: each article goes alone
            for offset in reversed(range(len(task.articles))):
                todo.appendleft(_Task(task.start + offset, [task.articles[offset]]))
            return
        if len(done) != len(task.articles):  # a bug in the work: fail loudly, not hang
            problem = f"the analysis gave {len(done)} results for {len(task.articles)} articles"
            done = [ArticleError(name_of(a), "analysis", problem) for a in task.articles]
        for offset, item in enumerate(done):
            results[task.start + offset] = item

    def _lose(
        self,
        slot: _Slot,
        problem: str,
        results: dict[int, Any],
        todo: deque[_Task],
        *,
        blame: bool,
    ) -> None:
        """The actor died or overran on its task: send the task again (a chunk one article
        per task), or report its article when it overran or lost its actor twice."""
        task = slot.task
        assert task is not None
        slot.task, slot.ref, slot.deadline = None, None, float("inf")
        slot.ready = slot.actor.ready.remote()  # answered once Ray has restarted it
        if len(task.articles) > 1:
            for offset in reversed(range(len(task.articles))):
                todo.appendleft(_Task(task.start + offset, [task.articles[offset]]))
        elif blame or task.lost + 1 >= _TRIES:
            results[task.start] = ArticleError(name_of(task.articles[0]), "analysis", problem)
        else:
            todo.appendleft(_Task(task.start, task.articles, task.lost + 1))


def _stop(slots: list[_Slot]) -> None:
    for slot in slots:
        ray.kill(slot.actor, no_restart=True)  # a second kill does nothing
    slots.clear()
