"""``newsgraph eval ...``: score newsgraph on gold data, next to a baseline, in one run."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli import eval_app, handle_errors


@eval_app.command("entities")
@handle_errors
def eval_entities(
    conll: Annotated[Path, typer.Option(help="A CoNLL-2003 file (e.g. conllpp_dev.txt).")],
    limit: Annotated[int | None, typer.Option(help="Score only the first N documents.")] = None,
) -> None:
    """Entity F1 of newsgraph and of the bare spaCy model on CoNLL-2003.

    Example: newsgraph eval entities --conll ../shared/datasets/conll2003/conllpp_dev.txt
    """
    from newsgraph.evaluate.conll import evaluate_entities, format_report

    typer.echo(format_report(evaluate_entities(conll, limit=limit)))
