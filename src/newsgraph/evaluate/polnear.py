"""Score quote extraction on PolNeAR (Newell, Margolin & Ruths 2018), with a baseline.

Measures (see ``shared/datasets/README.md``): content-span P/R/F1 with a one-to-one
half-overlap match, split by the gold content's form (direct / mixed / indirect),
speaker accuracy on matched quotes, and end-to-end F1 (content match and right
speaker). The baseline, scored in the same run, is the common rule set: a reporting
verb with a nominal subject, and the quotation in its sentence or else its clause.

PolNeAR's ``type`` field only says whether a source is annotated
(``Attribution`` / ``Attribution-no-source``), so the direct/indirect split is read
off the gold content: ``direct`` when it is all inside quotation marks, ``mixed``
when it holds a quotation and paraphrase, ``indirect`` when it holds none.

Where several annotators annotated a document, the record of the annotator whose id
sorts first is used, so every document counts once.

Speaker rule: a matched quote has the right speaker when its ``speaker_span`` overlaps
a gold source span, or when one of the mentions of its ``speaker`` entity in the digest
does (its names, and the pronouns and role nouns coreference linked to it: a gold
source "he" that coreference resolved to the quote's speaker counts); a gold attribution
without a source is matched by a prediction without a speaker.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from newsgraph.config import Settings
from newsgraph.evaluate.digests import docs_and_digests
from newsgraph.evaluate.halves import HALVES, half_of
from newsgraph.evaluate.inputs import Input, article_object, read_object
from newsgraph.evaluate.metrics import greedy_pairs, harmonic_mean, overlap, ratio, read_jsonl
from newsgraph.extract.quotes.marks import find_quotations, quotations_of
from newsgraph.records import Entity, Quote
from newsgraph.timing import StageTimer

Spans = list[tuple[int, int]]

FORMS = ("direct", "mixed", "indirect")
_PRED_FORM = {"direct": "direct", "partial": "mixed", "mixed": "mixed", "indirect": "indirect"}


@dataclass(frozen=True, slots=True)
class GoldQuote:
    content: Spans
    source: Spans | None
    form: str


def load_polnear(
    path: Path, limit: int | None = None, last: int | None = None
) -> list[dict[str, Any]]:
    """One record per document from a PolNeAR JSONL file or a folder holding
    ``polnear_dev.jsonl``; the first annotator by id where there are several.
    ``limit`` keeps the first documents by id, ``last`` the last ones (a held-out
    part of train: ``last=200`` on ``polnear_train.jsonl``)."""
    if path.is_dir():
        path = path / "polnear_dev.jsonl"
    chosen: dict[str, dict[str, Any]] = {}
    for rec in read_jsonl(path):
        old = chosen.get(rec["doc_id"])
        if old is None or rec["annotator"] < old["annotator"]:
            chosen[rec["doc_id"]] = rec
    records = sorted(chosen.values(), key=lambda r: r["doc_id"])
    if last is not None:
        records = records[-last:] if last > 0 else []
    return records[:limit] if limit is not None else records


def gold_quotes(record: dict[str, Any]) -> list[GoldQuote]:
    """The gold attributions of a record, with spans as [start, end) pairs."""
    out = []
    for attr in record["attributions"]:
        content = attr.get("content")
        if not content or not content["spans"]:
            continue
        spans = [(s, e) for s, e in content["spans"]]
        source = attr.get("source")
        out.append(
            GoldQuote(
                spans,
                [(s, e) for s, e in source["spans"]] if source else None,
                _gold_form(content["text"]),
            )
        )
    return out


def _gold_form(text: str) -> str:
    quoted = sum(q.end - q.start for q in find_quotations(text))
    if quoted == 0:
        return "indirect"
    bare = len(text.strip(" .,;:\n"))
    return "direct" if quoted >= bare - 2 else "mixed"


def _overlap(a: tuple[int, int], spans: Spans) -> int:
    return sum(overlap(a, span) for span in spans)


def match(preds: Sequence[Quote], golds: Sequence[GoldQuote]) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs where each covers half of the other,
    best overlap first (on a tie, the later prediction and gold quote first)."""
    candidates = []
    for i, q in enumerate(preds):
        plen = max(1, q.span[1] - q.span[0])
        for j, g in enumerate(golds):
            glen = max(1, sum(e - s for s, e in g.content))
            ov = _overlap(q.span, g.content)
            if ov * 2 >= glen and ov * 2 >= plen:
                candidates.append(((-ov / max(plen, glen), -i, -j), i, j))
    return greedy_pairs(candidates)


def speaker_ok(quote: Quote, gold: GoldQuote, entities: dict[str, Entity]) -> bool:
    """The speaker-matching rule in the module docstring."""
    if gold.source is None:
        return quote.speaker is None and quote.speaker_span is None
    if quote.speaker_span is not None and _overlap(quote.speaker_span, gold.source) > 0:
        return True
    ent = entities.get(quote.speaker) if quote.speaker else None
    return ent is not None and any(_overlap(m, gold.source) > 0 for m in ent.mentions)


class _Tally:
    def __init__(self) -> None:
        self.pred = dict.fromkeys(FORMS, 0)
        self.gold = dict.fromkeys(FORMS, 0)
        self.hit_pred = dict.fromkeys(FORMS, 0)
        self.hit_gold = dict.fromkeys(FORMS, 0)
        self.speaker_ok = 0
        self.ms = 0.0

    def add(
        self, preds: Sequence[Quote], golds: Sequence[GoldQuote], entities: dict[str, Entity]
    ) -> None:
        for q in preds:
            self.pred[_PRED_FORM.get(q.kind, "indirect")] += 1
        for g in golds:
            self.gold[g.form] += 1
        for i, j in match(preds, golds):
            self.hit_pred[_PRED_FORM.get(preds[i].kind, "indirect")] += 1
            self.hit_gold[golds[j].form] += 1
            self.speaker_ok += speaker_ok(preds[i], golds[j], entities)

    def report(self, docs: int) -> dict[str, Any]:
        def prf(hp: int, np_: int, hg: int, ng: int) -> dict[str, float]:
            p, r = ratio(hp, np_), ratio(hg, ng)
            f = harmonic_mean(p, r)
            return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "pred": np_, "gold": ng}

        hits = sum(self.hit_gold.values())
        npred, ngold = sum(self.pred.values()), sum(self.gold.values())
        out: dict[str, Any] = {"content": prf(hits, npred, hits, ngold)}
        for form in FORMS:
            out[form] = prf(
                self.hit_pred[form], self.pred[form], self.hit_gold[form], self.gold[form]
            )
        out["speaker_accuracy"] = round(self.speaker_ok / hits, 3) if hits else 0.0
        out["end_to_end"] = prf(self.speaker_ok, npred, self.speaker_ok, ngold)
        out["ms_per_doc"] = round(self.ms / docs, 2) if docs else 0.0
        return out


# The baseline's reporting verbs: the short list common rule sets ship with.
_BASELINE_VERBS = frozenset(
    {
        "say",
        "tell",
        "add",
        "state",
        "claim",
        "explain",
        "argue",
        "announce",
        "report",
        "write",
        "insist",
        "warn",
        "note",
    }
)


def baseline_quotes(doc: Doc) -> list[Quote]:
    """Reporting verb + nominal subject + the quotation in its sentence (else its clause)."""
    quotations = quotations_of(doc)
    out: list[Quote] = []
    for tok in doc:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in _BASELINE_VERBS:
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        sent = tok.sent
        inside = [q for q in quotations if sent.start_char <= q.start < sent.end_char]
        if inside:
            q = min(inside, key=lambda q: abs(q.start - tok.idx))
            span, kind = (q.start, q.end), "direct"
        else:
            comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
            if comp is None:
                continue
            left, right = comp.left_edge, comp.right_edge
            span, kind = (left.idx, right.idx + len(right.text)), "indirect"
        speaker = doc[subj.left_edge.i : subj.right_edge.i + 1]
        out.append(
            Quote(
                id=f"q{len(out) + 1}",
                kind=kind,
                content=doc.text[span[0] : span[1]],
                span=span,
                cue=tok.text,
                cue_span=(tok.idx, tok.idx + len(tok.text)),
                speaker_text=speaker.text,
                speaker_span=(speaker.start_char, speaker.end_char),
            )
        )
    return out


def polnear_input(record: dict[str, Any]) -> Input:
    """The record as a JSON article (text, title, publication date, id), read by the
    JSON reader as a user's file is."""
    obj = article_object(
        record["text"],
        title=record.get("title"),
        published=record.get("publication_date"),
        id=record["doc_id"],
    )
    return read_object(obj, "polnear")


def _moved(gold: GoldQuote, read: Input) -> GoldQuote:
    source = [read.gold_span(s) for s in gold.source] if gold.source is not None else None
    return GoldQuote([read.gold_span(s) for s in gold.content], source, gold.form)


def evaluate_quotes(
    path: Path,
    *,
    limit: int | None = None,
    last: int | None = None,
    settings: Settings | None = None,
) -> dict[str, Any]:
    """The digest's quotes and the baseline on PolNeAR ``path`` (a JSONL file, or a folder
    whose ``polnear_dev.jsonl`` is read); ``limit`` takes the first documents by id,
    ``last`` the last ones. Speakers are checked against the digest's entities, whose
    mentions include the pronouns and role nouns coreference linked to them."""
    settings = settings or Settings()
    records = load_polnear(path, limit, last)
    inputs = [polnear_input(r) for r in records]
    timer = StageTimer()
    tallies = {"newsgraph": _Tally(), "baseline": _Tally()}
    halves = {name: _Tally() for name in HALVES}
    pairs = docs_and_digests((i.article for i in inputs), settings, timer)
    for record, read, (doc, digest) in zip(records, inputs, pairs, strict=True):
        golds = [_moved(g, read) for g in gold_quotes(record)]
        entities = {e.id: e for e in digest.entities}
        # PolNeAR annotates the given text only: quotes in a headline the reader put
        # before it are not scored
        ours = [q for q in digest.quotes if read.in_given_text(q.span)]
        tallies["newsgraph"].add(ours, golds, entities)
        halves[half_of(record["doc_id"])].add(ours, golds, entities)
        with timer("baseline"):
            baseline = [q for q in baseline_quotes(doc) if read.in_given_text(q.span)]
        tallies["baseline"].add(baseline, golds, entities)
    docs = len(records)
    tallies["newsgraph"].ms = 1000 * timer.seconds["quotes"]
    tallies["baseline"].ms = 1000 * timer.seconds["baseline"]
    return {
        "documents": docs,
        "systems": {name: t.report(docs) for name, t in tallies.items()},
        "halves": {name: t.report(docs) for name, t in halves.items()},
        "nlp_ms_per_doc": round(1000 * ratio(timer.seconds["parse"], docs), 1),
        "path": str(path),
    }


def _form_f1(form: str) -> Callable[[dict[str, Any]], Any]:
    return lambda scores: scores[form]["f1"]


def format_report(report: dict[str, Any]) -> str:
    """The report as a plain-text table."""
    systems = report["systems"]
    names = list(systems)
    rows: list[tuple[str, Callable[[dict[str, Any]], Any]]] = [
        ("content F1", lambda s: s["content"]["f1"]),
        ("content P", lambda s: s["content"]["p"]),
        ("content R", lambda s: s["content"]["r"]),
    ]
    for form in FORMS:
        rows.append((f"{form} F1", _form_f1(form)))
    rows += [
        ("speaker accuracy", lambda s: s["speaker_accuracy"]),
        ("end-to-end F1", lambda s: s["end_to_end"]["f1"]),
        ("predicted", lambda s: s["content"]["pred"]),
        ("ms per doc", lambda s: s["ms_per_doc"]),
    ]
    width = max(len(r[0]) for r in rows) + 2
    lines = [
        f"PolNeAR {report.get('path', '')}: {report['documents']} documents, "
        f"{systems[names[0]]['content']['gold']} gold attributions"
    ]
    lines.append("".ljust(width) + "".join(n.rjust(12) for n in names))
    for label, get in rows:
        lines.append(label.ljust(width) + "".join(str(get(systems[n])).rjust(12) for n in names))
    gold = systems[names[0]]
    lines.append("gold by form: " + ", ".join(f"{f} {gold[f]['gold']}" for f in FORMS))
    for half, scores in report.get("halves", {}).items():
        lines.append(
            f"newsgraph, half {half}: content F1 {scores['content']['f1']}, speaker accuracy "
            f"{scores['speaker_accuracy']}, end-to-end F1 {scores['end_to_end']['f1']} "
            f"({scores['content']['gold']} gold)"
        )
    if "nlp_ms_per_doc" in report:
        lines.append(f"spaCy pipeline: {report['nlp_ms_per_doc']} ms per doc")
    return "\n".join(lines)
