"""Train the quote cue judge (``src/newsgraph/data/quote_cue_model.json``) on PolNeAR train.

Every verb with a content-bearing complement, and every possessed noun with one
("his support for Sanders"), is an example; it is positive when
PolNeAR annotates it as (part of) an attribution cue. Logistic regression with
AdaGrad, in pure Python; features too rare to matter are dropped before saving.

Usage: python bench/train_quote_cues.py [POLNEAR_DIR] [--cache FILE.spacy]
(default: ../shared/datasets/polnear; ``--cache`` keeps the parsed train split)
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from pathlib import Path

from spacy.tokens import Doc, DocBin

from newsgraph.config import Settings
from newsgraph.evaluate.polnear import load_polnear
from newsgraph.extract.quote_marks import find_quotations
from newsgraph.extract.quote_model import MODEL_FILE, cue_features
from newsgraph.extract.quotes_rules import noun_frames, verb_frames
from newsgraph.extract.quotes_spans import DocIndex, choose_frame
from newsgraph.nlp.pipeline import load_pipeline

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT = REPO_ROOT.parent / "shared" / "datasets" / "polnear"
OUT = REPO_ROOT / "src" / "newsgraph" / "data" / MODEL_FILE
# chosen with --holdout 200: content F1 ties with 0.4; end-to-end F1 and precision are higher
THRESHOLD = 0.5
EPOCHS = 6
L2 = 1e-5
RATE = 0.2
MIN_WEIGHT = 0.05
MIN_COUNT = 3  # features seen fewer times are dropped before training


def parsed(records: list[dict], cache: Path | None) -> list[Doc]:
    nlp = load_pipeline(Settings().model)
    if cache is not None and cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    docs = list(nlp.pipe((r["text"] for r in records), batch_size=32))
    if cache is not None:
        DocBin(docs=docs).to_disk(cache)
    return docs


def examples(doc: Doc, record: dict) -> list[tuple[list[str], int]]:
    cue_chars: set[int] = set()
    for attr in record["attributions"]:
        for start, end in (attr.get("cue") or {}).get("spans", []):
            cue_chars.update(range(start, end))
    index = DocIndex(doc, find_quotations(doc.text))
    out = []
    for tok in doc:
        if index.of_token[tok.i] is not None:
            continue
        if tok.pos_ == "NOUN":
            frames = noun_frames(tok)
        elif tok.pos_ in {"VERB", "AUX"} and tok.dep_ not in {"amod", "compound", "aux", "auxpass"}:
            frames = verb_frames(doc, tok, index)
        else:
            continue
        frame = choose_frame(frames, None) if frames is not None else None
        if frames is None or frame is None:
            continue
        out.append((cue_features(tok, frames, frame), int(tok.idx in cue_chars)))
    return out


def train(data: list[tuple[list[str], int]]) -> dict[str, float]:
    weights: dict[str, float] = {}
    sq: dict[str, float] = {}
    rng = random.Random(13)
    for _ in range(EPOCHS):
        rng.shuffle(data)
        for feats, label in data:
            z = sum(weights.get(f, 0.0) for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = p - label
            for f in feats:
                w = weights.get(f, 0.0)
                grad = g + L2 * w
                sq[f] = sq.get(f, 0.0) + grad * grad
                weights[f] = w - RATE * grad / math.sqrt(sq[f] + 1e-8)
    return weights


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument(
        "--holdout",
        type=int,
        default=0,
        help="leave out the last N documents by id (to choose settings)",
    )
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    train_file = args.path / "polnear_train.jsonl"
    if not train_file.exists():
        print(f"{train_file} not found: pass the polnear folder", file=sys.stderr)
        return 2
    records = load_polnear(train_file)
    docs = parsed(records, args.cache)
    keep = len(records) - args.holdout
    data = [
        ex
        for doc, rec in zip(docs[:keep], records[:keep], strict=True)
        for ex in examples(doc, rec)
    ]
    positives = sum(label for _, label in data)
    print(f"{len(data)} verb examples, {positives} cues", file=sys.stderr)
    counts: dict[str, int] = {}
    for feats, _ in data:
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
    data = [([f for f in feats if counts[f] >= MIN_COUNT], label) for feats, label in data]
    weights = train(data)
    kept = {f: round(w, 3) for f, w in sorted(weights.items()) if abs(w) >= MIN_WEIGHT}
    args.out.write_text(
        json.dumps({"threshold": THRESHOLD, "weights": kept}, indent=0) + "\n", encoding="utf-8"
    )
    print(f"wrote {args.out} ({len(kept)} features)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
