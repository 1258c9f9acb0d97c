"""``newsgraph stories``: groups of articles about one real-world story."""

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
from newsgraph.records.corpus import StoryRow


@app.command("stories")
@handle_errors
def stories_command(
    entity: Annotated[str | None, typer.Option(help="Only stories this entity is in.")] = None,
    db: DbOption = None,
    output_format: FormatOption = QueryFormat.table,
    limit: LimitOption = 50,
) -> None:
    """Stories, the most recently active first.

    JSON fields: id, title (its first article's), size (articles), first, last, names,
    article_ids (oldest first; JSON and JSON Lines only).

    Example: newsgraph stories --entity "Carla Mendes"
    """
    from newsgraph.query import open_store, stories

    with_articles = output_format is not QueryFormat.table
    with open_store(db) as store:
        found = stories(store, entity=entity, limit=limit, with_articles=with_articles)
    emit(found, output_format, render_stories)


def render_stories(found: list[StoryRow], out: Console) -> None:
    rows = [(s.id, s.title, s.size, span(s.first, s.last), ", ".join(s.names[:5])) for s in found]
    out.print(table(None, ["id", "title", "articles", "dates", "names"], rows))
