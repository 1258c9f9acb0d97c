"""Ingest throughput against bare digest throughput on the same real articles.

``digest``: the whole per-article analysis and its JSON (what ``newsgraph digest``
does). ``ingest``: the same analysis plus corpus features (lead embedding),
entity linking and storage in a new SQLite file (what ``newsgraph ingest`` does).
Also times the writer alone (linking and SQL, digests and features computed
beforehand; ``bench/writer.py`` has more). Runs are interleaved and repeated;
prints medians and the ratio. Target: ingest >= 0.9x.

Usage: python bench/ingest.py [--repeat 3] [--limit N] [--processes 1] [--datasets DIR]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from newsgraph.config import Settings
from newsgraph.engine.local import run_analysed, run_digests
from newsgraph.evaluate.datasets import dev_articles
from newsgraph.nlp.pipeline import load_pipeline
from newsgraph.pipeline.build import ingest
from newsgraph.pipeline.write import write_batch
from newsgraph.records import Article
from newsgraph.store import Store


def digest_run(articles: list[Article], settings: Settings, _: Path) -> float:
    began = time.perf_counter()
    for digest in run_digests(articles, settings):
        digest.to_json()
    return time.perf_counter() - began


def ingest_run(articles: list[Article], settings: Settings, folder: Path) -> float:
    path = folder / f"ingest-{time.monotonic_ns()}.db"
    began = time.perf_counter()
    with Store.open(str(path)) as store:
        report = ingest(articles, store, settings)
    elapsed = time.perf_counter() - began
    assert report.added == len(articles), report
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--datasets", type=Path, help="Default: ../shared/datasets.")
    args = parser.parse_args()
    articles = dev_articles(args.datasets)[: args.limit]
    settings = Settings(processes=args.processes)
    load_pipeline(settings.model)
    from newsgraph.corpus.embed import get_embedder

    get_embedder().embed(["warm up"])  # both models loaded before timing
    print(
        f"{len(articles)} dev articles (PolNeAR, AQUAINT, MEANTIME, Giveme5W1H), "
        f"{args.processes} process(es), {args.repeat} interleaved runs, medians"
    )
    times: dict[str, list[float]] = {"digest": [], "ingest": []}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for _ in range(args.repeat):
            times["digest"].append(digest_run(articles, settings, folder))
            times["ingest"].append(ingest_run(articles, settings, folder))
        analysed = list(run_analysed(articles, settings))
        store_only = []
        for n in range(args.repeat):
            with Store.open(str(folder / f"store-{n}.db")) as store:
                began = time.perf_counter()
                for start in range(0, len(analysed), settings.batch_size):
                    write_batch(store, analysed[start : start + settings.batch_size])
                store_only.append(time.perf_counter() - began)
    rates = {k: len(articles) / statistics.median(v) for k, v in times.items()}
    for name, rate in rates.items():
        print(f"{name:>8}: {rate:7.2f} articles/s  (median {statistics.median(times[name]):.2f} s)")
    store_rate = len(articles) / statistics.median(store_only)
    print(f"   store: {store_rate:7.2f} articles/s  (the writer alone: linking and SQL)")
    print(f"ratio ingest/digest: {rates['ingest'] / rates['digest']:.3f}  (target >= 0.9)")


if __name__ == "__main__":
    main()
