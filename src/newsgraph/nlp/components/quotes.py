"""``newsgraph_quotes``: who said what (direct, partial and indirect quotes).

Reads the entities ``newsgraph_entities`` left (a quote's speaker is one of them, and
"the spokeswoman said" resolves through their roles); the logic is
``extract.quotes.find_quotes``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract.quotes import find_quotes
from newsgraph.nlp.extensions import QUOTES, char_spans


class Quotes:
    """Sets ``doc._.newsgraph_quotes`` and the span group ``newsgraph_quotes``."""

    def __init__(self, learned: bool) -> None:
        self.learned = learned

    def __call__(self, doc: Doc) -> Doc:
        quotes = tuple(find_quotes(doc, doc._.newsgraph_entities, learned=self.learned))
        doc._.newsgraph_quotes = quotes
        doc.spans[QUOTES] = char_spans(
            doc, ((q.span, q.kind, q.speaker or "", q.id) for q in quotes)
        )
        return doc


@Language.factory(
    "newsgraph_quotes",
    requires=["doc._.newsgraph_entities", "token.dep", "token.lemma"],
    assigns=["doc.spans", "doc._.newsgraph_quotes"],
    default_config={"learned": True},
)
def make_quotes(nlp: Language, name: str, *, learned: bool) -> Quotes:
    """``learned``: the learned cue judge (True) or the cue lexicon alone."""
    return Quotes(learned)
