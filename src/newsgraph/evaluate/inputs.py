"""Gold articles as a user's file holds them, read by the product's own readers.

Every evaluation builds its inputs here: the JSON object a scraper or an export
writes (or the text of a ``.txt`` file) goes through ``newsgraph.ingest`` as a user's
file does, so an evaluation scores what ``newsgraph digest`` gives on that file and
cannot differ from the product (a headline the reader places before the body is
analysed in the evaluation too).

Gold offsets are into the data set's own text; ``Input.offset`` says where that text
starts in the analysed ``article.text`` (after the headline and dek the reader put in
front of it), and ``Input.gold_span`` moves a gold span there.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from newsgraph.errors import InputError
from newsgraph.ingest.jsonio import read_json
from newsgraph.ingest.text import read_text
from newsgraph.records import Article

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Input:
    """One gold document as read: the ``article`` and the ``offset`` of the given text in it."""

    article: Article
    offset: int = 0

    def gold_span(self, span: Span | list[int]) -> Span:
        """A span of the data set's text, as offsets into ``article.text``."""
        return (span[0] + self.offset, span[1] + self.offset)

    def in_given_text(self, span: Span) -> bool:
        """Whether an analysed span lies in the given text (not in a headline put before it)."""
        return span[0] >= self.offset


def read_object(obj: dict[str, Any], source: str, *, body_key: str = "text") -> Input:
    """The article a JSON file holding ``obj`` gives, read by ``ingest.jsonio``.

    ``obj`` is serialised and read back as ``newsgraph digest`` reads a ``.json`` file.
    ``body_key`` names the key that holds the body ("maintext" in news-please's shape).
    """
    body = obj.get(body_key)
    if not isinstance(body, str):
        raise InputError(source, f"key {body_key!r} must hold the article's text")
    [item] = list(read_json(json.dumps(obj, ensure_ascii=False), source))
    if isinstance(item, InputError):
        raise item
    article = item
    # the reader places the headline and dek before the body and keeps the body as given
    offset = len(article.text) - len(body)
    if offset < 0 or article.text[offset:] != body:
        raise InputError(source, "the JSON reader changed the body; gold offsets cannot be mapped")
    return Input(article, offset)


def read_plain(text: str, source: str) -> Input:
    """The article a ``.txt`` file holding ``text`` gives (header convention included)."""
    return Input(read_text(text, source))


def news_please(record: dict[str, Any], body_key: str = "text") -> dict[str, Any]:
    """The object news-please writes for a record that has ``title``, ``description``,
    the body under ``body_key``, ``date_publish`` and ``url``.

    A missing date is null in news-please's output (Giveme5W1H stores the string "None").
    """
    date = record.get("date_publish")
    return {
        "title": record.get("title"),
        "description": record.get("description"),
        "maintext": record[body_key],
        "date_publish": None if date in (None, "None") else str(date),
        "url": record.get("url"),
    }


def article_object(
    text: str, *, title: object = None, published: object = None, **extra: object
) -> dict[str, Any]:
    """An article object in newsgraph's own keys; absent values are left out.

    ``published`` is written as the data set gives it ("1998-01-08").
    """
    obj: dict[str, Any] = {"text": text}
    if title:
        obj["title"] = str(title)
    if published:
        obj["published"] = str(published)
    obj.update({key: value for key, value in extra.items() if value})
    return obj
