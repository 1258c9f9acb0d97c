"""A process that loads newsgraph once and forks a child per ``newsgraph`` command.

A SIGKILL takes the loaded model with it, so a test that kills ``ingest`` twenty
times would spend most of its time loading spaCy. This server imports the CLI,
loads the pipeline and the embedder, then forks: each child is a fresh process
that runs ``newsgraph <args>`` exactly as ``python -m newsgraph`` does (the same
``cli.app``), and dies as a real process dies when the test kills it.

A child can also kill itself at a chosen point of its writes, which no outside
timer hits reliably:

- ``{"at": "sql", "n": k}``: SIGKILL just before the k-th statement the store
  runs (``execute``/``executemany`` of any ``Connection``: migrations, the
  ``BEGIN``, the inserts of a batch, the ``COMMIT``);
- ``{"at": "commit", "n": k, "delay": s}``: ``s`` seconds after the k-th commit
  starts, a POSIX timer of the kernel sends SIGKILL (``timer_create``): no code of
  ours runs for it, so neither the GIL (which spaCy holds for whole batches; a thread
  would wait for it) nor the analysis's own SIGALRM budget timer can delay or catch
  it. A SQLite commit (WAL write and fsync) takes a few milliseconds here, so a delay
  of 0-6 ms lands inside it or just after; a PostgreSQL commit is a round trip.

And pause there, for whatever the test does to a writer in the middle of a
transaction (run readers, restart the server): ``{"at": "pause", "n": k,
"marker": "/tmp/p"}`` creates ``/tmp/p.paused`` at the k-th commit, its rows
written and not committed, and waits until the test creates ``/tmp/p.resume``.

Protocol, JSON lines on stdin/stdout: the server says ``{"ready": true}``; then
``{"op": "run", "args": [...], "env": {...}, "kill": null, "log": "/tmp/x"}`` ->
``{"pid": 123}``; ``{"op": "wait", "pid": 123, "timeout": 60}`` ->
``{"status": 0, "counts": {"sql": 210, "commits": 9, "returned": 9}}`` (a negative status is the
signal that ended it; ``"timeout": true`` when it had to be killed);
``{"op": "quit"}``.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import signal
import sys
import time
from typing import Any


def _preload() -> None:
    # everything a child would otherwise load on its own: the CLI, the spaCy pipeline,
    # the lead embedder (its ONNX session runs in the forked child: one thread, no pool)
    import newsgraph.cli  # noqa: F401  # the app, every command registered
    from newsgraph.config import Settings
    from newsgraph.corpus.embed import get_embedder
    from newsgraph.nlp.pipeline import load_pipeline
    from newsgraph.pipeline import build  # noqa: F401

    settings = Settings.from_env()
    load_pipeline(settings.model, settings.summary_sentences)
    get_embedder().embed(["warm up"])


class _Counter:
    """Statements and commits of this child, with the kill point armed."""

    def __init__(self, kill: dict[str, Any] | None, counts_path: str) -> None:
        self.kill = kill or {}
        self.sql = 0
        self.commits = 0
        self.returned = 0  # commits that came back: the kill landed after them
        self.counts_path = counts_path

    def save(self) -> None:
        # written aside and renamed: a kill in the middle leaves the last whole counts
        with open(self.counts_path + ".new", "w", encoding="utf-8") as out:
            json.dump({"sql": self.sql, "commits": self.commits, "returned": self.returned}, out)
        os.replace(self.counts_path + ".new", self.counts_path)

    def statement(self, sql: str) -> None:
        self.sql += 1
        self.save()  # the counts so far survive the kill: the test reports where it landed
        if self.kill.get("at") == "sql" and self.sql == self.kill["n"]:
            os.kill(os.getpid(), signal.SIGKILL)
        if sql.strip().upper() == "COMMIT":
            self.commit()

    def commit(self) -> None:
        self.commits += 1
        self.save()
        if self.kill.get("at") == "pause" and self.commits == self.kill["n"]:
            marker = self.kill["marker"]
            open(marker + ".paused", "w").close()  # an empty file, at once
            deadline = time.monotonic() + 120
            while not os.path.exists(marker + ".resume") and time.monotonic() < deadline:
                time.sleep(0.01)
        if self.kill.get("at") == "commit" and self.commits == self.kill["n"]:
            _kill_in(float(self.kill.get("delay", 0)))

    def committed(self) -> None:
        self.returned += 1
        self.save()


class _SigEvent(ctypes.Structure):
    # struct sigevent of Linux (64 bytes): the value, the signal, how to notify, padding
    _fields_ = (
        ("value", ctypes.c_void_p),
        ("signo", ctypes.c_int),
        ("notify", ctypes.c_int),
        ("rest", ctypes.c_int * 12),
    )


class _TimeSpec(ctypes.Structure):
    _fields_ = (("sec", ctypes.c_long), ("nsec", ctypes.c_long))


class _ITimerSpec(ctypes.Structure):
    _fields_ = (("interval", _TimeSpec), ("value", _TimeSpec))


def _kill_in(seconds: float) -> None:
    """SIGKILL this process ``seconds`` from now, from the kernel (timer_create)."""
    libc = ctypes.CDLL(None, use_errno=True)
    event = _SigEvent(signo=signal.SIGKILL, notify=0)  # SIGEV_SIGNAL
    timer = ctypes.c_void_p()
    if libc.timer_create(time.CLOCK_MONOTONIC, ctypes.byref(event), ctypes.byref(timer)):
        raise OSError(ctypes.get_errno(), "timer_create")
    nanos = max(1000, int(seconds * 1e9))
    when = _ITimerSpec(_TimeSpec(0, 0), _TimeSpec(nanos // 10**9, nanos % 10**9))
    if libc.timer_settime(timer, 0, ctypes.byref(when), None):
        raise OSError(ctypes.get_errno(), "timer_settime")


def _install(counter: _Counter) -> None:
    from newsgraph.store import backend

    for cls in backend.Connection.__subclasses__():
        for name in ("execute", "executemany"):
            original = cls.__dict__.get(name)
            if original is None:
                continue

            def wrapped(self: Any, sql: str, *args: Any, _original: Any = original) -> Any:
                counter.statement(sql)
                result = _original(self, sql, *args)
                if sql.strip().upper() == "COMMIT":
                    counter.committed()
                return result

            setattr(cls, name, wrapped)
    with contextlib.suppress(ImportError):
        import psycopg

        # PostgreSQL commits when psycopg's transaction block ends, not through execute
        exit_original = psycopg.Transaction.__exit__

        def exit_wrapped(self: Any, exc_type: Any, *rest: Any) -> Any:
            if exc_type is not None:
                return exit_original(self, exc_type, *rest)
            counter.commit()
            result = exit_original(self, exc_type, *rest)
            counter.committed()
            return result

        psycopg.Transaction.__exit__ = exit_wrapped  # type: ignore[method-assign]


def _child(request: dict[str, Any]) -> None:
    log = request["log"]
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    out = os.open(log + ".out", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    err = os.open(log + ".err", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(out, 1)
    os.dup2(err, 2)
    sys.stdin = open(0, closefd=False)  # noqa: SIM115  # fd 0 lives as long as the process
    os.environ.update(request.get("env") or {})
    counter = _Counter(request.get("kill"), log + ".counts")
    counter.save()
    _install(counter)
    from newsgraph.cli import app

    code = 0
    try:
        app(args=list(request["args"]), prog_name="newsgraph")
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:  # a traceback is a failure the test must see
        import traceback

        traceback.print_exc()
        code = 70
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _wait(pid: int, timeout: float) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    timed_out = False
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline and not timed_out:
            timed_out = True
            os.kill(pid, signal.SIGKILL)
        time.sleep(0.01)
    code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
    return {"status": code, "timeout": timed_out}


def main() -> None:
    _preload()
    reply = sys.stdout
    print(json.dumps({"ready": True}), file=reply, flush=True)
    logs: dict[int, str] = {}
    for line in sys.stdin:
        request = json.loads(line)
        if request["op"] == "quit":
            return
        if request["op"] == "run":
            pid = os.fork()
            if pid == 0:
                _child(request)
            logs[pid] = request["log"]
            answer: dict[str, Any] = {"pid": pid}
        else:
            pid = int(request["pid"])
            answer = _wait(pid, float(request.get("timeout", 120)))
            with open(logs.pop(pid) + ".counts", encoding="utf-8") as counts:
                answer["counts"] = json.load(counts)
        print(json.dumps(answer), file=reply, flush=True)


if __name__ == "__main__":
    main()
