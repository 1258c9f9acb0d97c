"""Load on ``newsgraph serve``: requests per second and p50/p95 latency of the main API
routes and pages, on a big synthetic store, over loopback.

The store is built as ``bench/query.py`` builds its 100k store: the dev articles are
digested once, then each digest gives ``--build N`` synthetic variants (people renamed,
dates moved), all written through the one writer. The server is ``newsgraph serve`` in a
subprocess (one uvicorn process, read-only store). The load is a bounded Python loop:

- latency: one client, keep-alive, ``--requests`` requests per route (each with another
  sampled entity, story, word ...), p50 / p95 / max;
- throughput: ``--clients`` threads on a mix of all the routes for ``--seconds``.

Usage:
  python bench/serve_load.py --db /tmp/newsgraph-bench-serve.db --build 40 \\
      --datasets ../shared/datasets          # build (about 10,500 articles), then measure
  python bench/serve_load.py --db /tmp/newsgraph-bench-serve.db   # measure an existing store
"""

from __future__ import annotations

import argparse
import http.client
import pickle
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path

from newsgraph.records import Digest
from newsgraph.store import Store

HERE = Path(__file__).resolve().parent


def digests(cache: Path, datasets: Path | None) -> list[Digest]:
    """The dev articles' digests, from ``cache`` (a pickle) or digested now and cached."""
    if cache.exists():
        with cache.open("rb") as handle:
            found: list[Digest] = pickle.load(handle)
        return found
    from newsgraph.config import Settings
    from newsgraph.engine.local import run_digests
    from newsgraph.evaluate.datasets import dev_articles

    articles = dev_articles(datasets)
    print(f"digesting {len(articles)} dev articles into {cache} ...", flush=True)
    done = list(run_digests(articles, Settings()))
    with cache.open("wb") as handle:
        pickle.dump(done, handle)
    return done


def build(path: Path, variants: int, source: list[Digest]) -> int:
    """``variants`` synthetic copies of every digest in ``source``, as bench/query.py makes them."""
    sys.path.insert(0, str(HERE))
    from newsgraph.corpus.features import Analysed, corpus_features
    from newsgraph.corpus.linking import link_features
    from newsgraph.corpus.stories import story_features
    from newsgraph.pipeline.write import write_batch
    from query import variant  # bench/query.py: the 100k store's variants

    vectors = {a.digest.article.id: a.story.vector for a in corpus_features(source)}
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    began, total = time.perf_counter(), 0
    with Store.open(str(path)) as store:
        for k in range(variants):
            batch = []
            for d in source:
                v = variant(d, k)
                batch.append(
                    Analysed(v, story_features(v, vectors[d.article.id]), link_features(v))
                )
            total += len(write_batch(store, batch).added)
            rate = total / (time.perf_counter() - began)
            print(f"\r{total} articles stored ({rate:.0f}/s)", end="", flush=True)
    print()
    return total


def samples(db: Path, n: int, seed: int = 7) -> dict[str, list[str]]:
    """What the requests ask for: random people, organisations, stories, articles, words."""
    rng = random.Random(seed)
    with Store.open(str(db), create=False) as store:
        conn = store.conn

        def column(sql: str) -> list[str]:
            return [str(r[0]) for r in conn.query(sql)]

        people = column("SELECT id FROM entities WHERE type = 'PERSON' ORDER BY id")
        orgs = column("SELECT id FROM entities WHERE type = 'ORG' ORDER BY id")
        stories = column("SELECT id FROM stories ORDER BY id")
        articles = column("SELECT id FROM articles ORDER BY seq LIMIT 20000")
        contents = column("SELECT content FROM quotes ORDER BY seq LIMIT 3000")
        names = column("SELECT name FROM entities WHERE type = 'PERSON' ORDER BY id LIMIT 5000")
    words = sorted({w for c in contents for w in re.findall(r"[a-z]{5,}", c.lower())})
    surnames = sorted({n.split()[-1] for n in names if " " in n})

    def pick(values: list[str]) -> list[str]:
        return [rng.choice(values) for _ in range(n)] if values else []

    return {
        "person": pick(people),
        "entity": pick(people + orgs),
        "story": pick(stories),
        "article": pick(articles),
        "word": pick(words),
        "surname": pick(surnames),
    }


def q(value: str) -> str:
    return urllib.parse.quote(value, safe="")


# route -> (what it samples, the path for one sample)
ROUTES: dict[str, tuple[str, Callable[[str], str]]] = {
    "page: entity": ("person", lambda v: f"/entity/{q(v)}"),
    "page: story": ("story", lambda v: f"/story/{q(v)}"),
    "page: quote search": ("word", lambda v: f"/quotes?search={q(v)}"),
    "page: article": ("article", lambda v: f"/article/{q(v)}"),
    "page: search": ("surname", lambda v: f"/search?q={q(v)}"),
    "page: front": ("story", lambda v: "/"),
    "api: entity": ("entity", lambda v: f"/api/v1/entities/{q(v)}"),
    "api: entities search": ("surname", lambda v: f"/api/v1/entities?type=PERSON&search={q(v)}"),
    "api: story": ("story", lambda v: f"/api/v1/stories/{q(v)}"),
    "api: quotes search": ("word", lambda v: f"/api/v1/quotes?search={q(v)}&limit=20"),
    "api: timeline": ("person", lambda v: f"/api/v1/timeline?entity={q(v)}"),
    "api: article": ("article", lambda v: f"/api/v1/articles/{q(v)}"),
}
TARGET = ("page: entity", "page: story", "page: quote search")


def get(conn: http.client.HTTPConnection, path: str) -> tuple[float, int, int]:
    """(seconds, status, bytes) of one GET on a keep-alive connection."""
    began = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    return time.perf_counter() - began, response.status, len(body)


def latency(port: int, paths: list[str]) -> tuple[list[float], list[int], int]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    times, statuses, size = [], [], 0
    for path in paths:
        seconds, status, length = get(conn, path)
        times.append(seconds * 1000)
        statuses.append(status)
        size += length
    conn.close()
    return times, statuses, size // max(len(paths), 1)


def throughput(port: int, paths: list[str], clients: int, seconds: float) -> tuple[int, float, int]:
    """Requests done by ``clients`` threads cycling through ``paths`` for ``seconds``."""
    done, errors = [0] * clients, [0] * clients
    stop = time.perf_counter() + seconds

    def run(n: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        rng = random.Random(n)
        while time.perf_counter() < stop:
            _, status, _ = get(conn, rng.choice(paths))
            done[n] += 1
            errors[n] += status >= 500
        conn.close()

    began = time.perf_counter()
    threads = [threading.Thread(target=run, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(done), time.perf_counter() - began, sum(errors)


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def serve(db: Path) -> tuple[subprocess.Popen[bytes], int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "serve", "--db", str(db), "--port", str(port)],
        stdin=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return proc, port
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("newsgraph serve did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/newsgraph-bench-serve.db"))
    parser.add_argument("--build", type=int, metavar="N", help="Build the store: N variants.")
    parser.add_argument("--datasets", type=Path, help="Default: ../shared/datasets.")
    parser.add_argument("--digests", type=Path, default=Path("/tmp/newsgraph-serve-digests.pkl"))
    parser.add_argument("--requests", type=int, default=60, help="Per route, one client.")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    if args.build:
        build(args.db, args.build, digests(args.digests, args.datasets))
    with Store.open(str(args.db), create=False) as store:
        counts = {
            t: store.conn.query(f"SELECT COUNT(*) FROM {t}")[0][0]
            for t in ("articles", "entities", "quotes", "events", "stories")
        }
    print("store: " + ", ".join(f"{v:,} {k}" for k, v in counts.items()))
    picked = samples(args.db, args.requests)
    proc, port = serve(args.db)
    try:
        for kind, make in ROUTES.values():  # warm: the first of each loads its code
            latency(port, [make(picked[kind][0])])
        print(f"latency, one client, {args.requests} requests per route (ms):")
        print(f"{'route':>22} {'p50':>8} {'p95':>8} {'max':>8} {'req/s':>7} {'KB':>6}  status")
        for route, (kind, make) in ROUTES.items():
            times, statuses, size = latency(port, [make(v) for v in picked[kind]])
            codes = ",".join(f"{c}x{statuses.count(c)}" for c in sorted(set(statuses)))
            mark = " (target p95 <= 100)" if route in TARGET else ""
            print(
                f"{route:>22} {statistics.median(times):8.1f} {pct(times, 95):8.1f} "
                f"{max(times):8.1f} {1000 / statistics.mean(times):7.1f} {size / 1024:6.1f}  "
                f"{codes}{mark}"
            )
        mix = [make(v) for kind, make in ROUTES.values() for v in picked[kind]]
        count, seconds, errors = throughput(port, mix, args.clients, args.seconds)
        print(
            f"throughput, {args.clients} clients on the mix of all routes for {seconds:.0f} s: "
            f"{count / seconds:.1f} requests/s ({count} requests, {errors} 5xx)"
        )
    finally:
        proc.terminate()
        proc.wait(timeout=20)


if __name__ == "__main__":
    main()
