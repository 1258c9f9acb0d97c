"""The measures every evaluation shares: P/R/F1, one-to-one span matching, JSONL reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.evaluate.metrics import (
    f1,
    greedy_pairs,
    harmonic_mean,
    overlap,
    overlap_pairs,
    prf,
    ratio,
    read_jsonl,
)


def test_prf_counts_hits_against_predicted_and_gold() -> None:
    precision, recall, score = prf(3, 4, 6)
    assert (precision, recall) == (0.75, 0.5)
    assert score == pytest.approx(0.6)
    assert f1(3, 4, 6) == score


def test_prf_is_zero_without_predictions_or_hits() -> None:
    assert prf(0, 0, 5) == (0.0, 0.0, 0.0)
    assert f1(0, 3, 3) == 0.0
    assert ratio(1, 0) == 0.0
    assert harmonic_mean(0.0, 0.0) == 0.0


def test_overlap_counts_shared_characters_only() -> None:
    assert overlap((0, 10), (5, 20)) == 5
    assert overlap((0, 5), (5, 9)) == 0  # touching spans share nothing
    assert overlap((0, 3), (7, 9)) == 0


def test_overlap_pairs_match_one_to_one_largest_overlap_first() -> None:
    gold = [(0, 10), (20, 30)]
    # (0, 4) overlaps gold 0 by 4, (2, 25) overlaps gold 0 by 8 and gold 1 by 5
    pred = [(0, 4), (2, 25)]
    assert overlap_pairs(gold, pred) == [(0, 1)]
    assert overlap_pairs(gold, [(0, 4), (22, 25)]) == [(0, 0), (1, 1)]


def test_overlap_pairs_break_ties_by_the_closer_start() -> None:
    # both predictions overlap the gold span by 2 characters; the one starting with it wins
    assert overlap_pairs([(10, 13)], [(9, 12), (10, 12)]) == [(0, 1)]


def test_greedy_pairs_take_the_smallest_key_and_use_each_index_once() -> None:
    candidates = [(2.0, 0, 0), (1.0, 0, 1), (3.0, 1, 1), (4.0, 1, 0)]
    assert greedy_pairs(candidates) == [(0, 1), (1, 0)]


def test_read_jsonl_skips_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text('{"a": 1}\n\n{"a": 2}\n', encoding="utf-8")
    assert [r["a"] for r in read_jsonl(path)] == [1, 2]


def test_read_jsonl_says_which_file_is_missing(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"absent\.jsonl"):
        read_jsonl(tmp_path / "absent.jsonl")
