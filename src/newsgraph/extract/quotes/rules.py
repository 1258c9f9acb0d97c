"""Attribution candidates from a parsed Doc: a cue, its content span and its source phrase.

The rules read spaCy's dependency parse: a cue verb of ``lexicon.speech`` with a
clause, infinitive or object complement (``frames``), a quotation beside the cue
('X said, "..."', '"...," X said'), "according to X", nouns such as "claim that" and
headline-style 'Name: content' lines. Each candidate keeps token indices; ``quotes``
turns them into records.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy
from spacy.attrs import DEP, LOWER, POS
from spacy.tokens import Doc, Token

from newsgraph.extract.lexicon.speech import CUE_NOUNS, CUE_VERBS, WRITING, WRITING_MARKERS, Cue
from newsgraph.extract.quotes.frames import noun_frames, verb_frames
from newsgraph.extract.quotes.sources import ancestor_subject, inverted_source, subject_source
from newsgraph.extract.quotes.spans import (
    Candidate,
    CueScorer,
    DocIndex,
    Frames,
    choose_frame,
    phrase,
    snap,
    subtree_chars,
)
from newsgraph.extract.syntax import SUBJECTS, first_child

# "Voters seem to ...": the subject is what is described, not who describes it
_RAISING = frozenset({"seem", "appear", "look", "sound"})
_NESTED_DEPS = frozenset({"advcl", "conj", "parataxis", "dep"})


def find_candidates(
    doc: Doc, quotes: DocIndex, scorer: CueScorer | None = None
) -> Iterator[Candidate]:
    """Every cue in the document with its content and source.

    Without a ``scorer`` a verb is a cue when the lexicon lists it with the frame it
    occurs in; with one, when the scorer's probability reaches its threshold.
    """
    for i in _cue_positions(doc):
        tok = doc[i]
        if quotes.of_token[i] is not None:
            continue
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            cand = _according_to(doc, tok, quotes)
        elif tok.pos_ in {"VERB", "AUX"} and tok.dep_ not in {"amod", "compound", "aux", "auxpass"}:
            cand = _verb_cue(doc, tok, quotes, scorer)
        elif tok.pos_ == "NOUN":
            cand = _noun_cue(doc, tok, quotes, scorer)
        else:
            cand = None
        if cand is not None and scorer is not None and cand.quotation is None:
            # where the content ends: the learned ranker over cuts and extensions
            end = scorer.choose_end(
                doc, cand.start, cand.end, cand.rule, tok, quotes.sent_bounds[tok.i][1]
            )
            if end != cand.end:
                cand.end = snap((cand.start, end), quotes.quotations)[1]
        if cand is not None and _has_words(quotes.text, cand):
            yield cand
    yield from _colon_lines(doc, quotes)


def _cue_positions(doc: Doc) -> list[int]:
    """The tokens that can be cues: verbs, nouns and "according" (one array scan)."""
    strings = doc.vocab.strings
    attrs = doc.to_array([POS, DEP, LOWER])
    pos, dep = attrs[:, 0], attrs[:, 1]
    verbs = numpy.isin(pos, [strings["VERB"], strings["AUX"]]) & ~numpy.isin(
        dep, [strings.add(d) for d in ("amod", "compound", "aux", "auxpass")]
    )
    nouns = pos == strings["NOUN"]
    according = attrs[:, 2] == strings.add("according")
    return [int(i) for i in (verbs | nouns | according).nonzero()[0]]


def _has_words(text: str, cand: Candidate) -> bool:
    return any(ch.isalnum() for ch in text[cand.start : cand.end])


def _colon_lines(doc: Doc, index: DocIndex) -> Iterator[Candidate]:
    """Headline style 'Mark Cuban: I'd Consider a White House Bid' and
    'Pollsters agree - Carl Bialik: "..."': a named source, a colon, then the content."""
    text = index.text
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        colon = text.find(": ", pos, min(end, pos + 80))
        if colon > pos:
            cand = _colon_line(doc, index, pos, colon, end)
            if cand is not None:
                yield cand
        pos = end + 1


def _colon_line(doc: Doc, index: DocIndex, start: int, colon: int, end: int) -> Candidate | None:
    head = text_start = start
    for dash in (" - ", " — ", " – "):
        at = index.text.rfind(dash, start, colon)
        if at >= 0:
            head = max(head, at + len(dash))
    text_start = colon + 1
    source = doc.char_span(head, colon, alignment_mode="contract")
    content = doc.char_span(text_start, end, alignment_mode="contract")
    if source is None or content is None or not 0 < len(source) <= 6 or len(content) < 3:
        return None
    if not any(t.ent_type_ in {"PERSON", "ORG"} for t in source) or any(
        t.like_num or t.pos_ in {"VERB", "AUX"} for t in source
    ):
        return None
    first, last = content.start, content.end - 1
    while first < last and doc[first].is_space:
        first += 1
    while last > first and (doc[last].is_space or doc[last].text in {".", ","}):
        last -= 1
    root = source.root
    return Candidate(
        colon,
        colon + 1,
        ":",
        "speech",
        doc[first].idx,
        doc[last].idx + len(doc[last].text),
        (source.start, source.end),
        root.i,
        index.of_token[first]
        if index.of_token[first] is not None and index.of_token[last] == index.of_token[first]
        else None,
        rule="colon",
    )


def _verb_cue(
    doc: Doc, verb: Token, quotes: DocIndex, scorer: CueScorer | None
) -> Candidate | None:
    lemma = verb.lemma_.lower()
    cue = CUE_VERBS.get(lemma)
    if cue is None and scorer is None:
        return None
    frames = verb_frames(doc, verb, quotes)
    allowed = cue.frames if cue is not None else frozenset()
    chosen = choose_frame(frames, allowed if scorer is None else None)
    if chosen is None:
        return None
    if (
        scorer is not None
        and not _sure_cue(cue, frames, chosen)
        and not scorer.is_cue(verb, frames, chosen)
    ):
        return None
    quotation = None
    if chosen == "quotation":
        assert frames.quotation is not None
        quotation = frames.quotation
        q = quotes.quotations[quotation]
        content = (q.start, q.end)
    elif chosen == "clause":
        assert frames.clause is not None
        content = _clause_chars(frames.clause, verb, quotes)
    elif chosen == "inf":
        assert frames.infinitive is not None
        content = subtree_chars(frames.infinitive, exclude=verb)
    else:
        assert frames.obj is not None
        content = frames.obj
    if quotation is None:
        content = snap(_cut_nested_cue(doc, content, quotes), quotes.quotations)
    # "Asked whether ..., Trump said": a passive participle names no source
    passive = (
        verb.tag_ == "VBN"
        and verb.dep_ in {"advcl", "ROOT", "acl"}
        and not any(c.dep_ in {"aux", "nsubj", "agent"} for c in verb.children)
    )
    source, head = (None, None) if lemma in _RAISING or passive else subject_source(verb)
    if source is None and quotation is not None and quotes.quotations[quotation].end <= verb.idx:
        source, head = inverted_source(doc, verb)
    if (
        source is None
        and lemma not in _RAISING
        and not passive
        and not any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    ):
        source, head = ancestor_subject(doc, verb, quotes.sent_bounds[verb.i][0])
    if scorer is not None:
        # the learned ranker may prefer another phrase of the sentence
        source, head = scorer.choose_source(doc, verb, (source, head), content, quotes)
    act = cue.act if cue is not None else ("intention" if chosen == "inf" else "speech")
    if _writing_context(verb):
        act = WRITING
    return Candidate(
        verb.idx,
        verb.idx + len(verb.text),
        lemma,
        act,
        content[0],
        content[1],
        source,
        head,
        quotation,
        _governor(verb),
        chosen,
    )


def _sure_cue(cue: Cue | None, frames: Frames, chosen: str) -> bool:
    """A verb of saying or writing with a 'that' clause: 'who told investigators that ...'
    reports content whatever else the model weighs."""
    if cue is None or cue.act not in {"speech", "writing"} or "clause" not in cue.frames:
        return False
    if chosen != "clause" or frames.clause is None:
        return False
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in frames.clause.children)


def _clause_chars(clause: Token, verb: Token, quotes: DocIndex) -> tuple[int, int]:
    """A reported clause, without a reporting verb joined to it: 'says the goal is X,
    but conceded that Y' -> 'the goal is X'; a quoted one stays: 'that she was awake
    and "already asking when she can drive again."'."""
    start, end = subtree_chars(clause, exclude=verb)
    for conj in clause.rights:
        if (
            conj.dep_ == "conj"
            and quotes.of_token[conj.i] is None
            and conj.lemma_.lower() in CUE_VERBS
            and not any(c.dep_ in SUBJECTS for c in conj.children)
            # 'has not held dinners and never called a donor' goes on reporting
            and any(c.dep_ in {"ccomp", "xcomp"} for c in conj.children)
        ):
            last = conj.left_edge.i - 1
            doc = clause.doc
            while last > clause.i and (doc[last].is_punct or doc[last].dep_ == "cc"):
                last -= 1
            end = min(end, doc[last].idx + len(doc[last].text))
            break
    return start, end


def _cut_nested_cue(doc: Doc, content: tuple[int, int], quotes: DocIndex) -> tuple[int, int]:
    """Content ends before a later clause with a cue of its own: 'accuses Sanders of
    a smear while Sanders suggests that ...' -> 'Sanders of a smear'."""
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is None or len(span) < 4:
        return content
    for tok in span[2:]:
        if tok.dep_ not in _NESTED_DEPS or not span.start <= tok.head.i < span.end:
            continue
        if quotes.of_token[tok.i] is not None:
            continue  # '... and "already asking when she can drive"': quoted words
        cue = CUE_VERBS.get(tok.lemma_.lower())
        if cue is None or cue.act not in {"speech", "writing"}:
            continue
        if not any(c.dep_ == "ccomp" for c in tok.children):
            continue
        last = tok.left_edge.i - 1
        while last > span.start and (
            doc[last].is_punct or doc[last].dep_ in {"cc", "mark"} or doc[last].is_space
        ):
            last -= 1
        if last <= span.start:
            return content
        return content[0], doc[last].idx + len(doc[last].text)
    return content


def _writing_context(verb: Token) -> bool:
    """'said in a statement', 'wrote', 'said on Twitter' -> writing."""
    node = verb
    for _ in range(2):
        for child in node.children:
            if child.dep_ in {"prep", "dobj"}:
                words = {t.lower_ for t in child.subtree}
                if words & WRITING_MARKERS:
                    return True
        if node.dep_ in {"advcl", "acl", "xcomp"} and node.head.i != node.i:
            node = node.head
        else:
            break
    return False


def _governor(verb: Token) -> int:
    """The verb whose 'through Y' names a go-between: 'released a statement through Y, saying'."""
    node = verb
    if node.dep_ == "acl" and node.head.head.i != node.head.i:
        return node.head.head.i
    if node.dep_ in {"advcl", "xcomp"} and node.head.i != node.i:
        return node.head.i
    return node.i


def _according_to(doc: Doc, according: Token, index: DocIndex) -> Candidate | None:
    to = doc[according.i + 1]
    pobj = first_child(to, "pobj")
    if pobj is None:
        pobj = first_child(according, "pobj")
    if pobj is None:
        return None
    source = phrase(pobj)
    phrase_left = according.i
    phrase_right = source[1] - 1
    # the whole sentence is what the source reports, wherever the phrase sits in it
    left, right = index.sent_bounds[according.i]
    right -= 1
    line_start = index.text.rfind("\n", 0, according.idx) + 1
    while left < phrase_left and doc[left].idx < line_start:
        left += 1
    if phrase_left <= left:
        left = phrase_right + 1
    elif phrase_right >= right - 1:
        right = phrase_left - 1
    while left < right and (
        (doc[left].is_punct and doc[left].text not in '“"') or doc[left].dep_ == "cc"
    ):
        left += 1
    while right > left and doc[right].is_punct and doc[right].text not in '”"':
        right -= 1
    if right < left:
        return None
    return Candidate(
        according.idx,
        to.idx + len(to.text),
        "according to",
        "speech",
        doc[left].idx,
        doc[right].idx + len(doc[right].text),
        source,
        pobj.i,
        rule="according",
    )


def _noun_cue(
    doc: Doc, noun: Token, quotes: DocIndex, scorer: CueScorer | None
) -> Candidate | None:
    """'Trump's claim that ...', 'his view is that ...', "Cruz's attack on Trump"."""
    cue = CUE_NOUNS.get(noun.lemma_.lower())
    if cue is None and scorer is None:
        return None
    frames = noun_frames(noun)
    if frames is None:
        return None
    chosen = choose_frame(frames, frozenset({"clause"}) if scorer is None else None)
    if chosen is None or (scorer is not None and not scorer.is_cue(noun, frames, chosen)):
        return None
    if chosen == "clause":
        assert frames.clause is not None
        start, end = subtree_chars(frames.clause)
    elif chosen == "inf":
        assert frames.infinitive is not None
        start, end = subtree_chars(frames.infinitive)
    else:
        assert frames.obj is not None
        start, end = frames.obj
    start, end = snap((start, end), quotes.quotations)
    poss = next(c for c in noun.children if c.dep_ == "poss")
    return Candidate(
        noun.idx,
        noun.idx + len(noun.text),
        noun.lemma_.lower(),
        cue.act if cue is not None else "speech",
        start,
        end,
        phrase(poss),
        poss.i,
        rule="noun",
    )
