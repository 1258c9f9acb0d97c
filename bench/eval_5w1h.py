"""Score the main event's 5W1H answers on Giveme5W1H next to the lead-sentence baseline.

Usage: python bench/eval_5w1h.py [PATH] [--errors]   (default: ../shared/datasets/giveme5w1h)
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsgraph.evaluate.fivew import evaluate_5w1h, format_report

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT = REPO_ROOT.parent / "shared" / "datasets" / "giveme5w1h"


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    path = Path(args[0]) if args else DEFAULT
    if not path.exists():
        print(
            f"{path} not found: pass the giveme5w1h folder as the first argument", file=sys.stderr
        )
        return 2
    report = evaluate_5w1h(path)
    print(format_report(report))
    if "--errors" in argv:
        print("\n".join(report["errors"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
