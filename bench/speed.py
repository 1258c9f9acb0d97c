"""Digest throughput against the bare spaCy model on the same real articles.

Runs the bare ``nlp.pipe`` of the pinned model and newsgraph's whole analysis
(pipeline, extractors, JSON digest) over the dev-split articles, with one and
two processes, interleaved and repeated; prints medians and their ratio. Then,
in one process, the CPU time of each stage next to the bare model's: what each
part of the analysis adds (CPU time is less disturbed by a busy machine).

Usage: python bench/speed.py [--repeat 3] [--limit N] [--stages-only] [--datasets DIR]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from newsgraph import digest_many
from newsgraph.config import Settings
from newsgraph.evaluate.datasets import dev_articles
from newsgraph.nlp.pipeline import load_base_model, load_pipeline
from newsgraph.records import Article
from newsgraph.timing import StageTimer


def bare(articles: list[Article], settings: Settings) -> int:
    nlp = load_base_model(settings.model)
    texts = [a.text for a in articles]
    return sum(
        len(doc)
        for doc in nlp.pipe(texts, batch_size=settings.batch_size, n_process=settings.processes)
    )


def newsgraph(articles: list[Article], settings: Settings) -> int:
    chars = 0
    for digest in digest_many(articles, settings=settings):
        chars += len(digest.to_json())
    return chars


def timed(
    func: Callable[[list[Article], Settings], int], articles: list[Article], settings: Settings
) -> float:
    began = time.perf_counter()
    func(articles, settings)
    return time.perf_counter() - began


def stage_breakdown(articles: list[Article], settings: Settings, repeat: int) -> None:
    """Median CPU ms per article: bare spaCy, the model's components in our pipeline, each
    of our components, the digest's assembly and its JSON."""
    from newsgraph.analysis import analyse_articles

    bare_runs, ours_runs = [], []
    stage_runs: dict[str, list[float]] = {}
    for _ in range(repeat):
        began = time.process_time()
        bare(articles, Settings(processes=1))
        bare_runs.append(time.process_time() - began)
        timer = StageTimer()
        began = time.process_time()
        for digest in analyse_articles(articles, settings, timer):
            with timer("json"):
                digest.to_json()
        ours_runs.append(time.process_time() - began)
        for stage, secs in timer.seconds.items():
            stage_runs.setdefault(stage, []).append(secs)
    n = len(articles)
    base_cpu = statistics.median(bare_runs)
    total = statistics.median(ours_runs)
    stages = {k: statistics.median(v) for k, v in stage_runs.items()}
    spacy_own = set(load_base_model(settings.model).pipe_names)
    model = sum(secs for name, secs in stages.items() if name in spacy_own)
    ours = {name: secs for name, secs in stages.items() if name not in spacy_own}
    rest = total - model - sum(ours.values())  # tokenizer, batching, reading the articles
    print(f"\nCPU time per article, one process, median of {repeat} (share of bare spaCy):")
    rows = [
        ("spaCy model (bare)", base_cpu),
        ("model components, ours", model),
        ("tokenizer and batching", rest),
        *ours.items(),
        ("newsgraph total", total),
    ]
    for name, secs in rows:
        print(f"  {name:<26} {1000 * secs / n:8.1f} ms  {100 * secs / base_cpu:6.1f}%")
    print(f"  ratio bare / newsgraph (CPU): {base_cpu / total:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--stages-only", action="store_true", help="only the CPU breakdown")
    parser.add_argument("--datasets", type=Path, default=None, help="default ../shared/datasets")
    args = parser.parse_args()
    articles = dev_articles(args.datasets)[: args.limit]
    base = Settings()
    tokens = sum(len(doc) for doc in load_base_model(base.model).pipe(a.text for a in articles))
    load_pipeline(base.model)  # both models loaded before timing, in the parent
    print(
        f"{len(articles)} articles, {tokens} tokens (dev splits: PolNeAR, AQUAINT, "
        f"MEANTIME, Giveme5W1H); {args.repeat} interleaved runs, medians"
    )
    if not args.stages_only:
        throughput(articles, tokens, args.repeat)
    stage_breakdown(articles, base, args.repeat)


def throughput(articles: list[Article], tokens: int, repeat: int) -> None:
    """Wall-clock articles and tokens per second, bare and newsgraph, 1 and 2 processes."""
    print(f"{'system':<22} {'procs':>5} {'art/s':>8} {'tok/s':>9} {'ratio':>6}")
    for procs in (1, 2):
        settings = Settings(processes=procs)
        runs: dict[str, list[float]] = {"spacy nlp.pipe": [], "newsgraph digest": []}
        for _ in range(repeat):
            runs["spacy nlp.pipe"].append(timed(bare, articles, settings))
            runs["newsgraph digest"].append(timed(newsgraph, articles, settings))
        medians = {k: statistics.median(v) for k, v in runs.items()}
        for name, secs in medians.items():
            ratio = medians["spacy nlp.pipe"] / secs
            print(
                f"{name:<22} {procs:>5} {len(articles) / secs:8.1f} {tokens / secs:9.0f} "
                f"{ratio:6.2f}"
            )


if __name__ == "__main__":
    main()
