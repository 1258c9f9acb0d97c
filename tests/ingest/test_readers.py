"""``read_inputs``: paths, directories, standard input, bad inputs and ``--published``."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

from newsgraph.config import Settings
from newsgraph.errors import ConfigError, InputError
from newsgraph.ingest import parse_published, read_inputs
from newsgraph.records import Article, article_id

STORY = "Council approves budget\n\nThe city council voted 6-3 on Tuesday to approve the budget.\n"


def read(paths: list[str], **options: Any) -> list[Article | InputError]:
    settings = Settings(max_bytes=options.pop("max_bytes", 1_000_000))
    return list(read_inputs(paths, settings, **options))


def only_error(items: list[Article | InputError]) -> InputError:
    assert len(items) == 1
    assert isinstance(items[0], InputError), items[0]
    return items[0]


def only_article(items: list[Article | InputError]) -> Article:
    assert len(items) == 1
    assert isinstance(items[0], Article), items[0]
    return items[0]


def write(path: Path, content: str | bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return str(path)


def test_read_inputs_txt_file_gives_article_with_header(tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt", STORY)
    article = only_article(read([path]))
    assert article.text == STORY
    assert article.title == "Council approves budget"
    assert article.source == path
    assert article.id == article_id(STORY)
    assert article.published is None


def test_read_inputs_keeps_input_order_and_goes_on_after_errors(tmp_path: Path) -> None:
    second = write(tmp_path / "b.txt", "Second story.")
    first = write(tmp_path / "a.txt", "First story.")
    items = read([second, str(tmp_path / "missing.txt"), first])
    assert [type(item).__name__ for item in items] == ["Article", "InputError", "Article"]
    assert [item.source for item in items] == [second, str(tmp_path / "missing.txt"), first]


def test_read_inputs_missing_path_is_error_naming_it(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    error = only_error(read([missing]))
    assert error.source == missing
    assert error.problem == "no such file or directory"


def test_read_inputs_readme_named_explicitly_is_read(tmp_path: Path) -> None:
    path = write(tmp_path / "README.md", STORY)
    assert only_article(read([path])).source == path


def test_read_inputs_unknown_extension_is_error(tmp_path: Path) -> None:
    error = only_error(read([write(tmp_path / "story.xyz", STORY)]))
    assert error.problem == (
        "unsupported file type .xyz; expected "
        ".txt, .md, .html, .htm, .json, .jsonl, .warc(.gz), .rss or .atom"
    )


def test_read_inputs_directory_walks_sorted_known_files_skipping_hidden_and_readme(
    tmp_path: Path,
) -> None:
    write(tmp_path / "b.txt", "Story b.")
    write(tmp_path / "a.md", "Story a.")
    write(tmp_path / "sub" / "c.json", '{"text": "Story c."}')
    write(tmp_path / "notes.xyz", "not an article")
    write(tmp_path / ".draft.txt", "hidden")
    write(tmp_path / ".git" / "d.txt", "hidden folder")
    write(tmp_path / "README.md", "About these articles")
    items = read([str(tmp_path)])
    assert [Path(str(item.source)).relative_to(tmp_path).as_posix() for item in items] == [
        "a.md",
        "b.txt",
        "sub/c.json",
    ]
    assert all(isinstance(item, Article) for item in items)


def test_read_inputs_directory_without_known_files_is_error(tmp_path: Path) -> None:
    write(tmp_path / "notes.xyz", "not an article")
    error = only_error(read([str(tmp_path)]))
    assert error.source == str(tmp_path)
    expected = ".txt, .md, .html, .htm, .json, .jsonl, .warc(.gz), .rss or .atom"
    assert f"no {expected} files" in error.problem


def test_read_inputs_unreadable_file_is_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "locked.txt", STORY)
    real_open = os.open

    def refuse(name: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(name).name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)

    # chmod 000 does not stop root, who runs these tests in containers
    monkeypatch.setattr(os, "open", refuse)
    error = only_error(read([path]))
    assert error.problem == "cannot read: Permission denied"


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n", b"\xef\xbb\xbf\n"])
def test_read_inputs_empty_or_blank_file_is_error(tmp_path: Path, content: bytes) -> None:
    error = only_error(read([write(tmp_path / "empty.txt", content)]))
    assert error.problem == "empty input"


@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        bytes(range(1, 32)) * 50,  # no NUL, but nothing like text
    ],
)
def test_read_inputs_binary_file_is_error(tmp_path: Path, content: bytes) -> None:
    error = only_error(read([write(tmp_path / "image.txt", content)]))
    assert error.problem == "looks like a binary file, not text"


def test_read_inputs_invalid_utf8_is_replaced_with_a_warning(tmp_path: Path) -> None:
    # valid UTF-8 ("—") next to two stray bytes: a damaged UTF-8 file, not a cp1252 one
    path = write(tmp_path / "damaged.txt", "Judge — ruling ".encode() + b"\xff\xfe" + b" here.")
    article = only_article(read([path]))
    assert article.text == "Judge — ruling \ufffd\ufffd here."
    assert article.warnings == ("not valid UTF-8; replaced 2 bad byte(s) with U+FFFD",)


@pytest.mark.parametrize(
    ("text", "codec", "told"),
    [
        ("The mayor’s “plan” costs €9 million.", "cp1252", "cp1252"),
        ("Le maire a déclaré que le pont ouvrira à l'été prochain.", "latin-1", "cp1252"),
        ("Мэр города сказал, что мост откроется в пятницу.", "cp1251", "cp1251"),
        ("Prezydent powiedział, że most zostanie otwarty w piątek.", "cp1250", "cp1250"),
    ],
)
def test_read_inputs_legacy_encoding_is_detected_with_a_warning(
    tmp_path: Path, text: str, codec: str, told: str
) -> None:
    article = only_article(read([write(tmp_path / "legacy.txt", text.encode(codec))]))
    assert article.text == text
    assert article.warnings == (f"not valid UTF-8; decoded it as {told} (detected)",)


def test_read_inputs_html_declared_charset_is_used(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1251"><title>Мост</title></head><body><article>'
        "<p>Мэр города сказал журналистам, что новый мост откроется в пятницу утром.</p>"
        "</article></body></html>"
    )
    article = only_article(read([write(tmp_path / "page.html", page.encode("cp1251"))]))
    assert "мост откроется в пятницу" in article.text
    assert article.warnings == (
        "not valid UTF-8; decoded it as cp1251, the page's declared charset",
    )


def test_read_inputs_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    good = write(tmp_path / "good.txt", STORY)
    items = read([str(fifo), good, str(tmp_path)])
    assert [type(item).__name__ for item in items] == [
        "InputError",
        "Article",
        "InputError",
        "Article",
    ]
    assert items[0].problem.startswith("not a regular file")
    assert isinstance(items[2], InputError) and items[2].source == str(fifo)


def test_read_inputs_repairs_surrogates_and_controls_with_warnings(tmp_path: Path) -> None:
    line = json.dumps({"text": "Mayor John Smith said \ud800 the bridge\u0000 will open."})
    path = write(tmp_path / "poisoned.jsonl", f'{{"text": "A good line."}}\n{line}\n'.encode())
    first, second = read([path])
    assert isinstance(first, Article) and first.warnings == ()
    assert isinstance(second, Article)
    assert second.text == "Mayor John Smith said \ufffd the bridge  will open."
    assert second.warnings == (
        "replaced 1 lone surrogate(s) with U+FFFD",
        "replaced 1 control character(s) with spaces",
    )


def test_read_inputs_cuts_a_text_over_max_chars_with_a_warning(tmp_path: Path) -> None:
    text = "The council met. " * 100
    items = list(read_inputs([write(tmp_path / "long.txt", text)], Settings(max_chars=500)))
    (article,) = items
    assert isinstance(article, Article)
    assert len(article.text) <= 500 and article.text.endswith("met.")
    assert article.warnings == (
        f"analysed the first {len(article.text)} of 1,700 characters (the limit is 500); "
        "the rest was cut",
    )


def test_read_inputs_utf8_bom_is_stripped(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + STORY.encode())
    article = only_article(read([path]))
    assert article.text == STORY
    assert article.title == "Council approves budget"


def test_read_inputs_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    path = write(tmp_path / "windows.txt", STORY.encode("utf-16"))
    assert only_article(read([path])).text == STORY


def test_read_inputs_file_over_max_bytes_is_error_with_sizes(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.truncate(3_200_000)  # sparse: the size is there without writing it
    error = only_error(read([str(path)]))
    assert error.problem == (
        "is 3.2 MB, over the 1.0 MB limit (set --max-bytes or NEWSGRAPH_MAX_BYTES)"
    )


def test_read_inputs_small_max_bytes_reports_small_units(tmp_path: Path) -> None:
    error = only_error(read([write(tmp_path / "story.txt", "x" * 2500)], max_bytes=1000))
    assert error.problem.startswith("is 2.5 KB, over the 1.0 KB limit")


def test_read_inputs_published_fills_only_missing_dates(tmp_path: Path) -> None:
    text_path = write(tmp_path / "a.txt", STORY)
    json_path = write(tmp_path / "b.json", '{"text": "Story.", "published": "2025-03-14"}')
    items = read([text_path, json_path], published="2024-11-02")
    assert [item.published for item in items if isinstance(item, Article)] == [
        "2024-11-02",
        "2025-03-14",
    ]


def test_read_inputs_bad_published_raises_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        read([write(tmp_path / "a.txt", STORY)], published="11/02/2024")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-11-02", "2024-11-02"),
        (" 20241102 ", "2024-11-02"),
        ("2024-11-02T09:30", "2024-11-02T09:30:00"),
    ],
)
def test_parse_published_returns_iso_form(value: str, expected: str) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["11/02/2024", "2024-13-01", "yesterday", ""])
def test_parse_published_rejects_non_iso_dates(value: str) -> None:
    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        parse_published(value)


def test_read_inputs_stdin_text_uses_header_convention() -> None:
    article = only_article(read(["-"], stdin=io.StringIO(STORY)))
    assert (article.source, article.title, article.text) == (
        "<stdin>",
        "Council approves budget",
        STORY,
    )


def test_read_inputs_stdin_json_lines_are_read_per_line() -> None:
    stream = io.BytesIO(b'\n{"text": "First."}\n{"text": \n{"text": "Third."}\n')
    items = read(["-"], stdin=stream)
    assert [item.source for item in items] == ["<stdin>:2", "<stdin>:3", "<stdin>:4"]
    assert isinstance(items[1], InputError)
    assert [item.text for item in items if isinstance(item, Article)] == ["First.", "Third."]


def test_read_inputs_stdin_pretty_printed_json_object_is_one_article() -> None:
    stream = io.StringIO('{\n  "text": "A story.",\n  "title": "Title"\n}\n')
    article = only_article(read(["-"], stdin=stream))
    assert (article.title, article.source) == ("Title", "<stdin>")
    assert article.text == "Title\n\nA story."
    assert article.text[article.body_start :] == "A story."


def test_read_inputs_stdin_empty_is_error() -> None:
    error = only_error(read(["-"], stdin=io.BytesIO(b"\n\n")))
    assert (error.source, error.problem) == ("<stdin>", "empty input")


def test_read_inputs_stdin_over_max_bytes_is_error() -> None:
    error = only_error(read(["-"], stdin=io.BytesIO(b"word " * 500), max_bytes=1000))
    assert error.problem.startswith("is over the 1.0 KB limit")
