"""Expressions anchored to the last date the text mentioned, not to the creation time.

"On May 22, 1995, he was promoted, and the following year he ..." is 1996: narrative
phrases ("the following day", "that same day", "the year before") step from the date
the story last named. ``Context.last_date`` holds that date as a TIMEX3 value
(``1995-05-22``, ``1998-10``, ``1998``); ``step`` moves it at the phrase's unit.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsgraph.extract.times.values import add_months, fmt_month, fmt_week

# phrase -> step from the anchor; "the next" is left to the DCT for weeks and longer
# ("over the next year" is a stretch from now), see ANCHORED_UNITS
ANCHORED_RELS: dict[str, int] = {
    "the following": 1, "the next": 1, "the previous": -1, "the preceding": -1,
    "that": 0, "the same": 0, "that same": 0,
}  # fmt: skip
_DAY_VALUE = re.compile(r"\d{4}(?:-\d\d){0,2}")


def date_of(value: str) -> str | None:
    """The calendar part of a DATE/TIME value when it is a concrete day, month or year.

    ``1998-10-23TNI`` -> ``1998-10-23``; ``1998-W33``, ``PAST_REF``, ``XXXX-06`` -> None.
    """
    part = value.split("T", 1)[0]
    return part if _DAY_VALUE.fullmatch(part) else None


def step(anchor: str, unit: str, delta: int) -> str | None:
    """``anchor`` moved by ``delta`` units, written at the unit's granularity.

    A day phrase anchored to a month keeps the day unknown (``1998-10-XX``, as
    TimeBank writes "that same day" after "in October"); None when the anchor is
    coarser than that (a day or a week from a bare year).
    """
    parts = [int(p) for p in anchor.split("-")]
    if unit == "year":
        return f"{parts[0] + delta:04d}"
    if len(parts) == 1:
        return None
    if unit == "month":
        return fmt_month(*add_months(parts[0], parts[1], delta))
    if len(parts) == 2:
        return f"{anchor}-XX" if unit == "day" and delta == 0 else None
    day = date(*parts)
    if unit == "day":
        return (day + timedelta(days=delta)).isoformat()
    if unit == "week":
        return fmt_week(day + timedelta(weeks=delta))
    return None
