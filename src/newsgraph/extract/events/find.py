"""Events: typed triggers with participants, time, place and modality, one record per event.

``find_event_mentions`` reads every eventive verb and event noun off the parse
("dismissed", "the shooting", "a press conference"), typed by the table in
``types`` (``other`` when no row claims it). ``find_events`` then joins
the mentions of one event ("was shot ... on March 3" and, later, "the
shooting") into one ``Event`` whose ``mentions`` lists every trigger span.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from spacy.attrs import POS
from spacy.tokens import Doc, Token

from newsgraph.extract.entities.index import EntityIndex
from newsgraph.extract.events.anchor import (
    CLAUSE,
    anchor_times,
    is_mistaken_participle,
    setting_of,
    spread,
    supported,
)
from newsgraph.extract.events.args import (
    SPEAKING_EVENTS,
    Argument,
    ArgumentReader,
    modality,
    noun_arguments,
    place_of,
    speaking_verb,
    verb_arguments,
)
from newsgraph.extract.events.types import (
    ANAPHORIC_EVENT_NOUNS,
    EXCLUDING_OBJECTS,
    FIRING_PREPS,
    FRAMING_VERBS,
    MONEY_CHARGE_MODIFIERS,
    NON_EVENT_VERBS,
    OBJECT_NOT_SPEECH,
    OBJECT_SENSITIVE,
    OBJECT_TYPES,
    OTHER,
    PERSON_OBJECT_VERBS,
    TWO_SENSE_VERBS,
    TYPES,
    noun_type,
    verb_type,
)
from newsgraph.extract.lexicon.people import PERSON_NOUNS
from newsgraph.nlp.doc import positions_among
from newsgraph.records import Event, EventTime, Participant, Quote, TimeExpr

# Event types that are never one event across mentions: two "said" are two statements.
_NEVER_MERGED = frozenset({"statement", OTHER})
_VIOLENT_GENRES = frozenset({"violence", "disaster"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_LEGAL = "legal"


@dataclass(frozen=True, slots=True)
class EventMention:
    """One trigger in the text with what its clause says about it.

    ``token`` is the trigger's token index; ``span`` and ``sentence_span`` are
    character offsets. ``nominal`` is True for noun triggers, ``definite`` when
    the noun has "the"/"this" or a possessor ("the shooting", "his arrest"). ``time_basis``
    says where ``time`` comes from (``anchor.CLAUSE`` or ``anchor.LINKED``); ``setting`` is
    a place found outside the trigger's own phrases (the clause it hangs on, a tied event),
    kept apart from ``arguments``, which hold what the trigger's own phrases say.
    """

    type: str
    lemma: str
    trigger: str
    token: int
    span: tuple[int, int]
    sentence_span: tuple[int, int]
    nominal: bool
    definite: bool
    arguments: tuple[Argument, ...]
    time: TimeExpr | None
    modality: str
    time_basis: str | None = None
    setting: Argument | None = None

    @property
    def place(self) -> Argument | None:
        """The place of the trigger's own phrases, else the one its clause or a tied event
        gives ("wounded in a shooting outside a bar in Reno")."""
        return next((a for a in self.arguments if a.role == "place"), self.setting)


def find_event_mentions(
    doc: Doc,
    index: EntityIndex,
    times: Sequence[TimeExpr],
    *,
    quotes: Sequence[Quote] = (),
    references: Mapping[int, str] | None = None,
) -> list[EventMention]:
    """Every event trigger of ``doc`` in text order, typed, with its clause's participants.

    ``references`` (token -> entity, from ``coref.resolve_references``) links "he", "she"
    and "the spokeswoman";
    a statement whose trigger is a quote's cue takes that quote's speaker as its agent,
    so the events and the quotes name the same source.
    """
    reader = ArgumentReader(doc, index, references)
    cue_speakers = {q.cue_span[0]: q for q in quotes if q.cue_span is not None}
    triggers: dict[int, tuple[str, bool]] = {}
    for at in positions_among(doc, ("VERB", "NOUN"), POS):  # only verbs and nouns trigger
        found = _trigger_type(doc[at])
        if found is not None:
            triggers[at] = found
    anchored = anchor_times(doc, times, triggers)
    own_places, deeper = {}, {}
    for i in triggers:
        place = place_of(doc[i], reader)
        if place is not None:
            own_places[i] = place
        elif (setting := setting_of(doc[i], reader)) is not None:
            deeper[i] = setting
    places = spread(doc, {**deeper, **own_places}, triggers)
    mentions = []
    for i, (event_type, nominal) in triggers.items():
        tok = doc[i]
        sent = tok.sent
        args = list(
            noun_arguments(tok, event_type, reader) if nominal else verb_arguments(tok, reader)
        )
        place, basis = places.get(i, (None, None))
        framed = supported(tok) and tok.head.i in own_places
        if place is not None and basis == CLAUSE and (i in own_places or framed):
            args.append(place)  # "held a press conference in Dayton": the verb's is the noun's
            place = None
        anchor = anchored.get(i)
        quote = cue_speakers.get(tok.idx) if event_type == "statement" else None
        if quote is not None:
            args = [a for a in args if a.role != "agent"]
            if quote.speaker_span is not None:
                s_start, s_end = quote.speaker_span
                args.insert(
                    0,
                    Argument(
                        "agent",
                        (s_start, s_end),
                        (s_start, s_end),
                        quote.speaker,
                        quote.speaker_text or "",
                    ),
                )
        if event_type in SPEAKING_EVENTS and not any(a.role == "agent" for a in args):
            args[:0] = _speaker_of_clause(tok, cue_speakers)
        args.extend(_specific_roles(tok, event_type, args, reader))
        mentions.append(
            EventMention(
                type=event_type,
                lemma=tok.lemma_.lower(),
                trigger=tok.text,
                token=i,
                span=(tok.idx, tok.idx + len(tok.text)),
                sentence_span=(sent.start_char, sent.end_char),
                nominal=nominal,
                definite=nominal and _is_definite(tok),
                arguments=tuple(args),
                time=anchor.time if anchor else None,
                modality=modality(tok, nominal),
                time_basis=anchor.basis if anchor else None,
                setting=place,
            )
        )
    return mentions


def _speaker_of_clause(noun: Token, cue_speakers: Mapping[int, Quote]) -> list[Argument]:
    """The agent of a briefing its speaker spoke at, read off the quote of the clause:
    "Speaking at a briefing in Denver, Whitfield indicated that ..." (a parse that missed
    the participle's subject still attributes what was indicated)."""
    verb = speaking_verb(noun)
    if verb is None:
        return []
    for cue in (verb, verb.head):
        quote = cue_speakers.get(cue.idx)
        if quote is not None and quote.speaker_span is not None:
            start, end = quote.speaker_span
            return [Argument("agent", (start, end), (start, end), quote.speaker,
                             quote.speaker_text or "")]  # fmt: skip
    return []


def find_events(
    doc: Doc,
    index: EntityIndex,
    times: Sequence[TimeExpr],
    published: str | None,
    *,
    include_other: bool = True,
    quotes: Sequence[Quote] = (),
    references: Mapping[int, str] | None = None,
) -> list[Event]:
    """The events of one article, ids ``v1``, ``v2`` ... in order of first mention.

    Mentions of the same event are joined (``Event.mentions``). ``time`` is the
    time expression that dates the event, as ``find_times`` normalised it
    against ``published`` ("on Friday" in a lead -> the Friday before the
    article date), with its ``basis`` (``anchor``: its own or governing clause,
    ``clause``; a tied event's, ``linked``); a duration ("for two weeks", value ``P2W``)
    when that is all its clause says; None when nothing dates the event. With
    ``include_other`` False, only events of a documented type (not ``other``) are
    returned. ``quotes`` and ``references`` are as for ``find_event_mentions``.
    """
    del published  # the times already carry values resolved against it
    mentions = find_event_mentions(doc, index, times, quotes=quotes, references=references)
    groups = group_mentions(mentions)
    events: list[Event] = []
    for group in groups:
        if not include_other and group[0].type == OTHER:
            continue
        events.append(_to_event(f"v{len(events) + 1}", group))
    return events


def group_mentions(mentions: Sequence[EventMention]) -> list[list[EventMention]]:
    """Mentions joined into events: same type, compatible participants, time and polarity.

    "was shot ... on March 3, 2023" and a later "the shooting" join; so does "the
    incident" with the latest violent event. Statements and untyped events stay
    one per mention unless a definite noun repeats the lemma ("the flight").
    """
    groups: list[list[EventMention]] = []
    for mention in mentions:
        target = _antecedent_group(mention, groups)
        if target is None:
            groups.append([mention])
        else:
            target.append(mention)
    return groups


def _antecedent_group(
    mention: EventMention, groups: list[list[EventMention]]
) -> list[EventMention] | None:
    if mention.type in _NEVER_MERGED and not mention.definite:
        return None  # two "said" are two statements: no need to look back (same result)
    for group in reversed(groups):
        first = group[0]
        if mention.nominal and mention.definite and mention.lemma in ANAPHORIC_EVENT_NOUNS:
            if TYPES.get(first.type) and TYPES[first.type].genre in _VIOLENT_GENRES:
                return group
            continue
        if first.type != mention.type:
            continue
        repeated = mention.definite and any(m.lemma == mention.lemma for m in group)
        if first.type in _NEVER_MERGED and not repeated:
            continue
        if _compatible(group, mention):
            return group
    return None


def _compatible(group: list[EventMention], mention: EventMention) -> bool:
    if (mention.modality == "negated") != (group[0].modality == "negated"):
        return False
    # only dates part two mentions: "began on Monday" and "has lasted for a week" are one
    values = {m.time.value for m in group if m.time is not None and _point(m.time.value)}
    when = mention.time.value if mention.time is not None else None
    if _point(when) and values and when not in values:
        return False
    for role in ("agent", "patient", "place"):
        # two rallies in two cities are two events, as are two arrests of two people
        theirs = {a.entity for m in group for a in m.arguments if a.role == role and a.entity}
        mine = {a.entity for a in mention.arguments if a.role == role and a.entity}
        if theirs and mine and not theirs & mine:
            return False
    return True


def _point(value: str | None) -> bool:
    """A date or clock time ("2024-07-08", "XXXX-06"), not a duration or a vague "now"."""
    return value is not None and (value[:1].isdigit() or value.startswith("XXXX"))


def _to_event(event_id: str, group: list[EventMention]) -> Event:
    first = group[0]
    participants: list[Participant] = []
    seen: set[tuple[str, str]] = set()
    for arg in (a for m in group for a in m.arguments if a.role != "place"):
        key = (arg.role, arg.entity or arg.text.lower())
        if key in seen:
            continue
        seen.add(key)
        participants.append(Participant(arg.role, arg.entity, None if arg.entity else arg.text))
    # a date before a duration or "now"; a mention's own clause before the time of an
    # event tied to another mention
    dated = sorted(
        (m for m in group if m.time is not None),
        key=lambda m: (not _point(m.time.value if m.time else None), m.time_basis != CLAUSE),
    )
    when = dated[0] if dated else None
    places = sorted((m for m in group if m.place is not None and m.place.entity),
                    key=lambda m: m.setting is m.place)  # fmt: skip
    place = places[0].place.entity if places and places[0].place else None
    return Event(
        id=event_id,
        type=first.type,
        trigger=first.trigger,
        span=first.span,
        sentence_span=first.sentence_span,
        participants=tuple(participants),
        time=(
            EventTime(when.time.text, when.time.value, when.time_basis)
            if when is not None and when.time is not None
            else None
        ),
        place=place,
        modality=first.modality,
        polarity="negative" if first.modality == "negated" else "positive",
        mentions=tuple(m.span for m in group),
    )


def _trigger_type(tok: Token) -> tuple[str, bool] | None:
    """(type, nominal) when ``tok`` triggers an event, else None."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        if lemma in NON_EVENT_VERBS or tok.dep_ == "amod" or is_mistaken_participle(tok):
            return None
        return _verb_sense(tok, lemma), False
    if tok.pos_ == "NOUN" and tok.dep_ != "compound":
        kind = noun_type(lemma)
        if kind is None and lemma in ANAPHORIC_EVENT_NOUNS:
            kind = OTHER
        return (_noun_sense(tok, lemma, kind), True) if kind is not None else None
    return None


def _noun_sense(tok: Token, lemma: str, kind: str) -> str:
    """The noun's type; "fire" and "charge" have senses the words around them tell."""
    head = tok.head
    if lemma == "fire":
        if tok.dep_ == "dobj" and head.lemma_ in {"open", "return"}:
            return "shooting"  # "opened fire on the crowd"
        if tok.dep_ == "pobj" and head.lower_ == "under":
            return OTHER  # "came under fire from critics"
    if lemma == "charge":
        # "in charge of operations", "free of charge", "a nominal charge"
        bare = not any(c.dep_ in {"det", "amod", "compound", "poss"} for c in tok.children)
        if tok.dep_ == "pobj" and bare and head.lower_ == "in":
            return OTHER
        if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "free":
            return OTHER
        if any(c.lower_ in MONEY_CHARGE_MODIFIERS for c in tok.children
               if c.dep_ in {"amod", "compound"}):  # fmt: skip
            return OTHER
    return kind


def _verb_sense(tok: Token, lemma: str) -> str:
    """The verb's type; some verbs need their object to tell ("drop the charges")."""
    kind = verb_type(lemma)
    if kind == OTHER:
        return kind
    objects = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass", "prt"}]
    if tok.dep_ == "acl" or (tok.dep_ == "relcl" and not _relative_subject(tok)):
        objects.append(tok.head)  # "an action film being shot": the noun is the object
    if any(c.lemma_.lower() in EXCLUDING_OBJECTS.get(lemma, ()) for c in objects):
        return OTHER
    if lemma in OBJECT_TYPES:
        typed = [OBJECT_TYPES[lemma][o.lemma_.lower()] for o in objects
                 if o.lemma_.lower() in OBJECT_TYPES[lemma]]  # fmt: skip
        if typed:
            return typed[0]
        if (
            lemma == "fire"
            and not objects
            and any(c.dep_ == "prep" and c.lower_ in FIRING_PREPS for c in tok.children)
        ):
            return "shooting"  # "police fired on the crowd"
    if lemma in FRAMING_VERBS and any(
        noun_type(o.lemma_.lower()) is not None for o in objects if o.dep_ == "dobj"
    ):
        return OTHER
    if lemma == "charge" and not _charged_with(tok):
        return OTHER
    if lemma in TWO_SENSE_VERBS:
        selecting, first, otherwise = TWO_SENSE_VERBS[lemma]
        return first if any(c.lemma_.lower() in selecting for c in objects) else otherwise
    if lemma in OBJECT_SENSITIVE:
        wanted = OBJECT_SENSITIVE[lemma]
        if not any(c.lemma_.lower() in wanted or c.lower_ in wanted for c in objects):
            return OTHER
    deps = {c.dep_ for c in tok.children}
    if lemma in OBJECT_NOT_SPEECH and "dobj" in deps and not deps & {"ccomp", "parataxis"}:
        return OTHER
    # "fired its chief executive": a role noun is a person too
    person = any(
        c.ent_type_ == "PERSON" or c.pos_ == "PRON" or c.lemma_.lower() in PERSON_NOUNS
        for c in objects
    )
    if lemma in PERSON_OBJECT_VERBS and not person:
        return OTHER
    return kind


def _relative_subject(verb: Token) -> bool:
    """ "Okafor, who fired the gun": the noun the clause hangs on is its subject."""
    return any(c.dep_ == "nsubj" and c.lower_ in {"who", "that", "which"} for c in verb.children)


def _charged_with(verb: Token) -> bool:
    """A legal charge, not a price: "charged with manslaughter", "charged him", not "charge
    the Air Force for associated costs" or "charging customers $5"."""
    preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
    if "with" in preps:
        return True
    money = any(c.ent_type_ == "MONEY" or c.lower_ in {"$", "fee", "price"}
                for c in verb.subtree)  # fmt: skip
    return "for" not in preps and not money


def _is_definite(noun: Token) -> bool:
    return any(
        (c.dep_ == "det" and c.lower_ in _DEFINITE) or c.dep_ == "poss" for c in noun.children
    )


def _specific_roles(
    tok: Token, event_type: str, args: Iterable[Argument], reader: ArgumentReader
) -> list[Argument]:
    """Type-specific copies of the generic roles, plus "against X" and the court."""
    row = TYPES.get(event_type)
    if row is None:
        return []
    extra: list[Argument] = []
    names = {"agent": row.agent, "patient": row.patient}
    for arg in list(args):
        name = names.get(arg.role)
        if name:
            extra.append(Argument(name, arg.span, arg.head, arg.entity, arg.text))
    if row.genre != _LEGAL:
        return extra
    # "dismissed the fraud case against Ellison", "a civil lawsuit against Mr. Ellison"
    holders = [tok, *(c for c in tok.children if c.dep_ == "dobj")]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep":
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                if prep.lower_ == "against":
                    found = reader.argument("defendant", obj)
                elif prep.lower_ in {"in", "at", "before", "by"} and "court" in obj.lower_:
                    found = reader.argument("court", obj)
                else:
                    continue
                if found is not None:
                    extra.append(found)
    return extra
