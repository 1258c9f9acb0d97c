"""``newsgraph export``: the corpus as JSON Lines, Parquet or GraphML files."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli import app, handle_errors
from newsgraph.cli.corpus_output import DbOption


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    parquet = "parquet"
    graphml = "graphml"


@app.command("export")
@handle_errors
def export_command(
    output_format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="jsonl, parquet or graphml.")
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder (jsonl, parquet) or .graphml file.")
    ] = Path("newsgraph-export"),
    db: DbOption = None,
) -> None:
    """Export entities, relations, quotes, events and timelines.

    jsonl/parquet: entities, relations, quotes, events, timelines .jsonl/.parquet in --out
    (in Parquet, nested lists are JSON text). graphml: entities as nodes, relations and
    co-occurrence (weight = shared articles) as edges.

    Example: newsgraph export --format parquet --out corpus-export/
    """
    from newsgraph.query import open_store
    from newsgraph.query.export import export

    with open_store(db) as store:
        written = export(store, output_format.value, out)
    for path in written:
        print(f"newsgraph: wrote {path}", file=sys.stderr)
