"""JSON articles: one object or a list of them (.json), one object per line (.jsonl).

Keys: ``text`` (required), ``id``, ``title``, ``dek``, ``published``, ``url``,
``source``; other keys are ignored. ``text`` is used unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from newsgraph.errors import InputError
from newsgraph.ingest.dates import iso_date
from newsgraph.records import Article, article_id

_OPTIONAL_STRINGS = ("title", "dek", "url", "source")


def read_json(text: str, source: str) -> Iterator[Article | InputError]:
    """The articles of a JSON document; a bad item is an InputError, a bad document raises one."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        hint = " (one object per line? name the file .jsonl)" if exc.msg == "Extra data" else ""
        problem = f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}{hint}"
        raise InputError(source, problem) from exc
    if isinstance(data, dict):
        yield article_from_object(data, source)
    elif isinstance(data, list) and data:
        for number, item in enumerate(data, 1):
            try:
                yield article_from_object(item, source)
            except InputError as exc:
                yield InputError(source, f"item {number}: {exc.problem}")
    else:
        what = "an empty array" if data == [] else _kind(data)
        raise InputError(source, f"expected an article object or an array of them, not {what}")


def read_jsonl(
    lines: Iterable[tuple[int, str | InputError]], source: str
) -> Iterator[Article | InputError]:
    """The articles of a JSON Lines stream, given as ``(line number, line)``; blank lines skipped.

    Each article's source, and each bad line's, is ``source:LINE``.
    """
    seen = False
    for lineno, line in lines:
        if isinstance(line, InputError):
            seen = True
            yield line
            continue
        if not line.strip():
            continue
        seen = True
        where = f"{source}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"invalid JSON: {exc.msg} at column {exc.colno}")
            continue
        try:
            yield article_from_object(obj, where)
        except InputError as exc:
            yield InputError(where, exc.problem)
    if not seen:
        yield InputError(source, "empty input")


def article_from_object(obj: object, source: str) -> Article:
    """An Article from one decoded JSON value; InputError naming the key that is wrong.

    ``source`` is used unless the object has its own ``source``. Without an ``id``,
    the id is the hash of the url, else of the text.
    """
    if not isinstance(obj, dict):
        raise InputError(source, f"expected an article object, not {_kind(obj)}")
    if "text" not in obj:
        raise InputError(source, "missing key 'text'")
    text = obj["text"]
    if not isinstance(text, str):
        raise InputError(source, f"key 'text' must be a string, not {_kind(text)}")
    if not text.strip():
        raise InputError(source, "key 'text' is empty")
    fields = {key: _optional_string(obj, key, source) for key in _OPTIONAL_STRINGS}
    return Article(
        text=text,
        id=_id(obj, source) or article_id(text, fields["url"]),
        title=fields["title"],
        dek=fields["dek"],
        published=_published(obj, source),
        url=fields["url"],
        source=fields["source"] or source,
    )


def _optional_string(obj: dict[str, object], key: str, source: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(source, f"key {key!r} must be a string, not {_kind(value)}")
    return value.strip() or None


def _id(obj: dict[str, object], source: str) -> str | None:
    value = obj.get("id")
    # numeric ids are common in exported datasets: 1234 -> "1234"
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _optional_string(obj, "id", source)


def _published(obj: dict[str, object], source: str) -> str | None:
    value = _optional_string(obj, "published", source)
    if value is None:
        return None
    iso = iso_date(value)
    if iso is None:
        raise InputError(source, f"key 'published' is not an ISO date or datetime: {value!r}")
    return iso


def _kind(value: object) -> str:
    """The JSON name of a decoded value's type."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an array" if isinstance(value, list) else "an object"
