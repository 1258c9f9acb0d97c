"""HTML pages: the main text and metadata, extracted with trafilatura."""

from __future__ import annotations

import json

import trafilatura
from trafilatura.settings import set_date_params

from newsgraph.errors import InputError
from newsgraph.ingest.dates import iso_date
from newsgraph.records import Article, article_id

_MIN_WORDS = 5


def read_html(html: str, source: str) -> Article:
    """An Article from an HTML page; InputError when the page has no article text.

    ``text`` is trafilatura's extracted text, which usually starts with the
    headline: ``body_start`` then points past it. ``published`` is the page's own
    date (metadata, ``<time>``, URL); dates mentioned in the body are not guessed.
    """
    try:
        extracted = trafilatura.extract(
            html,
            output_format="json",
            with_metadata=True,
            include_comments=False,
            # without it, a page of navigation links comes out as "Home\nWorld\nSports"
            favor_precision=True,
            date_extraction_params=set_date_params(extensive=False),
        )
    except Exception as exc:  # a parser failure on one page must not stop the others
        problem = f"could not parse the HTML ({type(exc).__name__}: {exc})"
        raise InputError(source, problem) from exc
    meta = json.loads(extracted) if extracted else {}
    text = meta.get("text") or ""
    words = len(text.split())
    if words < _MIN_WORDS:
        # "<nav>Home</nav>" extracts as "Home": a page, not an article
        detail = f" (only {words} word{'s' if words != 1 else ''})" if words else ""
        raise InputError(source, f"no article text found in the HTML{detail}")
    title = (meta.get("title") or "").strip() or None
    url = meta.get("source") or None  # trafilatura's name for the canonical URL
    if url and not url.startswith(("http://", "https://")):
        url = None
    return Article(
        text=text,
        id=article_id(text, url),
        title=title,
        published=iso_date(meta["date"]) if meta.get("date") else None,
        url=url,
        source=source,
        body_start=_after_title(text, title),
    )


def _after_title(text: str, title: str | None) -> int:
    first, newline, _ = text.partition("\n")
    if title and newline and " ".join(first.split()) == " ".join(title.split()):
        return len(first) + 1
    return 0
