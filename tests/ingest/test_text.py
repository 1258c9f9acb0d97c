"""The header convention of plain-text articles: ``split_header`` and ``read_text``."""

from __future__ import annotations

import pytest

from newsgraph.ingest import Header, split_header
from newsgraph.ingest.text import NO_HEADER, read_text

SUMMARY = "A judge dismissed the fraud case against a state senator on Friday."
TITLE = "Fraud case against Ohio senator dismissed"
DEK = "The attorney general will not appeal the ruling."
BODY = "COLUMBUS, Ohio — A judge on Friday dismissed the case.\n\nSecond paragraph.\n"


def body_of(text: str, header: Header) -> str:
    return text[header.body_start :]


def test_split_header_full_layout_finds_summary_title_and_dek() -> None:
    text = f"{SUMMARY}\n{TITLE}\n\n{TITLE}\n{DEK}\n\n{BODY}"
    header = split_header(text)
    assert header.summary_line == SUMMARY
    assert header.title == TITLE
    assert header.dek == DEK
    assert body_of(text, header) == BODY


def test_split_header_without_summary_line_finds_title_and_dek() -> None:
    text = f"{TITLE}\n\n{TITLE}\n{DEK}\n\n{BODY}"
    header = split_header(text)
    assert (header.summary_line, header.title, header.dek) == (None, TITLE, DEK)
    assert body_of(text, header) == BODY


def test_split_header_repeated_title_then_blank_line_has_no_dek() -> None:
    text = f"{SUMMARY}\n{TITLE}\n\n{TITLE}\n\n{BODY}"
    header = split_header(text)
    assert (header.summary_line, header.title, header.dek) == (SUMMARY, TITLE, None)
    assert body_of(text, header) == BODY


def test_split_header_dek_directly_followed_by_body() -> None:
    text = f"{TITLE}\n\n{TITLE}\n{DEK}\nFirst paragraph.\nSecond paragraph.\n"
    header = split_header(text)
    assert header.dek == DEK
    assert body_of(text, header) == "First paragraph.\nSecond paragraph.\n"


def test_split_header_line_under_repeated_title_is_body_when_nothing_follows() -> None:
    text = f"{TITLE}\n\n{TITLE}\nThe only paragraph of the story.\n"
    header = split_header(text)
    assert (header.title, header.dek) == (TITLE, None)
    assert body_of(text, header) == "The only paragraph of the story.\n"


def test_split_header_repeated_title_ignores_case_and_spacing() -> None:
    text = f"{TITLE}\n\n{TITLE.upper().replace(' ', '  ')}\n{DEK}\n\n{BODY}"
    assert split_header(text).title == TITLE


def test_split_header_title_line_then_blank_line_is_title_only() -> None:
    text = f"{TITLE}\n\n{BODY}"
    header = split_header(text)
    assert header == Header(title=TITLE, body_start=len(TITLE) + 2)


def test_split_header_title_in_quotes_without_final_punctuation_is_title() -> None:
    text = f"'A gift to con artists': investors plan suit\n\n{BODY}"
    assert split_header(text).title == "'A gift to con artists': investors plan suit"


def test_split_header_offsets_with_crlf_and_leading_blank_lines() -> None:
    text = f"\r\n  \r\n{TITLE}\r\n\r\n{TITLE}\r\n{DEK}\r\n\r\n  Body here.\r\n"
    header = split_header(text)
    assert (header.title, header.dek) == (TITLE, DEK)
    assert body_of(text, header) == "Body here.\r\n"


def test_split_header_markdown_heading_is_title_without_hashes() -> None:
    text = f"# {TITLE}\n{BODY}"
    header = split_header(text, markdown=True)
    assert header.title == TITLE
    assert body_of(text, header) == BODY


def test_split_header_markdown_heading_in_full_layout() -> None:
    text = f"{SUMMARY}\n# {TITLE}\n\n# {TITLE}\n{DEK}\n\n{BODY}"
    header = split_header(text, markdown=True)
    assert (header.summary_line, header.title, header.dek) == (SUMMARY, TITLE, DEK)
    assert body_of(text, header) == BODY


def test_split_header_hash_line_in_plain_text_is_not_stripped() -> None:
    text = f"# {TITLE}\n{BODY}"
    assert split_header(text) == NO_HEADER


@pytest.mark.parametrize(
    "text",
    [
        # an ordinary first paragraph
        "The city council voted on Tuesday to approve the budget.\n\nThe mayor will sign it.\n",
        # a hard-wrapped first paragraph: no final punctuation, but no blank line after it
        "The city council voted on Tuesday to approve a budget that\nraises fees.\n\nMore.\n",
        # a quotation ending the first paragraph
        'The mayor was blunt. "We cannot afford it."\n\nThe vote was 6-3.\n',
        "By Priya Raman\n\nThe council voted on Tuesday.\n",
        "and then the council voted again\n\nThe vote was 6-3.\n",
        "COLUMBUS, Ohio —\n\nA judge dismissed the case.\n",
        # too long to be a title even without final punctuation
        " ".join(["word"] * 30) + "\n\nBody.\n",
        "12345 67890\n\nBody.\n",
        # a title with nothing after it
        f"{TITLE}\n",
        f"{TITLE}\n\n{TITLE}\n",
        "",
    ],
)
def test_split_header_rejects_text_without_header(text: str) -> None:
    assert split_header(text) == NO_HEADER


def test_read_text_keeps_text_unchanged_and_sets_header_fields() -> None:
    text = f"{SUMMARY}\n{TITLE}\n\n{TITLE}\n{DEK}\n\n{BODY}"
    article = read_text(text, "story.txt")
    assert article.text == text
    assert (article.title, article.dek, article.summary_line) == (TITLE, DEK, SUMMARY)
    assert article.text[article.body_start :] == BODY
    assert article.source == "story.txt"
    assert len(article.id) == 16


def test_read_text_without_header_has_body_start_zero() -> None:
    text = "The council voted on Tuesday.\n\nThe mayor will sign.\n"
    article = read_text(text, "story.txt")
    assert (article.title, article.body_start) == (None, 0)
