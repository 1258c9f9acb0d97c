"""``newsgraph_references``: the pronouns and nouns that refer to a person or an organisation.

"she argued" and "the spokeswoman" are linked to an entity of ``newsgraph_entities``, and
so are "the company" and "its" after an organisation's name;
quotes tell who "I" is inside a quotation. The logic is
``extract.references.resolve_references``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract.references import resolve_references


class References:
    """Sets ``doc._.newsgraph_references`` (token index -> entity id)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.newsgraph_references = resolve_references(
            doc, doc._.newsgraph_entities, doc._.newsgraph_quotes
        )
        return doc


@Language.factory(
    "newsgraph_references",
    requires=["doc._.newsgraph_entities", "doc._.newsgraph_quotes"],
    assigns=["doc._.newsgraph_references"],
)
def make_references(nlp: Language, name: str) -> References:
    return References()
