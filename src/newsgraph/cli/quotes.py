"""``newsgraph quotes``: who said what, across the corpus."""

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
    table,
)
from newsgraph.records.corpus import QuoteHit


@app.command("quotes")
@handle_errors
def quotes_command(
    by: Annotated[str | None, typer.Option(help="Speaker name or entity id.")] = None,
    about: Annotated[str | None, typer.Option(help="Entity named inside the quote.")] = None,
    search: Annotated[str | None, typer.Option(help="Words the quote contains (all).")] = None,
    since: Annotated[str | None, typer.Option(help="From this date (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date, inclusive.")] = None,
    db: DbOption = None,
    output_format: FormatOption = QueryFormat.table,
    limit: LimitOption = 50,
) -> None:
    """Quotes with speaker, date, article and context, newest first.

    JSON fields: article_id, quote_id, content, kind, act, speaker_id, speaker,
    speaker_text, published, title, url, context.

    Example: newsgraph quotes --by Whitfield --about "attorney general" --since 2024
    """
    from newsgraph.query import open_store, quotes

    with open_store(db) as store:
        found = quotes(
            store, by=by, about=about, search=search, since=since, until=until, limit=limit
        )
    emit(found, output_format, render_quotes)


def render_quotes(found: list[QuoteHit], out: Console) -> None:
    rows = [(q.published, q.speaker or q.speaker_text, q.content, q.title) for q in found]
    out.print(table(None, ["date", "speaker", "quote", "article"], rows))
