"""The tense of the clause around a time expression: past, future or unknown.

It decides whether a bare "June" or "Friday" is the last one or the next one.
With a parsed ``Doc``, the verb that governs the expression and its auxiliaries
decide; without one, cue words in the text before the expression do.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsgraph.extract.lexicon.modality import FUTURE_AUX, LOOK_AHEAD_VERBS
from newsgraph.extract.times.values import FUTURE, PAST

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Cues before the expression, nearest first: "will go to trial in June", "was sentenced in June"
_CUE = re.compile(
    r"\b(?P<future>will|shall|won't|'ll|going\s+to|scheduled|planned|plans?\s+to|expects?\s+to|"
    r"expected|due|is\s+to|are\s+to|would|until)\b"
    r"|\b(?P<past>was|were|had|did|said|ago|\w{3,}ed)\b",
    re.IGNORECASE,
)
# "until 9 a.m. Tuesday", "as soon as Tuesday": a deadline lies ahead
_DEADLINE = re.compile(r"\b(?:until|till|as\s+soon\s+as|no\s+later\s+than)\s+$", re.IGNORECASE)
_CLAUSE_START = re.compile(r"[.;!?\n]|\b(?:and|but|which|who|that)\b")


def tense_at(text: str, start: int, end: int, doc: Doc | None) -> str | None:
    """``PAST``, ``FUTURE`` or None for the clause holding ``text[start:end]``."""
    before = text[max(0, start - 16) : start]
    if _DEADLINE.search(before):
        return FUTURE
    if text.startswith("'s", end):
        # "Wednesday's ruling": a day named for what happened on it, whatever the clause
        # around says ("would look for ways to get around Wednesday's ruling")
        return PAST
    if doc is not None:
        span = doc.char_span(start, end, alignment_mode="expand")
        verb = _governing_verb(span.root) if span is not None and len(span) else None
        if verb is not None:
            return _clause_tense(verb)
    return _tense_from_text(text, start)


def _tense_from_text(text: str, start: int) -> str | None:
    window = text[max(0, start - 120) : start]
    clause_starts = [m.end() for m in _CLAUSE_START.finditer(window)]
    if clause_starts:
        window = window[clause_starts[-1] :]
    cues = list(_CUE.finditer(window))
    if not cues:
        return None
    return FUTURE if cues[-1]["future"] else PAST


def _clause_tense(verb: Token) -> str | None:
    if verb.lemma_.lower() in ("plan", "schedule"):
        return FUTURE  # "planned a demonstration on Saturday"
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ == "to" for c in verb.children):
        # "agreed to buy it in February" looks ahead; "staged rallies to mark the
        # entry into NATO on Friday" keeps the tense of the verb above
        head = verb.head
        if (
            head is verb
            or head.lemma_.lower() in LOOK_AHEAD_VERBS
            or head.pos_ not in ("VERB", "AUX")
        ):
            return FUTURE
        return _verb_tense(head)
    return _verb_tense(verb)


def _governing_verb(token: Token) -> Token | None:
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _verb_tense(verb: Token) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUX or (verb.lower_ in FUTURE_AUX):
        return FUTURE
    if "going" in words or "would" in words:
        return FUTURE
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return PAST
    if verb.tag_ == "VBN" and words & {"has", "have", "had", "'ve", "'s"}:
        return PAST
    return None
