"""JSON articles: one object or a list of them (.json), one object per line (.jsonl).

Keys: ``text`` (required), ``id``, ``title``, ``dek``, ``published``, ``url``,
``source``; other keys are ignored. The shapes scrapers write are read as they are:
news-please (``maintext``, ``description``, ``date_publish``) and newspaper4k
(``meta_description``, ``publish_date``). The analysed text is the headline, the dek
and the body (DIGEST_FORMAT.md): ``title`` and ``dek`` are placed before ``text``
unless ``text`` already opens with them; ``Article.body_start`` says where the given
body starts.
"""

from __future__ import annotations

import json
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import replace

from newsgraph.errors import ArticleError, InputError, ItemError
from newsgraph.ingest.dates import iso_date
from newsgraph.ingest.files import Decoded
from newsgraph.records import Article, article_id

_OPTIONAL_STRINGS = ("title", "dek", "url", "source")
# what exporters write for a missing value when they stringify it (Python's str(None),
# pandas' NaN): read as absent, not as a title "None" or a date that is no date
_PLACEHOLDERS = frozenset({"", "none", "null", "nan", "undefined", "n/a"})
# punctuation a headline may end with in the body but not in the title, or the reverse
_HEAD_END = ".:;!?"
# our key -> the names scrapers use for it, tried in order when ours is absent
_ALIASES = {
    "text": ("maintext",),  # news-please
    "dek": ("description", "meta_description"),  # news-please, newspaper4k
    "published": ("date_publish", "publish_date"),  # news-please, newspaper4k
}


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
    lines: Iterable[tuple[int, str | Decoded | InputError]], source: str
) -> Iterator[Article | ItemError]:
    """The articles of a JSON Lines stream, given as ``(line number, line)``; blank lines skipped.

    Each article's source, and each bad line's, is ``source:LINE``; how a line was
    decoded (``Decoded.notes``) goes to its article's ``warnings``.
    """
    seen = False
    for lineno, item in lines:
        if isinstance(item, InputError):
            seen = True
            yield item
            continue
        line, notes = (item.text, item.notes) if isinstance(item, Decoded) else (item, ())
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
            article = article_from_object(obj, where)
        except InputError as exc:
            yield InputError(where, exc.problem)
            continue
        except Exception as exc:  # a reader bug met on this line fails the line, not the file
            problem = f"{type(exc).__name__}: {exc}"
            yield ArticleError(where, "read", problem, detail=traceback.format_exc())
            continue
        yield replace(article, warnings=notes) if notes else article
    if not seen:
        yield InputError(source, "empty input")


def article_from_object(obj: object, source: str) -> Article:
    """An Article from one decoded JSON value; InputError naming the key that is wrong.

    ``source`` is used unless the object has its own ``source``. Without an ``id``,
    the id is the hash of the url, else of the text.
    """
    if not isinstance(obj, dict):
        raise InputError(source, f"expected an article object, not {_kind(obj)}")
    obj = _with_aliases(obj)
    if "text" not in obj:
        raise InputError(source, "missing key 'text'")
    body = obj["text"]
    if not isinstance(body, str):
        raise InputError(source, f"key 'text' must be a string, not {_kind(body)}")
    if not body.strip():
        raise InputError(source, "key 'text' is empty")
    fields = {key: _optional_string(obj, key, source) for key in _OPTIONAL_STRINGS}
    text, body_start = with_headline(body, fields["title"], fields["dek"])
    return Article(
        text=text,
        id=_id(obj, source) or article_id(text, fields["url"]),
        title=fields["title"],
        dek=fields["dek"],
        published=_published(obj, source),
        url=fields["url"],
        source=fields["source"] or source,
        body_start=body_start,
    )


def with_headline(body: str, title: str | None, dek: str | None) -> tuple[str, int]:
    """The text to analyse and the offset where ``body`` starts in it.

    "Senator's case dismissed" + "Investors plan to sue" + "COLUMBUS — A judge ..." ->
    the title, a blank line, the dek, a blank line, then the body. A body that already
    opens with its title (and dek), as scrapers often give it, is kept as it is and
    its body start is found after them.
    """
    opened = _opening(body, [part for part in (title, dek) if part])
    if opened is not None:
        return body, opened
    if dek and _begins(body, dek):
        # the dek is the lede (news-please's description often is, or its first words
        # with "..."): it stays body text, and only the title goes before it
        dek = None
    head = "".join(f"{part}\n\n" for part in (title, dek) if part)
    return head + body, len(head)


def _begins(body: str, part: str) -> bool:
    """Whether ``body``'s first paragraph starts with ``part`` (case and spacing folded; a
    trailing ellipsis in ``part`` is a cut, not text).

    >>> _begins("A judge dismissed the case on Friday.", "A judge dismissed the...")
    True
    """
    words = part.rstrip().removesuffix("\u2026").removesuffix("...").casefold().split()
    first = body.lstrip().split("\n\n", 1)[0].casefold().split()
    if not words or len(words) > len(first):
        return False
    *whole, last = words
    return first[: len(whole)] == whole and first[len(whole)].startswith(last)


def _opening(body: str, parts: list[str]) -> int | None:
    """Where the body proper starts if ``body`` opens with ``parts`` (each on its own
    lines, compared without case and spacing); None if it does not open with the first."""
    if not parts:
        return 0
    at = 0
    for number, part in enumerate(parts):
        rest = body[at:]
        skipped = len(rest) - len(rest.lstrip())
        end = _prefix_end(rest[skipped:], part)
        if end is None:
            if number == 0:
                return None
            break  # the title alone opening the body is enough; the dek is not in it
        at += skipped + end
    rest = body[at:]
    return at + len(rest) - len(rest.lstrip())


def _prefix_end(text: str, part: str) -> int | None:
    """The end of ``part`` at the start of ``text`` (white space and case folded), ending a
    line or the text; None when ``text`` does not start with it."""
    words = part.rstrip(_HEAD_END).split()
    if not words:
        return None
    at = 0
    for word in words:
        while at < len(text) and text[at].isspace():
            at += 1
        if text[at : at + len(word)].casefold() != word.casefold():
            return None
        at += len(word)
    line_end = text.find("\n", at)
    tail = text[at : line_end if line_end >= 0 else len(text)]
    return at + len(tail) if not tail.strip().strip(_HEAD_END) else None


def _with_aliases(obj: dict[str, object]) -> dict[str, object]:
    missing = {
        key: next((obj[name] for name in names if not _absent(obj.get(name))), None)
        for key, names in _ALIASES.items()
        if _absent(obj.get(key))
    }
    found = {key: value for key, value in missing.items() if value is not None}
    return {**obj, **found} if found else obj


def _absent(value: object) -> bool:
    return value is None or (isinstance(value, str) and value.strip().casefold() in _PLACEHOLDERS)


def _optional_string(obj: dict[str, object], key: str, source: str) -> str | None:
    value = obj.get(key)
    if _absent(value):
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
