"""Track A of SemEval-2015 Task 4: each target entity's timeline, built from our digests.

A function of per-article records (``ArticleEvents``: the digest, every event mention
it was made from, and what the parse says around each), so that better events, times,
entities and coreference in the digest lift it without a change here. For a target
("Airbus A380"):

1. its mentions in each article (``timeline_targets``): its words or a distinctive
   part of them ("A380", "Gallois", "USAF"), a short form the corpus defines ("SIA"),
   the mentions of a digest entity so named, and "the plane" after the product;
2. the events it takes part in: it is an argument of the event, or a word a few
   dependency steps below the trigger in its clause, or the subject of the verb the
   trigger is the xcomp of; a name that only modifies a noun ("Airbus jets") takes part
   in that noun's event alone; every mention of an event the digest joined counts;
3. each event's date: the time the digest's event analysis anchored it to, as the
   task writes dates (``2010-06-XX``); else the past tense (and a headline) takes the
   day of the article's main event, the present the publication date, and a planned,
   future or pluperfect event stays undated; an event told again takes the date of
   its earlier telling;
4. the timeline: undated events first (position 0, as the task's gold has them), then
   one position per date in date order; one line per lemma and date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from newsgraph.evaluate.semeval_data import UNDATED, TaskArticle, Timeline, TimelineEntry
from newsgraph.evaluate.timeline_targets import (
    PRODUCT_NOUNS,
    acronyms,
    is_product,
    target_references,
)
from newsgraph.extract.events.find import EventMention
from newsgraph.records import Digest

Span = tuple[int, int]

_TIMEX_DAY = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_UNDATED_MODALITIES = frozenset({"planned"})
_UNREAL_MODALITIES = frozenset({"possible", "negated"})  # "could face", "did not deliver"
_UNDATED_TENSES = frozenset({"pluperfect", "future"})
_REFERENCE_DAYS = 14
_RETOLD_DAYS = 366
_RECURRING_TYPES = frozenset({"statement", "press_conference", "interview", "meeting"})
_STATES = frozenset("have be say own use include remain continue make take give get".split())


@dataclass(frozen=True, slots=True)
class ArticleEvents:
    """What the timeline reads of one article: its digest, every event mention the
    digest was made from (untyped ones too: the task's events include "has", "uses")
    and what the parse says around each mention (``timelines.article_events``)."""

    article: TaskArticle
    digest: Digest
    mentions: tuple[EventMention, ...]
    # per mention: the words that can name its participants (below it in its clause,
    # the subject of the verb it is the xcomp of)
    near: tuple[tuple[Span, ...], ...]
    tenses: tuple[str, ...]  # per mention: past, present, perfect, future, noun ...
    # (word, the common noun it modifies): "Airbus" -> "jets" in "Airbus jets"
    modifiers: tuple[tuple[Span, Span], ...] = ()
    # per mention: the words the task's mention id names ("rolled out"); () = the trigger
    phrases: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """One event of a target's timeline, before it is arranged into positions."""

    mention: str  # the task's mention id
    lemma: str
    date: str
    order: tuple[int, int]  # (article index, char offset): ties broken by text order
    # True when the date came from the article, not from a time of the event's clause
    assumed: bool = False
    type: str = "other"
    theme: str = ""  # who or what the event is done to: "@" for the target itself


def _modifiers(target: str, item: ArticleEvents) -> dict[int, Span]:
    """Where a name modifies a noun, by the end offset of the name's word. A product
    named before its own kind ("the first A380 superjumbo") is that noun, not a
    modifier of it."""
    text = item.digest.article.text
    out = {}
    for word, head in item.modifiers:
        if is_product(target) and text[head[0] : head[1]].lower() in PRODUCT_NOUNS:
            continue
        out[word[1]] = head
    return out


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def involves(
    mention: EventMention,
    near: Sequence[Span],
    spans: Sequence[Span],
    modifiers: Mapping[int, Span] | None = None,
) -> bool:
    """Whether the target (``spans``) takes part in the event: as an argument, or as a
    word a few steps below the trigger in its clause ("proceed with iPhone 4
    development"). A trigger inside the target's name ("Jobs") is no event of it; a
    name that only modifies a noun ("bought Airbus jets": ``modifiers`` maps the
    name's last word, by its end offset, to that noun) takes part in that noun's
    event alone ("iPod use")."""
    if any(_overlaps(mention.span, s) for s in spans):
        return False
    if mention.modality in _UNREAL_MODALITIES:
        return False
    own = []
    for s in spans:
        head = (modifiers or {}).get(s[1])  # keyed by where the name's last word ends
        if head is None:
            own.append(s)
        elif head == mention.span:
            return True
    for arg in mention.arguments:
        if any(_overlaps(arg.span, s) for s in own):
            return True
    return any(_overlaps(word, s) for word in near for s in own)


def task_date(value: str | None, published: str | None) -> str | None:
    """A TIMEX3 value as the task writes dates; None when it names no calendar date.

    ``"2010-06-07"`` stays; ``"2010-06"`` -> ``"2010-06-XX"``; ``"2010"`` ->
    ``"2010-XX-XX"``; ``"PRESENT_REF"`` -> the article's date; ``"PAST_REF"``, ``"P3M"``
    -> None.
    """
    if value is None:
        return None
    if value == "PRESENT_REF":
        return published
    m = _TIMEX_DAY.match(value)
    if m is None:
        return None
    year, month, day = m.groups()
    return f"{year}-{month or 'XX'}-{day or 'XX'}"


def reference_date(item: ArticleEvents) -> str | None:
    """The day the article's main event happened, when the digest dates it to a day in
    the fortnight before publication ("Apple unveiled the iPhone 4 yesterday"), else the
    publication date: the day its undated past-tense events are told about."""
    published = item.digest.article.published
    if not published:
        return None
    published = published[:10]
    main = item.digest.main_event
    if main is None or main.when is None:
        return published
    day = task_date(main.when.value, published)
    if day is None or "X" in day:
        return published
    try:
        gap = (date.fromisoformat(published) - date.fromisoformat(day)).days
    except ValueError:
        return published
    return day if 0 <= gap <= _REFERENCE_DAYS else published


def event_date(mention: EventMention, tense: str, published: str | None, told: str | None) -> str:
    """The date the timeline gives an event (see the module docstring, step 3).

    ``told`` is the article's reference date (``reference_date``): an undated event in
    the past tense happened then; one in the present holds on the publication date;
    a pluperfect ("had been sold") or planned one is not placed in time.
    """
    if mention.time is not None:
        day = task_date(mention.time.value, published)
        if day is not None:
            return day
    if mention.modality in _UNDATED_MODALITIES or tense in _UNDATED_TENSES or not published:
        return UNDATED
    if tense == "present":
        return published
    return told or published


def target_events(
    target: str, items: Sequence[ArticleEvents], references: Sequence[Mapping[str, list[Span]]]
) -> list[TimelineEvent]:
    """Every event the target takes part in, over all articles, dated.

    ``references`` holds, per article, each target's spans (``target_references``).
    """
    out: list[TimelineEvent] = []
    seen: set[str] = set()
    for n, item in enumerate(items):
        spans = references[n].get(target, [])
        if not spans:
            continue
        modifiers = _modifiers(target, item)
        published = (item.digest.article.published or "")[:10] or None
        told = reference_date(item)
        phrases = item.phrases or tuple(m.span for m in item.mentions)
        rows = list(zip(item.mentions, item.near, item.tenses, phrases, strict=True))
        taking_part = [involves(m, near, spans, modifiers) for m, near, _, _ in rows]
        taking_part = _with_coreferent(item, taking_part)
        for (mention, _, tense, phrase), part in zip(rows, taking_part, strict=True):
            if not part:
                continue
            mid = item.article.mention_at(phrase)
            if mid is None or mid in seen:
                continue
            seen.add(mid)
            # a headline tells the main event in the present: "Boeing unveils new 787"
            headline = mention.span[0] < item.digest.article.body_start
            day = event_date(mention, "past" if headline else tense, published, told)
            assumed = day != UNDATED and (
                mention.time is None or task_date(mention.time.value, published) is None
            )
            theme = _theme(mention, spans, item.digest.article.text)
            order = (n, mention.span[0])
            out.append(TimelineEvent(mid, mention.lemma, day, order, assumed, mention.type, theme))
    return retold(out)


def _with_coreferent(item: ArticleEvents, taking_part: list[bool]) -> list[bool]:
    """The target also takes part in the other mentions of an event it takes part in,
    as the digest joined them: "a deal with Boeing ... the deal was announced".

    Statements are never joined. Corpus 1 0.222 -> 0.228; the trial 0.298 -> 0.294,
    where the digest joined lawsuits of different years: better within-article event
    grouping in the digest lifts this directly.
    """
    event_of = {span: e.id for e in item.digest.events for span in e.mentions}
    joined = {
        event_of[m.span]
        for m, part in zip(item.mentions, taking_part, strict=True)
        if part and m.span in event_of
    }
    return [
        part or (m.type not in _RECURRING_TYPES and event_of.get(m.span) in joined)
        for m, part in zip(item.mentions, taking_part, strict=True)
    ]


def _days(earlier: str, later: str) -> int:
    """Days from one date to another, a partial date taken at its start ("2007-10-XX"
    is October 1); 0 when either is undated."""
    try:
        return (_first_day(later) - _first_day(earlier)).days
    except ValueError:
        return 0


def _first_day(day: str) -> date:
    year, month, dom = [*day.split("-"), "XX", "XX"][:3]
    return date(int(year), int(month) if month.isdigit() else 1, int(dom) if dom.isdigit() else 1)


def _may_recur(e: TimelineEvent) -> bool:
    return not e.theme or e.type in _RECURRING_TYPES or e.lemma in _STATES


def _theme(mention: EventMention, spans: Sequence[Span], text: str) -> str:
    for arg in mention.arguments:
        if arg.role == "patient":
            if any(_overlaps(arg.span, s) for s in spans):
                return "@"
            return text[arg.head[0] : arg.head[1]].lower()
    return ""


def retold(events: Sequence[TimelineEvent]) -> list[TimelineEvent]:
    """Events an article tells again take the date an earlier telling gave them: "when
    Jobs first introduced iPhone 4" (August) is the introduction of June 7.

    An event whose date was only assumed from its article moves to the earliest date of
    the same target's event of the same lemma done to the same theme (the target
    itself, or the same head word), when that is a day up to a year earlier. Statements and states
    ("said", "has") recur too often to be one event, and so does an event with no theme.
    """
    first: dict[tuple[str, str], str] = {}
    for e in events:
        key = (e.lemma, e.theme)
        if _may_recur(e) or e.date == UNDATED:
            continue
        if key not in first or _date_key(e.date) < _date_key(first[key]):
            first[key] = e.date
    out = []
    for e in events:
        earlier = None if _may_recur(e) else first.get((e.lemma, e.theme))
        if e.assumed and earlier is not None and 0 < _days(earlier, e.date) <= _RETOLD_DAYS:
            e = replace(e, date=earlier)
        out.append(e)
    return out


def _date_key(date: str) -> tuple[int, int, int]:
    # a partial date sorts before the full dates it holds: "2005-XX-XX" < "2005-01-18"
    year, month, day = ([int(p) if p.isdigit() else 0 for p in date.split("-")[:3]] + [0, 0])[:3]
    return year, month, day


def arrange(target: str, events: Iterable[TimelineEvent]) -> Timeline:
    """The task's timeline of ``events``: undated at position 0, then one position per
    date in date order; one line per (date, lemma), its mentions in text order."""
    events = sorted(events, key=lambda e: e.order)
    dated = sorted({e.date for e in events if e.date != UNDATED}, key=_date_key)
    positions = {UNDATED: 0} | {d: i + 1 for i, d in enumerate(dated)}
    lines: dict[tuple[str, str], list[str]] = {}
    for e in events:
        lines.setdefault((e.date, e.lemma), []).append(e.mention)
    entries = [
        TimelineEntry(positions[date], date, tuple(mentions))
        for (date, _), mentions in lines.items()
    ]
    entries.sort(key=lambda e: e.position)
    return Timeline(target, tuple(entries))


def build_timelines(targets: Iterable[str], items: Sequence[ArticleEvents]) -> list[Timeline]:
    """The timeline of every target, from the articles' event records."""
    targets = list(targets)
    texts = [item.digest.article.text for item in items]
    short = {t: acronyms(t, texts) for t in targets}
    references = [target_references(targets, item.digest, short) for item in items]
    return [arrange(t, target_events(t, items, references)) for t in targets]
