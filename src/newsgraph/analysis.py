"""The per-article analysis: a pure function from an ``Article`` to its ``Digest``.

The pipeline's components (``newsgraph.nlp.components``) do the analysis while a Doc
is parsed; ``digest_doc`` builds the ``Digest`` from what they left on it.
``analyse_articles`` parses in batches with the cached pipeline. Both are safe to call
in worker processes: the only state is the per-process pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.config import Settings
from newsgraph.extract.references import with_reference_mentions
from newsgraph.nlp.components.entities import entities_and_roles
from newsgraph.nlp.doc import keep_text
from newsgraph.nlp.extensions import carries, set_article
from newsgraph.nlp.pipeline import ANALYSIS, load_pipeline, pipe_timed
from newsgraph.records import Article, Digest, Event, EventTime, MainEvent, article_id
from newsgraph.records.repair import prepare_article
from newsgraph.timing import StageTimer, stage_context

__all__ = [
    "analyse_articles",
    "analyse_texts",
    "as_article",
    "digest",
    "digest_doc",
    "entities_and_roles",
    "make_doc",
]


def digest_doc(
    article: Article, doc: Doc, settings: Settings, timer: StageTimer | None = None
) -> Digest:
    """The digest of one article from its Doc, as the pipeline's components annotated it.

    A Doc made without ``make_doc`` for this article (a plain ``nlp(article.text)``)
    lacks the article's metadata: its analysis after the entities is run again with
    them (all of it, for a Doc our components have not seen). ``timer`` (benchmarks
    only) collects the CPU time of that and of the assembly.
    """
    # the entities do not depend on the metadata; a Doc without them has none of it
    steps = ANALYSIS if doc._.newsgraph_entity_index is None else ANALYSIS[1:]
    if steps is ANALYSIS or not carries(doc, article):
        with stage_context(timer, "reanalysis"):
            set_article(doc, article)
            nlp = load_pipeline(settings.model, settings.summary_sentences)
            for name in steps:
                doc = nlp.get_pipe(name)(doc)
    with stage_context(timer, "digest"):
        events, main_event = _listed_events(doc._.newsgraph_events, doc._.newsgraph_main_event)
        references = doc._.newsgraph_references or {}
        return Digest(
            article=article,
            entities=with_reference_mentions(doc, doc._.newsgraph_entities, references),
            relations=tuple(doc._.newsgraph_relations),
            quotes=tuple(doc._.newsgraph_quotes),
            times=tuple(doc._.newsgraph_times),
            events=events,
            main_event=main_event,
            summary=tuple(doc._.newsgraph_summary),
            warnings=article.warnings,
        )


def _listed_events(
    events: Sequence[Event], main_event: MainEvent | None
) -> tuple[tuple[Event, ...], MainEvent | None]:
    """The typed events, and an untyped one only when it is the main event, numbered
    v1, v2 ... without gaps; the main event names its event by the new id."""
    main_id = main_event.event if main_event else None
    kept = [e for e in events if e.type != "other" or e.id == main_id]
    new_ids = {e.id: f"v{n}" for n, e in enumerate(kept, 1)}
    if main_event and main_id in new_ids:
        main_event = replace(main_event, event=new_ids[main_id])
    when = main_event.when if main_event else None
    dated = when is not None and when.value is not None

    def listed(event: Event) -> Event:
        changes: dict[str, object] = {"id": new_ids[event.id]}
        if dated and event.id == main_id and event.time is None and when is not None:
            # the headline's event ("Grand jury indicts ...") often has no date of its own
            # clause, while the lead dates the story ("on Friday indicted"): the main
            # event's "when" is then its time, said so by its basis
            changes["time"] = EventTime(when.text, when.value, basis="main")
        return replace(event, **changes)  # type: ignore[arg-type]

    return tuple(listed(e) for e in kept), main_event


def analyse_articles(
    articles: Iterable[Article], settings: Settings, timer: StageTimer | None = None
) -> Iterator[Digest]:
    """Digests for articles, in order, parsed in batches by this process's pipeline.

    Each article is first repaired and cut to the length the pipeline takes
    (``records.repair.prepare_article``); what was done is in the digest's ``warnings``.

    ``timer`` (benchmarks only) collects the CPU time of each pipeline component too.
    """
    nlp = load_pipeline(settings.model, settings.summary_sentences)
    limit = min(settings.max_chars, nlp.max_length)
    prepared = (prepare_article(a, limit) for a in articles)
    pairs = ((make_doc(nlp, a), a) for a in prepared)
    if timer is None:
        parsed = nlp.pipe(pairs, as_tuples=True, batch_size=settings.batch_size)
    else:
        parsed = pipe_timed(nlp, pairs, settings.batch_size, timer)
    for doc, article in parsed:
        yield digest_doc(article, doc, settings, timer)


def make_doc(nlp: Language, article: Article) -> Doc:
    """The article's unparsed Doc, carrying the metadata our components read."""
    doc = nlp.make_doc(article.text)
    set_article(doc, article)
    keep_text(doc, article.text)
    return doc


def analyse_texts(texts: Iterable[str], settings: Settings) -> Iterator[Digest]:
    """Digests for bare texts (no metadata), in order."""
    return analyse_articles((Article(text=t, id=article_id(t)) for t in texts), settings)


def as_article(item: str | Article, published: str | None = None) -> Article:
    """``item`` as an ``Article`` (a text gets its id from its content), dated
    ``published`` (ISO) when it carries no date."""
    article = Article(text=item, id=article_id(item)) if isinstance(item, str) else item
    if published and not article.published:
        article = replace(article, published=published)
    return article


def digest(
    text_or_article: str | Article,
    *,
    published: str | None = None,
    settings: Settings | None = None,
) -> Digest:
    """The digest of one article, given as text or as an ``Article``.

    ``published`` (ISO date) sets the creation time that relative dates are
    resolved against when the article carries none.
    """
    return next(analyse_articles([as_article(text_or_article, published)], settings or Settings()))
