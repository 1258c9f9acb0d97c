"""The digest path for evaluations that also need the parse: each article's Doc and Digest.

Made exactly as ``analysis.analyse_articles`` makes them, so newsgraph is scored on
what a user gets; baselines read the same ``Doc``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from newsgraph.analysis import digest_doc, make_doc
from newsgraph.config import Settings
from newsgraph.nlp.pipeline import load_pipeline
from newsgraph.records import Article, Digest
from newsgraph.timing import StageTimer, stage_context


def docs_and_digests(
    articles: Iterable[Article], settings: Settings, timer: StageTimer | None = None
) -> Iterator[tuple[Doc, Digest]]:
    """``(doc, digest)`` per article, in order, parsed in batches.

    ``timer`` collects the CPU seconds of the parse (stage ``parse``, batches
    included as they are made) next to the digest's own stages.
    """
    nlp = load_pipeline(settings.model)
    pairs = ((make_doc(nlp, a), a) for a in articles)
    parsed = iter(nlp.pipe(pairs, as_tuples=True, batch_size=settings.batch_size))
    while True:
        with stage_context(timer, "parse"):
            item = next(parsed, None)
        if item is None:
            return
        doc, article = item
        yield doc, digest_doc(article, doc, settings, timer)
