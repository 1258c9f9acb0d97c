"""Score events on MEANTIME (English Wikinews) and WikiEvents dev, next to a plain baseline.

MEANTIME: trigger F1 (a predicted trigger overlaps a gold event mention,
one-to-one), argument F1 (the trigger matches, the role matches after mapping
agent -> Arg0, patient -> Arg1, place -> Argm-LOC, and the argument phrase
overlaps the gold participant mention) and event-time accuracy (the value of
the event's time equals, as ``tempeval.same_value`` spells values, the TIMEX3 the gold
event is anchored to by an IS_INCLUDED / INCLUDES / SIMULTANEOUS link). "time acc"
counts the matched events anchored to a TIMEX3 of the text; an event the text leaves
undated is scored with the publication date the timeline shows it at (basis
``published``), and "text acc" counts only the times the text itself gives. "+DCT acc"
adds the events anchored to the creation time, right when the time is that date.
A document without a creation time has its date line ("April 27 , 2005") as the article
date, as a scraper gives it. MEANTIME annotates the title and
the first sentences of each article only: lines 0-5 (title, date line, four
sentences) are scored, predictions after them are ignored.

WikiEvents: events of the KAIROS ontology. Our types and roles map to theirs
through ``WIKIEVENTS_TYPES`` (compared at the ``Type.Subtype`` level, e.g.
``Conflict.Attack``); types without a KAIROS counterpart are not scored.
Trigger identification (span only) and classification (span and type),
argument identification (trigger and argument span) and classification (and role).

newsgraph's triggers are every event mention its digest was made from, untyped
ones included (the digest itself lists typed events only). The baseline, in the
same run and on the same parse: every verb is a trigger, its nsubj is Arg0 and
its dobj Arg1.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from newsgraph.config import Settings
from newsgraph.evaluate.digests import docs_and_digests
from newsgraph.evaluate.halves import HALVES, half_of
from newsgraph.evaluate.inputs import Input, article_object, read_object, read_plain
from newsgraph.evaluate.metrics import f1, overlap, overlap_pairs, ratio, read_jsonl
from newsgraph.evaluate.tempeval import same_value
from newsgraph.extract.entities.index import index_entities
from newsgraph.extract.events.find import EventMention, find_event_mentions
from newsgraph.records import Digest
from newsgraph.timing import StageTimer

MEANTIME_FILE = "meantime_airbus_apple.jsonl"
WIKIEVENTS_FILE = "dev.jsonl"
SCORED_LINES = 6  # MEANTIME: title, date line and the first four sentences are annotated
ROLE_TO_MEANTIME = {"agent": "Arg0", "patient": "Arg1", "place": "Argm-LOC"}
PUBLISHED = "published"  # the basis of a time that is the article's date standing in
_ANCHOR_LINKS = {"IS_INCLUDED": "source", "SIMULTANEOUS": "source", "INCLUDES": "target"}

# Our type -> (KAIROS event type, {our role: KAIROS role}). "agent"/"patient"/"place".
WIKIEVENTS_TYPES: dict[str, tuple[str, dict[str, str]]] = {
    "attack": ("Conflict.Attack", {"agent": "Attacker", "patient": "Target", "place": "Place"}),
    "shooting": ("Conflict.Attack", {"agent": "Attacker", "patient": "Target", "place": "Place"}),
    "explosion": ("Conflict.Attack", {"agent": "Attacker", "patient": "Target", "place": "Place"}),
    "killing": ("Life.Die", {"agent": "Killer", "patient": "Victim", "place": "Place"}),
    "death": ("Life.Die", {"agent": "Killer", "patient": "Victim", "place": "Place"}),
    "injury": ("Life.Injure", {"agent": "Injurer", "patient": "Victim", "place": "Place"}),
    "arrest": (
        "Justice.ArrestJailDetain",
        {"agent": "Jailer", "patient": "Detainee", "place": "Place"},
    ),
    "charge": ("Justice.ChargeIndict", {"agent": "Prosecutor", "patient": "Defendant"}),
    "trial": (
        "Justice.TrialHearing",
        {"agent": "Prosecutor", "patient": "Defendant", "place": "Place"},
    ),
    "verdict": ("Justice.Convict", {"agent": "JudgeCourt", "patient": "Defendant"}),
    "sentencing": ("Justice.Sentence", {"agent": "JudgeCourt", "patient": "Defendant"}),
    "release": ("Justice.ReleaseParole", {"agent": "JudgeCourt", "patient": "Defendant"}),
    "investigation": (
        "Justice.InvestigateCrime",
        {"agent": "Investigator", "patient": "Defendant", "place": "Place"},
    ),
    "statement": ("Contact.Contact", {"agent": "Communicator", "place": "Place"}),
    "press_conference": ("Contact.Contact", {"agent": "Communicator", "place": "Place"}),
    "interview": ("Contact.Contact", {"agent": "Participant", "patient": "Participant"}),
    "meeting": (
        "Contact.Contact",
        {"agent": "Participant", "patient": "Participant", "place": "Place"},
    ),
    "protest": ("Conflict.Demonstrate", {"agent": "Demonstrator", "place": "Place"}),
    "acquisition": (
        "Transaction.ExchangeBuySell",
        {"agent": "Recipient", "patient": "AcquiredEntity"},
    ),
    "sale": ("Transaction.ExchangeBuySell", {"agent": "Giver", "patient": "AcquiredEntity"}),
    "resignation": ("Personnel.EndPosition", {"agent": "Employee", "place": "Place"}),
    "dismissal_from_office": (
        "Personnel.EndPosition",
        {"agent": "Employer", "patient": "Employee"},
    ),
    "election": ("Personnel.Elect", {"agent": "Voter", "patient": "Candidate"}),
    "kidnapping": ("Conflict.Attack", {"agent": "Attacker", "patient": "Target"}),
}


@dataclass(frozen=True, slots=True)
class Pred:
    """A predicted event mention in evaluation form: trigger span, label, (role, span) args."""

    span: tuple[int, int]
    label: str | None
    args: tuple[tuple[str, tuple[int, int]], ...]
    time: str | None = None
    time_basis: str | None = None  # the digest's basis; ``published``: the article date
    time_text: str = ""
    sentence: str = ""  # MEANTIME only, for the error list: the trigger's sentence
    sentence_times: tuple[tuple[str, str], ...] = ()  # and its (text, value) times


@dataclass(frozen=True, slots=True)
class Gold:
    span: tuple[int, int]
    label: str | None
    args: tuple[tuple[str, tuple[int, int]], ...]
    times: tuple[str, ...] = ()  # values of the TIMEX3s the event is anchored to
    dct_anchored: bool = False
    dct: str | None = None  # the value of the creation time it is anchored to
    anchors: tuple[tuple[str, str, str], ...] = ()  # (text, type, value) of ``times``


@dataclass(frozen=True, slots=True)
class TimeMiss:
    """A matched gold event with an explicit anchor whose predicted time is not it."""

    doc_id: str
    gold: Gold
    pred: Pred


@dataclass(slots=True)
class Scores:
    """Running counts for one system on one data set."""

    documents: int = 0
    gold: int = 0
    pred: int = 0
    trig: int = 0  # span match
    trig_typed: int = 0  # span and label
    gold_args: int = 0
    pred_args: int = 0
    arg_ident: int = 0
    arg_class: int = 0
    time_gold: int = 0  # matched gold events anchored to a non-DCT TIMEX3
    time_hit: int = 0
    time_gold_all: int = 0  # ... or to the DCT
    time_hit_all: int = 0
    time_hit_text: int = 0  # ... by a time the text gives (not the publication date)
    time_pred: int = 0  # matched predictions that carry a time the text gives
    time_pred_right: int = 0
    errors: list[str] = field(default_factory=list)
    time_misses: list[TimeMiss] = field(default_factory=list)

    def add(self, doc_id: str, gold: Sequence[Gold], pred: Sequence[Pred], typed: bool) -> None:
        self.documents += 1
        self.gold += len(gold)
        self.pred += len(pred)
        self.gold_args += sum(len(g.args) for g in gold)
        self.pred_args += sum(len(p.args) for p in pred)
        pairs = overlap_pairs([g.span for g in gold], [p.span for p in pred])
        matched_pred = {j for _, j in pairs}
        for i, j in pairs:
            g, p = gold[i], pred[j]
            self.trig += 1
            same_type = not typed or g.label == p.label
            self.trig_typed += same_type
            used_ident: set[int] = set()
            used_class: set[int] = set()
            for role, span in p.args:
                ident = _first_overlap(span, g.args, used_ident, None)
                if ident is not None:
                    used_ident.add(ident)
                    self.arg_ident += 1
                found = _first_overlap(span, g.args, used_class, role) if same_type else None
                if found is not None:
                    used_class.add(found)
                    self.arg_class += 1
            if not self._score_time(g, p) and g.times:
                self.time_misses.append(TimeMiss(doc_id, g, p))
        self.errors += [f"{doc_id}\tspurious\t{p.span}" for j, p in enumerate(pred)
                        if j not in matched_pred]  # fmt: skip

    def _score_time(self, g: Gold, p: Pred) -> bool:
        """Count one matched pair; whether its time is right (against an explicit anchor)."""
        right = p.time is not None and any(same_value(v, p.time) for v in g.times)
        from_text = p.time_basis != PUBLISHED
        if g.times:
            self.time_gold += 1
            self.time_hit += right
            self.time_hit_text += right and from_text
        if g.times or g.dct_anchored:
            self.time_gold_all += 1
            self.time_hit_all += right or (g.dct is not None and same_value(g.dct, p.time))
        if p.time is not None and from_text:
            self.time_pred += 1
            self.time_pred_right += right
        return right

    def scores(self) -> dict[str, float | int]:
        return {
            "gold": self.gold,
            "predicted": self.pred,
            "trigger_f1": f1(self.trig, self.pred, self.gold),
            "trigger_precision": ratio(self.trig, self.pred),
            "trigger_recall": ratio(self.trig, self.gold),
            "trigger_class_f1": f1(self.trig_typed, self.pred, self.gold),
            "argument_f1": f1(self.arg_class, self.pred_args, self.gold_args),
            "argument_precision": ratio(self.arg_class, self.pred_args),
            "argument_recall": ratio(self.arg_class, self.gold_args),
            "argument_ident_f1": f1(self.arg_ident, self.pred_args, self.gold_args),
            "time_accuracy": ratio(self.time_hit, self.time_gold),
            "time_accuracy_text": ratio(self.time_hit_text, self.time_gold),
            "time_accuracy_with_dct": ratio(self.time_hit_all, self.time_gold_all),
            "time_precision": ratio(self.time_pred_right, self.time_pred),
            "time_gold": self.time_gold,
        }


def _first_overlap(
    span: tuple[int, int],
    args: Sequence[tuple[str, tuple[int, int]]],
    used: set[int],
    role: str | None,
) -> int | None:
    """The first unused gold argument overlapping ``span`` (with ``role``, unless None)."""
    for k, (g_role, g_span) in enumerate(args):
        if k not in used and (role is None or g_role == role) and overlap(span, g_span):
            return k
    return None


# --- MEANTIME ---------------------------------------------------------------------------


def meantime_gold(record: dict[str, Any], limit_char: int) -> list[Gold]:
    """The scored gold event mentions of one MEANTIME document, with Arg0/Arg1/Argm-LOC."""
    mentions = {m["m_id"]: m for m in record["entity_mentions"]}
    timexes = {t["m_id"]: t for t in record["timex3"]}
    args: dict[str, list[tuple[str, tuple[int, int]]]] = {}
    for link in record["has_participant"]:
        target = mentions.get(link["participant"])
        if target is not None and link["role"] in ROLE_TO_MEANTIME.values():
            args.setdefault(link["event"], []).append((link["role"], tuple(target["char"])))
    anchors: dict[str, list[dict[str, Any]]] = {}
    for link in record["tlinks"]:
        side = _ANCHOR_LINKS.get(link["reltype"])
        if side is None:
            continue
        event_id, timex_id = (
            (link["source"], link["target"])
            if side == "source"
            else (link["target"], link["source"])
        )
        if timex_id in timexes:
            anchors.setdefault(event_id, []).append(timexes[timex_id])
    gold = []
    for event in record["event_mentions"]:
        if event["char"][0] >= limit_char:
            continue
        linked = anchors.get(event["m_id"], [])
        explicit = [t for t in linked if t.get("function") != "CREATION_TIME" and t.get("value")]
        dct = [t for t in linked if t.get("function") == "CREATION_TIME"]
        gold.append(
            Gold(
                span=tuple(event["char"]),
                label=None,
                args=tuple(args.get(event["m_id"], [])),
                times=tuple(t["value"] for t in explicit),
                dct_anchored=bool(dct),
                dct=next((t["value"] for t in dct if t.get("value")), None),
                anchors=tuple((t["text"], t["type"], t["value"]) for t in explicit),
            )
        )
    return gold


def _scored_limit(text: str) -> int:
    at = -1
    for _ in range(SCORED_LINES):
        at = text.find("\n", at + 1)
        if at < 0:
            return len(text)
    return at


def _ours_meantime(
    mentions: Sequence[EventMention], scored: tuple[int, int], digest: Digest
) -> list[Pred]:
    """The mentions in ``scored``; one the text leaves undated has the article's date,
    basis ``published``, as the timeline places it (never a time of its own clause)."""
    preds = []
    published = digest.article.published
    day = published[:10] if published else None
    for m in mentions:
        if not scored[0] <= m.span[0] < scored[1]:
            continue
        args = tuple(
            (ROLE_TO_MEANTIME[a.role], a.span) for a in m.arguments if a.role in ROLE_TO_MEANTIME
        )
        start, end = m.sentence_span
        when = (
            (m.time.value, m.time_basis, m.time.text)
            if m.time is not None and m.time.value
            else (day, PUBLISHED if day else None, "")
        )
        around = tuple((t.text, t.value or "") for t in digest.times if start <= t.span[0] < end)
        preds.append(Pred(m.span, None, args, *when, digest.article.text[start:end], around))
    return preds


def baseline_mentions(doc: Doc) -> Iterator[tuple[Token, list[tuple[str, Token]]]]:
    """Every verb a trigger; nsubj = Arg0, dobj = Arg1 (role names as MEANTIME's)."""
    for tok in doc:
        if tok.pos_ == "VERB":
            args = [
                ("Arg0" if c.dep_ == "nsubj" else "Arg1", c)
                for c in tok.children
                if c.dep_ in {"nsubj", "dobj"}
            ]
            yield tok, args


def _np_span(tok: Token) -> tuple[int, int]:
    start = tok.left_edge if tok.left_edge.i <= tok.i else tok
    return (start.idx, tok.idx + len(tok.text))


def _baseline_preds(doc: Doc, scored: tuple[int, int]) -> list[Pred]:
    """The baseline's mentions whose trigger starts in ``scored`` (a character range)."""
    return [
        Pred((t.idx, t.idx + len(t.text)), None, tuple((r, _np_span(a)) for r, a in args))
        for t, args in baseline_mentions(doc)
        if scored[0] <= t.idx < scored[1]
    ]


def _event_mentions(doc: Doc, digest: Digest) -> list[EventMention]:
    """Every event mention of ``doc``, untyped ones included, from the digest's own inputs.

    The digest keeps typed events only; the scores need every trigger. The references
    ("he", "the spokeswoman" -> entity) are the mentions coreference added to the
    digest's entities, read back to the token they end on.
    """
    # TODO(merge): read doc._.newsgraph_event_mentions
    index = index_entities(doc)
    named = {e.id: set(e.mentions) for e in index.entities}
    references = {}
    for ent in digest.entities:
        for start, end in ent.mentions:
            span = doc.char_span(start, end) if (start, end) not in named[ent.id] else None
            if span is not None:
                references[span[-1].i] = ent.id
    return find_event_mentions(
        doc, index, digest.times, quotes=digest.quotes, references=references
    )


def _records(
    path: Path, name: str, limit: int | None, half: str | None = None
) -> list[dict[str, Any]]:
    file = path / name if path.is_dir() else path
    records = (r for r in read_jsonl(file) if half is None or half_of(r["doc_id"]) == half)
    return list(islice(records, limit))


def _meantime(
    path: Path, limit: int | None, settings: Settings, timer: StageTimer, half: str | None
) -> dict[str, Scores]:
    records = _records(path, MEANTIME_FILE, limit, half)
    inputs = [meantime_input(r) for r in records]
    systems = _systems()
    pairs = docs_and_digests((i.article for i in inputs), settings, timer)
    for record, read, (doc, digest) in zip(records, inputs, pairs, strict=True):
        # the annotated part of the given text, in the analysed text's offsets
        scored = (read.offset, read.offset + _scored_limit(record["text"]))
        gold = [_moved(g, read) for g in meantime_gold(record, scored[1] - read.offset)]
        ours = _ours_meantime(_event_mentions(doc, digest), scored, digest)
        systems["newsgraph"].add(record["doc_id"], gold, ours, False)
        systems[_half(record["doc_id"])].add(record["doc_id"], gold, ours, False)
        systems["baseline"].add(record["doc_id"], gold, _baseline_preds(doc, scored), False)
    return systems


def meantime_input(record: dict[str, Any]) -> Input:
    """The document as a JSON article (text, title, the DCT as ``published``, url), read by
    the JSON reader as a user's file is; the text opens with its title, which is found."""
    obj = article_object(
        record["text"],
        title=record.get("title"),
        published=record.get("dct") or date_line(record["text"]),
        id=record["doc_id"],
        url=record.get("url"),
    )
    return read_object(obj, "meantime")


def date_line(text: str) -> str | None:
    """The ISO date of a MEANTIME text's second line, its date line: ``"April 27 , 2005"``
    -> ``"2005-04-27"``; None when that line is no date.

    Two documents have no creation time but this line, which their annotators resolved
    "today" against; a scraper would have given it as the article's date.
    """
    lines = text.split("\n", 2)
    if len(lines) < 2:
        return None
    try:
        return datetime.strptime(lines[1].replace(" ,", ","), "%B %d, %Y").date().isoformat()
    except ValueError:
        return None


def _moved(gold: Gold, read: Input) -> Gold:
    args = tuple((role, read.gold_span(span)) for role, span in gold.args)
    return replace(gold, span=read.gold_span(gold.span), args=args)


# --- WikiEvents -------------------------------------------------------------------------


def wikievents_text(record: dict[str, Any]) -> tuple[str, list[tuple[int, int]]]:
    """The document as text, one sentence per line, and each token's character span.

    The set's own ``text`` field runs sentences together ("in SyriaThe desert");
    the token offsets leave one character between sentences, which becomes "\\n".
    """
    spans = [(start, end) for sentence in record["sentences"] for _, start, end in sentence[0]]
    chars = [" "] * (spans[-1][1] if spans else 0)
    for sentence in record["sentences"]:
        for word, start, end in sentence[0]:
            chars[start:end] = list(word[: end - start].ljust(end - start))
        last_end = sentence[0][-1][2] if sentence[0] else 0
        if last_end < len(chars):
            chars[last_end] = "\n"
    return "".join(chars), spans


def wikievents_gold(record: dict[str, Any], spans: list[tuple[int, int]]) -> list[Gold]:
    mentions = {m["id"]: m for m in record["entity_mentions"]}

    def char_span(start: int, end: int) -> tuple[int, int]:
        return spans[start][0], spans[end - 1][1]

    gold = []
    for event in record["event_mentions"]:
        trigger = event["trigger"]
        args = []
        for arg in event["arguments"]:
            mention = mentions.get(arg["entity_id"])
            if mention is not None:
                args.append((arg["role"], char_span(mention["start"], mention["end"])))
        label = ".".join(event["event_type"].split(".")[:2])
        gold.append(Gold(char_span(trigger["start"], trigger["end"]), label, tuple(args)))
    return gold


def _ours_wikievents(mentions: Sequence[EventMention]) -> list[Pred]:
    preds = []
    for m in mentions:
        mapped = WIKIEVENTS_TYPES.get(m.type)
        if mapped is None:
            continue
        label, roles = mapped
        args = tuple((roles[a.role], a.span) for a in m.arguments if a.role in roles)
        preds.append(Pred(m.span, label, args))
    return preds


def _wikievents(
    path: Path, limit: int | None, settings: Settings, timer: StageTimer, half: str | None
) -> dict[str, Scores]:
    records = _records(path, WIKIEVENTS_FILE, limit, half)
    texts = [wikievents_text(r) for r in records]
    # a text file per document: WikiEvents gives no headline apart from the text
    inputs = [read_plain(text, "wikievents") for text, _ in texts]
    systems = _systems()
    pairs = docs_and_digests((i.article for i in inputs), settings, timer)
    for record, (text, spans), (doc, digest) in zip(records, texts, pairs, strict=True):
        gold = wikievents_gold(record, spans)
        ours = _ours_wikievents(_event_mentions(doc, digest))
        systems["newsgraph"].add(record["doc_id"], gold, ours, True)
        systems[_half(record["doc_id"])].add(record["doc_id"], gold, ours, True)
        # the baseline cannot type events: its spans and arguments are scored without labels
        untyped = [Gold(g.span, None, tuple(("arg", s) for _, s in g.args)) for g in gold]
        base = [
            Pred(p.span, None, tuple(("arg", s) for _, s in p.args))
            for p in _baseline_preds(doc, (0, len(text)))
        ]
        systems["baseline"].add(record["doc_id"], untyped, base, False)
    return systems


def _systems() -> dict[str, Scores]:
    """newsgraph, the baseline and newsgraph on each half of the documents (``evaluate.halves``)."""
    return {"newsgraph": Scores(), "baseline": Scores(), **{f"newsgraph {h}": Scores()
                                                            for h in HALVES}}  # fmt: skip


def _half(doc_id: str) -> str:
    """ "newsgraph A": the row of the document's half."""
    return f"newsgraph {half_of(doc_id)}"


def evaluate_events(
    meantime_path: Path,
    wikievents_path: Path | None = None,
    *,
    limit: int | None = None,
    settings: Settings | None = None,
    half: str | None = None,
) -> dict[str, Any]:
    """Scores of the digest's events and of the baseline on MEANTIME (and WikiEvents dev).

    Paths are the data set folders or their JSONL files; ``limit`` caps the
    documents read from each, ``half`` ("A" or "B") keeps that half's only. Systems are
    ``newsgraph``, ``baseline`` and newsgraph on each half of the documents, ``newsgraph
    A`` and ``newsgraph B`` (``evaluate.halves``). Returns ``{"datasets": {name: {system:
    scores}}, "speed": {...}, "time_misses": {system: [TimeMiss, ...]}}`` (MEANTIME's
    matched events whose time is not their anchor's); speed compares the CPU milliseconds
    per article of the spaCy parse with those of the digest's events stage.
    """
    settings = settings or Settings()
    timer = StageTimer()
    results = {"MEANTIME": _meantime(Path(meantime_path), limit, settings, timer, half)}
    if wikievents_path is not None:
        results["WikiEvents"] = _wikievents(Path(wikievents_path), limit, settings, timer, half)
    articles = sum(s["newsgraph"].documents for s in results.values())
    parse, events = timer.seconds["parse"], timer.seconds["events"]
    return {
        "datasets": {
            name: {system: s.scores() for system, s in systems.items()}
            for name, systems in results.items()
        },
        "time_misses": {system: s.time_misses for system, s in results["MEANTIME"].items()},
        "speed": {
            "articles": articles,
            "nlp_ms_per_article": 1000 * ratio(parse, articles),
            "events_ms_per_article": 1000 * ratio(events, articles),
            "events_share_of_nlp": ratio(events, parse),
        },
    }


def format_report(report: dict[str, Any]) -> str:
    """The scores as a plain-text table, one row per data set and system, then the speed."""
    columns = (
        ("trigger_f1", "trig F1"),
        ("trigger_precision", "trig P"),
        ("trigger_recall", "trig R"),
        ("trigger_class_f1", "typed F1"),
        ("argument_f1", "arg F1"),
        ("argument_ident_f1", "arg-id F1"),
        ("time_accuracy", "time acc"),
        ("time_accuracy_text", "text acc"),
        ("time_accuracy_with_dct", "+DCT acc"),
        ("time_precision", "time P"),
    )
    header = f"{'data set':<11} {'system':<11} {'gold':>5} {'pred':>5} " + " ".join(
        f"{label:>9}" for _, label in columns
    )
    lines = [header, "-" * len(header)]
    for name, systems in report["datasets"].items():
        for system, scores in systems.items():
            lines.append(
                f"{name:<11} {system:<11} {scores['gold']:>5} {scores['predicted']:>5} "
                + " ".join(f"{scores[key]:>9.3f}" for key, _ in columns)
            )
    speed = report["speed"]
    lines += [
        "",
        f"{speed['articles']} articles: spaCy {speed['nlp_ms_per_article']:.1f} ms / article, "
        f"events stage {speed['events_ms_per_article']:.2f} ms / article "
        f"({100 * speed['events_share_of_nlp']:.1f}% of spaCy)",
    ]
    return "\n".join(lines)
