"""Entities of one article: refined entity spans, one entity per referent, roles and relations."""

from newsgraph.extract.entities.index import EntityIndex, build_entities, index_entities
from newsgraph.extract.entities.roles import find_roles_and_relations
from newsgraph.extract.entities.spans import refine_ents

__all__ = [
    "EntityIndex",
    "build_entities",
    "find_roles_and_relations",
    "index_entities",
    "refine_ents",
]
