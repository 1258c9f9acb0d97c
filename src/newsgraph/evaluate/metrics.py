"""What every evaluation shares: precision, recall and F1, one-to-one span matching, JSONL.

Spans are ``(start, end)`` character offsets, end exclusive, as in the records.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError

Span = tuple[int, int]


def ratio(part: float, whole: float) -> float:
    """``part / whole``, or 0.0 when there is nothing to divide by."""
    return part / whole if whole else 0.0


def harmonic_mean(precision: float, recall: float) -> float:
    """F1 from precision and recall; 0.0 when both are 0."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``hits`` right answers among ``predicted``, for ``gold``."""
    precision, recall = ratio(hits, predicted), ratio(hits, gold)
    return precision, recall, harmonic_mean(precision, recall)


def f1(hits: int, predicted: int, gold: int) -> float:
    """The F1 of ``prf``."""
    return prf(hits, predicted, gold)[2]


def overlap(a: Span, b: Span) -> int:
    """How many characters two spans share (0 when they are apart or only touch)."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def greedy_pairs(candidates: Iterable[tuple[Any, int, int]]) -> list[tuple[int, int]]:
    """One-to-one ``(i, j)`` pairs from ``(key, i, j)`` candidates, the smallest key first.

    A candidate is taken when neither its ``i`` nor its ``j`` is in a pair yet: the
    usual greedy matching of predictions to gold items.
    """
    used_i: set[int] = set()
    used_j: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates):
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            pairs.append((i, j))
    return pairs


def overlap_pairs(gold: Sequence[Span], pred: Sequence[Span]) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs of overlapping spans.

    The largest overlap first; on a tie, the pair whose starts are closer.
    """
    return greedy_pairs(
        ((-shared, abs(g[0] - p[0])), i, j)
        for i, g in enumerate(gold)
        for j, p in enumerate(pred)
        if (shared := overlap(g, p)) > 0
    )


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a JSON Lines file, blank lines skipped.

    Raises ``InputError`` when the file is missing, before the first record.
    """
    if not path.is_file():
        raise InputError(str(path), "data set file not found")
    return _records(path)


def _records(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)
