"""The data model: small frozen records with character offsets.

Every record maps one-to-one to a part of the JSON digest
(``newsgraph.digest/1``, see ``DIGEST_FORMAT.md``) and to a row in the store.
Spans are ``(start, end)`` character offsets into ``Article.text``, end exclusive.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "newsgraph.digest/1"

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Article:
    """One input article. ``text`` is exactly what gets analysed.

    ``body_start`` is the offset where the body begins when ``text`` carries a
    header (summary line, title, dek) in front of it; 0 otherwise.
    ``published`` is an ISO date or datetime, or None when unknown. ``warnings``
    lists what was repaired on the way in (a re-decoded file, replaced characters);
    the digest reports them in its own ``warnings``, not in the article object.
    """

    text: str
    id: str = ""
    title: str | None = None
    dek: str | None = None
    summary_line: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    body_start: int = 0
    warnings: tuple[str, ...] = ()


def article_id(text: str, url: str | None = None) -> str:
    """A stable id: a hash of the normalised URL, else of the whitespace-normalised text."""
    if url:
        key = "url:" + url.strip().lower().rstrip("/")
    else:
        key = "text:" + re.sub(r"\s+", " ", text).strip()
    # surrogatepass: a text holding a lone surrogate (a JSON escape) still gets its id
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world referent in an article, with all its mentions."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed link between two entities, with the sentence that states it.

    ``type`` is one of ``family`` (kin term in ``kin``), ``spokesperson_for``,
    ``represents`` (lawyer -> client), ``works_for``, ``member_of``.
    """

    type: str
    subject: str
    object: str
    text: str
    span: Span
    kin: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A statement attributed to a source (filled by the quotes analysis)."""

    id: str
    kind: str
    content: str
    span: Span
    cue: str | None = None
    cue_span: Span | None = None
    speaker: str | None = None
    speaker_text: str | None = None
    speaker_span: Span | None = None
    via: str | None = None
    act: str = "speech"


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression normalised to a TIMEX3 value (``2024-06``, ``P18M`` ...)."""

    text: str
    span: Span
    type: str
    value: str | None


@dataclass(frozen=True, slots=True)
class Participant:
    role: str
    entity: str | None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class EventTime:
    """An event's time phrase and TIMEX3 value. ``basis`` (events only): ``clause`` when the
    event's own clause or the clause it is subordinate to says it, ``linked`` when it is
    the time of an event it is tied to, ``main`` when the event is the article's main
    event and its time is the main event's ``when``; None in ``main_event.when``."""

    text: str
    value: str | None
    basis: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """A typed event with its trigger, participants, time and place."""

    id: str
    type: str
    trigger: str
    span: Span
    sentence_span: Span
    participants: tuple[Participant, ...] = ()
    time: EventTime | None = None
    place: str | None = None
    modality: str = "actual"
    polarity: str = "positive"
    # the trigger spans of every mention of this event, the first one included
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class MainEvent:
    """The article's main event as short answers taken from the text.

    ``event`` is the id of the event the answers are about; an answer is None where the
    article gives none. ``when`` carries the phrase and its TIMEX3 value.
    """

    event: str
    who: str | None = None
    what: str | None = None
    when: EventTime | None = None
    where: str | None = None
    why: str | None = None
    how: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The ``main_event`` object of the digest format."""
        data: dict[str, Any] = _plain(self)
        if data["when"] is not None:
            del data["when"]["basis"]  # an event's field: the answer's layout stays text, value
        return data


@dataclass(frozen=True, slots=True)
class Digest:
    """Everything newsgraph knows about one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    quotes: tuple[Quote, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    events: tuple[Event, ...] = ()
    main_event: MainEvent | None = None
    summary: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def entity(self, entity_id: str) -> Entity:
        """The entity with this id (KeyError if there is none)."""
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        raise KeyError(entity_id)

    def to_dict(self) -> dict[str, Any]:
        """The digest as plain JSON-ready data, in the ``newsgraph.digest/1`` layout."""
        return {
            "schema": SCHEMA,
            "article": _article_dict(self.article),
            "entities": [_plain(e) for e in self.entities],
            "relations": [_relation_dict(r) for r in self.relations],
            "quotes": [_plain(q) for q in self.quotes],
            "times": [_plain(t) for t in self.times],
            "events": [_plain(e) for e in self.events],
            "main_event": self.main_event.to_dict() if self.main_event else None,
            "summary": list(self.summary),
            "warnings": list(self.warnings),
        }

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def _article_dict(article: Article) -> dict[str, Any]:
    data: dict[str, Any] = _plain(article)
    del data["warnings"]  # the digest's own `warnings` reports them
    return data


def _relation_dict(rel: Relation) -> dict[str, Any]:
    data = _plain(rel)
    if rel.type == "family" and rel.kin:
        # the format keeps the kin term in `text`; the evidence sentence moves to `evidence`
        data["evidence"] = data["text"]
        data["text"] = rel.kin
    return data


def _plain(obj: Any) -> Any:
    """Dataclass -> dict with tuples as lists, recursively."""
    if hasattr(obj, "__dataclass_fields__"):
        return {name: _plain(getattr(obj, name)) for name in obj.__dataclass_fields__}
    if isinstance(obj, (tuple, list)):
        return [_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    return obj
