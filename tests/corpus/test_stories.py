"""Story clustering: the pure functions and the embedder."""

from __future__ import annotations

import math

import pytest

from newsgraph.corpus.stories import (
    JOIN_THRESHOLD,
    StoryFeatures,
    assign_story,
    merge_story,
    similarity,
)
from newsgraph.evaluate.stories import bcubed


def unit(*xs: float) -> tuple[float, ...]:
    norm = math.sqrt(sum(x * x for x in xs))
    return tuple(x / norm for x in xs)


def features(
    aid: str,
    vector: tuple[float, ...],
    names: tuple[str, ...] = (),
    published: str | None = None,
    people: tuple[str, ...] = (),
) -> StoryFeatures:
    return StoryFeatures(aid, published, vector, names, (), people)


def test_stories_first_article_starts_a_story() -> None:
    assert assign_story(features("a1", unit(1, 0)), []) is None


def test_stories_similar_article_joins_dissimilar_starts_new() -> None:
    story = merge_story(None, features("a1", unit(1, 0.1), ("mark ellison",)), "s1")
    assert assign_story(features("a2", unit(1, 0.2), ("mark ellison",)), [story]) == "s1"
    assert assign_story(features("a3", unit(0, 1), ("flood",)), [story]) is None


def test_stories_shared_names_decide_between_close_texts() -> None:
    # two rehab check-ins read alike; the names tell them apart
    tara = merge_story(None, features("a1", unit(1, 0.5), ("tara reid", "promises")), "s1")
    lohan = merge_story(None, features("a2", unit(1, 0.5), ("lindsay lohan", "betty ford")), "s2")
    article = features("a3", unit(1, 0.45), ("lindsay lohan",))
    assert assign_story(article, [tara, lohan]) == "s2"


def test_stories_time_gap_lowers_similarity() -> None:
    story = merge_story(None, features("a1", unit(1, 0), ("x",), "2024-01-10"), "s1")
    near = similarity(features("a2", unit(1, 0), ("x",), "2024-01-20"), story)
    far = similarity(features("a3", unit(1, 0), ("x",), "2024-09-20"), story)
    assert near > far
    assert near - far == pytest.approx(0.15 - 0.15 * 10 / 90)  # 10 days vs 90+ days out


CASE = ("nora beltran-hale", "ada quint", "millbrook")


def test_stories_same_people_years_later_is_the_same_case() -> None:
    # a charge a year after the collapse: other words, other events, the same people
    story = merge_story(None, features("a1", unit(1, 0), CASE, "2022-03-03", CASE[:2]), "s1")
    later = features("a2", unit(0.6, 0.8), (*CASE[:2], "jon pike"), "2023-04-20", CASE[:2])
    assert similarity(later, story) == pytest.approx(0.6 + 0.5 * 2 / 3 + 0.15)
    assert assign_story(later, [story]) == "s1"
    # the same words and dates without the people: the year's gap counts, and it is apart
    other = features("a3", unit(0.6, 0.8), ("reno", "jon pike"), "2023-04-20", ("jon pike",))
    assert similarity(other, story) == pytest.approx(0.6 - 0.15)
    assert assign_story(other, [story]) is None


def test_stories_people_bonus_needs_most_of_the_articles_people() -> None:
    story = merge_story(None, features("a1", unit(1, 0), CASE, None, CASE[:2]), "s1")
    crowd = ("ada quint", "nora beltran-hale", "p one", "p two", "p three")
    article = features("a2", unit(1, 0), crowd, None, crowd)
    assert similarity(article, story) == pytest.approx(1 + 0.5 * 2 / 5)  # 2 of 5: no bonus


def test_stories_merge_keeps_counts_and_dates() -> None:
    s = merge_story(None, features("a1", unit(1, 0), ("a", "b"), "2024-03-01"), "s1")
    s = merge_story(s, features("a2", unit(0, 1), ("b",), "2024-01-05T10:00:00"), "s1")
    assert s.size == 2
    assert dict(s.names) == {"a": 1, "b": 2}
    assert (s.first, s.last) == ("2024-01-05", "2024-03-01")
    assert s.centroid == pytest.approx((1.0, 1.0))


def test_bcubed_perfect_and_merged() -> None:
    assert bcubed(["x", "x", "y"], ["a", "a", "b"]) == (1.0, 1.0, 1.0)
    p, r, _ = bcubed(["x", "x", "x"], ["a", "a", "b"])
    assert r == 1.0 and p == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)


@pytest.mark.model
def test_embedder_puts_paraphrases_closer_than_other_news() -> None:
    from newsgraph.corpus.embed import DIMENSIONS, get_embedder

    vectors = get_embedder().embed(
        [
            "A judge dismissed the fraud case against Senator Mark Ellison.",
            "The fraud charges against Sen. Ellison were thrown out by the court.",
            "Heavy rain flooded roads across the valley on Sunday.",
            "",
        ]
    )
    assert vectors.shape == (4, DIMENSIONS)
    assert float(vectors[0] @ vectors[1]) > JOIN_THRESHOLD - 0.2
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2]) + 0.3
    assert float(vectors[0] @ vectors[0]) == pytest.approx(1.0, abs=1e-5)
