"""What the parse says around an event trigger: its participants, place, time and modality.

Pure functions over spaCy tokens, used by ``events``. Roles follow PropBank as
MEANTIME annotates it: the agent is the doer (Arg0), the patient what the
event happens to (Arg1), so the subject of "the plane crashed" is a patient.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.entities.index import EntityIndex
from newsgraph.extract.events.types import PATIENT_POSSESSOR_TYPES, UNACCUSATIVE_VERBS
from newsgraph.extract.lexicon.modality import (
    FUTURE_AUX,
    NEGATING_GOVERNORS,
    NEGATIVE_DETERMINERS,
    NEGATIVE_PRONOUNS,
    PLAN_GOVERNORS,
    PLANNED_MODIFIERS,
    POSSIBLE_AUX,
    POSSIBLE_GOVERNORS,
)
from newsgraph.extract.lexicon.places import EVENT_PLACE_PREPS, PLACE_LABELS
from newsgraph.extract.lexicon.speech import CUE_VERBS, STATEMENT_VERBS
from newsgraph.extract.syntax import (
    RELATIVE_PRONOUNS,
    SUBJECTS,
    first_child,
    is_passive,
    subject_of,
)

_QUANTIFIERS = frozenset({"some", "many", "most", "all", "none", "several", "each", "both"})

# Verbs that lend their subject and tense to an event noun they take as object:
# "Whitfield held a press conference", "she plans to file a lawsuit", "staged a protest".
SUPPORT_VERBS = frozenset(
    {
        "hold",
        "file",
        "launch",
        "carry",
        "stage",
        "make",
        "issue",
        "give",
        "conduct",
        "bring",
        "lodge",
        "mount",
        "take",
        "deliver",
        "release",
        "begin",
        "start",
        "open",
        "organize",
        "organise",
        "host",
        "win",
        "sign",
        "place",
        "suffer",
        "face",
        "undergo",
        "receive",
        "reach",
        "seal",
        "strike",
        "complete",
        "announce",
        "order",
        "perform",
    }
)


# verbs whose object event is their subject's: "seek a retrial", "demand an inquiry"
_SEEKING_VERBS = frozenset({"seek", "pursue", "request", "demand"})
# nouns whose infinitive is their possessor's doing: "the prosecutor's choice not to seek"
_CHOICE_NOUNS = frozenset(
    """choice decision refusal plan bid attempt effort move promise pledge threat vow
    failure right intention offer""".split()
)
# events where someone speaks, and the verbs a speaker speaks at one with
SPEAKING_EVENTS = frozenset({"press_conference", "interview", "meeting", "statement"})
_SPEAKING_VERBS = frozenset(CUE_VERBS) | {"speak", "talk", "appear", "testify", "answer", "sit"}


@dataclass(frozen=True, slots=True)
class Argument:
    """A participant of one event mention.

    ``role``: ``agent``, ``patient``, ``place`` or a type-specific role
    (``defendant``, ``victim`` ...). ``span`` covers the phrase, ``head`` its head word
    (character offsets). ``entity`` is the entity id when the phrase names one.
    """

    role: str
    span: tuple[int, int]
    head: tuple[int, int]
    entity: str | None
    text: str


class ArgumentReader:
    """Turns tokens into ``Argument``s: phrase extent, entity link (pronouns via coref)."""

    def __init__(
        self, doc: Doc, index: EntityIndex, references: Mapping[int, str] | None = None
    ) -> None:
        self.doc = doc
        self.index = index
        self.types = {e.id: e.type for e in index.entities}
        # token -> person, from ``coref.resolve_references``: "he", "the spokeswoman"
        self.references = references or {}

    def argument(self, role: str, tok: Token) -> Argument | None:
        tok = self._antecedent(tok)
        if tok.is_punct or tok.is_space:
            return None
        phrase = self.phrase(tok)
        entity = self.entity_of(tok)
        return Argument(
            role,
            (phrase.start_char, phrase.end_char),
            (tok.idx, tok.idx + len(tok.text)),
            entity,
            phrase.text,
        )

    def entity_of(self, tok: Token) -> str | None:
        """The entity ``tok`` names, through "the witness, Tom Raske," and "he"."""
        ent = self.index.token_entity.get(tok.i)
        if ent is not None:
            return ent
        for child in tok.children:
            if child.dep_ == "appos" and child.i in self.index.token_entity:
                return self.index.token_entity[child.i]
        # "against Ohio state Senator Mark Ellison": the parser ends the phrase at "state"
        for nxt in self.doc[tok.i + 1 : tok.i + 4]:
            if nxt.pos_ != "PROPN":
                break
            ent = self.index.token_entity.get(nxt.i)
            if ent is not None and self.types.get(ent) == "PERSON":
                return ent
        return self.references.get(tok.i)

    def place_type(self, tok: Token) -> bool:
        ent = self.index.token_entity.get(tok.i)
        return ent is not None and self.types.get(ent) in PLACE_LABELS

    def phrase(self, tok: Token) -> Span:
        """The noun phrase headed by ``tok``: its left modifiers, or the whole name."""
        doc = self.doc
        start, end = _left_edge(tok), tok.i + 1
        if tok.ent_iob_ in {"B", "I"}:
            while start > 0 and doc[start].ent_iob_ == "I":
                start -= 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            start = min(start, _left_edge(tok))
        if tok.pos_ == "NUM" or tok.lower_ in _QUANTIFIERS:
            # "two of his former business partners": the head alone says nothing
            of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
            if of is not None:
                end = max(end, of.right_edge.i + 1)
        return doc[start:end]

    def _antecedent(self, tok: Token) -> Token:
        # "the company which makes the product": "which" stands for "company"
        if tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
            return tok.head.head
        return tok


def _left_edge(tok: Token) -> int:
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in {"punct", "cc", "prep", "relcl", "acl", "advmod"}:
            continue
        start = min(start, child.left_edge.i)
    return start


def verb_arguments(verb: Token, reader: ArgumentReader) -> Iterator[Argument]:
    """Agent and patient of a verbal trigger, and its by-agent and object."""
    has_object = any(c.dep_ in {"dobj", "ccomp"} for c in verb.children)
    subject = subject_of(verb)
    passive = is_passive(verb)
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        # "a tram driver arrested over the deaths": the noun is the patient
        subject = verb.head
    elif verb.dep_ == "acl" and verb.tag_ == "VBG" and subject is None:
        subject = verb.head  # "a company making chips"
    if subject is not None:
        undergoes = not has_object and verb.lemma_ in UNACCUSATIVE_VERBS  # "the plane crashed"
        role = "patient" if passive or subject.dep_ == "nsubjpass" or undergoes else "agent"
        yield from _with_conjuncts(role, subject, reader)
    for child in verb.children:
        if child.dep_ == "dobj":
            yield from _with_conjuncts("patient", child, reader)
        elif child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield from _with_conjuncts("agent", obj, reader)


def noun_arguments(noun: Token, event_type: str, reader: ArgumentReader) -> Iterator[Argument]:
    """Participants of a nominal trigger: "Raske's sentencing", "the dismissal of the case"."""
    for child in noun.children:
        if child.dep_ == "poss":
            role = "patient" if event_type in PATIENT_POSSESSOR_TYPES else "agent"
            arg = reader.argument(role, child)
            if arg:
                yield arg
        elif child.dep_ == "prep" and child.lower_ in {"of", "by", "against", "on"}:
            role = {"of": "patient", "by": "agent", "against": "patient", "on": "patient"}[
                child.lower_
            ]
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield from _with_conjuncts(role, obj, reader)
    # "Whitfield held a press conference": the support verb's subject is the agent
    if noun.dep_ == "dobj" and noun.head.lemma_ in SUPPORT_VERBS:
        subject = subject_of(noun.head)
        if subject is not None and not is_passive(noun.head):
            yield from _with_conjuncts("agent", subject, reader)
    elif (holder := _held_by(noun)) is not None:
        yield from _with_conjuncts("agent", holder, reader)
    elif noun.dep_ == "dobj" and noun.head.lemma_ in _SEEKING_VERBS:
        # "prosecutors will seek a retrial": the retrial is theirs
        subject = _controller(noun.head)
        if subject is not None:
            yield from _with_conjuncts("agent", subject, reader)
    elif event_type in SPEAKING_EVENTS and (verb := speaking_verb(noun)) is not None:
        subject = subject_of(verb)
        if subject is None and verb.tag_ in {"VBG", "VBN"}:
            subject = subject_of(verb.head)  # the participle's subject is its clause's
        if subject is not None and subject.pos_ != "VERB":
            yield from _with_conjuncts("agent", subject, reader)


def _held_by(noun: Token) -> Token | None:
    """ "a press conference held by Apple": the by-agent of a support verb on the noun."""
    for verb in noun.children:
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_ in SUPPORT_VERBS:
            agent = first_child(verb, "agent")
            if agent is not None:
                return first_child(agent, "pobj")
    return None


def _controller(verb: Token) -> Token | None:
    """Who does what an infinitive says: "the prosecutor's choice not to seek" -> the
    prosecutor (the parser often hangs the infinitive on the verb before the noun:
    "attacking the prosecutor's choice not to seek" is the prosecutor's, not the
    attacker's); else the verb's subject."""
    if verb.dep_ in {"xcomp", "acl"}:
        noun = verb.head if verb.head.pos_ == "NOUN" else None
        if noun is None and verb.dep_ == "xcomp":
            noun = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
        if noun is not None and noun.lemma_.lower() in _CHOICE_NOUNS:
            return first_child(noun, "poss")
    return subject_of(verb)


def speaking_verb(noun: Token) -> Token | None:
    """The verb of speaking a briefing or interview is the place of: "said at a news
    conference", "Speaking at a briefing in Denver, Whitfield indicated"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in {"at", "during", "in"}:
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or verb.lemma_ not in _SPEAKING_VERBS or is_passive(verb):
        return None
    return verb


def _with_conjuncts(role: str, tok: Token, reader: ArgumentReader) -> Iterator[Argument]:
    # "Northrop Grumman and EADS defeated Boeing": both are agents
    for member in (tok, *(c for c in tok.conjuncts if c.i > tok.i)):
        if member.pos_ in {"VERB", "AUX"}:
            continue
        arg = reader.argument(role, member)
        if arg:
            yield arg


def place_of(trigger: Token, reader: ArgumentReader) -> Argument | None:
    """A GPE/LOC/FAC in a locative phrase of the trigger: "shot outside his home in Dayton"."""
    for prep in _preps(trigger):
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            if reader.place_type(obj):
                return reader.argument("place", obj)
            # one level down: "outside his home in Dayton, Ohio"
            for inner in _preps(obj):
                for obj2 in inner.children:
                    if obj2.dep_ == "pobj" and reader.place_type(obj2):
                        return reader.argument("place", obj2)
    return None


def _preps(tok: Token) -> Iterator[Token]:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in EVENT_PLACE_PREPS:
            yield child


def modality(trigger: Token, nominal: bool) -> str:
    """``negated``, ``planned``, ``possible`` or ``actual``, from the words around the trigger.

    "decided not to appeal" and "No one has been charged" -> negated; "will appeal",
    "plans to sue", "a planned lawsuit" -> planned; "could face charges" -> possible.
    """
    if nominal:
        return _noun_modality(trigger)
    found: set[str] = set()
    tok = trigger
    for _ in range(4):  # climb "decided not to appeal", "is unlikely to end" a few steps
        found |= _local_cues(tok)
        if tok.dep_ == "xcomp" or (tok.dep_ == "acomp" and tok.pos_ == "ADJ"):
            governor = tok.head
            lemma = governor.lemma_.lower()
            if lemma in NEGATING_GOVERNORS:
                found.add("negated")
            elif lemma in POSSIBLE_GOVERNORS:
                found.add("possible")
            elif (lemma in PLAN_GOVERNORS and tok.dep_ == "xcomp") or lemma == "be":
                found.add("planned")
            tok = governor
            continue
        if tok.dep_ == "pcomp" and tok.head.lower_ == "without":
            found.add("negated")  # "left without speaking"
        break
    for kind in ("negated", "planned", "possible"):
        if kind in found:
            return kind
    return "actual"


def _local_cues(verb: Token) -> set[str]:
    found: set[str] = set()
    for child in verb.children:
        dep, low = child.dep_, child.lower_
        if dep == "neg":
            found.add("negated")
        elif dep == "aux":
            if low in FUTURE_AUX:
                found.add("planned")
            elif low in POSSIBLE_AUX:
                # "said it would review the case": future in reported speech
                speech = verb.dep_ == "ccomp" and verb.head.lemma_ in STATEMENT_VERBS
                found.add("planned" if low == "would" and speech else "possible")
            elif low == "going" or child.lemma_ == "go":
                found.add("planned")
        elif dep in SUBJECTS and _is_negative_np(child):
            found.add("negated")
        elif dep == "mark" and low == "if":
            found.add("possible")
    # "is going to appeal": "going" governs the trigger as xcomp
    if verb.dep_ == "xcomp" and verb.head.lower_ == "going":
        found.add("planned")
    return found


def _is_negative_np(tok: Token) -> bool:
    if tok.lower_ in NEGATIVE_PRONOUNS:
        return True
    return any(c.dep_ == "det" and c.lower_ in NEGATIVE_DETERMINERS for c in tok.children)


def _noun_modality(noun: Token) -> str:
    if _is_negative_np(noun):
        return "negated"  # "no charges were filed"
    for child in noun.children:
        if child.dep_ in {"amod", "compound"} and child.lower_ in PLANNED_MODIFIERS:
            return "possible" if child.lower_ in {"possible", "potential", "likely"} else "planned"
    head = noun.head
    if noun.dep_ in {"dobj", "nsubjpass"} and head.pos_ == "VERB":
        if modality(head, nominal=False) == "negated":
            return "negated"  # "the choice not to seek a retrial", "did not file a suit"
        lemma = head.lemma_
        if lemma in {"avoid", "prevent", "avert", "cancel", "postpone"}:
            return "negated"
        if lemma in PLAN_GOVERNORS and lemma not in SUPPORT_VERBS:
            return "planned"  # "investors plan civil suit"
        if lemma in SUPPORT_VERBS:
            return modality(head, nominal=False)  # "will file a lawsuit"
    return "actual"
