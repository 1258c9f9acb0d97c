"""Group articles into stories, one at a time, as they arrive.

A story is one real-world course of events (the Ellison fraud case, not all
fraud cases). An article joins the story it is most similar to when the
similarity clears a threshold, else it starts a new one. Similarity adds the
cosine of lead embeddings to the share of the article's names the story already
has, less a penalty for a long time gap; people named in full whom the story
already has add to it and waive the gap (a court case told over three years).
Pure functions: the lead is embedded where the article is analysed, the store
keeps the ``StorySummary`` records and fetches the candidates, and
``story_write`` says what it should record.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from newsgraph.records import Digest
from newsgraph.records.corpus import StorySummary, StoryWrite

# Tuned on ECB+ (982 articles, 86 sub-topics), B-cubed F1 against sub-topics;
# docs/BENCHMARKS.md has the grid. No dates there: the time penalty is a prior.
JOIN_THRESHOLD = 0.7
NAME_WEIGHT = 0.5
GAP_PENALTY = 0.15  # at most, for an article 90+ days outside the story's dates
GAP_DAYS = 90
# People named in full that an article shares with a story (docs/BENCHMARKS.md, "Issue 10:
# entities and stories"): from SHARED_PEOPLE on, a long gap costs nothing (a case told over
# years is one story); when they are also PEOPLE_SHARE of the article's people, they add
# PEOPLE_BONUS. Tuned on half A of the ECB+ topics, checked on half B: both within 0.002.
SHARED_PEOPLE = 2
PEOPLE_SHARE = 0.6
PEOPLE_BONUS = 0.15
LEAD_LINES = 3
# names kept per story, the most frequent: a story of 10,000 articles must not weigh 10,000 names
STORY_NAMES = 100

STORY_NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP", "LAW"})


@dataclass(frozen=True, slots=True)
class StoryFeatures:
    """What story clustering needs of one article."""

    article_id: str
    published: str | None
    vector: tuple[float, ...]  # unit-length embedding of the title and lead
    names: tuple[str, ...]  # lower-case names of people, organisations, places, events
    event_types: tuple[str, ...]
    people: tuple[str, ...] = ()  # those of ``names`` that are people named in full


def lead_text(digest: Digest) -> str:
    """The title and the first lines of the body: what the embedding reads."""
    art = digest.article
    body = art.text[art.body_start :]
    lines = [ln.strip() for ln in body.splitlines() if ln.strip()][:LEAD_LINES]
    return "\n".join([art.title, *lines] if art.title else lines)


def story_features(digest: Digest, vector: Sequence[float]) -> StoryFeatures:
    """Features of a digest, ``vector`` being the embedding of its ``lead_text``."""
    names = sorted({e.name.lower() for e in digest.entities if e.type in STORY_NAME_TYPES})
    people = {e.name.lower() for e in digest.entities if e.type == "PERSON" and " " in e.name}
    return StoryFeatures(
        article_id=digest.article.id,
        published=digest.article.published,
        vector=tuple(float(x) for x in vector),
        names=tuple(names),
        event_types=tuple(sorted({e.type for e in digest.events})),
        people=tuple(sorted(people)),
    )


def similarity(features: StoryFeatures, story: StorySummary) -> float:
    """How strongly an article belongs to a story (higher is closer; about 0 to 1.5)."""
    norm = math.sqrt(sum(x * x for x in story.centroid)) or 1.0
    score = sum(a * b for a, b in zip(features.vector, story.centroid, strict=True)) / norm
    story_names = {name for name, _ in story.names}
    if features.names:
        score += NAME_WEIGHT * sum(n in story_names for n in features.names) / len(features.names)
    shared = sum(p in story_names for p in features.people)
    if shared >= SHARED_PEOPLE:
        if shared >= PEOPLE_SHARE * len(features.people):
            score += PEOPLE_BONUS  # most of the people it names in full
        # the same people: the same case, however long after ("charged", a year on)
        return score
    gap = _gap_days(features.published, story.first, story.last)
    if gap:
        score -= GAP_PENALTY * min(gap / GAP_DAYS, 1.0)
    return score


def assign_story(features: StoryFeatures, candidates: Sequence[StorySummary]) -> str | None:
    """The id of the candidate story the article joins, or None for a new story."""
    best_id, best = None, JOIN_THRESHOLD
    for story in candidates:
        score = similarity(features, story)
        if score >= best:
            best_id, best = story.id, score
    return best_id


def merge_story(
    summary: StorySummary | None, features: StoryFeatures, story_id: str
) -> StorySummary:
    """The story's summary after the article joins it (or a new story's first summary)."""
    if summary is None:
        return StorySummary(
            id=story_id,
            centroid=features.vector,
            names=tuple((n, 1) for n in features.names),
            first=_day(features.published),
            last=_day(features.published),
            size=1,
        )
    names = Counter(dict(summary.names))
    names.update(features.names)
    days = [d for d in (summary.first, summary.last, _day(features.published)) if d]
    return StorySummary(
        id=story_id,
        centroid=tuple(a + b for a, b in zip(summary.centroid, features.vector, strict=True)),
        names=tuple(sorted(names.items())),
        first=min(days) if days else None,
        last=max(days) if days else None,
        size=summary.size + 1,
    )


def new_story_id(article_id: str) -> str:
    """A stable id for the story an article starts."""
    return "s" + hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:11]


def story_write(
    features: StoryFeatures,
    candidates: Sequence[StorySummary],
    *,
    article_id: str,
    title: str | None,
) -> StoryWrite:
    """The article's story among ``candidates`` (or a new one, titled ``title``), merged."""
    chosen = assign_story(features, candidates)
    previous = next((s for s in candidates if s.id == chosen), None)
    story_id = chosen or new_story_id(article_id)
    summary = merge_story(previous, features, story_id)
    kept = tuple(sorted(summary.names, key=lambda n: (-n[1], n[0]))[:STORY_NAMES])
    return StoryWrite(
        article_id=article_id,
        summary=StorySummary(
            summary.id, summary.centroid, kept, summary.first, summary.last, summary.size
        ),
        new=previous is None,
        title=title,
        article_names=features.names,
    )


def _day(value: str | None) -> str | None:
    return value[:10] if value else None


def _gap_days(published: str | None, first: str | None, last: str | None) -> int:
    """Days between the article's date and the story's date range (0 inside it or unknown)."""
    day = _day(published)
    if not day or not first or not last:
        return 0
    try:
        when, lo, hi = (date.fromisoformat(x) for x in (day, first, last))
    except ValueError:
        return 0
    if when < lo:
        return (lo - when).days
    return max((when - hi).days, 0)
