"""JSON and JSON Lines inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.config import Settings
from newsgraph.errors import InputError
from newsgraph.ingest import read_inputs
from newsgraph.records import Article, article_id


def read(
    path: Path, content: str | bytes, max_bytes: int = 1_000_000
) -> list[Article | InputError]:
    if isinstance(content, str):
        content = content.encode()
    path.write_bytes(content)
    return list(read_inputs([str(path)], Settings(max_bytes=max_bytes)))


def problems(items: list[Article | InputError]) -> list[str]:
    return [item.problem for item in items if isinstance(item, InputError)]


def test_json_object_fills_every_known_key(tmp_path: Path) -> None:
    obj = {
        "text": "  The council voted.\n",
        "id": "story-1",
        "title": "Vote",
        "dek": "A close one",
        "published": "2024-05-08",
        "url": "https://example.org/vote",
        "source": "Riverside Ledger",
        "author": "ignored",
    }
    [article] = read(tmp_path / "a.json", json.dumps(obj))
    assert article == Article(
        text="Vote\n\nA close one\n\n  The council voted.\n",
        id="story-1",
        title="Vote",
        dek="A close one",
        published="2024-05-08",
        url="https://example.org/vote",
        source="Riverside Ledger",
        body_start=len("Vote\n\nA close one\n\n"),
    )


def test_json_headline_and_dek_come_before_a_body_that_lacks_them(tmp_path: Path) -> None:
    obj = {"title": "Senator's case dismissed", "dek": "Investors plan to sue", "text": "A judge."}
    [article] = read(tmp_path / "a.json", json.dumps(obj))
    assert article.text == "Senator's case dismissed\n\nInvestors plan to sue\n\nA judge."
    assert article.text[article.body_start :] == "A judge."


def test_json_text_that_opens_with_its_title_is_not_repeated(tmp_path: Path) -> None:
    text = "Senator's Case  Dismissed\nInvestors plan to sue\n\nA judge dismissed it."
    obj = {"title": "Senator's case dismissed", "dek": "Investors plan to sue", "text": text}
    [article] = read(tmp_path / "a.json", json.dumps(obj))
    assert article.text == text
    assert article.text[article.body_start :] == "A judge dismissed it."


def test_json_title_that_only_begins_the_first_sentence_is_not_a_heading(tmp_path: Path) -> None:
    obj = {"title": "Case dismissed", "text": "Case dismissed today, the judge said."}
    [article] = read(tmp_path / "a.json", json.dumps(obj))
    assert article.text == "Case dismissed\n\nCase dismissed today, the judge said."
    assert article.body_start == len("Case dismissed\n\n")


def test_json_text_with_its_title_but_not_its_dek_starts_the_body_after_the_title(
    tmp_path: Path,
) -> None:
    obj = {"title": "Vote held", "dek": "Council split", "text": "Vote held\n\nThe council voted."}
    [article] = read(tmp_path / "a.json", json.dumps(obj))
    assert (article.text, article.body_start) == ("Vote held\n\nThe council voted.", 11)


def test_json_news_please_fields_are_read_without_conversion(tmp_path: Path) -> None:
    obj = {
        "title": "Bridge opens",
        "description": "Mayor cuts the ribbon",
        "maintext": "The bridge opened on Friday.",
        "date_publish": "2024-05-08 10:00:00",
        "url": "https://example.org/bridge",
    }
    [article] = read(tmp_path / "a.json", json.dumps(obj))
    assert article.text == "Bridge opens\n\nMayor cuts the ribbon\n\nThe bridge opened on Friday."
    assert (article.dek, article.published, article.url) == (
        "Mayor cuts the ribbon",
        "2024-05-08T10:00:00",
        "https://example.org/bridge",
    )


def test_json_newspaper4k_fields_are_read_without_conversion(tmp_path: Path) -> None:
    obj = {
        "title": "Bridge opens",
        "meta_description": "Mayor cuts the ribbon",
        "text": "Bridge opens\n\nThe bridge opened on Friday.",
        "publish_date": "2024-05-08",
    }
    [article] = read(tmp_path / "a.json", json.dumps(obj))
    assert article.text == obj["text"]  # opens with its title: kept; the dek is not in it
    assert article.text[article.body_start :] == "The bridge opened on Friday."
    assert (article.dek, article.published) == ("Mayor cuts the ribbon", "2024-05-08")


def test_json_own_keys_win_over_scraper_aliases(tmp_path: Path) -> None:
    obj = {"text": "Ours.", "maintext": "Theirs.", "dek": "D", "description": "X"}
    [article] = read(tmp_path / "a.json", json.dumps(obj))
    assert (article.text, article.dek) == ("D\n\nOurs.", "D")


def test_json_without_id_hashes_url_else_text(tmp_path: Path) -> None:
    items = read(
        tmp_path / "a.json",
        '[{"text": "One.", "url": "https://example.org/one"},'
        ' {"text": "Two.", "id": 7}, {"text": "Three."}]',
    )
    assert [item.id for item in items if isinstance(item, Article)] == [
        article_id("One.", "https://example.org/one"),
        "7",
        article_id("Three."),
    ]
    assert {item.source for item in items} == {str(tmp_path / "a.json")}


def test_json_list_bad_item_is_error_and_other_items_read(tmp_path: Path) -> None:
    items = read(tmp_path / "a.json", '[{"text": "One."}, {"title": "no text"}, "text"]')
    assert isinstance(items[0], Article)
    assert problems(items) == [
        "item 2: missing key 'text'",
        "item 3: expected an article object, not a string",
    ]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('{"title": "x"}', "missing key 'text'"),
        ('{"text": 42}', "key 'text' must be a string, not a number"),
        ('{"text": null}', "key 'text' must be a string, not null"),
        ('{"text": "  "}', "key 'text' is empty"),
        ('{"text": "x", "title": ["a"]}', "key 'title' must be a string, not an array"),
        (
            '{"text": "x", "published": "last week"}',
            "key 'published' is not an ISO date or datetime: 'last week'",
        ),
        ("42", "expected an article object or an array of them, not a number"),
        ('"just a string"', "expected an article object or an array of them, not a string"),
        ("[]", "expected an article object or an array of them, not an empty array"),
    ],
)
def test_json_bad_document_is_error_naming_the_problem(
    tmp_path: Path, content: str, problem: str
) -> None:
    assert problems(read(tmp_path / "a.json", content)) == [problem]


def test_json_syntax_error_gives_position(tmp_path: Path) -> None:
    [error] = read(tmp_path / "a.json", '{"text": "x",\n "title" "y"}')
    assert isinstance(error, InputError)
    assert error.problem == "invalid JSON: Expecting ':' delimiter at line 2 column 10"


def test_json_with_several_lines_of_objects_hints_at_jsonl(tmp_path: Path) -> None:
    [error] = read(tmp_path / "a.json", '{"text": "a"}\n{"text": "b"}\n')
    assert isinstance(error, InputError)
    assert error.problem.endswith("(one object per line? name the file .jsonl)")


def test_json_published_datetime_is_normalised(tmp_path: Path) -> None:
    [article] = read(tmp_path / "a.json", '{"text": "x", "published": "2024-11-02T10:00:00Z"}')
    assert isinstance(article, Article)
    assert article.published == "2024-11-02T10:00:00+00:00"


def test_jsonl_malformed_line_is_error_and_other_lines_read(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    lines = ['{"text": "One."}', "", '{"text": "Two." "id": 2}', '{"text": "Three."}']
    items = read(path, "\n".join(lines) + "\n")
    assert [item.source for item in items] == [f"{path}:1", f"{path}:3", f"{path}:4"]
    error = items[1]
    assert isinstance(error, InputError)
    assert str(error) == f"{path}:3: invalid JSON: Expecting ',' delimiter at column 17"
    assert [item.text for item in items if isinstance(item, Article)] == ["One.", "Three."]


def test_jsonl_object_errors_name_line_and_key(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    items = read(path, '{"text": "One."}\n{"body": "Two."}\n[1]\n')
    assert [str(item) for item in items if isinstance(item, InputError)] == [
        f"{path}:2: missing key 'text'",
        f"{path}:3: expected an article object, not an array",
    ]


def test_jsonl_source_key_overrides_path_line(tmp_path: Path) -> None:
    [article] = read(tmp_path / "many.jsonl", '{"text": "One.", "source": "wire"}\n')
    assert isinstance(article, Article)
    assert article.source == "wire"


def test_jsonl_line_over_max_bytes_is_skipped_and_next_line_read(tmp_path: Path) -> None:
    long_line = json.dumps({"text": "word " * 1000})
    path = tmp_path / "many.jsonl"
    items = read(path, f'{long_line}\n{{"text": "Short."}}\n', max_bytes=1000)
    assert isinstance(items[0], InputError)
    assert items[0].source == f"{path}:1"
    assert items[0].problem.startswith("line 1 is 5.0 KB, over the 1.0 KB limit")
    assert isinstance(items[1], Article)
    assert (items[1].text, items[1].source) == ("Short.", f"{path}:2")


def test_jsonl_file_may_exceed_max_bytes_when_lines_do_not(tmp_path: Path) -> None:
    content = "".join(json.dumps({"text": f"Story {n}."}) + "\n" for n in range(100))
    items = read(tmp_path / "many.jsonl", content, max_bytes=100)
    assert len(items) == 100
    assert all(isinstance(item, Article) for item in items)


@pytest.mark.parametrize("content", ["", "\n  \n"])
def test_jsonl_without_objects_is_empty_input(tmp_path: Path, content: str) -> None:
    assert problems(read(tmp_path / "many.jsonl", content)) == ["empty input"]


def test_jsonl_binary_file_is_error(tmp_path: Path) -> None:
    assert problems(read(tmp_path / "many.jsonl", b'{"text": "x"}\n\x00\x01\x02')) == [
        "looks like a binary file, not text"
    ]


def test_json_body_opening_with_its_title_and_a_full_stop_is_not_repeated(tmp_path: Path) -> None:
    text = "Senator's case dismissed.\n\nA judge dismissed it."
    [article] = read(
        tmp_path / "a.json", json.dumps({"title": "Senator's case dismissed", "text": text})
    )
    assert article.text == text
    assert article.text[article.body_start :] == "A judge dismissed it."


@pytest.mark.parametrize(
    "dek", ["A judge dismissed the case on Friday.", "A judge dismissed the case...", "a judge"]
)
def test_json_dek_that_is_the_lede_is_not_repeated(tmp_path: Path, dek: str) -> None:
    body = "A judge dismissed the case on Friday. Investors plan to sue.\n\nMore."
    obj = {"title": "Case dismissed", "description": dek, "maintext": body}
    [article] = read(tmp_path / "a.json", json.dumps(obj))
    assert article.text == "Case dismissed\n\n" + body
    assert article.text[article.body_start :] == body


@pytest.mark.parametrize("missing", ["None", "null", " NaN ", ""])
def test_json_placeholder_for_a_missing_value_is_absent(tmp_path: Path, missing: str) -> None:
    obj = {"title": missing, "published": missing, "date_publish": "2024-11-02", "text": "Hi."}
    [article] = read(tmp_path / "a.json", json.dumps(obj))
    assert (article.title, article.published, article.text) == (None, "2024-11-02", "Hi.")
