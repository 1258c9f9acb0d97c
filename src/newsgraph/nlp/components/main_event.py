"""``newsgraph_main_event``: the article's main event, from its headline and lead.

Who, what, when, where, why and how, from the events, entities and times the
components before it left and the article's title, dek and body start. The logic is
``extract.main_event.find_main_event``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract.main_event import find_main_event
from newsgraph.nlp.extensions import article_of


class MainEvent:
    """Sets ``doc._.newsgraph_main_event``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.newsgraph_main_event = find_main_event(
            doc,
            doc._.newsgraph_events,
            doc._.newsgraph_entities,
            doc._.newsgraph_times,
            article_of(doc),
        )
        return doc


@Language.factory(
    "newsgraph_main_event",
    requires=["doc._.newsgraph_events", "doc._.newsgraph_entities", "doc._.newsgraph_times"],
    assigns=["doc._.newsgraph_main_event"],
)
def make_main_event(nlp: Language, name: str) -> MainEvent:
    return MainEvent()
