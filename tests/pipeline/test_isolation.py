"""Ingest: one article that cannot be read, analysed or stored fails alone.

Each failure names its input and stage, the other articles are stored, the run's
report counts it, and a store that is down still stops the run (a rerun finishes).
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsgraph.config import Settings
from newsgraph.errors import ArticleError, InputError, ItemError, StoreError
from newsgraph.pipeline.build import ingest
from newsgraph.records import Article
from newsgraph.store import Store, writer

pytestmark = pytest.mark.model

TEXTS = [
    "Mayor Ann Li said on Monday that the Oak Street bridge will open in May.",
    "Judge Helen Okafor dismissed the fraud case against Senator Mark Ellison on Friday.",
    "Attorney Dana Whitfield said the investors will file a civil lawsuit next week.",
]


def articles() -> list[Article]:
    return [
        Article(text=t, id=f"a{n}", source=f"feed.jsonl:{n}", published="2024-11-02")
        for n, t in enumerate(TEXTS, 1)
    ]


def stored_ids(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return sorted(row[0] for row in conn.execute("SELECT id FROM articles"))


def test_ingest_reports_an_article_the_store_refuses_and_stores_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = writer.Batch.add_rows

    def refuse_a2(self: writer.Batch, digest: Any, aid: str, links: Any) -> None:
        if digest.article.id == "a2":
            raise ValueError("cannot store this one")
        real(self, digest, aid, links)

    monkeypatch.setattr(writer.Batch, "add_rows", refuse_a2)
    errors: list[ItemError] = []
    db = tmp_path / "corpus.db"
    with Store.open(str(db)) as store:
        report = ingest(articles(), store, Settings(), on_error=errors.append)
    assert (report.added, report.failed) == (2, 1)
    (error,) = errors
    assert isinstance(error, ArticleError)
    assert (error.source, error.stage) == ("feed.jsonl:2", "store")
    assert error.problem == "ValueError: cannot store this one"
    assert stored_ids(db) == ["a1", "a3"]


def test_ingest_stops_when_the_store_itself_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(self: writer.Batch, digest: Any, aid: str, links: Any) -> None:
        raise StoreError("corpus.db: database or disk is full") from sqlite3.OperationalError(
            "database or disk is full"
        )

    monkeypatch.setattr(writer.Batch, "add_rows", disk_full)
    with Store.open(str(tmp_path / "corpus.db")) as store, pytest.raises(StoreError, match="full"):
        ingest(articles(), store, Settings())


def test_ingest_cli_goes_on_past_poisoned_lines(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": TEXTS[0], "url": "https://news.example/1"}),
        '{"text": "Mayor John Smith said \\ud800 the bridge will open.", "url": "https://x.example/2"}',
        "{not json",
        json.dumps({"text": "buffalo " * 30_000, "url": "https://news.example/3"}),
        json.dumps({"text": TEXTS[1], "url": "https://news.example/4"}),
    ]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "corpus.db"
    command = [sys.executable, "-m", "newsgraph", "ingest", str(feed), "--db", str(db)]
    result = subprocess.run(
        [*command, "--time-budget", "2", "--published", "2024-11-02"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stderr
    err = result.stderr
    assert f"{feed}:2: replaced 1 lone surrogate(s) with U+FFFD" in err
    assert f"{feed}:3: invalid JSON" in err
    assert f"{feed}:4: analysis failed: took longer than the 2 s time budget" in err
    assert "3 added, 0 updated, 0 already stored, 2 failed" in err
    with sqlite3.connect(db) as conn:
        texts = [row[0] for row in conn.execute("SELECT text FROM articles ORDER BY url")]
        digest = json.loads(
            conn.execute("SELECT digest FROM articles WHERE url LIKE '%x.example%'").fetchone()[0]
        )
    assert texts[0] == TEXTS[0] and len(texts) == 3
    assert digest["warnings"] == ["replaced 1 lone surrogate(s) with U+FFFD"]


def test_read_errors_are_items_not_exceptions(tmp_path: Path) -> None:
    from newsgraph.ingest import read_inputs

    (tmp_path / "bad.json").write_text("[1, 2]", encoding="utf-8")
    items = list(read_inputs([str(tmp_path / "bad.json")], Settings()))
    assert all(isinstance(item, InputError) for item in items) and len(items) == 2
