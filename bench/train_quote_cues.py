"""Train the quote model (``src/newsgraph/data/quote_cue_model.json``) on PolNeAR train.

Three parts, each trained on what the previous ones let through, in pure Python with
AdaGrad (a few minutes on one core, deterministic: fixed seeds and orders):

1. the cue judge: every verb with a content-bearing complement, and every possessed
   noun with one ("his support for Sanders"), is an example; it is positive when
   PolNeAR annotates it as (part of) an attribution cue. Logistic regression;
   features too rare to matter are dropped before training.
2. the end ranker (``quote_ends``): for each candidate whose content starts where a
   gold content starts, a softmax over the span as found, cuts and extensions; the
   target is the option ending where the gold content ends.
3. the source ranker (``quote_source_options``): for each verb cue whose content
   matches a gold content, a softmax over source phrases; right is any phrase that
   overlaps the gold source (no source for an attribution without one).

Usage: python bench/train_quote_cues.py [POLNEAR_DIR] [--cache FILE.spacy]
[--holdout N] [--out FILE] (default: ../shared/datasets/polnear; ``--cache`` keeps
the parsed train split; ``--holdout 200`` leaves out the last 200 documents by id,
which ``bench/eval_quotes.py --last 200 --model FILE`` then scores)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import sys
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import Doc, DocBin

from newsgraph.config import Settings
from newsgraph.evaluate.polnear import gold_quotes, load_polnear
from newsgraph.extract.quotes.ends import RULES, end_options
from newsgraph.extract.quotes.marks import find_quotations
from newsgraph.extract.quotes.model import (
    FEATURES,
    FORMAT_VERSION,
    MODEL_FILE,
    LogisticCueScorer,
    cue_features,
    relative_subject,
)
from newsgraph.extract.quotes.rules import find_candidates, noun_frames, verb_frames
from newsgraph.extract.quotes.source_options import source_options
from newsgraph.extract.quotes.spans import DocIndex, choose_frame
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
START_SLACK = 8  # chars between a candidate's and a gold content's start ('that ...')
END_SLACK = 2  # chars between an end option and the gold content's end
SOURCE_COUNT = 3  # source features seen fewer times are left out


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


def _gold_spans(record: dict) -> list[tuple[int, int]]:
    """(start, end) of each gold content, the end before closing punctuation and space."""
    text = record["text"]
    out = []
    for attr in record["attributions"]:
        spans = (attr.get("content") or {}).get("spans") or []
        if not spans:
            continue
        start, end = spans[0][0], spans[-1][1]
        while end > start and text[end - 1] in " \n\t.,;:":
            end -= 1
        out.append((start, end))
    return out


def end_examples(
    doc: Doc, record: dict, scorer: LogisticCueScorer
) -> list[tuple[list[list[str]], set[int]]]:
    """(features of each end option, the index of the option that ends where the gold content
    of the same stretch ends) for every candidate whose gold end is among its options."""
    golds = _gold_spans(record)
    index = DocIndex(doc, find_quotations(doc.text))
    out = []
    for cand in find_candidates(doc, index, scorer):
        if cand.quotation is not None or cand.rule not in RULES:
            continue
        best = max(
            golds,
            key=lambda g: min(g[1], cand.end) - max(g[0], cand.start),
            default=None,
        )
        if best is None or min(best[1], cand.end) <= max(best[0], cand.start):
            continue
        if abs(best[0] - cand.start) > START_SLACK:
            continue
        cue = doc.char_span(cand.cue_start, cand.cue_end, alignment_mode="expand")
        if cue is None or len(cue) == 0:
            continue
        tok = cue[0]
        options = end_options(
            doc, cand.start, cand.end, cand.rule, tok, index.sent_bounds[tok.i][1]
        )
        near = [(abs(end - best[1]), n) for n, (end, _) in enumerate(options)]
        dist, target = min(near)
        if dist <= END_SLACK:
            out.append(([feats for _, feats in options], {target}))
    return out


def source_examples(
    doc: Doc, record: dict, scorer: LogisticCueScorer
) -> list[tuple[list[list[str]], set[int]]]:
    """(features of each source option, the options that are right) for every verb cue
    whose content matches a gold content: right when the phrase overlaps the gold source,
    or, for a gold attribution without source, the option of no source."""
    golds = gold_quotes(record)
    index = DocIndex(doc, find_quotations(doc.text))
    out = []
    for cand in find_candidates(doc, index, scorer):
        cue = doc.char_span(cand.cue_start, cand.cue_end, alignment_mode="expand")
        if cue is None or len(cue) != 1 or cue[0].pos_ not in {"VERB", "AUX"}:
            continue
        if relative_subject(cue[0]):
            continue  # the rules' answer is kept there
        plen = max(1, cand.end - cand.start)
        gold = None
        for g in golds:
            glen = max(1, sum(e - s for s, e in g.content))
            ov = sum(max(0, min(cand.end, e) - max(cand.start, s)) for s, e in g.content)
            if ov * 2 >= glen and ov * 2 >= plen:
                gold = g
                break
        if gold is None:
            continue
        rule = (cand.source, cand.source_head)
        options = source_options(doc, cue[0], rule, (cand.start, cand.end), index)
        right = set()
        for n, (source, _) in enumerate(options):
            if source[0] is None:
                if gold.source is None:
                    right.add(n)
            elif gold.source is not None:
                span = doc[source[0][0] : source[0][1]]
                if any(min(span.end_char, e) > max(span.start_char, s) for s, e in gold.source):
                    right.add(n)
        if right:
            out.append(([feats for _, feats in options], right))
    return out


def train_ranker(
    data: list[tuple[list[list[str]], set[int]]], min_count: int = 1
) -> dict[str, float]:
    """Softmax over each example's options (any right option will do), AdaGrad;
    features seen fewer than ``min_count`` times are left out."""
    counts: dict[str, int] = {}
    for options, _ in data:
        for feats in options:
            for f in feats:
                counts[f] = counts.get(f, 0) + 1
    data = [
        ([[f for f in feats if counts[f] >= min_count] for feats in options], right)
        for options, right in data
    ]
    weights: dict[str, float] = {}
    sq: dict[str, float] = {}
    rng = random.Random(17)
    for _ in range(EPOCHS):
        rng.shuffle(data)
        for options, right in data:
            scores = [sum(weights.get(f, 0.0) for f in feats) for feats in options]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            good = sum(exps[n] for n in right)
            grads: dict[str, float] = {}
            for n, feats in enumerate(options):
                g = exps[n] / total - (exps[n] / good if n in right else 0.0)
                for f in feats:
                    grads[f] = grads.get(f, 0.0) + g
            for f, g in grads.items():
                w = weights.get(f, 0.0)
                grad = g + L2 * w
                sq[f] = sq.get(f, 0.0) + grad * grad
                weights[f] = w - RATE * grad / math.sqrt(sq[f] + 1e-8)
    return weights


def training_record(train_file: Path, documents: int, held_out: int) -> dict[str, Any]:
    """What the model was trained on, for the file's ``training`` field."""
    return {
        "data": "PolNeAR",
        "split": "train",
        "file": train_file.name,
        "sha256": hashlib.sha256(train_file.read_bytes()).hexdigest(),
        "documents": documents,
        "held_out": held_out,
        "learner": "AdaGrad logistic regression and softmax rankers (bench/train_quote_cues.py)",
    }


def save_model(path: Path, scorer: LogisticCueScorer, training: dict[str, Any]) -> None:
    """Write the model in the layout ``newsgraph.extract.quotes.model.read_model`` checks."""
    name = Settings().model
    model = {
        "format": FORMAT_VERSION,
        "features": FEATURES,
        "spacy_model": {"name": name, "version": spacy.util.get_package_version(name)},
        "training": training,
        "threshold": scorer.threshold,
        "weights": scorer.weights,
        "end_weights": scorer.end_weights,
        "source_weights": scorer.source_weights,
    }
    path.write_text(json.dumps(model, indent=0) + "\n", encoding="utf-8")


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
    # the end ranker learns from the candidates the cue judge just trained lets through
    scorer = LogisticCueScorer(kept, THRESHOLD)
    ranked = [
        ex
        for doc, rec in zip(docs[:keep], records[:keep], strict=True)
        for ex in end_examples(doc, rec, scorer)
    ]
    print(f"{len(ranked)} content spans to end", file=sys.stderr)
    end_weights = train_ranker(ranked)
    ends = {f: round(w, 3) for f, w in sorted(end_weights.items()) if abs(w) >= MIN_WEIGHT}
    scorer = LogisticCueScorer(kept, THRESHOLD, ends)
    chosen = [
        ex
        for doc, rec in zip(docs[:keep], records[:keep], strict=True)
        for ex in source_examples(doc, rec, scorer)
    ]
    print(f"{len(chosen)} sources to choose", file=sys.stderr)
    source_weights = train_ranker(chosen, SOURCE_COUNT)
    sources = {f: round(w, 3) for f, w in sorted(source_weights.items()) if abs(w) >= MIN_WEIGHT}
    training = training_record(train_file, keep, args.holdout)
    save_model(args.out, LogisticCueScorer(kept, THRESHOLD, ends, sources), training)
    print(
        f"wrote {args.out} ({len(kept)} cue, {len(ends)} end, {len(sources)} source features)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
