"""Parenthetical attributions: the cue sits inside or beside the clause it reports.

'As Clyburn noted, those voters will give Sanders a second look', 'This campaign, he
says, is different', 'Voters, Clinton suggested, don't have to worry': the parser
hangs the cue verb on the reported clause (``advcl`` with "as", or ``parataxis``), so
the cue has no complement of its own and the content is the clause around it.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.attrs import POS
from spacy.tokens import Doc, Token

from newsgraph.extract.lexicon.speech import CUE_VERBS
from newsgraph.extract.quotes.sources import subject_source
from newsgraph.extract.quotes.spans import Candidate, DocIndex, snap
from newsgraph.extract.syntax import NOMINAL_SUBJECTS
from newsgraph.nlp.doc import positions_among

_ACTS = frozenset({"speech", "writing", "belief"})
_SKIP_EDGE = frozenset({"punct", "cc", "mark"})


def find_parenthetical(doc: Doc, index: DocIndex) -> Iterator[Candidate]:
    """Cues of saying set into the clause they report, with that clause as content."""
    for at in positions_among(doc, ("VERB",), POS):
        verb = doc[at]
        if index.of_token[verb.i] is not None:
            continue
        lemma = verb.lemma_.lower()
        if _puts_it(verb):
            act = "speech"  # 'As Marcus puts it, Obama is trying to ...'
        elif _speech_cue(lemma) and _is_parenthetical(verb):
            act = CUE_VERBS[lemma].act
        else:
            continue
        cand = _candidate(doc, index, verb, act)
        if cand is not None:
            yield cand


def _speech_cue(lemma: str) -> bool:
    cue = CUE_VERBS.get(lemma)
    return cue is not None and cue.act in _ACTS and "clause" in cue.frames


def _puts_it(verb: Token) -> bool:
    return (
        verb.lemma_.lower() == "put"
        and verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children)
        and verb.head.pos_ in {"VERB", "AUX"}
    )


def _is_parenthetical(verb: Token) -> bool:
    host = verb.head
    if host.i == verb.i or host.pos_ not in {"VERB", "AUX"}:
        return False
    if any(c.dep_ in {"ccomp", "dobj", "xcomp"} for c in verb.children):
        return False
    if not any(c.dep_ in NOMINAL_SUBJECTS for c in verb.children):
        return False
    if verb.dep_ == "parataxis":
        return True
    # "As the Times noted, ..." but not "as he left"
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.children
    )


def _candidate(doc: Doc, index: DocIndex, verb: Token, act: str) -> Candidate | None:
    host = verb.head
    left, right = host.left_edge.i, host.right_edge.i
    cue_left, cue_right = verb.left_edge.i, verb.right_edge.i
    # the reported clause ends at the sentence: 'X, he said, is Y. Next sentence'
    sent_start, sent_end = index.sent_bounds[verb.i]
    left, right = max(left, sent_start), min(right, sent_end - 1)
    if cue_left <= left:
        left = cue_right + 1
    elif cue_right >= right:
        right = cue_left - 1
    while left < right and (doc[left].dep_ in _SKIP_EDGE or doc[left].is_space):
        left += 1
    while right > left and (doc[right].dep_ in _SKIP_EDGE or doc[right].is_space):
        right -= 1
    if right - left < 2:
        return None
    source, head = subject_source(verb)
    if source is None:
        return None
    start, end = snap((doc[left].idx, doc[right].idx + len(doc[right].text)), index.quotations)
    return Candidate(
        verb.idx,
        verb.idx + len(verb.text),
        verb.lemma_.lower(),
        act,
        start,
        end,
        source,
        head,
        rule="parenthetical",
    )
