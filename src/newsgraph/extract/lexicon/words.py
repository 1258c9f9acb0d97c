"""Words by what they can be: adjectives that are never nouns or verbs, and the
adjectives that make a role ("former", "chief") rather than describe a person.

``adjectives.txt`` is shipped in ``newsgraph/data`` (made by ``bench/make_adjectives.py``
from the pinned model's lemmatizer tables) and read once, on first use.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

# Suffixes of relational adjectives, which classify ("presidential nominee", "foreign
# minister", "Islamic State", "Democratic Party") rather than describe.
RELATIONAL_SUFFIXES = ("al", "ic", "ary", "ory", "ish", "an", "ese", "ian")

# Adjectives that are part of a role: rank, status, field, party, kinship.
ROLE_ADJECTIVES = frozenset(
    """
    acting adjunct administrative adoptive amateur appointed assistant associate athletic
    biological chief civil conservative corporate creative current defensive democratic
    deputy domestic elder eldest elected emeritus eventual executive federal first
    foreign former founding freelance full-time future general grand great head honorary
    incoming independent interim investigative joint junior late lead legislative liberal
    libertarian managing maternal moderate next offensive older oldest outgoing part-time
    paternal possible potential presumptive prime principal private professional
    progressive public republican retired senior socialist sole special step supreme
    surviving tenured top twin undercover vice visiting would-be younger youngest
    """.split()
)

# Relational in form, evaluative in use: "a vocal critic", "the controversial pastor".
EVALUATIVE = frozenset(
    """
    brutal charismatic controversial critical cynical dynamic eccentric emotional
    energetic enthusiastic erratic exceptional fanatical frantic heroic iconic
    influential ironic legendary loyal magical phenomenal pragmatic prolific radical
    tragic typical visionary vocal
    """.split()
)


# Adjectives that open names of places and bodies: "New Zealand", "United Nations",
# "Golden Gate", "Holy See" (a sentence may open with one that nothing else names).
NAME_ADJECTIVES = frozenset(
    """new united great grand royal holy golden free supreme central eastern western
    northern southern upper lower middle inner outer little big former high""".split()
)


@cache
def adjectives_only() -> frozenset[str]:
    """Lower-case words that are adjectives and never nouns or verbs: "combative"."""
    shipped = resources.files("newsgraph").joinpath("data", "adjectives.txt")
    return frozenset(shipped.read_text(encoding="utf-8").split())


def describes(word: str) -> bool:
    """Whether an adjective describes a person rather than names a role:
    "combative", "young", "vocal" yes; "former", "presidential", "foreign" no."""
    lower = word.lower()
    if lower in ROLE_ADJECTIVES or "-" in lower:
        return False  # "anti-abortion activist", "left-wing", "wrongful-death"
    return lower in EVALUATIVE or not lower.endswith(RELATIONAL_SUFFIXES)
