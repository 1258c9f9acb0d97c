"""Readers: turn paths (files, directories, ``-``) into ``Article`` records.

``read_inputs`` yields, in input order, an ``Article`` for every input that
could be read and an ``ItemError`` for every one that could not (an ``InputError``
for a bad input, an ``ArticleError`` for a reader that broke on it), so that the
caller reports the bad ones and still processes the rest. Articles come repaired
and cut to ``Settings.max_chars`` (``records.repair``), with how the input was
decoded and repaired in their ``warnings``.
"""

from __future__ import annotations

import io
import json
import sys
import traceback
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, TextIO, cast

from newsgraph.config import Settings
from newsgraph.errors import ArticleError, InputError, ItemError
from newsgraph.ingest import files
from newsgraph.ingest.archive import (
    FEED_TYPES,
    HTML_TYPES,
    is_feed,
    page_article,
    read_feed,
    read_warc,
)
from newsgraph.ingest.dates import parse_published
from newsgraph.ingest.fetch import Fetcher, is_url
from newsgraph.ingest.html import read_html
from newsgraph.ingest.jsonio import read_json, read_jsonl
from newsgraph.ingest.text import Header, read_text, split_header
from newsgraph.records import Article
from newsgraph.records.repair import prepare_article

__all__ = ["STDIN", "Header", "parse_published", "read_inputs", "split_header"]

STDIN = "-"
STDIN_SOURCE = "<stdin>"

Item = Article | ItemError


def read_inputs(
    paths: Sequence[str],
    settings: Settings,
    *,
    published: str | None = None,
    stdin: TextIO | BinaryIO | None = None,
) -> Iterator[Article | ItemError]:
    """Articles from files, directories and ``-`` (standard input), in input order.

    A bad input (or a bad line of a .jsonl) is yielded as an ItemError and
    reading goes on. ``published`` fills ``Article.published`` where the input
    gives none; an invalid value raises ConfigError on the first iteration.
    ``stdin`` defaults to ``sys.stdin``.
    """
    default = parse_published(published) if published else None
    fetcher = Fetcher(settings)  # one per run: robots.txt and delays per host
    for raw in paths:
        if raw == STDIN:
            items = _guarded(_read_stdin(stdin, settings), STDIN_SOURCE)
        elif is_url(raw):
            items = _guarded(_read_url(raw, fetcher, settings), raw)
        else:
            items = _read_path(raw, settings)
        for item in items:
            if isinstance(item, Article):
                item = prepare_article(item, settings.max_chars)
                if default and item.published is None:
                    item = replace(item, published=default)
            yield item


def _read_path(raw: str, settings: Settings) -> Iterator[Item]:
    for entry in files.expand_path(raw):
        if isinstance(entry, InputError):
            yield entry
        else:
            source, path = entry
            yield from _guarded(_read_file(path, source, settings), source)


def _guarded(items: Iterator[Item], source: str) -> Iterator[Item]:
    # readers raise InputError for a whole input that is bad; here it becomes an item.
    # Anything else is a reader bug met on this input: it fails this input, not the run.
    try:
        yield from items
    except InputError as exc:
        yield exc
    except Exception as exc:
        problem = f"{type(exc).__name__}: {exc}"
        yield ArticleError(source, "read", problem, detail=traceback.format_exc())


def _read_file(path: Path, source: str, settings: Settings) -> Iterator[Item]:
    kind = files.kind_of(path.name) or path.suffix.lower()
    if kind in (".warc", ".warc.gz"):
        with files.open_regular(path, source) as stream:
            yield from read_warc(stream, source, settings)
        return
    if kind in (".rss", ".atom"):
        data = files.read_capped(path, source, settings.max_bytes)
        yield from read_feed(data, source, Fetcher(settings) if settings.fetch else None)
        return
    if kind == ".jsonl":
        try:
            with files.open_regular(path, source) as stream:
                files.check_not_binary(stream.peek(files.SNIFF_BYTES)[: files.SNIFF_BYTES], source)
                lines = files.text_lines(stream, source, settings.max_bytes)
                yield from read_jsonl(lines, source)
        except OSError as exc:
            raise InputError(source, files.os_problem(exc)) from exc
        return
    data = files.read_capped(path, source, settings.max_bytes)
    yield from _parse(files.decode(data, source, html=kind in _HTML), kind, source)


_HTML = (".html", ".htm")


def _parse(decoded: files.Decoded, kind: str, source: str) -> Iterator[Item]:
    if kind in _HTML:
        items: Iterator[Item] = iter([read_html(decoded.text, source)])
    elif kind == ".json":
        items = read_json(decoded.text, source)
    else:
        items = iter([read_text(decoded.text, source, markdown=kind == ".md")])
    for item in items:
        if decoded.notes and isinstance(item, Article):
            item = replace(item, warnings=(*item.warnings, *decoded.notes))
        yield item


def _read_url(url: str, fetcher: Fetcher, settings: Settings) -> Iterator[Item]:
    """An article page, or a feed (by its type or its root element) of them."""
    page = fetcher.get(url)
    if page.content_type in FEED_TYPES or (
        page.content_type not in HTML_TYPES and is_feed(page.data)
    ):
        yield from read_feed(page.data, url, fetcher if settings.fetch else None)
    elif page.content_type in HTML_TYPES or page.content_type.startswith("text/"):
        yield page_article(page, url)
    else:
        raise InputError(url, f"is {page.content_type}, not an HTML page or a feed")


def _read_stdin(stream: TextIO | BinaryIO | None, settings: Settings) -> Iterator[Item]:
    # JSON Lines when the first non-blank line is a JSON object, one JSON document when
    # it starts with "{" or "[" (pretty-printed), HTML with "<html", else plain text
    binary = _as_binary(sys.stdin if stream is None else stream)
    limit = settings.max_bytes
    # read up to the first non-blank line, to see what kind of input this is
    head: list[bytes] = []
    while (line := binary.readline(limit + 1)) and not line.strip():
        head.append(line)
    first = line.lstrip(b"\xef\xbb\xbf \t")
    head.append(line)
    if first.startswith(b"{") and _is_json(first):
        # JSON Lines: one article per line, however long the stream
        start = len(head)
        lines = files.text_lines(binary, STDIN_SOURCE, limit, first=start + 1)
        numbered = [(n, files.to_text(raw, f"{STDIN_SOURCE}:{n}")) for n, raw in enumerate(head, 1)]
        yield from read_jsonl([*numbered, *lines], STDIN_SOURCE)
        return
    data = b"".join(head)
    if len(data) <= limit:
        data += binary.read(limit + 1 - len(data))
    if len(data) > limit:
        raise InputError(STDIN_SOURCE, files.over_limit(limit))
    kind = ".txt"
    if first.startswith((b"{", b"[")):
        kind = ".json"  # a pretty-printed object or an array
    elif first[:14].lower().startswith((b"<!doctype html", b"<html")):
        kind = ".html"
    yield from _parse(files.decode(data, STDIN_SOURCE, html=kind in _HTML), kind, STDIN_SOURCE)


def _as_binary(stream: TextIO | BinaryIO) -> BinaryIO:
    buffer = getattr(stream, "buffer", None)
    if isinstance(buffer, io.BufferedIOBase):
        return cast(BinaryIO, buffer)  # sys.stdin's bytes, decoded by files.decode
    if isinstance(stream, io.TextIOBase):
        # an in-memory text stream, as in tests: already decoded, so re-encode it
        return io.BytesIO(stream.read().encode("utf-8", "surrogateescape"))
    return cast(BinaryIO, stream)


def _is_json(line: bytes) -> bool:
    try:
        json.loads(line)
    except ValueError:
        return False
    return True
