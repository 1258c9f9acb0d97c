"""Score time expressions on TempEval-3 (TimeBank + AQUAINT) next to the baseline.

``--classes A`` also prints, for half A (``evaluate.halves``), the found times by pattern
kind (right value, wrong value, spurious) and the missed gold times by type; ``--errors A``
lists half A's value errors as gold vs system. Develop on half A; look at half B's
figures, not its articles.

Usage: python bench/eval_times.py [PATH] [--classes A] [--errors A]
(default PATH: ../shared/datasets/tempeval3)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsgraph.evaluate.halves import HALVES, half_of
from newsgraph.evaluate.tempeval import evaluate_times, format_classes, format_report

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT = REPO_ROOT.parent / "shared" / "datasets" / "tempeval3"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--classes", choices=HALVES, help="per-class outcomes of this half")
    parser.add_argument("--errors", choices=HALVES, help="value errors of this half")
    args = parser.parse_args(argv)
    if not args.path.exists():
        print(f"{args.path} not found: pass the tempeval3 folder", file=sys.stderr)
        return 2
    report = evaluate_times(args.path)
    print(format_report(report))
    if args.classes:
        print()
        print(format_classes(report, args.classes))
    if args.errors:
        print()
        for corpus, errors in report["errors"].items():
            for error in errors:
                if error["kind"] == "value" and half_of(error["doc"]) == args.errors:
                    print(f"{corpus}\t{error['doc']}\tgold {error['gold']}\tgot {error['got']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
