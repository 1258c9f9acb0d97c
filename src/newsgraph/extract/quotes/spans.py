"""Shared pieces of the quote rules: the per-document index, the candidate record,
the content frames of a cue, and helpers that turn tokens into character spans."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc, Token

from newsgraph.extract.lexicon.speech import NON_SPEECH_INTRO
from newsgraph.extract.quotes.marks import Quotation
from newsgraph.nlp.doc import doc_text, sentence_bounds
from newsgraph.nlp.layout import breaks_line


@dataclass(slots=True)
class Candidate:
    """One attribution found by the rules. Offsets are characters, end exclusive."""

    cue_start: int
    cue_end: int
    cue_lemma: str
    act: str
    start: int
    end: int
    source: tuple[int, int] | None  # token range [start, end) of the source phrase
    source_head: int | None  # token index
    quotation: int | None = None  # index into the quotations when the content is one
    governor: int | None = None  # token whose 'through' phrase may name a go-between
    rule: str = ""


class DocIndex:
    """Per-document lookups computed once: the text (``Doc.text`` is rebuilt on every
    access), each token's sentence bounds and the quotation each token lies in."""

    def __init__(self, doc: Doc, quotations: Sequence[Quotation]) -> None:
        self.text = doc_text(doc)
        self.quotations = quotations
        self.sent_bounds = sentence_bounds(doc)
        self._doc = doc
        self._ents: list[tuple[int, int, str, int, int]] | None = None
        self.of_token: list[int | None] = [None] * len(doc)
        for n, q in enumerate(quotations):
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is not None:
                self.of_token[span.start : span.end] = [n] * len(span)
        # for each token, the first token at or after it inside a quotation (len(doc): none)
        self.next_quoted: list[int] = [len(doc)] * (len(doc) + 1)
        for i in range(len(doc) - 1, -1, -1):
            self.next_quoted[i] = i if self.of_token[i] is not None else self.next_quoted[i + 1]

    @property
    def ents(self) -> list[tuple[int, int, str, int, int]]:
        """Named entities as (start, end, label, start char, root token), made on first use."""
        if self._ents is None:
            self._ents = [
                (e.start, e.end, e.label_, e.start_char, e.root.i) for e in self._doc.ents
            ]
        return self._ents


@dataclass(slots=True)
class Frames:
    """The complements a verb has that could carry reported content."""

    quotation: int | None = None
    clause: Token | None = None
    infinitive: Token | None = None
    obj: tuple[int, int] | None = None

    def names(self) -> list[str]:
        return [
            n
            for n, v in (
                ("quotation", self.quotation),
                ("clause", self.clause),
                ("inf", self.infinitive),
                ("object", self.obj),
            )
            if v is not None
        ]


class CueScorer(Protocol):
    """A learned judge of whether a verb in a frame is an attribution cue."""

    def is_cue(self, verb: Token, frames: Frames, frame: str) -> bool: ...

    def choose_end(
        self, doc: Doc, start: int, end: int, rule: str, cue: Token | None, sent_end: int
    ) -> int: ...

    def choose_source(
        self,
        doc: Doc,
        verb: Token,
        rule: tuple[tuple[int, int] | None, int | None],
        content: tuple[int, int],
        index: DocIndex,
    ) -> tuple[tuple[int, int] | None, int | None]: ...


def choose_frame(frames: Frames, allowed: frozenset[str] | None) -> str | None:
    """The frame whose content is reported, in order of reliability; ``allowed`` None
    means any frame. A quotation is a clause frame."""
    for name in frames.names():
        need = "clause" if name == "quotation" else name
        if allowed is None or need in allowed:
            return name
    return None


def snap(span: tuple[int, int], quotations: Sequence[Quotation]) -> tuple[int, int]:
    """Widen a content span that cuts a quotation to the quotation's marks:
    'that waterboarding is “peanuts' -> 'that waterboarding is “peanuts,”'."""
    start, end = span
    for q in quotations:
        if q.start > end:
            break
        if q.start < start < q.end:
            start = q.start
        if q.start < end < q.end:
            end = q.end
    return start, end


def speechlike(text: str, q: Quotation) -> bool:
    """A quotation that can stand as a direct quote: not a title, search term or nickname."""
    inner = text[q.start : q.end].strip("“”\"'`«»„ ")
    words = inner.split()
    if len(words) < 3 and not inner.rstrip().endswith((".", "!", "?", ",")):
        return False
    before = [w.lower().strip(",:") for w in text[max(0, q.start - 40) : q.start].split()]
    if before and before[-1] in NON_SPEECH_INTRO:
        return False
    # 'searches for "..."', 'known as "..."'
    return not (
        len(before) > 1 and before[-1] in {"for", "as", "of"} and before[-2] in NON_SPEECH_INTRO
    )


def subtree_chars(root: Token, exclude: Token | None = None) -> tuple[int, int]:
    """Character extent of ``root``'s subtree, cut before ``exclude`` and edge punctuation."""
    left, right = root.left_edge.i, root.right_edge.i
    doc = root.doc
    if exclude is not None and left < exclude.i < right:
        if root.i > exclude.i:
            left = exclude.i + 1
        else:
            right = exclude.i - 1
    while left < right and doc[left].is_punct and doc[left].text not in "“\"'`":
        left += 1
    while right > left and doc[right].is_punct and doc[right].text not in "”\"'":
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def phrase(head: Token, relcl: Token | None = None) -> tuple[int, int]:
    """Token range of a source phrase: the head's subtree without a trailing relative clause
    that holds the cue, without a dateline or timestamp line and without edge punctuation."""
    left, right = head.left_edge.i, head.right_edge.i
    if relcl is not None:
        right = min(right, relcl.left_edge.i - 1)
    doc = head.doc
    # only a break before the head: 'Obama, who denounced the hate\ncrime, said' keeps Obama
    for i in range(min(right, head.i) - 1, left - 1, -1):
        if breaks_line(doc, i):
            # "9:30 p.m.\n\nTrump says", "LONDON (Reuters) - Trump said": keep what follows
            left = i + 1
            break
    while left < right and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while right > left and (
        doc[right].is_punct or doc[right].is_space or doc[right].dep_ == "case"
    ):
        right -= 1
    return left, right + 1


def source_head(doc: Doc, source: tuple[int, int], head: int) -> int:
    """The head token of a source range; its root when the range was cut."""
    if source[0] <= head < source[1]:
        return head
    return doc[source[0] : source[1]].root.i
