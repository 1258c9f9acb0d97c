"""Source phrases of cue verbs: the subject, inherited through the parse, and fallbacks
for parses that lost it.

``subject_source`` follows the cue's subject up through conjoined, adverbial and
complement clauses; the fallbacks handle a dateline or live-blog timestamp taken for
the subject ("WASHINGTON (AP) — Trump said"), an inverted '"...," said X' whose X was
hung elsewhere, and a subject cut off from the cue by a broken parse. Each returns a
token range [start, end) and the head token index, or (None, None).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.quotes.spans import phrase
from newsgraph.extract.syntax import (
    ACTIVE_SUBJECTS,
    NOMINAL_SUBJECTS,
    SUBJECT_RELATIVES,
    first_child,
)
from newsgraph.nlp.layout import breaks_line

_EXPLETIVES = frozenset({"there"})


def subject_source(verb: Token) -> tuple[tuple[int, int] | None, int | None]:
    """The source phrase of a cue: its subject, inherited through conj/advcl/xcomp/acl."""
    node = verb
    for _ in range(6):
        subj = next((c for c in node.children if c.dep_ in ACTIVE_SUBJECTS), None)
        if subj is None:
            agent = next((c for c in node.children if c.dep_ == "agent"), None)
            if agent is not None:
                subj = first_child(agent, "pobj")
        if subj is None and node.i != verb.i and verb.dep_ == "xcomp":
            # "Mr. Trump was prompted to say": the passive subject speaks
            subj = next((c for c in node.children if c.dep_ == "nsubjpass"), None)
        if subj is None and any(c.dep_ == "nsubjpass" for c in node.children):
            return None, None  # "is expected to": no source named
        if subj is not None:
            if subj.lower_ in _EXPLETIVES:
                return None, None
            if subj.lower_ in SUBJECT_RELATIVES and node.dep_ == "relcl" and node.head.i < subj.i:
                # "Trump, who said ...": the antecedent through the pronoun, which is
                # where annotators mark the source either way
                antecedent = node.head
                return (phrase(antecedent, relcl=node)[0], subj.i + 1), antecedent.i
            return _after_dateline(subj, node) or (phrase(subj), subj.i)
        if node.dep_ == "xcomp" and node.head.i != node.i:
            # object control: 'drove thousands of Armenians to demand a referendum'
            obj = next((c for c in node.head.children if c.dep_ == "dobj" and c.i < node.i), None)
            if obj is not None and obj.pos_ in {"NOUN", "PROPN", "PRON"}:
                return phrase(obj), obj.i
        if (
            node.dep_ in {"conj", "advcl", "xcomp", "acl", "pcomp", "prep", "dep", "acomp"}
            and node.head.i != node.i
        ):
            node = node.head
            while node.pos_ in {"NOUN", "PROPN"} and node.head.i != node.i:
                if node.dep_ in {"nsubj", "appos"} and node.head.pos_ in {"VERB", "AUX"}:
                    break
                if node.dep_ in NOMINAL_SUBJECTS:
                    break
                node = node.head
            if node.dep_ == "relcl" and node.head.pos_ in {"NOUN", "PROPN", "PRON"}:
                continue
            continue
        if node.dep_ == "relcl":
            antecedent = node.head
            return phrase(antecedent, relcl=node), antecedent.i
        break
    return None, None


def _after_dateline(subj: Token, verb: Token) -> tuple[tuple[int, int], int] | None:
    """'WASHINGTON (AP) — Donald Trump pledged', '11:00 am – Police receive calls saying':
    the parser took the dateline or timestamp for the subject; the source follows it."""
    if subj.i >= verb.i:
        return None
    doc = subj.doc
    cut = next((i for i in range(verb.i - 1, subj.i - 1, -1) if breaks_line(doc, i)), None)
    if cut is None or cut + 1 >= verb.i:
        return None
    left, right = cut + 1, verb.i
    while left < right and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while right > left and doc[right - 1].dep_ in {"aux", "neg", "advmod", "punct"}:
        right -= 1
    nominals = [t for t in doc[left:right] if t.pos_ in {"NOUN", "PROPN", "PRON"}]
    if not nominals:
        return None
    head = doc[left:right].root
    return (left, right), head.i if head.pos_ in {"NOUN", "PROPN", "PRON"} else nominals[-1].i


def ancestor_subject(
    doc: Doc, verb: Token, sent_start: int
) -> tuple[tuple[int, int] | None, int | None]:
    """The nearest subject earlier in the sentence, when the parse broke the chain from
    the cue to its subject: 'Trump has been the most aggressive in denouncing the media'."""
    for i in range(verb.i - 1, sent_start - 1, -1):
        tok = doc[i]
        if tok.dep_ == "nsubj" and tok.lower_ not in _EXPLETIVES:
            if tok.lower_ in SUBJECT_RELATIVES:
                return None, None
            return phrase(tok), tok.i
    return None, None


def inverted_source(doc: Doc, verb: Token) -> tuple[tuple[int, int] | None, int | None]:
    """'"...," said Robin Maynard, half joking': the name right after the cue, when the
    parser hung it elsewhere."""
    i = verb.i + 1
    end = min(len(doc), verb.i + 12)
    while i < end and doc[i].pos_ in {"DET", "ADJ", "PROPN", "NOUN", "NUM", "PART"}:
        if doc[i].pos_ == "PART" and doc[i].lower_ not in {"'s", "’s"}:
            break
        i += 1
    last = i - 1
    if last <= verb.i or doc[last].pos_ not in {"PROPN", "NOUN"}:
        return None, None
    return (verb.i + 1, last + 1), last
