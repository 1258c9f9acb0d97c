"""``newsgraph_entities``: repaired entity spans, one entity per referent, roles, relations.

Runs after ``ner``: replaces ``doc.ents`` with document-level repaired spans
(``extract.entities.refine_ents``), then groups the name mentions into entities and
reads their roles and relations ("Dorsey's spokesperson, Carla Mendes").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract.entities import EntityIndex, find_roles_and_relations, index_entities
from newsgraph.extract.entities.spans import refine_ents
from newsgraph.nlp.extensions import ENTITIES, char_spans
from newsgraph.records import Entity, Relation


def entities_and_roles(doc: Doc) -> tuple[EntityIndex, tuple[Entity, ...], list[Relation]]:
    """The document's entities with their roles filled, and the relations found."""
    index = index_entities(doc)
    roles, relations = find_roles_and_relations(doc, index)
    entities = tuple(
        replace(ent, roles=roles.get(ent.id, ())) if ent.id in roles else ent
        for ent in index.entities
    )
    return index, entities, relations


class Entities:
    """Sets ``doc.ents``, ``doc._.newsgraph_entities``, ``_relations``, ``_entity_index``
    and the span group ``newsgraph_entities``."""

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = refine_ents(doc)
        index, entities, relations = entities_and_roles(doc)
        doc._.newsgraph_entity_index = index
        doc._.newsgraph_entities = entities
        doc._.newsgraph_relations = tuple(relations)
        doc.spans[ENTITIES] = char_spans(
            doc, ((m, e.type, e.id, "") for e in entities for m in e.mentions)
        )
        return doc


@Language.factory(
    "newsgraph_entities",
    requires=["doc.ents", "token.is_sent_start", "token.dep"],
    assigns=[
        "doc.ents",
        "doc.spans",
        "doc._.newsgraph_entities",
        "doc._.newsgraph_relations",
        "doc._.newsgraph_entity_index",
    ],
)
def make_entities(nlp: Language, name: str) -> Entities:
    return Entities()
