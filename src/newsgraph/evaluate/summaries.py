"""ROUGE of newsgraph's summary on BBC News Summary, next to the lead-3 baseline.

The reference is the data set's extractive summary. Both systems give three
sentences, so the comparison is about which sentences, not how many.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from newsgraph.config import Settings
from newsgraph.evaluate.inputs import article_object, read_object
from newsgraph.evaluate.metrics import harmonic_mean, ratio, read_jsonl

_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def rouge_n(candidate: Sequence[str], reference: Sequence[str], n: int) -> float:
    """ROUGE-N F1 over token n-grams."""
    cand = Counter(tuple(candidate[i : i + n]) for i in range(len(candidate) - n + 1))
    ref = Counter(tuple(reference[i : i + n]) for i in range(len(reference) - n + 1))
    shared = sum((cand & ref).values())
    return harmonic_mean(ratio(shared, sum(cand.values())), ratio(shared, sum(ref.values())))


def rouge_l(candidate: Sequence[str], reference: Sequence[str]) -> float:
    """ROUGE-L F1: longest common subsequence of tokens."""
    if not candidate or not reference:
        return 0.0
    prev = [0] * (len(reference) + 1)
    for c in candidate:
        cur = [0]
        for j, ref_token in enumerate(reference):
            cur.append(prev[j] + 1 if c == ref_token else max(prev[j + 1], cur[j]))
        prev = cur
    lcs = prev[-1]
    return harmonic_mean(lcs / len(candidate), lcs / len(reference))


def _lead(text: str, k: int) -> str:
    body = " ".join(p.strip() for p in text.split("\n") if p.strip())
    return " ".join(_SENTENCE_END.split(body)[:k])


def evaluate_summaries(
    path: Path, *, limit: int = 300, every: int = 7, settings: Settings | None = None
) -> dict[str, dict[str, float]]:
    """Mean ROUGE-1/2/L F1 for newsgraph and lead-3 on every ``every``-th BBC article."""
    from newsgraph.analysis import analyse_articles

    settings = settings or Settings()
    records = list(read_jsonl(path))[::every][:limit]
    # each as a JSON article with its headline, read by the JSON reader as a user's file is
    articles = [
        read_object(article_object(r["article"], title=r["headline"], id=r["id"]), "bbc").article
        for r in records
    ]
    totals: dict[str, dict[str, float]] = {
        name: dict.fromkeys(("rouge-1", "rouge-2", "rouge-l"), 0.0)
        for name in ("newsgraph", "lead-3")
    }
    digests = analyse_articles(articles, settings)
    for rec, digest in zip(records, digests, strict=True):
        ref = _tokens(rec["extractive_summary"])
        for name, text in (
            ("newsgraph", " ".join(digest.summary)),
            ("lead-3", _lead(rec["article"], settings.summary_sentences)),
        ):
            cand = _tokens(text)
            totals[name]["rouge-1"] += rouge_n(cand, ref, 1)
            totals[name]["rouge-2"] += rouge_n(cand, ref, 2)
            totals[name]["rouge-l"] += rouge_l(cand, ref)
    n = len(records) or 1
    return {name: {k: v / n for k, v in sorted(c.items())} for name, c in totals.items()}


def format_report(report: dict[str, dict[str, float]]) -> str:
    lines = [f"{'system':<10} {'R-1':>6} {'R-2':>6} {'R-L':>6}"]
    for name, s in report.items():
        lines.append(f"{name:<10} {s['rouge-1']:6.3f} {s['rouge-2']:6.3f} {s['rouge-l']:6.3f}")
    return "\n".join(lines)
