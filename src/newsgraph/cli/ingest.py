"""``newsgraph ingest``: analyse articles and store them in the corpus (SQLite or PostgreSQL)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from newsgraph.cli import Reporter, app, handle_errors, setup_logging
from newsgraph.cli.corpus_output import DB_HELP
from newsgraph.cli.digest import (
    ADDRESS_HELP,
    ENGINE_HELP,
    FETCH_HELP,
    TIME_BUDGET_HELP,
    WORKERS_HELP,
)


@app.command("ingest")
@handle_errors
def ingest_command(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, URLs or - for stdin.")],
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
    published: Annotated[
        str | None, typer.Option(help="Creation date YYYY-MM-DD for inputs that carry none.")
    ] = None,
    processes: Annotated[
        int, typer.Option("--processes", "-p", min=1, help="Worker processes.")
    ] = 1,
    commit_every: Annotated[
        int, typer.Option(min=1, help="Articles per transaction (also committed every 2 s).")
    ] = 32,
    max_bytes: Annotated[
        int | None, typer.Option(help="Refuse inputs larger than this (default 1 MB).")
    ] = None,
    time_budget: Annotated[float | None, typer.Option(help=TIME_BUDGET_HELP)] = None,
    fetch: Annotated[bool, typer.Option(help=FETCH_HELP)] = True,
    engine: Annotated[str, typer.Option(help=ENGINE_HELP)] = "local",
    address: Annotated[str | None, typer.Option(help=ADDRESS_HELP)] = None,
    workers: Annotated[int | None, typer.Option(min=1, help=WORKERS_HELP)] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
    debug: Annotated[bool, typer.Option(help="Show the traceback of a failed article.")] = False,
) -> None:
    """Analyse news articles and store them, with their entities linked across articles.

    Articles already stored with the same text are skipped; a changed text for the
    same URL replaces the old version. Safe to interrupt: rerun to continue. An input
    or article that fails is reported on stderr and the others are stored; the exit
    status is then 1.

    Example: newsgraph ingest examples/ --db corpus.db --published 2024-11-02
    """
    from newsgraph.config import Settings
    from newsgraph.engine import open_engine
    from newsgraph.ingest import parse_published, read_inputs
    from newsgraph.pipeline.build import IngestReport, ingest
    from newsgraph.store import Store

    setup_logging(verbose)
    settings = Settings.from_env(
        processes=processes, max_bytes=max_bytes, article_seconds=time_budget, fetch=fetch
    )
    when = parse_published(published) if published else None
    reporter = Reporter(debug)

    def progress(report: IngestReport) -> None:
        if sys.stderr.isatty() or verbose:
            print(
                f"\rnewsgraph: {report.stored} stored, {report.skipped} already stored",
                end="",
                file=sys.stderr,
                flush=True,
            )

    with open_engine(engine, address=address, workers=workers) as runner, Store.open(db) as store:
        items = read_inputs(paths, settings, published=when, stdin=sys.stdin)
        report = ingest(
            items,
            store,
            settings,
            on_error=reporter.error,
            on_warnings=reporter.warnings,
            on_progress=progress,
            commit_every=commit_every,
            engine=runner,
        )
        where = store.url
    if sys.stderr.isatty() or verbose:
        print(file=sys.stderr)
    print(
        f"newsgraph: {report.added} added, {report.updated} updated, "
        f"{report.skipped} already stored, {report.failed} failed -> {where}",
        file=sys.stderr,
    )
    if report.failed:
        raise typer.Exit(1)
