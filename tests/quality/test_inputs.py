"""The evaluations read their gold articles with the product's readers (evaluate.inputs)."""

from __future__ import annotations

import pytest

from newsgraph.errors import InputError
from newsgraph.evaluate.fivew import giveme_article
from newsgraph.evaluate.inputs import article_object, news_please, read_object, read_plain

BODY = "COLUMBUS — A judge dismissed the case on Friday."


def test_read_object_places_the_headline_before_the_body_and_maps_gold_offsets() -> None:
    read = read_object(article_object(BODY, title="Case dismissed", published="2024-11-02"), "t")
    assert read.article.text == "Case dismissed\n\n" + BODY
    assert read.offset == read.article.body_start == len("Case dismissed\n\n")
    judge = BODY.index("judge")
    start, end = read.gold_span((judge, judge + 5))
    assert read.article.text[start:end] == "judge"
    assert read.in_given_text((start, end)) and not read.in_given_text((0, 4))
    assert read.article.published == "2024-11-02"


def test_read_object_keeps_a_body_that_opens_with_its_title() -> None:
    text = "Case dismissed\n" + BODY
    read = read_object(article_object(text, title="Case dismissed"), "t")
    assert read.article.text == text and read.offset == 0
    assert read.article.body_start == len("Case dismissed\n")


def test_read_object_reports_an_object_the_reader_refuses() -> None:
    with pytest.raises(InputError, match="published"):
        read_object(article_object(BODY, published="last week"), "t")


def test_news_please_shape_is_read_with_its_own_keys() -> None:
    record = {
        "title": "Case dismissed",
        "description": "Investors plan to sue.",
        "text": BODY,
        "date_publish": "2016-11-09 08:42:13",
    }
    obj = news_please(record)
    assert obj["maintext"] == BODY and "text" not in obj
    article = giveme_article(record)
    assert article.text == f"Case dismissed\n\nInvestors plan to sue.\n\n{BODY}"
    assert article.dek == "Investors plan to sue." and article.text[article.body_start :] == BODY
    assert article.published == "2016-11-09T08:42:13"


def test_news_please_writes_a_missing_date_as_null() -> None:
    # Giveme5W1H stores the string "None" where news-please writes null
    record = {"title": "T", "text": BODY, "date_publish": "None"}
    assert news_please(record)["date_publish"] is None
    assert giveme_article(record).published is None


def test_read_plain_finds_the_text_header_and_keeps_the_text() -> None:
    text = "Case Dismissed Against Senator\n\n" + BODY
    read = read_plain(text, "t")
    assert read.article.text == text and read.offset == 0
    assert read.article.title == "Case Dismissed Against Senator"


def test_halves_depend_on_the_document_id_alone() -> None:
    from newsgraph.evaluate.halves import half_of

    ids = [f"doc{n}" for n in range(200)]
    halves = [half_of(i) for i in ids]
    assert halves == [half_of(i) for i in ids]  # the same on every run, in any order
    assert set(halves) == {"A", "B"} and 70 < halves.count("A") < 130
    assert half_of("APW19980807.0261") == "B"
