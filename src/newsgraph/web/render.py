"""What the templates draw, computed as plain data: the marked-up article text, the time
axis of a timeline, the graph of related entities. No HTML here: the templates write
it, and Jinja escapes every text.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any
from urllib.parse import quote, urlsplit

from newsgraph.records.corpus import Related, Seen, TimelineEntry


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) URL, else None: an article's ``url`` is
    untrusted, and ``javascript:alert(1)`` must never become a link."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()


# ---- the article's text, marked up ---------------------------------------------------


@dataclass
class Piece:
    """A run of the article's text: plain (``kind`` "text"), a quote holding pieces, or a
    mark (entity, time, event, cue) with a label and, for entities, a link."""

    kind: str
    text: str = ""
    label: str = ""
    title: str = ""
    href: str | None = None
    css: str = ""
    anchor: str = ""
    children: list[Piece] = field(default_factory=list)
    # a quote's speaker: (name, link or None)
    speaker: tuple[str, str | None] | None = None


@dataclass(frozen=True, slots=True)
class _Mark:
    start: int
    end: int
    rank: int  # which mark wins an overlap: entity, then time, then event, then cue
    piece: Piece


def _spans(value: Any) -> list[tuple[int, int]]:
    out = []
    for span in value or ():
        if isinstance(span, (list, tuple)) and len(span) == 2:
            start, end = span
            if isinstance(start, int) and isinstance(end, int) and 0 <= start < end:
                out.append((start, end))
    return out


def _disjoint(marks: Iterable[_Mark]) -> list[_Mark]:
    """The marks that do not overlap, earlier and longer and higher-ranked ones first."""
    kept: list[_Mark] = []
    end = -1
    for mark in sorted(marks, key=lambda m: (m.start, m.rank, -(m.end - m.start))):
        if mark.start >= end:
            kept.append(mark)
            end = mark.end
    return kept


def _crosses(mark: _Mark, quote: _Mark) -> bool:
    inside_start = quote.start <= mark.start < quote.end
    inside_end = quote.start < mark.end <= quote.end
    return inside_start != inside_end or (mark.start < quote.start and mark.end > quote.end)


def entity_href(name: str, corpus_id: str | None) -> str:
    """The page of an entity: by corpus id when the article is stored, else a search."""
    if corpus_id:
        return "/entity/" + quote(corpus_id, safe="")
    return "/search?q=" + quote(name, safe="")


def article_pieces(digest: Mapping[str, Any], corpus: Mapping[str, str]) -> list[Piece]:
    """The article's text cut into pieces for display, displaCy-like.

    ``digest`` is a ``newsgraph.digest/1`` object; ``corpus`` maps its entity ids
    (``e1``) to corpus ids. Quotes hold the marks inside them; a mark that crosses a
    quote's edge, or overlaps a stronger mark, is left out (its text stays).
    """
    text: str = digest["article"]["text"]
    entities = {e["id"]: e for e in digest.get("entities", ())}
    inner: list[_Mark] = []
    for e in entities.values():
        href = entity_href(e["name"], corpus.get(e["id"]))
        for start, end in _spans(e.get("mentions")):
            piece = Piece(
                "entity",
                label=e["type"],
                title=f"{e['name']} ({e['type']})",
                href=href,
                css="ent-" + e["type"].lower(),
            )
            inner.append(_Mark(start, end, 0, piece))
    for t in digest.get("times", ()):
        for start, end in _spans([t.get("span")]):
            value = t.get("value") or "?"
            piece = Piece("time", label=value, title=f"time: {value}", css="time")
            inner.append(_Mark(start, end, 1, piece))
    for v in digest.get("events", ()):
        for start, end in _spans(v.get("mentions") or [v.get("span")]):
            modality = v.get("modality", "actual")
            suffix = "" if modality == "actual" else f", {modality}"
            piece = Piece(
                "event", label=v["type"], title=f"event: {v['type']}{suffix}", css="event"
            )
            inner.append(_Mark(start, end, 2, piece))
    quotes: list[_Mark] = []
    for q in digest.get("quotes", ()):
        for start, end in _spans(q.get("cue_span") and [q["cue_span"]]):
            inner.append(
                _Mark(start, end, 3, Piece("cue", label="cue", title="speech cue", css="cue"))
            )
        for start, end in _spans([q.get("span")]):
            speaker = entities.get(q.get("speaker") or "")
            name = speaker["name"] if speaker else q.get("speaker_text")
            who: tuple[str, str | None] | None = None
            if speaker:
                who = (speaker["name"], entity_href(speaker["name"], corpus.get(speaker["id"])))
            elif name:
                who = (name, None)  # "a spokesman": no entity to link
            piece = Piece(
                "quote",
                title=f"quote ({q.get('kind', '')}, {q.get('act', '')})",
                css=f"quote quote-{q.get('kind', 'direct')} quote-{q.get('act', 'speech')}",
                anchor=f"quote-{q['id']}",
                speaker=who,
            )
            quotes.append(_Mark(start, end, 0, piece))
    outer = _disjoint(quotes)
    # a mark half in a quote cannot nest in it: drop it before it hides the marks it overlaps
    marks = _disjoint(m for m in inner if not any(_crosses(m, q) for q in outer))
    return _cut(text, 0, len(text), outer, marks)


def _cut(
    text: str, start: int, end: int, outer: Sequence[_Mark], marks: Sequence[_Mark]
) -> list[Piece]:
    out: list[Piece] = []
    at = start
    for q in outer:
        out.extend(
            _marked(text, at, q.start, [m for m in marks if at <= m.start and m.end <= q.start])
        )
        inside = [m for m in marks if q.start <= m.start and m.end <= q.end]
        out.append(replace(q.piece, children=_marked(text, q.start, q.end, inside)))
        at = q.end
    out.extend(_marked(text, at, end, [m for m in marks if at <= m.start and m.end <= end]))
    return out


def _marked(text: str, start: int, end: int, marks: Sequence[_Mark]) -> list[Piece]:
    out: list[Piece] = []
    at = start
    for mark in marks:
        if mark.start > at:
            out.append(Piece("text", text[at : mark.start]))
        piece = Piece(
            mark.piece.kind,
            text[mark.start : mark.end],
            mark.piece.label,
            mark.piece.title,
            mark.piece.href,
            mark.piece.css,
        )
        out.append(piece)
        at = mark.end
    if at < end:
        out.append(Piece("text", text[at:end]))
    return out


# ---- timelines on a time axis ----------------------------------------------------------

AXIS_WIDTH = 1000
AXIS_LEFT = 20
AXIS_RIGHT = 20
LANE = 14
LABELLED_LANE = 26  # a bar with its label above it
MAX_LANES = 8


@dataclass(frozen=True, slots=True)
class AxisMark:
    """One timeline entry on the axis: a dot (a day) or a bar (a month or a year)."""

    index: int
    x: float
    x2: float
    y: float
    uncertain: bool
    label: str
    bar: bool  # a month or a year (or a role's first..last seen); a day is a dot


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str
    anchor: str = "middle"  # "start" / "end" near the edges, so the label is not cut off


@dataclass(frozen=True, slots=True)
class Axis:
    width: int
    height: int
    baseline: float
    ticks: tuple[Tick, ...]
    marks: tuple[AxisMark, ...]
    undated: int


def _day_range(value: str) -> tuple[date, date] | None:
    """The first and last day a TIMEX-like date covers: "2024-06" -> June 1 .. June 30."""
    parts = value.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 1, 1), date(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2:
            last = date(year + month // 12, month % 12 + 1, 1).toordinal() - 1
            return date(year, month, 1), date.fromordinal(last)
        day = date(year, month, int(parts[2]))
        return day, day
    except (ValueError, IndexError):
        return None


def _ticks(first: int, last: int, scale: Any, width: int) -> tuple[Tick, ...]:
    days = last - first
    start, end = date.fromordinal(first), date.fromordinal(last)
    ticks = []
    if days > 3 * 366:
        step = max(1, math.ceil((end.year - start.year) / 10))
        for year in range(start.year, end.year + 2, step):
            ticks.append((date(year, 1, 1), str(year)))
    elif days > 62:
        step = max(1, math.ceil(days / 30 / 10))
        # ticks on months a step apart from January: Jan, Apr, Jul, Oct for a step of 3
        year, month = start.year, start.month - (start.month - 1) % step
        while date(year, month, 1) <= end:
            ticks.append((date(year, month, 1), f"{year}-{month:02d}"))
            month += step
            year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    else:
        step = max(1, math.ceil(days / 10))
        for n in range(0, days + 1, step):
            day = date.fromordinal(first + n)
            ticks.append((day, day.isoformat()))
    out = []
    for day, label in ticks:
        if first <= day.toordinal() <= last:
            x = scale(day.toordinal())
            anchor = "start" if x < 40 else "end" if x > width - 40 else "middle"
            out.append(Tick(x, label, anchor))
    return tuple(out)


def time_axis(entries: Sequence[TimelineEntry], width: int = AXIS_WIDTH) -> Axis | None:
    """Where each dated entry sits on an axis ``AXIS_WIDTH`` wide; None when none is dated.

    A day is a dot, a month or a year a bar over it; ``index`` is the entry's position
    in ``entries`` (the page's anchor ``#entry-N``).
    """
    spans = []
    for index, entry in enumerate(entries):
        found = _day_range(entry.date) if entry.date else None
        if found is not None:
            label = f"{'~' if entry.uncertain else ''}{entry.date} {entry.type} ({entry.trigger})"
            spans.append((index, found[0], found[1], entry.uncertain, label))
    return _axis(spans, len(entries), width)


def seen_axis(seen: Sequence[Seen], width: int = 600) -> Axis | None:
    """Roles (or names) as bars from the first to the last article that gave them; None
    when they all share one date (a bar of one day says nothing)."""
    spans = []
    for index, s in enumerate(seen):
        first = _day_range(s.first_seen[:10]) if s.first_seen else None
        last = _day_range(s.last_seen[:10]) if s.last_seen else first
        if first is not None and last is not None:
            label = f"{s.value}: {s.first_seen} – {s.last_seen} ({s.count})"
            spans.append((index, first[0], last[1], False, label))
    if len({(lo, hi) for _, lo, hi, _, _ in spans}) == 1 and spans[0][1] == spans[0][2]:
        return None
    return _axis(spans, len(seen), width, bars=True)


def _axis(
    spans: Sequence[tuple[int, date, date, bool, str]], total: int, width: int, bars: bool = False
) -> Axis | None:
    """Marks for (index, first day, last day, uncertain, label); marks that would overlap
    go to the next lane down."""
    if not spans:
        return None
    first = min(lo.toordinal() for _, lo, _, _, _ in spans)
    last = max(hi.toordinal() for _, _, hi, _, _ in spans)
    # a little room at both ends, and at least a week so one day is not a wall
    pad = max(3, (last - first) // 40)
    first, last = first - pad, last + pad
    inner = width - AXIS_LEFT - AXIS_RIGHT

    def scale(day: int) -> float:
        return round(AXIS_LEFT + inner * (day - first) / (last - first), 1)

    lanes: list[float] = []
    marks = []
    step, top = (LABELLED_LANE, 22) if bars else (LANE, 14)
    for index, lo, hi, uncertain, label in spans:
        bar = bars or hi > lo
        if bar:
            x, x2 = scale(lo.toordinal()), scale(hi.toordinal() + 1)
            x2 = max(x2, x + 6)
        else:  # a day: a dot in its middle
            x = round((scale(lo.toordinal()) + scale(lo.toordinal() + 1)) / 2 - 5, 1)
            x2 = x + 10
        lane = next((n for n, end in enumerate(lanes) if end < x), None)
        if lane is None:
            if len(lanes) < MAX_LANES:
                lanes.append(0.0)
            lane = len(lanes) - 1
        # a labelled bar keeps its lane to itself: its label is wider than it may be
        lanes[lane] = x2 + 4 if not bars else float(width)
        marks.append(AxisMark(index, x, x2, top + lane * step, uncertain, label, bar))
    baseline = top + len(lanes) * step - step / 2 + 8
    return Axis(
        width=width,
        height=int(baseline + 22),
        baseline=baseline,
        ticks=_ticks(first, last, scale, width),
        marks=tuple(marks),
        undated=total - len(spans),
    )


# ---- related entities as a small graph ------------------------------------------------

GRAPH_WIDTH = 640  # room on both sides for the labels
GRAPH_HEIGHT = 400
GRAPH_RADIUS = 150


@dataclass(frozen=True, slots=True)
class Node:
    x: float
    y: float
    r: float
    name: str
    type: str
    href: str
    articles: int
    relations: str
    anchor: str  # "start" / "middle" / "end": where the label sits


def graph(center: str, center_type: str, related: Sequence[Related]) -> tuple[Node, ...]:
    """The entity in the middle, the related ones on a circle around it (the first is the
    centre); a node's radius grows with the number of shared articles."""
    cx, cy = GRAPH_WIDTH / 2, GRAPH_HEIGHT / 2
    nodes = [Node(cx, cy, 16, center, center_type, "", 0, "", "middle")]
    most = max((r.articles for r in related), default=1) or 1
    for n, r in enumerate(related):
        angle = -math.pi / 2 + 2 * math.pi * n / max(len(related), 1)
        x, y = cx + GRAPH_RADIUS * 1.3 * math.cos(angle), cy + GRAPH_RADIUS * math.sin(angle)
        anchor = "middle" if abs(x - cx) < 20 else ("start" if x > cx else "end")
        nodes.append(
            Node(
                round(x, 1),
                round(y, 1),
                round(6 + 8 * r.articles / most, 1),
                r.entity.name,
                r.entity.type,
                entity_href(r.entity.name, r.entity.id),
                r.articles,
                ", ".join(r.relations),
                anchor,
            )
        )
    return tuple(nodes)
