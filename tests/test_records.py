"""Records and the JSON contract (schema newsgraph.digest/1)."""

from __future__ import annotations

import json

from newsgraph.records import SCHEMA, Article, Digest, Entity, Relation, article_id


def test_article_id_stable_for_url_and_whitespace() -> None:
    assert article_id("a  b\n", None) == article_id("a b", None)
    assert article_id("x", "https://Example.org/a/") == article_id("y", "https://example.org/a")
    assert article_id("x", None) != article_id("y", None)


def test_digest_to_json_has_every_field_of_the_format() -> None:
    d = Digest(
        article=Article(text="Ann Li and Bo Li.", id="a1"),
        entities=(
            Entity("e1", "Ann Li", "PERSON", mentions=((0, 6),)),
            Entity("e2", "Bo Li", "PERSON", mentions=((11, 16),)),
        ),
        relations=(Relation("family", "e1", "e2", "Ann Li and Bo Li.", (0, 17), kin="sister"),),
    )
    data = json.loads(d.to_json())
    assert data["schema"] == SCHEMA
    assert set(data) >= {
        "schema",
        "article",
        "entities",
        "relations",
        "quotes",
        "times",
        "events",
        "main_event",
        "summary",
    }
    assert set(data["article"]) >= {
        "id",
        "source",
        "url",
        "title",
        "dek",
        "summary_line",
        "published",
        "text",
    }
    assert data["entities"][0]["mentions"] == [[0, 6]]
    assert data["relations"][0]["text"] == "sister"  # the kin term, as the format says
    assert data["relations"][0]["evidence"] == "Ann Li and Bo Li."
    assert data["quotes"] == [] and data["times"] == [] and data["events"] == []
