"""Score quote extraction on PolNeAR dev next to the baseline, and time it.

Usage: python bench/eval_quotes.py [PATH] [--limit N] [--last N]
(default PATH: ../shared/datasets/polnear, whose polnear_dev.jsonl is read).
Develop on a held-out part of train, keep dev for reporting:
python bench/eval_quotes.py ../shared/datasets/polnear/polnear_train.jsonl --last 200
The shipped quote model is trained on all of train; for honest held-out figures
score with one trained without those documents:
python bench/train_quote_cues.py --holdout 200 --out /tmp/quote_model_h200.json
python bench/eval_quotes.py ../shared/datasets/polnear/polnear_train.jsonl --last 200 \
    --model /tmp/quote_model_h200.json
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from newsgraph.config import QUOTE_MODEL_ENV
from newsgraph.evaluate.polnear import evaluate_quotes, format_report

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT = REPO_ROOT.parent / "shared" / "datasets" / "polnear"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=None, help="first N documents by id")
    parser.add_argument("--last", type=int, default=None, help="last N documents by id")
    parser.add_argument(
        "--model", type=Path, default=None, help="quote model weights instead of the shipped"
    )
    args = parser.parse_args(argv)
    if args.model is not None:
        # read by newsgraph.config when the quote model is first loaded
        os.environ[QUOTE_MODEL_ENV] = str(args.model)
    if not args.path.exists():
        print(f"{args.path} not found: pass the polnear folder or a JSONL file", file=sys.stderr)
        return 2
    print(format_report(evaluate_quotes(args.path, limit=args.limit, last=args.last)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
