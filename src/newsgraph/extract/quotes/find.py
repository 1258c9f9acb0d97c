"""Who said what: direct, partial, indirect and relayed quotes with their speakers.

``find_quotes`` is a cheap pass over a parsed Doc: quotation marks are paired on
the raw text (``marks``), cues and their content and source phrases come from the
dependency parse (``rules`` over the ``frames`` of a cue, ``parenthetical`` for "as
X noted" and "X, he said, is Y", ``sources`` for the source phrase; a small learned
model, ``model``, judges which verbs are cues, where their content ends and which
phrase is their source), quotations that continue a quote are joined to it, and
source phrases are linked to entities (``references.speakers``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.lexicon.people import NOT_PEOPLE
from newsgraph.extract.lexicon.speech import CUE_VERBS, STATEMENT_NOUNS
from newsgraph.extract.quotes.marks import Quotation, quotations_of
from newsgraph.extract.quotes.model import load_scorer
from newsgraph.extract.quotes.parenthetical import find_parenthetical
from newsgraph.extract.quotes.rules import find_candidates
from newsgraph.extract.quotes.sources import subject_source
from newsgraph.extract.quotes.spans import (
    Candidate,
    DocIndex,
    source_head,
    speechlike,
    subtree_chars,
)
from newsgraph.extract.references.speakers import SpeakerResolver
from newsgraph.extract.syntax import RELATIVE_PRONOUNS, first_child
from newsgraph.records import Entity, Quote

_COMPLEMENTS = frozenset({"dobj", "ccomp", "xcomp", "prep", "attr", "oprd", "acomp"})
# words right before a quoted Title Case name that make it a title: 'the filming of "X,"'
_TITLE_LEADS = frozenset(
    """of the film movie book novel song album series show play titled called named
    documentary episode single""".split()
)
_MAX_CONTINUATION_GAP = 400  # chars between a quote and the quotation that continues it


@dataclass(slots=True)
class _Draft:
    cand: Candidate
    parts: list[tuple[int, int]]  # content pieces; more than one for joined quotations
    speaker: str | None = None
    via: str | None = None


def find_quotes(doc: Doc, entities: Sequence[Entity], *, learned: bool = True) -> list[Quote]:
    """The attributed statements of ``doc``, ids ``q1``, ``q2`` ... in text order.

    ``entities`` are the digest's entities; a quote's ``speaker`` is one of their ids,
    or None when the source is not named or cannot be linked (``speaker_text`` then
    still holds what the text says). ``span`` covers all of the content, including
    the attribution between the parts of a split quotation. ``learned=False`` uses
    the cue lexicon alone instead of the learned cue judge.
    """
    index = DocIndex(doc, quotations_of(doc))
    scorer = load_scorer() if learned else None
    found = [*find_candidates(doc, index, scorer), *find_parenthetical(doc, index)]
    drafts = _select([_Draft(c, [(c.start, c.end)]) for c in found])
    drafts = _attach_quotations(doc, index, drafts)
    drafts = [d for d in drafts if d.cand.rule != "unattributed"]
    drafts = _without_empty_statements(doc, drafts)
    resolver = SpeakerResolver(
        doc,
        entities,
        index.sent_bounds,
        [(q.start, q.end) for q in index.quotations],
        [part for d in drafts for part in d.parts],
        [
            (doc[d.cand.source[0]].idx, doc[d.cand.source[1] - 1].idx + 1)
            for d in drafts
            if d.cand.source is not None
        ],
    )
    previous: str | None = None
    last_source: Span | None = None
    quotes: list[Quote] = []
    for n, draft in enumerate(drafts, start=1):
        cand = draft.cand
        source: Span | None = None
        if cand.source is not None:
            source = doc[cand.source[0] : cand.source[1]]
            head = (
                source.root
                if cand.source_head is None
                else doc[source_head(doc, cand.source, cand.source_head)]
            )
            draft.speaker = resolver.resolve(head, source, previous)
        elif cand.rule == "orphan" and last_source is not None:
            # the quote goes on after an attributed one: same source
            source, draft.speaker = last_source, previous
        if cand.governor is not None:
            draft.via = _via(doc, cand.governor, resolver, draft.speaker)
        if draft.speaker is not None:
            previous = draft.speaker
        if source is not None:
            last_source = source
        quotes.append(_record(index, f"q{n}", draft, source))
    return quotes


def _without_empty_statements(doc: Doc, drafts: list[_Draft]) -> list[_Draft]:
    """Drop "released a statement via her lawyer" as a quote of its own when what the
    statement said follows it ('..., saying, "We will not rest"'): the content of the
    release is that quote, and "a statement" says nothing."""
    cues = [
        doc.char_span(d.cand.cue_start, d.cand.cue_end, alignment_mode="expand") for d in drafts
    ]
    # the verbs that govern another draft's cue: "released" for "saying" (its own is itself)
    governing = {
        d.cand.governor
        for d, cue in zip(drafts, cues, strict=True)
        if d.cand.governor is not None and (cue is None or d.cand.governor != cue.root.i)
    }
    kept = []
    for draft, cue in zip(drafts, cues, strict=True):
        cand = draft.cand
        if cue is not None and cand.quotation is None and cue.root.i in governing:
            content = doc.char_span(cand.start, cand.end, alignment_mode="expand")
            if content is not None and content.root.lemma_.lower() in STATEMENT_NOUNS:
                continue
        kept.append(draft)
    return kept


def _select(drafts: list[_Draft]) -> list[_Draft]:
    """One attribution per stretch of text, as in PolNeAR: on overlap the outer one wins,
    and of two cues for the same quotation the nearer one."""
    drafts.sort(key=lambda d: (d.cand.start, -d.cand.end))
    kept: list[_Draft] = []
    for draft in drafts:
        c = draft.cand
        clash = None
        for other in kept:
            o = other.cand
            if c.start < o.end and o.start < c.end:
                clash = other
                break
        if clash is None:
            kept.append(draft)
            continue
        o = clash.cand
        if c.quotation is not None and c.quotation == o.quotation:
            if abs(c.cue_start - c.start) < abs(o.cue_start - o.start):
                kept[kept.index(clash)] = draft
            continue
        # a cue inside another's content is part of what was reported
        if o.start <= c.cue_start < o.end:
            continue
        if c.start <= o.cue_start < c.end and (c.end - c.start) > (o.end - o.start):
            kept[kept.index(clash)] = draft
    kept.sort(key=lambda d: d.cand.start)
    return kept


def _attach_quotations(doc: Doc, index: DocIndex, drafts: list[_Draft]) -> list[_Draft]:
    """Quotations no cue claimed: the continuation of the previous quote, or a quote of
    their own whose speaker is the previous speaker ('"...," she said. "More."')."""
    covered = [(d.cand.start, d.cand.end) for d in drafts]
    out = list(drafts)
    text = index.text
    for qn, q in enumerate(index.quotations):
        if any(s <= q.start < e or s < q.end <= e for s, e in covered):
            continue
        if not speechlike(text, q) or _is_trailing_title(text, q):
            continue
        prev = max(
            (d for d in out if d.cand.end <= q.start), key=lambda d: d.cand.end, default=None
        )
        if (
            prev is not None
            and prev.cand.quotation is not None
            and q.start - prev.cand.end <= _MAX_CONTINUATION_GAP
            and _only_attribution_between(doc, index, prev, q)
        ):
            prev.parts.append((q.start, q.end))
            continue
        cand = Candidate(
            q.start, q.start, "", "speech", q.start, q.end, None, None, quotation=qn, rule="orphan"
        )
        named = _dash_attribution(doc, text, q) or _colon_attribution(doc, text, q)
        if named is not None:
            cand.source = named
            cand.source_head = named[1] - 1
            cand.rule = "named"
        elif (intro := _colon_intro(doc, index, q)) is not None:
            cand.source, cand.source_head = intro
            cand.rule = "intro"
        elif prev is None or q.start - prev.cand.end > _MAX_CONTINUATION_GAP:
            cand.rule = "unattributed"
        else:
            cand.source, cand.source_head, (cand.start, cand.end), verb = _governing_source(doc, q)
            if verb is not None:
                # 'a decision the lawyer calls "a gift ..."': the verb the quotation hangs on
                cand.cue_start, cand.cue_end = verb.idx, verb.idx + len(verb.text)
        out.append(_Draft(cand, [(cand.start, cand.end)]))
    out.sort(key=lambda d: d.cand.start)
    return out


def _colon_intro(doc: Doc, index: DocIndex, q: Quotation) -> tuple[tuple[int, int], int] | None:
    """'As Breitbart's Joel Pollak reported after ...:\n\n"For example, ..."': the sentence
    that introduces the quotation with a colon names its source."""
    lead = index.text[max(0, q.start - 200) : q.start]
    before = lead.rstrip()
    if not before.endswith(":") or before.count("\n\n") > 1:
        return None
    colon = q.start - (len(lead) - len(before)) - 1
    span = doc.char_span(colon, colon + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span[0]
    sent_start, sent_end = index.sent_bounds[tok.i]
    verbs = [t for t in doc[sent_start:sent_end] if t.pos_ in {"VERB", "AUX"}]
    # a verb of saying first: 'As Pollak observed, the winner was the stage itself:'
    verbs.sort(key=lambda t: (t.lemma_.lower() not in CUE_VERBS, t.dep_ != "ROOT"))
    for verb in verbs:
        source, head = subject_source(verb)
        if source is not None and head is not None and doc[head].lower_ not in NOT_PEOPLE:
            return source, head
    return None


def _governing_source(
    doc: Doc, q: Quotation
) -> tuple[tuple[int, int] | None, int | None, tuple[int, int], Token | None]:
    """'Sen. Marco Rubio called the statement "offensive and outlandish."': a quotation
    inside a clause belongs to that clause's subject, not to the previous speaker, and
    the complement that holds it is the content. Returns (source, head, content, verb);
    the source is None when the clause names none; the verb is the one whose complement
    holds the quotation ('calls "a gift ..."'), None for 'be' or no complement."""
    content = (q.start, q.end)
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return None, None, content, None
    # the head of the quoted words, not a stray mark the parser made a sentence of
    words = [t for t in span if not (t.is_punct or t.is_space)]
    node = min(words, key=lambda t: len(list(t.ancestors))) if words else span.root
    for _ in range(4):
        if node.head.i == node.i:
            break
        child, node = node, node.head
        if span.start <= node.i < span.end:
            continue
        if node.pos_ in {"VERB", "AUX"}:
            verb = None
            if child.dep_ in _COMPLEMENTS and child.i > node.i:
                start, end = subtree_chars(child)
                content = (min(start, q.start), max(end, q.end))
                verb = node
            source, head = subject_source(node)
            if source is None or head is None or span.start <= head < span.end:
                return None, None, content, None
            if verb is not None and (verb.pos_ != "VERB" or verb.lemma_ == "be"):
                verb = None
            return source, head, content, verb
    return None, None, content, None


def _only_attribution_between(doc: Doc, index: DocIndex, prev: _Draft, q: Quotation) -> bool:
    """'"Part one," Clinton said on Thursday. "Part two."': the gap holds the cue's clause
    and no other sentence."""
    gap_start = max(prev.cand.end, prev.cand.cue_end)
    if gap_start > q.start:
        return False
    gap = index.text[gap_start : q.start]
    if gap.count("\n\n") > 0 or gap.count("\n") > 1:
        return False
    span = doc.char_span(gap_start, q.start, alignment_mode="contract")
    if span is None or len(span) == 0:
        return True
    sents = {index.sent_bounds[t.i][0] for t in span if not t.is_space}
    return len(sents) <= 1


def _is_trailing_title(text: str, q: Quotation) -> bool:
    """A quotation used as a name inside a sentence: 'the film "Hell or High Water" is',
    'during the filming of "Low Ground," a thriller'."""
    inner = text[q.start + 1 : q.end - 1].strip()
    words = [w for w in inner.split() if w[:1].isalpha()]
    if not words or not all(w[0].isupper() for w in words):
        return False
    if not inner.endswith((".", "!", "?", ",")):
        return True
    # American style puts the comma inside the marks: a title still sits in a noun phrase
    before = text[max(0, q.start - 30) : q.start].split()
    return inner.endswith(",") and bool(before) and before[-1].lower() in _TITLE_LEADS


def _dash_attribution(doc: Doc, text: str, q: Quotation) -> tuple[int, int] | None:
    """'"..." -Commissioner Ann Li' or '"..." — Ann Li, mayor': the name after a dash."""
    rest = text[q.end : q.end + 120]
    line = rest.split("\n", 1)[0]
    stripped = line.lstrip()
    if stripped[:1] not in {"-", "—", "–"}:
        return None
    start = q.end + (len(line) - len(stripped)) + 1
    end = q.end + len(line)
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or len(span) == 0:
        return None
    left, right = span.start, span.end
    while left < right and doc[left].is_punct:
        left += 1
    names = [t for t in doc[left:right] if t.ent_type_ in {"PERSON", "ORG"}]
    if not names:
        return None
    if any(
        t.pos_ in {"VERB", "AUX"} and t.dep_ in {"ROOT", "ccomp", "conj"} for t in doc[left:right]
    ):
        return None  # '"an incredible feat" - but he said the time is coming': a clause
    return left, right


def _colon_attribution(doc: Doc, text: str, q: Quotation) -> tuple[int, int] | None:
    """'Pollsters agree - Carl Bialik: "..."': a name ending the line before a colon."""
    line_start = text.rfind("\n", 0, q.start) + 1
    head = text[line_start : q.start].rstrip()
    if not head.endswith(":"):
        return None
    for dash in (" - ", " — ", " – "):
        if dash in head:
            line_start += head.rindex(dash) + len(dash)
    span = doc.char_span(
        line_start,
        line_start + len(text[line_start : q.start].rstrip()) - 1,
        alignment_mode="contract",
    )
    if span is None or not 0 < len(span) <= 12:
        return None
    if not any(t.ent_type_ in {"PERSON", "ORG", "NORP"} for t in span):
        return None
    return span.start, span.end


def _via(doc: Doc, governor: int, resolver: SpeakerResolver, speaker: str | None) -> str | None:
    """'issued a statement through (or via) her lawyer' -> the lawyer's entity."""
    gov = doc[governor]
    for node in (gov, *[c for c in gov.children if c.dep_ in {"dobj", "advcl"}]):
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ in {"through", "via"}:
                pobj = first_child(child, "pobj")
                if pobj is None:
                    continue
                phrase = doc[pobj.left_edge.i : pobj.right_edge.i + 1]
                found = resolver.resolve(pobj, phrase, None)
                if found is not None and found != speaker:
                    return found
    return None


def _record(index: DocIndex, qid: str, draft: _Draft, source: Span | None) -> Quote:
    cand = draft.cand
    text = index.text
    parts = sorted(draft.parts)
    start, end = parts[0][0], max(e for _, e in parts)
    content = " ".join(text[s:e] for s, e in parts)
    kind = _kind(text, parts, index.quotations)
    cue = text[cand.cue_start : cand.cue_end] if cand.cue_end > cand.cue_start else None
    return Quote(
        id=qid,
        kind=kind,
        content=content,
        span=(start, end),
        cue=cue,
        cue_span=(cand.cue_start, cand.cue_end) if cue else None,
        speaker=draft.speaker,
        speaker_text=_speaker_text(source) if source is not None else None,
        speaker_span=(source.start_char, source.end_char) if source is not None else None,
        via=draft.via,
        act=cand.act,
    )


def _speaker_text(source: Span) -> str:
    """The source phrase as a name: 'the bookkeeper, who told ...' -> 'the bookkeeper'.
    The span keeps the relative pronoun, which is where PolNeAR marks such sources."""
    end = source.end
    if end - source.start > 1 and source.doc[end - 1].lower_ in RELATIVE_PRONOUNS:
        end -= 1
        while end - source.start > 1 and (
            source.doc[end - 1].is_punct or source.doc[end - 1].is_space
        ):
            end -= 1
    return source.doc[source.start : end].text


def _kind(text: str, parts: Sequence[tuple[int, int]], quotations: Sequence[Quotation]) -> str:
    """direct: all quoted; mixed: paraphrase around a quoted sentence ('said that "We
    will win."'); partial: a quoted fragment inside paraphrase; indirect: nothing quoted."""
    total = 0
    quoted = 0
    sentence_quoted = False
    for start, end in parts:
        total += len(text[start:end].strip())
        for q in quotations:
            lo, hi = max(start, q.start), min(end, q.end)
            if hi > lo:
                quoted += hi - lo
                inner = text[lo:hi].strip("“”\"'`«»„ ")
                sentence_quoted = sentence_quoted or (
                    inner[:1].isupper() and inner.rstrip(",").endswith((".", "!", "?"))
                )
    if quoted == 0:
        return "indirect"
    if quoted >= total - 2:
        return "direct"
    return "mixed" if sentence_quoted else "partial"
