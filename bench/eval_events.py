"""Score events on MEANTIME and WikiEvents dev next to the every-verb baseline.

Usage: python bench/eval_events.py [MEANTIME_PATH [WIKIEVENTS_PATH]]
(defaults: ../shared/datasets/meantime and ../shared/datasets/wikievents)
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsgraph.evaluate.events import evaluate_events, format_report

REPO_ROOT = Path(__file__).resolve().parent.parent
DATASETS = REPO_ROOT.parent / "shared" / "datasets"


def main(argv: list[str]) -> int:
    meantime = Path(argv[0]) if argv else DATASETS / "meantime"
    wikievents = Path(argv[1]) if len(argv) > 1 else DATASETS / "wikievents"
    if not meantime.exists():
        print(
            f"{meantime} not found: pass the meantime folder as the first argument", file=sys.stderr
        )
        return 2
    report = evaluate_events(meantime, wikievents if wikievents.exists() else None)
    print(format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
