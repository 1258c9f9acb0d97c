"""The batch function: digests in input order, each the same as ``newsgraph.digest``."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.analysis import digest_doc
from newsgraph.config import Settings
from newsgraph.errors import ConfigError
from newsgraph.nlp.pipeline import load_pipeline
from newsgraph.records import Article, article_id

pytestmark = pytest.mark.model

TEXTS = [
    "Attorney Dana Whitfield filed a lawsuit in Akron on Tuesday.",
    '"We will rebuild the bridge," Mayor Ann Li of Dayton said on Monday.',
    "The National Weather Service issued a flood watch for the valley.",
]
PUBLISHED = "2024-11-02"


def test_digest_many_keeps_order_and_equals_digest() -> None:
    titled = Article(text="Flood watch\n\n" + TEXTS[2], id="t", title="Flood watch", body_start=13)
    items: list[str | Article] = [*TEXTS, titled, TEXTS[0]]
    many = list(newsgraph.digest_many(items, published=PUBLISHED, settings=Settings(batch_size=2)))
    ids = [article_id(t) for t in TEXTS]
    assert [d.article.id for d in many] == [*ids, "t", ids[0]]
    assert [d.to_json() for d in many] == [
        newsgraph.digest(item, published=PUBLISHED).to_json() for item in items
    ]
    assert many[0].times[0].value == "2024-10-29"  # dated by ``published``


def test_digest_many_with_two_processes_keeps_order() -> None:
    one = [d.to_json() for d in newsgraph.digest_many(TEXTS * 2)]
    two = [d.to_json() for d in newsgraph.digest_many(TEXTS * 2, processes=2)]
    assert two == one


def test_digest_many_refuses_no_processes() -> None:
    with pytest.raises(ConfigError, match="processes"):
        newsgraph.digest_many(TEXTS, processes=0)


def test_digest_doc_of_a_plain_doc_uses_the_articles_date() -> None:
    # a Doc from nlp(text) has no publication date: the digest still dates "Tuesday"
    article = Article(text=TEXTS[0], id="a", published=PUBLISHED)
    doc = load_pipeline(Settings().model)(article.text)
    assert doc._.newsgraph_times[0].value != "2024-10-29"
    assert digest_doc(article, doc, Settings()).to_json() == newsgraph.digest(article).to_json()
