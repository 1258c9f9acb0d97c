"""A small learned cue judge: logistic regression over parse features of a verb.

PolNeAR annotates attributions far beyond verbs of saying ("touted her record",
"polls show", "called for a probe"); the lexicon alone cannot say which uses of a
lemma report content. The weights in ``data/quote_cue_model.json`` were trained on
PolNeAR's train split by ``bench/train_quote_cues.py``; rebuild them with that script.
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources

from spacy.tokens import Token

from newsgraph.extract.quote_cues import CUE_VERBS
from newsgraph.extract.quotes_spans import Frames

MODEL_FILE = "quote_cue_model.json"


def cue_features(verb: Token, frames: Frames, frame: str) -> list[str]:
    """Sparse string features of ``verb`` used with the content frame ``frame``."""
    lemma = verb.lemma_.lower()
    cue = CUE_VERBS.get(lemma)
    need = "clause" if frame == "quotation" else frame
    feats = [
        "bias",
        f"l={lemma}",
        f"f={frame}",
        f"lf={lemma}|{frame}",
        f"dep={verb.dep_}",
        f"ldep={lemma}|{verb.dep_}",
        f"tag={verb.tag_}",
        f"lex={cue.act if cue else '-'}",
        f"lexf={cue is not None and need in cue.frames}",
        f"fs={'+'.join(frames.names())}",
    ]
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}), None)
    if subj is None:
        feats.append("subj=none")
        feats.append(f"lsubj={lemma}|none")
    else:
        kind = subj.ent_type_ or subj.pos_
        feats.append(f"subj={subj.dep_}|{kind}")
        feats.append(f"lsubj={lemma}|{kind}")
        if subj.pos_ == "NOUN":
            feats.append(f"sl={subj.lemma_.lower()}")
    for child in verb.children:
        if child.dep_ in {"prep", "prt"}:
            feats.append(f"lp={lemma}|{child.lower_}")
        elif child.dep_ == "dobj":
            feats.append(f"lo={lemma}|{child.lemma_.lower()}")
        elif child.dep_ == "neg":
            feats.append("neg")
    return feats


class LogisticCueScorer:
    """``is_cue`` is True when the model's probability reaches ``threshold``."""

    def __init__(self, weights: dict[str, float], threshold: float) -> None:
        self.weights = weights
        self.threshold = threshold

    def probability(self, feats: list[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def is_cue(self, verb: Token, frames: Frames, frame: str) -> bool:
        return self.probability(cue_features(verb, frames, frame)) >= self.threshold


@cache
def load_scorer() -> LogisticCueScorer | None:
    """The shipped model, or None when the data file is missing (rules only)."""
    try:
        raw = resources.files("newsgraph").joinpath("data", MODEL_FILE).read_text("utf-8")
    except FileNotFoundError:
        return None
    data = json.loads(raw)
    return LogisticCueScorer(data["weights"], data["threshold"])
