"""Plain-text articles (.txt, .md) and the header convention of DIGEST_FORMAT.md.

A header is an optional summary line, a title, the title again with a dek under
it, then the body; or just a title-like first line followed by a blank line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.records import Article, article_id

_MAX_TITLE = 200  # characters, for a title confirmed by its repetition
_MAX_BARE_TITLE = 150  # characters, for a title recognised by its look alone
_MAX_TITLE_WORDS = 20
_MAX_DEK = 400
_LOOKAHEAD = 6  # non-empty lines: summary, title, title, dek, body, one spare

_FINAL_PUNCTUATION = ".!?:;,…-–—"  # dashes end datelines: "COLUMBUS, Ohio —"
_CLOSERS = "\"'”’»)]"
_BYLINE = re.compile(r"by\s", re.IGNORECASE)  # "By Jane Smith" is not a title
_MD_HEADING = re.compile(r"(#{1,6})\s+(.*?)(?:\s+#+)?$")  # "# Title", "## Title ##"


@dataclass(frozen=True, slots=True)
class Header:
    """What ``split_header`` found; ``body_start`` is the offset of the body, 0 if no header."""

    title: str | None = None
    dek: str | None = None
    summary_line: str | None = None
    body_start: int = 0


NO_HEADER = Header()


@dataclass(frozen=True, slots=True)
class _Line:
    start: int  # offset of the first non-space character
    text: str  # stripped
    after_blank: bool  # a blank line comes before it


def read_text(text: str, source: str, *, markdown: bool = False) -> Article:
    """An Article from a plain-text file; ``text`` is kept unchanged, the header only located."""
    header = split_header(text, markdown=markdown)
    return Article(
        text=text,
        id=article_id(text),
        title=header.title,
        dek=header.dek,
        summary_line=header.summary_line,
        source=source,
        body_start=header.body_start,
    )


def split_header(text: str, *, markdown: bool = False) -> Header:
    """Find the header convention at the start of ``text``; ``NO_HEADER`` when there is none.

    Layouts recognised (the repeated title is the strong signal):

    - summary line, title, blank line, the title again, dek, body;
    - the same without the summary line, or without the dek;
    - a title-like first line (short, no final punctuation, not "By ...") and a blank line;
    - with ``markdown``, a first line ``# Title``.

    Lines are compared stripped; a header needs a body after it.
    """
    lines = _first_lines(text)
    heads = [_heading(line.text) if markdown else line.text for line in lines]
    for first in (0, 1):
        again = first + 1
        if again < len(lines) and _same_title(heads[first], heads[again]):
            return _repeated_title(lines, heads[first], first, again)
    if len(lines) < 2:
        return NO_HEADER
    if markdown and lines[0].text.startswith("# "):
        return Header(title=heads[0], body_start=lines[1].start)
    if lines[1].after_blank and _title_like(heads[0]):
        return Header(title=heads[0], body_start=lines[1].start)
    return NO_HEADER


def _repeated_title(lines: list[_Line], title: str, first: int, again: int) -> Header:
    summary = lines[0].text if first == 1 else None
    body = again + 1
    dek = None
    # the dek sits right under the repeated title; a paragraph after a blank line is body
    if body + 1 < len(lines) and not lines[body].after_blank and len(lines[body].text) <= _MAX_DEK:
        dek = lines[body].text
        body += 1
    if body >= len(lines):
        return NO_HEADER
    return Header(title=title, dek=dek, summary_line=summary, body_start=lines[body].start)


def _first_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    offset = 0
    blank = False
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            start = offset + len(raw) - len(raw.lstrip())
            lines.append(_Line(start, stripped, blank))
            if len(lines) == _LOOKAHEAD:
                break
        blank = not stripped
        offset += len(raw)
    return lines


def _heading(line: str) -> str:
    match = _MD_HEADING.match(line)
    return match.group(2) if match else line


def _same_title(first: str, again: str) -> bool:
    return (
        len(first) <= _MAX_TITLE
        and any(char.isalpha() for char in first)
        and _normal(first) == _normal(again)
    )


def _normal(line: str) -> str:
    return " ".join(line.split()).casefold()


def _title_like(line: str) -> bool:
    core = line.rstrip(_CLOSERS)
    return (
        bool(core)
        and len(line) <= _MAX_BARE_TITLE
        and len(line.split()) <= _MAX_TITLE_WORDS
        and any(char.isalpha() for char in line)
        and not line[0].islower()
        and core[-1] not in _FINAL_PUNCTUATION
        and not _BYLINE.match(line)
    )
