"""ROUGE of the digest summary against BBC News Summary references, next to lead-3.

Usage: python bench/eval_summary.py [BBC_JSONL] [--limit 300]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsgraph.evaluate.summaries import evaluate_summaries, format_report

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "datasets" / "bbc_news_summary" / "bbc_news_summary.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=300)
    args = parser.parse_args()
    print(format_report(evaluate_summaries(args.path, limit=args.limit)))


if __name__ == "__main__":
    main()
