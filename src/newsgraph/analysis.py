"""The per-article analysis: a pure function from an ``Article`` to its ``Digest``.

``digest_doc`` runs the extractors over a parsed ``Doc``; ``analyse_articles``
parses in batches with the cached pipeline. Both are safe to call in worker
processes: the only state is the per-process pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.config import Settings
from newsgraph.extract.entities.index import EntityIndex, index_entities
from newsgraph.extract.entities.roles import find_roles_and_relations
from newsgraph.extract.events.find import find_events
from newsgraph.extract.main_event.find import find_main_event
from newsgraph.extract.quotes.find import find_quotes
from newsgraph.extract.references.coref import resolve_references, with_reference_mentions
from newsgraph.extract.summary import summarise
from newsgraph.extract.times.find import find_times
from newsgraph.nlp.doc import keep_text
from newsgraph.nlp.layout import keep_article
from newsgraph.nlp.pipeline import load_pipeline
from newsgraph.records import Article, Digest, Entity, Relation, article_id
from newsgraph.timing import StageTimer, stage_context


def entities_and_roles(doc: Doc) -> tuple[EntityIndex, tuple[Entity, ...], list[Relation]]:
    """The document's entities with their roles filled, and the relations found."""
    index = index_entities(doc)
    roles, relations = find_roles_and_relations(doc, index)
    entities = tuple(
        replace(ent, roles=roles.get(ent.id, ())) if ent.id in roles else ent
        for ent in index.entities
    )
    return index, entities, relations


def digest_doc(
    article: Article, doc: Doc, settings: Settings, timer: StageTimer | None = None
) -> Digest:
    """Everything the extractors find in one parsed article.

    ``timer`` (benchmarks only) collects the CPU time of each stage.
    """
    with stage_context(timer, "entities"):
        index, entities, relations = entities_and_roles(doc)
    with stage_context(timer, "quotes"):
        quotes = find_quotes(doc, entities)  # after roles: "the spokeswoman said" needs them
    with stage_context(timer, "summary"):
        summary = summarise(
            doc,
            entities,
            body_start=article.body_start,
            title=article.title,
            max_sentences=settings.summary_sentences,
        )
    with stage_context(timer, "times"):
        times = find_times(article.text, article.published, doc)
    with stage_context(timer, "coreference"):
        references = resolve_references(doc, entities, quotes)
    with stage_context(timer, "events"):
        events = find_events(
            doc, index, times, article.published, quotes=quotes, references=references
        )
        main_event = find_main_event(doc, events, entities, times, article)
        # the digest lists typed events; an untyped one only when it is the main event
        main_id = main_event.event if main_event else None
        kept = [e for e in events if e.type != "other" or e.id == main_id]
        new_ids = {e.id: f"v{n}" for n, e in enumerate(kept, 1)}  # v1, v2 ... without gaps
        events = [replace(e, id=new_ids[e.id]) for e in kept]
        if main_event and main_id in new_ids:
            main_event = replace(main_event, event=new_ids[main_id])
    return Digest(
        article=article,
        entities=with_reference_mentions(doc, entities, references),
        relations=tuple(relations),
        quotes=tuple(quotes),
        times=tuple(times),
        events=tuple(events),
        main_event=main_event,
        summary=tuple(summary),
    )


def analyse_articles(
    articles: Iterable[Article], settings: Settings, timer: StageTimer | None = None
) -> Iterator[Digest]:
    """Digests for articles, in order, parsed in batches by this process's pipeline."""
    nlp = load_pipeline(settings.model)
    pairs = ((make_doc(nlp, a), a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=settings.batch_size):
        yield digest_doc(article, doc, settings, timer)


def make_doc(nlp: Language, article: Article) -> Doc:
    """The article's unparsed Doc, carrying its header (body start, title, dek) for our
    components and ``nlp.layout``."""
    doc = nlp.make_doc(article.text)
    keep_article(doc, article)
    keep_text(doc, article.text)
    return doc


def analyse_texts(texts: Iterable[str], settings: Settings) -> Iterator[Digest]:
    """Digests for bare texts (no metadata), in order."""
    return analyse_articles((Article(text=t, id=article_id(t)) for t in texts), settings)


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
    settings = settings or Settings()
    if isinstance(text_or_article, str):
        article = Article(text=text_or_article, id=article_id(text_or_article))
    else:
        article = text_or_article
    if published and not article.published:
        article = replace(article, published=published)
    return next(analyse_articles([article], settings))
