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


def full_names_compatible(a: Sequence[str], b: Sequence[str]) -> bool:
    """Two names of two or more words each (first word given name, last word surname)
    that can be one person: the same surname up to case and compatible given names.

    ("Mark", "Ellison") ~ ("Mark", "A.", "Ellison") ~ ("M.", "Ellison");
    not ~ ("Jane", "Ellison").
    """
    return a[-1].lower() == b[-1].lower() and given_names_compatible(a[0], b[0])
