"""``newsgraph_lines``: a line break ends a sentence (titles, datelines, paragraphs).

Runs before the parser, which keeps the boundaries it is given. Without it a
title line and the first paragraph parse as one sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class LineBreaks:
    def __call__(self, doc: Doc) -> Doc:
        for tok in doc[:-1]:
            if tok.is_space and "\n" in tok.text:
                doc[tok.i + 1].is_sent_start = True
        return doc


@Language.factory("newsgraph_lines", assigns=["token.is_sent_start"])
def make_line_breaks(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks()
