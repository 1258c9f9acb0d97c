"""Train the entity refiner (``src/newsgraph/data/entity_refiner.json``) on CoNLL-2003 train.

Every document of ``conllpp_train.txt`` is rebuilt as text (as ``newsgraph eval
entities`` does), read as a text file, parsed by the pinned spaCy model and repaired by
the rules of ``extract.entities.spans``; each candidate of ``extract.entities.refiner``
is an example whose class is the gold CoNLL type of exactly that stretch, or ``O``.
A multinomial L2-regularised logistic regression (scikit-learn, ``pip install -e
.[train]``; lbfgs over examples in document order, so the result is the same on every
run) learns the weights; features seen fewer than ``--min-count`` times are dropped
first, and a feature whose weights are all under 0.05 is not written.

``--tune`` scores each regularisation strength on half A of CoNLL dev
(``evaluate.halves``) and writes nothing; ``--check`` scores the chosen one on both
halves, and the rules alone beside it. Scores are span-exact micro F1 of the names
``extract.entities.spans.refine_ents`` returns (the digest's entity grouping is not
applied: ``newsgraph eval entities`` gives the digest's figure).

Usage: python bench/train_entity_refiner.py [CONLL_DIR] [--cache DIR] [--c 0.3]
[--min-count 3] [--tune] [--check] [--trust] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, DocBin

from newsgraph.analysis import make_doc
from newsgraph.config import Settings
from newsgraph.evaluate.conll import ONTONOTES_TO_CONLL, ConllDoc, read_conll
from newsgraph.evaluate.halves import half_of
from newsgraph.evaluate.inputs import read_plain
from newsgraph.extract.entities.refiner import (
    CLASSES,
    FEATURE_VERSION,
    FORMAT_VERSION,
    MODEL_FILE,
    TRUST,
    Refiner,
    Trust,
    _Lines,
    candidates,
    document_votes,
    features,
    refine_names,
)
from newsgraph.extract.entities.spans import refine_ents
from newsgraph.nlp.pipeline import load_base_model

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "datasets" / "conll2003"
OUT = REPO / "src" / "newsgraph" / "data" / MODEL_FILE
GRID = (0.3, 1.0, 3.0, 10.0)
# a feature whose weights are all smaller than this is not written: on CoNLL dev half A
# the file halves in size (min count 2 -> 3 too) for F1 0.856 -> 0.855
_SMALLEST = 0.05


def parsed(docs: Sequence[ConllDoc], cache: Path | None, name: str) -> list[Doc]:
    """The documents parsed by the pinned model with the article header set, cached."""
    nlp = load_base_model(Settings().model)
    path = cache / f"{name}.spacy" if cache else None
    if path is not None and path.exists():
        out = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if len(out) == len(docs):
            for doc, conll in zip(out, docs, strict=True):
                make_doc_header(nlp, doc, conll)
            return out
    out = []
    for conll in docs:
        article = read_plain(conll.text, "conll").article
        out.append(nlp(make_doc(nlp, article)))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=out, store_user_data=False).to_disk(path)
    return out


def make_doc_header(nlp: Any, doc: Doc, conll: ConllDoc) -> None:
    """Set the article header on a Doc read back from the cache."""
    from newsgraph.nlp.extensions import set_article

    set_article(doc, read_plain(conll.text, "conll").article)


def examples(docs: Sequence[Doc], golds: Sequence[ConllDoc]) -> Iterator[tuple[list[str], str]]:
    """(features, class) for every candidate of every document."""
    for doc, gold in zip(docs, golds, strict=True):
        rules = refine_ents(doc, learned=False)
        wanted = {}
        for start, end, label in gold.gold:
            span = doc.char_span(start, end)
            if span is not None:
                wanted[(span.start, span.end)] = label
        lines, votes = _Lines.of(doc), document_votes(rules)
        for cand in candidates(doc, rules):
            yield features(doc, cand, lines, votes), wanted.get((cand.start, cand.end), "O")


def train(feature_lists: list[list[str]], targets: list[str], c: float, min_count: int) -> Refiner:
    """Logistic regression weights for the features seen ``min_count`` times or more."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for feats in feature_lists for f in set(feats))
    kept = [{f: 1 for f in feats if counts[f] >= min_count} for feats in feature_lists]
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(kept)
    y = [CLASSES.index(t) for t in targets]
    model = LogisticRegression(C=c, max_iter=2000)  # multinomial with lbfgs
    model.fit(x, y)
    names = vectorizer.get_feature_names_out()
    weights: dict[str, list[float]] = {}
    order = list(model.classes_)
    for column, name in enumerate(names):
        row = [0.0] * len(CLASSES)
        for k, cls in enumerate(order):
            row[cls] = float(model.coef_[k, column])
        if any(abs(w) >= _SMALLEST for w in row):
            weights[str(name)] = [round(w, 3) for w in row]
    bias = [0.0] * len(CLASSES)
    for k, cls in enumerate(order):
        bias[cls] = float(model.intercept_[k])
    old = weights.get("bias", [0.0] * len(CLASSES))
    weights["bias"] = [round(a + b, 3) for a, b in zip(old, bias, strict=True)]
    return Refiner(weights)


def score(
    docs: Sequence[Doc],
    golds: Sequence[ConllDoc],
    refiner: Refiner | None,
    trust: Trust = TRUST,
) -> tuple[float, float, float]:
    """Micro P/R/F1 of exact (span, CoNLL type) names: the refiner's, or the rules' alone."""
    hits = predicted = total = 0
    for doc, gold in zip(docs, golds, strict=True):
        rules = refine_ents(doc, learned=False)
        spans = rules if refiner is None else refine_names(doc, rules, refiner, trust)
        pred = {
            (s.start_char, s.end_char, ONTONOTES_TO_CONLL[s.label_])
            for s in spans
            if s.label_ in ONTONOTES_TO_CONLL
        }
        hits += len(pred & gold.gold)
        predicted += len(pred)
        total += len(gold.gold)
    p = hits / predicted if predicted else 0.0
    r = hits / total if total else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--c", type=float, default=3.0)  # best of GRID on half A
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--tune", action="store_true")
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--trust", action="store_true", help="score a grid of Trust settings on half A"
    )
    args = parser.parse_args(argv)
    train_docs = list(read_conll(args.data / "conllpp_train.txt"))
    dev_docs = list(read_conll(args.data / "conllpp_dev.txt"))
    train_parsed = parsed(train_docs, args.cache, "train")
    feats, targets = zip(*examples(train_parsed, train_docs), strict=True)
    print(f"{len(train_docs)} train documents, {len(targets)} candidates, "
          f"{sum(t != 'O' for t in targets)} names", flush=True)  # fmt: skip
    halves: dict[str, tuple[list[Doc], list[ConllDoc]]] = {"A": ([], []), "B": ([], [])}
    if args.tune or args.check or args.trust:
        for doc, gold in zip(parsed(dev_docs, args.cache, "dev"), dev_docs, strict=True):
            halves[half_of(gold.text)][0].append(doc)
            halves[half_of(gold.text)][1].append(gold)
    if args.trust:
        refiner = train(list(feats), list(targets), args.c, args.min_count)
        for change in (0.5, 0.7, 0.9):
            for drop in (0.5, 0.7, 0.9):
                for add in (0.5, 0.7, 0.9):
                    trust = Trust(change, drop, add)
                    print(f"{trust}: half A P %.3f R %.3f F1 %.3f"
                          % score(*halves["A"], refiner, trust), flush=True)  # fmt: skip
        return 0
    if args.tune:
        print("rules alone, half A: P {:.3f} R {:.3f} F1 {:.3f}".format(*score(*halves["A"], None)))
        for c in GRID:
            refiner = train(list(feats), list(targets), c, args.min_count)
            print(f"C={c}: half A P %.3f R %.3f F1 %.3f" % score(*halves["A"], refiner),
                  flush=True)  # fmt: skip
        return 0
    refiner = train(list(feats), list(targets), args.c, args.min_count)
    if args.check:
        for name in ("A", "B"):
            print(f"half {name}: rules alone P %.3f R %.3f F1 %.3f" % score(*halves[name], None))
            print(f"half {name}: refiner     P %.3f R %.3f F1 %.3f" % score(*halves[name], refiner))
    data = {
        "format": FORMAT_VERSION,
        "feature_version": FEATURE_VERSION,
        "classes": list(CLASSES),
        "training": {
            "data": "CoNLL-2003 train (conllpp_train.txt)",
            "documents": len(train_docs),
            "candidates": len(targets),
            "c": args.c,
            "min_count": args.min_count,
            "spacy_model": Settings().model,
        },
        "weights": refiner.weights,
    }
    args.out.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n")
    print(f"{len(refiner.weights)} features -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
