"""A learned, document-level last word on the names of a document: which are names, and
of what kind.

The rules of ``spans`` repair the small model's entities one pattern at a time; what
they cannot see is the evidence a reader weighs together: "Leicestershire" opening a
line of a results table is a team (an organisation), "P. Johnson" in a scorecard a
person, "Wall Street" a place. The refiner scores every candidate name of a document
(the repaired spans, the model's own spans and each run of capitalised words) with a
multinomial logistic regression over its words, shape, neighbours, line and the labels
the rest of the document gives the same string, and keeps the best non-overlapping
ones. It was trained on CoNLL-2003 train by ``bench/train_entity_refiner.py`` (weights
in ``data/entity_refiner.json``, features only, no text); it predicts CoNLL's four
types, mapped back to the OntoNotes label the span had where they agree.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Span, Token

from newsgraph.errors import ModelError
from newsgraph.extract.lexicon.people import (
    FEMALE_FIRST_NAMES,
    HONORIFICS,
    MALE_FIRST_NAMES,
    TITLE_WORDS,
)
from newsgraph.extract.lexicon.places import COUNTRIES, DEMONYMS

MODEL_FILE = "entity_refiner.json"
FORMAT_VERSION = 1
# bump when ``features`` emits anything different, and retrain
FEATURE_VERSION = 1
CLASSES = ("O", "PER", "ORG", "LOC", "MISC")
_RETRAIN = "rebuild it with: python bench/train_entity_refiner.py"

# OntoNotes labels by the CoNLL type they map to (the evaluation's mapping)
_CONLL_OF = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "PRODUCT": "MISC",
    "LANGUAGE": "MISC",
}
_DEFAULT_LABEL = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE", "MISC": "NORP"}
_MAX_RUN = 8  # tokens in a run of capitalised words taken as one candidate
_FIRST_NAMES = FEMALE_FIRST_NAMES | MALE_FIRST_NAMES
_COUNTRIES = frozenset(c.lower() for c in COUNTRIES)
_DEMONYMS = frozenset(d.lower() for d in DEMONYMS)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stretch of tokens ``[start, end)`` that may be a name; ``rule`` and ``model`` are
    the labels the rules and the model gave exactly this stretch ("" for none)."""

    start: int
    end: int
    rule: str
    model: str
    run: bool  # a run of capitalised words


def candidates(doc: Doc, rule_spans: Sequence[Span]) -> list[Candidate]:
    """The repaired name spans, the model's name spans and the runs of capitalised words,
    each stretch once."""
    found: dict[tuple[int, int], dict[str, Any]] = defaultdict(dict)
    for span in rule_spans:
        if span.label_ in _CONLL_OF:
            found[(span.start, span.end)]["rule"] = span.label_
    for span in doc.ents:
        if span.label_ in _CONLL_OF:
            found[(span.start, span.end)]["model"] = span.label_
    for start, end in _capitalised_runs(doc):
        found[(start, end)]["run"] = True
    return [
        Candidate(s, e, f.get("rule", ""), f.get("model", ""), bool(f.get("run")))
        for (s, e), f in sorted(found.items())
    ]


def _capitalised_runs(doc: Doc) -> list[tuple[int, int]]:
    runs = []
    start = None
    for tok in doc:
        if _capitalised(tok) and (start is None or tok.i - start < _MAX_RUN):
            if start is None:
                start = tok.i
            continue
        if start is not None:
            runs.append((start, tok.i))
            start = tok.i if _capitalised(tok) else None
    if start is not None:
        runs.append((start, len(doc)))
    return runs


def _capitalised(tok: Token) -> bool:
    text = tok.text
    return text[:1].isupper() and any(c.isalpha() for c in text)


def _word(tok: Token) -> str:
    return "<num>" if tok.like_num or tok.text[:1].isdigit() else tok.lower_


def _shape(tok: Token) -> str:
    text = tok.text
    if text.isupper() and len(text) > 1:
        return "X"
    if text[:1].isupper():
        return "X." if text.endswith(".") and len(text) <= 3 else "Xx"
    if text[:1].isdigit():
        return "d"
    return "x" if text[:1].isalpha() else "p"


@dataclass(slots=True)
class _Lines:
    """Per token: where its line starts and ends, and what the line looks like."""

    start: list[int]
    end: list[int]
    caps: list[bool]
    table: list[bool]

    @classmethod
    def of(cls, doc: Doc) -> _Lines:
        n = len(doc)
        start, end, caps, table = [0] * n, [0] * n, [False] * n, [False] * n
        first = 0
        for i, tok in enumerate(doc):
            if i + 1 < n and "\n" not in tok.text and "\n" not in tok.whitespace_:
                continue
            last = i + 1
            words = [t for t in doc[first:last] if not t.is_space]
            alpha = [t for t in words if t.is_alpha and len(t) > 1]
            is_caps = bool(alpha) and all(t.is_upper for t in alpha)
            numbers = sum(1 for t in words if t.like_num or t.text[:1].isdigit())
            is_table = len(words) >= 3 and numbers * 10 >= len(words) * 3
            for k in range(first, last):
                start[k], end[k], caps[k], table[k] = first, last, is_caps, is_table
            first = last
        return cls(start, end, caps, table)


def features(doc: Doc, cand: Candidate, lines: _Lines, votes: dict[str, set[str]]) -> list[str]:
    """Sparse string features of one candidate (see the module docstring)."""
    span = doc[cand.start : cand.end]
    words = [_word(t) for t in span]
    length = str(min(len(span), 4))
    feats = [
        "bias",
        f"rl={cand.rule or '-'}",
        f"ml={cand.model or '-'}",
        f"rm={cand.rule or '-'}|{cand.model or '-'}",
        f"run={cand.run}",
        f"rl_len={cand.rule or '-'}|{length}",
        f"len={length}",
        f"shape={'_'.join(_shape(t) for t in span)[:24]}",
        f"first={words[0]}",
        f"last={words[-1]}",
        f"suf={span[-1].lower_[-3:]}",
    ]
    feats += [f"w={w}" for w in words]
    for offset, name in ((-2, "p2"), (-1, "p1"), (1, "n1"), (2, "n2")):
        at = cand.start + offset if offset < 0 else cand.end - 1 + offset
        if at < 0 or at >= len(doc) or doc[at].is_space:
            feats.append(f"{name}=<edge>")
        elif lines.start[at] != lines.start[cand.start]:
            feats.append(f"{name}=<line>")
        else:
            feats.append(f"{name}={_word(doc[at])}")
    if lines.start[cand.start] == cand.start:
        feats.append("line_start")
    if lines.caps[cand.start]:
        feats.append("line_caps")
    if lines.table[cand.start]:
        feats.append("line_table")
        feats.append(f"table_rl={cand.rule or '-'}")
    if span[0].is_sent_start:
        feats.append("sent_start")
    text = span.text.lower()
    for label in sorted(votes.get(text, ())):
        feats.append(f"doc={label}")
    if text in _COUNTRIES:
        feats.append("country")
    if text in _DEMONYMS:
        feats.append("demonym")
    if span[0].lower_ in _FIRST_NAMES:
        feats.append("first_name")
    if cand.start > 0:
        prev = doc[cand.start - 1].lower_.rstrip(".")
        if prev in HONORIFICS or prev in TITLE_WORDS:
            feats.append("title_before")
    return feats


def document_votes(rule_spans: Sequence[Span]) -> dict[str, set[str]]:
    """For each name string, the CoNLL types the repaired spans give it in the document."""
    votes: dict[str, set[str]] = defaultdict(set)
    for span in rule_spans:
        if span.label_ in _CONLL_OF:
            votes[span.text.lower()].add(_CONLL_OF[span.label_])
    return votes


@dataclass(frozen=True, slots=True)
class Refiner:
    """The weights: feature -> one weight per class (``CLASSES`` order)."""

    weights: dict[str, list[float]]

    def probabilities(self, feats: Sequence[str]) -> list[float]:
        scores = [0.0] * len(CLASSES)
        for feat in feats:
            row = self.weights.get(feat)
            if row is not None:
                for k, w in enumerate(row):
                    scores[k] += w
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]


@dataclass(frozen=True, slots=True)
class Trust:
    """How sure the refiner must be to overrule the rules: to change a repaired span's
    type (``change``), to drop it (``drop``), and to add a name the rules did not have
    (``add``). Chosen on half A of CoNLL dev and of Giveme5W1H (BENCHMARKS.md)."""

    change: float = 0.5
    drop: float = 0.5
    add: float = 0.5


# CoNLL dev half A: span F1 0.883 at 0.5/0.5/0.5, 0.856 here, 0.837 at 0.9 each (rules
# alone 0.670); Giveme5W1H mean accuracy 0.826 / 0.842 / 0.842 (0.842 without the refiner):
# trained on Reuters, it is made to overrule the rules only where it is sure
TRUST = Trust(change=0.8, drop=0.95, add=0.8)


def refine_names(
    doc: Doc, rule_spans: list[Span], refiner: Refiner | None = None, trust: Trust = TRUST
) -> list[Span]:
    """``rule_spans`` with the names decided by the refiner: every candidate it is sure
    enough of (``Trust``), the likeliest first where candidates overlap. A name keeps
    the OntoNotes label the rules or the model gave it when that label maps to the
    class chosen; else it gets the class's usual label (LOC -> GPE, MISC -> NORP)."""
    refiner = refiner or load_refiner()
    others = [s for s in rule_spans if s.label_ not in _CONLL_OF]
    lines = _Lines.of(doc)
    votes = document_votes(rule_spans)
    scored = []
    for cand in candidates(doc, rule_spans):
        probs = refiner.probabilities(features(doc, cand, lines, votes))
        found = _decide(cand, probs, trust)
        if found is None and cand.rule == "PERSON" and _after_honorific(doc, cand):
            # "Ms. Ellison": Reuters writes few honorifics, the rules know them
            found = (1.0 - probs[0], "PER")
        if found is not None:
            scored.append((found[0], cand, found[1]))
    taken = [False] * len(doc)
    for s in others:
        taken[s.start : s.end] = [True] * (s.end - s.start)
    kept = []
    for confidence, cand, cls in sorted(scored, key=lambda x: (-x[0], x[1].start)):
        if any(taken[cand.start : cand.end]):
            continue
        taken[cand.start : cand.end] = [True] * (cand.end - cand.start)
        kept.append((confidence, cand, cls))
    # one type per name in a document, the one its mentions are surest of together:
    # "sent to Dorsey in September" reads like a place, but Dorsey is the attorney general
    totals: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for confidence, cand, cls in kept:
        totals[doc[cand.start : cand.end].text.lower()][cls] += confidence
    names = []
    for _, cand, _cls in kept:
        votes_for = totals[doc[cand.start : cand.end].text.lower()]
        cls = max(votes_for, key=votes_for.__getitem__)
        names.append(Span(doc, cand.start, cand.end, label=_label(cand, cls)))
    return sorted([*others, *names], key=lambda s: s.start)


def _after_honorific(doc: Doc, cand: Candidate) -> bool:
    return cand.start > 0 and doc[cand.start - 1].lower_.rstrip(".") in HONORIFICS


def _decide(cand: Candidate, probs: Sequence[float], trust: Trust) -> tuple[float, str] | None:
    """(confidence, CoNLL class) of a candidate kept as a name, or None."""
    best = max(range(len(CLASSES)), key=probs.__getitem__)
    if not cand.rule:
        if CLASSES[best] == "O" or probs[best] < trust.add:
            return None
        return probs[best], CLASSES[best]
    ruled = _CONLL_OF[cand.rule]
    if probs[0] >= trust.drop:
        return None
    name_best = max(range(1, len(CLASSES)), key=probs.__getitem__)
    if CLASSES[name_best] != ruled and probs[name_best] >= trust.change:
        return probs[name_best], CLASSES[name_best]
    # the rules' type stands; it ranks with the refiner's confidence that this is a name
    return 1.0 - probs[0], ruled


def _label(cand: Candidate, cls: str) -> str:
    for label in (cand.rule, cand.model):
        if label and _CONLL_OF.get(label) == cls:
            return label
    return _DEFAULT_LABEL[cls]


@cache
def load_refiner() -> Refiner:
    """The shipped weights, read once; ModelError when the file does not fit this code."""
    shipped = resources.files("newsgraph").joinpath("data", MODEL_FILE)
    try:
        data = json.loads(shipped.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ModelError(f"{MODEL_FILE} is missing from newsgraph/data; {_RETRAIN}") from exc
    if data.get("format") != FORMAT_VERSION or data.get("feature_version") != FEATURE_VERSION:
        raise ModelError(f"{MODEL_FILE} was made for other features; {_RETRAIN}")
    if tuple(data.get("classes", ())) != CLASSES:
        raise ModelError(f"{MODEL_FILE} has other classes than {CLASSES}; {_RETRAIN}")
    return Refiner({k: [float(w) for w in v] for k, v in data["weights"].items()})
