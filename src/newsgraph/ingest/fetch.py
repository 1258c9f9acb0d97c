"""Fetching article pages and feeds by URL, politely.

Only ``http`` and ``https``; a timeout on connecting and reading; at most
``Settings.max_bytes`` read; at most ``MAX_REDIRECTS`` redirects, each to http(s)
only; a user agent that names newsgraph; ``robots.txt`` respected (fetched once
per host; a missing one allows everything, an unreachable one allows nothing) with
its ``Crawl-delay``, else ``Settings.fetch_delay`` seconds between two requests to
the same host. Failures are InputErrors naming the URL.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field
from http.client import HTTPMessage
from typing import Any
from urllib.parse import urlsplit

from newsgraph.config import Settings
from newsgraph.errors import InputError

MAX_REDIRECTS = 5
USER_AGENT = "newsgraph/0.1 (news analysis; +https://pypi.org/project/newsgraph/)"


def is_url(raw: str) -> bool:
    return raw.startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class Page:
    """What a URL gave: the final URL (after redirects), its bytes and content type."""

    url: str
    data: bytes
    content_type: str
    charset: str | None


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not is_url(newurl):  # no redirect to file:, ftp: or data:
            raise urllib.error.HTTPError(newurl, code, f"redirect to {newurl} refused", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


@dataclass
class Fetcher:
    """One run's fetching: the robots.txt of each host and when it was last asked."""

    settings: Settings
    _robots: dict[str, urllib.robotparser.RobotFileParser | str] = field(default_factory=dict)
    _last: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._opener = urllib.request.build_opener(_Redirects())

    def get(self, url: str) -> Page:
        """The page at ``url``; InputError (naming the URL) if it cannot or may not be had."""
        if not is_url(url):
            raise InputError(url, "only http:// and https:// URLs are fetched")
        host = urlsplit(url).netloc
        robots = self._robots_of(url, host)
        if isinstance(robots, str):
            raise InputError(url, f"robots.txt of {host} could not be read ({robots}); not fetched")
        if not robots.can_fetch(USER_AGENT, url):
            raise InputError(url, f"robots.txt of {host} disallows it; not fetched")
        delay = robots.crawl_delay(USER_AGENT)
        self._wait(host, float(delay) if delay is not None else self.settings.fetch_delay)
        return self._download(url)

    def _wait(self, host: str, delay: float) -> None:
        last = self._last.get(host)
        if last is not None and (pause := last + delay - time.monotonic()) > 0:
            time.sleep(pause)
        self._last[host] = time.monotonic()

    def _robots_of(self, url: str, host: str) -> urllib.robotparser.RobotFileParser | str:
        """The host's robots.txt rules, or why there are none to be had (allowing nothing)."""
        if host in self._robots:
            return self._robots[host]
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{host}/robots.txt"
        parser = urllib.robotparser.RobotFileParser()
        rules: urllib.robotparser.RobotFileParser | str = parser
        try:
            page = self._download(robots_url)
            parser.parse(page.data.decode("utf-8", "replace").splitlines())
        except InputError as exc:
            if exc.problem.startswith("HTTP 4"):
                parser.parse([])  # no robots.txt: everything is allowed
            else:
                rules = exc.problem
        self._robots[host] = rules
        self._last[host] = time.monotonic()
        return rules

    def _download(self, url: str) -> Page:
        limit = self.settings.max_bytes
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        try:
            with self._opener.open(request, timeout=self.settings.fetch_timeout) as response:
                data = response.read(limit + 1)
                final = response.geturl()
                content_type = response.headers.get_content_type()
                charset = response.headers.get_content_charset()
        except urllib.error.HTTPError as exc:
            raise InputError(url, f"HTTP {exc.code} {exc.reason}") from exc
        except urllib.error.URLError as exc:
            raise InputError(url, f"cannot fetch: {exc.reason}") from exc
        except (OSError, ValueError) as exc:  # timeouts, resets, a malformed URL
            raise InputError(url, f"cannot fetch: {exc}") from exc
        if len(data) > limit:
            raise InputError(url, f"is over the {limit:,}-byte limit (set --max-bytes)")
        return Page(final, data, content_type, charset)
