"""References to entities: pronouns, role nouns and speakers resolved to entity ids."""

from newsgraph.extract.references.coref import resolve_references, with_reference_mentions
from newsgraph.extract.references.speakers import SpeakerResolver

__all__ = ["SpeakerResolver", "resolve_references", "with_reference_mentions"]
