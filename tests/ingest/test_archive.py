"""WARC files, RSS/Atom feeds and article URLs, against files and a local HTTP server.

No test uses the internet: the server binds 127.0.0.1 on a free port.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.config import Settings
from newsgraph.errors import InputError
from newsgraph.ingest import read_inputs
from newsgraph.records import Article

BODY = (
    "Judge Helen Okafor dismissed the fraud case against Senator Mark Ellison on Friday, "
    "ruling that prosecutors had waited too long to bring the charges. Investors who lost "
    "money plan a civil lawsuit, their attorney Dana Whitfield told reporters in Columbus."
)


def page(title: str, body: str = BODY, date: str | None = None) -> bytes:
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    return (
        f"<html><head><title>{title}</title>{meta}</head><body><article><h1>{title}</h1>"
        f"<p>{body}</p><p>{body}</p></article></body></html>"
    ).encode()


def read(paths: list[str], **options: object) -> list[Article | InputError]:
    settings = Settings(fetch_delay=0.0, fetch_timeout=5.0, **options)  # type: ignore[arg-type]
    return list(read_inputs(paths, settings))  # type: ignore[arg-type]


def write_warc(path: Path) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "test"}))

        def response(uri: str, content_type: str, payload: bytes, date: str) -> None:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                uri,
                "response",
                payload=io.BytesIO(payload),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": date},
            )
            writer.write_record(record)

        response(
            "https://news.example/case",
            "text/html; charset=utf-8",
            page("Case dismissed"),
            "2024-11-02T10:00:00Z",
        )
        response(
            "https://news.example/logo.png",
            "image/png",
            b"\x89PNG\r\n\x1a\n",
            "2024-11-02T10:00:01Z",
        )
        response(
            "https://news.example/empty",
            "text/html",
            b"<html><body><nav>Home</nav></body></html>",
            "2024-11-02T10:00:02Z",
        )
        dated = page("Lawsuit planned", date="2024-10-30")
        response("https://news.example/suit", "text/html", dated, "2024-11-03T09:00:00Z")


def test_warc_html_responses_become_articles_with_url_and_crawl_date(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    case, empty, suit = read([str(path)])
    assert isinstance(case, Article) and isinstance(suit, Article)
    assert (case.url, case.published, case.title) == (
        "https://news.example/case",
        "2024-11-02",
        "Case dismissed",
    )
    assert "Helen Okafor dismissed" in case.text
    assert case.source == f"{path}#2"
    assert suit.published == "2024-10-30"  # the page's own date beats the crawl's
    assert isinstance(empty, InputError) and empty.source == f"{path}#4"
    assert "no article text" in empty.problem


def test_a_broken_warc_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc.gz"
    path.write_bytes(b"WARC/1.0\r\nnot really\r\n" * 20)
    (error,) = read([str(path)])
    assert isinstance(error, InputError) and "not a readable WARC file" in error.problem


FEED = """<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>News</title>
<item><title>Case dismissed</title><link>{base}/case.html</link>
  <pubDate>Sat, 02 Nov 2024 10:00:00 GMT</pubDate></item>
<item><title>Secret</title><link>{base}/private/secret.html</link></item>
<item><title>Gone</title><link>{base}/gone.html</link>
  <content:encoded><![CDATA[<p>{body}</p><p>{body}</p>]]></content:encoded></item>
</channel></rss>"""


class _Site(BaseHTTPRequestHandler):
    base = ""

    def do_GET(self) -> None:
        routes: dict[str, tuple[int, str, bytes, dict[str, str]]] = {
            "/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow: /private/\n", {}),
            "/case.html": (200, "text/html", page("Case dismissed"), {}),
            "/private/secret.html": (200, "text/html", page("Secret"), {}),
            "/feed": (
                200,
                "application/rss+xml",
                FEED.format(base=self.base, body=BODY).encode(),
                {},
            ),
            "/moved": (301, "text/plain", b"", {"Location": "/case.html"}),
            "/loop": (302, "text/plain", b"", {"Location": "/loop"}),
            "/to-file": (302, "text/plain", b"", {"Location": "file:///etc/passwd"}),
            "/big": (200, "text/html", b"<html>" + b"x" * 5000 + b"</html>", {}),
        }
        status, kind, data, headers = routes.get(self.path, (404, "text/plain", b"no", {}))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:  # quiet
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    _Site.base = base
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def test_an_article_url_is_fetched_and_read(site: str) -> None:
    (article,) = read([f"{site}/moved"])
    assert isinstance(article, Article)
    assert article.url == f"{site}/case.html"  # where the redirect led
    assert "Helen Okafor dismissed" in article.text


def test_a_feed_url_gives_its_linked_pages_robots_txt_respected(site: str) -> None:
    case, secret, gone = read([f"{site}/feed"])
    assert isinstance(case, Article) and case.title == "Case dismissed"
    assert case.published == "2024-11-02"  # from the feed when the page has none
    assert case.source == f"{site}/feed#1"
    assert isinstance(secret, InputError) and "robots.txt of" in secret.problem
    assert "disallows it" in secret.problem
    # the linked page is gone: the entry's own full text, told
    assert isinstance(gone, Article) and "Helen Okafor dismissed" in gone.text
    assert gone.warnings == (
        "the linked page was not used (HTTP 404 Not Found); analysed the feed's own text",
    )


def test_a_feed_file_is_read_too(site: str, tmp_path: Path) -> None:
    path = tmp_path / "news.rss"
    path.write_text(FEED.format(base=site, body=BODY), encoding="utf-8")
    items = read([str(path)], fetch=False)
    assert [type(item).__name__ for item in items] == ["InputError", "InputError", "Article"]
    assert "not fetched (--no-fetch)" in items[0].problem  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("path", "says"),
    [
        ("/loop", "HTTP 302"),
        ("/to-file", "is not allowed"),
        ("/big", "over the 1,000-byte limit"),
        ("/nothing-here", "HTTP 404"),
    ],
)
def test_url_failures_name_the_url(site: str, path: str, says: str) -> None:
    (error,) = read([f"{site}{path}"], max_bytes=1000)
    assert isinstance(error, InputError)
    assert error.source == f"{site}{path}"
    assert says in error.problem


def test_a_closed_port_is_an_input_error_not_a_hang() -> None:
    (error,) = read(["http://127.0.0.1:9/article.html"])
    assert isinstance(error, InputError)
    assert "could not be read (cannot fetch: [Errno 111] Connection refused)" in error.problem
