"""Counts and durations for the time-expression tagger: "1 ½", "twenty-four" -> ``P1.5Y``."""

from __future__ import annotations

import re

from newsgraph.extract.times.lexicon import (
    MULTIPLIERS,
    SMALL_NUMBERS,
    UNITS,
    VAGUE_COUNTS,
    VAGUE_UNIT,
)

_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "1/2": 0.5, "1/4": 0.25, "3/4": 0.75}


def parse_number(words: str) -> float | None:
    """The value of a count: "18", "1 ½", "twenty-four", "a couple of" -> 2; None when vague."""
    text = re.sub(r"[\s-]+", " ", words.lower()).strip()
    half = 0.0
    for suffix in (" and a half", "-and-a-half"):
        if text.endswith(suffix.replace("-", " ")):
            text, half = text[: -len(suffix)].strip(), 0.5
    if text in VAGUE_COUNTS or text in ("a number of",):
        return None
    if text in SMALL_NUMBERS:
        return SMALL_NUMBERS[text] + half
    digits = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(½|¼|¾|1/2|1/4|3/4)?", text)
    if digits:
        return float(digits[1]) + _FRACTIONS.get(digits[2] or "", 0.0) + half
    total = 0.0
    for word in text.split():
        if word in MULTIPLIERS:
            total = (total or 1) * MULTIPLIERS[word]
        elif word in SMALL_NUMBERS:
            total += SMALL_NUMBERS[word]
        else:
            return None
    return total + half


def _num(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def duration_value(amount: float | None, unit_word: str) -> str:
    """``P18M``, ``PT2H``, ``P10Y`` for "a decade", ``PXY`` for "several years"."""
    designator, is_time, multiplier = UNITS[unit_word]
    prefix = "PT" if is_time else "P"
    if amount is None:
        return prefix + "X" + VAGUE_UNIT.get(unit_word, designator)
    if designator == "Q":
        return f"P{_num(amount * 3)}M"
    if designator == "WE":
        return f"P{_num(amount)}WE"
    value = amount * multiplier
    split = _SMALLER.get((designator, is_time))
    if split is not None and value != int(value):
        # "5 1/2 hours" -> PT5H30M, "2 1/2 years" -> P2Y6M: TIMEX3 writes whole units
        factor, smaller, separator = split
        rest = (value - int(value)) * factor
        if abs(rest - round(rest)) < 1e-9:
            whole = f"{int(value)}{designator}" if int(value) else ""
            return f"{prefix}{whole}{separator}{round(rest)}{smaller}"
    return f"{prefix}{_num(value)}{designator}"


# (designator, time unit) -> how many of the next smaller unit make one, the smaller
# unit's designator, and what comes between them ("T" from days to hours)
_SMALLER: dict[tuple[str, bool], tuple[int, str, str]] = {
    ("Y", False): (12, "M", ""),
    ("D", False): (24, "H", "T"),
    ("H", True): (60, "M", ""),
    ("M", True): (60, "S", ""),
}


def unit_key(word: str) -> str:
    word = word.lower().rstrip(".")
    word = {"centuries": "century", "hrs": "hr", "mins": "min", "secs": "sec"}.get(word, word)
    return word[:-1] if word.endswith("s") and word[:-1] in UNITS else word
