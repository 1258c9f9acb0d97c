"""The ``newsgraph digest`` command as a user runs it: real process, real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

pytestmark = pytest.mark.model


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsgraph", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_digest_jsonl_one_line_per_article_in_input_order() -> None:
    result = run("digest", str(EXAMPLES), "--format", "jsonl", "--published", "2024-11-02")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert [Path(x["article"]["source"]).name for x in lines] == [
        "city-council.html",
        "ellison-case.txt",
        "stunt-accident.json",
    ]
    for digest in lines:
        assert digest["schema"] == "newsgraph.digest/1"
        assert {"entities", "relations", "quotes", "times", "events", "summary"} <= set(digest)
    # JSON input carries its own date; --published fills only those without one
    assert [x["article"]["published"] for x in lines][1:] == ["2024-11-02", "2025-03-14"]


def test_digest_json_single_article_is_an_object() -> None:
    result = run("digest", str(EXAMPLES / "ellison-case.txt"), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["article"]["title"].startswith("Fraud case against Ohio senator")


def test_digest_pretty_shows_people_roles_and_relations() -> None:
    result = run("digest", str(EXAMPLES / "ellison-case.txt"), "--format", "pretty")
    assert result.returncode == 0, result.stderr
    for expected in (
        "People",
        "Mark Ellison",
        "spokeswoman",
        "Relations",
        "family (sister)",
        "Summary",
    ):
        assert expected in result.stdout


def test_digest_stdin_text() -> None:
    result = run(
        "digest",
        "-",
        "--format",
        "jsonl",
        stdin="Attorney Dana Whitfield filed the suit in Akron on Monday.\n",
    )
    assert result.returncode == 0, result.stderr
    [digest] = [json.loads(x) for x in result.stdout.splitlines()]
    assert digest["entities"][0]["name"] == "Dana Whitfield"
    assert digest["entities"][0]["roles"] == ["attorney"]


def test_digest_bad_inputs_reported_and_others_still_digested(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "latin.txt").write_bytes(
        "Caf\xe9 owner Ana Ruiz sued the city.".encode("latin-1") + b"\xff\xfe\x81"
    )
    (tmp_path / "lines.jsonl").write_text('{"text": "Mayor Ann Li resigned."}\n{oops\n')
    (tmp_path / "nothing.html").write_text("<html><body><nav>Home</nav></body></html>")
    (tmp_path / "blank.html").write_text("<html><body></body></html>")  # trafilatura logs
    (tmp_path / "good.txt").write_text("Judge Helen Okafor dismissed the case in Columbus.\n")
    result = run("digest", str(tmp_path), str(tmp_path / "missing.txt"), "--format", "jsonl")
    assert result.returncode == 1
    sources = [Path(json.loads(x)["article"]["source"]).name for x in result.stdout.splitlines()]
    assert sources == ["good.txt", "latin.txt", "lines.jsonl:1"]
    err = result.stderr
    assert "empty.txt: empty input" in err
    assert "binary.txt: looks like a binary file" in err
    assert "lines.jsonl:2: invalid JSON" in err
    assert "nothing.html: no article text found" in err
    assert "blank.html: no article text found" in err
    assert "discarding data" not in err  # trafilatura's own log line is our debug detail
    assert "missing.txt" in err
    assert "latin.txt" in err  # the decoding warning names the file
    assert "6 input(s) failed, 3 digested" in err


def test_digest_too_large_input_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("The council met. " * 200)
    result = run("digest", str(big), "--max-bytes", "1000", "--format", "jsonl")
    assert result.returncode == 1
    assert "big.txt" in result.stderr and "over the" in result.stderr
    assert result.stdout == ""


def test_digest_bad_published_date_is_a_usage_error() -> None:
    result = run("digest", str(EXAMPLES / "ellison-case.txt"), "--published", "last week")
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr
