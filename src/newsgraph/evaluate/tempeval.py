"""Score time expressions on the TempEval-3 training data (TimeBank and AQUAINT).

Measures, per corpus: strict span F1 (exact offsets), relaxed span F1 (any
overlap, one-to-one), type accuracy and value F1 (a relaxed match with the
identical TIMEX3 value, see ``canonical_value``), for the digest's times and, in the
same run, for a plain baseline: the bare spaCy model's DATE/TIME entities normalised
with dateparser against the DCT. The document creation time is given as ``published``
and is not scored.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from newsgraph.config import Settings
from newsgraph.evaluate.halves import HALVES, half_of
from newsgraph.evaluate.inputs import Input, article_object, read_object
from newsgraph.evaluate.metrics import f1, overlap_pairs, ratio, read_jsonl
from newsgraph.extract.times.patterns import kind_of
from newsgraph.records import TimeExpr
from newsgraph.timing import StageTimer

CORPORA = {"tbaq_timebank.jsonl": "TimeBank", "tbaq_aquaint.jsonl": "AQUAINT"}
SYSTEMS = ("newsgraph", "baseline")


@dataclass(slots=True)
class Counts:
    """Running totals for one system on one corpus."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    typed: int = 0
    valued: int = 0
    valued_exact: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    # class -> outcome -> count: the pattern kind of each found time ("weekday") and whether
    # its value is right, wrong or spurious; a missed gold time counts under "missed <type>"
    outcomes: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, gold: list[dict[str, Any]], predicted: list[TimeExpr], doc_id: str) -> None:
        self.gold += len(gold)
        self.predicted += len(predicted)
        gold_spans = {tuple(g["char"]) for g in gold}
        self.strict += sum(1 for p in predicted if p.span in gold_spans)
        pairs = overlap_pairs([tuple(g["char"]) for g in gold], [p.span for p in predicted])
        matched_gold = {i for i, _ in pairs}
        matched_pred = {j for _, j in pairs}
        self.relaxed += len(pairs)
        for g, p in ((gold[i], predicted[j]) for i, j in pairs):
            right = same_value(g["value"], p.value)
            self.typed += g["type"] == p.type
            self.valued += right
            self.valued_exact += g["value"] == p.value
            self._count(kind_of(p.text), "right" if right else "wrong")
            if not right or tuple(g["char"]) != p.span:
                self.errors.append(
                    {"doc": doc_id, "kind": "span" if right else "value",
                     "gold": [g["text"], g["type"], g["value"]], "got": [p.text, p.type, p.value]}
                )  # fmt: skip
        for j, p in enumerate(predicted):
            if j not in matched_pred:
                self._count(kind_of(p.text), "spurious")
        for i, g in enumerate(gold):
            if i not in matched_gold:
                self._count("missed " + g["type"], "missed")
        self.errors += [
            {"doc": doc_id, "kind": "missed", "gold": [g["text"], g["type"], g["value"]]}
            for i, g in enumerate(gold)
            if i not in matched_gold
        ]
        self.errors += [
            {"doc": doc_id, "kind": "spurious", "got": [p.text, p.type, p.value]}
            for j, p in enumerate(predicted)
            if j not in matched_pred
        ]

    def _count(self, kind: str | None, outcome: str) -> None:
        self.outcomes.setdefault(kind or "?", Counter())[outcome] += 1

    def scores(self) -> dict[str, float | int]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "strict_f1": f1(self.strict, self.predicted, self.gold),
            "relaxed_f1": f1(self.relaxed, self.predicted, self.gold),
            "relaxed_precision": ratio(self.relaxed, self.predicted),
            "relaxed_recall": ratio(self.relaxed, self.gold),
            "type_accuracy": ratio(self.typed, self.relaxed),
            "value_f1": f1(self.valued, self.predicted, self.gold),
            # the same, with values compared as strings (no canonical_value)
            "value_f1_exact": f1(self.valued_exact, self.predicted, self.gold),
        }


def canonical_value(value: str | None) -> str | None:
    """A TIMEX3 value in one spelling: ``2000-W7`` -> ``2000-W07``, ``198X`` -> ``198``.

    Only notations of the same thing are merged: AQUAINT pads week numbers
    differently, writes decades as ``198X`` and some years as ``1968-XX`` or
    ``1994-XX-XX`` (trailing unknown parts add nothing to a year).
    """
    if value is None:
        return None
    value = re.sub(r"-W(\d)(?!\d)", r"-W0\1", value)
    value = re.sub(r"^(\d{4})(?:-XX)+$", r"\1", value)
    return re.sub(r"^(\d{2,3})X+$", r"\1", value)


def same_value(gold: str | None, predicted: str | None) -> bool:
    return canonical_value(gold) == canonical_value(predicted)


def read_tempeval(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(corpus name, document) pairs from a TempEval-3 JSONL file or a folder of them."""
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    for file in files:
        corpus = CORPORA.get(file.name, file.stem)
        for document in read_jsonl(file):
            yield corpus, document


def gold_times(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The scored TIMEX3s of a document: all but the creation time."""
    return [
        t
        for t in document["timex3"]
        if t.get("functionInDocument") != "CREATION_TIME" and t.get("tid") != "t0"
    ]


def evaluate_times(
    path: Path, *, limit: int | None = None, settings: Settings | None = None
) -> dict[str, Any]:
    """Scores of the digest's times and of the baseline on the TempEval-3 data at ``path``.

    ``path`` is the ``tempeval3`` folder (or one of its JSONL files); ``limit``
    caps the documents read per corpus. Each document is digested with its DCT
    as the publication date. Returns ``{"corpora": {name: {system: scores}},
    "speed": {...}, "errors": {name: [...]}}``; speed is in CPU milliseconds per
    1,000 words, for the bare spaCy model and for the digest's times stage.
    """
    from newsgraph.analysis import analyse_articles
    from newsgraph.nlp.pipeline import load_base_model

    settings = settings or Settings()
    documents: list[tuple[str, dict[str, Any]]] = []
    seen: dict[str, int] = {}
    for corpus, document in read_tempeval(path):
        if limit is None or seen.get(corpus, 0) < limit:
            seen[corpus] = seen.get(corpus, 0) + 1
            documents.append((corpus, document))
    inputs = [tempeval_input(d) for _, d in documents]
    timer = StageTimer()
    base = load_base_model(settings.model)  # the baseline's parse: the bare model, cached
    baseline = _Baseline()
    counts: dict[str, dict[str, Counts]] = {}
    halves: dict[str, dict[str, Counts]] = {}
    words = 0
    digests = analyse_articles((i.article for i in inputs), settings, timer)
    for (corpus, document), read, digest in zip(documents, inputs, digests, strict=True):
        text, dct = document["text"], document["dct"]
        with timer("spacy"):
            doc = base(text)
        words += len(text.split())
        gold = gold_times(document)
        per_system = counts.setdefault(corpus, {name: Counts() for name in SYSTEMS})
        # the gold is in the given text; a headline the reader put before it is not annotated
        ours = [_back(t, read) for t in digest.times if read.in_given_text(t.span)]
        per_system["newsgraph"].add(gold, ours, document["doc_id"])
        per_half = halves.setdefault(corpus, {name: Counts() for name in HALVES})
        per_half[half_of(document["doc_id"])].add(gold, ours, document["doc_id"])
        per_system["baseline"].add(gold, baseline.times(doc, dct), document["doc_id"])
    per_kwords = 1000 / words if words else 0.0
    spacy_seconds, times_seconds = timer.seconds["spacy"], timer.seconds["times"]
    return {
        "corpora": {
            corpus: {name: c.scores() for name, c in systems.items()}
            for corpus, systems in counts.items()
        },
        "speed": {
            "documents": len(documents),
            "words": words,
            "spacy_ms_per_1k_words": 1000 * spacy_seconds * per_kwords,
            "times_ms_per_1k_words": 1000 * times_seconds * per_kwords,
            "times_share_of_spacy": ratio(times_seconds, spacy_seconds),
        },
        "errors": {corpus: systems["newsgraph"].errors for corpus, systems in counts.items()},
        "halves": {
            corpus: {name: c.scores() for name, c in parts.items()}
            for corpus, parts in halves.items()
        },
        "classes": {
            corpus: {name: {k: dict(v) for k, v in c.outcomes.items()} for name, c in parts.items()}
            for corpus, parts in halves.items()
        },
    }


def tempeval_input(document: dict[str, Any]) -> Input:
    """The document as a JSON article (text, title, the DCT as ``published``), read by the
    JSON reader as a user's file is."""
    obj = article_object(
        document["text"],
        title=document.get("title"),
        published=document["dct"],
        id=document["doc_id"],
    )
    return read_object(obj, "tempeval3")


def _back(time: TimeExpr, read: Input) -> TimeExpr:
    """``time`` with its span in the given text's offsets, as the gold has them."""
    start, end = time.span
    return replace(time, span=(start - read.offset, end - read.offset))


class _Baseline:
    """spaCy DATE/TIME entities, normalised with dateparser relative to the DCT."""

    def __init__(self) -> None:
        from dateparser.date import DateDataParser

        self._parser = DateDataParser(languages=["en"])

    def times(self, doc: Any, dct: str) -> list[TimeExpr]:
        base = datetime.fromisoformat(dct)
        found = []
        for ent in doc.ents:
            if ent.label_ in ("DATE", "TIME"):
                value = self._value(ent.text, base, ent.label_)
                found.append(TimeExpr(ent.text, (ent.start_char, ent.end_char), ent.label_, value))
        return found

    def _value(self, text: str, base: datetime, label: str) -> str | None:
        self._parser._settings.RELATIVE_BASE = base  # one parser, re-anchored per document
        data = self._parser.get_date_data(text)
        when = data.date_obj if data else None
        if when is None:
            return None
        if label == "TIME" or data.period == "time":
            return when.strftime("%Y-%m-%dT%H:%M")
        formats = {"year": "%Y", "month": "%Y-%m", "week": "%G-W%V", "day": "%Y-%m-%d"}
        return when.strftime(formats.get(data.period or "day", "%Y-%m-%d"))


def format_report(report: dict[str, Any]) -> str:
    """The scores as a plain-text table, one row per corpus and system, then the speed."""
    columns = ("strict_f1", "relaxed_f1", "type_accuracy", "value_f1", "value_f1_exact")
    header = f"{'corpus':<10} {'system':<10} {'gold':>5} {'pred':>5} " + " ".join(
        f"{c:>13}" for c in columns
    )
    lines = [header, "-" * len(header)]
    for corpus, systems in report["corpora"].items():
        for name, scores in systems.items():
            lines.append(
                f"{corpus:<10} {name:<10} {scores['gold']:>5} {scores['predicted']:>5} "
                + " ".join(f"{scores[c]:>13.3f}" for c in columns)
            )
    for corpus, parts in report.get("halves", {}).items():
        for name, scores in parts.items():
            lines.append(
                f"{corpus:<10} {'half ' + name:<10} {scores['gold']:>5} {scores['predicted']:>5} "
                + " ".join(f"{scores[c]:>13.3f}" for c in columns)
            )
    speed = report["speed"]
    lines.append("")
    lines.append(
        f"{speed['documents']} documents, {speed['words']} words: spaCy "
        f"{speed['spacy_ms_per_1k_words']:.1f} ms / 1,000 words, times stage "
        f"{speed['times_ms_per_1k_words']:.2f} ms / 1,000 words "
        f"({100 * speed['times_share_of_spacy']:.1f}% of spaCy)"
    )
    return "\n".join(lines)


def iter_errors(report: dict[str, Any], kinds: Iterable[str] = ("value",)) -> Iterator[str]:
    """Readable lines for the errors of one kind (value, span, missed, spurious)."""
    wanted = set(kinds)
    for corpus, errors in report["errors"].items():
        for error in errors:
            if error["kind"] in wanted:
                gold, got = error.get("gold"), error.get("got")
                yield f"{corpus}\t{error['doc']}\t{error['kind']}\t{gold}\t{got}"


OUTCOMES = ("right", "wrong", "spurious", "missed")


def format_classes(report: dict[str, Any], half: str) -> str:
    """Per corpus, the found times of one half by pattern kind: how many have the right
    value, a wrong one, or no gold time; then the gold times missed, by TIMEX3 type."""
    lines = [f"{'corpus':<10} {'half':<5} {'class':<14} " + " ".join(f"{o:>9}" for o in OUTCOMES)]
    for corpus, parts in report.get("classes", {}).items():
        outcomes = parts.get(half, {})
        for name in sorted(outcomes):
            counts = " ".join(f"{outcomes[name].get(o, 0):>9}" for o in OUTCOMES)
            lines.append(f"{corpus:<10} {half:<5} {name:<14} {counts}")
    return "\n".join(lines)
