"""Roles of people and the relations they imply, read off the parse.

Four constructions carry a role: a pre-modifier ("attorney Dana Whitfield"),
an apposition ("Dana Whitfield, a civil rights lawyer,"; "Dorsey's
spokesperson, Carla Mendes"), a copula ("Mendes is the spokeswoman for the
office") and a relative clause ("Whitfield, who represents the family").
The role's possessor or its "for/of/at" object is the other side of a relation.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.entities.index import EntityIndex
from newsgraph.extract.entities.spans import is_glued_role
from newsgraph.extract.events.types import EVENT_TYPES
from newsgraph.extract.lexicon.people import (
    AMBIGUOUS_KIN,
    HONORIFICS,
    KIN_TERMS,
    LAWYER_TERMS,
    MEMBER_TERMS,
    ROLE_NOUNS,
    SPOKESPERSON_TERMS,
    TITLE_WORDS,
)
from newsgraph.extract.lexicon.words import adjectives_only, describes
from newsgraph.extract.syntax import NOMINAL_SUBJECTS, SUBJECT_RELATIVES, first_child
from newsgraph.records import Relation

_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "nn"})
_NAME_TYPES = frozenset({"GPE", "ORG", "NORP", "LOC", "FAC", "PERSON"})
_TARGET_PREPS = frozenset({"for", "of", "at", "with", "to"})
_REPRESENT_VERBS = frozenset({"represent", "defend"})
_WORK_VERBS = frozenset({"work", "serve"})
_ACT_FOR_VERBS = frozenset({"act", "appear"})
# the events whose patient is a victim: "killed", "shot", "the killing of"
_VICTIM_VERBS = frozenset(v for t in EVENT_TYPES if t.patient == "victim" for v in t.verbs)
_VICTIM_NOUNS = frozenset(n for t in EVENT_TYPES if t.patient == "victim" for n in t.nouns)
# "Kravets, who is ...", "the lawyer that represents ...": "which" never stands for a person
_PERSON_RELATIVES = SUBJECT_RELATIVES - {"which"}


@dataclass(frozen=True, slots=True)
class _Role:
    person: Span
    text: str
    head: Token  # the role noun
    target: Token | None  # possessor or prepositional object: the other side


def find_roles_and_relations(
    doc: Doc, index: EntityIndex
) -> tuple[dict[str, tuple[str, ...]], list[Relation]]:
    """Roles per entity id (in order of appearance, once each) and the relations found."""
    roles: dict[str, list[str]] = {}
    found: list[tuple[str, Span, list[_Role]]] = []
    for person in (e for e in doc.ents if e.label_ == "PERSON"):
        ent_id = index.entity_at(person)
        if ent_id is None:
            continue
        person_roles = list(_roles_of(person))
        found.append((ent_id, person, person_roles))
        bucket = roles.setdefault(ent_id, [])
        for role in person_roles:
            if role.text and role.text not in bucket:
                bucket.append(role.text)
    # relations second: "spokeswoman for the attorney general's office" needs Dorsey's role
    relations: list[Relation] = []
    seen_rel: set[tuple[str, str, str]] = set()
    for ent_id, person, person_roles in found:
        candidates = [_relation(role, ent_id, index, roles) for role in person_roles]
        candidates.extend(_clause_relations(person, ent_id, index, roles))
        for rel in candidates:
            if rel and (rel.type, rel.subject, rel.object) not in seen_rel:
                seen_rel.add((rel.type, rel.subject, rel.object))
                relations.append(rel)
    return {k: tuple(v) for k, v in roles.items() if v}, relations


def _roles_of(person: Span) -> Iterator[_Role]:
    doc = person.doc
    root = person.root
    # "Sen. Mark Ellison" -> senator
    if person.start > 0:
        prev = doc[person.start - 1]
        implied = HONORIFICS.get(prev.lower_.rstrip("."), (None, None))[0]
        if implied and prev.text[:1].isupper():
            yield _Role(person, implied, prev, None)
    # "attorney Dana Whitfield", "Ohio Attorney General Paul Dorsey",
    # "Dorsey's spokesperson Carla Mendes"
    premod = _premodifier(person)
    if premod is not None:
        yield premod
    # "Dana Whitfield, a civil rights lawyer," / "Dorsey's spokesperson, Carla Mendes"
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ in {"NOUN", "PROPN"} and not _in(child, person):
            role = _role_from_noun(person, child)
            if role:
                yield role
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        role = _role_from_noun(person, root.head)
        if role:
            yield role
    elif root.dep_ == "appos" and root.head.dep_ == "pobj" and root.head.head.dep_ == "prep":
        # "A spokesman for Calder Logistics, Brian Moss": the parser hangs Moss on the company
        role = _role_from_noun(person, root.head.head.head)
        if role:
            yield role
    # "Mendes is the spokeswoman for ..."
    if root.dep_ in NOMINAL_SUBJECTS and root.head.lemma_ == "be":
        for child in root.head.children:
            if child.dep_ == "attr" and child.pos_ == "NOUN":
                role = _role_from_noun(person, child)
                if role:
                    yield role
    # "Kravets, who is Brennan's sister," / "Ortiz, who works as a stunt coordinator"
    for clause in _relative_clauses(root):
        for child in clause.children:
            if clause.lemma_ == "be" and child.dep_ == "attr" and child.pos_ == "NOUN":
                role = _role_from_noun(person, child)
                if role:
                    yield role
            if clause.lemma_ in _WORK_VERBS and child.dep_ == "prep" and child.lower_ == "as":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        role = _role_from_noun(person, obj)
                        if role:
                            yield role


def _in(tok: Token, span: Span) -> bool:
    return span.start <= tok.i < span.end


def _relative_clauses(root: Token) -> Iterator[Token]:
    for child in root.children:
        if child.dep_ == "relcl" and any(
            c.dep_ in NOMINAL_SUBJECTS and c.lower_ in _PERSON_RELATIVES for c in child.children
        ):
            yield child


def _premodifier(person: Span) -> _Role | None:
    doc = person.doc
    i = person.start - 1
    if i >= 0 and doc[i].lower_.rstrip(".") in HONORIFICS:
        i -= 1  # "attorney Ms. Whitfield" is rare; "former Sen. Ellison" is not
    words: list[Token] = []
    while i >= 0:
        tok = doc[i]
        if tok.pos_ not in {"NOUN", "PROPN", "ADJ"} or tok.ent_type_ == "PERSON":
            break
        if tok.is_punct or tok.text[:1] == "'" or tok.is_space:
            break
        if not (tok.dep_ in _MODIFIER_DEPS or tok.head.i >= person.start):
            break
        words.insert(0, tok)
        i -= 1
    words = [t for t in words if not _describes(t)]
    if not words:
        return None
    head = words[-1]
    known = head.lower_ in ROLE_NOUNS or head.lower_ in TITLE_WORDS or head.pos_ == "NOUN"
    if not known and not is_glued_role(head):
        return None
    target = None
    if i >= 0 and doc[i].text in {"'s", "’s", "'"} and i > 0:
        target = doc[i - 1]
    text = _normalise(words)
    return _Role(person, text, head, target)


def _role_from_noun(person: Span, noun: Token) -> _Role | None:
    """The role phrase headed by ``noun``: its modifiers, without articles and possessors."""
    if noun.lower_ not in ROLE_NOUNS and noun.lemma_.lower() not in ROLE_NOUNS:
        return None
    words = [
        t
        for t in noun.lefts
        if t.dep_ in _MODIFIER_DEPS
        and t.ent_type_ != "PERSON"
        and not _in(t, person)
        and not _describes(t)
    ]
    # include the modifiers' own modifiers: "civil rights lawyer"
    expanded: list[Token] = []
    for w in words:
        expanded.extend(
            x
            for x in w.subtree
            if x.dep_ not in {"det", "poss", "case", "punct"} and not _in(x, person)
        )
    words = sorted({t.i: t for t in [*expanded, noun]}.values(), key=lambda t: t.i)
    target = None
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ in {"PROPN", "NOUN"}:
            target = child
    if target is None:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in _TARGET_PREPS:
                target = first_child(child, "pobj")
                if target is not None:
                    break
    return _Role(person, _normalise(words), noun, target)


def _describes(tok: Token) -> bool:
    """An adjective that describes the person, not the role: "Combative defense lawyer",
    "a vocal critic", "the young father" (but "former", "presidential", "Democratic")."""
    if tok.ent_type_ in _NAME_TYPES:
        return False
    opening = tok.is_sent_start or tok.i == 0 or "\n" in tok.doc[tok.i - 1].text_with_ws
    if tok.text[:1].isupper() and not opening:
        return False  # a proper adjective mid-sentence: "Republican nominee"
    if tok.pos_ == "ADJ" or tok.tag_ in {"JJ", "JJR", "JJS"}:
        return describes(tok.text)
    # the tagger takes a capitalised adjective opening a sentence for a name: "Outspoken"
    return opening and tok.lower_ in adjectives_only() and describes(tok.text)


def _normalise(words: list[Token]) -> str:
    """Lower case, unless the role holds a proper name ("Ohio Attorney General")."""
    text = "".join(t.text_with_ws for t in words).strip()
    if any(t.ent_type_ in {"GPE", "ORG", "NORP", "LOC", "FAC"} for t in words):
        return text
    return text.lower()


def _relation(
    role: _Role, ent_id: str, index: EntityIndex, roles: dict[str, list[str]]
) -> Relation | None:
    head = role.head.lower_
    lemma = role.head.lemma_.lower()
    target = _target_entity(role.target, index, roles) if role.target is not None else None
    if target is None:
        # "Google CEO Sundar Pichai": an organisation inside the role phrase
        if role.head.i < role.person.start:
            for tok in role.person.doc[role.head.left_edge.i : role.head.i + 1]:
                if tok.ent_type_ == "ORG":
                    target = index.token_entity.get(tok.i)
                    break
        if target is None:
            return None
    if target == ent_id:
        return None
    if head in KIN_TERMS or lemma in KIN_TERMS:
        if head in AMBIGUOUS_KIN and _target_type(role.target) != "PERSON":
            rel_type, kin = "works_for", None
        else:
            rel_type, kin = "family", head
    elif head in SPOKESPERSON_TERMS or lemma in SPOKESPERSON_TERMS:
        rel_type, kin = "spokesperson_for", None
    elif (head in LAWYER_TERMS or lemma in LAWYER_TERMS) and "general" not in role.text.lower():
        rel_type, kin = "represents", None
    elif head in MEMBER_TERMS:
        rel_type, kin = "member_of", None
    else:
        rel_type, kin = "works_for", None
    return _stated_in(role.person, rel_type, ent_id, target, kin)


def _stated_in(
    person: Span, rel_type: str, subject: str, obj: str, kin: str | None = None
) -> Relation:
    """A relation whose evidence is the sentence that mentions ``person``."""
    sent = person.sent
    return Relation(
        type=rel_type,
        subject=subject,
        object=obj,
        text=sent.text.strip(),
        span=(sent.start_char, sent.end_char),
        kin=kin,
    )


def _target_type(tok: Token | None) -> str:
    return tok.ent_type_ if tok is not None else ""


_GROUP_NOUNS = frozenset(
    {
        "family",
        "families",
        "estate",
        "relatives",
        "office",
        "campaign",
        "administration",
        "department",
        "team",
        "staff",
        "lawyers",
        # "the victim's parents": the victim's family
        "parents",
        "children",
        "sons",
        "daughters",
        "widow",
        "widower",
        "siblings",
    }
)


def _target_entity(tok: Token, index: EntityIndex, roles: dict[str, list[str]]) -> str | None:
    """The entity a possessor or object names.

    "the Brennan family" -> the Brennans' entity; "the attorney general's
    office" -> the entity whose role is attorney general.
    """
    if tok.i in index.token_entity:
        return index.token_entity[tok.i]
    for child in tok.lefts:
        # "the Brennan family", "the Teamsters executive board"
        if child.dep_ in {"compound", "poss", "nmod"} and child.i in index.token_entity:
            return index.token_entity[child.i]
        if child.dep_ == "poss" and tok.lower_ in _GROUP_NOUNS:
            return _target_entity(child, index, roles)
    if tok.pos_ == "NOUN":
        found = entity_with_role(noun_phrase(tok), roles)
        if found is None and tok.lemma_.lower() == "victim":
            found = _only_victim(tok.doc, index)
        return found
    return None


def _only_victim(doc: Doc, index: EntityIndex) -> str | None:
    """The one person the article says was killed, shot, hurt or kidnapped ("accused of
    killing Kelly Brennan", "Brennan, who was shot dead"): who "the victim" is."""
    victims = set()
    for person in (e for e in doc.ents if e.label_ == "PERSON"):
        root = person.root
        ent_id = index.entity_at(person)
        if ent_id is None:
            continue
        if root.dep_ in {"dobj", "nsubjpass"} and root.head.lemma_.lower() in _VICTIM_VERBS:
            victims.add(ent_id)
        elif (
            root.dep_ == "pobj"
            and root.head.lower_ == "of"
            and root.head.head.lemma_.lower() in _VICTIM_NOUNS
        ):
            victims.add(ent_id)  # "the killing of Kelly Brennan"
        for clause in _relative_clauses(root):
            subj = next((c for c in clause.children if c.dep_ == "nsubjpass"), None)
            if subj is not None and clause.lemma_.lower() in _VICTIM_VERBS:
                victims.add(ent_id)  # "Brennan, who was shot dead"
    return victims.pop() if len(victims) == 1 else None


def noun_phrase(tok: Token) -> str:
    """A common noun with its compounds, lower case.

    "the attorney general's" -> "attorney general".
    """
    words = [t for t in tok.lefts if t.dep_ in {"compound", "amod"} and t.i == tok.i - 1]
    while words and words[0].i > 0 and words[0].doc[words[0].i - 1].dep_ in {"compound"}:
        words.insert(0, words[0].doc[words[0].i - 1])
    return " ".join(t.lower_ for t in [*words, tok])


def entity_with_role(phrase: str, roles: dict[str, list[str]]) -> str | None:
    """The one entity whose role ends with ``phrase`` ("attorney general" -> Dorsey), else None."""
    if not phrase:
        return None
    found = {
        ent
        for ent, texts in roles.items()
        if any(r.lower() == phrase or r.lower().endswith(" " + phrase) for r in texts)
    }
    return found.pop() if len(found) == 1 else None


def _for_objects(prep: Token) -> list[Token]:
    """The objects of "for X" and of "on behalf of X"."""
    obj = first_child(prep, "pobj")
    if obj is None:
        return []
    if prep.lower_ == "on":
        if obj.lower_ != "behalf":
            return []
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = first_child(of, "pobj") if of is not None else None
    return [obj] if obj is not None else []


def _clause_relations(
    person: Span, ent_id: str, index: EntityIndex, roles: dict[str, list[str]]
) -> Iterator[Relation]:
    """ "Whitfield, who represents the Brennan family" -> represents; "works for X" -> works_for."""
    root = person.root
    verbs = list(_relative_clauses(root))
    if root.dep_ == "nsubj":
        verbs.append(root.head)
    for verb in verbs:
        lemma = verb.lemma_
        if lemma in _REPRESENT_VERBS:
            objs = [c for c in verb.children if c.dep_ == "dobj"]
            rel_type = "represents"
        elif lemma in _ACT_FOR_VERBS:
            # "Whitfield will act for the victim's parents", "appears on behalf of Cole"
            objs = [
                o
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ in {"for", "on"}
                for o in _for_objects(c)
            ]
            rel_type = "represents"
        elif lemma in _WORK_VERBS:
            objs = [
                o
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ in {"for", "at"}
                for o in c.children
                if o.dep_ == "pobj"
            ]
            rel_type = "works_for"
        else:
            continue
        for obj in objs:
            target = _target_entity(obj, index, roles)
            if target and target != ent_id:
                yield _stated_in(person, rel_type, ent_id, target)
