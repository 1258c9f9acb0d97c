"""``newsgraph_events``: typed events with participants, time, place and modality.

Reads the entities, times, quotes and references the components before it left (a
statement's agent is its quote's speaker; "he" is linked through the references).
The logic is ``extract.events.find_events``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract.entities import EntityIndex
from newsgraph.extract.events import find_event_mentions, find_events
from newsgraph.nlp.extensions import EVENTS, char_spans

_NO_ENTITIES = EntityIndex((), {})


class Events:
    """Sets ``doc._.newsgraph_events``, the span group ``newsgraph_events`` and, with
    ``mentions``, ``doc._.newsgraph_event_mentions``."""

    def __init__(self, mentions: bool) -> None:
        self.mentions = mentions

    def __call__(self, doc: Doc) -> Doc:
        index = doc._.newsgraph_entity_index or _NO_ENTITIES
        times = doc._.newsgraph_times
        quotes = doc._.newsgraph_quotes
        references = doc._.newsgraph_references
        published = doc._.newsgraph_published
        events = tuple(
            find_events(doc, index, times, published, quotes=quotes, references=references)
        )
        doc._.newsgraph_events = events
        doc.spans[EVENTS] = char_spans(doc, ((e.span, e.type, "", e.id) for e in events))
        if self.mentions:
            # find_events finds the same mentions inside and does not return them
            doc._.newsgraph_event_mentions = tuple(
                find_event_mentions(doc, index, times, quotes=quotes, references=references)
            )
        return doc


@Language.factory(
    "newsgraph_events",
    requires=[
        "doc._.newsgraph_entity_index",
        "doc._.newsgraph_times",
        "doc._.newsgraph_quotes",
        "doc._.newsgraph_references",
    ],
    assigns=["doc.spans", "doc._.newsgraph_events", "doc._.newsgraph_event_mentions"],
    default_config={"mentions": False},
)
def make_events(nlp: Language, name: str, *, mentions: bool) -> Events:
    """``mentions``: also keep every trigger, untyped ones included, with its clause's
    arguments (what the events evaluation scores); off in the digest."""
    return Events(mentions)
