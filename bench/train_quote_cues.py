"""Train the quote model (``src/newsgraph/data/quote_cue_model.json``) on PolNeAR train.

Three parts, each trained on what the previous ones let through, with scikit-learn's
L2-regularised logistic regression (``pip install -e .[train]``; deterministic: lbfgs
over examples in document order, no random state). The package reads the result as
plain weights, without scikit-learn:

1. the cue judge: every verb with a content-bearing complement, and every possessed
   noun with one ("his support for Sanders"), is an example; it is positive when
   PolNeAR annotates it as (part of) an attribution cue. Logistic regression;
   features too rare to matter are dropped before training.
2. the end ranker (``quote_ends``): for each candidate whose content starts where a
   gold content starts, a linear ranking of the span as found, cuts and extensions;
   the target is the option ending where the gold content ends.
3. the source ranker (``quote_source_options``): for each verb cue whose content
   matches a gold content, a linear ranking of source phrases; right is any phrase
   that overlaps the gold source (no source for an attribution without one).

The rankers learn from pairs: a logistic regression on the feature difference of a
right and a wrong option of the same example, so a linear score puts right first.

Usage: python bench/train_quote_cues.py [POLNEAR_DIR] [--cache FILE.spacy]
[--holdout N] [--tune] [--out FILE] (default: ../shared/datasets/polnear; ``--cache``
keeps the parsed train split; ``--holdout 200`` leaves out the last 200 documents by
id, which ``bench/eval_quotes.py --last 200 --model FILE`` then scores; ``--tune``
with a holdout prints held-out figures for each regularisation strength and writes
nothing)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import sklearn
import spacy
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
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
# The cue judge's probability that makes a cue, as for the AdaGrad model before: 0.4 scores
# a hair higher on held-out cue F1 (0.8144 against 0.8109), but lets titles of works
# through ('She read the novel "The Grapes of Wrath"').
THRESHOLD = 0.5
# inverse regularisation strengths (scikit-learn's C), chosen by --holdout 200 --tune
# (held-out figures of each part, one after the other): cue F1 0.8109 (0.8104 at C=0.1,
# 0.8101 at 0.3), end top-1 0.911 (ties C=1, with fewer features), source top-1 0.963
# (0.962 at C=0.3, 0.962 at 1)
CUE_C = 1.0
END_C = 0.3
SOURCE_C = 3.0
GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
MIN_WEIGHT = 0.05  # smaller weights are left out of the file
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


def _fit(rows: list[dict[str, float]], labels: list[int], c: float) -> dict[str, float]:
    """Logistic regression weights by feature name; no intercept (the cue features carry
    ``bias``, and a ranker's pairs have none)."""
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(rows)
    model = LogisticRegression(C=c, fit_intercept=False, max_iter=2000)
    model.fit(x, labels)
    names = vectorizer.get_feature_names_out()
    return {str(f): float(w) for f, w in zip(names, model.coef_[0], strict=True)}


def train(data: list[tuple[list[str], int]], c: float) -> dict[str, float]:
    """The cue judge: a feature listed twice counts twice, as the scorer sums it."""
    return _fit([dict(Counter(feats)) for feats, _ in data], [label for _, label in data], c)


def _kept(weights: dict[str, float]) -> dict[str, float]:
    """The weights as the file keeps them: rounded, the smallest left out."""
    return {f: round(w, 3) for f, w in sorted(weights.items()) if abs(w) >= MIN_WEIGHT}


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
    data: list[tuple[list[list[str]], set[int]]], c: float, min_count: int = 1
) -> dict[str, float]:
    """Weights that score a right option of each example above its wrong ones (any right
    option will do); features seen fewer than ``min_count`` times are left out."""
    counts = Counter(f for options, _ in data for feats in options for f in feats)
    rows: list[dict[str, float]] = []
    labels: list[int] = []
    for options, right in data:
        vectors = [Counter(f for f in feats if counts[f] >= min_count) for feats in options]
        for r in sorted(right):
            for w, wrong in enumerate(vectors):
                if w in right:
                    continue
                diff = Counter(vectors[r])
                diff.subtract(wrong)
                # both classes are needed: every other pair is written wrong minus right
                sign = 1 if len(rows) % 2 == 0 else -1
                rows.append({f: float(sign * v) for f, v in diff.items() if v})
                labels.append(int(sign > 0))
    return _fit(rows, labels, c)


def _stage_examples(
    pairs: Iterable[tuple[Doc, dict]], stage: str, scorer: LogisticCueScorer
) -> list[tuple[list[list[str]], set[int]]]:
    make = end_examples if stage == "end" else source_examples
    return [ex for doc, rec in pairs for ex in make(doc, rec, scorer)]


def fit_model(
    pairs: list[tuple[Doc, dict]], cue_c: float, end_c: float, source_c: float
) -> LogisticCueScorer:
    """The three parts trained on ``pairs`` (parsed document, PolNeAR record), each on the
    candidates the parts before it let through."""
    data = [ex for doc, rec in pairs for ex in examples(doc, rec)]
    positives = sum(label for _, label in data)
    print(f"{len(data)} verb examples, {positives} cues", file=sys.stderr)
    weights = _kept(train(_common(data), cue_c))
    scorer = LogisticCueScorer(weights, THRESHOLD)
    ranked = _stage_examples(pairs, "end", scorer)
    print(f"{len(ranked)} content spans to end", file=sys.stderr)
    scorer.end_weights = _kept(train_ranker(ranked, end_c))
    chosen = _stage_examples(pairs, "source", scorer)
    print(f"{len(chosen)} sources to choose", file=sys.stderr)
    scorer.source_weights = _kept(train_ranker(chosen, source_c, SOURCE_COUNT))
    return scorer


def _common(data: list[tuple[list[str], int]]) -> list[tuple[list[str], int]]:
    """The cue examples without features seen fewer than ``MIN_COUNT`` times."""
    counts = Counter(f for feats, _ in data for f in feats)
    return [([f for f in feats if counts[f] >= MIN_COUNT], label) for feats, label in data]


def _cue_f1(scorer: LogisticCueScorer, data: list[tuple[list[str], int]]) -> float:
    said = [scorer.probability(feats) >= scorer.threshold for feats, _ in data]
    hits = sum(1 for s, (_, label) in zip(said, data, strict=True) if s and label)
    return 2 * hits / (sum(said) + sum(label for _, label in data) or 1)


def _top1(weights: dict[str, float], data: list[tuple[list[list[str]], set[int]]]) -> float:
    """The share of examples whose best-scoring option is a right one (first on ties, as
    the scorer chooses)."""
    good = 0
    for options, right in data:
        scores = [sum(weights.get(f, 0.0) for f in feats) for feats in options]
        good += scores.index(max(scores)) in right
    return good / len(data) if data else 0.0


def tune(train_pairs: list[tuple[Doc, dict]], held: list[tuple[Doc, dict]]) -> None:
    """Held-out figures of each part for each C of ``GRID``, one part after the other,
    each with the best C of the parts before it."""
    data = _common([ex for doc, rec in train_pairs for ex in examples(doc, rec)])
    held_data = [ex for doc, rec in held for ex in examples(doc, rec)]
    best: tuple[float, float, LogisticCueScorer] | None = None
    for c in GRID:
        scorer = LogisticCueScorer(_kept(train(data, c)), THRESHOLD)
        f1 = _cue_f1(scorer, held_data)
        print(f"cue    C={c:<5} held-out F1 {f1:.4f} ({len(scorer.weights)} features)")
        if best is None or f1 > best[0]:
            best = (f1, c, scorer)
    assert best is not None
    scorer = best[2]
    print(f"cue    chosen C={best[1]}")
    for stage in ("end", "source"):
        ranked = _stage_examples(train_pairs, stage, scorer)
        held_ranked = _stage_examples(held, stage, scorer)
        min_count = SOURCE_COUNT if stage == "source" else 1
        choice: tuple[float, float, dict[str, float]] | None = None
        for c in GRID:
            weights = _kept(train_ranker(ranked, c, min_count))
            acc = _top1(weights, held_ranked)
            print(f"{stage:<6} C={c:<5} held-out top-1 {acc:.4f} ({len(weights)} features)")
            if choice is None or acc > choice[0]:
                choice = (acc, c, weights)
        assert choice is not None
        print(f"{stage:<6} chosen C={choice[1]}")
        if stage == "end":
            scorer.end_weights = choice[2]


def training_record(train_file: Path, documents: int, held_out: int) -> dict[str, Any]:
    """What the model was trained on, for the file's ``training`` field."""
    return {
        "data": "PolNeAR",
        "split": "train",
        "file": train_file.name,
        "sha256": hashlib.sha256(train_file.read_bytes()).hexdigest(),
        "documents": documents,
        "held_out": held_out,
        "learner": f"scikit-learn {sklearn.__version__} LogisticRegression (lbfgs, L2)",
        "C": {"cue": CUE_C, "end": END_C, "source": SOURCE_C},
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
    parser.add_argument(
        "--tune", action="store_true", help="print held-out figures for each C; write nothing"
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
    pairs = list(zip(docs, records, strict=True))
    if args.tune:
        if not args.holdout:
            print("--tune needs --holdout N: it scores on the held-out documents", file=sys.stderr)
            return 2
        tune(pairs[:keep], pairs[keep:])
        return 0
    scorer = fit_model(pairs[:keep], CUE_C, END_C, SOURCE_C)
    save_model(args.out, scorer, training_record(train_file, keep, args.holdout))
    print(
        f"wrote {args.out} ({len(scorer.weights)} cue, {len(scorer.end_weights)} end, "
        f"{len(scorer.source_weights)} source features)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
