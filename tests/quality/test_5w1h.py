"""Quality gate: the main event's 5W1H answers on Giveme5W1H, with pinned floors.

Measured through the digest a user gets, each article read by the JSON reader as
news-please writes it (accuracy = share of answers with token F1 >= 0.5 against the
phrases of at least two coders): who 0.978, what 0.896, when 0.812, where 0.809,
mean over who/what/when/where 0.874 (half A 0.946, half B 0.807 of evaluate.halves;
the rules of 2026-12-02 were written on half A only); the lead-sentence baseline
0.277. Built by hand, as the evaluation did before issue 13, the code of then scored
0.847 (who 0.935, when 0.771, where 0.830), 0.832 read by the JSON reader. The rules
were written looking at these 48 articles; 24 other articles of the same gold standard
(not in ../shared) scored 0.73 when first tried, and a held-back test split is
measured by others, so these are development figures. The target is 0.82
(see issue 4): the mean's floor is the target; the others sit an answer or
two below the measured figures so that a loss fails loudly.
"""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.evaluate.fivew import (
    Tally,
    evaluate_5w1h,
    gold_answers,
    score_answer,
    token_f1,
)
from tests.conftest import dataset_path

FLOORS = {"who": 0.91, "what": 0.81, "when": 0.70, "where": 0.76}
MEAN_FLOOR = 0.82


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    return evaluate_5w1h(dataset_path("giveme5w1h"))


@pytest.mark.dataset
@pytest.mark.model
@pytest.mark.parametrize("question", sorted(FLOORS))
def test_5w1h_accuracy_stays_above_the_floors(report: dict[str, Any], question: str) -> None:
    accuracy = report["systems"]["newsgraph"]["questions"][question]["accuracy"]
    assert accuracy >= FLOORS[question], f"{question} {accuracy:.3f} < {FLOORS[question]}"


@pytest.mark.dataset
@pytest.mark.model
def test_5w1h_mean_beats_the_lead_baseline(report: dict[str, Any]) -> None:
    ours = report["systems"]["newsgraph"]["mean_accuracy_4w"]
    assert ours >= MEAN_FLOOR
    assert ours > report["systems"]["baseline"]["mean_accuracy_4w"] + 0.45


def test_token_f1_ignores_case_and_punctuation() -> None:
    assert token_f1("Taliban", "the TALIBAN.") == pytest.approx(2 / 3)
    assert token_f1("", "Taliban") == 0.0


def test_token_f1_folds_accents() -> None:
    assert token_f1("Mondelez International", "Mondelēz International") == 1.0


def test_gold_answers_decode_escapes_left_in_the_text() -> None:
    # the data set stores some phrases with their JSON escapes still in the decoded text
    record = {"fiveWoneH": {"what": {"annotated": [
        {"coderPhraseCount": 3, "text": "slams \\u2018rigged\\u2019 FBI"},
        {"coderPhraseCount": 2, "text": 'hails his \\"amazing\\" drive'},
    ]}}}  # fmt: skip
    gold = gold_answers(record)["what"]
    assert gold.phrases == ("slams ‘rigged’ FBI", 'hails his "amazing" drive')
    assert score_answer("slams 'rigged' FBI", gold) == 1.0


def test_gold_answers_keep_agreed_phrases_and_agreed_silence() -> None:
    record = {"fiveWoneH": {
        "where": {"annotated": [{"coderPhraseCount": 3}]},
        "why": {"annotated": [{"coderPhraseCount": 1, "text": "rain"}]},
        "who": {"annotated": [{"coderPhraseCount": 2, "text": "Taliban"}, {"coderPhraseCount": 0}]},
    }}  # fmt: skip
    gold = gold_answers(record)
    assert "why" not in gold  # no phrase with two coders: not scored
    assert gold["where"].none_ok and score_answer(None, gold["where"]) == 1.0
    assert score_answer("Kabul", gold["where"]) == 0.0
    assert not gold["who"].none_ok and score_answer(None, gold["who"]) == 0.0


def test_tally_keeps_each_scored_answer_for_comparisons() -> None:
    record = {"fiveWoneH": {
        "who": {"annotated": [{"coderPhraseCount": 3, "text": "Taliban"}]},
        "when": {"annotated": [{"coderPhraseCount": 2}]},
    }}  # fmt: skip
    tally = Tally()
    tally.add("a1", {"who": "Taliban", "when": {"text": "Sunday", "value": "2016-11-13"}},
              gold_answers(record))  # fmt: skip
    assert tally.answers == [("a1", "who", "Taliban", 1.0), ("a1", "when", "Sunday", 0.0)]
    assert tally.scores()["questions"]["when"]["accuracy"] == 0.0
