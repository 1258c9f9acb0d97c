"""The Ray engine on a local Ray cluster (two CPUs): input order, isolation, a killed worker.

The fake work (``tests.engine.test_isolation``: BOOM raises, SLOW sleeps past the
budget, STUCK sleeps with the budget's signal blocked, DIE kills its process) runs
in the actors; NAP sleeps a little, so that a run lasts long enough to kill a worker
in it. The real pipeline gives the same digests and the same store as the local
engine, also when an actor's process is killed mid-ingest, and a driver stopped
mid-run continues on rerun.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ray = pytest.importorskip("ray", reason='the Ray engine needs ray (pip install "newsgraph[ray]")')

from newsgraph.config import Settings  # noqa: E402
from newsgraph.engine import ray as ray_engine  # noqa: E402
from newsgraph.engine.local import run_digests  # noqa: E402
from newsgraph.engine.ray import RayEngine  # noqa: E402
from newsgraph.errors import ConfigError, NewsgraphError  # noqa: E402
from newsgraph.pipeline.build import IngestReport, ingest  # noqa: E402
from newsgraph.records import Article  # noqa: E402
from newsgraph.store import Store  # noqa: E402
from tests.conftest import DATA, load_article  # noqa: E402
from tests.engine.test_isolation import articles, fake_work, outcome  # noqa: E402

CASE = sorted((DATA / "case").glob("*.json"))
TESTS = Path(__file__).resolve().parents[1]
_CLOCK_COLUMNS = {"ingested_at", "applied_at"}


def napping_work(chunk: list[Article]) -> list[str]:
    for article in chunk:
        if "NAP" in article.text:
            time.sleep(0.3)
    return fake_work(chunk)


def load_napping(settings: Settings) -> Callable[[list[Article]], list[str]]:
    return napping_work


def ray_environment() -> None:
    """What Ray's processes (started from this one, inheriting its environment) need."""
    # no usage statistics: the tests never touch the network (nor a dashboard, below)
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    # pytest imports this file as engine.test_ray: the workers unpickle the fake work
    # from there, so they need tests/ on their path
    path = [str(TESTS), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    os.environ["PYTHONPATH"] = os.pathsep.join(path)


@pytest.fixture(scope="module", autouse=True)
def local_cluster() -> Iterator[None]:
    ray_environment()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


@pytest.fixture
def short_grace(monkeypatch: pytest.MonkeyPatch) -> None:
    # the driver kills an actor this long after its task's budget
    monkeypatch.setattr(ray_engine, "GRACE", 1.0)
    monkeypatch.setattr(ray_engine, "_POLL", 0.1)


def run_ray(texts: list[str], seconds: float = 5.0, batch: int = 2) -> list[str]:
    settings = Settings(batch_size=batch, article_seconds=seconds)
    with RayEngine(workers=2) as engine:
        return outcome(list(engine.map(articles(*texts), settings, load_napping)))


def test_ray_keeps_input_order_across_actors() -> None:
    texts = [f"article {n}" for n in range(11)]
    assert run_ray(texts) == [t.upper() for t in texts]


@pytest.mark.usefixtures("short_grace")
def test_ray_isolates_an_exception_an_overrun_and_a_stuck_article() -> None:
    texts = ["one", "BOOM two", "three", "SLOW four", "five", "STUCK six", "seven"]
    assert run_ray(texts, seconds=0.5) == [
        "ONE",
        "in.jsonl:2 analysis: ValueError: bad article",
        "THREE",
        "in.jsonl:4 analysis: took longer than the 0.5 s time budget",
        "FIVE",
        "in.jsonl:6 analysis: took longer than the 0.5 s time budget",
        "SEVEN",
    ]


def test_ray_reports_the_article_that_kills_its_actor_every_time() -> None:
    # the default grace (10 s): Ray sees the death long before the deadline
    assert run_ray(["one", "DIE two", "three"], batch=1) == [
        "ONE",
        "in.jsonl:2 analysis: the Ray worker process died (killed, or out of memory?)",
        "THREE",
    ]


def test_a_killed_worker_loses_no_article() -> None:
    texts = [f"NAP {n}" for n in range(16)]
    settings = Settings(batch_size=2, article_seconds=5.0)
    results = []
    with RayEngine(workers=2) as engine:
        for item in engine.map(articles(*texts), settings, load_napping):
            if not results:
                os.kill(engine.worker_pids()[0], signal.SIGKILL)
            results.append(item)
    assert outcome(results) == [t.upper() for t in texts]


def test_the_engine_joins_the_cluster_it_finds_and_leaves_it_running() -> None:
    with RayEngine() as engine:
        assert engine.size() == 2  # the fixture's two CPUs
    assert ray.is_initialized()


class _Squatter:
    """An actor that holds one CPU and does nothing."""

    def up(self) -> bool:
        return True


def test_a_run_whose_workers_cannot_start_stops_with_the_reason() -> None:
    squatter_class = ray.remote(num_cpus=1)(_Squatter)
    squatters = [squatter_class.remote() for _ in range(2)]  # the fixture's two CPUs
    ray.get([s.up.remote() for s in squatters])
    try:
        with (
            RayEngine(workers=1, start_seconds=1.0) as engine,
            pytest.raises(NewsgraphError) as caught,
        ):
            list(engine.map(articles("one"), Settings(), load_napping))
    finally:
        for squatter in squatters:
            ray.kill(squatter)
    assert str(caught.value) == (
        "no Ray worker started within 1 s: the cluster has 0 of 2 CPUs free"
        " and each worker needs one"
    )


def test_a_cluster_that_cannot_be_joined_is_a_config_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Ray's own error (a real unreachable address takes Ray minutes to give up on)
    def refuse(**_: object) -> None:
        raise ConnectionError("Could not find any running Ray instance.")

    monkeypatch.setattr(ray, "is_initialized", lambda: False)
    monkeypatch.setattr(ray, "init", refuse)
    with pytest.raises(ConfigError) as caught, RayEngine(address="auto"):
        pass
    assert str(caught.value) == (
        "cannot start or join a Ray cluster at auto: Could not find any running Ray instance."
    )


# The real pipeline


def case_articles() -> list[Article]:
    return [load_article(path) for path in CASE]


def rows(db: Path) -> dict[str, list[str]]:
    """Every table's rows, sorted, without wall-clock columns and full-text internals."""
    con = sqlite3.connect(db)
    tables = [
        r[0]
        for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            " AND sql NOT LIKE '%VIRTUAL%' AND name <> 'schema_migrations'"
        )
    ]
    out = {}
    for table in tables:
        if table.endswith(("_data", "_idx", "_docsize", "_config", "_content")):
            continue
        columns = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
        kept = ", ".join(c for c in columns if c not in _CLOCK_COLUMNS)
        out[table] = sorted(repr(r) for r in con.execute(f"SELECT {kept} FROM {table}"))
    con.close()
    return out


@pytest.mark.model
def test_ray_and_local_give_the_same_digests() -> None:
    settings = Settings(batch_size=3)
    local = [d.to_json() for d in run_digests(case_articles(), settings)]
    with RayEngine(workers=2) as engine:
        remote = [d.to_json() for d in engine.digests(case_articles(), settings)]
    assert len(remote) == len(CASE)
    assert remote == local


@pytest.mark.model
def test_a_worker_killed_mid_ingest_stores_the_same_corpus_once(tmp_path: Path) -> None:
    settings = Settings(batch_size=2)
    with Store.open(str(tmp_path / "local.db")) as store:
        ingest(case_articles(), store, settings, commit_every=2)
    killed: list[int] = []
    with RayEngine(workers=2) as engine, Store.open(str(tmp_path / "ray.db")) as store:

        def kill_one(report: IngestReport) -> None:
            if not killed and report.stored:  # after the first commit
                killed.append(engine.worker_pids()[0])
                os.kill(killed[0], signal.SIGKILL)

        report = ingest(
            case_articles(), store, settings, commit_every=2, on_progress=kill_one, engine=engine
        )
    assert killed
    assert (report.added, report.failed) == (len(CASE), 0)
    assert rows(tmp_path / "ray.db") == rows(tmp_path / "local.db")


class Stopped(Exception):
    """The driver stops here, as a killed one would, after its first commit."""


@pytest.mark.model
def test_a_driver_stopped_mid_run_continues_on_rerun(tmp_path: Path) -> None:
    settings = Settings(batch_size=2)

    def stop(report: IngestReport) -> None:
        if report.stored:
            raise Stopped

    with RayEngine(workers=2) as engine, Store.open(str(tmp_path / "c.db")) as store:
        with pytest.raises(Stopped):
            ingest(case_articles(), store, settings, on_progress=stop, engine=engine)
        first = store.stored(case_articles())
        assert 0 < len(first) < len(CASE)
        again = ingest(case_articles(), store, settings, engine=engine)
    assert again.skipped == len(first)
    assert again.added == len(CASE) - len(first)
    con = sqlite3.connect(tmp_path / "c.db")
    assert con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (9, 9)
