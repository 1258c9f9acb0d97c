"""The regular expressions of the time-expression tagger, one per kind of expression.

Each kind is one verbose pattern with named parts. ``MASTER`` joins them (with
the part names stripped) into one alternation, so the tagger scans a text once;
the kind's own pattern then splits a match into its parts. Order matters: at
a given position the first kind that matches wins, so longer, more specific
kinds come first.
"""

from __future__ import annotations

import re

from newsgraph.extract.times.lexicon import (
    DECADE_WORDS,
    HOLIDAYS,
    MODIFIERS,
    MONTHS,
    ORDINALS,
    SEASONS,
    SET_ADVERBS,
    SMALL_NUMBERS,
    UNITS,
    VAGUE_REFS,
    WEEKDAYS,
    alternation,
)

_FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_ABBR_MONTHS = [m for m in MONTHS if m not in _FULL_MONTHS]
# "September", "Sept.", "Aug" (the dot belongs to the abbreviation)
MONTH = rf"(?:{alternation(_FULL_MONTHS)}|(?:{alternation(_ABBR_MONTHS)})\.?)"
WEEKDAY = rf"(?:{alternation(w for w in WEEKDAYS if len(w) > 5)})"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
# "3", "3rd", "third"
_DAY_ORDINALS = alternation(k for k, v in ORDINALS.items() if k not in ("last", "final"))
DAY_NUMBER = rf"(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)|(?:{_DAY_ORDINALS}))"
_NUM_WORD = alternation(
    k for k, v in SMALL_NUMBERS.items() if k.isalpha() and v >= 1 and k not in ("a", "an")
)
# "nineteen ninety-one", "two thousand and one"
SPELLED_YEAR = rf"""(?:nineteen[\s-]+(?:{_NUM_WORD})(?:[\s-]+(?:{_NUM_WORD}))?
    | two\s+thousand(?:\s+and)?(?:[\s-]+(?:{_NUM_WORD}))?)"""
# "18", "1 ½", "2 1/2", "twenty four", "twenty-four", "a hundred", "a couple of", "a few"
NUMBER = rf"""(?:
    \d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?(?:\s*(?:½|¼|¾|1/2|1/4|3/4))?(?!\d)
  | (?:{_NUM_WORD})(?:[\s-]+(?:{_NUM_WORD}))?(?:[\s-]+(?:hundred|thousand))?
  | an?\s+(?:hundred|thousand|couple\s+of|few|number\s+of|single)
  | several | few | many | an? | couple\s+of
)(?:\s+and\s+a\s+half|-and-a-half)?"""
UNIT = rf"(?:{alternation(u for u in UNITS if u != 'centurie')}|centuries|hrs|mins|secs)"
MODIFIER = rf"(?:{alternation(MODIFIERS)})"
PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
EDGE = r"(?:the\s+(?:end|beginning|start|middle|close)\s+of|early|late|mid|earlier|later)"

KIND_PATTERNS: dict[str, str] = {
    # "every Monday", "each year", "every other week", "annually"
    "set": rf"""(?:every|each|per)\s+(?P<other>other\s+)?
        (?P<what>{WEEKDAY}|{UNIT}|{MONTH}|{alternation(SEASONS)}|{PART_OF_DAY})
      | (?P<adverb>{alternation(SET_ADVERBS)})""",
    # "2023-03-03", "2023-03-03T14:00"
    "iso": r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<hh>\d\d):(?P<mm>\d\d)(?::\d\d)?)?",
    # "10:35 a.m.", "3 p.m. Wednesday", "noon Thursday"
    "clock": rf"""(?P<clock>(?P<h>[01]?\d)(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>[ap]\.?m\.?)(?!\w)
          | (?P<h2>[012]?\d):(?P<min2>[0-5]\d)(?!\s*(?:percent|%))
          | (?P<word>noon|midnight|midday))
        (?:\s+(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC|local\s+time)\b)?
        (?:,?\s+(?:on\s+)?(?:(?P<day>{WEEKDAY}|today|yesterday|tomorrow)
          | (?P<month>{MONTH})\s+(?P<mday>[12]\d|3[01]|0?[1-9])(?!\d)))?""",
    # "March 3, 2023", "Mar. 3", "Saturday, April 25", "March eighth", "3 March 2023",
    # "March 3 , 2023" (tokenised text puts a space before the comma)
    "monthday": rf"""(?:(?P<wd>{WEEKDAY}),?\s+)?(?:(?P<edge>early|late|mid)[\s-]+)?
        (?P<month>{MONTH})\s+(?P<day>{DAY_NUMBER})(?:(?:\s?,\s*|\s+)(?P<year>{YEAR})(?!\d))?
      | (?P<day2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{MONTH})
        (?:(?:\s?,\s*|\s+)(?P<year2>{YEAR})(?!\d))?""",
    # "June 2024", "mid-1996"? no: "late September 1998", "June last year"
    "monthyear": rf"""(?:(?P<edge>{EDGE})[\s-]+)?(?P<month>{MONTH}),?\s+(?:of\s+)?
        (?:(?P<year>{YEAR})(?!\d)|(?P<spelled>{SPELLED_YEAR})|(?P<yrel>last|this|next)\s+year)""",
    # "the third quarter", "next year's first quarter", "Q3 2024", "the first half of 1989"
    "quarter": rf"""(?:the\s+(?!\w+-quarter))?(?:comparable\s+)?
        (?:(?P<yrel>last|next|this)\s+year's\s+|(?P<year>{YEAR})\s+
          | (?P<ago>year-ago|year-earlier|year\s+ago|year\s+earlier)\s+)?
        (?:(?:fiscal|calendar|latest|current|flat|weak|strong)\s+)?
        (?P<ord>first|second|third|fourth|last|final|1st|2nd|3rd|4th)[\s-]+(?P<unit>quarter|half)
        (?:\s+(?:of\s+)?(?:fiscal\s+|the\s+year\s+)?(?P<year2>{YEAR}|the\s+year))?
      | Q(?P<qn>[1-4])(?:\s+(?P<year3>{YEAR}))?""",
    # "fiscal 1989", "the current fiscal year", "fiscal '90"
    "fiscal": rf"""(?:the\s+)?(?:(?P<rel>current|next|last|previous|coming|new|past)\s+)?
        fiscal(?:[\s-]+year)?(?:\s+(?P<year>{YEAR}|'\d\d|\d\d(?!\d)))?""",
    # "the year-ago quarter", "year-earlier", "the same period last year", "last year's quarter"
    "yearago": r"""(?:the\s+)?(?:year-ago|year-earlier|year\s+earlier)\s+(?:quarter|period)
      | year-ago|year-earlier
      | (?:the\s+)?(?:same|comparable|corresponding|year-ago)\s+(?:quarter|period)\s+
        (?:last|a)\s+year(?:\s+earlier|\s+ago)?
      | last\s+year's\s+(?:quarter|period)""",
    # "nearly forty years", "the past three months", "two years ago", "a year earlier", "two-year"
    "duration": rf"""(?:(?P<mod>{MODIFIER})\s+(?!the\s))?
        (?P<det>the\s+(?!(?:{NUMBER})-(?:{UNIT})\b))?
        (?:(?P<rel>past|last|next|coming|previous|first|final|following|remaining|other|
            additional|preceding|initial|latest|full|entire)\s+)?
        (?:(?P<num1>{NUMBER})\s+(?:to|or)\s+)?
        (?P<num>{NUMBER})(?:[\s-]+(?P<more>more|additional|full|straight|consecutive|long))?
        [\s-]+(?P<unit>{UNIT})(?P<plural>s)?(?!\w)(?P<half>\s+and\s+a\s+half)?
        (?P<post>[\s-]+(?:ago|earlier|before\s+now|from\s+now)|-old|-long)?""",
    # "recent years", "the coming weeks", "weeks", "for centuries" (the unit keeps its "s")
    "vagueunits": rf"""(?:(?P<det>the|these)\s+)?(?:(?P<rel>past|last|next|coming|recent|
            following|intervening|preceding|early|final|first|remaining|ensuing)\s+)?
        (?P<unit>(?:{UNIT})s|centuries)(?!\w)(?!-)""",
    # "the end of 1990", "the year two thousand", "nineteen ninety-one", "mid-1996"
    "year": rf"""(?:the\s+(?=\d{{4}}\s+(?:period|quarter)))?(?:(?P<edge>{EDGE}|the\s+year)[\s-]+)?
        (?:(?P<year>{YEAR})(?![\d,.]\d|\s*%|\s*percent|-\d)
          | (?P<spelled>{SPELLED_YEAR}))
        (?:\s+(?P<per>period|quarter))?""",
    # "last week", "earlier this month", "the past year", "the end of this week", "the quarter",
    # "the following day", "earlier that day", "the year before"
    "relunit": rf"""(?:(?P<edge>{EDGE})[\s-]+)?
        (?P<rel>this\s+past|this\s+coming|the\s+past|the\s+last|the\s+next|the\s+coming|
            the\s+previous|the\s+preceding|the\s+following|that\s+same|the\s+same|
            the\s+current|the\s+latest|the\s+most\s+recent|the\s+full|the\s+entire|
            last|next|this|that|the)\s+
        (?P<unit>week|weekend|month|year|quarter|decade|century|period|day)(?![\w-])
        (?:\s+(?P<dir>before|after)(?=\s*(?:[,.;:!?)]|$)))?
      | (?P<yearend>year-end|year\s+end|month-end)""",
    # "the 1990s", "the late 1970s", "the nineties", "the '80s", "the 20th century"
    "decade": rf"""(?:the\s+)?(?:(?P<edge>early|mid|late)[\s-]+)?
        (?:(?P<dec>1[0-9]\d0|20[0-9]0)'?s|'(?P<dec2>\d0)s|(?P<word>{alternation(DECADE_WORDS)})
          | (?P<cent>\d{{1,2}})(?:st|nd|rd|th)[\s-]+century
          | (?P<centw>{alternation(ORDINALS)})[\s-]+century)(?!\w)""",
    # "in June", "last April", "mid-November", "the end of November"
    "month": rf"""(?:(?P<rel>last|next|this\s+past|this\s+coming|this|{EDGE})[\s-]+)?
        (?P<month>{MONTH})(?!\w)""",
    # "this spring", "last fall", "the summer of 1998"
    "season": rf"""(?:(?P<rel>last|next|this\s+past|this\s+coming|this|early|late|mid|the)[\s-]+)?
        (?P<season>{alternation(SEASONS)})(?:\s+(?:of\s+)?(?:(?P<year>{YEAR})|(?P<spelled>{SPELLED_YEAR})))?
        (?!\w)""",
    # "Friday", "last Wednesday", "early Tuesday", "Saturday night", "Tuesday nights"
    "weekday": rf"""(?:(?P<rel>last|next|this\s+past|this\s+coming|this|early|late|earlier|later)
            \s+)?
        (?P<wd>{WEEKDAY})(?P<pl>s)?(?:\s+(?P<part>{PART_OF_DAY})(?P<pl2>s)?)?(?!\w)""",
    # "yesterday", "late yesterday", "this morning", "last night", "tonight"
    "relday": rf"""(?:(?P<edge>early|late|earlier|later)\s+)?
        (?P<day>today|yesterday|tomorrow|tonight)(?:\s+(?P<part>{PART_OF_DAY}))?
      | (?:(?P<edge2>earlier|later)\s+)?(?P<rel>last|this|tomorrow|yesterday)\s+
        (?P<part2>{PART_OF_DAY})""",
    # "Thanksgiving Day", "last Christmas", "Election Day"
    "holiday": rf"(?:(?P<rel>last|next|this)\s+)?(?P<name>{alternation(HOLIDAYS)})",
    # "now", "recently", "the future", "currently"
    "vague": rf"(?P<word>{alternation(VAGUE_REFS)})",
}

_INNER_NAME = re.compile(r"\(\?P<\w+>")
_FLAGS = re.IGNORECASE | re.VERBOSE


def _bounded(pattern: str) -> str:
    return rf"(?<![\w'-])(?:{pattern})(?![\w])"


KIND_RES: dict[str, re.Pattern[str]] = {
    kind: re.compile(_bounded(pattern), _FLAGS) for kind, pattern in KIND_PATTERNS.items()
}
# One lookbehind in front of the alternation, not one per kind: the engine then
# gives up at once where no word starts (same matches, a quarter less time).
MASTER = re.compile(
    r"(?<![\w'-])(?:"
    + "|".join(
        f"(?P<{kind}>(?:{_INNER_NAME.sub('(?:', pattern)})(?![\\w]))"
        for kind, pattern in KIND_PATTERNS.items()
    )
    + ")",
    _FLAGS,
)


def kind_of(text: str) -> str | None:
    """The pattern kind that reads a found expression: ``kind_of("last week")`` -> "relunit"."""
    match = MASTER.match(text)
    return match.lastgroup if match else None
