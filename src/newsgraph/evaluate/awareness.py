"""Temporal awareness (UzZaman & Allen 2011) of timelines, as SemEval-2015 Task 4 defines it.

A timeline becomes a graph of three relations: the mentions at one position are
simultaneous (``=``), every mention of an earlier position is before (``<``) every
mention of a later one, and a mention is included in its date (``in``; a date such as
``XXXX-XX-XX`` with no digit is no date, so an undated event is placed by its position
alone, as the task does; ``1968`` and ``1968-XX-XX`` are one date). Precision =
|system reduced ∩ gold closure| / |system reduced|, recall = |gold reduced ∩ system
closure| / |gold reduced|, both summed over the targets (micro-averaged) before dividing.

The reduced graph is the fewest relations whose closure is the whole graph: a chain of
``=`` through each position's mentions, one ``<`` from each position to the next and
one ``in`` per position and date. Where several reductions exist, the chain follows the
order in which the timeline lists its mentions, and a position is represented by its
first mention (a choice the measure leaves open; the task's scorer reduced the links it
had written from the file, which keeps the file's order as well).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise

from newsgraph.evaluate.metrics import harmonic_mean, ratio
from newsgraph.evaluate.semeval_data import Timeline

# (kind, a, b): ("=", a, b) with a < b as strings; ("<", earlier, later); ("in", mention, date)
Relation = tuple[str, str, str]


def is_dated(date: str) -> bool:
    """``"2010-06-07"`` and ``"2003-XX-XX"`` are dates; ``"XXXX-XX-XX"`` is none."""
    return any(ch.isdigit() for ch in date)


def canonical_date(date: str) -> str:
    """One spelling per date: ``"1968"`` and ``"1968-XX-XX"`` are the same year.

    The task's gold writes both (``2006-03`` beside ``2006-03-XX``), so dates are
    compared in this form: ``canonical_date("2006-03") == "2006-03-XX"``.
    """
    parts = [p.strip() for p in date.split("-")][:3]
    parts += ["XX"] * (3 - len(parts))
    return "-".join(parts)


@dataclass(slots=True)
class TimeGraph:
    """A timeline's temporal graph: positions as classes of simultaneous mentions.

    ``classes`` are the mention lists in position order; ``before[i]`` is the set of
    classes that class ``i`` precedes (closed: every later position); ``dates[i]`` the
    dates class ``i`` is included in.
    """

    classes: list[list[str]] = field(default_factory=list)
    before: list[set[int]] = field(default_factory=list)
    dates: list[list[str]] = field(default_factory=list)
    class_of: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_timeline(cls, timeline: Timeline) -> TimeGraph:
        """The graph of ``timeline``; a mention listed twice keeps its first place."""
        graph = cls()
        by_position: dict[int, int] = {}
        for entry in sorted(timeline.entries, key=lambda e: e.position):
            index = by_position.setdefault(entry.position, len(graph.classes))
            if index == len(graph.classes):
                graph.classes.append([])
                graph.dates.append([])
            for mention in entry.mentions:
                if mention not in graph.class_of:
                    graph.class_of[mention] = index
                    graph.classes[index].append(mention)
            date = canonical_date(entry.date)
            if is_dated(date) and date not in graph.dates[index]:
                graph.dates[index].append(date)
        keep = [i for i, members in enumerate(graph.classes) if members]
        graph._renumber(keep)
        # positions are totally ordered: the closure of "each before the next" is
        # "each before every later one"
        graph.before = [set(range(i + 1, len(graph.classes))) for i in range(len(graph.classes))]
        return graph

    def _renumber(self, keep: list[int]) -> None:
        new = {old: n for n, old in enumerate(keep)}
        self.classes = [self.classes[i] for i in keep]
        self.dates = [self.dates[i] for i in keep]
        self.class_of = {m: new[c] for m, c in self.class_of.items()}

    def holds(self, rel: Relation) -> bool:
        """Whether ``rel`` is in the closure of the graph."""
        kind, a, b = rel
        ca = self.class_of.get(a)
        if ca is None:
            return False
        if kind == "in":
            return b in self.dates[ca]
        cb = self.class_of.get(b)
        if cb is None:
            return False
        if kind == "=":
            return ca == cb
        return cb in self.before[ca]

    def closure(self) -> set[Relation]:
        """Every relation the graph implies (quadratic in the mentions: for tests and checks)."""
        out: set[Relation] = set()
        for i, members in enumerate(self.classes):
            for x, a in enumerate(members):
                out.update(("in", a, d) for d in self.dates[i])
                out.update(_same(a, b) for b in members[x + 1 :])
                for j in self.before[i]:
                    out.update(("<", a, b) for b in self.classes[j])
        return out

    def reduced(self) -> list[Relation]:
        """The fewest relations whose closure is the graph's (see the module docstring)."""
        out: list[Relation] = []
        for i, members in enumerate(self.classes):
            out.extend(_same(a, b) for a, b in pairwise(members))
            out.extend(("in", members[0], d) for d in self.dates[i])
            # only the direct successors: the rest follows by transitivity
            implied = set().union(*(self.before[j] for j in self.before[i]))
            nexts = sorted(self.before[i] - implied)
            out.extend(("<", members[0], self.classes[j][0]) for j in nexts)
        return out


def _same(a: str, b: str) -> Relation:
    return ("=", a, b) if a <= b else ("=", b, a)


@dataclass(slots=True)
class Awareness:
    """Counts summed over targets: matched and total reduced relations on each side."""

    system_matched: int = 0
    system_total: int = 0
    gold_matched: int = 0
    gold_total: int = 0

    def add(self, other: Awareness) -> None:
        self.system_matched += other.system_matched
        self.system_total += other.system_total
        self.gold_matched += other.gold_matched
        self.gold_total += other.gold_total

    @property
    def precision(self) -> float:
        return ratio(self.system_matched, self.system_total)

    @property
    def recall(self) -> float:
        return ratio(self.gold_matched, self.gold_total)

    @property
    def f1(self) -> float:
        return harmonic_mean(self.precision, self.recall)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "system_relations": self.system_total,
            "gold_relations": self.gold_total,
        }


def score_timeline(system: Timeline, gold: Timeline) -> Awareness:
    """The awareness counts of one target's system timeline against its gold one.

    Example: gold ``0 XXXX-XX-XX a`` / ``1 2010-06-07 b`` against a system that has only
    ``b`` on 2010-06-07 gives precision 1/1 and recall 1/2 (the ``a < b`` is missed).
    """
    sys_graph = TimeGraph.from_timeline(system)
    gold_graph = TimeGraph.from_timeline(gold)
    sys_reduced = sys_graph.reduced()
    gold_reduced = gold_graph.reduced()
    return Awareness(
        system_matched=sum(gold_graph.holds(r) for r in sys_reduced),
        system_total=len(sys_reduced),
        gold_matched=sum(sys_graph.holds(r) for r in gold_reduced),
        gold_total=len(gold_reduced),
    )


def score_timelines(
    system: Mapping[str, Timeline], gold: Mapping[str, Timeline], targets: Iterable[str]
) -> tuple[Awareness, dict[str, Awareness]]:
    """Micro-averaged awareness over ``targets`` and each target's own counts.

    A target the system has no timeline for scores as an empty timeline (recall 0).
    """
    total = Awareness()
    per: dict[str, Awareness] = {}
    for target in targets:
        empty = Timeline(target, ())
        per[target] = score_timeline(system.get(target, empty), gold.get(target, empty))
        total.add(per[target])
    return total, per
