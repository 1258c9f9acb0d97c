"""Failures the robustness work found, each as a test of what should happen instead.

Found by bench/fuzz.py and the writer's property tests (dates), and by the
concurrency tests (PostgreSQL; that one lives in test_concurrent.py). Those still
open are strict xfails: a fix makes them pass, and then the marker must go.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.analysis import digest
from newsgraph.config import Settings
from newsgraph.ingest import read_inputs
from newsgraph.pipeline.build import ingest
from newsgraph.pipeline.write import store_digests
from newsgraph.store import Store
from tests.robustness.harness import Schema
from tests.store.fixtures import make_digest, person, pg_url_or_skip

CALENDAR_ENDS = ("0001-01-01", "9999-12-31")


@pytest.mark.parametrize("published", CALENDAR_ENDS)
def test_store_digest_dated_at_an_end_of_the_calendar(tmp_path: Path, published: str) -> None:
    # the story window (the date +/- 3 days) overflowed: `newsgraph ingest` of such a
    # 'published' ended with OverflowError and stored nothing of its batch
    d = make_digest("Reporter Ann Lee wrote the story.", [person("Ann Lee")], published=published)
    with Store.open(str(tmp_path / "corpus.db")) as store:
        assert len(store_digests(store, [d]).added) == 1


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("The vote was yesterday, the mayor said.", "0001-01-01"),
        ("The vote was last week, the mayor said.", "0001-01-01"),
        ("The vote is next weekend, the mayor said.", "9999-12-31"),
        ("We met on Christmas Day, the mayor said.", "9999-06-01"),
        ("We met on Christmas Day, the mayor said.", "0001-06-01"),
    ],
)
def test_digest_dated_at_an_end_of_the_calendar(text: str, published: str) -> None:
    # relative dates that would leave the calendar raised OverflowError or ValueError
    # ('year 10000 is out of range'); now their creation-time parts stay unknown
    d = digest(text, published=published)
    assert d.times
    for t in d.times:
        assert 0 <= t.span[0] <= t.span[1] <= len(d.article.text)


@pytest.mark.model
def test_nul_in_a_json_text_does_not_stop_a_postgresql_ingest(tmp_path: Path) -> None:
    # PostgreSQL refuses NUL in text: the StoreError took the articles around it along
    import uuid

    source = tmp_path / "three.jsonl"
    texts = [
        "Mayor Dana Whitfield said the bridge will open in June.",
        "Mayor John Smith said\x00 the bridge will open.",
        "Judge Paul Dorsey set the trial date for March, lawyers said.",
    ]
    source.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    schema = Schema(pg_url_or_skip(), "n_" + uuid.uuid4().hex[:12]).create()
    try:
        with Store.open(schema.url) as store:
            report = ingest(read_inputs([str(source)], Settings()), store, Settings())
            stored = {r[0] for r in store.conn.query("SELECT text FROM articles")}
        assert {texts[0], texts[2]} <= stored
        assert report.stored + report.failed == 3
    finally:
        schema.drop()


def warc_record(uri: str | None, html: bytes, charset: str = "utf-8") -> bytes:
    http = f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset={charset}\r\n\r\n"
    http = http.encode("latin-1") + html
    target = f"WARC-Target-URI: {uri}\r\n" if uri else ""
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\n{target}WARC-Date: 2024-11-02T08:00:00Z\r\n"
        "WARC-Record-ID: <urn:uuid:6f2c1d5e-0000-4000-8000-000000000001>\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n"
    )
    return head.encode("ascii") + b"\r\n" + http + b"\r\n\r\n"


def test_warc_record_without_target_uri_is_an_input_error(tmp_path: Path) -> None:
    page = b"<html><body><article><p>" + b"The mayor said the bridge will open. " * 12
    page += b"</p></article></body></html>"
    path = tmp_path / "crawl.warc"
    path.write_bytes(warc_record("https://news.example/1", page) + warc_record(None, page))
    items = list(read_inputs([str(path)], Settings(fetch=False)))
    assert [type(item).__name__ for item in items] == ["Article", "InputError"], items
    assert items[1].source == f"{path}#2"  # type: ignore[union-attr]


@pytest.mark.parametrize("encoding", [b"utf\x00-8", b"\x91utf-8"], ids=["nul", "not-utf8"])
def test_feed_with_a_broken_encoding_declaration_is_an_input_error(
    tmp_path: Path, encoding: bytes
) -> None:
    path = tmp_path / "news.rss"
    path.write_bytes(
        b"<?xml version='1.0' encoding='" + encoding + b"'?><rss version='2.0'><channel>"
        b"<title>News</title><item><title>A</title><link>https://news.example/1</link>"
        b"</item></channel></rss>"
    )
    items = list(read_inputs([str(path)], Settings(fetch=False)))
    assert [type(item).__name__ for item in items] == ["InputError"], items


def test_warc_with_a_wrong_content_length_says_so_through_logging(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = b"<html><body><article><p>" + b"The mayor said the bridge will open. " * 12
    page += b"</p></article></body></html>"
    first = warc_record("https://news.example/1", page)
    length = len(first.split(b"\r\n\r\n", 1)[1]) - 4  # the payload without the two CRLFs
    first = first.replace(
        f"Content-Length: {length}".encode(), f"Content-Length: {length - 9}".encode()
    )
    path = tmp_path / "crawl.warc"
    path.write_bytes(first + warc_record("https://news.example/2", page))
    list(read_inputs([str(path)], Settings(fetch=False)))
    assert capsys.readouterr().err == ""


def test_charset_label_with_a_nul_is_ignored(tmp_path: Path) -> None:
    page = b"<html><body><article><p>" + b"The caf\xe9 said the bridge will open. " * 12
    page += b"</p></article></body></html>"
    path = tmp_path / "crawl.warc"
    path.write_bytes(
        warc_record("https://news.example/1", page, charset="utf\x00-8")
        + warc_record("https://news.example/2", page)
    )
    items = list(read_inputs([str(path)], Settings(fetch=False)))
    assert [type(item).__name__ for item in items] == ["Article", "Article"], items


@pytest.mark.parametrize("suffix", [".rss", ".atom"])
def test_empty_feed_is_an_input_error(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"news{suffix}"
    path.write_bytes(b"")
    items = list(read_inputs([str(path)], Settings(fetch=False)))
    assert [type(item).__name__ for item in items] == ["InputError"], items
