"""Word tables for the time-expression tagger (``extract.times``).

One place for the words: month and weekday names, number words, units and
parts of the day, each mapped to what the TIMEX3 value needs.
"""

from __future__ import annotations

from collections.abc import Iterable

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
    "saturday": 6, "sunday": 7, "mon": 1, "tue": 2, "tues": 2, "wed": 3,
    "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
}  # fmt: skip

SMALL_NUMBERS: dict[str, float] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a": 1, "an": 1, "a single": 1, "half": 0.5,
    "a half": 0.5, "a couple of": 2, "a couple": 2, "couple of": 2,
}  # fmt: skip
MULTIPLIERS: dict[str, int] = {"hundred": 100, "thousand": 1000}
# counts that TIMEX3 leaves open: "a few days" -> PXD
VAGUE_COUNTS = frozenset({"a few", "few", "several", "many", "some", "a number of", "the"})

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "last": 4, "final": 4,
}  # fmt: skip

# unit word -> (TIMEX3 designator, is a time-of-day unit, multiplier)
UNITS: dict[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1), "sec": ("S", True, 1), "minute": ("M", True, 1),
    "min": ("M", True, 1), "hour": ("H", True, 1), "hr": ("H", True, 1),
    "day": ("D", False, 1), "night": ("D", False, 1), "week": ("W", False, 1),
    "weekend": ("WE", False, 1), "fortnight": ("W", False, 2),
    "month": ("M", False, 1), "quarter": ("Q", False, 1), "year": ("Y", False, 1),
    "decade": ("Y", False, 10), "century": ("Y", False, 100),
    "centurie": ("Y", False, 100), "millennium": ("Y", False, 1000),
}  # fmt: skip
# vague plural units keep the decade/century designators: "centuries" -> PXC
VAGUE_UNIT = {"decade": "DE", "century": "C", "centurie": "C", "millennium": "L"}

# set adverbs: "annually" -> P1Y
SET_ADVERBS: dict[str, str] = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W",
    "biweekly": "P2W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
}  # fmt: skip

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "overnight": "NI", "noon": "T12:00", "midday": "MI", "midnight": "T24:00",
}  # fmt: skip

SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}
# the month each season starts in, to say whether it is past or to come
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

# "nineties" -> 9 (the decade digit)
DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
    "seventies": 7, "eighties": 8, "nineties": 9,
}  # fmt: skip

# holiday -> (month, day) for fixed dates, (month, 0, weekday, nth) for "the fourth
# Thursday of November" (nth -1: the last one); Election Day is the Tuesday after
# the first Monday of November, i.e. the first Tuesday on or after Nov. 2
HOLIDAYS: dict[str, tuple[int, ...]] = {
    "new year's day": (1, 1), "valentine's day": (2, 14), "independence day": (7, 4),
    "the fourth of july": (7, 4), "halloween": (10, 31), "veterans day": (11, 11),
    "christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
    "new year's eve": (12, 31), "thanksgiving day": (11, 0, 4, 4), "thanksgiving": (11, 0, 4, 4),
    "labor day": (9, 0, 1, 1), "memorial day": (5, 0, 1, -1), "election day": (11, 2, 2, 1),
}  # fmt: skip

# vague references: word -> TIMEX3 value
VAGUE_REFS: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "presently": "PRESENT_REF", "at present": "PRESENT_REF",
    "these days": "PRESENT_REF", "right now": "PRESENT_REF", "so far": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF",
    "previously": "PAST_REF", "formerly": "PAST_REF", "the past": "PAST_REF",
    "earlier": "PAST_REF", "once": "PAST_REF", "in the past": "PAST_REF",
    "soon": "FUTURE_REF", "the future": "FUTURE_REF", "future": "FUTURE_REF",
    "shortly": "FUTURE_REF", "one day": "FUTURE_REF", "someday": "FUTURE_REF",
    "eventually": "FUTURE_REF",
}  # fmt: skip

# approximation and comparison words kept inside a span: "nearly forty years"
MODIFIERS: dict[str, str] = {
    "around": "APPROX", "nearly": "LESS_THAN", "more than": "MORE_THAN",
    "less than": "LESS_THAN", "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
}  # fmt: skip
# TempEval-3 leaves "about", "almost", "only", "over", "just" outside the span


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of the words, longest first, spaces as ``\\s+``."""
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(w.replace(".", r"\.").replace(" ", r"\s+") for w in items)
