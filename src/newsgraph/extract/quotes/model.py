"""The learned parts of quote extraction: a cue judge and two rankers.

PolNeAR annotates attributions far beyond verbs of saying ("touted her record",
"polls show", "called for a probe"); the lexicon alone cannot say which uses of a
lemma report content. The cue judge is a logistic regression over parse features of
a verb (or a possessed noun) in its content frame. Two linear rankers then choose,
among options the rules list, where the content ends (``ends``) and which
phrase is the source of a verb cue (``source_options``). The weights in
``data/quote_cue_model.json`` were trained on PolNeAR's train split by
``bench/train_quote_cues.py``; rebuild them with that script. The file also records
its format, the feature set and the spaCy model its features come from, and a file
that does not fit this code is a ``ModelError``, never a silent fall back to rules.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import Doc, Token

from newsgraph.config import quote_model_path
from newsgraph.errors import ModelError
from newsgraph.extract.lexicon.speech import CUE_VERBS
from newsgraph.extract.quotes.ends import RULES, end_options
from newsgraph.extract.quotes.marks import is_quote_mark
from newsgraph.extract.quotes.source_options import source_options
from newsgraph.extract.quotes.sources import subject_source
from newsgraph.extract.quotes.spans import DocIndex, Frames
from newsgraph.extract.syntax import NOMINAL_SUBJECTS, SUBJECT_RELATIVES, SUBJECTS

MODEL_FILE = "quote_cue_model.json"
# the layout of the file; bump it when the loader reads the file differently
FORMAT_VERSION = 1
# the features the weights are for: ``cue_features`` here, ``end_options`` in ``ends.py``
# and ``source_options`` in ``source_options.py``. Bump the version when any of them
# changes what it emits, and retrain: old weights would score features that are gone.
FEATURE_VERSION = 1
FEATURES: dict[str, object] = {"name": "newsgraph-quote-cues", "version": FEATURE_VERSION}
_RETRAIN = "rebuild it with: python bench/train_quote_cues.py"


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
    feats += _content_features(verb, frames, frame)
    subj = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
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


_OPENERS = frozenset({"ADP", "SCONJ", "PRON", "DET", "PART", "ADV", "AUX"})


def _content_range(verb: Token, frames: Frames, frame: str) -> tuple[int, int] | None:
    """First and last token of the content of ``frame``."""
    if frame == "object" and frames.obj is not None:
        span = verb.doc.char_span(*frames.obj, alignment_mode="expand")
        return (span.start, span.end - 1) if span is not None and len(span) else None
    if frame == "clause" and frames.clause is not None:
        return frames.clause.left_edge.i, frames.clause.right_edge.i
    if frame == "inf" and frames.infinitive is not None:
        return frames.infinitive.left_edge.i, frames.infinitive.right_edge.i
    return None


def _content_features(verb: Token, frames: Frames, frame: str) -> list[str]:
    """Whether the content is quoted, its size and first word, and who the source is
    (through the parse, as the rules find it)."""
    found = _content_range(verb, frames, frame)
    if found is None:
        return []
    doc = verb.doc
    first, last = found
    feats = []
    if _quoted(doc, first, last):
        # 'the lawyer calls "a gift to every con artist"': quoted words make it a quote
        feats += [f"q={frame}", f"lq={verb.lemma_.lower()}"]
    size = last - first + 1
    bucket = next((str(n) for n in (1, 2, 4, 8, 16, 32) if size <= n), "more")
    word = doc[first]
    opener = word.lower_ if word.pos_ in _OPENERS else word.pos_
    feats += [f"n={frame}|{bucket}", f"cw={opener}", f"fcw={frame}|{opener}"]
    if verb.pos_ in {"VERB", "AUX"}:
        _, head = subject_source(verb)
        if head is None:
            feats.append("src=none")
        else:
            src = doc[head]
            feats.append(f"src={src.ent_type_ or src.pos_}")
    return feats


def _quoted(doc: Doc, first: int, last: int) -> bool:
    """Whether tokens ``first`` to ``last`` hold quoted words (marks may hang on the
    cue next to them: 'calls "a gift to every con artist"')."""
    inside = False
    words: list[Token] = []
    for t in doc[max(0, first - 1) : last + 2]:
        if is_quote_mark(t):
            inside = not inside
        elif inside and t.is_alpha:
            words.append(t)
    # 'read the novel "The Grapes of Wrath"': a title, not quoted words
    return bool(words) and not all(w.is_title or w.is_stop for w in words)


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """What a quote model file says about itself, besides its weights: the spaCy model
    whose parses its features come from, and the data it was trained on (as
    ``{"data": "PolNeAR", "split": "train", "documents": 919, "held_out": 0, ...}``)."""

    path: str
    spacy_model: str
    spacy_model_version: str
    training: dict[str, Any]


class LogisticCueScorer:
    """``is_cue`` is True when the model's probability reaches ``threshold``;
    ``choose_end`` ranks where a content span ends (``ends``) with ``end_weights``.
    ``info`` says where a model read from a file comes from (None while training)."""

    def __init__(
        self,
        weights: dict[str, float],
        threshold: float,
        end_weights: dict[str, float] | None = None,
        source_weights: dict[str, float] | None = None,
        info: ModelInfo | None = None,
    ) -> None:
        self.weights = weights
        self.threshold = threshold
        self.end_weights = end_weights or {}
        self.source_weights = source_weights or {}
        self.info = info

    def probability(self, feats: list[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def is_cue(self, verb: Token, frames: Frames, frame: str) -> bool:
        return self.probability(cue_features(verb, frames, frame)) >= self.threshold

    def choose_end(
        self, doc: Doc, start: int, end: int, rule: str, cue: Token | None, sent_end: int
    ) -> int:
        """The best-scoring end of the content [start, end); ``end`` without end weights."""
        if not self.end_weights or rule not in RULES:
            return end
        best, best_score = end, -math.inf
        for option_end, feats in end_options(doc, start, end, rule, cue, sent_end):
            score = sum(self.end_weights.get(f, 0.0) for f in feats)
            if score > best_score:
                best, best_score = option_end, score
        return best

    def choose_source(
        self,
        doc: Doc,
        verb: Token,
        rule: tuple[tuple[int, int] | None, int | None],
        content: tuple[int, int],
        index: DocIndex,
    ) -> tuple[tuple[int, int] | None, int | None]:
        """The best-scoring source phrase of the cue ``verb``; ``rule`` without weights."""
        if not self.source_weights or relative_subject(verb):
            return rule
        best, best_score = rule, -math.inf
        for source, feats in source_options(doc, verb, rule, content, index):
            score = sum(self.source_weights.get(f, 0.0) for f in feats)
            if score > best_score:
                best, best_score = source, score
        return best


def relative_subject(verb: Token) -> bool:
    """'a prosecution that accused him', 'the bookkeeper, who told': the relative pronoun
    names the source for certain."""
    return verb.dep_ == "relcl" and any(
        c.dep_ in NOMINAL_SUBJECTS and c.lower_ in SUBJECT_RELATIVES for c in verb.children
    )


@cache
def load_scorer() -> LogisticCueScorer:
    """The shipped quote model, or the file named by ``$NEWSGRAPH_QUOTE_CUE_MODEL``;
    loaded once per process. Raises ``ModelError`` when the file is missing, unreadable
    or made for other features or another spaCy model."""
    path = quote_model_path()
    if path is not None:
        return read_model(path)
    shipped = resources.files("newsgraph").joinpath("data", MODEL_FILE)
    with resources.as_file(shipped) as local:
        return read_model(local)


def read_model(path: Path) -> LogisticCueScorer:
    """The quote model in the JSON file ``path`` (the layout ``bench/train_quote_cues.py``
    writes), checked against this code's format, feature set and installed spaCy model."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise ModelError(
            f"the quote model {path} is missing; reinstall newsgraph, or {_RETRAIN}"
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"the quote model {path} cannot be read ({exc}); {_RETRAIN}") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT_VERSION:
        found = data.get("format") if isinstance(data, dict) else None
        raise ModelError(
            f"the quote model {path} has format {found}, this newsgraph reads format "
            f"{FORMAT_VERSION}; {_RETRAIN}"
        )
    if data.get("features") != FEATURES:
        raise ModelError(
            f"the quote model {path} is for the features {data.get('features')}, this "
            f"newsgraph computes {FEATURES}; {_RETRAIN}"
        )
    try:
        spacy_model = data["spacy_model"]
        info = ModelInfo(
            str(path), str(spacy_model["name"]), str(spacy_model["version"]), data["training"]
        )
        scorer = LogisticCueScorer(
            _weights(data["weights"]),
            float(data["threshold"]),
            _weights(data["end_weights"]),
            _weights(data["source_weights"]),
            info,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"the quote model {path} is incomplete ({exc!r}); {_RETRAIN}") from exc
    installed = spacy.util.get_package_version(info.spacy_model)
    if installed != info.spacy_model_version:
        have = f"{installed} is installed" if installed else "it is not installed"
        raise ModelError(
            f"the quote model {path} was trained on the parses of {info.spacy_model} "
            f"{info.spacy_model_version}, but {have}; install that version, or {_RETRAIN}"
        )
    return scorer


def _weights(raw: object) -> dict[str, float]:
    if not isinstance(raw, dict):
        raise TypeError(f"weights must be an object, not {type(raw).__name__}")
    return {str(f): float(w) for f, w in raw.items()}
