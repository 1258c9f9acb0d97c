"""Score time expressions on TempEval-3 (TimeBank + AQUAINT) next to the baseline.

Usage: python bench/eval_times.py [PATH]   (default: ../shared/datasets/tempeval3)
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsgraph.evaluate.tempeval import evaluate_times, format_report

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT = REPO_ROOT.parent / "shared" / "datasets" / "tempeval3"


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    if not path.exists():
        print(f"{path} not found: pass the tempeval3 folder as the first argument", file=sys.stderr)
        return 2
    print(format_report(evaluate_times(path)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
