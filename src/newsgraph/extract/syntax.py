"""Dependency-label sets and small parse helpers that the extractors share.

The labels are ClearNLP's, as spaCy's English pipelines assign them. Each set is
named for what it means, so that a rule says which subjects it wants: "nominal"
subjects are noun phrases (active or passive), a clausal subject (``csubj``) is a
verb ("What she said angered him").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

# "Raske pleaded", "Raske was sentenced": noun-phrase subjects, active and passive
NOMINAL_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# every subject a verb can have: "What she said angered him" adds the clause
SUBJECTS = NOMINAL_SUBJECTS | {"csubj"}
# the doer of an active verb, a noun phrase or a clause; not the passive subject
ACTIVE_SUBJECTS = frozenset({"nsubj", "csubj"})
# dependents that make a verb passive: "was sentenced", "were arrested"
PASSIVE_MARKERS = frozenset({"nsubjpass", "auxpass"})

# left dependents that belong to a noun's phrase: "the", "state", "former", "Ohio"
NOUN_PHRASE_LEFT = frozenset({"det", "amod", "compound", "nmod"})

# "the company which makes", "the man whom police arrested"
RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})
# the relative pronouns that can be their clause's subject ("who said", not "whom")
SUBJECT_RELATIVES = RELATIVE_PRONOUNS - {"whom"}


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, inherited along "and" and "to".

    "she plans to sue" -> "she" for "sue"; "Raske pleaded guilty and was sentenced" -> "Raske".
    """
    seen = 0
    tok: Token | None = verb
    while tok is not None and seen < 4:
        # the subject nearest the verb: not "COLUMBUS" in "COLUMBUS, Ohio — A judge ... dismissed"
        subjects = [c for c in tok.children if c.dep_ in SUBJECTS]
        if subjects:
            before = [c for c in subjects if c.i < tok.i]
            return before[-1] if before else subjects[0]
        if tok.dep_ in {"conj", "xcomp"} and tok.head.pos_ in {"VERB", "AUX", "ADJ"}:
            tok = tok.head
            seen += 1
            continue
        if tok.dep_ == "acomp" or (tok.dep_ == "xcomp" and tok.head.pos_ == "ADJ"):
            tok = tok.head
            seen += 1
            continue
        if tok.dep_ == "relcl":
            return tok.head  # "investors who lost money"
        return None
    return None


def is_passive(verb: Token) -> bool:
    """ "was arrested", "a driver arrested over the deaths" (a past participle under a noun)."""
    return any(c.dep_ in PASSIVE_MARKERS for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN"
    )


def first_child(tok: Token, dep: str) -> Token | None:
    """The first dependent of ``tok`` with the label ``dep``: the object of "in" in "in Dayton"."""
    return next((c for c in tok.children if c.dep_ == dep), None)


def clause_head(tok: Token) -> Token:
    """The verb of the clause ``tok`` is in, climbing the parse ("herself" -> "checked");
    the root when no verb stands above it."""
    while tok.pos_ not in {"VERB", "AUX"} and tok.head.i != tok.i:
        tok = tok.head
    return tok


def entity_span(tok: Token) -> Span:
    """The named entity that holds ``tok`` ("Croydon" in "Croydon tram crash"), else the
    token alone."""
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return tok.doc[tok.i : tok.i + 1]
