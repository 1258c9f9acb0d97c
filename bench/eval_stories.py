"""Story clustering B-cubed F1 on ECB+ sub-topics, with embeddings-only and names-only rows.

Usage: python bench/eval_stories.py [ECBPLUS_DIR]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsgraph.evaluate.stories import evaluate_stories, format_report

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "datasets" / "ecbplus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    args = parser.parse_args()
    print(format_report(evaluate_stories(args.path)))


if __name__ == "__main__":
    main()
