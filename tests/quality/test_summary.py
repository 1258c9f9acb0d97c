"""Quality gate: the summary beats the lead-3 baseline on BBC News Summary (ROUGE)."""

from __future__ import annotations

import pytest

from newsgraph.evaluate.summaries import evaluate_summaries, rouge_l, rouge_n
from tests.conftest import dataset_path

pytestmark = [pytest.mark.model, pytest.mark.dataset]


def test_rouge_measures_on_known_tokens() -> None:
    cand, ref = ["the", "cat", "sat"], ["the", "cat", "sat", "down"]
    assert rouge_n(cand, ref, 1) == pytest.approx(2 * 1 * 0.75 / 1.75)
    assert rouge_n(cand, ref, 2) == pytest.approx(2 * 1 * (2 / 3) / (1 + 2 / 3))
    assert rouge_l(["a", "x", "b"], ["a", "b"]) == pytest.approx(2 * (2 / 3) * 1 / (5 / 3))
    assert rouge_n([], ref, 1) == 0.0


def test_quality_summary_beats_lead3_on_bbc() -> None:
    path = dataset_path("bbc_news_summary", "bbc_news_summary.jsonl")
    report = evaluate_summaries(path, limit=100)
    ours, lead = report["newsgraph"], report["lead-3"]
    assert ours["rouge-1"] >= 0.52, ours
    assert ours["rouge-1"] - lead["rouge-1"] >= 0.03, (ours, lead)
    assert ours["rouge-l"] >= lead["rouge-l"], (ours, lead)
