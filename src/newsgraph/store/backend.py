"""Connections to the two databases behind one small interface.

SQL is written once with ``?`` placeholders; the PostgreSQL connection
rewrites them. Driver errors become ``StoreError`` with a message that says
what to do, here and nowhere else.
"""

from __future__ import annotations

import contextlib
import functools
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsgraph.config import database_url
from newsgraph.errors import StoreError

DEFAULT_PATH = "newsgraph.db"
# seconds a writer waits for another writer's lock before giving up with a StoreError
BUSY_TIMEOUT = 10.0
Row = tuple[Any, ...]

_RERUN = "committed articles are kept; fix this and run the same command again to finish"


def resolve_url(url: str | None) -> str:
    """The database URL to use: ``url``, else ``NEWSGRAPH_DB``, else ``./newsgraph.db``."""
    return url or database_url() or DEFAULT_PATH


def connect(url: str | None, *, create: bool = True) -> Connection:
    """Open a SQLite file (a path or ``sqlite:///path``) or a ``postgresql://`` server."""
    target, path = _parse(url)
    if path is None:
        return PostgresConnection(target)
    return SqliteConnection(path, create=create)


def _parse(url: str | None) -> tuple[str, Path | None]:
    """The URL to use and, for SQLite, the file's path (None: a PostgreSQL server)."""
    target = resolve_url(url)
    scheme = target.split("://", 1)[0].lower() if "://" in target else ""
    if scheme in ("postgresql", "postgres"):
        return target, None
    if scheme == "sqlite":
        path = target.split("://", 1)[1]
        # sqlite:///relative.db and sqlite:////abs/path.db, as SQLAlchemy spells them
        path = path[1:] if path.startswith("/") else path
        return target, Path(path or DEFAULT_PATH)
    if scheme or re.match(r"^[a-z][a-z0-9+.-]*:(?![\\/])", target, re.I):
        raise StoreError(
            f"unsupported database URL {target!r}: give a file path, sqlite:///path.db "
            "or postgresql://user:password@host/dbname"
        )
    return target, Path(target)


def connect_read_only(url: str | None) -> Connection:
    """Open an existing store for reading only: any write fails with a ``StoreError``.

    SQLite is opened with ``mode=ro`` (the file must exist); a PostgreSQL session
    makes every transaction read-only. For ``newsgraph serve`` without ``--allow-write``.
    """
    target, path = _parse(url)
    if path is not None:
        return ReadOnlySqliteConnection(path)
    conn = PostgresConnection(target)
    conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    return conn


class Connection:
    """One connection: statements, queries, and explicit transactions."""

    dialect = ""
    url = ""

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        raise NotImplementedError

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        raise NotImplementedError

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        raise NotImplementedError

    def script(self, statements: Sequence[str]) -> None:
        for statement in statements:
            self.execute(statement)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        raise NotImplementedError
        yield

    def close(self) -> None:
        raise NotImplementedError


class SqliteConnection(Connection):
    """A SQLite file in WAL mode, so that readers never wait for the writer."""

    dialect = "sqlite"

    def __init__(self, path: Path, *, create: bool) -> None:
        self.url = str(path)
        if not create and not path.exists():
            raise StoreError(f"no store at {path}: run `newsgraph ingest PATH --db {path}` first")
        if not path.parent.exists():
            raise StoreError(f"cannot create the store {path}: folder {path.parent} does not exist")
        try:
            # autocommit mode: transactions are explicit BEGIN IMMEDIATE ... COMMIT
            self._db = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT)
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA journal_mode = WAL")
            # FULL: a commit is on disk before ingest moves on; a kill loses nothing committed
            self._db.execute("PRAGMA synchronous = FULL")
        except sqlite3.Error as exc:
            raise _sqlite_error(exc, self.url) from exc
        self._in_transaction = False

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        try:
            self._db.execute(sql, params)
        except sqlite3.Error as exc:
            raise _sqlite_error(exc, self.url) from exc

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        try:
            self._db.executemany(sql, rows)
        except sqlite3.Error as exc:
            raise _sqlite_error(exc, self.url) from exc

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        try:
            return self._db.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise _sqlite_error(exc, self.url) from exc

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._in_transaction:
            yield
            return
        # IMMEDIATE takes the write lock now, so a second writer waits (busy timeout) or fails
        self.execute("BEGIN IMMEDIATE")
        self._in_transaction = True
        try:
            yield
        except BaseException:
            self._in_transaction = False
            with contextlib.suppress(sqlite3.Error):  # the original error is the one to report
                self._db.rollback()
            raise
        self._in_transaction = False
        self.execute("COMMIT")

    def close(self) -> None:
        self._db.close()


class ReadOnlySqliteConnection(SqliteConnection):
    """A SQLite file opened read-only; it still sees what a writer commits (WAL)."""

    def __init__(self, path: Path) -> None:
        self.url = str(path)
        if not path.exists():
            raise StoreError(f"no store at {path}: run `newsgraph ingest PATH --db {path}` first")
        try:
            # mode=ro: the file is never written, whatever runs on this connection; nothing
            # it holds can change, so the thread that closes it may be another than its own
            uri = path.resolve().as_uri() + "?mode=ro"
            self._db = sqlite3.connect(
                uri,
                uri=True,
                isolation_level=None,
                timeout=BUSY_TIMEOUT,
                check_same_thread=False,
            )
            self._db.execute("PRAGMA query_only = ON")
        except sqlite3.Error as exc:
            raise _sqlite_error(exc, self.url) from exc
        self._in_transaction = False


class PostgresConnection(Connection):
    """A PostgreSQL server through psycopg 3 (the ``[postgres]`` extra)."""

    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        self.url = _hide_password(url)
        try:
            import psycopg
        except ImportError as exc:
            raise StoreError(
                "PostgreSQL needs the psycopg driver: pip install 'newsgraph[postgres]'"
            ) from exc
        self._psycopg = psycopg
        try:
            self._db = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except (psycopg.Error, ValueError) as exc:
            raise StoreError(f"cannot connect to {self.url}: {_first_line(exc)}") from exc
        self._in_transaction = False

    def _run(self, sql: str, params: Sequence[Any], many: bool = False) -> list[Row]:
        try:
            with self._db.cursor() as cur:
                if many:
                    cur.executemany(_pg_sql(sql), params)
                    return []
                cur.execute(_pg_sql(sql), params or None)
                return cur.fetchall() if cur.description is not None else []
        except self._psycopg.Error as exc:
            raise self._error(exc) from exc

    def _error(self, exc: Exception) -> StoreError:
        if isinstance(exc, self._psycopg.OperationalError) or self._db.closed:
            return StoreError(f"lost the connection to {self.url} ({_first_line(exc)}); {_RERUN}")
        return StoreError(f"{self.url}: {_first_line(exc)}")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._run(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self._run(sql, list(rows), many=True)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return self._run(sql, params)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._in_transaction:
            yield
            return
        self._in_transaction = True
        try:
            with self._db.transaction():
                yield
        except self._psycopg.Error as exc:
            raise self._error(exc) from exc
        finally:
            self._in_transaction = False

    def close(self) -> None:
        self._db.close()


@functools.lru_cache(maxsize=512)
def _pg_sql(sql: str) -> str:
    # psycopg wants %s; a literal % must be doubled
    return sql.replace("%", "%%").replace("?", "%s")


def _sqlite_error(exc: sqlite3.Error, where: str) -> StoreError:
    text = str(exc)
    low = text.lower()
    if "locked" in low or "busy" in low:
        hint = "another process is writing to it; wait for it to finish, then rerun"
    elif "readonly" in low or "read-only" in low:
        hint = "the file or its folder is read-only; make it writable or use --db elsewhere"
    elif "disk is full" in low or "disk i/o" in low:
        hint = "the disk is full or failing; free some space"
    elif "unable to open" in low:
        hint = "check that the path is a writable file in an existing folder"
    elif "not a database" in low or "malformed" in low:
        hint = "this file is not a newsgraph store; use --db with another path"
    else:
        return StoreError(f"{where}: {text}")
    return StoreError(f"{where}: {text}: {hint}; {_RERUN}")


def _hide_password(url: str) -> str:
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
