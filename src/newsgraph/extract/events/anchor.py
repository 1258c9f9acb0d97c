"""When and where each event happened, read off its own clause, the clause it hangs on and
the events it is tied to.

An event takes the dated time expression of its own clause ("dismissed the case on
Friday"); else that of the clause it is subordinate to ("killed on March 3, 2022, when
Okafor fired a revolver": the firing is March 3) or of a verb it is coordinated with
("was killed and a director wounded on Thursday"), both with basis ``clause``; else the
time of a violent event it is tied to ("wounded early Wednesday in a shooting", "fired
the revolver that killed her on March 3"), basis ``linked``. Nothing else dates it: a
charge or a sentencing "for the shooting" is not dated by the shooting, nor by a date
on a noun of another event ("a charge in a fatal shooting in 2022"). Places spread the
same way.

A date or clock time comes first; only an event none dates takes a duration of its own
clause that says how long it lasted ("protested for more than a week"), and only then a
vague time ("now", "recently"). A time ahead ("over the next four years") is not that
of a verb in the past ("has announced job cuts ..."): it dates the verb's object event.
An offset from a dated clause dates the event it names ("on June 17, two days before the
phone launches": ``offsets``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.events.args import SUPPORT_VERBS, Argument, ArgumentReader
from newsgraph.extract.events.offsets import offset_times
from newsgraph.extract.events.types import TYPES
from newsgraph.extract.lexicon.places import WHERE_PREPS
from newsgraph.records import TimeExpr

CLAUSE = "clause"  # the event's own clause, or the clause it is subordinate to
LINKED = "linked"  # the time of an event it is tied to

_ANCHOR_TYPES = frozenset({"DATE", "TIME"})
# what an event's clause may say of its time, the most telling first (``_tier``)
_DATED, _DURATION, _VAGUE = range(3)
_AHEAD_WORDS = frozenset({"next", "coming", "upcoming", "following"})
_EXTENT_PREPS = frozenset({"for", "over", "during", "throughout", "in", "within"})
# Verbs that only say when their subject noun happened: "the crash occurred on Sunday".
OCCURRENCE_VERBS = frozenset(
    {"happen", "occur", "take", "begin", "start", "end", "follow", "unfold"}
)
# subordinators of a clause that happens at its governor's time: "on March 3, when ..."
_SAME_TIME_MARKERS = frozenset({"when", "as", "while", "whilst"})
# prepositions that put one event inside another: "wounded in a shooting", "during a raid"
_INSIDE_PREPS = frozenset({"in", "during", "amid"})
_TIED_GENRES = frozenset({"violence", "disaster"})
_SEQUENCE_ADVERBS = frozenset(
    {"later", "then", "subsequently", "since", "afterwards", "afterward", "eventually", "again"}
)
# how far down the phrases a place is looked for, and the prepositions on the way
_PLACE_DEPTH = 4
_SETTING_PREPS = WHERE_PREPS | {"on", "across", "throughout", "during"}
_PLACE_PATH_PREPS = _SETTING_PREPS | {"of"}
_MODALS = frozenset({"will", "would", "could", "may", "might", "shall", "should", "can", "must"})
# how a date sits on a noun it only describes: "the 2022 case", "Friday's hearing"
_PREMODIFIERS = frozenset({"nummod", "compound", "amod", "poss", "nmod"})
# the noun "set" of "film set", which the parser reads as a participle
_SET_NOUNS = frozenset({"film", "movie", "tv", "television", "studio"})

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Anchored:
    """A trigger's time expression and how it got it (``clause`` or ``linked``)."""

    time: TimeExpr
    basis: str


def is_mistaken_participle(tok: Token) -> bool:
    """ "on a film set in 2022": "set" tagged as a verb under "film" is the noun."""
    return (
        tok.lemma_.lower() == "set"
        and tok.dep_ == "acl"
        and tok.i == tok.head.i + 1
        and tok.head.lower_ in _SET_NOUNS
    )


def anchor_times(
    doc: Doc, times: Sequence[TimeExpr], triggers: Mapping[int, tuple[str, bool]]
) -> dict[int, Anchored]:
    """Trigger token -> its time expression and basis (triggers that have none are left out).

    ``triggers`` maps token index -> (type, nominal), as ``find_event_mentions`` reads them.
    """
    found: dict[int, tuple[TimeExpr, str]] = {}
    for tier in (_DATED, _DURATION, _VAGUE):
        own: dict[int, TimeExpr] = {}
        inside: dict[int, TimeExpr] = {}  # token -> the expression it is part of
        for expr in (e for e in times if _tier(e) == tier):
            span = doc.char_span(expr.span[0], expr.span[1], alignment_mode="expand")
            if span is None or len(span) == 0 or (tier == _DURATION and not _extent(span)):
                continue
            for tok in span:
                inside.setdefault(tok.i, expr)
            for at in _own_triggers(span.root, triggers):
                for to in _fitting_tense(doc[at], expr, triggers):
                    own.setdefault(to, expr)
        # "the incident that unfolded on March 3, 2022, when X shot Y": the clause hangs on
        # the date
        for i in triggers:
            when = None if i in own else _when_clause_of_date(doc[i], inside)
            if when is not None:
                own[i] = when
        if tier == _DATED:  # "on June 17, two days before the phone launches"
            for i, shifted in offset_times(doc, times, triggers, own, inside).items():
                own.setdefault(i, shifted)
        # a tier only dates what the tiers before it left undated; a duration is the
        # extent of its own event only
        spreading = (
            spread(doc, own, triggers)
            if tier != _DURATION
            else {i: (expr, CLAUSE) for i, expr in own.items()}
        )
        for i, value in spreading.items():
            found.setdefault(i, value)
    return {i: Anchored(expr, basis) for i, (expr, basis) in found.items()}


def _fitting_tense(
    verb: Token, expr: TimeExpr, triggers: Mapping[int, tuple[str, bool]]
) -> Iterator[int]:
    """The trigger a time expression found on ``verb`` dates, by tense: a time ahead ("over
    the next four years", "soon") is not that of a verb in the past ("has announced job
    cuts over the next four years"): it goes to the event noun the verb has as its object,
    the cuts; else to nothing."""
    if not (_ahead(expr) and _past(verb)):
        yield verb.i
        return
    yield from (c.i for c in verb.children if c.dep_ == "dobj" and triggers.get(c.i, ("", 0))[1])


def _ahead(expr: TimeExpr) -> bool:
    words = set(expr.text.lower().split())
    return expr.value == "FUTURE_REF" or bool(words & _AHEAD_WORDS)


def _past(verb: Token) -> bool:
    """ "announced", "has announced", "was announced" (not "will announce", "announces")."""
    if verb.pos_ != "VERB":
        return False
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if verb.tag_ == "VBD" and not aux:
        return True
    return verb.tag_ == "VBN" and any(
        a.tag_ == "VBD" or (a.lemma_ == "have" and a.tag_ in {"VBZ", "VBP"}) for a in aux
    )


def _extent(span: Span) -> bool:
    """Whether a duration says how long its event lasted: "for more than a week", "over
    the next four years", "in the past decade"; not "after thirty minutes" (when it
    ended), "four years behind schedule" or "a 12-hour flight" (a measure)."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in _EXTENT_PREPS


def _tier(expr: TimeExpr) -> int | None:
    """How much a time expression says of when: a date or clock time, a duration ("over
    the next four years"), a vague reference ("now", "recently"); None: nothing (a set)."""
    if not expr.value:
        return None
    if expr.type == "DURATION":
        return _DURATION
    if expr.type not in _ANCHOR_TYPES:
        return None
    return _VAGUE if expr.value.endswith("_REF") else _DATED


def spread(
    doc: Doc, own: Mapping[int, T], triggers: Mapping[int, tuple[str, bool]]
) -> dict[int, tuple[T, str]]:
    """``own`` (trigger -> what its own clause says: a time, a place) given to the triggers
    of the clauses around it, then to the events tied to them, each with its basis."""
    found: dict[int, tuple[T, str]] = {i: (v, CLAUSE) for i, v in own.items()}
    for relation, basis in ((_governing, CLAUSE), (_tied, LINKED)):
        for _ in range(3):  # chains: the "when" clause of a coordinated verb
            added = False
            for i in triggers:
                if i in found:
                    continue
                for other in relation(doc[i], triggers):
                    if other.i in found:
                        found[i] = (found[other.i][0], basis)
                        added = True
                        break
            if not added:
                break
    return found


def setting_of(trigger: Token, reader: ArgumentReader) -> Argument | None:
    """A place deeper in the trigger's phrases than its own place argument reaches: "fired
    a prop gun on the set of the western at a ranch outside Santa Fe", "on a New Mexico
    film set"; or the place a "where" clause hangs on ("a hospital in Albuquerque, where
    she died"). A name under "of" is no place of the event ("the mayor of Chicago")."""
    frontier = [trigger]
    if trigger.dep_ == "relcl" and any(c.lower_ == "where" for c in trigger.children):
        if reader.place_type(trigger.head):
            return reader.argument("place", trigger.head)
        frontier.append(trigger.head)
    for _ in range(_PLACE_DEPTH):
        deeper = []
        for tok in frontier:
            for prep in tok.children:
                if prep.dep_ != "prep" or prep.lower_ not in _PLACE_PATH_PREPS:
                    continue
                for obj in (o for o in prep.children if o.dep_ == "pobj"):
                    named = [obj, *(m for m in obj.children if m.dep_ in {"compound", "nmod"})]
                    place = next((n for n in named if reader.place_type(n)), None)
                    if place is not None and prep.lower_ in _SETTING_PREPS:
                        return reader.argument("place", place)
                    deeper.append(obj)
        frontier = deeper
    return None


def _own_triggers(root: Token, triggers: Mapping[int, tuple[str, bool]]) -> Iterator[int]:
    """The triggers whose own clause a time expression (rooted at ``root``) belongs to.

    The nearest trigger above it in the parse, passing through plain nouns: in "A judge
    ... on Friday dismissed the case" the parser hangs "on Friday" on "judge", and the
    date goes to "dismissed". A date that only describes a noun ("the 2022 case") dates
    no event; "an agreement reached in 1991" dates the participle and its noun.
    """
    if root.dep_ in _PREMODIFIERS and root.head.i not in triggers:
        return
    tok = root
    for _ in range(8):
        if tok.head is tok:
            return
        below, tok = tok, tok.head
        if is_mistaken_participle(tok):
            continue
        if tok.i in triggers:
            yield tok.i
            yield from _sharing(tok, below, triggers)
            return
        if tok.pos_ in {"VERB", "AUX"} and tok.dep_ not in {"aux", "auxpass"}:
            # "the vote will be on Tuesday": the copula's event subject is what is dated;
            # else a clause that is not an event: "will be in service by 2011"
            yield from _copula_subject(tok, below, triggers)
            return


def _copula_subject(
    verb: Token, below: Token, triggers: Mapping[int, tuple[str, bool]]
) -> Iterator[int]:
    if verb.lemma_ != "be" or below.dep_ != "prep":
        return
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        if triggers.get(subject.i, ("", False))[1]:
            yield subject.i


def _sharing(tok: Token, below: Token, triggers: Mapping[int, tuple[str, bool]]) -> Iterator[int]:
    """Other triggers a time found on ``tok`` (reached from ``below``) also dates."""
    head = tok.head
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and head.i in triggers:
        yield head.i  # "an agreement reached in 1991", "a conference held on Friday"
    elif tok.dep_ in {"acl", "relcl"} and tok.lemma_ in OCCURRENCE_VERBS and head.i in triggers:
        yield head.i  # "the trial, which began on Monday", "the incident that unfolded on ..."
    if (
        tok.dep_ in {"nsubj", "nsubjpass"}
        and triggers.get(tok.i, ("", False))[1]
        and head.i in triggers
        and tok.i < below.i < head.i
    ):
        yield head.i  # "the service in February passed Wal-Mart": the date is the verb's


def _governing(tok: Token, triggers: Mapping[int, tuple[str, bool]]) -> Iterator[Token]:
    """The triggers whose clause ``tok``'s clause shares its time with."""
    head = tok.head
    if supported(tok) and triggers.get(tok.i, ("", False))[1]:
        yield head  # "held a press conference on Monday", "the crash occurred on Sunday"
    if tok.dep_ in {"advcl", "relcl"} and _marked_same_time(tok):
        yield head  # "was killed on March 3 when Okafor fired"
    if tok.dep_ == "conj" and tok.pos_ == "VERB" and head.pos_ == "VERB" and _shares(tok):
        yield head  # "was arrested on Monday and charged", "... and a director wounded"
    for child in tok.children:
        # "was killed and a director wounded on Thursday": a second subject, its verb elided;
        # not "was not reported ... and only became public this weekend" (two predicates)
        verbs = child.pos_ == "VERB" and tok.pos_ == "VERB"
        if child.dep_ == "conj" and verbs and _subject(child) and _shares(child):
            yield child
        # the parser's reading of the same: "killed and a director [conj] wounded [acl]"
        if child.dep_ == "conj" and child.pos_ == "NOUN" and tok.pos_ == "VERB":
            yield from (v for v in child.children if v.dep_ == "acl" and v.tag_ == "VBN")
    if tok.dep_ == "acl" and head.dep_ == "conj" and head.head.pos_ == "VERB":  # the other way
        yield head.head


def _shares(conj: Token) -> bool:
    """Whether a coordinated verb is in its first verb's clause: the same subject ("was
    arrested on Monday and charged") or a second subject with the verb elided ("was killed
    and a director wounded"); not a clause of its own ("..., and Okafor was charged") nor
    one that moves on ("and later released", "and will be tried")."""
    own = {c.dep_ for c in conj.children}
    if _subject(conj) and own & {"aux", "auxpass", "mark"}:
        return False
    return not any(
        (c.dep_ == "advmod" and c.lower_ in _SEQUENCE_ADVERBS)
        or (c.dep_ == "aux" and c.lower_ in _MODALS)
        for c in conj.children
    )


def _subject(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def supported(noun: Token) -> bool:
    """ "held a press conference", "the crash occurred": the verb only frames the event noun."""
    return noun.dep_ in {"nsubj", "dobj"} and (
        noun.head.lemma_ in SUPPORT_VERBS or noun.head.lemma_ in OCCURRENCE_VERBS
    )


def _marked_same_time(verb: Token) -> bool:
    # "when Okafor shot and killed her": the parser may hang "when" on the second verb
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    return any(
        c.dep_ in {"advmod", "mark"} and c.lower_ in _SAME_TIME_MARKERS
        for v in verbs
        for c in v.children
        if c.i < verb.i
    )


def _when_clause_of_date(tok: Token, inside: Mapping[int, TimeExpr]) -> TimeExpr | None:
    if tok.dep_ in {"relcl", "advcl", "acl"} and _marked_same_time(tok):
        return inside.get(tok.head.i)
    return None


def _tied(tok: Token, triggers: Mapping[int, tuple[str, bool]]) -> Iterator[Token]:
    """Violent events one happened in or with: "wounded in a shooting", "fired the revolver
    that killed her". A sentencing "for the shooting" is not tied to it."""
    if not _violent(tok, triggers):
        return
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in _INSIDE_PREPS and _violent(head.head, triggers):
        yield head.head  # "wounded in a shooting": the shooting is the wounding's
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in _INSIDE_PREPS:
            yield from (o for o in prep.children if o.dep_ == "pobj" and _violent(o, triggers))
    if tok.dep_ == "relcl" and head.dep_ == "dobj" and _violent(head.head, triggers):
        yield head.head  # "fired the revolver that killed her": the killing is the firing
    for obj in tok.children:
        if obj.dep_ == "dobj":
            yield from (r for r in obj.children if r.dep_ == "relcl" and _violent(r, triggers))


def _violent(tok: Token, triggers: Mapping[int, tuple[str, bool]]) -> bool:
    kind = triggers.get(tok.i)
    row = TYPES.get(kind[0]) if kind else None
    return row is not None and row.genre in _TIED_GENRES
