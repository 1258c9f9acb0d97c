"""Entity F1 on CoNLL-2003 for newsgraph and for the bare spaCy model, in one run.

Documents are rebuilt as text (tokens joined by spaces, one sentence a line),
which newsgraph reads as a text file (``evaluate.inputs``); both systems tag that
text, and predicted spans are compared to the gold spans by exact character
offsets after mapping OntoNotes labels to CoNLL's four.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.config import Settings
from newsgraph.errors import InputError
from newsgraph.evaluate.halves import HALVES, half_of
from newsgraph.evaluate.inputs import read_plain
from newsgraph.evaluate.metrics import prf
from newsgraph.extract.references.coref import name_mentions

# The datasets README's mapping from OntoNotes types to CoNLL's.
ONTONOTES_TO_CONLL = {
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
CONLL_TYPES = ("PER", "ORG", "LOC", "MISC")

GoldSpan = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class ConllDoc:
    text: str
    gold: frozenset[GoldSpan]


@dataclass(slots=True)
class Score:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def add(self, pred: set[GoldSpan], gold: frozenset[GoldSpan]) -> None:
        for _, _, label in pred & gold:
            self.tp[label] += 1
        for _, _, label in pred - gold:
            self.fp[label] += 1
        for _, _, label in gold - pred:
            self.fn[label] += 1

    def prf(self, label: str | None = None) -> tuple[float, float, float]:
        """Precision, recall and F1 for one type, or micro-averaged over all when None."""
        if label is None:
            tp, fp, fn = (sum(c.values()) for c in (self.tp, self.fp, self.fn))
        else:
            tp, fp, fn = self.tp[label], self.fp[label], self.fn[label]
        return prf(tp, tp + fp, tp + fn)


def read_conll(path: Path) -> Iterator[ConllDoc]:
    """CoNLL-2003 documents (split at ``-DOCSTART-``) as text with gold character spans."""
    if not path.is_file():
        raise InputError(str(path), "no such CoNLL file")
    sentences: list[list[tuple[str, str]]] = []
    sentence: list[tuple[str, str]] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if not parts:
                if sentence:
                    sentences.append(sentence)
                    sentence = []
            elif parts[0] == "-DOCSTART-":
                if sentence:
                    sentences.append(sentence)
                    sentence = []
                if sentences:
                    yield _to_doc(sentences)
                    sentences = []
            else:
                sentence.append((parts[0], parts[-1]))
    if sentence:
        sentences.append(sentence)
    if sentences:
        yield _to_doc(sentences)


def _to_doc(sentences: list[list[tuple[str, str]]]) -> ConllDoc:
    pieces: list[str] = []
    gold: set[GoldSpan] = set()
    offset = 0
    for sentence in sentences:
        open_start, open_label, last_end = -1, "", 0
        for k, (word, tag) in enumerate(sentence):
            if k:
                pieces.append(" ")
                offset += 1
            start, end = offset, offset + len(word)
            pieces.append(word)
            offset = end
            label = tag[2:] if tag != "O" else ""
            begins = tag.startswith("B-") or (tag.startswith("I-") and label != open_label)
            if open_label and (tag == "O" or begins):
                gold.add((open_start, last_end, open_label))
                open_label = ""
            if begins:
                open_start, open_label = start, label
            last_end = end
        if open_label:
            gold.add((open_start, last_end, open_label))
        pieces.append("\n")
        offset += 1
    return ConllDoc("".join(pieces), frozenset(gold))


def score_system(
    docs: Iterable[ConllDoc],
    tag: Callable[[list[str]], Iterable[set[GoldSpan]]],
    halves: dict[str, Score] | None = None,
) -> Score:
    """Score a tagger that maps texts to predicted (start, end, CoNLL type) sets; ``halves``
    ("A", "B" -> Score) also gets each document's score in its half (``evaluate.halves``,
    by the hash of the document's text)."""
    docs = list(docs)
    score = Score()
    began = time.perf_counter()
    for doc, pred in zip(docs, tag([d.text for d in docs]), strict=True):
        score.add(pred, doc.gold)
        if halves is not None:
            halves.setdefault(half_of(doc.text), Score()).add(pred, doc.gold)
    score.seconds = time.perf_counter() - began
    return score


def evaluate_entities(
    path: Path, settings: Settings | None = None, limit: int | None = None
) -> dict[str, Score]:
    """Score newsgraph and the bare model on the same CoNLL file; returns both scores."""
    from newsgraph.analysis import analyse_articles
    from newsgraph.nlp.pipeline import load_base_model

    settings = settings or Settings()
    docs = list(read_conll(path))[:limit]
    base = load_base_model(settings.model)

    def bare(texts: list[str]) -> Iterator[set[GoldSpan]]:
        for doc in base.pipe(texts, batch_size=settings.batch_size):
            yield {
                (e.start_char, e.end_char, ONTONOTES_TO_CONLL[e.label_])
                for e in doc.ents
                if e.label_ in ONTONOTES_TO_CONLL
            }

    def ours(texts: list[str]) -> Iterator[set[GoldSpan]]:
        # each document as a text file, read by the text reader (header convention included)
        articles = (read_plain(text, "conll").article for text in texts)
        for digest in analyse_articles(articles, settings):
            yield {
                (start, end, ONTONOTES_TO_CONLL[ent.type])
                for ent in digest.entities
                if ent.type in ONTONOTES_TO_CONLL
                for start, end in name_mentions(ent, digest.article.text)
            }

    halves: dict[str, dict[str, Score]] = {"spacy": {}, "newsgraph": {}}
    scores = {
        "spacy": score_system(docs, bare, halves["spacy"]),
        "newsgraph": score_system(docs, ours, halves["newsgraph"]),
    }
    for name in HALVES:
        for system in ("spacy", "newsgraph"):
            scores[f"{system}, half {name}"] = halves[system].get(name, Score())
    return scores


def format_report(scores: dict[str, Score]) -> str:
    """A plain table: P/R/F1 per type and overall for each system."""
    lines = [f"{'system':<10} {'type':<5} {'P':>6} {'R':>6} {'F1':>6}"]
    for name, score in scores.items():
        if ", half" in name:
            continue
        for label in (*CONLL_TYPES, None):
            p, r, f = score.prf(label)
            lines.append(f"{name:<10} {label or 'all':<5} {p:6.3f} {r:6.3f} {f:6.3f}")
    for suffix in ("", *(f", half {name}" for name in HALVES)):
        base, ours = scores.get("spacy" + suffix), scores.get("newsgraph" + suffix)
        if base and ours:
            gain = (ours.prf()[2] - base.prf()[2]) * 100
            lines.append(
                f"newsgraph - spacy{suffix}: {ours.prf()[2]:.3f} - {base.prf()[2]:.3f} = "
                f"{gain:+.1f} F1 points"
            )
    return "\n".join(lines)
