"""One batch into the store: each article linked against the corpus as it stands, then persisted.

The batch is one transaction. Article N of a batch is assigned a story and
linked against what articles 1..N-1 left (the store's reads see the
transaction's own rows), so where batches split changes nothing. The corpus
functions decide; the store only reads candidates and writes what it is given.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from newsgraph.corpus.events import event_features, lookup_keys, match_events
from newsgraph.corpus.features import Analysed, corpus_features
from newsgraph.corpus.linking import entity_writes, link_entities
from newsgraph.corpus.stories import story_write
from newsgraph.records import Digest
from newsgraph.records.corpus import WriteReport
from newsgraph.store import Batch, Store, stored_id, text_hash
from newsgraph.store.candidates import entity_candidates, story_candidates
from newsgraph.store.events import event_candidates


def write_batch(store: Store, items: Sequence[Analysed]) -> WriteReport:
    """Store analysed articles in one transaction (all or nothing).

    The same article (same id and text) is left as it is; a changed text for
    the same id replaces the old rows.
    """
    added: list[str] = []
    updated: list[str] = []
    unchanged: list[str] = []
    with store.transaction() as batch:
        known = batch.known_hashes([stored_id(item.digest.article) for item in items])
        for item in items:
            article = item.digest.article
            aid, digest_hash = stored_id(article), text_hash(article)
            if known.get(aid) == digest_hash:
                unchanged.append(aid)
                continue
            (updated if aid in known else added).append(aid)
            batch.add_article(item.digest, aid, digest_hash, replace=aid in known)
            known[aid] = digest_hash
            story = _story(batch, item, aid)
            corpus_ids = _link(batch, item, aid, story)
            _events(batch, item, aid, story, corpus_ids)
            batch.add_rows(item.digest, aid, corpus_ids)
    return WriteReport(tuple(added), tuple(updated), tuple(unchanged))


def _story(batch: Batch, item: Analysed, aid: str) -> str:
    found = story_candidates(batch.conn, item.story.names, item.story.published)
    story = story_write(item.story, found, article_id=aid, title=item.digest.article.title)
    batch.add_story(story)
    return story.summary.id


def _link(batch: Batch, item: Analysed, aid: str, story: str) -> dict[str, str]:
    """Link the article's entities, record the corpus entities; local id -> corpus id."""
    keys = sorted({key for entity in item.entities for key in entity.keys})
    # one candidate per id (an organisation filed under two keys comes back twice)
    found = {c.id: c for c in entity_candidates(batch.conn, keys)}
    links = link_entities(aid, item.entities, list(found.values()), story_id=story)
    published = item.digest.article.published
    batch.add_entities(
        entity_writes(item.entities, links, found, story_id=story, published=published)
    )
    return {link.local_id: link.entity_id for link in links}


def _events(batch: Batch, item: Analysed, aid: str, story: str, corpus_ids: dict[str, str]) -> None:
    """Match the article's events to corpus events and record them."""
    features = item.events if item.events is not None else event_features(item.digest)
    keys = lookup_keys(features, corpus_ids, story)
    found = event_candidates(batch.conn, keys) if features else []
    places = {e.id: e.name for e in item.digest.entities}
    writes = match_events(
        aid,
        features,
        corpus_ids,
        found,
        story_id=story,
        published=item.digest.article.published,
        place_names=places,
    )
    batch.add_corpus_events(aid, writes)


def store_digests(store: Store, digests: Iterable[Digest]) -> WriteReport:
    """Store digests analysed beforehand, their corpus features computed here, in one batch.

    For scripts and tests; ingest computes the features in its workers (``engine``).
    """
    return write_batch(store, corpus_features(list(digests)))
