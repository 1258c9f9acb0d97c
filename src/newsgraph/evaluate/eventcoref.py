"""Cross-document event coreference on ECB+: CoNLL F1 of our corpus events, beside same-lemma.

Every document of the chosen topics is analysed and stored through the one writer in a
seeded random order, as ingest would receive it, in a throwaway SQLite store; each event
mention (our own, from the digests) gets the corpus event it was matched to. Gold: the
action mentions of the annotated sentences (``ECBplus_coreference_sentences.csv``), in
their cross-document chains (an intra-document chain, or a singleton, otherwise).
Scored on the gold mentions: a gold mention our events do not find counts as a
singleton of the response, and our mentions outside the gold are left out, so the
same-lemma baseline (our mentions, clustered by the trigger's lemma across the whole
set, as ingest knows no topics) and ours differ only in the clustering.
CoNLL F1 is the mean of the MUC, B-cubed and CEAF-e F1.
"""

from __future__ import annotations

import csv
import random
import tempfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from newsgraph.config import Settings
from newsgraph.errors import InputError
from newsgraph.evaluate.inputs import read_plain
from newsgraph.evaluate.metrics import harmonic_mean, ratio

TEST_TOPICS = frozenset(range(36, 46))  # the usual split: 36-45 test, 1-35 train and dev
_PTB = {"``": '"', "''": '"', "-LRB-": "(", "-RRB-": ")"}

Clusters = list[set[str]]


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """An ECB+ document as text (one sentence a line) with its action mentions.

    ``tokens``: token id -> (start, end) character span; ``mentions``: mention key ->
    (its token ids, its gold cluster).
    """

    name: str
    topic: int
    text: str
    tokens: dict[str, tuple[int, int]]
    mentions: dict[str, tuple[frozenset[str], str]]


def read_documents(root: Path, topics: Iterable[int]) -> list[GoldDoc]:
    """The documents of ``topics`` with the action mentions of their annotated sentences."""
    folder = root / "ECB+" if (root / "ECB+").is_dir() else root
    index = root / "ECBplus_coreference_sentences.csv"
    if not folder.is_dir() or not index.is_file():
        raise InputError(
            str(root), "expected ECB+/<topic>/*.xml and ECBplus_coreference_sentences.csv"
        )
    chosen: dict[tuple[int, str], set[int]] = defaultdict(set)
    with index.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            chosen[(int(row["Topic"]), row["File"])].add(int(row["Sentence Number"]))
    wanted = set(topics)
    docs = []
    for path in sorted(folder.glob("*/*.xml")):
        topic = int(path.name.split("_")[0])
        file_key = path.name.split("_", 1)[1].removesuffix(".xml")
        if topic in wanted and (topic, file_key) in chosen:
            docs.append(_read(path, topic, chosen[(topic, file_key)]))
    return docs


def _read(path: Path, topic: int, sentences: set[int]) -> GoldDoc:
    root = ET.parse(path).getroot()
    lines: dict[int, list[tuple[str, str]]] = defaultdict(list)
    sentence_of: dict[str, int] = {}
    for token in root.iter("token"):
        word = token.text or ""
        sentence = int(token.get("sentence", "0"))
        lines[sentence].append((token.get("t_id", ""), _PTB.get(word, word)))
        sentence_of[token.get("t_id", "")] = sentence
    spans: dict[str, tuple[int, int]] = {}
    pieces: list[str] = []
    offset = 0
    for _, words in sorted(lines.items()):
        for k, (tid, word) in enumerate(words):
            if k:
                pieces.append(" ")
                offset += 1
            spans[tid] = (offset, offset + len(word))
            pieces.append(word)
            offset += len(word)
        pieces.append("\n")
        offset += 1
    actions: dict[str, frozenset[str]] = {}
    markables = root.find("Markables")
    for m in markables if markables is not None else ():
        if not (m.tag.startswith("ACTION") or m.tag.startswith("NEG_ACTION")):
            continue
        tids = frozenset(a.get("t_id", "") for a in m.iter("token_anchor"))
        if tids and all(sentence_of.get(t) in sentences for t in tids):
            actions[m.get("m_id", "")] = tids
    chain: dict[str, str] = {}
    relations = root.find("Relations")
    for rel in relations if relations is not None else ():
        label = (
            rel.get("note") if rel.tag == "CROSS_DOC_COREF" else f"{path.name}#{rel.get('r_id')}"
        )
        for source in rel.iter("source"):
            chain.setdefault(source.get("m_id", ""), str(label))
    mentions = {
        f"{path.name}#{mid}": (tids, chain.get(mid, f"{path.name}#{mid}"))
        for mid, tids in actions.items()
    }
    return GoldDoc(path.name, topic, "".join(pieces), spans, mentions)


def parse_topics(text: str) -> list[int]:
    """Topic numbers from ``36-45`` or ``1,3,5-9``."""
    out: list[int] = []
    for part in text.split(","):
        low, _, high = part.strip().partition("-")
        try:
            out += list(range(int(low), int(high or low) + 1))
        except ValueError:
            raise InputError(text, "topics: numbers and ranges, e.g. 36-45 or 1,3,5-9") from None
    return out


# ---- scores ------------------------------------------------------------------------------


def muc(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    """MUC (Vilain et al. 1995): links kept over links needed, both ways."""

    def recall(k: Clusters, r: Clusters) -> float:
        where = {m: i for i, c in enumerate(r) for m in c}
        hit = need = 0
        for cluster in k:
            parts = {where.get(m, ("single", m)) for m in cluster}
            hit += len(cluster) - len(parts)
            need += len(cluster) - 1
        return ratio(hit, need)

    r, p = recall(key, response), recall(response, key)
    return p, r, harmonic_mean(p, r)


def b_cubed(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    """B-cubed (Bagga and Baldwin 1998) over the mentions of the key."""

    def score(a: Clusters, b: Clusters) -> float:
        where = {m: c for c in b for m in c}
        total = sum(len(c & where.get(m, {m})) / len(c) for c in a for m in c)
        return ratio(total, sum(len(c) for c in a))

    r, p = score(key, response), score(response, key)
    return p, r, harmonic_mean(p, r)


def ceaf_e(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    """Entity-based CEAF (Luo 2005): the best one-to-one alignment of clusters, phi4."""
    total = 0.0
    for ks, rs in _components(key, response):
        matrix = [[2 * len(k & r) / (len(k) + len(r)) for r in rs] for k in ks]
        total += _best_assignment(matrix)
    p, r = ratio(total, len(response)), ratio(total, len(key))
    return p, r, harmonic_mean(p, r)


def _components(key: Clusters, response: Clusters) -> list[tuple[Clusters, Clusters]]:
    """Groups of key and response clusters linked by shared mentions (aligned apart)."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    owner = {m: i for i, c in enumerate(response) for m in c}
    for i, cluster in enumerate(key):
        find(("k", i))
        for m in cluster:
            if m in owner:
                parent[find(("k", i))] = find(("r", owner[m]))
    for j in range(len(response)):
        find(("r", j))
    groups: dict[tuple[str, int], tuple[Clusters, Clusters]] = {}
    for i, cluster in enumerate(key):
        groups.setdefault(find(("k", i)), ([], []))[0].append(cluster)
    for j, cluster in enumerate(response):
        groups.setdefault(find(("r", j)), ([], []))[1].append(cluster)
    return [g for g in groups.values() if g[0] and g[1]]


def _best_assignment(matrix: list[list[float]]) -> float:
    """The largest sum of a one-to-one choice of cells (Hungarian method, Kuhn-Munkres)."""
    if len(matrix) > len(matrix[0]):
        matrix = [list(col) for col in zip(*matrix, strict=True)]
    n, m = len(matrix), len(matrix[0])
    cost = [[-x for x in row] for row in matrix]
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    way, match = [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        match[0], j0 = i, 0
        low, used = [float("inf")] * (m + 1), [False] * (m + 1)
        while match[j0]:
            used[j0] = True
            i0, delta, j1 = match[j0], float("inf"), 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < low[j]:
                        low[j], way[j] = cur, j0
                    if low[j] < delta:
                        delta, j1 = low[j], j
            for j in range(m + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    low[j] -= delta
            j0 = j1
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    return sum(matrix[match[j] - 1][j - 1] for j in range(1, m + 1) if match[j])


def conll(key: Clusters, response: Clusters) -> dict[str, float]:
    """MUC, B-cubed and CEAF-e F1 and their mean (the CoNLL F1)."""
    scores = {
        "muc": muc(key, response)[2],
        "b3": b_cubed(key, response)[2],
        "ceaf_e": ceaf_e(key, response)[2],
    }
    scores["conll"] = sum(scores.values()) / 3
    return scores


# ---- the run -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Found:
    """Our event mentions matched to gold: gold mention key -> (our cluster, lemma)."""

    clusters: dict[str, str]
    lemmas: dict[str, str]
    ours: int  # our mentions inside the annotated sentences


def _match(docs: Sequence[GoldDoc], seed: int, settings: Settings) -> _Found:
    from newsgraph.analysis import analyse_articles
    from newsgraph.nlp.pipeline import load_base_model
    from newsgraph.pipeline.write import store_digests
    from newsgraph.store import Store

    order = list(range(len(docs)))
    random.Random(seed).shuffle(order)
    shuffled = [docs[i] for i in order]
    articles = [replace(read_plain(d.text, d.name).article, id=d.name) for d in shuffled]
    digests = list(analyse_articles(articles, settings))
    with tempfile.TemporaryDirectory() as tmp, Store.open(str(Path(tmp) / "e.db")) as store:
        store_digests(store, digests)
        stored = {
            (a, v): c
            for a, v, c in store.conn.query(
                "SELECT article_id, local_id, corpus_event_id FROM events"
            )
        }
    base = load_base_model(settings.model)
    clusters: dict[str, str] = {}
    lemmas: dict[str, str] = {}
    ours = 0
    for doc, digest, parsed in zip(
        shuffled, digests, base.pipe(d.article.text for d in digests), strict=True
    ):
        by_start = {t.idx: t.lemma_.lower() for t in parsed}
        # token id by character: the gold tokens our trigger spans touch
        starts = sorted((span[0], span[1], tid) for tid, span in doc.tokens.items())
        annotated = {t for tids, _ in doc.mentions.values() for t in tids}
        for event in digest.events:
            cluster = stored.get((digest.article.id, event.id)) or f"{doc.name}/{event.id}"
            for start, end in event.mentions or (event.span,):
                touched = {tid for s, e, tid in starts if s < end and start < e}
                if not touched & annotated:
                    continue
                ours += 1
                for key, (tids, _) in doc.mentions.items():
                    if key not in clusters and tids & touched:
                        clusters[key] = cluster
                        lemmas[key] = by_start.get(start, event.trigger.lower())
                        break
    return _Found(clusters, lemmas, ours)


def evaluate_eventcoref(
    root: Path,
    *,
    topics: Iterable[int] = TEST_TOPICS,
    seed: int = 0,
    settings: Settings | None = None,
) -> dict[str, dict[str, float]]:
    """CoNLL F1 (and MUC, B3, CEAF-e) of ours and of same-lemma on the ``topics`` of ECB+."""
    settings = settings or Settings()
    docs = read_documents(root, topics)
    found = _match(docs, seed, settings)
    gold: dict[str, set[str]] = defaultdict(set)
    for doc in docs:
        for mention, (_, label) in doc.mentions.items():
            gold[label].add(mention)
    key = list(gold.values())
    mentions = [m for c in key for m in c]

    def response(label: dict[str, str]) -> Clusters:
        out: dict[str, set[str]] = defaultdict(set)
        for m in mentions:
            out[label.get(m, f"missed:{m}")].add(m)
        return list(out.values())

    def among_found(label: dict[str, str]) -> Clusters:
        out: dict[str, set[str]] = defaultdict(set)
        for m in found.clusters:
            out[label[m]].add(m)
        return list(out.values())

    lemma = {m: f"lemma:{found.lemmas[m]}" for m in found.clusters}
    one = {m: f"single:{m}" for m in found.clusters}
    # the gold clusters cut down to the mentions we found: the clustering alone
    found_key = [c & found.clusters.keys() for c in key]
    found_key = [c for c in found_key if c]
    report: dict[str, dict[str, float]] = {}
    for name, labels in (("newsgraph", found.clusters), ("same lemma", lemma), ("singletons", one)):
        report[name] = conll(key, response(labels))
        report[f"{name}, found"] = conll(found_key, among_found(labels))
    report["_data"] = {
        "documents": len(docs),
        "gold mentions": len(mentions),
        "gold clusters": len(key),
        "found": len(found.clusters),
        "our mentions": found.ours,
    }
    return report


def format_report(report: dict[str, dict[str, float]]) -> str:
    data = report["_data"]
    lines = [
        f"ECB+: {data['documents']:.0f} documents, {data['gold mentions']:.0f} gold action "
        f"mentions in {data['gold clusters']:.0f} clusters; ours find "
        f"{data['found']:.0f} of them ({data['our mentions']:.0f} mentions of ours in the "
        "annotated sentences)",
        "all gold mentions (a gold mention we miss: a singleton) / the gold mentions we find",
        f"{'system':<20} {'MUC':>6} {'B3':>6} {'CEAF-e':>6} {'CoNLL':>6}",
    ]
    for name, s in report.items():
        if not name.startswith("_"):
            lines.append(
                f"{name:<20} {s['muc']:6.3f} {s['b3']:6.3f} {s['ceaf_e']:6.3f} {s['conll']:6.3f}"
            )
    for suffix in ("", ", found"):
        gain = (
            report[f"newsgraph{suffix}"]["conll"] - report[f"same lemma{suffix}"]["conll"]
        ) * 100
        lines.append(f"newsgraph - same lemma{suffix}: {gain:+.1f} CoNLL F1 points")
    return "\n".join(lines)
