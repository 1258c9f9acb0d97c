"""The corpus commands as a user runs them: real processes on a real store."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.pipeline.write import store_digests
from newsgraph.store import Store
from tests.conftest import EXAMPLES
from tests.query.test_query import corpus


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsgraph", *args],
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("cli") / "corpus.db")
    with Store.open(path) as store:
        store_digests(store, corpus())
    return path


def test_cli_entity_table_and_json(db: str) -> None:
    table = run("entity", "Sen. Ellison", "--db", db)
    assert table.returncode == 0, table.stderr
    for expected in ("Mark Ellison", "Ohio state Senator", "Roles", "Related", "Timeline"):
        assert expected in table.stdout
    data = json.loads(run("entity", "Ellison", "--db", db, "--format", "json").stdout)
    assert set(data) >= {
        "entity",
        "names",
        "roles",
        "related",
        "quotes_by",
        "quotes_about",
        "timeline",
        "others",
    }
    assert data["entity"]["name"] == "Mark Ellison"
    assert [e["type"] for e in data["timeline"]] == ["charge", "dismissal"]


def test_cli_quotes_jsonl_has_documented_fields(db: str) -> None:
    result = run("quotes", "--by", "Whitfield", "--db", db, "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    assert [r["content"] for r in rows] == [
        "this is a gift to con artists.",
        "we will get the bank records.",
    ]
    assert set(rows[0]) == {
        "article_id", "quote_id", "content", "kind", "act", "speaker_id", "speaker",
        "speaker_text", "published", "title", "url", "context",
    }  # fmt: skip


def test_cli_entities_timeline_stories_export(db: str, tmp_path: Path) -> None:
    listed = run("entities", "--type", "PERSON", "--db", db, "--format", "jsonl")
    assert [json.loads(x)["name"] for x in listed.stdout.splitlines()] == [
        "Mark Ellison",
        "Dana Whitfield",
        "Paul Dorsey",
    ]
    timeline = run("timeline", "Mark Ellison", "--db", db)
    assert timeline.returncode == 0, timeline.stderr
    assert "2024-11-01" in timeline.stdout and "Case dismissed" in timeline.stdout
    stories = run("stories", "--db", db, "--format", "json")
    assert stories.returncode == 0, stories.stderr
    assert sum(s["size"] for s in json.loads(stories.stdout)) == 3
    out = tmp_path / "export"
    exported = run("export", "--format", "jsonl", "--out", str(out), "--db", db)
    assert exported.returncode == 0, exported.stderr
    assert (out / "quotes.jsonl").read_text().count("\n") == 4


def test_cli_errors_are_one_line_with_exit_codes(db: str, tmp_path: Path) -> None:
    missing = run("entity", "Nobody", "--db", db)
    assert missing.returncode == 1
    assert missing.stderr.startswith("newsgraph: error: no entity named 'Nobody'")
    nostore = run("entities", "--db", str(tmp_path / "none.db"))
    assert nostore.returncode == 4
    assert "run `newsgraph ingest" in nostore.stderr
    bad = run("ingest", str(EXAMPLES), "--db", "mysql://x@y/z")
    assert bad.returncode == 4
    assert "unsupported database URL" in bad.stderr
    assert "Traceback" not in bad.stderr + missing.stderr + nostore.stderr


@pytest.mark.model
def test_cli_ingest_reports_bad_inputs_and_stores_the_rest(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "ok.txt").write_text("Mayor Ann Li of Dayton resigned on Monday.\n")
    store = str(tmp_path / "corpus.db")
    result = run("ingest", str(tmp_path / "empty.txt"), str(tmp_path / "ok.txt"), "--db", store)
    assert result.returncode == 1
    assert "empty.txt" in result.stderr
    assert "1 added, 0 updated, 0 already stored, 1 failed" in result.stderr
    with Store.open(store) as opened:
        assert opened.conn.query("SELECT COUNT(*) FROM articles") == [(1,)]
