"""``newsgraph story ID``: one story, its articles, the people in it and its timeline."""

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
    emit,
    span,
    table,
)
from newsgraph.cli.timeline import render_timeline
from newsgraph.records.corpus import StoryView


@app.command("story")
@handle_errors
def story_command(
    story_id: Annotated[str, typer.Argument(help="A story id (see `newsgraph stories`).")],
    db: DbOption = None,
    output_format: FormatOption = QueryFormat.table,
    limit: LimitOption = 50,
) -> None:
    """One story: its articles (newest first), the people and organisations named in it
    (the most often named first) and its timeline (as `newsgraph timeline --story`).

    JSON fields: story (as `newsgraph stories`), articles [{id, title, published, url,
    source, story_id}], members [{entity, articles}], timeline.

    Example: newsgraph story s1a2b3c4d5e6 --db corpus.db
    """
    from newsgraph.query import open_store, story

    with open_store(db) as store:
        view = story(store, story_id, limit=limit)
    emit(view, output_format, render_story)


def render_story(view: StoryView, out: Console) -> None:
    s = view.story
    out.print(
        f"[bold]{s.title or s.id}[/bold] ({s.id}): {s.size} article(s), {span(s.first, s.last)}"
    )
    rows = [(a.published, a.title, a.source, a.url) for a in view.articles]
    out.print(table("Articles", ["published", "title", "source", "url"], rows))
    people = [
        (m.entity.name, m.entity.type, m.articles)
        for m in view.members
        if m.entity.type in ("PERSON", "ORG")
    ][:20]
    out.print(table("People and organisations", ["name", "type", "articles"], people))
    out.print("[bold]Timeline[/bold]")
    render_timeline(list(view.timeline), out)
