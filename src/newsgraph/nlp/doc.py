"""Per-document lookups the extractors share, computed once per Doc.

``Doc.text`` joins every token again on each access and ``doc.sents`` builds every
Span again, so the text and the sentence bounds are worked out once per Doc. They
are kept beside the Doc (in a table that forgets a Doc when it is freed), not in its
``user_data``: they are caches, and ``user_data`` is what ``doc.to_bytes`` and
``DocBin`` store.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable

import numpy
from spacy.attrs import LOWER, SENT_START
from spacy.tokens import Doc, Span

# doc.user_data key: the character offset where the article's body begins after a
# header (summary line, title, dek); the header's names are matched, not trusted.
# (An int, so it serialises; ``doc._.newsgraph_body_start`` reads and writes it.)
BODY_START = "newsgraph_body_start"

# Doc -> its cached text and sentence bounds. The values hold no Span (a Span refers
# to its Doc, and a value that refers to its key would keep the Doc alive forever).
_CACHES: weakref.WeakKeyDictionary[Doc, dict[str, object]] = weakref.WeakKeyDictionary()
_TEXT = "text"
_BOUNDS = "sentence_bounds"


def doc_cache(doc: Doc) -> dict[str, object]:
    """A dict for ``doc``'s caches, kept beside it rather than in ``user_data``; it goes
    when the Doc goes. Its values must not hold the Doc (no Span or Token)."""
    found = _CACHES.get(doc)
    if found is None:
        found = _CACHES[doc] = {}
    return found


def keep_text(doc: Doc, text: str) -> None:
    """Remember the text ``doc`` was made from (``doc.text`` is the same string, rebuilt
    token by token on every access)."""
    doc_cache(doc)[_TEXT] = text


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once (or as ``keep_text`` gave it)."""
    cache = doc_cache(doc)
    found = cache.get(_TEXT)
    if not isinstance(found, str) or (
        len(doc) and len(found) != doc[-1].idx + len(doc[-1].text_with_ws)
    ):
        found = cache[_TEXT] = doc.text
    return found


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """For each token, the (start, end) token indices of its sentence."""
    cache = doc_cache(doc)
    found = cache.get(_BOUNDS)
    if not isinstance(found, list) or len(found) != len(doc):
        found = [(0, 0)] * len(doc)
        if len(doc):
            flags = doc.to_array(SENT_START)
            starts = [0, *(int(i) for i in (flags[1:] == 1).nonzero()[0] + 1)]
            ends = [*starts[1:], len(doc)]
            for start, end in zip(starts, ends, strict=True):
                found[start:end] = [(start, end)] * (end - start)
        cache[_BOUNDS] = found
    return found


def sentences(doc: Doc) -> list[Span]:
    """The sentences of ``doc`` in order (from the cached bounds)."""
    bounds = sentence_bounds(doc)
    found = []
    i = 0
    while i < len(doc):
        start, end = bounds[i]
        found.append(doc[start:end])
        i = end
    return found


def positions_among(doc: Doc, words: Iterable[str], attr: int = LOWER) -> list[int]:
    """Indices of the tokens whose ``attr`` (lower-case form by default, or ``POS``) is one
    of ``words``, in order: one array scan instead of a Python loop over every token."""
    strings = doc.vocab.strings
    wanted = numpy.array([strings.add(w) for w in words], dtype=numpy.uint64)
    return [int(i) for i in numpy.isin(doc.to_array(attr), wanted).nonzero()[0]]
