"""``newsgraph digest``: articles in, digests out (pretty, json or jsonl)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from enum import Enum
from typing import Annotated

import typer

from newsgraph.cli import app, handle_errors, setup_logging
from newsgraph.config import Settings
from newsgraph.errors import InputError
from newsgraph.records import Article


class OutputFormat(str, Enum):
    pretty = "pretty"
    json = "json"
    jsonl = "jsonl"


@app.command("digest")
@handle_errors
def digest_command(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or - for stdin.")],
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
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Analyse news articles and print one digest per article.

    Example: newsgraph digest examples/ellison-case.txt --published 2024-11-02
    """
    from newsgraph.cli.output import Progress, write_digests
    from newsgraph.engine.local import run_digests
    from newsgraph.ingest import parse_published, read_inputs

    setup_logging(verbose)
    settings = Settings.from_env(processes=processes, max_bytes=max_bytes)
    fmt = output_format or (OutputFormat.pretty if sys.stdout.isatty() else OutputFormat.jsonl)
    when = parse_published(published) if published else None
    failures: list[InputError] = []

    def articles() -> Iterator[Article]:
        for item in read_inputs(paths, settings, published=when, stdin=sys.stdin):
            if isinstance(item, InputError):
                failures.append(item)
                print(f"newsgraph: error: {item}", file=sys.stderr)
            else:
                yield item

    with Progress(enabled=sys.stderr.isatty()) as progress:
        digests = progress.track(run_digests(articles(), settings))
        count = write_digests(digests, fmt.value, sys.stdout)
    if failures:
        print(f"newsgraph: {len(failures)} input(s) failed, {count} digested", file=sys.stderr)
        raise typer.Exit(1)
