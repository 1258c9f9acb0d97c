"""``newsgraph entities``: list corpus entities by type or name."""

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
from newsgraph.records.corpus import EntitySummary


@app.command("entities")
@handle_errors
def entities_command(
    entity_type: Annotated[
        str | None, typer.Option("--type", help="PERSON, ORG, GPE, ... (spaCy labels).")
    ] = None,
    search: Annotated[str | None, typer.Option(help="Part of a name or alias.")] = None,
    db: DbOption = None,
    output_format: FormatOption = QueryFormat.table,
    limit: LimitOption = 50,
) -> None:
    """Entities, the most written-about first.

    JSON fields: id, name, type, article_count, first_seen, last_seen.

    Example: newsgraph entities --type PERSON --search ellison
    """
    from newsgraph.query import entities, open_store

    with open_store(db) as store:
        found = entities(store, type=entity_type, search=search, limit=limit)
    emit(found, output_format, render_entities)


def render_entities(found: list[EntitySummary], out: Console) -> None:
    rows = [(e.name, e.type, e.article_count, span(e.first_seen, e.last_seen), e.id) for e in found]
    out.print(table(None, ["name", "type", "articles", "seen", "id"], rows))
