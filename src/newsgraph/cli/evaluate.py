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


@eval_app.command("summaries")
@handle_errors
def eval_summaries(
    bbc: Annotated[Path, typer.Option(help="BBC News Summary JSON Lines file.")],
    limit: Annotated[int, typer.Option(help="How many articles (every 7th is taken).")] = 300,
) -> None:
    """ROUGE-1/2/L of the digest summary and of lead-3 against BBC's reference summaries.

    Example: newsgraph eval summaries --bbc bbc_news_summary/bbc_news_summary.jsonl
    """
    from newsgraph.evaluate.summaries import evaluate_summaries, format_report

    typer.echo(format_report(evaluate_summaries(bbc, limit=limit)))


@eval_app.command("times")
@handle_errors
def eval_times(
    tempeval: Annotated[Path, typer.Option(help="The tempeval3 folder or one of its files.")],
    limit: Annotated[int | None, typer.Option(help="Documents per corpus.")] = None,
) -> None:
    """Span, type and value scores of time expressions on TempEval-3, with a baseline.

    Example: newsgraph eval times --tempeval ../shared/datasets/tempeval3
    """
    from newsgraph.evaluate.tempeval import evaluate_times, format_report

    typer.echo(format_report(evaluate_times(tempeval, limit=limit)))


@eval_app.command("events")
@handle_errors
def eval_events(
    meantime: Annotated[Path, typer.Option(help="The meantime folder or its JSONL file.")],
    wikievents: Annotated[Path | None, typer.Option(help="WikiEvents dev JSONL.")] = None,
    limit: Annotated[int | None, typer.Option(help="Documents per corpus.")] = None,
) -> None:
    """Trigger, argument and event-time scores on MEANTIME (and WikiEvents), with a baseline.

    Example: newsgraph eval events --meantime ../shared/datasets/meantime
    """
    from newsgraph.evaluate.events import evaluate_events, format_report

    typer.echo(format_report(evaluate_events(meantime, wikievents, limit=limit)))


@eval_app.command("5w1h")
@handle_errors
def eval_5w1h(
    giveme: Annotated[Path, typer.Option(help="The giveme5w1h folder.")],
    limit: Annotated[int | None, typer.Option(help="Score only the first N articles.")] = None,
) -> None:
    """Main-event answers (who/what/when/where/why/how) on Giveme5W1H, with a lead baseline.

    Example: newsgraph eval 5w1h --giveme ../shared/datasets/giveme5w1h
    """
    from newsgraph.evaluate.fivew import evaluate_5w1h, format_report

    typer.echo(format_report(evaluate_5w1h(giveme, limit=limit)))


@eval_app.command("quotes")
@handle_errors
def eval_quotes(
    polnear: Annotated[Path, typer.Option(help="The polnear folder or polnear_dev.jsonl.")],
    limit: Annotated[int | None, typer.Option(help="Score only the first N documents.")] = None,
) -> None:
    """Quote content, speaker and end-to-end scores on PolNeAR, with a rule-set baseline.

    Example: newsgraph eval quotes --polnear ../shared/datasets/polnear
    """
    from newsgraph.evaluate.polnear import evaluate_quotes, format_report

    typer.echo(format_report(evaluate_quotes(polnear, limit=limit)))


@eval_app.command("eventcoref")
@handle_errors
def eval_eventcoref(
    ecbplus: Annotated[Path, typer.Option(help="The ecbplus folder (ECB+/ and the CSV).")],
    topics: Annotated[str, typer.Option(help="Topics, e.g. 36-45 (test) or 1-35.")] = "36-45",
    seed: Annotated[int, typer.Option(help="Seed of the arrival order.")] = 0,
) -> None:
    """Cross-document event coreference (CoNLL F1) on ECB+, beside same-lemma.

    Example: newsgraph eval eventcoref --ecbplus ../shared/datasets/ecbplus
    """
    from newsgraph.evaluate.eventcoref import evaluate_eventcoref, format_report, parse_topics

    report = evaluate_eventcoref(ecbplus, topics=parse_topics(topics), seed=seed)
    typer.echo(format_report(report))


@eval_app.command("timelines")
@handle_errors
def eval_timelines(
    semeval: Annotated[Path, typer.Option(help="A SemEval-2015 Task 4 corpus folder.")],
    system: Annotated[
        Path | None, typer.Option(help="Score this folder of <target>.txt timelines instead.")
    ] = None,
    out: Annotated[Path | None, typer.Option(help="Write our timelines to this folder.")] = None,
    per_target: Annotated[bool, typer.Option(help="Also print each target's scores.")] = False,
) -> None:
    """Temporal awareness P/R/F1 of target-entity timelines (SemEval-2015 Task 4, Track A).

    Example: newsgraph eval timelines --semeval ../shared/datasets/semeval2015_timeline/trial_apple
    """
    from newsgraph.evaluate.timelines import evaluate_timelines, format_report

    report = evaluate_timelines(semeval, system=system, out=out)
    typer.echo(format_report(report, per_target=per_target))
