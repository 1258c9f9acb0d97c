"""Records of the corpus: what the store takes and returns, and the query API hands out.

Below both ``store`` and ``corpus``: linking and story assignment (in ``corpus``)
decide, the store persists their ``EntityWrite`` and ``StoryWrite`` and reads back
``CorpusEntity`` and ``StorySummary`` candidates. Frozen dataclasses with plain
fields, like ``newsgraph.records``; ``as_dict`` turns any of them into JSON-ready
data. Field names of the query records are part of the stable ``--format
json|jsonl`` output of the query commands: add fields, never rename. Dates are
ISO strings (``2024-11-02``) or None.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class EntitySummary:
    """A corpus entity: one real-world referent across articles."""

    id: str
    name: str
    type: str
    article_count: int
    first_seen: str | None
    last_seen: str | None


@dataclass(frozen=True, slots=True)
class Seen:
    """A name or role of an entity, with the first and last publication dates it was seen."""

    value: str
    first_seen: str | None
    last_seen: str | None
    count: int


@dataclass(frozen=True, slots=True)
class Related:
    """An entity seen with another: in how many articles, and the relations stated."""

    entity: EntitySummary
    articles: int
    relations: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class QuoteHit:
    """A stored quote with its speaker, article and the sentence around it."""

    article_id: str
    quote_id: str
    content: str
    kind: str
    act: str
    speaker_id: str | None
    speaker: str | None
    speaker_text: str | None
    published: str | None
    title: str | None
    url: str | None
    context: str


@dataclass(frozen=True, slots=True)
class EventRow:
    """A stored event with its article, as timelines need it."""

    article_id: str
    event_id: str
    type: str
    trigger: str
    sentence: str
    time_text: str | None
    time_value: str | None
    place: str | None
    modality: str
    published: str | None
    title: str | None
    url: str | None
    participants: tuple[str, ...] = ()
    # how the digest dated it (``clause``, ``linked``), and the corpus event it is
    time_basis: str | None = None
    corpus_event_id: str | None = None


@dataclass(frozen=True, slots=True)
class TimelineSource:
    """One article that reports a timeline entry."""

    article_id: str
    title: str | None
    published: str | None
    url: str | None
    sentence: str
    event_id: str = ""  # the event's id in the article's digest (``v3``)


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One event on a timeline, merged over all the articles that report it.

    ``date`` is a TIMEX3-like value (``2024-06-03``, ``2024-06``, ``2024``) or
    None; ``precision`` is ``day``, ``month``, ``year`` or ``unknown``;
    ``uncertain`` is true when the date was guessed (a year filled in, or the
    publication date standing in for a missing event date: ``basis`` says which:
    ``clause``, ``linked`` or ``event`` for the text's own time, ``published``, ``none``).
    """

    date: str | None
    precision: str
    uncertain: bool
    basis: str
    type: str
    trigger: str
    place: str | None
    participants: tuple[str, ...]
    sources: tuple[TimelineSource, ...]
    # the corpus event's id, the type's family (legal, violence, ...), articles reporting it
    id: str | None = None
    genre: str = ""
    source_count: int = 0


@dataclass(frozen=True, slots=True)
class StoryRow:
    """A story: articles about one real-world event or case."""

    id: str
    title: str | None
    size: int
    first: str | None
    last: str | None
    names: tuple[str, ...]
    article_ids: tuple[str, ...] = ()  # filled where asked for (``stories --format json``)


@dataclass(frozen=True, slots=True)
class EntityProfile:
    """Everything the corpus says about one entity (``newsgraph entity NAME``).

    ``others`` lists other entities that the name could also mean.
    """

    entity: EntitySummary
    names: tuple[Seen, ...]
    roles: tuple[Seen, ...]
    related: tuple[Related, ...]
    quotes_by: tuple[QuoteHit, ...]
    quotes_about: tuple[QuoteHit, ...]
    timeline: tuple[TimelineEntry, ...]
    others: tuple[EntitySummary, ...] = ()


@dataclass(frozen=True, slots=True)
class WriteReport:
    """What one ``Store.write`` did: ids added, updated (text changed), unchanged."""

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CorpusEntity:
    """What the corpus knows about one entity, as linking needs it.

    ``context`` holds normalised names of entities seen in the same articles;
    ``stories`` the ids of the stories it appeared in.
    """

    id: str
    name: str
    type: str
    names: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    stories: tuple[str, ...] = ()
    articles: int = 0


@dataclass(frozen=True, slots=True)
class EntityWrite:
    """A corpus entity as one article leaves it: a new entity (``new``) or one seen again.

    ``seen`` is the article's date (``2024-11-02``) or None; ``context`` and
    ``stories`` replace the stored ones; ``keys`` are lookup keys to file it
    under; ``names`` are (name, normalised name) pairs and ``roles`` the roles
    the article gives it, each counted once more.
    """

    id: str
    new: bool
    name: str
    type: str
    seen: str | None
    context: tuple[str, ...]
    stories: tuple[str, ...]
    keys: tuple[str, ...]
    names: tuple[tuple[str, str], ...]
    roles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StorySummary:
    """What story clustering keeps of one story. ``centroid`` is the sum of member vectors."""

    id: str
    centroid: tuple[float, ...]
    names: tuple[tuple[str, int], ...]
    first: str | None
    last: str | None
    size: int


@dataclass(frozen=True, slots=True)
class StoryWrite:
    """An article's story as the store records it: the story's summary after the article joined.

    ``new``: the article starts the story, whose ``title`` is then the article's;
    ``summary.names`` are the names the story keeps, ``article_names`` the
    article's own (the story is found again by them).
    """

    article_id: str
    summary: StorySummary
    new: bool
    title: str | None
    article_names: tuple[str, ...]


def as_dict(record: Any) -> Any:
    """A record as JSON-ready data: dataclasses to dicts, tuples to lists, recursively."""
    if hasattr(record, "__dataclass_fields__"):
        return {name: as_dict(getattr(record, name)) for name in record.__dataclass_fields__}
    if isinstance(record, (tuple, list)):
        return [as_dict(x) for x in record]
    if isinstance(record, dict):
        return {k: as_dict(v) for k, v in record.items()}
    return record


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """A stored article without its text, as lists of articles show it.

    ``story_id`` is the story the article belongs to (None before stories existed).
    """

    id: str
    title: str | None
    published: str | None
    url: str | None
    source: str | None
    story_id: str | None


@dataclass(frozen=True, slots=True)
class ArticleEntity:
    """An entity of one article: its id in the article's digest (``e1``) and in the corpus."""

    local_id: str
    entity_id: str
    name: str
    type: str


@dataclass(frozen=True, slots=True)
class ArticleView:
    """One stored article: its row, its digest (the ``newsgraph.digest/1`` object) and
    the corpus entities its digest's entities were linked to."""

    article: ArticleRow
    digest: dict[str, Any]
    entities: tuple[ArticleEntity, ...]


@dataclass(frozen=True, slots=True)
class Member:
    """An entity of a story, with the number of the story's articles that name it."""

    entity: EntitySummary
    articles: int


@dataclass(frozen=True, slots=True)
class StoryView:
    """One story: its row, a page of its articles (newest first), the entities named in
    it (the most frequent first) and its timeline."""

    story: StoryRow
    articles: tuple[ArticleRow, ...]
    members: tuple[Member, ...]
    timeline: tuple[TimelineEntry, ...]
