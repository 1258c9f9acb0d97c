"""The writer alone: articles/s of ingest's one serial step, the analysis done beforehand.

The dev articles (``dev_articles()``) are digested once and cached (``--cache``),
then copied ``--copies`` times under new URLs, so that later copies link against
a corpus that already holds their people. Each run writes them into a fresh
SQLite file, ``--batch`` articles per transaction, and times the writes only.

A tree where the store only persists (``newsgraph.pipeline``): the corpus
features (lead vectors, linking features) are computed before the clock starts,
as the workers compute them at ingest; the clock covers linking, story
assignment and SQL. A tree from before (``Store.write`` links and embeds):
``Store.write`` as it was (embedding the leads inside the write), and
``Store.write`` with the vectors handed in (``story_step``), the same work as the
new writer. ``--compare SRC`` runs another tree (say ``/work/main/src``) in the
same run, interleaved with this one; each run also prints a hash of the rows it
stored, which must agree between trees.

Usage: python bench/writer.py [--copies 2] [--repeat 3] [--compare ../main/src] [--datasets DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()
SRC = HERE.parents[1] / "src"
_CLOCK_COLUMNS = {"ingested_at", "applied_at"}


def rows_hash(db: Path) -> str:
    """A hash of every table's rows, sorted, without wall-clock columns (as bench/snapshot.py)."""
    con = sqlite3.connect(db)
    digest = hashlib.sha256()
    tables = [
        r[0]
        for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            " AND sql NOT LIKE '%VIRTUAL%' AND name <> 'schema_migrations' ORDER BY name"
        )
    ]
    for table in tables:
        if table.endswith(("_data", "_idx", "_docsize", "_config", "_content")):
            continue
        columns = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
        kept = [c for c in columns if c not in _CLOCK_COLUMNS]
        digest.update(table.encode())
        for row in sorted(
            repr(row) for row in con.execute(f"SELECT {', '.join(kept)} FROM {table}")
        ):
            digest.update(row.encode())
    con.close()
    return digest.hexdigest()[:16]


def copies(digests: list[Any], count: int) -> list[Any]:
    """The digests, then ``count - 1`` copies under other URLs (other article ids)."""
    from newsgraph.records import article_id

    out = list(digests)
    for k in range(1, count):
        for d in digests:
            url = f"https://copy{k}.example/{d.article.id}"
            article = replace(d.article, url=url, id=article_id(d.article.text, url))
            out.append(replace(d, article=article))
    return out


def _chunks(items: list[Any], size: int) -> list[list[Any]]:
    return [items[k : k + size] for k in range(0, len(items), size)]


def _timed(db: Path, write: Callable[[Any, list[Any]], object], batches: list[list[Any]]) -> float:
    from newsgraph.store import Store

    with Store.open(str(db)) as store:
        began = time.perf_counter()
        for batch in batches:
            write(store, batch)
        return time.perf_counter() - began


def worker(cache: Path, count: int, batch: int, folder: Path) -> dict[str, Any]:
    """One timed run of each writer this tree has; seconds and the rows' hash per writer."""
    from newsgraph.corpus.embed import get_embedder

    with cache.open("rb") as handle:
        digests = copies(pickle.load(handle), count)
    get_embedder().embed(["warm up"])  # the model is loaded before any clock starts
    out: dict[str, Any] = {"articles": len(digests)}

    def run(name: str, write: Callable[[Any, list[Any]], object], items: list[Any]) -> None:
        db = folder / f"{name.replace(' ', '-')}-{time.monotonic_ns()}.db"
        seconds = _timed(db, write, _chunks(items, batch))
        out[name] = {"seconds": seconds, "rows": rows_hash(db)}

    try:
        from newsgraph.corpus.features import corpus_features
        from newsgraph.pipeline.write import write_batch
    except ImportError:  # a tree from before: Store.write links, and embeds unless told
        before(digests, run)
        return out
    # as the workers do at ingest: one model call per chunk
    items = [item for chunk in _chunks(digests, batch) for item in corpus_features(chunk)]
    run("persist (features precomputed)", write_batch, items)
    return out


def before(digests: list[Any], run: Callable[..., None]) -> None:
    """``Store.write`` as it was, and with the lead vectors computed beforehand."""
    from newsgraph.corpus.embed import get_embedder
    from newsgraph.corpus.stories import lead_text, story_features
    from newsgraph.store import Store
    from newsgraph.store.stories import assign  # a tree from before only

    run("Store.write (embeds inside)", lambda store, batch: store.write(batch), digests)
    features = {}
    for chunk in _chunks(digests, 32):
        vectors = get_embedder().embed([lead_text(d) for d in chunk])
        for d, v in zip(chunk, vectors, strict=True):
            features[d.article.id] = story_features(d, [float(x) for x in v])

    def step(conn: Any, digest: Any, aid: str) -> str | None:
        return str(assign(conn, features[digest.article.id], aid, digest.article.title))

    def write(store: Any, batch: list[Any]) -> object:
        return Store(store.conn, story_step=step).write(batch)

    run("Store.write (vectors precomputed)", write, digests)


def cached_digests(cache: Path, datasets: Path | None) -> None:
    """Digest the dev articles once (this tree's analysis) and keep them for every run."""
    if cache.exists():
        return
    from newsgraph.config import Settings
    from newsgraph.engine.local import run_digests
    from newsgraph.evaluate.datasets import dev_articles

    articles = dev_articles(datasets)
    print(f"digesting {len(articles)} dev articles into {cache} ...", flush=True)
    digests = list(run_digests(articles, Settings()))
    with cache.open("wb") as handle:
        pickle.dump(digests, handle)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch", type=int, default=32, help="Articles per transaction.")
    parser.add_argument("--compare", type=Path, help="Another source tree to time alongside.")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/newsgraph-writer-digests.pkl"))
    parser.add_argument("--datasets", type=Path, help="Default: ../shared/datasets.")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        with tempfile.TemporaryDirectory() as tmp:
            result = worker(args.cache, args.copies, args.batch, Path(tmp))
        print(json.dumps(result))
        return
    cached_digests(args.cache, args.datasets)
    trees = {"this tree": SRC, **({"compared": args.compare.resolve()} if args.compare else {})}
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in trees}
    for _ in range(args.repeat):
        for name, src in trees.items():  # interleaved, so both see the same machine load
            command = [sys.executable, str(HERE), "--worker", "--cache", str(args.cache)]
            command += ["--copies", str(args.copies), "--batch", str(args.batch)]
            env = {**os.environ, "PYTHONPATH": str(src)}
            done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
            runs[name].append(json.loads(done.stdout.splitlines()[-1]))
    count = runs["this tree"][0]["articles"]
    print(
        f"{count} articles ({args.copies} copies of the dev set), {args.batch} per transaction, "
        f"fresh SQLite files, {args.repeat} interleaved runs, medians"
    )
    for name, src in trees.items():
        for writer in (k for k in runs[name][0] if k != "articles"):
            seconds = [r[writer]["seconds"] for r in runs[name]]
            hashes = sorted({r[writer]["rows"] for r in runs[name]})
            rate = count / statistics.median(seconds)
            spread = ", ".join(f"{count / s:.1f}" for s in seconds)
            print(f"  {src}: {writer:>34}: {rate:7.1f} articles/s ({spread}); rows {hashes}")


if __name__ == "__main__":
    main()
