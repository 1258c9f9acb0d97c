"""``newsgraph ingest`` killed at random moments, on SQLite and PostgreSQL, and a PostgreSQL
restart mid-ingest: after every kill the store is intact and holds only whole articles, each
with its digest's rows; the rerun finishes the job with the rows one uninterrupted run stores.

The moments are drawn from a seeded generator (``NEWSGRAPH_TEST_SEED`` picks another):
a wall-clock time within the run (SIGKILL from this process), the k-th SQL statement
(migrations, ``BEGIN``, an insert of a batch, the ``COMMIT``) or the inside of the
k-th commit (see ``forkserver.py``). Each run after a kill is the rerun of the one killed;
once a run gets to the end, its store must equal the uninterrupted one, and the next
kill starts again from an empty store.
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from newsgraph.store import Store
from tests.robustness.corpus_check import check_articles, check_intact, differences, dump
from tests.robustness.harness import (
    INPUTS,
    ForkServer,
    Run,
    Schema,
    article_commit,
    pause_at,
    reference,
    remove_sqlite,
    resume,
)
from tests.store.fixtures import pg_url_or_skip

pytestmark = pytest.mark.model

SEED = int(os.environ.get("NEWSGRAPH_TEST_SEED", "20261201"))
RESTART_ENV = "NEWSGRAPH_TEST_PG_RESTART"
TRIES = 8


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ForkServer]:
    forks = ForkServer(tmp_path_factory.mktemp("forkserver"))
    yield forks
    forks.close()


def ingest_args(url: str) -> list[str]:
    # a commit per article: as many commits to land in as there are articles
    return ["ingest", *INPUTS, "--db", url, "--commit-every", "1", "--processes", "1"]


@dataclass
class Calibration:
    """An uninterrupted run from an empty store: how long, how many statements and commits."""

    seconds: float
    statements: int
    commits: int
    rows: dict[str, list[tuple[Any, ...]]]


def calibrate(server: ForkServer, url: str) -> Calibration:
    started = time.monotonic()
    run = server.wait(server.run(ingest_args(url)))
    seconds = time.monotonic() - started
    assert run.status == 0, run.stderr
    with Store.open(url) as store:
        check_intact(store)
        assert check_articles(store, reference()) == set(reference())
        rows = dump(store)
    return Calibration(seconds, run.counts["sql"], run.counts["commits"], rows)


def check_store(url: str) -> set[str]:
    """The store after a run (killed or not): intact, and every article whole. Stored ids."""
    if "://" not in url and Path(url).exists():
        # SQLite's own check first, before opening the store can migrate anything
        with sqlite3.connect(url) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    with Store.open(url) as store:
        check_intact(store)
        return check_articles(store, reference())


def kinds(rng: random.Random, kills: int) -> list[str]:
    """A quarter of the kills inside commits, the rest split between SQL and wall clock."""
    chosen = ["commit"] * (kills // 4)
    chosen += ["sql"] * ((kills - len(chosen)) // 2)
    chosen += ["wall"] * (kills - len(chosen))
    rng.shuffle(chosen)
    return chosen


def draw(rng: random.Random, kind: str, calibration: Calibration, stored: int) -> dict[str, Any]:
    """A moment within what is left of the run (a run skips the ``stored`` articles)."""
    left = 1 - stored / len(reference())
    if kind == "wall":
        seconds = calibration.seconds * max(left, 0.25)  # loading and reading stay
        return {"at": "wall", "seconds": round(rng.uniform(0.05, seconds), 3)}
    if kind == "sql":
        return {"at": "sql", "n": rng.randint(1, max(1, round(calibration.statements * left)))}
    return {  # a commit per article: the stored ones are commits fewer
        "at": "commit",
        "n": rng.randint(1, max(1, calibration.commits - stored)),
        "delay": round(rng.uniform(0.0, 0.006), 5),
    }


def campaign(
    server: ForkServer, url: str, reset: Callable[[], None], kills: int, calibration: Calibration
) -> list[str]:
    """Kill ingest at ``kills`` moments; check the store after each run. A line per run."""
    rng = random.Random(f"{SEED}:{url.split('://')[0]}")
    lines: list[str] = []
    stored: set[str] = set()
    for kind in kinds(rng, kills):
        for _ in range(TRIES):  # a run may end before its moment: draw another of the kind
            moment = draw(rng, kind, calibration, len(stored))
            run = server.run(ingest_args(url), kill=None if kind == "wall" else moment)
            run = server.kill_after(run, moment["seconds"]) if kind == "wall" else server.wait(run)
            assert not run.timed_out, f"{moment}: ingest hung\n{run.stderr}"
            after = check_store(url)
            assert stored <= after, f"{moment}: committed articles lost"
            lines.append(_line(moment, run, len(stored), len(after)))
            stored = after
            if run.killed:
                break
            # the run got to the end first: a whole, finished store, then an empty one
            assert run.status == 0, f"{moment}: {run.stderr}"
            assert after == set(reference()), "a finished run left articles out"
            with Store.open(url) as store:
                assert not differences(dump(store), calibration.rows), "\n".join(lines)
            reset()
            stored = set()
        else:
            pytest.fail(f"no {kind} moment killed a run in {TRIES} tries:\n" + "\n".join(lines))
    # the last rerun finishes the job, with the rows of the uninterrupted run
    run = server.wait(server.run(ingest_args(url)))
    assert run.status == 0, run.stderr
    assert check_store(url) == set(reference())
    with Store.open(url) as store:
        found = differences(dump(store), calibration.rows)
    assert not found, "\n".join([*found, *lines])
    return lines


def _line(moment: dict[str, Any], run: Run, before: int, after: int) -> str:
    what = " ".join(f"{k}={v}" for k, v in moment.items())
    end = "killed" if run.killed else f"exit {run.status}"
    counts = run.counts
    return (
        f"{what}: {end} after {counts['sql']} statements, {counts['commits']} commits begun, "
        f"{counts['returned']} returned; articles {before} -> {after}"
    )


@pytest.fixture(scope="module")
def serial(server: ForkServer, tmp_path_factory: pytest.TempPathFactory) -> Calibration:
    """One uninterrupted ingest into an empty SQLite file."""
    return calibrate(server, str(tmp_path_factory.mktemp("serial") / "serial.db"))


def test_ingest_killed_at_20_moments_sqlite(
    server: ForkServer, serial: Calibration, tmp_path: Path
) -> None:
    db = tmp_path / "killed.db"
    lines = campaign(server, str(db), lambda: remove_sqlite(db), 20, serial)
    print("\n".join(lines))


@pytest.fixture
def schemas() -> Iterator[Callable[[], Schema]]:
    base = pg_url_or_skip()
    made: list[Schema] = []

    def make() -> Schema:
        made.append(Schema(base, "k_" + uuid.uuid4().hex[:12]).create())
        return made[-1]

    yield make
    for schema in made:
        schema.drop()


def test_ingest_killed_at_5_moments_postgresql(
    server: ForkServer, serial: Calibration, schemas: Callable[[], Schema]
) -> None:
    uninterrupted, killed = schemas(), schemas()
    calibration = calibrate(server, uninterrupted.url)
    # the same rows as on SQLite
    assert not differences(calibration.rows, serial.rows)
    lines = campaign(server, killed.url, killed.reset, 5, calibration)
    print("\n".join(lines))


def test_ingest_survives_or_resumes_after_postgresql_restart(
    server: ForkServer, serial: Calibration, schemas: Callable[[], Schema], tmp_path: Path
) -> None:
    restart = os.environ.get(RESTART_ENV)
    if not restart:
        pytest.skip(
            f"{RESTART_ENV} is not set: the test restarts the PostgreSQL server, so it runs "
            "only where it owns one (.ci/run sets it to a pg_ctl restart command)"
        )
    target = schemas()
    marker = tmp_path / "restart"
    # paused in the transaction of the third article (after the migrations)
    run = server.run(ingest_args(target.url), kill=pause_at(article_commit(3), marker))
    server.paused(marker, run)
    subprocess.run(restart, shell=True, check=True, capture_output=True, timeout=60)
    resume(marker)
    run = server.wait(run)
    # it survives the restart, or stops saying what to do (a rerun finishes)
    assert run.status == 0 or (run.status == 4 and "run the same command again" in run.stderr), (
        run.status,
        run.stderr,
    )
    stored = check_store(target.url)
    if run.status:  # the two articles committed before the restart, not the third
        assert len(stored) == 2, stored
    else:
        assert stored == set(reference())
    rerun = server.wait(server.run(ingest_args(target.url)))
    assert rerun.status == 0, rerun.stderr
    assert check_store(target.url) == set(reference())
    with Store.open(target.url) as store:
        found = differences(dump(store), serial.rows)
    assert not found, found
    print(f"first run: exit {run.status}, {len(stored)} stored; rerun: {rerun.stderr.strip()}")
