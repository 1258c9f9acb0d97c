"""Which person (or organisation) a pronoun or a role noun stands for, once per article.

``resolve_references`` links "he", "she", "his", "her" ... to PERSON entities,
inside a quotation "I", "me" and "my" to the quote's speaker, and a definite role
noun ("the spokeswoman", "the attorney general") to the one person who holds
that role in the article (the rule of ``references.roles``, which the quote speaker
resolver applies first too). For pronouns it reuses the quote speaker resolver's
rules (same-sentence subject first, then the nearest compatible subject; gender from
honorifics, roles, first names and earlier pronouns) and agrees with the quotes by
construction: a pronoun that is a quote's source phrase goes to that quote's speaker.
Organisations come after the people: "we" and "our" in a quotation go to the
organisation the speaker's role names, and "the company", "it", "its" follow the rules of
``references.organisations``. The result feeds event participants and the extra
mentions of ``entities[].mentions``.

It is deliberately cautious: a pronoun with no compatible person in reach, a
plural pronoun, and a third-person pronoun inside a quotation ("I watched him
shake hands", Kravets said: the quote does not say who "him" is) are left
unresolved.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from newsgraph.extract.lexicon.people import (
    FIRST_PERSON,
    NOT_PEOPLE,
    OBJECT_PRONOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    REFLEXIVES,
)
from newsgraph.extract.quotes.marks import quotations_of
from newsgraph.extract.references.organisations import (
    FIRST_PLURAL,
    employers,
    organisation_references,
    token_names,
)
from newsgraph.extract.references.roles import role_references
from newsgraph.extract.references.speakers import SpeakerResolver
from newsgraph.extract.syntax import NOMINAL_SUBJECTS, NOUN_PHRASE_LEFT, clause_head, subject_of
from newsgraph.nlp.doc import positions_among, sentence_bounds
from newsgraph.records import Entity, Quote

_THIRD_SINGULAR = frozenset(p for p, (_g, number) in PERSON_PRONOUNS.items() if number == "sg")
_NEAR_TOKENS = 6  # how far back a possessive takes the nearest name: "Ellison and two of his"
_QUOTE_KINDS = frozenset({"direct", "partial", "mixed"})


def resolve_references(
    doc: Doc, entities: Sequence[Entity], quotes: Sequence[Quote]
) -> dict[int, str]:
    """Token index -> entity id for the pronouns and role nouns of ``doc`` that refer to a
    person or an organisation.

    The token is the pronoun, or the head noun of "the spokeswoman", "the company".
    """
    resolved = role_references(doc, entities)
    resolved.update(_pronouns(doc, entities, quotes))
    resolved.update(_speakers_organisations(doc, entities, quotes))
    for i, ent_id in organisation_references(doc, entities).items():
        resolved.setdefault(i, ent_id)
    return resolved


def _speakers_organisations(
    doc: Doc, entities: Sequence[Entity], quotes: Sequence[Quote]
) -> dict[int, str]:
    """ "we", "our" inside a quotation -> the organisation its speaker's role names:
    "We are continuing our research," said Boeing executive Scott Carson -> Boeing."""
    employer = employers(entities)
    if not employer:
        return {}
    speakers = _quote_speakers(quotes, set(employer))
    quoted = sorted(q.inner for q in quotations_of(doc))
    found: dict[int, str] = {}
    for i in positions_among(doc, FIRST_PLURAL):
        char = doc[i].idx
        inside = next((q for q in quoted if q[0] <= char < q[1]), None)
        speaker = _speaker_of(speakers, inside) if inside is not None else None
        if speaker is not None:
            found[i] = employer[speaker]
    return found


def _pronouns(doc: Doc, entities: Sequence[Entity], quotes: Sequence[Quote]) -> dict[int, str]:
    persons = {e.id for e in entities if e.type == "PERSON"}
    if not persons:
        return {}
    quoted = sorted(q.inner for q in quotations_of(doc))
    resolved: dict[int, str] = {}
    speaker_at = _quote_speakers(quotes, persons)
    for q in quotes:
        if q.speaker in persons and q.speaker_span is not None:
            span = doc.char_span(*q.speaker_span)
            if span is not None and len(span) == 1 and span[0].lower_ in _THIRD_SINGULAR:
                resolved[span[0].i] = q.speaker  # "she said": the quote resolver decided
    resolver = SpeakerResolver(
        doc, entities, sentence_bounds(doc), quoted, [q.span for q in quotes]
    )
    named = token_names(doc, entities)
    for tok in (doc[i] for i in positions_among(doc, _THIRD_SINGULAR | FIRST_PERSON)):
        lower = tok.lower_
        if tok.i in resolved or (lower not in _THIRD_SINGULAR and lower not in FIRST_PERSON):
            continue
        inside = resolver.quotation_at(tok.idx)
        speaker = _speaker_of(speaker_at, inside) if inside is not None else None
        if lower in FIRST_PERSON:
            if speaker is not None:
                resolved[tok.i] = speaker  # "I watched him", Kravets said
            continue
        if inside is not None:
            continue  # "I watched him shake hands": who "him" is, the quote does not say
        if lower in REFLEXIVES:
            found = _reflexive_antecedent(tok, named, resolved)
        elif _unnamed_subject_between(tok, named, resolved):
            continue  # "the child's uncle told a reporter that he": not a named person
        elif (owner := _clause_owner(tok, named, resolved, resolver)) is not None:
            found = owner  # "Obama, for his part, said", "After his meeting, Obama ..."
        elif (near := _name_just_before(tok, named, resolver, persons)) is not None:
            found = near  # "against Mr. Ellison and two of his former business partners"
        else:
            found = resolver.resolve(tok, doc[tok.i : tok.i + 1], None)
            excluded = _own_subject(tok, named, resolved)
            if found is not None and excluded == found:
                # "Whitfield met Ellison and thanked him": not the subject, the nearest other
                found = _nearest_other(resolver, tok, excluded, persons)
        if found in persons:
            resolved[tok.i] = found
    return resolved


def _controlled(verb: Token) -> bool:
    return verb.tag_ == "VBG" or any(c.lower_ == "to" for c in verb.lefts)


def _unnamed_subject_between(
    tok: Token, named: Mapping[int, str], resolved: Mapping[int, str]
) -> bool:
    """The nearest subject before ``tok`` (this sentence or the one before) is a person
    noun that names no one: "The driver was not yet named, and it is unclear why he ..."."""
    doc = tok.doc
    first = tok.sent.start
    if first > 0:
        first = doc[first - 1].sent.start
    for i in range(tok.i - 1, first - 1, -1):
        cand = doc[i]
        if i in named and cand.ent_type_ == "PERSON":
            return False  # a name stands nearer: "... against Ellison, ... accused him"
        if cand.dep_ not in NOMINAL_SUBJECTS or cand.lower_ in NOT_PEOPLE:
            continue  # "it is unclear why he ...": "it" stands for no one
        if cand.pos_ != "NOUN" or i in named or i in resolved:
            return False
        # a person noun blocks a pronoun from reaching further back to a name
        return cand.lemma_.lower() in PERSON_NOUNS and cand.tag_ == "NN"
    return False


def _clause_owner(
    tok: Token, named: Mapping[int, str], resolved: Mapping[int, str], resolver: SpeakerResolver
) -> str | None:
    """A possessive in a phrase of a clause whose subject is a named person: that person,
    when gender allows ("Obama, for his part, said"; "After his meeting, Obama welcomed")."""
    if tok.dep_ != "poss":
        return None
    node = tok.head
    for _ in range(4):  # up through "his meeting with Trump" -> "After" -> the verb
        if node.pos_ in {"VERB", "AUX"} or node.head.i == node.i:
            break
        if node.dep_ not in {"pobj", "prep", "npadvmod"}:
            return None  # the possessed noun is a subject or object: "his car slid"
        node = node.head
    if node.pos_ not in {"VERB", "AUX"}:
        return None
    owner = _subject_entity(node, named, resolved)
    if owner is None:
        return None
    known = resolver.gender(owner)
    return owner if known is None or known == PERSON_PRONOUNS[tok.lower_][0] else None


def _name_just_before(
    tok: Token, named: Mapping[int, str], resolver: SpeakerResolver, persons: set[str]
) -> str | None:
    """For a possessive, a person named a few words before it in its sentence, when gender
    allows."""
    if tok.dep_ != "poss":
        return None
    for i in range(tok.i - 1, max(tok.sent.start, tok.i - _NEAR_TOKENS) - 1, -1):
        ent_id = named.get(i)
        if ent_id in persons:
            known = resolver.gender(ent_id)
            return ent_id if known is None or known == PERSON_PRONOUNS[tok.lower_][0] else None
    return None


def _nearest_other(
    resolver: SpeakerResolver, tok: Token, excluded: str, persons: set[str]
) -> str | None:
    """The nearest person named earlier in ``tok``'s sentence other than ``excluded``, when
    gender allows."""
    gender = PERSON_PRONOUNS[tok.lower_][0]
    for _start, ent_id in resolver.mentions_before(tok.idx, tok.idx - tok.sent.start_char):
        if ent_id == excluded or ent_id not in persons:
            continue
        known = resolver.gender(ent_id)
        return ent_id if known is None or known == gender else None
    return None


def _subject_entity(
    verb: Token, named: Mapping[int, str], resolved: Mapping[int, str]
) -> str | None:
    subject = subject_of(verb)
    # "swerved to avoid him", "lit into Trump, mocking him": a to-clause or a participle
    # without a subject of its own takes the subject of the verb it serves
    while subject is None and verb.dep_ == "advcl" and _controlled(verb):
        verb = verb.head
        subject = subject_of(verb)
    if subject is None:
        return None
    return named.get(subject.i) or resolved.get(subject.i)


def _own_subject(tok: Token, named: Mapping[int, str], resolved: Mapping[int, str]) -> str | None:
    """The entity that is the subject of the verb whose object ``tok`` is.

    An object pronoun never means its own clause's subject (that would be "himself").
    """
    if tok.lower_ not in OBJECT_PRONOUNS or tok.dep_ not in {"dobj", "dative"}:
        return None
    return _subject_entity(tok.head, named, resolved)


def _reflexive_antecedent(
    tok: Token, named: Mapping[int, str], resolved: Mapping[int, str]
) -> str | None:
    """ "Clinton herself" -> Clinton; "Ortiz checked it himself" -> Ortiz: the name it
    leans on, else its clause's subject."""
    if tok.i > 0 and tok.i - 1 in named:
        return named[tok.i - 1]  # the parser may hang "herself" on "she" in "she nor Clinton"
    if tok.head.i in named:
        return named[tok.head.i]
    return _subject_entity(clause_head(tok.head), named, resolved)


def with_reference_mentions(
    doc: Doc, entities: Sequence[Entity], references: Mapping[int, str]
) -> tuple[Entity, ...]:
    """``entities`` with the pronouns and role nouns that refer to them added to ``mentions``.

    A role noun's mention is its phrase: "the spokeswoman", "the state attorney general".
    """
    extra: dict[str, list[tuple[int, int]]] = {}
    for i, ent_id in references.items():
        tok = doc[i]
        start = min(
            (c.left_edge.idx for c in tok.lefts if c.dep_ in NOUN_PHRASE_LEFT), default=tok.idx
        )
        extra.setdefault(ent_id, []).append((start, tok.idx + len(tok.text)))
    return tuple(
        replace(e, mentions=tuple(sorted({*e.mentions, *extra[e.id]}))) if e.id in extra else e
        for e in entities
    )


def name_mentions(entity: Entity, text: str) -> list[tuple[int, int]]:
    """The mentions of ``entity`` that are its names, not pronouns or role nouns.

    Every name mention's text is the entity's name or one of its aliases (up to case:
    "COLUMBUS" in a dateline); what coreference adds ("she", "the spokeswoman") is not.
    """
    names = {n.lower() for n in (entity.name, *entity.aliases)}
    return [(s, e) for s, e in entity.mentions if text[s:e].lower() in names]


def _quote_speakers(
    quotes: Sequence[Quote], persons: set[str]
) -> list[tuple[int, int, str | None]]:
    """(start, end, speaker) of the quotes whose content is quoted, in text order."""
    spans = [
        (q.span[0], q.span[1], q.speaker if q.speaker in persons else None)
        for q in quotes
        if q.kind in _QUOTE_KINDS
    ]
    spans.sort()
    return spans


def _speaker_of(
    speakers: Sequence[tuple[int, int, str | None]], quotation: tuple[int, int]
) -> str | None:
    """The speaker of the quote that contains ``quotation``; None when no quote does."""
    start, end = quotation
    for q_start, q_end, speaker in speakers:
        if q_start <= start and end <= q_end + 1:
            return speaker
        if q_start > end:
            break
    return None
