"""Score events on MEANTIME and WikiEvents dev next to the every-verb baseline.

Usage: python bench/eval_events.py [MEANTIME_PATH [WIKIEVENTS_PATH]] [--half A]
[--time-errors]
(defaults: ../shared/datasets/meantime and ../shared/datasets/wikievents).
``--half A`` scores one half of the documents only (``evaluate.halves``);
``--time-errors`` then lists MEANTIME's events whose time is not their anchor's, by
class, to develop on half A without reading half B.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from newsgraph.evaluate.events import PUBLISHED, TimeMiss, evaluate_events, format_report

REPO_ROOT = Path(__file__).resolve().parent.parent
DATASETS = REPO_ROOT.parent / "shared" / "datasets"


def miss_class(miss: TimeMiss) -> str:
    """Why a matched event's time is wrong, from the gold anchor and what we gave."""
    pred, types = miss.pred, {t for _, t, _ in miss.gold.anchors}
    texts = [text for text, _, _ in miss.gold.anchors]
    if types <= {"DURATION", "SET"}:
        return "anchor is a duration"
    if pred.time_basis == PUBLISHED or pred.time is None:
        ours = [text for text, _ in pred.sentence_times]
        if not ours:
            return "no time in the sentence (publication date given)"
        if any(_overlaps(text, ours) for text in texts):
            return "the anchor found but not taken (publication date given)"
        return "a time in the sentence, not the anchor (publication date given)"
    if any(_overlaps(text, [pred.time_text]) for text in texts):
        return "the anchor taken, its value differs"
    return "another time expression taken"


def _overlaps(text: str, others: list[str]) -> bool:
    words = set(text.lower().split())
    return any(words & set(o.lower().split()) for o in others)


def print_misses(misses: list[TimeMiss]) -> None:
    by_class: dict[str, list[TimeMiss]] = defaultdict(list)
    for miss in misses:
        by_class[miss_class(miss)].append(miss)
    for name, group in sorted(by_class.items(), key=lambda kv: -len(kv[1])):
        print(f"\n## {name}: {len(group)}")
        for miss in group:
            gold = "; ".join(f"{text!r} {kind} {value}" for text, kind, value in miss.gold.anchors)
            pred = miss.pred
            print(f"- {miss.doc_id} gold {gold} | ours {pred.time_text!r} {pred.time} "
                  f"({pred.time_basis})")  # fmt: skip
            print(f"    {pred.sentence.strip()[:240]}")
            print(f"    times: {list(pred.sentence_times)}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("meantime", nargs="?", type=Path, default=DATASETS / "meantime")
    parser.add_argument("wikievents", nargs="?", type=Path, default=DATASETS / "wikievents")
    parser.add_argument("--half", choices=("A", "B"), default=None)
    parser.add_argument("--time-errors", action="store_true")
    args = parser.parse_args(argv)
    if not args.meantime.exists():
        print(f"{args.meantime} not found: pass the meantime folder as the first argument",
              file=sys.stderr)  # fmt: skip
        return 2
    wikievents = args.wikievents if args.wikievents.exists() else None
    report = evaluate_events(args.meantime, wikievents, half=args.half)
    print(format_report(report))
    if args.time_errors:
        print_misses(report["time_misses"]["newsgraph"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
