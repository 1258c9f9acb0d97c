"""Calendar arithmetic for TIMEX3 values, relative to a document creation time.

Every helper takes the anchor date (the DCT) or None; with no anchor, the
parts that cannot be known come back as ``X`` (``XXXX-06``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsgraph.extract.times.lexicon import SEASON_START

PAST, FUTURE = "past", "future"


def parse_dct(published: str | None) -> date | None:
    """The date part of an ISO date/datetime (``1998-02-13T14:26``), or None."""
    if not published:
        return None
    match = re.match(r"(\d{4})-?(\d\d)-?(\d\d)", published.strip())
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def fmt_day(day: date | None) -> str:
    return day.isoformat() if day else "XXXX-XX-XX"


def fmt_month(year: int | None, month: int) -> str:
    return f"{year:04d}-{month:02d}" if year is not None else f"XXXX-{month:02d}"


def fmt_year(year: int | None) -> str:
    return f"{year:04d}" if year is not None else "XXXX"


def fmt_week(day: date | None) -> str:
    if day is None:
        return "XXXX-WXX"
    iso = day.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def shift(dct: date, amount: float, unit: str) -> str:
    """The DCT moved by ``amount`` units (negative: back), at that unit's granularity.

    "two years ago" -> shift(dct, -2, "Y") -> "1996"; "six weeks ago" -> a week.
    """
    n = round(amount)
    if unit == "Y":
        return fmt_year(dct.year + n)
    if unit == "DE":
        return f"{(dct.year + 10 * n) // 10:03d}"
    if unit == "C":
        return f"{(dct.year + 100 * n) // 100:02d}"
    if unit == "M":
        return fmt_month(*add_months(dct.year, dct.month, n))
    if unit == "Q":
        year, month = add_months(dct.year, dct.month, 3 * n)
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    if unit in ("W", "WE"):
        return fmt_week(dct + timedelta(weeks=n))
    if unit in ("D", "H", "S"):
        return fmt_day(dct + timedelta(days=n if unit == "D" else 0))
    return fmt_day(dct)


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def resolve_month(dct: date | None, month: int, tense: str | None) -> int | None:
    """The year of a bare month: the latest one for the past, the next for the future.

    With no tense, the month stays in the DCT's year unless that is more than
    seven months away ("in December" read in January is last December).
    """
    if dct is None:
        return None
    if tense == PAST:
        return dct.year if month <= dct.month else dct.year - 1
    if tense == FUTURE:
        return dct.year if month >= dct.month else dct.year + 1
    gap = month - dct.month
    if gap > 7:
        return dct.year - 1
    if gap < -7:
        return dct.year + 1
    return dct.year


def resolve_month_day(dct: date | None, month: int, day: int, tense: str | None) -> date | None:
    """A month-day without a year, in the year that suits the tense (else the nearest)."""
    if dct is None:
        return None
    candidates = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    if tense == PAST:
        before = [c for c in candidates if c <= dct]
        if before and (dct - before[-1]).days < 300:
            return before[-1]
    if tense == FUTURE:
        after = [c for c in candidates if c >= dct]
        if after and (after[0] - dct).days < 300:
            return after[0]
    return min(candidates, key=lambda c: abs((c - dct).days))


def resolve_weekday(
    dct: date | None, weekday: int, tense: str | None, rel: str = ""
) -> date | None:
    """The date of a weekday (1 = Monday) near the DCT.

    News reports name the days of the week around publication: the DCT's own
    weekday is the DCT, others are the latest one before it unless the clause
    is in the future tense ("will meet on Thursday") or the word says "next".
    """
    if dct is None:
        return None
    today = dct.isoweekday()
    back = (today - weekday) % 7
    ahead = (weekday - today) % 7
    if rel == "last":
        return dct - timedelta(days=back or 7)
    if rel == "next":
        return dct + timedelta(days=ahead or 7)
    if back == 0:
        return dct
    if rel == "this" and tense != PAST:
        return dct + timedelta(days=ahead)
    if tense == FUTURE or (tense is None and ahead == 1):
        return dct + timedelta(days=ahead)
    return dct - timedelta(days=back)


def resolve_season(dct: date | None, season: str, rel: str, tense: str | None) -> str:
    """``2024-SP`` for "this spring"; "last fall" is the latest fall before this season."""
    if dct is None:
        return f"XXXX-{season}"
    start = SEASON_START[season]
    current = _season_of(dct)
    if rel == "last" or (rel != "this" and tense == PAST):
        begun_before = start < dct.month and (season != current or tense == PAST)
        return f"{dct.year if begun_before else dct.year - 1:04d}-{season}"
    if rel == "next" or (rel != "this" and tense == FUTURE):
        return f"{dct.year if start > dct.month else dct.year + 1:04d}-{season}"
    return f"{dct.year:04d}-{season}"


def _season_of(day: date) -> str:
    for season, start in sorted(SEASON_START.items(), key=lambda kv: -kv[1]):
        if day.month >= start:
            return season
    return "WI"


def holiday_date(year: int, rule: tuple[int, ...]) -> date:
    """The date of a holiday rule from ``times_lexicon.HOLIDAYS`` in a year."""
    month, day = rule[0], rule[1]
    if len(rule) == 2:
        return date(year, month, day)
    weekday, nth = rule[2], rule[3]
    if nth < 0:
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    first = date(year, month, max(day, 1))
    return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))


def clock_value(day: date | None, hour: int, minute: int) -> str:
    return f"{fmt_day(day)}T{hour:02d}:{minute:02d}"
