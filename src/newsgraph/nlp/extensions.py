"""What newsgraph's components leave on a Doc: span groups and ``doc._`` extensions.

Registered once, when this module is first imported (every component imports it).
Everything here serialises with ``doc.to_bytes()`` and ``DocBin(store_user_data=True)``
(records through ``newsgraph.nlp.codec``).

The article's metadata, set by ``newsgraph.analysis.make_doc`` (a plain ``nlp(text)``
keeps the defaults):

- ``doc._.newsgraph_title``, ``doc._.newsgraph_dek``: the headline and the standfirst,
  or None.
- ``doc._.newsgraph_published``: the creation date (ISO) that relative times are
  resolved against ("on Friday"), or None.
- ``doc._.newsgraph_body_start``: the character offset where the body begins after a
  header (summary line, title, dek); 0 without one.

The results, by the component that sets them:

- ``newsgraph_entities``: ``doc._.newsgraph_entities`` (``Entity`` records with their
  roles and name mentions), ``doc._.newsgraph_relations`` (``Relation``),
  ``doc._.newsgraph_entity_index`` (entities and the entity id of each name token);
  span group ``newsgraph_entities``: each name mention, label the type, ``kb_id_`` the
  entity id.
- ``newsgraph_quotes``: ``doc._.newsgraph_quotes`` (``Quote``); span group
  ``newsgraph_quotes``: each quote's content, label the kind (direct, partial,
  indirect), ``kb_id_`` the speaker's entity id, ``id_`` the quote id.
- ``newsgraph_summary``: ``doc._.newsgraph_summary``, the summary sentences.
- ``newsgraph_times``: ``doc._.newsgraph_times`` (``TimeExpr`` with TIMEX3 values);
  span group ``newsgraph_times``, label the TIMEX3 type.
- ``newsgraph_references``: ``doc._.newsgraph_references``, token index -> entity id
  for the pronouns and role nouns ("she", "the spokeswoman") that refer to a person.
- ``newsgraph_events``: ``doc._.newsgraph_events`` (``Event``, untyped ``other`` events
  included), ``doc._.newsgraph_event_mentions`` (each trigger with its clause's
  arguments, when the component's ``mentions`` setting is on); span group
  ``newsgraph_events``: each event's first trigger, label the type, ``id_`` the
  event id.
- ``newsgraph_main_event``: ``doc._.newsgraph_main_event``, who, what, when, where, why
  and how of the article's main event, or None.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc, Span

from newsgraph.nlp import codec
from newsgraph.nlp.doc import BODY_START, doc_text
from newsgraph.records import Article

ENTITIES = "newsgraph_entities"
QUOTES = "newsgraph_quotes"
TIMES = "newsgraph_times"
EVENTS = "newsgraph_events"

# name -> default; tuples and None, so that a default is never shared and changed
_RESULTS: dict[str, Any] = {
    "newsgraph_title": None,
    "newsgraph_dek": None,
    "newsgraph_published": None,
    "newsgraph_entities": (),
    "newsgraph_relations": (),
    "newsgraph_entity_index": None,
    "newsgraph_quotes": (),
    "newsgraph_summary": (),
    "newsgraph_times": (),
    "newsgraph_references": None,
    "newsgraph_events": (),
    "newsgraph_event_mentions": (),
    "newsgraph_main_event": None,
}


def _body_start(doc: Doc) -> int:
    return int(doc.user_data.get(BODY_START, 0))


def _set_body_start(doc: Doc, value: int) -> None:
    doc.user_data[BODY_START] = value


def _register() -> None:
    codec.register()
    for name, default in _RESULTS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Doc.has_extension("newsgraph_body_start"):
        # the extractors read the plain user_data key; the extension is its public name
        Doc.set_extension("newsgraph_body_start", getter=_body_start, setter=_set_body_start)


_register()


def set_article(doc: Doc, article: Article) -> None:
    """Put the article's metadata that the components read on ``doc``."""
    doc._.newsgraph_title = article.title
    doc._.newsgraph_dek = article.dek
    doc._.newsgraph_published = article.published
    doc._.newsgraph_body_start = article.body_start


def carries(doc: Doc, article: Article) -> bool:
    """Whether ``doc`` holds ``article``'s metadata (as ``set_article`` put it)."""
    return (
        doc._.newsgraph_title == article.title
        and doc._.newsgraph_dek == article.dek
        and doc._.newsgraph_published == article.published
        and doc._.newsgraph_body_start == article.body_start
    )


def article_of(doc: Doc) -> Article:
    """The Doc's text and metadata as an ``Article`` (without id, url or source)."""
    return Article(
        text=doc_text(doc),
        title=doc._.newsgraph_title,
        dek=doc._.newsgraph_dek,
        published=doc._.newsgraph_published,
        body_start=doc._.newsgraph_body_start,
    )


def char_spans(doc: Doc, spans: Iterable[tuple[tuple[int, int], str, str, str]]) -> list[Span]:
    """Token spans for ``((start, end), label, kb_id, span_id)`` character spans, widened
    to whole tokens; a span that covers no token is left out."""
    out = []
    for (start, end), label, kb_id, span_id in spans:
        span = doc.char_span(
            start, end, label=label, kb_id=kb_id, span_id=span_id, alignment_mode="expand"
        )
        if span is not None and len(span):
            out.append(span)
    return out
