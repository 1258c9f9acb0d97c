"""Model test: a court case told by eight invented articles over three years (tests/data/case).

The real pipeline digests them, the one writer stores them, and the timelines are read
back as a user reads them: one story, one entity per person, every key event once on its
own day with all its sources, no statement or publication-dated filler.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsgraph import query
from newsgraph.config import Settings
from newsgraph.ingest import read_inputs
from newsgraph.pipeline.write import store_digests
from newsgraph.records import Article
from newsgraph.records.corpus import TimelineEntry
from newsgraph.store import Store
from tests.conftest import DATA

CASE = DATA / "case"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    from newsgraph.analysis import analyse_articles

    articles = []
    for path in sorted(CASE.glob("*.json")):
        [item] = list(read_inputs([str(path)], Settings()))
        assert isinstance(item, Article), item
        articles.append(item)
    db = tmp_path_factory.mktemp("case") / "case.db"
    with Store.open(str(db)) as opened:
        store_digests(opened, analyse_articles(articles, Settings()))
        yield opened


def url_of(name: str) -> str:
    import json

    return str(json.loads((CASE / name).read_text(encoding="utf-8"))["url"])


def case_story(store: Store) -> str:
    """The story holding the most of the case's articles."""
    found = query.stories(store, with_articles=True)
    return max(found, key=lambda s: (s.size, s.id)).id


def articles_of(entry: TimelineEntry) -> set[str]:
    return {s.url or "" for s in entry.sources}


@pytest.mark.model
def test_case_timeline_has_no_statements_or_publication_filler(store: Store) -> None:
    entries = query.timeline(store, story=case_story(store))
    assert entries, "the case has a timeline"
    for e in entries:
        assert e.genre != "speech", e
        # an event no text dates is only there as an article's main event or when many report it
        if e.basis in ("published", "none"):
            mains = [query.article(store, s.article_id).digest["main_event"] for s in e.sources]
            assert any(
                m and m["event"] == s.event_id for m, s in zip(mains, e.sources, strict=True)
            ), e
    everything = query.timeline(store, story=case_story(store), everything=True)
    assert any(e.genre == "speech" for e in everything)
    assert len(everything) > 2 * len(entries)


@pytest.mark.model
def test_case_timeline_length_within_bounds(store: Store) -> None:
    entries = query.timeline(store, story=case_story(store))
    assert 6 <= len(entries) <= 15, [(e.date, e.type) for e in entries]


@pytest.mark.model
def test_case_shooting_is_one_entry_with_its_sources_and_own_date(store: Store) -> None:
    entries = query.timeline(store, story=case_story(store), kinds=["violence"])
    shooting = [e for e in entries if e.date and e.date.startswith("2022-03")]
    assert len(shooting) == 1, shooting
    assert shooting[0].date == "2022-03-03" and shooting[0].basis != "published"
    assert shooting[0].source_count >= 5
    # not the Reno bar shooting of 2024: another real event of the same type
    assert url_of("09-other.json") not in articles_of(shooting[0])


@pytest.mark.model
def test_case_dismissals_stay_two_events(store: Store) -> None:
    entries = query.timeline(store, story=case_story(store), kinds=["dismissal"])
    dates = [e.date for e in entries]
    assert "2023-04-21" in dates and "2024-07-12" in dates
    dropped = next(e for e in entries if e.date == "2023-04-21")
    # the indictment article recalls the dropped charge: a source of the same event
    assert url_of("04-indicted.json") in articles_of(dropped)


@pytest.mark.model
def test_case_story_json_lists_article_ids(store: Store) -> None:
    found = query.stories(store, with_articles=True)
    assert sum(len(s.article_ids) for s in found) == 9
    assert all(len(s.article_ids) == s.size for s in found)


@pytest.mark.model
def test_case_is_one_story(store: Store) -> None:
    sizes = sorted(s.size for s in query.stories(store))
    assert sizes == [1, 8]


@pytest.mark.model
def test_case_key_events_once_each_with_their_dates(store: Store) -> None:
    entries = query.timeline(store, story=case_story(store))
    expected = {
        "2022-03-03": "shooting",
        "2023-01-19": "charge",
        "2023-04-21": "dismissal",
        "2024-01-19": "charge",
        "2024-03-06": "verdict",
        "2024-04-15": "sentencing",
        "2024-07-12": "dismissal",
        "2024-12-19": "appeal",
    }
    for day in expected:
        assert [e.date for e in entries].count(day) == 1, day
    legal = [e for e in entries if e.genre == "legal"]
    assert len([e for e in legal if e.type == "sentencing"]) == 1
    assert len([e for e in legal if e.type == "verdict"]) == 1
    # every case article reports the shooting
    shooting = next(e for e in entries if e.date == "2022-03-03")
    assert shooting.source_count == 8
