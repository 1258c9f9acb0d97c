"""Entity F1 on CoNLL-2003 dev for newsgraph and the bare spaCy model, in the same run.

Usage: python bench/eval_entities.py [CONLL_FILE] [--limit N]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsgraph.evaluate.conll import evaluate_entities, format_report

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "datasets" / "conll2003" / "conllpp_dev.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    print(format_report(evaluate_entities(args.path, limit=args.limit)))


if __name__ == "__main__":
    main()
