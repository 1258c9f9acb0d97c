"""``newsgraph_times``: time expressions normalised to TIMEX3 values.

Relative expressions ("on Friday", "last year") are resolved against the article's
``doc._.newsgraph_published``; without one their unknown parts stay ``X``
(``XXXX-06``). The logic is ``extract.times.find_times``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract.times import find_times
from newsgraph.nlp.doc import doc_text
from newsgraph.nlp.extensions import TIMES, char_spans


class Times:
    """Sets ``doc._.newsgraph_times`` and the span group ``newsgraph_times``."""

    def __call__(self, doc: Doc) -> Doc:
        times = tuple(find_times(doc_text(doc), doc._.newsgraph_published, doc))
        doc._.newsgraph_times = times
        doc.spans[TIMES] = char_spans(doc, ((t.span, t.type, "", "") for t in times))
        return doc


@Language.factory(
    "newsgraph_times",
    requires=["token.dep", "token.tag"],
    assigns=["doc.spans", "doc._.newsgraph_times"],
)
def make_times(nlp: Language, name: str) -> Times:
    return Times()
