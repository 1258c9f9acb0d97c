"""The spaCy pipeline: the pinned English model plus newsgraph's own components.

Also the per-document lookups the extractors share: ``Doc.text`` joins every token
again on each access and ``doc.sents`` builds every Span again, so the text and the
sentence bounds are computed once per Doc and kept in its ``user_data``.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy
from spacy.attrs import LOWER, SENT_START
from spacy.tokens import Doc, Span

# doc.user_data key: the character offset where the article's body begins after a
# header (summary line, title, dek); the header's names are matched, not trusted.
BODY_START = "newsgraph_body_start"
_TEXT = "newsgraph_text"
_BOUNDS = "newsgraph_sentence_bounds"
_SENTENCES = "newsgraph_sentences"


def keep_text(doc: Doc, text: str) -> None:
    """Remember the text ``doc`` was made from (``doc.text`` is the same string, rebuilt
    token by token on every access)."""
    doc.user_data[_TEXT] = text


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once (or as ``keep_text`` gave it)."""
    found = doc.user_data.get(_TEXT)
    if found is None or (len(doc) and len(found) != doc[-1].idx + len(doc[-1].text_with_ws)):
        found = doc.user_data[_TEXT] = doc.text
    return str(found)


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """For each token, the (start, end) token indices of its sentence."""
    found = doc.user_data.get(_BOUNDS)
    if found is None or len(found) != len(doc):
        found = [(0, 0)] * len(doc)
        if len(doc):
            flags = doc.to_array(SENT_START)
            starts = [0, *(int(i) for i in (flags[1:] == 1).nonzero()[0] + 1)]
            ends = [*starts[1:], len(doc)]
            for start, end in zip(starts, ends, strict=True):
                found[start:end] = [(start, end)] * (end - start)
        doc.user_data[_BOUNDS] = found
    return found


def sentences(doc: Doc) -> list[Span]:
    """The sentences of ``doc`` in order, built once."""
    found = doc.user_data.get(_SENTENCES)
    if found is None:
        bounds = sentence_bounds(doc)
        found = []
        i = 0
        while i < len(doc):
            start, end = bounds[i]
            found.append(doc[start:end])
            i = end
        doc.user_data[_SENTENCES] = found
    return found


def positions_among(doc: Doc, words: Iterable[str], attr: int = LOWER) -> list[int]:
    """Indices of the tokens whose ``attr`` (lower-case form by default, or ``POS``) is one
    of ``words``, in order: one array scan instead of a Python loop over every token."""
    strings = doc.vocab.strings
    wanted = numpy.array([strings.add(w) for w in words], dtype=numpy.uint64)
    return [int(i) for i in numpy.isin(doc.to_array(attr), wanted).nonzero()[0]]
