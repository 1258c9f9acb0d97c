"""One real event across articles: cross-document event coreference, one article at a time.

``event_features`` runs where the article is analysed (a worker): for each event worth
following across articles (typed, not a statement, not negated) its type, date, place,
participants and the embedding of its sentence. The writer fetches corpus events filed
under the event's keys (type + participant, type + story, type + month), and
``match_events`` says which one each event is, or that it starts a new one. The same
sentencing reported by five outlets becomes one corpus event; the sentencings of two
different people never do (their patients differ).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from newsgraph.corpus.timeline import EventDate, better_date, event_date, follows, genre
from newsgraph.records import Digest, Event
from newsgraph.records.events import CorpusEvent, CorpusEventWrite

# Scores, tuned on ECB+ topics 1-14 (dev; 36-45 are the test; docs/BENCHMARKS.md, issue
# 10). The candidates (same type, and a shared person, story or month) do most of the work;
# the sentence cosine carries the score, a shared person or place and the same day add.
JOIN_AT = 0.5
SHARED_PERSON = 0.35
MAX_SHARED = 2
SAME_STORY = 0.2
SAME_DAY = 0.25
SAME_PLACE = 0.15
OTHER_PLACE = -0.3
NO_VECTOR = 0.45  # the cosine assumed when either side has no sentence vector

PATIENT_ROLES = frozenset(
    {"patient", "victim", "defendant", "detainee", "target", "employee", "appointee"}
)
# types whose events are not followed across articles: what someone said, untyped words
UNFOLLOWED = frozenset({"statement", "press_conference", "interview", "criticism", "other"})


@dataclass(frozen=True, slots=True)
class EventFeatures:
    """What event coreference needs of one article event, computed with its digest.

    ``participants``: (role, article entity id) pairs; ``vector``: the unit embedding of
    its sentence, or empty; ``main``: it is the article's main event.
    """

    local_id: str
    type: str
    trigger: str
    date: EventDate
    place: str | None
    participants: tuple[tuple[str, str], ...]
    vector: tuple[float, ...]
    main: bool


def followed(event: Event, main: bool = False) -> bool:
    """Whether an event is followed across articles: typed (or the article's main event),
    not said, not negated."""
    if event.modality == "negated":
        return False
    return event.type not in UNFOLLOWED or (main and genre(event.type) != "speech")


def sentences(digest: Digest) -> list[str]:
    """The sentences of the digest's followed events, each once, for the embedder."""
    main = digest.main_event.event if digest.main_event else None
    return list(
        dict.fromkeys(sentence_of(digest, v) for v in digest.events if followed(v, v.id == main))
    )


def sentence_of(digest: Digest, event: Event) -> str:
    """The event's sentence, as the embedding reads it."""
    start, end = event.sentence_span
    return " ".join(digest.article.text[start:end].split())


def event_features(
    digest: Digest, vectors: Mapping[str, Sequence[float]] | None = None
) -> tuple[EventFeatures, ...]:
    """The features of each followed event of ``digest``; ``vectors``: sentence -> vector."""
    published = digest.article.published
    main = digest.main_event.event if digest.main_event else None
    out = []
    for event in digest.events:
        if not followed(event, event.id == main):
            continue
        t = event.time
        date = event_date(t.value if t else None, published, getattr(t, "basis", None))
        parts = tuple(dict.fromkeys((p.role, p.entity) for p in event.participants if p.entity))
        vector = (vectors or {}).get(sentence_of(digest, event), ())
        out.append(
            EventFeatures(
                local_id=event.id,
                type=event.type,
                trigger=event.trigger,
                date=date,
                place=event.place,
                participants=parts,
                vector=tuple(float(x) for x in vector),
                main=event.id == main,
            )
        )
    return tuple(out)


def event_keys(
    event_type: str, people: Sequence[str], story_id: str | None, date: EventDate
) -> tuple[str, ...]:
    """Lookup keys for a corpus event: its type with each person, its story, its month."""
    keys = [f"{event_type}|e:{p}" for p in sorted(set(people))]
    if story_id:
        keys.append(f"{event_type}|s:{story_id}")
    if date.value and date.basis not in ("published", "none") and len(date.value) >= 7:
        keys.append(f"{event_type}|d:{date.value[:7]}")
    return tuple(keys)


def lookup_keys(
    features: Sequence[EventFeatures], corpus_ids: Mapping[str, str], story_id: str | None
) -> list[str]:
    """The keys to fetch candidates for all of an article's followed events."""
    keys: dict[str, None] = {}
    for f in features:
        people = [corpus_ids[e] for _, e in f.participants if e in corpus_ids]
        keys.update(dict.fromkeys(event_keys(f.type, people, story_id, f.date)))
    return list(keys)


def _cosine(a: Sequence[float], b: Sequence[float]) -> float | None:
    if not a or not b:
        return None
    norm = math.sqrt(sum(x * x for x in b)) or 1.0
    return sum(x * y for x, y in zip(a, b, strict=True)) / norm


@dataclass(frozen=True, slots=True)
class _Mine:
    """An article event with its participants as corpus entity ids."""

    features: EventFeatures
    people: frozenset[str]
    patients: frozenset[str]


def score(mine: _Mine, cand: CorpusEvent, story_id: str | None) -> float | None:
    """How well an article event fits a corpus event (higher is closer), or None: it cannot."""
    f = mine.features
    if cand.type != f.type:
        return None
    theirs = EventDate(cand.date, cand.precision, cand.uncertain, cand.basis)
    if not follows(f.date, theirs):
        return None
    if mine.patients and cand.patients and not mine.patients & set(cand.patients):
        return None  # the sentencing of another person
    cosine = _cosine(f.vector, cand.centroid)
    total = NO_VECTOR if cosine is None else cosine
    total += SHARED_PERSON * min(len(mine.people & set(cand.participants)), MAX_SHARED)
    if story_id and story_id == cand.story_id:
        total += SAME_STORY
    if (
        f.date.precision == "day"
        and f.date.value == cand.date
        and f.date.basis not in ("published", "none")
        and cand.basis not in ("published", "none")
    ):
        total += SAME_DAY
    if f.place and cand.place:
        total += SAME_PLACE if f.place.lower() == cand.place.lower() else OTHER_PLACE
    return total


def match_events(
    article_id: str,
    features: Sequence[EventFeatures],
    corpus_ids: Mapping[str, str],
    candidates: Sequence[CorpusEvent],
    *,
    story_id: str | None,
    published: str | None,
    place_names: Mapping[str, str] | None = None,
) -> list[CorpusEventWrite]:
    """One write per followed event of the article, in order: the corpus event it joins
    (the best candidate over ``JOIN_AT``) or a new one.

    Two events of one article never join one corpus event: the digest already merged
    the mentions of one event. ``place_names`` maps article entity ids to names.
    """
    seen = published[:10] if published else None
    pool = {c.id: c for c in candidates}
    taken: set[str] = set()
    writes = []
    for f in features:
        people = frozenset(corpus_ids[e] for _, e in f.participants if e in corpus_ids)
        patients = frozenset(
            corpus_ids[e] for r, e in f.participants if r in PATIENT_ROLES and e in corpus_ids
        )
        place = (place_names or {}).get(f.place, f.place) if f.place else None
        mine = _Mine(replace(f, place=place), people, patients)
        best: tuple[float, str] | None = None
        for cand in pool.values():
            if cand.id in taken:
                continue
            s = score(mine, cand, story_id)
            if s is not None and s >= JOIN_AT and (best is None or (s, cand.id) > best):
                best = (s, cand.id)
        previous = pool[best[1]] if best else None
        event = merge(previous, mine, article_id, story_id, seen)
        pool[event.id] = event
        taken.add(event.id)
        writes.append(
            CorpusEventWrite(
                event=event,
                new=previous is None,
                keys=event_keys(f.type, sorted(people), story_id, event_date_of(event)),
                seen=seen,
                article_id=article_id,
                event_id=f.local_id,
            )
        )
    return writes


def event_date_of(event: CorpusEvent) -> EventDate:
    return EventDate(event.date, event.precision, event.uncertain, event.basis)


def merge(
    previous: CorpusEvent | None,
    mine: _Mine,
    article_id: str,
    story_id: str | None,
    seen: str | None,
) -> CorpusEvent:
    """The corpus event after the article event joins it (or a new one from it)."""
    f = mine.features
    if previous is None:
        return CorpusEvent(
            id=new_event_id(article_id, f.local_id),
            type=f.type,
            trigger=f.trigger,
            date=f.date.value,
            precision=f.date.precision,
            basis=f.date.basis,
            uncertain=f.date.uncertain,
            place=f.place,
            participants=tuple(sorted(mine.people)),
            patients=tuple(sorted(mine.patients)),
            centroid=f.vector,
            sources=1,
            main=int(f.main),
            story_id=story_id,
            first=seen,
            last=seen,
        )
    date = better_date(event_date_of(previous), f.date)
    centroid = previous.centroid
    if f.vector:
        centroid = (
            tuple(a + b for a, b in zip(centroid, f.vector, strict=True)) if centroid else f.vector
        )
    days = [d for d in (previous.first, previous.last, seen) if d]
    return replace(
        previous,
        date=date.value,
        precision=date.precision,
        basis=date.basis,
        uncertain=date.uncertain,
        place=previous.place or f.place,
        participants=tuple(sorted(set(previous.participants) | mine.people)),
        patients=tuple(sorted(set(previous.patients) | mine.patients)),
        centroid=centroid,
        sources=previous.sources + 1,
        main=previous.main + int(f.main),
        first=min(days) if days else None,
        last=max(days) if days else None,
    )


def new_event_id(article_id: str, event_id: str) -> str:
    """A stable id for the corpus event that an article's event starts."""
    return "v" + hashlib.sha256(f"{article_id}\x1f{event_id}".encode()).hexdigest()[:15]
