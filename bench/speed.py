"""Digest throughput against the bare spaCy model on the same real articles.

Runs the bare ``nlp.pipe`` of the pinned model and newsgraph's whole analysis
(pipeline, extractors, JSON digest) over the dev-split articles, with one and
two processes, interleaved and repeated; prints medians and their ratio.

Usage: python bench/speed.py [--repeat 3] [--limit N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from newsgraph.config import Settings
from newsgraph.engine.local import run_digests
from newsgraph.evaluate.datasets import dev_articles
from newsgraph.nlp.pipeline import load_base_model, load_pipeline
from newsgraph.records import Article


def bare(articles: list[Article], settings: Settings) -> int:
    nlp = load_base_model(settings.model)
    texts = [a.text for a in articles]
    return sum(
        len(doc)
        for doc in nlp.pipe(texts, batch_size=settings.batch_size, n_process=settings.processes)
    )


def newsgraph(articles: list[Article], settings: Settings) -> int:
    chars = 0
    for digest in run_digests(articles, settings):
        chars += len(digest.to_json())
    return chars


def timed(
    func: Callable[[list[Article], Settings], int], articles: list[Article], settings: Settings
) -> float:
    began = time.perf_counter()
    func(articles, settings)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    articles = dev_articles()[: args.limit]
    base = Settings()
    tokens = sum(len(doc) for doc in load_base_model(base.model).pipe(a.text for a in articles))
    load_pipeline(base.model)  # both models loaded before timing, in the parent
    print(
        f"{len(articles)} articles, {tokens} tokens (dev splits: PolNeAR, AQUAINT, "
        f"MEANTIME, Giveme5W1H); {args.repeat} interleaved runs, medians"
    )
    print(f"{'system':<22} {'procs':>5} {'art/s':>8} {'tok/s':>9} {'ratio':>6}")
    for procs in (1, 2):
        settings = Settings(processes=procs)
        runs: dict[str, list[float]] = {"spacy nlp.pipe": [], "newsgraph digest": []}
        for _ in range(args.repeat):
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
