"""When two written names can be one person: "Mark Ellison" ~ "M. Ellison", not ~ "Jane Ellison".

Plain functions over the words of a name, so that grouping mentions inside one article
(``entities.index``) and linking entities across articles ask the same question.
Honorifics, titles and suffixes are the caller's to strip ("Sen.", "Jr.").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# one letter, with or without its full stop: "M.", "J", "m" (lower case in linking's keys)
_INITIAL = re.compile(r"^[^\W\d_]\.?$")


def is_initial(word: str) -> bool:
    """ "M." and "M" are initials; "Mo" is not."""
    return _INITIAL.match(word) is not None


def given_names_compatible(a: str, b: str) -> bool:
    """Two given names of one person: equal up to case and a full stop, or one is the
    other's initial ("M." ~ "Mark"; "Mark" !~ "Marc")."""
    fa, fb = a.rstrip("."), b.rstrip(".")
    if fa.lower() == fb.lower():
        return True
    return (is_initial(a) or is_initial(b)) and fa[:1].lower() == fb[:1].lower()


def surname_parts(word: str) -> list[str]:
    """The parts of a double surname, lower case: "Smith-Reed" -> ["smith", "reed"]."""
    return [p for p in word.lower().split("-") if p]


def surnames_compatible(a: str, b: str) -> bool:
    """Two surnames of one person: equal up to case, or one is the first part of the
    other's double surname ("Smith" ~ "Smith-Reed": "Laura Smith" for "Laura Smith-Reed")."""
    pa, pb = surname_parts(a), surname_parts(b)
    if pa == pb:
        return True
    if len(pa) == len(pb) or not pa or not pb:
        return False
    short, double = (pa, pb) if len(pa) < len(pb) else (pb, pa)
    return len(short) == 1 and short[0] == double[0]


def full_names_compatible(a: Sequence[str], b: Sequence[str]) -> bool:
    """Two names of two or more words each (first word given name, last word surname)
    that can be one person: compatible surnames and compatible given names.

    ("Mark", "Ellison") ~ ("Mark", "A.", "Ellison") ~ ("M.", "Ellison");
    not ~ ("Jane", "Ellison"); ("Laura", "Smith") ~ ("Laura", "Smith-Reed").
    """
    return surnames_compatible(a[-1], b[-1]) and given_names_compatible(a[0], b[0])
