"""The engine: worker processes give the same digests, in input order, as one process."""

from __future__ import annotations

import pytest

from newsgraph.config import Settings
from newsgraph.engine.local import run_analysed, run_digests
from newsgraph.records import Article, article_id

pytestmark = pytest.mark.model

TEXTS = [
    "Attorney Dana Whitfield filed a lawsuit in Akron on Tuesday.",
    "Mayor Ann Li of Dayton resigned on Monday, citing her health.",
    "Brennan's sister, Olena Kravets, spoke to reporters in Cincinnati.",
    "The National Weather Service issued a flood watch for the valley.",
    "Stunt coordinator Rafael Ortiz was injured on the set in Atlanta.",
]


def test_engine_two_processes_same_digests_in_order() -> None:
    articles = [Article(text=t, id=article_id(t)) for t in TEXTS * 3]
    one = list(run_digests(articles, Settings(processes=1, batch_size=4)))
    two = list(run_digests(articles, Settings(processes=2, batch_size=4)))
    assert [d.article.id for d in two] == [a.id for a in articles]
    assert [d.to_json() for d in two] == [d.to_json() for d in one]


def test_engine_analysed_carries_the_features_of_each_digest() -> None:
    from newsgraph.corpus.features import corpus_features

    articles = [Article(text=t, id=article_id(t)) for t in TEXTS * 2]
    settings = Settings(processes=2, batch_size=4)
    analysed = list(run_analysed(articles, settings))
    # computed in the workers, chunk by chunk; the same as computed here for all at once
    here = corpus_features(list(run_digests(articles, Settings(processes=1))))
    assert [a.digest.article.id for a in analysed] == [a.id for a in articles]
    assert analysed == here
    assert len(analysed[0].story.vector) == 384
    # a place is also looked up under the other place/organisation types and as a surname,
    # where the corpus may know the name typed otherwise (corpus.linking._probe_keys)
    akron = ("FAC:akron", "GPE:akron", "LOC:akron", "ORG:akron", "PERSON:akron")
    assert [e.keys for e in analysed[0].entities] == [("PERSON:whitfield",), akron]
