"""Which person a pronoun or a role noun stands for, once per article.

``resolve_references`` links "he", "she", "his", "her" ... to PERSON entities,
inside a quotation "I", "me" and "my" to the quote's speaker, and a definite role
noun ("the spokeswoman", "the attorney general") to the one person who holds
that role in the article. It reuses the quote
speaker resolver's rules (same-sentence subject first, then the nearest
compatible subject; gender from honorifics, roles, first names and earlier
pronouns) and agrees with the quotes by construction: a pronoun that is a
quote's source phrase goes to that quote's speaker. The result feeds event
participants and the extra mentions of ``entities[].mentions``.

It is deliberately cautious: a pronoun with no compatible person in reach, a
plural pronoun, and a third-person pronoun inside a quotation ("I watched him
shake hands", Kravets said: the quote does not say who "him" is) are left
unresolved.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Doc

from newsgraph.extract.lexicon import PERSON_PRONOUNS
from newsgraph.extract.quote_marks import find_quotations
from newsgraph.extract.speakers import SpeakerResolver
from newsgraph.records import Entity, Quote

_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
_THIRD_SINGULAR = frozenset(p for p, (_g, number) in PERSON_PRONOUNS.items() if number == "sg")
_QUOTE_KINDS = frozenset({"direct", "partial", "mixed"})
# left dependents that belong to a role noun's mention: "the", "state", "former"
_NP_LEFT = frozenset({"det", "amod", "compound", "nmod"})


def resolve_references(
    doc: Doc, entities: Sequence[Entity], quotes: Sequence[Quote]
) -> dict[int, str]:
    """Token index -> entity id for the pronouns and role nouns of ``doc`` that refer to a person.

    The token is the pronoun, or the head noun of "the spokeswoman".
    """
    resolved = _role_nouns(doc, entities)
    resolved.update(_pronouns(doc, entities, quotes))
    return resolved


def _pronouns(doc: Doc, entities: Sequence[Entity], quotes: Sequence[Quote]) -> dict[int, str]:
    persons = {e.id for e in entities if e.type == "PERSON"}
    if not persons:
        return {}
    quoted = [q.inner for q in find_quotations(doc.text)]
    quoted.sort()
    starts = [s for s, _ in quoted]
    resolved: dict[int, str] = {}
    speaker_at = _quote_speakers(quotes, persons)
    by_start = {tok.idx: tok.i for tok in doc}
    for q in quotes:
        if q.speaker in persons and q.speaker_span is not None:
            i = by_start.get(q.speaker_span[0])
            if i is not None and doc[i].lower_ in _THIRD_SINGULAR and _is_whole(doc, i, q):
                resolved[i] = q.speaker  # "she said": the quote resolver decided already
    sent_bounds: list[tuple[int, int]] = [(0, 0)] * len(doc)
    for sent in doc.sents:
        sent_bounds[sent.start : sent.end] = [(sent.start, sent.end)] * len(sent)
    resolver = SpeakerResolver(doc, entities, sent_bounds, quoted)
    for tok in doc:
        lower = tok.lower_
        if tok.i in resolved or (lower not in _THIRD_SINGULAR and lower not in _FIRST_PERSON):
            continue
        inside = _quotation_at(quoted, starts, tok.idx)
        speaker = _speaker_of(speaker_at, inside) if inside is not None else None
        if lower in _FIRST_PERSON:
            if speaker is not None:
                resolved[tok.i] = speaker  # "I watched him", Kravets said
            continue
        if inside is not None:
            continue  # "I watched him shake hands": who "him" is, the quote does not say
        found = resolver.resolve(tok, doc[tok.i : tok.i + 1], None)
        if found in persons:
            resolved[tok.i] = found
    return resolved


def with_reference_mentions(
    doc: Doc, entities: Sequence[Entity], references: Mapping[int, str]
) -> tuple[Entity, ...]:
    """``entities`` with the pronouns and role nouns that refer to them added to ``mentions``.

    A role noun's mention is its phrase: "the spokeswoman", "the state attorney general".
    """
    extra: dict[str, list[tuple[int, int]]] = {}
    for i, ent_id in references.items():
        tok = doc[i]
        start = min((c.left_edge.idx for c in tok.lefts if c.dep_ in _NP_LEFT), default=tok.idx)
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


def role_holders(entities: Iterable[Entity]) -> dict[str, Entity]:
    """Role noun -> the one person whose role ends in it: "judge" -> Helen Okafor.

    A noun two people hold ("lawyer" for Whitfield and Vance) is left out.
    """
    holders: dict[str, dict[str, Entity]] = {}
    for ent in entities:
        if ent.type != "PERSON":
            continue
        for role in ent.roles:
            words = role.lower().split()
            if words:
                holders.setdefault(words[-1], {})[ent.id] = ent
    return {noun: next(iter(by_id.values())) for noun, by_id in holders.items() if len(by_id) == 1}


def _role_nouns(doc: Doc, entities: Sequence[Entity]) -> dict[int, str]:
    """ "the spokeswoman" -> the one person whose role ends in "spokeswoman", named before."""
    unique = {noun: ent.id for noun, ent in role_holders(entities).items() if ent.mentions}
    if not unique:
        return {}
    first = {e.id: e.mentions[0][0] for e in entities if e.mentions}
    named = {start for ent in entities for start, _ in ent.mentions}
    found: dict[int, str] = {}
    for tok in doc:
        ent_id = unique.get(tok.lower_)
        if ent_id is None or tok.tag_ != "NN" or tok.idx < first[ent_id]:
            continue
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            continue  # "a judge" is not yet Judge Okafor; "his lawyer" may be anyone's
        if tok.dep_ == "appos" or any(c.dep_ in {"appos", "poss"} for c in tok.children):
            continue  # "the spokeswoman, Carla Mendes": the name is the mention
        if tok.ent_type_ or tok.idx in named:
            continue  # part of a name: "the Senate", "Attorney General Paul Dorsey"
        found[tok.i] = ent_id
    return found


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


def _quotation_at(
    quoted: Sequence[tuple[int, int]], starts: Sequence[int], char: int
) -> tuple[int, int] | None:
    n = bisect.bisect_right(starts, char) - 1
    if n >= 0 and char < quoted[n][1]:
        return quoted[n]
    return None


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


def _is_whole(doc: Doc, i: int, quote: Quote) -> bool:
    """True when the quote's source phrase is the pronoun ``doc[i]`` alone."""
    tok = doc[i]
    return quote.speaker_span == (tok.idx, tok.idx + len(tok.text))
