"""``newsgraph_entities``: replaces ``doc.ents`` with document-level repaired spans."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract.entities.spans import refine_ents


class EntityRefiner:
    """Runs after ``ner``; see ``newsgraph.extract.entities.spans.refine_ents``."""

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = refine_ents(doc)
        return doc


@Language.factory(
    "newsgraph_entities",
    requires=["doc.ents", "token.is_sent_start"],
    assigns=["doc.ents"],
)
def make_entity_refiner(nlp: Language, name: str) -> EntityRefiner:
    return EntityRefiner()
