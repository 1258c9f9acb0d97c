"""Quality gate: events on MEANTIME and WikiEvents dev, with pinned floors.

Measured (find_events over the spaCy parse; MEANTIME lines 0-5 as annotated):
MEANTIME trigger F1 0.850, argument F1 0.565, event-time accuracy 0.644
(explicit TIMEX3 anchors); WikiEvents dev typed trigger F1 0.487, argument F1
0.257. The floors sit a little below; raise them when quality rises.
"""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.evaluate.events import evaluate_events
from tests.conftest import dataset_path

FLOORS = {
    "MEANTIME": {"trigger_f1": 0.83, "argument_f1": 0.54, "time_accuracy": 0.60},
    "WikiEvents": {"trigger_class_f1": 0.46, "argument_f1": 0.23},
}


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    return evaluate_events(dataset_path("meantime"), dataset_path("wikievents"))


@pytest.mark.dataset
@pytest.mark.model
@pytest.mark.parametrize("dataset", sorted(FLOORS))
def test_event_scores_stay_above_the_floors(report: dict[str, Any], dataset: str) -> None:
    scores = report["datasets"][dataset]["newsgraph"]
    for measure, floor in FLOORS[dataset].items():
        assert scores[measure] >= floor, f"{dataset} {measure} {scores[measure]:.3f} < {floor}"


@pytest.mark.dataset
@pytest.mark.model
def test_events_beat_the_every_verb_baseline_on_meantime(report: dict[str, Any]) -> None:
    systems = report["datasets"]["MEANTIME"]
    assert systems["newsgraph"]["trigger_f1"] > systems["baseline"]["trigger_f1"] + 0.08
    assert systems["newsgraph"]["argument_f1"] > systems["baseline"]["argument_f1"]


@pytest.mark.dataset
@pytest.mark.model
def test_events_stay_cheap_next_to_the_parse(report: dict[str, Any]) -> None:
    # times (~5.6%) and events together may add at most 15% to the per-article time
    assert report["speed"]["events_share_of_nlp"] < 0.08
