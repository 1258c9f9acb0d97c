"""Kill a real ``newsgraph ingest`` process (SIGKILL) mid-run: nothing committed is lost,
nothing is half-written, and running it again finishes the job."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

COUNT = 48
NAMES = ["Dana Whitfield", "Paul Dorsey", "Carla Mendes", "Helen Okafor", "Tom Raske", "Ann Li"]


def write_articles(path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for n in range(COUNT):
            a, b = NAMES[n % 6], NAMES[(n + 1) % 6]
            text = (
                f"{a} met {b} in Columbus, Ohio, on Monday to discuss case number {n}. "
                f'"We will keep working on case {n}," {a} said after the meeting. '
                f"The Ohio Senate will review the matter next month, {b} told reporters."
            )
            record = {"url": f"https://news.example/{n}", "title": f"Case {n}", "text": text}
            out.write(json.dumps({**record, "published": "2024-11-02"}) + "\n")


def ingest(source: Path, db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newsgraph",
            "ingest",
            str(source),
            "--db",
            str(db),
            "--commit-every",
            "3",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stored_count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # not migrated yet


def check_complete(db: Path) -> list[str]:
    """Every stored article has all its rows; the database is intact. Returns the ids."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        ids = []
        for aid, digest in conn.execute("SELECT id, digest FROM articles ORDER BY id"):
            data = json.loads(digest)
            mentions = conn.execute(
                "SELECT COUNT(*) FROM mentions WHERE article_id = ?", (aid,)
            ).fetchone()[0]
            assert mentions == len(data["entities"]) > 0
            for table, key in (("quotes", "quotes"), ("events", "events")):
                rows = conn.execute(f"SELECT COUNT(*) FROM {table} WHERE article_id = ?", (aid,))
                assert rows.fetchone()[0] == len(data[key])
            hits = conn.execute(
                "SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH ?",
                (f'"{aid}" OR "case"',),
            ).fetchone()[0]
            assert hits >= 1
            ids.append(aid)
        orphans = conn.execute(
            "SELECT COUNT(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()[0]
        assert orphans == 0
    return ids


def kill_after(proc: subprocess.Popen[str], db: Path, at_least: int) -> int:
    deadline = time.monotonic() + 240
    while stored_count(db) < at_least:
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        assert time.monotonic() < deadline, "ingest stored nothing in time"
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return stored_count(db)


def test_ingest_killed_mid_run_loses_nothing_and_rerun_completes(tmp_path: Path) -> None:
    source = tmp_path / "articles.jsonl"
    write_articles(source)
    db = tmp_path / "corpus.db"

    first = kill_after(ingest(source, db), db, at_least=3)
    assert 3 <= first < COUNT
    committed = check_complete(db)
    assert len(committed) == first

    # killed again, later in the run: the first run's articles are all still there
    second = kill_after(ingest(source, db), db, at_least=first + 3)
    assert second < COUNT
    survivors = check_complete(db)
    assert set(committed) <= set(survivors)

    proc = ingest(source, db)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert "already stored" in err
    assert check_complete(db) and stored_count(db) == COUNT
    already = int(err.split(" added, ")[1].split(" updated, ")[1].split(" already")[0])
    assert already == second

    # and once more: nothing to do, nothing duplicated
    proc = ingest(source, db)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert f"0 added, 0 updated, {COUNT} already stored" in err
    assert stored_count(db) == COUNT
