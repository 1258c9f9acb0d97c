"""Who a cue verb's content belongs to: the source phrases a learned ranker chooses from.

The rules in ``sources`` give one answer (the subject, inherited through the
parse, with fallbacks); when the parse hangs a participle on the wrong clause
('..., noting that ...' under another verb), or a raising verb's subject is the
source after all ('a review of the emails seems to show'), another phrase in the
sentence is the source. ``source_options`` lists the rules' answer, no source, the
plain subject, the subjects of the clauses above the cue, an inverted '"...," said X',
and the nearest named entity on either side, each with sparse features;
``model`` scores them with weights trained by ``bench/train_quote_cues.py``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.quotes.sources import ancestor_subject, inverted_source, subject_source
from newsgraph.extract.quotes.spans import DocIndex, phrase
from newsgraph.extract.syntax import SUBJECTS

Source = tuple[tuple[int, int] | None, int | None]
_NAMED = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _bucket(n: int) -> str:
    for limit in (1, 2, 4, 8, 16):
        if n <= limit:
            return str(limit)
    return "more"


def source_options(
    doc: Doc,
    verb: Token,
    rule: Source,
    content: tuple[int, int],
    index: DocIndex,
) -> list[tuple[Source, list[str]]]:
    """(source, features) options for the cue ``verb``: ``rule`` first, then no source,
    then the other phrases (one option per head token, features merged)."""
    sent = index.sent_bounds[verb.i]
    quoted = index.of_token
    found: dict[int | None, tuple[Source, list[str]]] = {}

    def add(source: Source, method: str) -> None:
        head = source[1] if source[0] is not None else None
        if head is not None and not 0 <= head < len(doc):
            return
        if head in found:
            found[head][1].append(method)
        else:
            found[head] = ((source[0], head) if head is not None else (None, None), [method])

    add(rule, "rule")
    add((None, None), "none")
    add(subject_source(verb), "subj")
    add(ancestor_subject(doc, verb, sent[0]), "anc")
    add(inverted_source(doc, verb), "inv")
    node, hops = verb, 0
    while node.head.i != node.i and hops < 3:
        node, hops = node.head, hops + 1
        subj = next((c for c in node.children if c.dep_ in SUBJECTS), None)
        if subj is not None and subj.i != verb.i:
            add((phrase(subj), subj.i), f"gov{hops}")
    before = [e for e in index.ents if sent[0] <= e[0] and e[1] <= verb.i]
    after = [e for e in index.ents if verb.i < e[0] and e[1] <= sent[1]]
    for ents, method in ((reversed(before), "entb"), (iter(after), "enta")):
        for start, end, label, start_char, root in ents:
            if label not in _NAMED or content[0] <= start_char < content[1]:
                continue
            add(((start, end), root), method)
            break
    out = []
    for head, (source, methods) in found.items():
        feats = [f"m={m}" for m in methods]
        feats += [f"m={m}|v={verb.dep_}" for m in methods]
        feats.append(f"ms={'+'.join(sorted(methods))}")
        if head is None:
            feats += [
                f"none|v={verb.dep_}",
                f"none|t={verb.tag_}",
                f"none|l={verb.lemma_.lower()}",
            ]
            if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
                feats.append("none|passive")
        else:
            tok = doc[head]
            kind = tok.ent_type_ or tok.pos_
            feats += [f"k={kind}", f"d={tok.dep_}", f"kd={kind}|{tok.dep_}"]
            if tok.pos_ == "PRON":
                feats.append(f"pr={tok.lower_}")
            elif tok.pos_ == "NOUN":
                feats.append(f"nl={tok.lemma_.lower()}")
            side = "b" if head < verb.i else "a"
            feats.append(f"side={side}|{_bucket(abs(verb.i - head))}")
            feats.append(f"sv={side}|{verb.dep_}")
            if content[0] <= tok.idx < content[1]:
                feats.append("incontent")
            if quoted[head] is not None:
                feats.append("inquote")
        out.append((source, feats))
    return out
