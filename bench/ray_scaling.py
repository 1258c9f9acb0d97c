"""Articles/s of the local engine (1 and 2 processes) and the Ray engine (1 and 2 actors).

The same articles for every configuration: the dev-split articles (``dev_articles()``)
``--copies`` times over under other URLs (264 x 2 = 528 by default). Each run is what
ingest asks of its engine: digests with their corpus features (``analysed``), read to
the end; the writer is timed apart, below. The four configurations are interleaved,
in a rotating order, ``--repeat`` times; prints medians of the whole run (Ray's actors
load the pipeline inside it; the local pool forks a parent that has it loaded) and of
the steady rate after the first result, and the scaling efficiency: the rate with 2
workers / 2 x the rate with 1 (target >= 0.8).

Then the per-stage costs that docs/SCALING.md reasons from: the analysis's CPU time per
article (one process), and the writer's time per article (``write_batch``, 32 per
transaction, features computed beforehand) into a new SQLite file and, with ``--pg
URL``, into a fresh PostgreSQL schema.

Usage: python bench/ray_scaling.py [--copies 2] [--repeat 3] [--limit N] [--pg URL]
       [--datasets DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from newsgraph.config import Settings
from newsgraph.engine.local import run_analysed
from newsgraph.evaluate.datasets import dev_articles
from newsgraph.pipeline.write import write_batch
from newsgraph.records import Article, article_id
from newsgraph.store import Store

CONFIGS = [("local", 1), ("local", 2), ("ray", 1), ("ray", 2)]


def copies(articles: list[Article], count: int) -> list[Article]:
    """The articles, then ``count - 1`` copies under other URLs (other ids)."""
    out = list(articles)
    for k in range(1, count):
        for a in articles:
            url = f"https://copy{k}.example/{a.id}"
            out.append(replace(a, url=url, id=article_id(a.text, url)))
    return out


def timed(results: Iterator[Any]) -> tuple[float, float, int]:
    """Seconds to the end, seconds to the first result, and the count."""
    began = time.perf_counter()
    first = None
    count = 0
    for _ in results:
        count += 1
        if first is None:
            first = time.perf_counter() - began
    return time.perf_counter() - began, first or 0.0, count


def run(name: str, workers: int, articles: list[Article]) -> tuple[float, float, int]:
    if name == "local":
        return timed(run_analysed(articles, Settings(processes=workers)))
    from newsgraph.engine.ray import RayEngine

    with RayEngine(workers=workers) as engine:
        return timed(engine.analysed(articles, Settings()))


def writer_ms(analysed: list[Any], url: str) -> float:
    """Milliseconds per article of the writer alone, 32 per transaction."""
    with Store.open(url) as store:
        began = time.perf_counter()
        for start in range(0, len(analysed), 32):
            write_batch(store, analysed[start : start + 32])
        return 1000 * (time.perf_counter() - began) / len(analysed)


def pg_schema(base: str) -> tuple[str, Any]:
    import psycopg

    schema = "bench_" + uuid.uuid4().hex[:10]
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")

    def drop() -> None:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")

    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}", drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--pg", default=None, help="a PostgreSQL URL for the writer's cost")
    parser.add_argument("--datasets", type=Path, default=None, help="default ../shared/datasets")
    parser.add_argument("--stages-only", action="store_true", help="only the per-stage costs")
    args = parser.parse_args()
    articles = copies(dev_articles(args.datasets)[: args.limit], args.copies)
    from newsgraph.corpus.embed import get_embedder
    from newsgraph.nlp.pipeline import load_pipeline

    load_pipeline(Settings().model)  # the local pool's forked workers start with it
    get_embedder().embed(["warm up"])  # and the stages' clocks start without loading
    if not args.stages_only:
        engines(articles, args.copies, args.repeat)
    stages(articles, args.pg)


def engines(articles: list[Article], times_over: int, repeat: int) -> None:
    """The four configurations, interleaved: rates, medians, scaling efficiencies."""
    import ray

    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print(f"{len(articles)} articles ({times_over} x the dev split); load before: {load}")

    totals: dict[tuple[str, int], list[float]] = {c: [] for c in CONFIGS}
    steady: dict[tuple[str, int], list[float]] = {c: [] for c in CONFIGS}
    for round_ in range(repeat):
        order = CONFIGS[round_ % 4 :] + CONFIGS[: round_ % 4]
        for name, workers in order:
            total, first, count = run(name, workers, articles)
            assert count == len(articles), (name, workers, count)
            totals[(name, workers)].append(total)
            # the first result waits for a whole chunk; what follows is the steady rate
            steady[(name, workers)].append((count - 32) / (total - first))
            print(f"  round {round_ + 1}: {name} x{workers}: {count / total:6.2f} articles/s")
    ray.shutdown()
    print("\nengine    workers  articles/s (whole run)  steady articles/s")
    rate = {}
    for config in CONFIGS:
        rate[config] = len(articles) / statistics.median(totals[config])
        rate_steady = statistics.median(steady[config])
        print(f"{config[0]:>6} {config[1]:>9}  {rate[config]:21.2f}  {rate_steady:17.2f}")
        rate[(config[0] + " steady", config[1])] = rate_steady
    for name in ("local", "ray", "local steady", "ray steady"):
        efficiency = rate[(name, 2)] / (2 * rate[(name, 1)])
        print(f"scaling efficiency, {name}: {efficiency:.3f} (2 workers / 2 x 1 worker)")
    print(f"ray / local, 1 worker: {rate[('ray', 1)] / rate[('local', 1)]:.3f}")
    print(f"ray / local, 2 workers: {rate[('ray', 2)] / rate[('local', 2)]:.3f}")


def stages(articles: list[Article], pg: str | None) -> None:
    """The per-stage costs, in one process: analysis CPU and the writer's time per article."""
    sample = articles[:264]
    began = time.process_time()
    analysed = list(run_analysed(sample, Settings()))
    cpu = 1000 * (time.process_time() - began) / len(sample)
    print(f"\nanalysis (digest + features), one process: {cpu:.1f} ms CPU per article")
    with tempfile.TemporaryDirectory() as tmp:
        sqlite = [writer_ms(analysed, str(Path(tmp) / f"w{n}.db")) for n in range(3)]
    print(f"writer into SQLite: {statistics.median(sqlite):.1f} ms per article (median of 3)")
    if pg:
        times = []
        for _ in range(3):
            url, drop = pg_schema(pg)
            try:
                times.append(writer_ms(analysed, url))
            finally:
                drop()
        median = statistics.median(times)
        print(f"writer into PostgreSQL: {median:.1f} ms per article (median of 3)")
    load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print(f"load after: {load}")


if __name__ == "__main__":
    main()
