"""Time expressions: find them in a text and normalise them to TIMEX3 values.

``find_times`` scans the text once with the patterns of ``patterns`` and turns
each match into a ``TimeExpr`` whose value the kind's handler (``days`` for
calendar days and clock times, ``periods`` for years, quarters, durations and
sets) resolves against the document creation time (``published``). Spans and
types follow the TempEval-3 (TimeBank) annotation conventions.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from newsgraph.extract.times import days, periods
from newsgraph.extract.times.anchors import date_of
from newsgraph.extract.times.context import Context, Handler, month_number
from newsgraph.extract.times.patterns import KIND_RES, MASTER, MONTH
from newsgraph.extract.times.values import PAST, parse_dct, resolve_month_day
from newsgraph.records import TimeExpr

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_times"]

_HANDLERS: dict[str, Handler] = {**days.HANDLERS, **periods.HANDLERS}
assert set(_HANDLERS) == set(KIND_RES), "every pattern kind needs a handler"


def find_times(text: str, published: str | None, doc: Doc | None = None) -> list[TimeExpr]:
    """Time expressions in ``text``, sorted by start and non-overlapping.

    ``published`` is the document creation time (ISO date or datetime) that
    relative expressions are resolved against; with None, the parts that
    depend on it stay ``X`` (``XXXX-06``). ``doc`` is the spaCy Doc of the same
    text; when given, the tense of the clause (from the parse) decides whether
    a bare "June" or "Friday" is the last one or the next one.
    """
    ctx = Context(text=text, dct=_dateline_date(text, parse_dct(published)), doc=doc)
    found: list[TimeExpr] = []
    pos = 0
    while (match := MASTER.search(text, pos)) is not None:
        start = match.start()
        try:
            hit = _resolve(match, ctx)
        except (OverflowError, ValueError):
            # the date would leave the calendar ("yesterday" of 0001-01-01, Christmas after
            # 9999): resolve it as if the creation time were unknown, its parts left X
            hit = _resolve(match, Context(text=text, dct=None, doc=doc))
        if hit is None:
            pos = start + 1
            continue
        end, type_, value = hit
        found.append(TimeExpr(text=text[start:end], span=(start, end), type=type_, value=value))
        ctx.last_date = date_of(value) or ctx.last_date
        pos = end
    return found


# a wire dateline: "TEHRAN, August 8 (Xinhua) --" dates the story the day before it was filed
_DATELINE = re.compile(
    rf"\s*[A-Z][A-Z .,'-]{{1,40}},\s+(?P<month>(?i:{MONTH}))\s+(?P<day>\d{{1,2}})"
    r"\s*\([A-Za-z ]{2,20}\)"
)


def _dateline_date(text: str, dct: date | None) -> date | None:
    """The date in a wire dateline at the top of the text, else the DCT."""
    match = _DATELINE.match(text, 0, 200)
    if dct is None or match is None:
        return dct
    day = resolve_month_day(dct, month_number(match["month"]), int(match["day"]), PAST)
    return day if day is not None and abs((dct - day).days) <= 7 else dct


def _resolve(match: re.Match[str], ctx: Context) -> tuple[int, str, str] | None:
    """(end, type, value) for the first kind, from the matched one on, that accepts the text.

    A handler may turn its match down ("may" as a verb); the kinds after it get
    their chance at the same position.
    """
    start = match.start()
    kind = match.lastgroup
    kinds = list(KIND_RES)
    for candidate in kinds[kinds.index(kind) if kind else 0 :]:
        parts = KIND_RES[candidate].match(ctx.text, start)
        if parts is None:
            continue
        result = _HANDLERS[candidate](parts, ctx, start, parts.end())
        if result is not None:
            return parts.end(), result[0], result[1]
    return None
