"""The example articles in ``examples/`` read as documented in their README."""

from __future__ import annotations

from pathlib import Path

from newsgraph.config import Settings
from newsgraph.ingest import read_inputs
from newsgraph.records import Article

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def read_examples() -> dict[str, Article]:
    items = list(read_inputs([str(EXAMPLES)], Settings(), published="2024-11-02"))
    assert all(isinstance(item, Article) for item in items), items
    return {Path(str(item.source)).name: item for item in items if isinstance(item, Article)}


def test_examples_are_read_in_sorted_order() -> None:
    assert list(read_examples()) == ["city-council.html", "ellison-case.txt", "stunt-accident.json"]


def test_examples_ellison_case_has_full_header_and_takes_published() -> None:
    article = read_examples()["ellison-case.txt"]
    assert article.summary_line is not None and article.summary_line.startswith("A judge dismissed")
    assert article.title == "Fraud case against Ohio senator dismissed as investors plan civil suit"
    assert article.dek is not None and "a gift to every con artist" in article.dek
    assert article.text[article.body_start :].startswith("COLUMBUS, Ohio — A judge")
    assert article.published == "2024-11-02"


def test_examples_stunt_accident_keeps_its_own_date_and_url() -> None:
    article = read_examples()["stunt-accident.json"]
    assert article.published == "2025-03-14"
    assert article.url == "https://example.org/news/stunt-accident"
    assert "Rafael Ortiz" in article.text


def test_examples_city_council_page_drops_navigation_and_ads() -> None:
    article = read_examples()["city-council.html"]
    assert article.title == "Council approves transit contract after month of strikes"
    assert article.published == "2024-05-08"
    assert "Martin Keller resigned" in article.text
    assert "Advertisement" not in article.text
    assert "Subscribe" not in article.text


def test_examples_are_400_to_700_words() -> None:
    for name, article in read_examples().items():
        assert 400 <= len(article.text.split()) <= 700, name
