"""Story clustering on ECB+: B-cubed F1 against its sub-topics (one real-world event each).

ECB+ has 982 articles in 43 topics; each topic holds two sub-topics that are
different real events of the same kind (two earthquakes, two rehab check-ins).
Articles arrive one at a time in a seeded random order, as at ingest. The same
run scores embeddings alone (same threshold), so the names' share is visible.
"""

from __future__ import annotations

import random
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from newsgraph.config import Settings
from newsgraph.corpus import stories
from newsgraph.corpus.stories import StoryFeatures, assign_story, merge_story
from newsgraph.errors import InputError
from newsgraph.evaluate.inputs import read_plain
from newsgraph.evaluate.metrics import harmonic_mean
from newsgraph.records.corpus import StorySummary

_PTB = {"``": '"', "''": '"', "-LRB-": "(", "-RRB-": ")"}


@dataclass(frozen=True, slots=True)
class EcbDoc:
    name: str
    topic: str
    subtopic: str
    text: str


def read_ecbplus(root: Path) -> list[EcbDoc]:
    """ECB+ documents rebuilt as text, one sentence a line; sub-topic = topic + ecb|ecbplus."""
    folder = root / "ECB+" if (root / "ECB+").is_dir() else root
    paths = sorted(folder.glob("*/*.xml"))
    if not paths:
        raise InputError(str(root), "no ECB+ XML files found (expected ECB+/<topic>/*.xml)")
    docs = []
    for path in paths:
        sentences: dict[int, list[str]] = defaultdict(list)
        for token in ET.parse(path).getroot().iter("token"):
            word = token.text or ""
            sentences[int(token.get("sentence", "0"))].append(_PTB.get(word, word))
        topic = path.name.split("_")[0]
        sub = "plus" if "ecbplus" in path.name else "ecb"
        text = "\n".join(" ".join(words) for _, words in sorted(sentences.items()))
        docs.append(EcbDoc(path.name, topic, f"{topic}{sub}", text))
    return docs


def bcubed(predicted: Sequence[str], gold: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against gold labels."""
    by_pred: dict[str, set[int]] = defaultdict(set)
    by_gold: dict[str, set[int]] = defaultdict(set)
    for i, (p, g) in enumerate(zip(predicted, gold, strict=True)):
        by_pred[p].add(i)
        by_gold[g].add(i)
    n = len(gold) or 1
    precision = recall = 0.0
    for p, g in zip(predicted, gold, strict=True):
        shared = len(by_pred[p] & by_gold[g])
        precision += shared / len(by_pred[p])
        recall += shared / len(by_gold[g])
    precision, recall = precision / n, recall / n
    return precision, recall, harmonic_mean(precision, recall)


def cluster(features: Sequence[StoryFeatures], order: Sequence[int]) -> list[str]:
    """Incremental clustering in ``order``; every story is a candidate. Story id per article."""
    summaries: dict[str, StorySummary] = {}
    assigned = [""] * len(features)
    for i in order:
        story_id = assign_story(features[i], list(summaries.values()))
        if story_id is None:
            story_id = f"s{len(summaries) + 1}"
        summaries[story_id] = merge_story(summaries.get(story_id), features[i], story_id)
        assigned[i] = story_id
    return assigned


def evaluate_stories(
    root: Path, *, seeds: Sequence[int] = (0, 1, 2), settings: Settings | None = None
) -> dict[str, dict[str, float]]:
    """Mean B-cubed P/R/F1 over seeded arrival orders, against sub-topics and topics."""
    from newsgraph.analysis import analyse_articles
    from newsgraph.corpus.embed import get_embedder

    docs = read_ecbplus(root)
    settings = settings or Settings()
    # each document as a text file named after it, read by the text reader
    articles = (replace(read_plain(d.text, d.name).article, id=d.name) for d in docs)
    digests = list(analyse_articles(articles, settings))
    leads = [stories.lead_text(d) for d in digests]
    embedder = get_embedder()
    vectors = [
        row.tolist() for k in range(0, len(leads), 32) for row in embedder.embed(leads[k : k + 32])
    ]
    full = [stories.story_features(d, v) for d, v in zip(digests, vectors, strict=True)]
    variants = {
        "newsgraph": full,
        "embedding only": [replace(f, names=(), people=()) for f in full],
    }
    report: dict[str, dict[str, float]] = {}
    for name, feats in variants.items():
        totals: dict[str, float] = defaultdict(float)
        for seed in seeds:
            order = list(range(len(docs)))
            random.Random(seed).shuffle(order)
            assigned = cluster(feats, order)
            for level, gold in (
                ("subtopic", [d.subtopic for d in docs]),
                ("topic", [d.topic for d in docs]),
            ):
                p, r, f = bcubed(assigned, gold)
                totals[f"{level}_p"] += p
                totals[f"{level}_r"] += r
                totals[f"{level}_f1"] += f
            totals["stories"] += len(set(assigned))
        report[name] = {k: v / len(seeds) for k, v in totals.items()}
    report["_data"] = {
        "articles": len(docs),
        "subtopics": len({d.subtopic for d in docs}),
        "seeds": len(seeds),
    }
    return report


def format_report(report: dict[str, dict[str, float]]) -> str:
    data = report["_data"]
    lines = [
        f"ECB+: {data['articles']:.0f} articles, {data['subtopics']:.0f} sub-topics; "
        f"mean of {data['seeds']:.0f} arrival orders",
        f"{'system':<16} {'stories':>7} {'sub P':>6} {'sub R':>6} {'sub F1':>6} {'topic F1':>8}",
    ]
    for name, s in report.items():
        if name.startswith("_"):
            continue
        lines.append(
            f"{name:<16} {s['stories']:7.0f} {s['subtopic_p']:6.3f} {s['subtopic_r']:6.3f} "
            f"{s['subtopic_f1']:6.3f} {s['topic_f1']:8.3f}"
        )
    return "\n".join(lines)
