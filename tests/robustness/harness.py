"""Running ``newsgraph`` commands as processes a test can kill, and the inputs they read.

``ForkServer`` drives ``forkserver.py`` (one process with the model loaded, a
fork per command, see there). ``INPUTS`` are the repository's own small
articles (``tests/data``); ``reference`` digests them directly,
in this process, as the stores are checked against.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

import newsgraph
from newsgraph.analysis import analyse_articles
from newsgraph.config import Settings
from newsgraph.ingest import read_inputs
from newsgraph.records import Article, Digest
from newsgraph.store.migrations import MIGRATIONS
from tests.robustness.corpus_check import expected_by_id

ROOT = Path(__file__).resolve().parents[2]
SERVER = Path(__file__).with_name("forkserver.py")
# eight short articles (4 kB in all), with quotes, events, relations and shared people:
# analysis is most of a run, and each kill costs a run
INPUTS = (str(ROOT / "tests" / "data" / "articles"), str(ROOT / "tests" / "data" / "corpus"))


def child_env() -> dict[str, str]:
    """This process's environment, with the newsgraph it imported first on the path."""
    package_root = str(Path(newsgraph.__file__).resolve().parents[1])
    path = os.pathsep.join([package_root, str(ROOT), os.environ.get("PYTHONPATH", "")])
    # one BLAS thread: the children are forked, and the tests share few cores
    return {**os.environ, "PYTHONPATH": path, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}


@dataclass
class Run:
    """One command run by the server: its pid, where its output goes, how it ended."""

    pid: int
    log: Path
    status: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    timed_out: bool = False

    @property
    def stderr(self) -> str:
        path = self.log.with_name(self.log.name + ".err")
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    @property
    def stdout(self) -> str:
        path = self.log.with_name(self.log.name + ".out")
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    @property
    def killed(self) -> bool:
        return self.status == -signal.SIGKILL and not self.timed_out


class ForkServer:
    """A ``forkserver.py`` process: ``run`` starts a ``newsgraph`` command, ``wait`` ends it."""

    def __init__(self, logs: Path) -> None:
        self.logs = logs
        logs.mkdir(parents=True, exist_ok=True)
        self._err = (logs / "server.err").open("w")
        self._proc = subprocess.Popen(
            [sys.executable, str(SERVER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._err,
            text=True,
            env=child_env(),
        )
        self._count = 0
        ready = self._read()
        assert ready == {"ready": True}, ready

    def _read(self) -> dict[str, Any]:
        assert self._proc.stdout is not None
        line = self._proc.stdout.readline()
        if not line:
            self._err.flush()
            raise RuntimeError("the fork server died: " + (self.logs / "server.err").read_text())
        answer: dict[str, Any] = json.loads(line)
        return answer

    def _ask(self, request: dict[str, Any]) -> dict[str, Any]:
        stdin: IO[str] | None = self._proc.stdin
        assert stdin is not None
        stdin.write(json.dumps(request) + "\n")
        stdin.flush()
        return self._read()

    def run(
        self,
        args: list[str],
        kill: dict[str, Any] | None = None,
        env: dict[str, str] | None = None,
    ) -> Run:
        """Start ``newsgraph <args>`` in a fresh child; ``kill`` arms a kill point."""
        self._count += 1
        log = self.logs / f"run{self._count:03d}"
        answer = self._ask(
            {"op": "run", "args": args, "kill": kill, "env": env or {}, "log": str(log)}
        )
        return Run(int(answer["pid"]), log)

    def wait(self, run: Run, timeout: float = 180) -> Run:
        answer = self._ask({"op": "wait", "pid": run.pid, "timeout": timeout})
        run.status, run.counts = int(answer["status"]), answer["counts"]
        run.timed_out = bool(answer["timeout"])
        return run

    def counts(self, run: Run) -> dict[str, int]:
        """The statements and commits the running child has made so far."""
        path = Path(f"{run.log}.counts")
        counts: dict[str, int] = json.loads(path.read_text()) if path.exists() else {}
        return counts

    def kill_after(self, run: Run, seconds: float) -> Run:
        """SIGKILL the child ``seconds`` after it started (if it is still running), then wait."""
        time.sleep(seconds)
        os.kill(run.pid, signal.SIGKILL)  # a child that already ended is a zombie until wait
        return self.wait(run)

    def paused(self, marker: Path, run: Run, timeout: float = 120) -> None:
        """Wait until ``run`` stands at its pause point (``{"at": "pause", ...}``)."""
        deadline = time.monotonic() + timeout
        while not Path(f"{marker}.paused").exists():
            assert running(run), f"the run ended before its pause point:\n{run.stderr}"
            assert time.monotonic() < deadline, "the run never got to its pause point"
            time.sleep(0.02)

    def close(self) -> None:
        if self._proc.poll() is None:
            self._ask_quit()
        self._err.close()

    def _ask_quit(self) -> None:
        assert self._proc.stdin is not None
        self._proc.stdin.write(json.dumps({"op": "quit"}) + "\n")
        self._proc.stdin.close()
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()


def running(run: Run) -> bool:
    """Whether the child still runs (a child that ended stays a zombie until ``wait``)."""
    try:
        stat = Path(f"/proc/{run.pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def article_commit(k: int) -> int:
    """The commit number of a new store's k-th article (``{"at": "pause", "n": ...}``): a
    new store first commits each of its migrations."""
    return len(MIGRATIONS) + k


def pause_at(commit: int, marker: Path) -> dict[str, object]:
    """The kill plan that pauses a run at its ``commit``-th commit (``forkserver``)."""
    return {"at": "pause", "n": commit, "marker": str(marker)}


def resume(marker: Path) -> None:
    Path(f"{marker}.resume").touch()


def articles() -> list[Article]:
    items = list(read_inputs(list(INPUTS), Settings()))
    assert all(isinstance(a, Article) for a in items), items
    return [a for a in items if isinstance(a, Article)]


@cache
def reference() -> dict[str, Digest]:
    """Article id -> its digest computed directly (no store), for every input article."""
    digests: list[Digest] = list(analyse_articles(articles(), Settings()))
    return expected_by_id(digests)


def remove_sqlite(db: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(db) + suffix).unlink(missing_ok=True)


@dataclass
class Schema:
    """A PostgreSQL schema of its own, for one store; ``reset`` empties it."""

    base: str
    name: str

    @property
    def url(self) -> str:
        sep = "&" if "?" in self.base else "?"
        return f"{self.base}{sep}options={quote(f'-csearch_path={self.name}')}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.base, autocommit=True) as admin:
            admin.execute(sql)

    def create(self) -> Schema:
        self._admin(f"CREATE SCHEMA {self.name}")
        return self

    def drop(self) -> None:
        self._admin(f"DROP SCHEMA IF EXISTS {self.name} CASCADE")

    def reset(self) -> None:
        self.drop()
        self.create()
