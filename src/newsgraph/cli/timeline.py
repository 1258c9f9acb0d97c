"""``newsgraph timeline``: what happened to an entity or in a story, by event date."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from newsgraph.cli import app, handle_errors
from newsgraph.cli.corpus_output import DbOption, FormatOption, QueryFormat, date_label, emit
from newsgraph.records.corpus import TimelineEntry


@app.command("timeline")
@handle_errors
def timeline_command(
    name: Annotated[str | None, typer.Argument(help="Entity name or id.")] = None,
    story: Annotated[str | None, typer.Option("--story", help="A story id instead.")] = None,
    everything: Annotated[
        bool, typer.Option("--all", help="Every event, statements and one-off mentions too.")
    ] = False,
    kinds: Annotated[
        str | None,
        typer.Option(
            "--kinds",
            help="Only these families or types, comma-separated: legal, violence, disaster, "
            "politics, business, speech, other, or a type (sentencing, shooting ...).",
        ),
    ] = None,
    db: DbOption = None,
    output_format: FormatOption = QueryFormat.table,
) -> None:
    """Events ordered by when they happened; one entry per real event, listing every source.

    By default the salient events: reported by several articles, an article's main event,
    or a legal, violent or political milestone that the text dates. Statements ("X said")
    only with --all or --kinds speech. "~" marks an uncertain date (a guessed year, or the
    publication date standing in). JSON fields: date, precision (day|month|year|unknown),
    uncertain, basis (clause|linked|event: the text's own time; published|none), type,
    trigger, place, participants, sources [{article_id, title, published, url, sentence,
    event_id}], id (the corpus event), genre, source_count.

    Example: newsgraph timeline "Mark Ellison" --kinds legal  |  newsgraph timeline --story s1a2b3
    """
    from newsgraph.query import open_store, timeline

    wanted = kinds.split(",") if kinds is not None else None
    with open_store(db) as store:
        entries = timeline(store, name, story=story, everything=everything, kinds=wanted)
    emit(list(entries), output_format, render_timeline)


def render_timeline(entries: list[TimelineEntry], out: Console) -> None:
    if not entries:
        out.print("no events")
    for entry in entries:
        who = f" - {', '.join(entry.participants)}" if entry.participants else ""
        where = f" in {entry.place}" if entry.place else ""
        basis = escape(f" [{entry.precision}, {entry.basis}]")
        out.print(
            f"[bold]{date_label(entry.date, entry.uncertain)}[/bold]{basis}  {entry.type} "
            f"({entry.trigger}){where}{who}  ({entry.source_count} article(s))",
            highlight=False,
            markup=True,
        )
        for s in entry.sources:
            out.print(f"    {s.published or '?'}  {s.title or s.article_id}  {s.url or ''}")
            out.print(f"      {s.sentence}", style="dim")
