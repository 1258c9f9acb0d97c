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
from newsgraph.extract.events.args import (
    SPEAKING_EVENTS,
    SUPPORT_VERBS,
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
    NON_EVENT_VERBS,
    OBJECT_NOT_SPEECH,
    OBJECT_SENSITIVE,
    OTHER,
    PERSON_OBJECT_VERBS,
    TWO_SENSE_VERBS,
    TYPES,
    noun_type,
    verb_type,
)
from newsgraph.nlp.doc import positions_among
from newsgraph.records import Event, EventTime, Participant, Quote, TimeExpr

# Event types that are never one event across mentions: two "said" are two statements.
_NEVER_MERGED = frozenset({"statement", OTHER})
_VIOLENT_GENRES = frozenset({"violence", "disaster"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# Verbs that only say when their subject noun happened: "the crash occurred on Sunday".
_OCCURRENCE_VERBS = frozenset({"happen", "occur", "take", "begin", "start", "end", "follow"})
_ANCHOR_TYPES = frozenset({"DATE", "TIME"})
_LEGAL = "legal"


@dataclass(frozen=True, slots=True)
class EventMention:
    """One trigger in the text with what its clause says about it.

    ``token`` is the trigger's token index; ``span`` and ``sentence_span`` are
    character offsets. ``nominal`` is True for noun triggers, ``definite`` when
    the noun has "the"/"this" or a possessor ("the shooting", "his arrest").
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

    @property
    def place(self) -> Argument | None:
        return next((a for a in self.arguments if a.role == "place"), None)


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
    anchored = _anchor_times(doc, times, triggers)
    mentions = []
    for i, (event_type, nominal) in triggers.items():
        tok = doc[i]
        sent = tok.sent
        args = list(
            noun_arguments(tok, event_type, reader) if nominal else verb_arguments(tok, reader)
        )
        place = place_of(tok, reader)
        if place is None and nominal and _supported(tok):
            place = place_of(tok.head, reader)  # "held a press conference in Dayton"
        if place is not None:
            args.append(place)
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
                time=_time_for(tok, nominal, anchored),
                modality=modality(tok, nominal),
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
    time expression of the event's clause as ``find_times`` normalised it
    against ``published`` ("on Friday" in a lead -> the Friday before the
    article date); None when no clause dates the event. With ``include_other``
    False, only events of a documented type (not ``other``) are returned. ``quotes`` and
    ``references`` are as for ``find_event_mentions``.
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
    values = {m.time.value for m in group if m.time is not None}
    if mention.time is not None and values and mention.time.value not in values:
        return False
    for role in ("agent", "patient", "place"):
        # two rallies in two cities are two events, as are two arrests of two people
        theirs = {a.entity for m in group for a in m.arguments if a.role == role and a.entity}
        mine = {a.entity for a in mention.arguments if a.role == role and a.entity}
        if theirs and mine and not theirs & mine:
            return False
    return True


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
    when = next((m.time for m in group if m.time is not None), None)
    place = next((m.place.entity for m in group if m.place is not None and m.place.entity), None)
    return Event(
        id=event_id,
        type=first.type,
        trigger=first.trigger,
        span=first.span,
        sentence_span=first.sentence_span,
        participants=tuple(participants),
        time=EventTime(when.text, when.value) if when is not None else None,
        place=place,
        modality=first.modality,
        polarity="negative" if first.modality == "negated" else "positive",
        mentions=tuple(m.span for m in group),
    )


def _trigger_type(tok: Token) -> tuple[str, bool] | None:
    """(type, nominal) when ``tok`` triggers an event, else None."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        if lemma in NON_EVENT_VERBS or tok.dep_ == "amod":
            return None
        return _verb_sense(tok, lemma), False
    if tok.pos_ == "NOUN" and tok.dep_ != "compound":
        kind = noun_type(lemma)
        if kind is None and lemma in ANAPHORIC_EVENT_NOUNS:
            kind = OTHER
        return (kind, True) if kind is not None else None
    return None


def _verb_sense(tok: Token, lemma: str) -> str:
    """The verb's type; some verbs need their object to tell ("drop the charges")."""
    kind = verb_type(lemma)
    if kind == OTHER:
        return kind
    objects = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass", "prt"}]
    if tok.dep_ in {"acl", "relcl"}:
        objects.append(tok.head)  # "an action film being shot": the noun is the object
    if any(c.lemma_.lower() in EXCLUDING_OBJECTS.get(lemma, ()) for c in objects):
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
    person = any(c.ent_type_ == "PERSON" or c.pos_ == "PRON" for c in objects)
    if lemma in PERSON_OBJECT_VERBS and not person:
        return OTHER
    return kind


def _is_definite(noun: Token) -> bool:
    return any(
        (c.dep_ == "det" and c.lower_ in _DEFINITE) or c.dep_ == "poss" for c in noun.children
    )


def _anchor_times(
    doc: Doc, times: Sequence[TimeExpr], triggers: dict[int, tuple[str, bool]]
) -> dict[int, TimeExpr]:
    """Trigger token -> the dated time expression of its clause.

    A time expression belongs to the nearest trigger above it in the parse,
    passing through plain nouns: in "A judge ... on Friday dismissed the case"
    the parser hangs "on Friday" on "judge", and the date goes to "dismissed".
    """
    anchored: dict[int, TimeExpr] = {}
    for expr in times:
        if expr.type not in _ANCHOR_TYPES or not expr.value:
            continue
        span = doc.char_span(expr.span[0], expr.span[1], alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        tok = span.root
        for _ in range(8):
            if tok.head is tok:
                break
            tok = tok.head
            if tok.i in triggers:
                anchored.setdefault(tok.i, expr)
                break
            if tok.pos_ in {"VERB", "AUX"} and tok.dep_ not in {"aux", "auxpass"}:
                break  # a clause that is not an event: "will be in service by 2011"
    return anchored


def _supported(noun: Token) -> bool:
    """ "held a press conference", "the crash occurred": the verb only frames the event noun."""
    return noun.dep_ in {"nsubj", "dobj"} and (
        noun.head.lemma_ in SUPPORT_VERBS or noun.head.lemma_ in _OCCURRENCE_VERBS
    )


def _time_for(tok: Token, nominal: bool, anchored: dict[int, TimeExpr]) -> TimeExpr | None:
    if tok.i in anchored:
        return anchored[tok.i]
    if nominal and _supported(tok):
        return anchored.get(tok.head.i)  # "held a press conference on Monday"
    return None


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
