"""Quotation-mark spans in raw text: pairing curly, straight and doubled marks.

Works on characters, not tokens, so that it does not depend on how the tokenizer
splits marks. A quotation that runs over several paragraphs (an opening mark on
each paragraph, a closing mark only on the last) comes out as one span.
Unbalanced marks never raise: an unclosed quotation ends at its paragraph's end.
``quotations_of`` keeps a Doc's quotations in its ``user_data``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.nlp.doc import doc_text

# “ ” „ ‟ « » and the typewriter forms: " and the doubled `` '' of some wires.
# Single curly marks ‘ ’ are paired separately (the closing one doubles as apostrophe).
_MARK = re.compile(r"``|''|[\"“”„‟«»]")
_OPENERS = frozenset({"“", "„", "‟", "«", "``"})
_CLOSERS = frozenset({"”", "»"})
_QUOTATIONS = "newsgraph_quotations"  # doc.user_data key
# the double quotation marks as the tokenizer leaves them: '"', '“', '”'
QUOTE_MARK_TOKENS = frozenset('"“”')


def is_quote_mark(tok: Token) -> bool:
    """A double quotation mark, also as the tagger marks a doubled `` or ''."""
    return tok.text in QUOTE_MARK_TOKENS or tok.tag_ in {"``", "''"}


@dataclass(frozen=True, slots=True)
class Quotation:
    """A quoted stretch: ``start``/``end`` include the marks; ``parts`` are the
    per-paragraph pieces of a multi-paragraph quotation (one part otherwise).
    ``closed`` is False when the closing mark was missing."""

    start: int
    end: int
    parts: tuple[tuple[int, int], ...]
    closed: bool = True

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1 if self.closed else self.end


def _looks_open(text: str, i: int, j: int) -> bool:
    """Whether an ambiguous mark at text[i:j] opens: 'said "We' opens, 'it," she' closes."""
    before = text[i - 1] if i > 0 else " "
    after = text[j] if j < len(text) else " "
    if before.isspace() or before in "([{—–-:/":
        return not after.isspace()
    if after.isspace() or after in ".,;:!?)]}—–-" or j == len(text):
        return False
    return not before.isalnum()


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in re.finditer(r"\n", text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _paragraph_quotes(text: str, p_start: int, p_end: int) -> list[tuple[int, int, bool]]:
    """(start, end, closed) quotations inside one paragraph."""
    found: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    for m in _MARK.finditer(text, p_start, p_end):
        mark, i, j = m.group(), m.start(), m.end()
        if mark in _OPENERS:
            # a misused opener that sits where a closer belongs: 'it,“ she said'
            opens = open_at is None or _looks_open(text, i, j)
        elif mark in _CLOSERS:
            opens = open_at is None and _looks_open(text, i, j)
        else:
            opens = open_at is None
        if opens:
            if open_at is not None:
                # two openers in a row: the first was never closed
                found.append((open_at, i, False))
            open_at = i
        elif open_at is not None:
            found.append((open_at, j, True))
            open_at = None
        # else: a stray closing mark with nothing open, ignored
    if open_at is not None:
        end = p_end
        while end > open_at and text[end - 1].isspace():
            end -= 1
        found.append((open_at, end, False))
    singles = [
        q
        for q in _single_quotes(text, p_start, p_end)
        if not any(s <= q[0] < e for s, e, _ in found)
    ]
    return sorted(found + singles)


def _single_quotes(text: str, p_start: int, p_end: int) -> list[tuple[int, int, bool]]:
    """‘…’ pairs, as headlines use them: ‘ opens; the closing ’ is the first one not
    followed by a letter (so that the apostrophe in "don’t" does not close)."""
    found = []
    i = text.find("‘", p_start, p_end)
    while i >= 0:
        j = i + 1
        close = -1
        while True:
            j = text.find("’", j, p_end)
            if j < 0:
                break
            if j + 1 >= p_end or not text[j + 1].isalnum():
                close = j
                break
            j += 1
        if close < 0 or close - i < 3:
            break
        found.append((i, close + 1, True))
        i = text.find("‘", close + 1, p_end)
    return found


def quotations_of(doc: Doc) -> list[Quotation]:
    """``find_quotations`` over the Doc's text, found once per Doc (quotes and
    coreference both read them)."""
    found = doc.user_data.get(_QUOTATIONS)
    if found is None:
        found = doc.user_data[_QUOTATIONS] = find_quotations(doc_text(doc))
    return list(found)


def find_quotations(text: str) -> list[Quotation]:
    """All quotations in ``text``, in order, with multi-paragraph quotations joined."""
    result: list[Quotation] = []
    pending: list[tuple[int, int]] | None = None  # parts of a quotation still open
    for p_start, p_end in _paragraphs(text):
        quotes = _paragraph_quotes(text, p_start, p_end)
        if pending is not None:
            first = quotes[0] if quotes else None
            starts_quoted = first is not None and first[0] == _first_char(text, p_start, p_end)
            if first is not None and starts_quoted:
                pending.append((first[0], first[1]))
                quotes = quotes[1:]
                if first[2]:
                    result.append(_joined(pending, closed=True))
                    pending = None
                    # the rest of this paragraph is handled below
                else:
                    continue
            else:
                result.append(_joined(pending, closed=False))
                pending = None
        for n, (start, end, closed) in enumerate(quotes):
            if not closed and n == len(quotes) - 1:
                pending = [(start, end)]
            else:
                result.append(Quotation(start, end, ((start, end),), closed))
    if pending is not None:
        result.append(_joined(pending, closed=False))
    return result


def _first_char(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _joined(parts: list[tuple[int, int]], *, closed: bool) -> Quotation:
    return Quotation(parts[0][0], parts[-1][1], tuple(parts), closed)
