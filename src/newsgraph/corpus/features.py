"""What the corpus needs of each article, computed where the article is analysed.

``corpus_features`` runs beside the analysis (in the worker processes at
ingest): it embeds the leads of a chunk of digests in one model call and adds
each entity's linking features, so that the one writer only links and persists.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsgraph.corpus.embed import get_embedder
from newsgraph.corpus.events import EventFeatures, event_features, sentences
from newsgraph.corpus.linking import EntityFeatures, link_features
from newsgraph.corpus.stories import StoryFeatures, lead_text, story_features
from newsgraph.records import Digest


@dataclass(frozen=True, slots=True)
class Analysed:
    """A digest with its corpus features: story features (the lead vector), linking's and
    event coreference's (None: not computed here, so the writer computes them without
    sentence vectors)."""

    digest: Digest
    story: StoryFeatures
    entities: tuple[EntityFeatures, ...]
    events: tuple[EventFeatures, ...] | None = None


def corpus_features(digests: Sequence[Digest]) -> list[Analysed]:
    """Each digest with its features, in order; the leads and the sentences of the events
    followed across articles are embedded together, in one model call."""
    if not digests:
        return []
    leads = [lead_text(d) for d in digests]
    said = [sentences(d) for d in digests]
    vectors = get_embedder().embed(leads + [s for group in said for s in group])
    out, k = [], len(digests)
    for d, v, group in zip(digests, vectors[: len(digests)], said, strict=True):
        by_sentence = {s: vectors[k + i].tolist() for i, s in enumerate(group)}
        k += len(group)
        out.append(
            Analysed(
                d, story_features(d, v.tolist()), link_features(d), event_features(d, by_sentence)
            )
        )
    return out
