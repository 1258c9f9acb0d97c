"""Model test: a court case told by eight articles over three years (tests/data/case).

The facts of issue 10 on entities and stories: one corpus entity per person across the
name variants the coverage uses ("Laura Smith-Reed", "Smith Reed", "Laura Smith";
"Cinematographer Mara Lindqvist"), the victim's husband apart, one story for the case
and another for an unrelated shooting, whatever the order the articles arrive in.
"""

from __future__ import annotations

from collections import Counter

import pytest

from newsgraph.analysis import analyse_articles
from newsgraph.config import Settings
from newsgraph.ingest import read_inputs
from newsgraph.pipeline.write import store_digests
from newsgraph.records import Article, Digest
from newsgraph.store import Store
from newsgraph.store.reader import entities_named, names_of, roles_of
from tests.conftest import DATA

pytestmark = pytest.mark.model

CASE = DATA / "case"


@pytest.fixture(scope="module")
def case_digests() -> list[Digest]:
    """The nine articles in file order: eight of the case by date, the Reno shooting last."""
    settings = Settings()
    paths = sorted(str(p) for p in CASE.glob("*.json"))
    articles = [a for a in read_inputs(paths, settings) if isinstance(a, Article)]
    assert len(articles) == 9
    return list(analyse_articles(articles, settings))


def _people(store: Store) -> dict[str, list[str]]:
    """Corpus person name -> the names it was seen under."""
    rows = store.conn.query("SELECT id, name FROM entities WHERE type = 'PERSON'")
    return {name: sorted(s.value for s in names_of(store.conn, eid)) for eid, name in rows}


@pytest.mark.parametrize("order", ["by date", "newest first"])
def test_case_one_entity_per_person_and_one_story(
    store: Store, case_digests: list[Digest], order: str
) -> None:
    digests = case_digests if order == "by date" else [*case_digests[7::-1], case_digests[8]]
    store_digests(store, digests)
    people = _people(store)
    # every variant of the armorer's name is one entity, named in full
    assert {"Laura Smith-Reed", "Smith Reed", "Laura Smith"} <= set(people["Laura Smith-Reed"])
    assert not [n for n in people if "Smith" in n and n != "Laura Smith-Reed"]
    # the role glued to the victim's name is her role, not her name
    assert not [n for n in people if n.startswith("Cinematographer")]
    [mara] = entities_named(store.conn, "Mara Lindqvist")
    assert mara.article_count == 8
    assert "cinematographer" in {r.value for r in roles_of(store.conn, mara.id)}
    # her husband shares her surname and stays apart
    [erik] = entities_named(store.conn, "Erik Lindqvist")
    assert erik.id != mara.id and erik.article_count == 2
    # no surname left as an organisation or a place, and one Santa Fe
    things = Counter(
        name
        for name, kind in store.conn.query("SELECT name, type FROM entities")
        if kind != "PERSON"
    )
    assert not [n for n in things if "Smith" in n or "Lindqvist" in n or "Okafor" in n]
    assert things["Santa Fe"] == 1
    # one story for the case, over nearly three years; the Reno shooting is another
    stories = store.conn.query("SELECT id, size, first, last FROM stories ORDER BY size DESC")
    assert [(size, first, last) for _, size, first, last in stories] == [
        (8, "2022-03-04", "2024-12-20"),
        (1, "2024-05-02", "2024-05-02"),
    ]
