"""``newsgraph_summary``: a few sentences of the body that say what the article is about.

The logic is ``extract.summary.summarise``; it skips the header the article's
``doc._.newsgraph_body_start`` and ``doc._.newsgraph_title`` describe.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract.summary import summarise


class Summary:
    """Sets ``doc._.newsgraph_summary``."""

    def __init__(self, max_sentences: int) -> None:
        self.max_sentences = max_sentences

    def __call__(self, doc: Doc) -> Doc:
        doc._.newsgraph_summary = tuple(
            summarise(
                doc,
                doc._.newsgraph_entities,
                body_start=doc._.newsgraph_body_start,
                title=doc._.newsgraph_title,
                max_sentences=self.max_sentences,
            )
        )
        return doc


@Language.factory(
    "newsgraph_summary",
    requires=["doc._.newsgraph_entities", "token.is_sent_start"],
    assigns=["doc._.newsgraph_summary"],
    default_config={"max_sentences": 3},
)
def make_summary(nlp: Language, name: str, *, max_sentences: int) -> Summary:
    """``max_sentences``: at most this many sentences, in text order."""
    return Summary(max_sentences)
