"""The ``newsgraph`` command: a thin Typer app; each command calls one library function.

Errors newsgraph raises on purpose become a one-line message on stderr and the
error's exit code, here and nowhere else.
"""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from newsgraph.errors import ItemError, NewsgraphError

app = typer.Typer(
    name="newsgraph",
    help="Turn news articles into structured knowledge: who, who said what, what happened.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(
    help="Score newsgraph against gold data sets, next to a baseline.", no_args_is_help=True
)
app.add_typer(eval_app, name="eval")

F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(func: F) -> F:
    """Map NewsgraphError to a message on stderr and its exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except NewsgraphError as exc:
            print(f"newsgraph: error: {exc}", file=sys.stderr)
            raise typer.Exit(exc.exit_code) from None

    return wrapper  # type: ignore[return-value]  # same signature as func


# libraries that log on their own: their warnings ("discarding data: None" for a page
# trafilatura finds empty) are our debug detail; our own message says what went wrong
_LIBRARY_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer")


class _Format(logging.Formatter):
    """``newsgraph: warning: message``; a library's records name it: ``... trafilatura: ...``."""

    def format(self, record: logging.LogRecord) -> str:
        origin = "" if record.name.startswith("newsgraph") else f"{record.name.split('.')[0]}: "
        return f"newsgraph: {record.levelname.lower()}: {origin}{record.getMessage()}"


def setup_logging(verbose: bool = False) -> None:
    """Log to stderr in our format; with ``verbose``, debug detail and the libraries' logs."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Format())
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, handlers=[handler])
    for name in _LIBRARY_LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG if verbose else logging.CRITICAL)


class Reporter:
    """What a run tells on stderr about single inputs: each failure (with its traceback
    under ``--debug``) and each repair warning, naming the input; ``failed`` counts."""

    def __init__(self, debug: bool = False) -> None:
        self.debug = debug
        self.failed = 0

    def error(self, error: ItemError) -> None:
        self.failed += 1
        print(f"newsgraph: error: {error}", file=sys.stderr, flush=True)
        if self.debug and error.detail:
            print(error.detail.rstrip(), file=sys.stderr, flush=True)

    def warnings(self, source: str, warnings: tuple[str, ...]) -> None:
        for warning in warnings:
            print(f"newsgraph: warning: {source}: {warning}", file=sys.stderr, flush=True)


# Commands register themselves on import.
from newsgraph.cli import digest as _digest  # noqa: E402,F401
from newsgraph.cli import evaluate as _evaluate  # noqa: E402,F401

__all__ = ["Reporter", "app", "eval_app", "handle_errors", "setup_logging"]
from newsgraph.cli import entities as _entities  # noqa: E402,F401
from newsgraph.cli import entity as _entity  # noqa: E402,F401
from newsgraph.cli import export as _export  # noqa: E402,F401
from newsgraph.cli import ingest as _ingest  # noqa: E402,F401
from newsgraph.cli import quotes as _quotes  # noqa: E402,F401
from newsgraph.cli import serve as _serve  # noqa: E402,F401
from newsgraph.cli import stories as _stories  # noqa: E402,F401
from newsgraph.cli import story as _story  # noqa: E402,F401
from newsgraph.cli import timeline as _timeline  # noqa: E402,F401
