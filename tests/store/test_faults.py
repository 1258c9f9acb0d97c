"""Bad URLs, locked, read-only and full databases, a PostgreSQL server going away.

Each fault gives a StoreError that says what to do, loses nothing committed,
and a rerun of the same write finishes the job.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from newsgraph.errors import StoreError
from newsgraph.pipeline.write import store_digests
from newsgraph.store import Store, backend
from tests.store.fixtures import make_digest, person


def digests(count: int, tag: str = "") -> list:
    return [
        make_digest(
            f"Reporter Ann Lee{n} wrote story {n}{tag}. " + "Words of filler text. " * 40,
            [person(f"Ann Lee{n}")],
            url=f"https://news.example/{tag}{n}",
            published="2024-01-01",
        )
        for n in range(count)
    ]


def count(url: str) -> int:
    with Store.open(url) as store:
        return int(store.conn.query("SELECT COUNT(*) FROM articles")[0][0])


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("mysql://user@host/db", "unsupported database URL"),
        ("http://example.org/db", "unsupported database URL"),
        (
            "postgresql://nobody@127.0.0.1:1/none",
            "cannot connect to postgresql://nobody@127.0.0.1:1/none",
        ),
        ("postgresql://user:secret@127.0.0.1:1/none", "user:***@"),
    ],
)
def test_store_bad_url_says_what_is_wrong(url: str, says: str) -> None:
    with pytest.raises(StoreError, match=r"(?s).*" + says.replace("*", r"\*")) as info:
        Store.open(url)
    assert "secret" not in str(info.value)


def test_store_missing_folder_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(str(tmp_path / "nowhere" / "corpus.db"))


def test_store_query_without_store_says_ingest_first(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="run `newsgraph ingest"):
        Store.open(str(tmp_path / "corpus.db"), create=False)


def test_store_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="not a newsgraph store"):
        Store.open(str(path))


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_store_read_only_file_fails_clearly_and_keeps_data(tmp_path: Path) -> None:
    url = str(tmp_path / "corpus.db")
    with Store.open(url) as store:
        store_digests(store, digests(2))
    with sqlite3.connect(url) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    read_only = f"file:{url}?mode=ro"
    # the OS user here may be root, which ignores file modes: open the file read-only instead
    conn = backend.SqliteConnection.__new__(backend.SqliteConnection)
    conn.url = url
    conn._db = sqlite3.connect(read_only, uri=True, isolation_level=None)
    conn._in_transaction = False
    store = Store(conn)
    with pytest.raises(StoreError, match="read-only") as info:
        store_digests(store, digests(3, "x"))
    assert "run the same command again" in str(info.value)
    store.close()
    assert count(url) == 2
    with Store.open(url) as again:
        assert len(store_digests(again, digests(3, "x")).added) == 3
    assert count(url) == 5


def test_store_locked_by_another_writer_fails_clearly_then_finishes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backend, "BUSY_TIMEOUT", 0.2)
    url = str(tmp_path / "corpus.db")
    with Store.open(url) as store:
        store_digests(store, digests(1))
        other = sqlite3.connect(url, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another process is writing
        # readers are never blocked by the writer (WAL)
        assert store.conn.query("SELECT COUNT(*) FROM articles") == [(1,)]
        with pytest.raises(StoreError, match="another process is writing"):
            store_digests(store, digests(2, "y"))
        other.execute("ROLLBACK")
        other.close()
        assert len(store_digests(store, digests(2, "y")).added) == 2
    assert count(url) == 3


def test_store_full_disk_fails_clearly_keeps_committed_then_finishes(tmp_path: Path) -> None:
    url = str(tmp_path / "corpus.db")
    with Store.open(url) as store:
        store_digests(store, digests(2))
        pages = store.conn.query("PRAGMA page_count")[0][0]
        # SQLite's own "database or disk is full" (SQLITE_FULL), as on a full disk
        store.conn.execute(f"PRAGMA max_page_count = {pages + 2}")
        with pytest.raises(StoreError, match="disk is full") as info:
            store_digests(store, digests(40, "z"))
        assert "committed articles are kept" in str(info.value)
        assert store.conn.query("SELECT COUNT(*) FROM articles") == [(2,)]
        assert store.conn.query("PRAGMA integrity_check") == [("ok",)]
        store.conn.execute("PRAGMA max_page_count = 1073741823")
        assert len(store_digests(store, digests(40, "z")).added) == 40
    assert count(url) == 42


def test_store_postgresql_going_away_mid_ingest(pg_schema_url: str) -> None:
    import psycopg

    store = Store.open(pg_schema_url)
    store_digests(store, digests(3))
    pid = store.conn.query("SELECT pg_backend_pid()")[0][0]
    with psycopg.connect(pg_schema_url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
    with pytest.raises(StoreError, match="lost the connection") as info:
        store_digests(store, digests(3, "late"))
    assert "run the same command again" in str(info.value)
    with pytest.raises(StoreError):
        store.close()
        store_digests(store, digests(1, "closed"))
    assert count(pg_schema_url) == 3
    with Store.open(pg_schema_url) as again:
        assert len(store_digests(again, digests(3, "late")).added) == 3
    assert count(pg_schema_url) == 6
