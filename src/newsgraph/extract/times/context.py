"""What the time-expression handlers share: the context of one text, and small readers of
month names, relative years and spelled-out years."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from newsgraph.extract.times.lexicon import MONTHS
from newsgraph.extract.times.numbers import parse_number
from newsgraph.extract.times.tense import tense_at

if TYPE_CHECKING:
    from spacy.tokens import Doc

# (TIMEX3 type, value), or None when a handler turns its match down ("may" as a verb)
Result = tuple[str, str] | None


@dataclass(slots=True)
class Context:
    """What the handlers need besides the match: the text, the DCT and a little memory."""

    text: str
    dct: date | None
    doc: Doc | None
    last_quarter: tuple[int, int] | None = None
    last_quarter_end: int = -1
    last_year: int | None = None
    # the last concrete day, month or year named ("1995-05-22"), for "the following day"
    last_date: str | None = None

    def tense(self, start: int, end: int) -> str | None:
        return tense_at(self.text, start, end, self.doc)

    def recent_quarter(self, start: int) -> tuple[int, int] | None:
        # a quarter named in the last few sentences: "third-quarter profit ... a year earlier"
        if self.last_quarter and start - self.last_quarter_end < 600:
            return self.last_quarter
        return None


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def relative_year(rel: str | None, ctx: Context) -> int | None:
    if ctx.dct is None:
        return None
    return ctx.dct.year + {"last": -1, "next": 1}.get((rel or "this").lower(), 0)


def followed_by_end(ctx: Context, end: int) -> bool:
    # "the year ended Sept. 30": a twelve-month span, not a calendar year
    return (
        re.match(r",?\s+(?:ended|ending|that\s+ended|to)\b", ctx.text[end : end + 20]) is not None
    )


def spelled_year(words: str) -> int | None:
    text = re.sub(r"[\s-]+", " ", words.lower()).replace(" and", "")
    if text.startswith("two thousand"):
        rest = text[len("two thousand") :].strip()
        return 2000 + int(parse_number(rest) or 0) if rest else 2000
    rest = text[len("nineteen") :].strip()
    value = parse_number(rest)
    return 1900 + int(value) if value is not None and value < 100 else None


# A handler: (match, context, start, end) -> Result, one per pattern kind.
Handler = Callable[[re.Match[str], Context, int, int], Result]
