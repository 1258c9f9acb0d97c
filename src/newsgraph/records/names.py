"""Names as the corpus keys them: "Sen. Mark Ellison's" -> given "mark", surname "ellison".

With the records, below both the store (which looks entities up by the
normalised name) and the corpus (which links them on their names), so that both
read a name the same way. Whether two names can be one person is linking's
business (``corpus.linking``), not this module's.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# Titles that precede a name; the ones that say what a person does become roles.
# "Sen. Ellison" -> role senator; "Ms. Ellison" -> female
TITLE_ROLES = {
    "sen": "senator",
    "senator": "senator",
    "rep": "representative",
    "representative": "representative",
    "gov": "governor",
    "governor": "governor",
    "judge": "judge",
    "justice": "justice",
    "coach": "coach",
    "mayor": "mayor",
    "president": "president",
    "pres": "president",
    "gen": "general",
    "general": "general",
    "sgt": "sergeant",
    "det": "detective",
    "lt": "lieutenant",
    "capt": "captain",
    "prof": "professor",
    "dr": "doctor",
    "rev": "reverend",
    "atty": "attorney",
}
FEMALE = {"ms", "mrs", "miss", "madam", "madame"}
MALE = {"mr", "sir"}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "esq"}


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A name in parts. ``gender`` is "f" or "m" when a title says so; ``titles`` are roles."""

    given: tuple[str, ...]
    surname: str
    gender: str | None
    titles: tuple[str, ...]
    # the parts of a double surname ("smith-reed" -> "smith", "reed"); one part otherwise
    surname_parts: tuple[str, ...] = ()


def name_tokens(name: str) -> list[str]:
    """Lower-case words without the possessive: "Ellison's aide" -> ["ellison", "aide"]."""
    name = re.sub(r"['’]s\b", "", name)
    return [t for t in re.split(r"[^\w]+", name.lower()) if t]


def name_words(name: str) -> list[str]:
    """As ``name_tokens``, but a hyphen joins: "Laura Smith-Reed" -> ["laura", "smith-reed"]."""
    name = re.sub(r"['’]s\b", "", name)
    words = (w.strip("-") for w in re.split(r"[^\w-]+", name.lower()))
    return [re.sub(r"-+", "-", w) for w in words if w]


@functools.lru_cache(maxsize=65536)
def parse_name(name: str) -> ParsedName:
    """The parts of a name: "Ms. Jane Ellison Jr." -> given ("jane",), surname "ellison", "f".

    A hyphenated surname is one surname: "Laura Smith-Reed" -> given ("laura",), surname
    "smith-reed", ``surname_parts`` ("smith", "reed").
    """
    tokens = name_words(name)
    titles: list[str] = []
    gender = None
    while len(tokens) > 1 and (tokens[0] in TITLE_ROLES or tokens[0] in FEMALE | MALE):
        head = tokens.pop(0)
        if head in FEMALE:
            gender = "f"
        elif head in MALE:
            gender = "m"
        else:
            titles.append(TITLE_ROLES[head])
    while len(tokens) > 1 and tokens[-1] in SUFFIXES:
        tokens.pop()
    if not tokens:
        return ParsedName((), "", gender, tuple(titles))
    surname = tokens[-1]
    return ParsedName(tuple(tokens[:-1]), surname, gender, tuple(titles), tuple(surname.split("-")))


@functools.lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """Lower case, no titles, no possessive, no punctuation: "Sen. Ellison's" -> "ellison".

    A hyphen becomes a space ("Smith-Reed" -> "smith reed"), as stored norms have it.
    """
    parsed = parse_name(name)
    return " ".join((*parsed.given, parsed.surname)).replace("-", " ").strip()
