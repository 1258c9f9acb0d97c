"""Unit tests for the article layout, on hand-built Docs (no model)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsgraph.nlp.layout import LAYOUT, Layout, keep_article, layout_of
from newsgraph.records import Article


def _words(text: str) -> tuple[list[str], list[bool]]:
    """Words, punctuation and newlines of ``text`` as tokens, with their trailing spaces."""
    found = list(re.finditer(r"\n|[\w-]+|[^\w\s]", text))
    words = [m.group() for m in found]
    spaces = [text[m.end() : m.end() + 1] == " " for m in found]
    return words, spaces


def _doc(hand_doc, text: str, starts: set[str]):
    """A Doc of ``text`` whose sentences start at the words in ``starts`` (and at 0)."""
    words, spaces = _words(text)
    first = [n == 0 or (w in starts and words[n - 1] in {".", "\n"}) for n, w in enumerate(words)]
    doc = hand_doc(words, spaces=spaces, sent_starts=first)
    assert doc.text == text
    return doc


_TEXT = "Judge Drops Fraud Case\nCOLUMBUS, Ohio — A judge dismissed the case. He left."


def _ellison(hand_doc):
    doc = _doc(hand_doc, _TEXT, {"COLUMBUS", "He"})
    keep_article(doc, Article(text=_TEXT, title="Judge Drops Fraud Case", body_start=23))
    return doc


def test_layout_finds_headline_lead_and_dateline(hand_doc) -> None:
    doc = _ellison(hand_doc)
    layout = layout_of(doc)
    assert [s.text.strip() for s in layout.headline_spans(doc)] == ["Judge Drops Fraud Case"]
    assert [s.text for s in layout.lead_spans(doc)] == [
        "COLUMBUS, Ohio — A judge dismissed the case.",
        "He left.",
    ]
    assert layout.dateline == "Columbus, Ohio"
    assert layout.body_start == layout.header_end == 23
    assert layout.near_top(_TEXT.index("judge")) and not layout.near_top(len(_TEXT))


def test_headline_lines_and_dateline_places(hand_doc) -> None:
    doc = _ellison(hand_doc)
    layout = layout_of(doc)
    flags = layout.headline_flags(len(doc))
    assert flags[:4] == [True] * 4 and not any(flags[6:])
    assert [doc[s:e].text for s, e in layout.dateline_places] == ["COLUMBUS"]


def test_title_the_text_opens_with_is_the_header(hand_doc) -> None:
    doc = _doc(hand_doc, _TEXT, {"COLUMBUS", "He"})
    keep_article(doc, Article(text=_TEXT, title="Judge Drops Fraud Case"))
    layout = layout_of(doc)
    assert layout.header_end == 0 and layout.body_start == len("Judge Drops Fraud Case")


def test_lead_skips_page_furniture_and_a_repeated_headline(hand_doc) -> None:
    text = (
        "Seven killed\nSubscribe to our newsletter. Seven killed At least seven died. Police came."
    )
    doc = _doc(hand_doc, text, {"Subscribe", "Seven", "Police"})
    keep_article(doc, Article(text=text, title="Seven killed", body_start=13))
    layout = layout_of(doc)
    assert [s.text for s in layout.lead_spans(doc)] == ["Police came."]
    # the furniture and the repeated headline before the prose stay in the opening
    assert [s.text for s in layout.opening_spans(doc)] == [
        "Police came.",
        "Subscribe to our newsletter.",
        "Seven killed At least seven died.",
    ]


def test_layout_is_cached_as_plain_values_that_serialise(hand_doc) -> None:
    doc = _ellison(hand_doc)
    layout = layout_of(doc)
    copy = Doc(doc.vocab).from_bytes(doc.to_bytes())  # the header and the cached layout
    assert LAYOUT in copy.user_data  # the cache came along, as plain values
    assert isinstance(layout, Layout) and layout_of(copy) == layout
    keep_article(copy, Article(text=_TEXT))  # another header: worked out again
    assert layout_of(copy).headline == ()  # no header: no headline
