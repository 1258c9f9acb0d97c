"""Property tests: any bytes, under any supported extension, give articles or clear errors.

A reader never raises; a bad input is an ``InputError`` naming it; a reader bug
would show up as an ``ArticleError`` of stage ``read``, which these tests reject. An
article's text is non-empty, holds no lone surrogate or control character, and its
``body_start`` lies inside it.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.config import Settings
from newsgraph.errors import ArticleError, InputError
from newsgraph.ingest import read_inputs
from newsgraph.records import Article

EXTENSIONS = (".txt", ".md", ".html", ".json", ".jsonl")
_BAD = re.compile("[\ud800-\udfff\x00-\x08\x0e-\x1f\x7f]")

# bytes that look like our inputs often enough to get past the first checks
SEEDS = (
    b"Council approves budget\n\nThe council voted 6-3 on Tuesday.\n",
    b'{"title": "Bridge", "text": "Mayor Ann Li said the bridge will open."}\n',
    b"<html><head><title>T</title></head><body><article><p>Judge Helen Okafor ruled.</p>",
)


def fragments() -> st.SearchStrategy[bytes]:
    text = st.text(min_size=0, max_size=80).map(lambda s: s.encode("utf-8", "surrogatepass"))
    return st.one_of(st.sampled_from(SEEDS), st.binary(max_size=120), text)


inputs = st.lists(fragments(), min_size=1, max_size=5).map(b"".join)
# letters, spaces, controls and lone surrogates (which json.dumps writes as \ud800 escapes)
json_texts = st.text(st.characters(categories=["L", "Zs", "Cc", "Cs", "P"]), max_size=200).map(
    lambda s: json.dumps({"title": s[:20], "text": "Mayor Ann Li said " + s}).encode()
)


def check(items: list[Article | object], source: str) -> None:
    assert items, "a reader yields at least one item per input"
    for item in items:
        assert not isinstance(item, ArticleError), item.detail
        if isinstance(item, InputError):
            assert item.source.startswith(source), item
            assert item.problem
            continue
        assert isinstance(item, Article)
        assert item.text.strip()
        assert not _BAD.search(item.text)
        assert 0 <= item.body_start <= len(item.text)
        assert item.id


def read_bytes(data: bytes, extension: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "input" + extension)
        path.write_bytes(data)
        check(list(read_inputs([str(path)], Settings(max_bytes=10_000))), str(path))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=inputs, extension=st.sampled_from(EXTENSIONS))
def test_any_bytes_become_articles_or_input_errors(data: bytes, extension: str) -> None:
    read_bytes(data, extension)


@settings(max_examples=40, deadline=None)
@given(data=st.lists(json_texts, min_size=1, max_size=4).map(b"\n".join))
def test_any_json_strings_become_articles_or_input_errors(data: bytes) -> None:
    read_bytes(data, ".jsonl")
