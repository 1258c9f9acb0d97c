"""Events dated by an offset from a dated clause: "on June 17, two days before the phone
launches" dates the launch June 19; "arrested on Monday, three days after the shooting"
dates the shooting three days before that Monday.

Only whole amounts of days, weeks, months or years, from a date precise enough to move
by them (a day for days and weeks); anything else dates nothing.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from newsgraph.records import TimeExpr

_AMOUNT = re.compile(r"^P(\d{1,4})([DWMY])$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})")
_YEAR = re.compile(r"^(\d{4})")
_SIGN = {"before": 1, "after": -1}  # "X, two days before Y": Y is two days after X


def offset_times(
    doc: Doc,
    times: Sequence[TimeExpr],
    triggers: Mapping[int, tuple[str, bool]],
    own: Mapping[int, TimeExpr],
    inside: Mapping[int, TimeExpr],
) -> dict[int, TimeExpr]:
    """Trigger token -> the date an offset gives it, as a DATE expression over the offset's
    words ("two days before", value ``2009-06-19``).

    ``own`` holds the triggers their own clause dates, ``inside`` the tokens of the dated
    expressions: the offset counts from the clause it hangs on, by either.
    """
    found: dict[int, TimeExpr] = {}
    for expr in times:
        amount = _AMOUNT.match(expr.value or "") if expr.type == "DURATION" else None
        span = doc.char_span(expr.span[0], expr.span[1], alignment_mode="expand")
        if amount is None or span is None or span.root.dep_ != "npadvmod":
            continue
        word, governor, targets = _offset_of(span.root)
        base = _base(governor, own, inside) if governor is not None else None
        if word is None or base is None or not base.value:
            continue
        try:
            value = shifted(base.value, _SIGN[word.lower_] * int(amount[1]), amount[2])
        except (ValueError, OverflowError):
            value = None  # the date would leave the calendar
        if value is None:
            continue
        end = word.idx + len(word.text)
        dated = TimeExpr(doc.text[expr.span[0] : end], (expr.span[0], end), "DATE", value)
        for target in targets:
            if target.i in triggers:
                found.setdefault(target.i, dated)
    return found


def _offset_of(amount: Token) -> tuple[Token | None, Token | None, list[Token]]:
    """("before"/"after", the clause counted from, the events offset) of an amount."""
    head = amount.head
    if head.lower_ in _SIGN and head.dep_ == "prep":  # "two days before the launch"
        return head, head.head, [o for o in head.children if o.dep_ == "pobj"]
    if head.dep_ == "advcl":  # "a week after he fled"
        mark = next((c for c in head.children if c.dep_ == "mark" and c.lower_ in _SIGN), None)
        return mark, head.head, [head]
    return None, None, []


def _base(
    governor: Token, own: Mapping[int, TimeExpr], inside: Mapping[int, TimeExpr]
) -> TimeExpr | None:
    """The date of the clause an offset counts from: its trigger's own time, a date the
    clause's verb holds ("will be available on June 17"), or the date it hangs on."""
    if governor.i in own:
        return own[governor.i]
    if governor.i in inside:
        return inside[governor.i]
    for prep in (c for c in governor.children if c.dep_ == "prep"):
        for obj in (o for o in prep.children if o.dep_ == "pobj" and o.i in inside):
            return inside[obj.i]
    return None


def shifted(value: str, amount: int, unit: str) -> str | None:
    """A TIMEX3 date moved by ``amount`` units (D, W, M, Y), at its own precision.

    ``shifted("2009-06-17", 2, "D")`` -> ``"2009-06-19"``; None when the date is not
    precise enough for the unit ("2009-06" by days) or has unknown parts.
    """
    day = _DAY.match(value)
    if unit in "DW":
        if day is None:
            return None
        start = date(int(day[1]), int(day[2]), int(day[3]))
        return (start + timedelta(days=amount * (7 if unit == "W" else 1))).isoformat()
    month = _MONTH.match(value)
    if unit == "M":
        if month is None:
            return None
        months = int(month[1]) * 12 + int(month[2]) - 1 + amount
        year, month_no = divmod(months, 12)
        if day is None:
            return f"{year:04d}-{month_no + 1:02d}"
        last = calendar.monthrange(year, month_no + 1)[1]
        return date(year, month_no + 1, min(int(day[3]), last)).isoformat()
    year_m = _YEAR.match(value)
    if year_m is None:
        return None
    year = int(year_m[1]) + amount
    if day is not None:
        last = calendar.monthrange(year, int(day[2]))[1]
        return date(year, int(day[2]), min(int(day[3]), last)).isoformat()
    if month is not None:
        return f"{year:04d}-{month[2]}"
    return f"{year:04d}"
