"""Inputs at archive scale: WARC files (web crawls) and RSS/Atom feeds.

A WARC (``.warc``, ``.warc.gz``) is read as a stream, record by record: every
HTML ``response`` record becomes an article (its URL is the record's target URI;
the crawl date is its ``published`` when the page gives none); other records
(requests, metadata, images, scripts) are skipped. A record's source is
``FILE#N``, N counting the records from 1.

A feed (``.rss``, ``.atom``, or a URL serving one) gives one article per entry:
the page the entry links to, fetched politely (``ingest.fetch``); when it cannot
be fetched, the entry's own full text (``content:encoded``) if it has one, with a
warning. An entry's source is ``FEED#N``.
"""

from __future__ import annotations

import calendar
import html
import logging
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timezone
from typing import Any, BinaryIO

from newsgraph.config import Settings
from newsgraph.errors import InputError, ItemError
from newsgraph.ingest import files
from newsgraph.ingest.dates import iso_date
from newsgraph.ingest.fetch import Fetcher, Page
from newsgraph.ingest.html import read_html
from newsgraph.records import Article

HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
_MIN_ENTRY_WORDS = 50  # an entry's own text below this is a teaser, not the article
_log = logging.getLogger(__name__)


class _LoggedNotice:
    """Stands in for warcio's ``INC_RECORD`` template, which warcio formats and writes
    straight to stderr when a record is not followed by a blank line (its
    Content-Length is wrong): the notice goes to our logging instead, naming the file,
    and warcio writes an empty string.

    >>> _LoggedNotice("crawl.warc").format(120, b"HTTP/1.1 200")
    ''
    """

    def __init__(self, source: str) -> None:
        self.source = source

    def format(self, offset: int, line: bytes) -> str:
        _log.warning(
            "%s: a WARC record is not followed by a blank line at offset %s (its "
            "Content-Length is probably wrong); reading on from %r",
            self.source,
            offset,
            line[:60],
        )
        return ""


def read_warc(stream: BinaryIO, source: str, settings: Settings) -> Iterator[Article | ItemError]:
    """The articles of a WARC stream, in record order; a bad record is an InputError."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = valid = 0
    records = ArchiveIterator(stream)
    records.INC_RECORD = _LoggedNotice(source)
    try:
        for number, record in enumerate(records, 1):
            if record.format != "warc" or not record.rec_headers.get_header("WARC-Type"):
                continue  # warcio reads anything as some record; these are no WARC records
            valid += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = record.http_headers.get_header("Content-Type") or ""
            if content_type.split(";")[0].strip().lower() not in HTML_TYPES:
                continue
            where = f"{source}#{number}"
            uri = record.rec_headers.get_header("WARC-Target-URI")
            data = record.content_stream().read(settings.max_bytes + 1)
            if len(data) > settings.max_bytes:
                yield InputError(where, f"record ({uri}) {files.over_limit(settings.max_bytes)}")
                continue
            crawled = record.rec_headers.get_header("WARC-Date")
            yield page_article(
                Page(uri or "", data, "text/html", _charset(content_type)), where, crawled
            )
    except ArchiveLoadFailed as exc:
        after = f" after record {number}" if number else ""
        raise InputError(source, f"not a readable WARC file{after}: {exc}") from exc
    except (AttributeError, TypeError, ValueError) as exc:
        # warcio breaks on some malformed records (no WARC-Target-URI: AttributeError);
        # its stream cannot go on past them
        where = f"{source}#{number + 1}"
        problem = f"a malformed WARC record ({type(exc).__name__}: {exc}); the rest is not read"
        raise InputError(where, problem) from exc
    if not valid:
        raise InputError(source, "not a readable WARC file: it holds no WARC record")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def page_article(page: Page, source: str, crawled: str | None = None) -> Article | ItemError:
    """An article from an HTML page's bytes: decoded (HTTP charset, else the page's), read."""
    try:
        decoded = files.decode(page.data, source, html=True, declared=page.charset)
        article = read_html(decoded.text, source)
    except InputError as exc:
        return exc
    if page.url and article.url is None:
        article = replace(article, url=page.url)
    if crawled and article.published is None:
        # the day it was crawled: the time of day is the crawler's, not the article's
        article = replace(article, published=iso_date(crawled[:10]))
    if decoded.notes:
        article = replace(article, warnings=(*article.warnings, *decoded.notes))
    return article


def is_feed(data: bytes) -> bool:
    """Whether bytes look like an RSS, RDF or Atom document (its root element)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml"):
        head = head[head.find(b"?>") + 2 :].lstrip()
    while head.startswith(b"<!--"):
        head = head[head.find(b"-->") + 3 :].lstrip()
    return head.startswith((b"<rss", b"<feed", b"<rdf:rdf"))


def read_feed(data: bytes, source: str, fetcher: Fetcher | None) -> Iterator[Article | ItemError]:
    """One article per feed entry (see the module); InputError if it is no feed at all."""
    import feedparser

    if not data.strip():
        raise InputError(source, "empty input")
    try:
        parsed = feedparser.parse(data)
    except (ValueError, LookupError, UnicodeError) as exc:
        # feedparser lets these through for an XML declaration naming an encoding that
        # holds a NUL or bytes that are not text
        raise InputError(source, f"not a readable RSS or Atom feed: {exc}") from exc
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        why = getattr(parsed, "bozo_exception", None) or "no entries"
        raise InputError(source, f"not a readable RSS or Atom feed: {why}")
    for number, entry in enumerate(parsed.entries, 1):
        yield _entry_article(entry, f"{source}#{number}", fetcher)


def _entry_article(entry: Any, where: str, fetcher: Fetcher | None) -> Article | ItemError:
    link = entry.get("link")
    published = _entry_date(entry)
    problem = "the entry has no link"
    if link and fetcher is not None:
        try:
            item = page_article(fetcher.get(link), where)
        except InputError as exc:
            item = exc
        if isinstance(item, Article):
            return replace(item, published=item.published or published)
        problem = item.problem
    elif link:
        problem = "linked pages are not fetched (--no-fetch)"
    own = _entry_text(entry)
    if own is None:
        return InputError(where, f"{link or 'entry'}: {problem}; the entry has no full text")
    article = page_article(Page(link or "", own.encode("utf-8"), "text/html", "utf-8"), where)
    if isinstance(article, Article):
        note = f"the linked page was not used ({problem}); analysed the feed's own text"
        title = article.title or entry.get("title")
        return replace(
            article,
            title=title,
            published=article.published or published,
            warnings=(*article.warnings, note),
        )
    return article


def _entry_text(entry: Any) -> str | None:
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        if len(value.split()) >= _MIN_ENTRY_WORDS:
            title = html.escape(entry.get("title") or "")
            head = f"<html><head><title>{title}</title></head>"
            return f"{head}<body><article><h1>{title}</h1>{value}</article></body></html>"
    return None


def _entry_date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    when = datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc)
    return when.date().isoformat()
