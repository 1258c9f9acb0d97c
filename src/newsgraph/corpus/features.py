"""What the corpus needs of each article, computed where the article is analysed.

``corpus_features`` runs beside the analysis (in the worker processes at
ingest): it embeds the leads of a chunk of digests in one model call and adds
each entity's linking features, so that the one writer only links and persists.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsgraph.corpus.embed import get_embedder
from newsgraph.corpus.linking import EntityFeatures, link_features
from newsgraph.corpus.stories import StoryFeatures, lead_text, story_features
from newsgraph.records import Digest


@dataclass(frozen=True, slots=True)
class Analysed:
    """A digest with its corpus features: story features (the lead vector) and linking's."""

    digest: Digest
    story: StoryFeatures
    entities: tuple[EntityFeatures, ...]


def corpus_features(digests: Sequence[Digest]) -> list[Analysed]:
    """Each digest with its features, in order; the leads are embedded together."""
    if not digests:
        return []
    vectors = get_embedder().embed([lead_text(d) for d in digests])
    return [
        Analysed(d, story_features(d, v.tolist()), link_features(d))
        for d, v in zip(digests, vectors, strict=True)
    ]
