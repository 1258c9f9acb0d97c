"""``newsgraph entity NAME``: one entity across the corpus."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from newsgraph.cli import app, handle_errors
from newsgraph.cli.corpus_output import (
    DbOption,
    FormatOption,
    LimitOption,
    QueryFormat,
    date_label,
    emit,
    span,
    table,
)
from newsgraph.records.corpus import EntityProfile, QuoteHit


@app.command("entity")
@handle_errors
def entity_command(
    name: Annotated[str, typer.Argument(help="A name (titles and case ignored) or an entity id.")],
    db: DbOption = None,
    output_format: FormatOption = QueryFormat.table,
    limit: LimitOption = 10,
) -> None:
    """Roles over time, names, related entities, quotes by and about, and the timeline.

    JSON fields: entity {id, name, type, article_count, first_seen, last_seen}, names and
    roles [{value, first_seen, last_seen, count}], related [{entity, articles, relations}],
    quotes_by / quotes_about (as `newsgraph quotes`), timeline (as `newsgraph timeline`),
    others (other entities the name may mean).

    Example: newsgraph entity "Sen. Ellison" --db corpus.db
    """
    from newsgraph.query import entity_profile, open_store

    with open_store(db) as store:
        profile = entity_profile(store, name, limit=limit)
    emit(profile, output_format, render_profile)


def _quotes(title: str, quotes: tuple[QuoteHit, ...]) -> object:
    return table(
        title,
        ["date", "speaker", "quote", "article"],
        [(q.published, q.speaker or q.speaker_text, q.content, q.title) for q in quotes],
    )


def render_profile(p: EntityProfile, out: Console) -> None:
    e = p.entity
    out.print(
        f"[bold]{e.name}[/bold] ({e.type}, {e.id}): {e.article_count} article(s), "
        f"{span(e.first_seen, e.last_seen)}"
    )
    if p.others:
        out.print("also named so: " + "; ".join(f"{o.name} ({o.type}, {o.id})" for o in p.others))
    for title, column, seen in (("Roles", "role", p.roles), ("Names", "name", p.names)):
        rows = [(s.value, span(s.first_seen, s.last_seen), s.count) for s in seen]
        out.print(table(title, [column, "seen", "articles"], rows))
    related = [
        (r.entity.name, r.entity.type, r.articles, ", ".join(r.relations)) for r in p.related
    ]
    out.print(table("Related", ["entity", "type", "shared articles", "relations"], related))
    out.print(_quotes("Quotes by", p.quotes_by))
    out.print(_quotes("Quotes about", p.quotes_about))
    events = [
        (date_label(t.date, t.uncertain), t.type, t.trigger, len(t.sources)) for t in p.timeline
    ]
    out.print(table("Timeline", ["when", "event", "trigger", "sources"], events))
