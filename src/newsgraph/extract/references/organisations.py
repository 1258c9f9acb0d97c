"""Which organisation or product "the company", "the airline", "it" and "its" stand for.

``organisation_references`` links, once per article:

- a definite description of a company ("the company", "the planemaker", "the European
  aircraft maker", "the airline") to the most salient organisation of a fitting kind
  named before it: mentions in the sentences just before count more the nearer they
  are, and twice as a subject. An airline noun wants an airline (its name says so:
  "Qatar Airways", "Ryanair", or the article calls it one: "budget airline Ryanair");
  any company noun wants an organisation that is no public body ("the Air Force", "the
  Pentagon" are not "the company");
- "its" to the subject of its own clause when that subject names an organisation or a
  product ("Airbus cut its forecast"), or, when "its" is in the subject ("Its profits
  fell"), to the subject of the sentence before;
- "it" as a subject to the subject of the clause that reports or governs it ("Boeing
  said it would cut jobs") or, opening a sentence, to the subject of the one before
  ("Ryanair ordered ten jets. It will ..."), never the "it" of "it is expected that".

Cautious like the person rules: a description that names another holder ("the other
company", "the first airline", "the company's rival", "a company") and a pronoun whose
clause has a subject that is no name (the plane's "its") stay unresolved.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Token

from newsgraph.extract.syntax import (
    NOMINAL_SUBJECTS,
    RELATIVE_PRONOUNS,
    clause_head,
    subject_of,
)
from newsgraph.nlp.doc import positions_among
from newsgraph.records import Entity

# what an article calls a company it has named: "the company", "the planemaker" (not "the
# group": as often a group of people, "The group said that Apple's move ...")
COMPANY_NOUNS = frozenset(
    "company firm maker manufacturer planemaker automaker carmaker corporation "
    "conglomerate giant retailer multinational".split()
)
AIRLINE_NOUNS = frozenset({"airline", "carrier"})
# words of a name that make an organisation a public body, not a company
_PUBLIC_WORDS = frozenset(
    "force army navy department ministry office agency administration government commission "
    "parliament congress senate court council committee pentagon police union board bureau "
    "authority authorities organization organisation institute university school".split()
)
_AIRLINE_NAME_WORDS = frozenset({"airlines", "airways", "airline", "aer", "air"})
# modifiers that point a description at another holder than one named before
_OTHER_HOLDER = frozenset(
    "other another rival new first second third last next former parent only same "
    "largest biggest smallest major".split()
)
_REFERENT_TYPES = frozenset({"ORG", "PRODUCT"})
_WINDOW = 3  # sentences before the description that can hold its antecedent
_NAMED_KIND = 4.0  # what a modifier that is a word of the name adds: more than any recency
_IT = frozenset({"it", "its"})
# inside a quotation: the speaker's organisation ("We're continuing our research," Carson said)
FIRST_PLURAL = frozenset({"we", "us", "our", "ours"})
# verbs of an "it" that stands for no one: "it is expected", "it seems", "it takes time"
_EMPTY_VERBS = frozenset("be seem appear take remain look become happen matter".split())


def organisation_references(doc: Doc, entities: Sequence[Entity]) -> dict[int, str]:
    """Token index -> entity id for the company descriptions and the "it"/"its" of ``doc``
    that refer to an organisation or a product (the token is the pronoun or the head noun).

    ``organisation_references(nlp("Airbus cut jobs. The company said ..."), ents)`` links
    "company" to Airbus.
    """
    kinds = _kinds(doc, entities)
    if not kinds:
        return {}
    # the name mentions of the entities that descriptions and pronouns can reach
    named = token_names(doc, [e for e in entities if e.id in kinds])
    found: dict[int, str] = {}
    for i in positions_among(doc, COMPANY_NOUNS | AIRLINE_NOUNS):
        tok = doc[i]
        if _is_description(tok, named):
            ent_id = _salient(tok, named, kinds, _wanted(tok))
            if ent_id is not None:
                found[i] = ent_id
    for i in positions_among(doc, _IT):
        ent_id = _pronoun(doc[i], named, found)
        if ent_id is not None:
            found[i] = ent_id
    return found


def _kinds(doc: Doc, entities: Sequence[Entity]) -> dict[str, set[str]]:
    """Entity id -> the kinds of description it fits: ``company``, ``airline``, both, or
    ``product`` (only pronouns reach a product)."""
    out: dict[str, set[str]] = {}
    for ent in entities:
        if ent.type not in _REFERENT_TYPES or not ent.mentions:
            continue
        if ent.type == "PRODUCT":
            out[ent.id] = {"product"}
            continue
        words = {w.lower() for name in (ent.name, *ent.aliases) for w in name.split()}
        if words & _PUBLIC_WORDS:
            out[ent.id] = set()  # reachable by "it" alone
            continue
        kinds = {"company"}
        if words & _AIRLINE_NAME_WORDS or any(w.endswith("air") for w in words):
            kinds.add("airline")
        out[ent.id] = kinds
    # "budget airline Ryanair", "Ryanair, the low-cost carrier"
    for ent in entities:
        if "company" not in out.get(ent.id, ()):
            continue
        for start, end in ent.mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            around = [*span.root.children, span.root.head] if span.root.dep_ == "appos" else []
            around += [c for c in span.root.children if c.dep_ == "appos"]
            if span.start > 0:
                around.append(doc[span.start - 1])
            if any(t.lower_ in AIRLINE_NOUNS for t in around):
                out[ent.id].add("airline")
    return out


def token_names(doc: Doc, entities: Sequence[Entity]) -> dict[int, str]:
    """Token index -> entity id for the tokens of the entities' name mentions."""
    named: dict[int, str] = {}
    for ent in entities:
        for start, end in ent.mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                for tok in span:
                    named[tok.i] = ent.id
    return named


def _wanted(noun: Token) -> str:
    return "airline" if noun.lower_ in AIRLINE_NOUNS else "company"


def _is_description(noun: Token, named: Mapping[int, str]) -> bool:
    """ "the company", "the European planemaker": singular, definite, no name of its own,
    nothing that makes it another holder."""
    if noun.tag_ != "NN" or noun.ent_type_ or noun.i in named:
        return False
    if not any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in noun.children):
        return False  # "a company" is a new one; "its parent company" is another
    if noun.dep_ in {"appos", "compound"} or any(
        c.dep_ in {"appos", "poss", "nummod"} for c in noun.children
    ):
        return False  # "the company, Airbus": the name is the mention; "the company's"
    for child in noun.lefts:
        for t in child.subtree:
            if t.lower_ in _OTHER_HOLDER or t.tag_ in {"JJS", "RBS"} or t.i in named:
                return False  # "the other company", "the world's largest airline"
            if t.like_num or t.lower_ == "no.":
                return False  # "the No. 2 music retailer" ranks, it does not refer back
    # "the company that makes ...": a restrictive clause says which company
    return not any(
        c.dep_ in {"relcl", "acl"} and noun.i + 1 < len(noun.doc) and noun.nbor(1).text != ","
        for c in noun.children
    )


def _salient(
    noun: Token, named: Mapping[int, str], kinds: Mapping[str, set[str]], wanted: str
) -> str | None:
    """The organisation of kind ``wanted`` most salient where ``noun`` stands: its
    mentions in the same sentence before it and the ``_WINDOW`` sentences before, a
    mention weighing 1 / 2^distance in sentences and twice as a subject."""
    doc = noun.doc
    sent = noun.sent
    first = sent.start
    for _ in range(_WINDOW):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    scores: dict[str, float] = {}
    seen: set[tuple[str, int]] = set()  # (entity, the head word of a name mention)
    fitting = _named_by_modifier(noun, named)
    sent_index = 0
    sent_start = sent.start
    for i in range(noun.i - 1, first - 1, -1):
        if i < sent_start:
            sent_index += 1
            sent_start = doc[i].sent.start
        ent_id = named.get(i)
        if ent_id is None or wanted not in kinds.get(ent_id, ()):
            continue
        # one weight per mention, however many words its name has
        root = _name_root(doc[i])
        if (ent_id, root.i) in seen:
            continue
        seen.add((ent_id, root.i))
        weight = (2.0 if root.dep_ in NOMINAL_SUBJECTS else 1.0) / 2**sent_index
        if ent_id in fitting and ent_id not in scores:
            weight += _NAMED_KIND  # "the computer company" after "Apple Computer"
        scores[ent_id] = scores.get(ent_id, 0.0) + weight
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None  # two companies as salient: the description does not say which
    return ranked[0][0]


def _named_by_modifier(noun: Token, named: Mapping[int, str]) -> set[str]:
    """The entities whose name holds a word that modifies the description: "computer"
    of "the young computer maker" fits "Apple Computer", not "Apple Corps"."""
    words = {t.lower_ for c in noun.lefts if c.dep_ in {"compound", "amod"} for t in c.subtree}
    if not words:
        return set()
    return {ent_id for i, ent_id in named.items() if noun.doc[i].lower_ in words}


def _name_root(tok: Token) -> Token:
    """The word that carries a name's role in its clause: "Airways" of "Qatar Airways",
    and "Airbus" of "Airbus and Boeing said" (a conjunct of a subject is one too)."""
    while tok.dep_ in {"compound", "flat", "conj"} and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _pronoun(tok: Token, named: Mapping[int, str], found: Mapping[int, str]) -> str | None:
    """The organisation or product "it" or "its" stands for (see the module docstring)."""
    if tok.lower_ == "its":
        if tok.dep_ != "poss":
            return None
        verb = clause_head(tok.head)
        controller = _object_controller(verb)
        if controller is not None:
            return _referent(controller, named, found)  # "forced Apple to lower its prices"
        subject = subject_of(verb) if verb.pos_ in {"VERB", "AUX"} else None
        if subject is not None and not _holds(subject, tok):
            return _referent(subject, named, found)
        if subject is not None or tok.i == tok.sent.start:
            return _previous_subject(tok, named, found)
        return None
    if tok.dep_ not in NOMINAL_SUBJECTS or _empty(tok.head):
        return None
    verb = tok.head
    # "Boeing said it would ...", "Airbus announced that it will ..."
    if verb.dep_ in {"ccomp", "conj", "advcl"} and verb.head.pos_ in {"VERB", "AUX"}:
        subject = subject_of(verb.head)
        if subject is not None and subject.i < tok.i:
            return _referent(subject, named, found)
    # an "It" opening a sentence was as often the product or the event of the sentence
    # before as the organisation that was its subject: left alone
    return None


def _object_controller(verb: Token) -> Token | None:
    """The object that is the unstated subject of a to-clause: "Apple" in "the Commission
    forced Apple to lower its prices"."""
    if verb.dep_ != "xcomp" or any(c.dep_ in NOMINAL_SUBJECTS for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)


def _holds(phrase_head: Token, tok: Token) -> bool:
    return phrase_head.left_edge.i <= tok.i <= phrase_head.right_edge.i


def _empty(verb: Token) -> bool:
    """ "it is expected that", "it seems", "it is the first time": an "it" that stands
    for no one."""
    if verb.lemma_.lower() in _EMPTY_VERBS:
        return True
    return any(c.dep_ in {"ccomp", "csubj"} and c.i > verb.i for c in verb.children) and any(
        c.dep_ == "auxpass" for c in verb.children
    )


def _previous_subject(tok: Token, named: Mapping[int, str], found: Mapping[int, str]) -> str | None:
    """The entity the main subject of the sentence before ``tok``'s names, if any."""
    start = tok.sent.start
    if start == 0:
        return None
    root = tok.doc[start - 1].sent.root
    subject = subject_of(root) if root.pos_ in {"VERB", "AUX"} else None
    return _referent(subject, named, found) if subject is not None else None


def _referent(subject: Token, named: Mapping[int, str], found: Mapping[int, str]) -> str | None:
    """The entity a subject phrase's head names: a name, or a description or pronoun
    already resolved; "which" names what its clause is about ("Airbus, which cut its")."""
    if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
        subject = subject.head.head
    if subject.i in found:
        return found[subject.i]
    if subject.i in named:
        return named[subject.i]
    # "Irish low-cost airline, Ryanair, announced that it ...": the name in apposition
    for child in subject.children:
        if child.dep_ == "appos" and child.i in named:
            return named[child.i]
    return None


def employers(entities: Sequence[Entity]) -> dict[str, str]:
    """Person id -> the organisation a role of theirs names: "Boeing executive vice
    president" -> Boeing (the longest organisation name found as words of the role)."""
    names = [
        (name.lower(), ent.id)
        for ent in entities
        if ent.type == "ORG"
        for name in (ent.name, *ent.aliases)
    ]
    names.sort(key=lambda kv: -len(kv[0]))
    out: dict[str, str] = {}
    for ent in entities:
        if ent.type != "PERSON":
            continue
        for role in ent.roles:
            padded = f" {role.lower()} "
            org = next((ent_id for name, ent_id in names if f" {name} " in padded), None)
            if org is not None:
                out[ent.id] = org
                break
    return out
