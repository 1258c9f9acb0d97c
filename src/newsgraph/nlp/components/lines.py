"""``newsgraph_lines``: sentence bounds the parser keeps, from the article's lines.

Runs before the parser, which keeps the boundaries it is given. A line break ends a
sentence: without it a title line and the first paragraph parse as one sentence.
An abbreviated title does not: the English tokenizer splits "Sgt." into "Sgt" "."
and the parse then ends the sentence there, so making the component also gives the
tokenizer a special case for each title, and a pipeline rebuilt from its config
(``spacy.load`` of a saved pipeline, a worker process) tokenizes as the digest does.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from newsgraph.extract.lexicon import ABBREVIATED_TITLES


class LineBreaks:
    def __call__(self, doc: Doc) -> Doc:
        for tok in doc[:-1]:
            if tok.is_space and "\n" in tok.text:
                doc[tok.i + 1].is_sent_start = True
        return doc


@Language.factory(
    "newsgraph_lines",
    assigns=["token.is_sent_start"],
    default_config={"keep_whole": None},
)
def make_lines(nlp: Language, name: str, *, keep_whole: list[str] | None) -> LineBreaks:
    """``keep_whole``: the words the tokenizer keeps as one token ("Sgt."); None for
    newsgraph's abbreviated titles."""
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):  # a custom tokenizer has its own rules
        for word in sorted(ABBREVIATED_TITLES) if keep_whole is None else keep_whole:
            tokenizer.add_special_case(word, [{ORTH: word}])
    return LineBreaks()
