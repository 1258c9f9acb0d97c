"""Score timelines on SemEval-2015 Task 4 (TimeLine: cross-document event ordering).

``evaluate_timelines(folder)`` reads a corpus folder of the task's layout
(``semeval_data``), digests its texts (rebuilt from the tokens, so every event maps
back to the task's ``docid-sentence-word`` mentions), builds each target's timeline
(Track A: our own events, dates and entity matching; ``timeline_system``) and scores
it with the task's temporal awareness (``awareness``), next to a baseline in the same
run: every event mention of a sentence that names the target, on the article's date.
With ``system=DIR`` it scores a folder of timelines in the task's format instead,
so the gold scored against itself gives 1.0. Each system is also scored on each half
of the documents (``evaluate.halves``: both timelines cut down to the mentions of that
half's documents), so a rule developed on half A can be checked on half B.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from newsgraph.config import Settings
from newsgraph.errors import InputError
from newsgraph.evaluate.awareness import score_timelines
from newsgraph.evaluate.digests import docs_and_digests
from newsgraph.evaluate.events import _event_mentions
from newsgraph.evaluate.halves import HALVES, half_of
from newsgraph.evaluate.semeval_data import (
    TaskArticle,
    Timeline,
    TimelineEntry,
    read_docs,
    read_targets,
    read_timelines,
    task_article,
    write_timelines,
)
from newsgraph.evaluate.timeline_system import (
    ArticleEvents,
    TimelineEvent,
    arrange,
    build_timelines,
)
from newsgraph.evaluate.timeline_targets import named_spans
from newsgraph.extract.events.find import EventMention

GOLD = "timelines_gold"


def article_events(
    articles: Sequence[TaskArticle], settings: Settings | None = None
) -> list[ArticleEvents]:
    """Each article's digest and event mentions (with the words below each and its tense)."""
    settings = settings or Settings()
    out = []
    pairs = docs_and_digests((a.input.article for a in articles), settings)
    for article, (doc, digest) in zip(articles, pairs, strict=True):
        mentions = _without_light_verbs(doc, _event_mentions(doc, digest))
        near = tuple(_near(doc[m.token]) for m in mentions)
        tenses = tuple(_tense(doc[m.token]) for m in mentions)
        modifiers = tuple(
            (_span(t), _span(t.head))
            for t in doc
            if t.dep_ in _MODIFIER_DEPS and t.head.pos_ == "NOUN"
        )
        phrases = tuple(_phrase(doc[m.token]) for m in mentions)
        out.append(
            ArticleEvents(article, digest, tuple(mentions), near, tenses, modifiers, phrases)
        )
    return out


# dependencies that open another clause: a word below one is not this event's participant
_CLAUSE_DEPS = frozenset("ccomp advcl relcl conj xcomp parataxis csubj acl punct cc mark".split())
# how a trigger hangs under the verb whose subject is also its own participant:
# "willing to contribute" (xcomp); objects and prepositions ("made its maiden flight")
# brought more wrong events than right ones on both corpora
_GOVERNED_DEPS = frozenset({"xcomp"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_NEAR_HOPS = 3
_LIGHT_VERBS = frozenset({"make", "have", "take", "give", "get", "do"})
# a name that modifies a common noun: "Airbus jets", "iPod use", "the device 's antenna"
_MODIFIER_DEPS = frozenset({"compound", "poss"})
_UP_HOPS = 3


def _without_light_verbs(doc: Doc, mentions: list[EventMention]) -> list[EventMention]:
    """The mentions less the light verbs whose object is the event: in "made its maiden
    flight" the flight is the event (and has the maker as its agent), "made" is not."""
    nouns = {m.token for m in mentions if m.nominal}
    return [
        m
        for m in mentions
        if m.nominal
        or m.lemma not in _LIGHT_VERBS
        or not any(c.dep_ == "dobj" and c.i in nouns for c in doc[m.token].children)
    ]


def _span(tok: Token) -> tuple[int, int]:
    return (tok.idx, tok.idx + len(tok.text))


def _phrase(trigger: Token) -> tuple[int, int]:
    """The trigger with the particle right after it, as the task writes a phrasal verb:
    "rolled out" -> one mention, ``rolled_out``."""
    after = trigger.nbor(1) if trigger.i + 1 < len(trigger.doc) else None
    if after is not None and after.dep_ == "prt" and after.head == trigger:
        return (trigger.idx, after.idx + len(after.text))
    return _span(trigger)


def _near(trigger: Token) -> tuple[tuple[int, int], ...]:
    """The char spans of the words that can name the trigger's participants: a few
    dependency steps below it inside its own clause ("proceed with iPhone 4
    development" reaches "iPhone"), and the subjects of the verbs it is governed by
    ("Airbus will be willing to contribute": "Airbus" for "contribute")."""
    words = []
    frontier = [trigger]
    for _ in range(_NEAR_HOPS):
        frontier = [c for t in frontier for c in t.children if c.dep_ not in _CLAUSE_DEPS]
        words.extend(frontier)
    controller = _controller(trigger)
    if controller is not None:
        for subject in (c for c in controller.children if c.dep_ in _SUBJECTS):
            words.append(subject)
            words.extend(c for c in subject.children if c.dep_ in ("appos", "compound"))
    tok = trigger
    for _ in range(_UP_HOPS):
        if tok.dep_ not in _GOVERNED_DEPS or tok.head == tok:
            break
        tok = tok.head
        for subject in (c for c in tok.children if c.dep_ in _SUBJECTS):
            words.append(subject)
            words.extend(c for c in subject.children if c.dep_ in ("appos", "compound"))
    return tuple((w.idx, w.idx + len(w.text)) for w in words)


def _controller(trigger: Token) -> Token | None:
    """The verb whose subject is also the subject of a trigger that has none of its own:
    the light verb of its object ("Boeing made its maiden flight"), the verb a participle
    clause hangs on ("Ryanair is the largest, having reported ...", "made its flight
    after lifting off")."""
    if any(c.dep_ in _SUBJECTS for c in trigger.children):
        return None
    if trigger.dep_ == "dobj" and trigger.head.lemma_ in _LIGHT_VERBS:
        return trigger.head
    if trigger.tag_ in {"VBG", "VBN"} and trigger.dep_ == "advcl":
        return trigger.head
    if trigger.tag_ == "VBG" and trigger.dep_ == "pcomp" and trigger.head.dep_ == "prep":
        return trigger.head.head
    return None


def _tense(tok: Token) -> str:
    """The trigger's tense as the timeline dates by it: ``noun``, ``future`` ("will
    ship"), ``pluperfect`` ("had been sold"), ``perfect`` ("has filed"), ``past``,
    ``present`` or ``other`` (an infinitive, a participle with no auxiliary)."""
    if tok.pos_ == "NOUN":
        return "noun"
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & {"will", "'ll", "would", "shall"}:
        return "future"
    if "had" in words:
        return "pluperfect"
    if words & {"has", "have", "'ve", "'s"} and tok.tag_ == "VBN":
        return "perfect"
    tags = {tok.tag_} | {a.tag_ for a in auxes}
    if "VBD" in tags:
        return "past"
    if tags & {"VBZ", "VBP"}:
        return "present"
    return "other"


def baseline_timelines(targets: Sequence[str], items: Sequence[ArticleEvents]) -> list[Timeline]:
    """Every event mention of a sentence naming the target, dated by its article."""
    out = []
    for target in targets:
        events = []
        for n, item in enumerate(items):
            spans = named_spans(target, item.digest)
            published = (item.digest.article.published or "")[:10] or "XXXX-XX-XX"
            for m in item.mentions:
                s_start, s_end = m.sentence_span
                if not any(s_start <= s < s_end for s, _ in spans):
                    continue
                mid = item.article.mention_at(m.span)
                if mid is not None:
                    events.append(TimelineEvent(mid, m.lemma, published, (n, m.span[0])))
        out.append(arrange(target, events))
    return out


def evaluate_timelines(
    folder: Path,
    *,
    system: Path | None = None,
    out: Path | None = None,
    settings: Settings | None = None,
) -> dict[str, Any]:
    """Temporal awareness P/R/F1 on one corpus folder, micro-averaged over its targets.

    ``system``: a folder of timelines (``<target>.txt``) to score instead of building
    ours; ``out``: where to write the timelines we build, in the task's format.
    """
    targets = read_targets(folder)
    gold_dir = folder / GOLD
    if not gold_dir.is_dir():
        raise InputError(str(folder), f"no {GOLD}/ folder to score against")
    gold = read_timelines(gold_dir, targets)
    runs: dict[str, dict[str, Timeline]] = {}
    docs = 0
    if system is not None:
        if not system.is_dir():
            raise InputError(str(system), "--system must be a folder of <target>.txt timelines")
        runs["system"] = read_timelines(system, targets)
    else:
        articles = [task_article(d) for d in read_docs(folder)]
        docs = len(articles)
        items = article_events(articles, settings)
        ours = build_timelines(targets, items)
        if out is not None:
            write_timelines(out, ours)
        runs["newsgraph"] = {t.target: t for t in ours}
        runs["baseline"] = {t.target: t for t in baseline_timelines(targets, items)}
    systems = {}
    for name, timelines in runs.items():
        total, per = score_timelines(timelines, gold, targets)
        halves = {}
        for half in HALVES:
            cut = {t: half_timeline(tl, half) for t, tl in timelines.items()}
            gold_cut = {t: half_timeline(tl, half) for t, tl in gold.items()}
            halves[half] = _rounded(score_timelines(cut, gold_cut, targets)[0].as_dict())
        systems[name] = {
            **_rounded(total.as_dict()),
            "targets": {t: _rounded(a.as_dict()) for t, a in per.items()},
            "halves": halves,
        }
    return {"path": str(folder), "documents": docs, "targets": len(targets), "systems": systems}


def half_timeline(timeline: Timeline, half: str) -> Timeline:
    """``timeline`` with only the mentions of the documents of ``half`` (``"A"``, ``"B"``;
    a mention ``"16844-2-unveiled"`` is of document ``16844``); lines left empty go."""
    entries = []
    for entry in timeline.entries:
        kept = tuple(m for m in entry.mentions if half_of(m.split("-", 1)[0]) == half)
        if kept:
            entries.append(TimelineEntry(entry.position, entry.date, kept))
    return Timeline(timeline.target, tuple(entries))


def _rounded(scores: dict[str, float | int]) -> dict[str, float | int]:
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in scores.items()}


def format_report(report: dict[str, Any], per_target: bool = False) -> str:
    """The report as plain text: P/R/F1 per system, and per target when asked."""
    lines = [
        f"SemEval-2015 TimeLine {report['path']}: {report['targets']} targets, "
        f"{report['documents'] or 'no'} documents digested"
    ]
    lines.append(f"{'':24}{'P':>8}{'R':>8}{'F1':>8}{'sys rel':>9}{'gold rel':>9}")
    for name, s in report["systems"].items():
        lines.append(_row(name, s))
        lines.extend(_row(f"  half {h}", a) for h, a in s.get("halves", {}).items())
        if per_target:
            lines.extend(_row("  " + t, a) for t, a in s["targets"].items())
    return "\n".join(lines)


def _row(label: str, s: dict[str, Any]) -> str:
    return (
        f"{label[:24]:24}{s['precision']:8.3f}{s['recall']:8.3f}{s['f1']:8.3f}"
        f"{s['system_relations']:9d}{s['gold_relations']:9d}"
    )
