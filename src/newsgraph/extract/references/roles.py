"""Which person a role noun stands for: "the spokeswoman" -> Carla Mendes.

One rule, used by coreference and by the quote speaker resolver alike: a definite
role noun ("the spokeswoman", "the state attorney general") refers to the one person
the article gave a role ending in that noun, named before it, when every word in
front of the noun is a word of that role ("the Nato spokesman" is not the Taliban's
spokesman). ``role_references`` applies it to every such noun of a Doc.

A quote must have a source, so where the rule abstains the speaker resolver still
takes a best guess among the people whose role the phrase names (``holders_named``):
"The lawyer said" with two lawyers in the article is the one written about nearest
before (or the one next to the possessor in "the investors' lawyer"). The guess is
never a coreference mention.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.syntax import NOUN_PHRASE_LEFT
from newsgraph.nlp.doc import positions_among
from newsgraph.records import Entity

# modifiers that point a role noun at another holder: "the next president", "the new coach"
_OTHER_HOLDER = frozenset(
    "next new former previous future incoming outgoing late then last first other".split()
)


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


def role_references(doc: Doc, entities: Sequence[Entity]) -> dict[int, str]:
    """Token index -> entity id for the definite role nouns of ``doc`` that the rule resolves:
    "the spokeswoman" -> the one person whose role ends in "spokeswoman", named before."""
    holders = role_holders(entities)
    unique = {noun: ent.id for noun, ent in holders.items() if ent.mentions}
    if not unique:
        return {}
    first = {e.id: e.mentions[0][0] for e in entities if e.mentions}
    named = {start for ent in entities for start, _ in ent.mentions}
    found: dict[int, str] = {}
    for tok in (doc[i] for i in positions_among(doc, unique)):
        ent_id = unique.get(tok.lower_)
        if ent_id is None or tok.tag_ != "NN" or tok.idx < first[ent_id]:
            continue
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            continue  # "a judge" is not yet Judge Okafor; "his lawyer" may be anyone's
        if tok.dep_ == "appos" or any(c.dep_ in {"appos", "poss"} for c in tok.children):
            continue  # "the spokeswoman, Carla Mendes": the name is the mention
        if tok.ent_type_ or tok.idx in named:
            continue  # part of a name: "the Senate", "Attorney General Paul Dorsey"
        if any(c.dep_ == "amod" and c.lower_ in _OTHER_HOLDER for c in tok.children):
            continue  # "the next president" is not the president the article names
        if not _modifiers_fit(tok, holders[tok.lower_]):
            continue  # "the Nato spokesman" is not the Taliban's spokesman
        found[tok.i] = ent_id
    return found


def _modifiers_fit(noun: Token, holder: Entity) -> bool:
    """Every word in front of the role noun is in the holder's role: "the attorney general"
    fits "Ohio Attorney General", "the German foreign ministry spokesman" no bare "spokesman"."""
    words = {
        w for role in holder.roles if role.lower().split()[-1:] == [noun.lower_]
        for w in role.lower().split()
    }  # fmt: skip
    return not any(
        t.lower_ not in words
        for child in noun.lefts
        if child.dep_ in NOUN_PHRASE_LEFT - {"det"}
        for t in child.subtree
        if not t.is_punct
    )


def holders_named(entities: Iterable[Entity], head: Token, span: Span) -> list[tuple[int, str]]:
    """The people whose role the phrase ``span`` (head ``head``) names, as (start of their
    latest mention before the phrase, entity id), in entity order.

    A role is named when its last word is among the phrase's nouns and adjectives and
    is the head, or the whole role is in the phrase ("the attorney general's office").
    """
    words = {t.lemma_.lower() for t in span if t.pos_ in {"NOUN", "PROPN", "ADJ"}}
    head_word = head.lemma_.lower()
    phrase = " ".join(t.lower_ for t in span if not t.is_punct and t.pos_ != "DET")
    fitting: list[tuple[int, str]] = []
    for ent in entities:
        for role in ent.roles:
            role_l = role.lower()
            last = role_l.split()[-1] if role_l.split() else role_l
            if (role_l in phrase or last == head_word) and (last in words):
                pos = max((s for s, _e in ent.mentions if s < span.start_char), default=0)
                fitting.append((pos, ent.id))
                break
    return fitting
