"""Output of the corpus query commands: a readable table, or JSON / JSON Lines of records.

``--format json`` prints one JSON document (a list, or an object for a single
record); ``--format jsonl`` one record per line. Field names are the record
fields of ``newsgraph.records.corpus``, stable across versions.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from enum import Enum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from newsgraph.records.corpus import as_dict

DB_HELP = (
    "Store: a SQLite path, sqlite:///path or postgresql://... "
    "(default NEWSGRAPH_DB, else ./newsgraph.db)."
)


class QueryFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


DbOption = Annotated[str | None, typer.Option("--db", help=DB_HELP)]
FormatOption = Annotated[
    QueryFormat,
    typer.Option("--format", "-f", help="table (readable), json (one document) or jsonl."),
]
LimitOption = Annotated[int, typer.Option(min=1, help="At most this many rows.")]


def console() -> Console:
    return Console(file=sys.stdout, soft_wrap=False)


def emit(
    data: Any,
    fmt: QueryFormat,
    render: Callable[[Any, Console], None],
) -> None:
    """Print ``data`` (a record or a list of records) as ``fmt``."""
    if fmt is QueryFormat.json:
        sys.stdout.write(json.dumps(as_dict(data), ensure_ascii=False, indent=2) + "\n")
    elif fmt is QueryFormat.jsonl:
        for item in data if isinstance(data, (list, tuple)) else [data]:
            sys.stdout.write(json.dumps(as_dict(item), ensure_ascii=False) + "\n")
    else:
        render(data, console())


def table(title: str | None, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> Table:
    out = Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        out.add_column(column, overflow="fold")
    for row in rows:
        out.add_row(*("" if v is None else str(v) for v in row))
    return out


def span(first: str | None, last: str | None) -> str:
    """ "2024-06 .. 2024-11", or one date when both are the same."""
    if first == last:
        return first or ""
    return f"{first or '?'} .. {last or '?'}"


def date_label(date: str | None, uncertain: bool) -> str:
    """An event date, with "~" marking a guessed one."""
    return ("~" if uncertain else "") + (date or "undated")
