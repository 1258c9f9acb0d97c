"""Handlers for years, quarters and other periods, durations and sets: "2023", "the third
quarter", "fiscal 2024", "a year ago", "two weeks", "every Friday", "the 1990s", "recently"."""

from __future__ import annotations

import re
from datetime import timedelta

from newsgraph.extract.times.anchors import ANCHORED_RELS, step
from newsgraph.extract.times.context import (
    Context,
    Handler,
    Result,
    followed_by_end,
    relative_year,
    spelled_year,
)
from newsgraph.extract.times.lexicon import (
    DECADE_WORDS,
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    SET_ADVERBS,
    UNITS,
    VAGUE_REFS,
    WEEKDAYS,
)
from newsgraph.extract.times.numbers import duration_value, parse_number, unit_key
from newsgraph.extract.times.values import (
    FUTURE,
    add_months,
    fmt_day,
    fmt_month,
    fmt_week,
    fmt_year,
    quarter_of,
    shift,
)


def _set(m: re.Match[str], ctx: Context, start: int, end: int) -> Result:
    if m["adverb"]:
        return "SET", SET_ADVERBS[m["adverb"].lower()]
    what = m["what"].lower().rstrip(".")
    step = 2 if m["other"] else 1
    if what in WEEKDAYS:
        return "SET", f"XXXX-WXX-{WEEKDAYS[what]}"
    if what in MONTHS:
        return "SET", f"XXXX-{MONTHS[what]:02d}"
    if what in SEASONS:
        return "SET", f"XXXX-{SEASONS[what]}"
    if what in PARTS_OF_DAY:
        return "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[what]}"
    return "SET", duration_value(step, unit_key(what))


def _quarter(m: re.Match[str], ctx: Context, start: int, end: int) -> Result:
    if m["qn"]:
        number, unit = int(m["qn"]), "quarter"
        explicit = m["year3"]
    else:
        unit = m["unit"].lower()
        word = m["ord"].lower()
        number = 2 if unit == "half" and word in ("last", "final") else ORDINALS.get(word, 0)
        if not number:
            number = int(word[0])
        explicit = m["year"] or m["year2"]
    letter = "Q" if unit == "quarter" else "H"
    if unit == "half" and number > 2:
        return None
    if explicit and explicit[0].isdigit():
        year: int | None = int(explicit)
    elif m.groupdict().get("yrel"):
        year = relative_year(m["yrel"], ctx)
    elif explicit and ctx.last_year:
        year = ctx.last_year
    elif ctx.dct is None:
        year = None
    else:
        current_year, current = quarter_of(ctx.dct)
        if letter == "H":
            current = (current + 1) // 2
        tense = ctx.tense(start, end)
        year = current_year
        if number > current and tense != FUTURE:
            year -= 1
    if m.groupdict().get("ago") and year is not None:
        quarter = ctx.recent_quarter(start)
        year = (quarter[0] if quarter else year) - 1
    if letter == "Q" and year is not None:
        ctx.last_quarter, ctx.last_quarter_end = (year, number), end
    return "DATE", f"{fmt_year(year)}-{letter}{number}"


def _fiscal(m: re.Match[str], ctx: Context, start: int, end: int) -> Result:
    text = m["year"]
    if text:
        digits = text.lstrip("'")
        year: int | None = int(digits) if len(digits) == 4 else 1900 + int(digits)
        if len(digits) == 2 and int(digits) < 50:
            year = 2000 + int(digits)
    else:
        if followed_by_end(ctx, end):
            return "DURATION", "P1Y"
        rel = (m["rel"] or "this").lower()
        year = relative_year(
            {"previous": "last", "past": "last", "coming": "next"}.get(rel, rel), ctx
        )
    return "DATE", fmt_year(year)


def _yearago(m: re.Match[str], ctx: Context, start: int, end: int) -> Result:
    quarter = ctx.recent_quarter(start)
    if quarter:
        return "DATE", f"{quarter[0] - 1:04d}-Q{quarter[1]}"
    return "DATE", shift(ctx.dct, -1, "Y") if ctx.dct else "XXXX"


_SET_LEFT = re.compile(
    r"(?:\d[\d,.]*%?|million|billion|thousand|hundred|dozen|times|once|twice|\w+s|"
    r"percent|cents?|dollars?|pounds?)\s*$",
    re.IGNORECASE,
)


_NOT_SET_LEFT = re.compile(
    r"\b(?:for|within|in|over|than|after|about|nearly|almost|as|barely|just|of|past|is|was|"
    r"takes?|took|lasts?|lasted|spent|spends?|is|are|'s|has|had|for\s+at\s+least)\s*$",
    re.IGNORECASE,
)


def _duration(m: re.Match[str], ctx: Context, start: int, end: int) -> Result:
    unit = unit_key(m["unit"])
    num_text = m["num"].lower()
    amount = parse_number(m["num1"] or num_text)  # "two to three weeks" -> P2W
    if amount is not None and m["half"]:
        amount += 0.5
    post = (m["post"] or "").strip(" -").lower()
    rel = (m["rel"] or "").lower()
    is_article = num_text in ("a", "an")
    if unit == "second" and is_article:
        return None  # "a second round"
    if unit == "quarter" and is_article and re.match(r"\s+(?:of|point|percent)", ctx.text[end:]):
        return None  # "a quarter of the shares"
    if post == "old" or (post == "" and re.match(r"\s+old\b", ctx.text[end : end + 5])):
        return None  # "27 years old", "the 6-year-old boy": an age
    designator = UNITS[unit][0]
    if post in ("ago", "earlier", "before now") and not (post == "earlier" and designator != "Y"):
        return "DATE", _ago(amount, designator, unit, ctx, start, -1)
    if post == "from now":
        return "DATE", _ago(amount, designator, unit, ctx, start, 1)
    if (
        is_article
        and not (m["mod"] or m["det"] or rel)
        and _SET_LEFT.search(ctx.text[max(0, start - 20) : start].rstrip())
        and not _NOT_SET_LEFT.search(ctx.text[max(0, start - 25) : start])
    ):
        return "SET", duration_value(1, unit)  # "$33 million a year"
    return "DURATION", duration_value(amount, unit)


def _ago(
    amount: float | None, designator: str, unit: str, ctx: Context, start: int, sign: int
) -> str:
    if amount is None:
        return "PAST_REF" if sign < 0 else "FUTURE_REF"
    if ctx.dct is None:
        return "XXXX"
    if designator == "Y" and UNITS[unit][2] == 1 and amount == 1 and sign < 0:
        quarter = ctx.recent_quarter(start)
        if quarter:
            return f"{quarter[0] - 1:04d}-Q{quarter[1]}"
    if designator == "Y" and UNITS[unit][2] > 1:
        return shift(ctx.dct, sign * amount * UNITS[unit][2], "Y")
    return shift(ctx.dct, sign * amount, designator)


def _vagueunits(m: re.Match[str], ctx: Context, start: int, end: int) -> Result:
    unit = unit_key(m["unit"])
    rel = (m["rel"] or "").lower()
    if unit in ("weekend", "night") or (unit == "second" and not rel):
        return None
    if rel == "coming" or (rel == "next" and not m["det"]):
        return "DATE", "FUTURE_REF"
    if rel == "recent" and unit in ("year", "decade"):
        return "DATE", "PAST_REF"
    if not (m["det"] or rel):
        left = ctx.text[max(0, start - 12) : start].lower()
        if not re.search(r"\b(?:for|within|in|after|over|took|take|takes)\s+$", left):
            return None
    return "DURATION", duration_value(None, unit)


def _year(m: re.Match[str], ctx: Context, start: int, end: int) -> Result:
    if m["year"]:
        year = int(m["year"])
        if not m["edge"] and not m["per"] and _counted(ctx, start, end):
            return None
    else:
        spelled = spelled_year(m["spelled"])
        if spelled is None:
            return None
        year = spelled
    ctx.last_year = year
    per = (m["per"] or "").lower()
    quarter = ctx.recent_quarter(start)
    if per and quarter:
        return "DATE", f"{year:04d}-Q{quarter[1]}"
    return "DATE", f"{year:04d}"


def _counted(ctx: Context, start: int, end: int) -> bool:
    # "1999 people", "$2000": a number, not a year
    left = ctx.text[max(0, start - 2) : start]
    right = ctx.text[end : end + 16]
    return (
        "$" in left
        or re.match(r"\s+(?:people|troops|men|women|shares|units|votes)\b", right) is not None
    )


_REL_DELTA = {
    "last": -1, "the past": -1, "the last": -1, "the previous": -1, "the preceding": -1,
    "this past": -1, "next": 1, "the next": 1, "the coming": 1, "the following": 1,
    "this coming": 1, "that": 0,
}  # fmt: skip


_UNKNOWN_UNIT_VALUES = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX"}


_UNIT_DESIGNATORS = {"week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "C"}


def _relunit(m: re.Match[str], ctx: Context, start: int, end: int) -> Result:
    if m["yearend"]:
        word = m["yearend"].lower()
        return "DATE", (
            fmt_year(ctx.dct.year if ctx.dct else None)
            if "year" in word
            else fmt_month(ctx.dct.year if ctx.dct else None, ctx.dct.month if ctx.dct else 1)
        )
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = m["unit"].lower()
    edge = (m["edge"] or "").lower()
    anchored = _anchored(m, ctx, rel, unit)
    if anchored is not None or unit == "day":
        return anchored
    if unit == "period" and rel not in ("the latest", "the most recent", "the same", "the current"):
        return None
    dct = ctx.dct
    if unit in ("quarter", "period"):
        quarter = ctx.recent_quarter(start)
        if quarter and rel not in _REL_DELTA:
            year, number = quarter
        elif dct is None:
            return "DATE", "XXXX-QX"
        else:
            year, number = quarter_of(dct)
            delta = _REL_DELTA.get(rel, 0 if rel == "this" else -1)
            year, month = add_months(year, number * 3, 3 * delta)
            number = (month - 1) // 3 + 1
        ctx.last_quarter, ctx.last_quarter_end = (year, number), end
        return "DATE", f"{year:04d}-Q{number}"
    if dct is None:
        return "DATE", _UNKNOWN_UNIT_VALUES.get(unit, "XXXX")
    delta = _REL_DELTA.get(rel, 0)
    if unit == "weekend":
        if delta == 0 and dct.isoweekday() < 6 and ctx.tense(start, end) != FUTURE:
            delta = -1
        return "DATE", fmt_week(dct + timedelta(weeks=delta)) + "-WE"
    if unit == "year" and rel in ("the", "this") and not edge and followed_by_end(ctx, end):
        return "DURATION", "P1Y"
    return "DATE", shift(dct, delta, _UNIT_DESIGNATORS[unit])


def _anchored(m: re.Match[str], ctx: Context, rel: str, unit: str) -> Result:
    """A narrative phrase stepped from the last date named: "the following day", "that
    month", "the day before". None leaves a week, month or year to the DCT rules."""
    direction = (m["dir"] or "").lower()
    if rel == "the" and direction:
        delta = 1 if direction == "after" else -1
    elif rel in ANCHORED_RELS and not (rel == "the next" and unit != "day"):
        delta = ANCHORED_RELS[rel]
    else:
        return None  # "the day", "this day": not a date of the story
    if unit == "day" and rel == "that" and not m["edge"]:
        return None  # "strong redemptions that day": TBAQ leaves a bare "that day" unmarked
    if unit == "year" and ctx.last_year is not None:
        return "DATE", fmt_year(ctx.last_year + delta)
    value = step(ctx.last_date, unit, delta) if ctx.last_date else None
    if value is None and unit == "day":
        # no date named yet: the story's own day ("the next day" after the news)
        value = fmt_day(ctx.dct + timedelta(days=delta) if ctx.dct else None)
    return ("DATE", value) if value is not None else None


def _decade(m: re.Match[str], ctx: Context, start: int, end: int) -> Result:
    if m["dec"]:
        return "DATE", m["dec"][:3]
    if m["dec2"] or m["word"]:
        digit = int(m["dec2"][0]) if m["dec2"] else DECADE_WORDS[m["word"].lower()]
        century = 19 if ctx.dct is None or digit > ctx.dct.year % 100 // 10 else ctx.dct.year // 100
        return "DATE", f"{century}{digit}"
    number = int(m["cent"]) if m["cent"] else ORDINALS.get(m["centw"].lower(), 0)
    return ("DATE", f"{number - 1:02d}") if number else None


# words in the lexicon that TempEval-3 leaves unmarked far more often than not:
# "previously announced", "future losses", "once" (= when)
_UNMARKED_REFS = frozenset(
    {"once", "earlier", "one day", "in the past", "so far", "eventually", "shortly", "future",
     "previously"}
)  # fmt: skip


def _vague(m: re.Match[str], ctx: Context, start: int, end: int) -> Result:
    word = re.sub(r"\s+", " ", m["word"].lower())
    if word in _UNMARKED_REFS:
        return None
    return "DATE", VAGUE_REFS[word]


HANDLERS: dict[str, Handler] = {
    "set": _set, "quarter": _quarter, "fiscal": _fiscal, "yearago": _yearago,
    "duration": _duration, "vagueunits": _vagueunits, "year": _year, "relunit": _relunit,
    "decade": _decade, "vague": _vague,
}  # fmt: skip
