"""Quality gate: time expressions on the TempEval-3 training data, with pinned floors.

Measured (the digest's times, the DCT as publication date and not scored): TimeBank value F1
0.819, AQUAINT 0.810; strict span F1 0.892 / 0.835. The floors sit a little
below; raise them when quality rises.
"""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.evaluate.tempeval import evaluate_times
from tests.conftest import dataset_path

FLOORS = {
    "TimeBank": {"strict_f1": 0.87, "relaxed_f1": 0.92, "value_f1": 0.80},
    "AQUAINT": {"strict_f1": 0.81, "relaxed_f1": 0.91, "value_f1": 0.79},
}


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    return evaluate_times(dataset_path("tempeval3"))


@pytest.mark.dataset
@pytest.mark.model
@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_times_scores_stay_above_the_floors(report: dict[str, Any], corpus: str) -> None:
    scores = report["corpora"][corpus]["newsgraph"]
    for measure, floor in FLOORS[corpus].items():
        assert scores[measure] >= floor, f"{corpus} {measure} {scores[measure]:.3f} < {floor}"


@pytest.mark.dataset
@pytest.mark.model
@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_times_beat_the_baseline_on_value_f1(report: dict[str, Any], corpus: str) -> None:
    systems = report["corpora"][corpus]
    assert systems["newsgraph"]["value_f1"] > systems["baseline"]["value_f1"] + 0.2
