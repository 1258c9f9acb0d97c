"""``newsgraph digest``: articles in, digests out (pretty, json or jsonl)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from enum import Enum
from typing import Annotated

import typer

from newsgraph.cli import Reporter, app, handle_errors, setup_logging
from newsgraph.config import Settings
from newsgraph.errors import ItemError
from newsgraph.records import Article, Digest

TIME_BUDGET_HELP = "Seconds one article may take before it is skipped (default 30; 0: none)."
FETCH_HELP = "Fetch the pages that feed entries link to (else use the feed's own text)."
ENGINE_HELP = "Where the analysis runs: local (processes) or ray (Ray actors; the ray extra)."
ADDRESS_HELP = "Ray cluster to join: auto (a running one) or ray://host:10001; default: start one."
WORKERS_HELP = "Ray worker actors, one CPU each (default: the cluster's CPUs)."


class OutputFormat(str, Enum):
    pretty = "pretty"
    json = "json"
    jsonl = "jsonl"


@app.command("digest")
@handle_errors
def digest_command(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, URLs or - for stdin.")],
    output_format: Annotated[
        OutputFormat | None,
        typer.Option("--format", "-f", help="pretty (default on a terminal), json or jsonl."),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(help="Creation date YYYY-MM-DD for inputs that carry none."),
    ] = None,
    processes: Annotated[
        int, typer.Option("--processes", "-p", min=1, help="Worker processes.")
    ] = 1,
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
    """Analyse news articles and print one digest per article.

    An input or article that fails is reported on stderr and the others are still
    digested; the exit status is then 1.

    Example: newsgraph digest examples/ellison-case.txt --published 2024-11-02
    """
    from newsgraph.cli.output import Progress, write_digests
    from newsgraph.engine import open_engine
    from newsgraph.ingest import parse_published, read_inputs

    setup_logging(verbose)
    settings = Settings.from_env(
        processes=processes, max_bytes=max_bytes, article_seconds=time_budget, fetch=fetch
    )
    fmt = output_format or (OutputFormat.pretty if sys.stdout.isatty() else OutputFormat.jsonl)
    when = parse_published(published) if published else None
    reporter = Reporter(debug)

    def articles() -> Iterator[Article]:
        for item in read_inputs(paths, settings, published=when, stdin=sys.stdin):
            if isinstance(item, ItemError):
                reporter.error(item)
            else:
                yield item

    def told(digests: Iterator[Digest]) -> Iterator[Digest]:
        for d in digests:
            reporter.warnings(d.article.source or d.article.id, d.warnings)
            yield d

    with (
        open_engine(engine, address=address, workers=workers) as runner,
        Progress(enabled=sys.stderr.isatty()) as progress,
    ):
        digests = progress.track(told(runner.digests(articles(), settings, reporter.error)))
        count = write_digests(digests, fmt.value, sys.stdout)
    if reporter.failed:
        print(f"newsgraph: {reporter.failed} input(s) failed, {count} digested", file=sys.stderr)
        raise typer.Exit(1)
