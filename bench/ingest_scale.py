"""Ingest cost against store size: the same new articles written into stores of 1k, 10k, 100k.

The stores are built as ``bench/serve_load.py --build N`` builds them (synthetic variants
of the dev digests, through the one writer). Each measurement copies a store to a scratch
file and writes the same batch of new variants (``--new`` variants of every dev digest,
numbered past any store's, so none is stored yet) through ``pipeline.write.write_batch``,
``--batch`` articles per transaction as ``newsgraph ingest`` does, the features computed
beforehand. Wall-clock time per article of each stage of the writer, medians of
``--repeat`` runs, each on a fresh copy:

- story: the candidate stories read from the store, the choice, the story's rows;
- linking: candidate corpus entities, the links, the entity rows;
- events: event features, candidate corpus events, the matches, their rows;
- full-text: the FTS5 rows of the new articles and quotes (the copy's insert triggers are
  dropped and the same rows inserted by hand at the end of each transaction, timed);
- rows: the article row and the child rows (mentions, quotes, events ...);
- commit and the rest: what the stages leave of the batch's time.

Usage:
  python bench/ingest_scale.py --build 4 --db /tmp/flatstore/s1k.db    # build a store
  python bench/ingest_scale.py /tmp/flatstore/s1k.db /tmp/flatstore/s10k.db ... [--repeat 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from newsgraph.pipeline import write  # noqa: E402
from newsgraph.records import Digest  # noqa: E402
from newsgraph.store import Batch, Store  # noqa: E402
from serve_load import build, digests  # noqa: E402  # bench/serve_load.py: the stores' build

FIRST_NEW = 10_000  # variant numbers of the new articles: past any store's (--build N < this)
STAGES = ("story", "linking", "events", "full-text", "rows", "commit and the rest")


class Clock:
    """Wall seconds per stage, added up over a run."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        began = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] += time.perf_counter() - began

    def wrap(self, stage: str, func: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            with self(stage):
                return func(*args, **kwargs)

        return timed


def _timed_batch(clock: Clock) -> type[Batch]:
    """A ``Batch`` that times its writes and does the FTS5 inserts the dropped triggers did."""

    class TimedBatch(Batch):
        def __init__(self, conn: Any) -> None:
            super().__init__(conn)
            self._after = {t: _max_seq(conn, t) for t in ("articles", "quotes")}

        def add_article(self, *args: Any, **kwargs: Any) -> None:
            with clock("rows"):
                super().add_article(*args, **kwargs)

        def add_story(self, *args: Any, **kwargs: Any) -> None:
            with clock("story"):
                super().add_story(*args, **kwargs)

        def add_entities(self, *args: Any, **kwargs: Any) -> None:
            with clock("linking"):
                super().add_entities(*args, **kwargs)

        def add_corpus_events(self, *args: Any, **kwargs: Any) -> None:
            with clock("events"):
                super().add_corpus_events(*args, **kwargs)

        def add_rows(self, *args: Any, **kwargs: Any) -> None:
            with clock("rows"):
                super().add_rows(*args, **kwargs)

        def finish(self) -> None:
            with clock("rows"):
                super().finish()
            with clock("full-text"):
                self.conn.execute(
                    "INSERT INTO articles_fts (rowid, title, text) "
                    "SELECT seq, title, text FROM articles WHERE seq > ?",
                    (self._after["articles"],),
                )
                self.conn.execute(
                    "INSERT INTO quotes_fts (rowid, content) "
                    "SELECT seq, content FROM quotes WHERE seq > ?",
                    (self._after["quotes"],),
                )

    return TimedBatch


def _max_seq(conn: Any, table: str) -> int:
    return int(conn.query(f"SELECT COALESCE(MAX(seq), 0) FROM {table}")[0][0])


@contextmanager
def instrumented(clock: Clock) -> Iterator[None]:
    """The writer's reads and decisions timed per stage (module attributes swapped back after)."""
    import newsgraph.store as store_module

    stages = {
        "story_candidates": "story",
        "story_write": "story",
        "entity_candidates": "linking",
        "link_entities": "linking",
        "entity_writes": "linking",
        "event_features": "events",
        "lookup_keys": "events",
        "event_candidates": "events",
        "match_events": "events",
    }
    saved = {name: getattr(write, name) for name in stages}
    saved_batch = store_module.Batch
    try:
        for name, stage in stages.items():
            setattr(write, name, clock.wrap(stage, saved[name]))
        store_module.Batch = _timed_batch(clock)  # what Store.transaction builds
        yield
    finally:
        for name, func in saved.items():
            setattr(write, name, func)
        store_module.Batch = saved_batch


def new_articles(source: list[Digest], count: int) -> list[Any]:
    """``count`` new variants of every source digest, with their features, as the build makes."""
    from newsgraph.corpus.features import Analysed, corpus_features
    from newsgraph.corpus.linking import link_features
    from newsgraph.corpus.stories import story_features
    from query import variant  # bench/query.py

    vectors = {a.digest.article.id: a.story.vector for a in corpus_features(source)}
    out = []
    for k in range(FIRST_NEW, FIRST_NEW + count):
        for d in source:
            v = variant(d, k)
            out.append(Analysed(v, story_features(v, vectors[d.article.id]), link_features(v)))
    return out


def measure(
    base: Path, scratch: Path, items: list[Any], batch: int
) -> tuple[dict[str, float], float]:
    """Seconds per stage and in all for writing ``items`` into a copy of ``base``."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{scratch}{suffix}").unlink(missing_ok=True)
        if Path(f"{base}{suffix}").exists():
            shutil.copyfile(f"{base}{suffix}", f"{scratch}{suffix}")
    clock = Clock()
    with Store.open(str(scratch)) as store:
        store.conn.execute("DROP TRIGGER IF EXISTS articles_fts_insert")
        store.conn.execute("DROP TRIGGER IF EXISTS quotes_fts_insert")
        with instrumented(clock):
            began = time.perf_counter()
            added = 0
            for start in range(0, len(items), batch):
                added += len(write.write_batch(store, items[start : start + batch]).added)
            total = time.perf_counter() - began
    if added != len(items):
        raise SystemExit(f"{base}: {added} of {len(items)} new articles added")
    clock.seconds["commit and the rest"] = total - sum(clock.seconds.values())
    for suffix in ("", "-wal", "-shm"):
        Path(f"{scratch}{suffix}").unlink(missing_ok=True)
    return dict(clock.seconds), total


def exhaustive_check(path: Path, items: list[Any]) -> str:
    """How often the store's candidate stories give the story that all stories would.

    Each new article against the store as it is (nothing written): its story among the
    candidates that ``store.candidates`` reads, and among every story (as the ECB+
    evaluation scores it); also the time of each and of a NumPy cosine over all centroids.
    """
    import numpy as np

    from newsgraph.corpus.stories import assign_story
    from newsgraph.store.candidates import _summary, story_candidates

    with Store.open(str(path), create=False) as store:
        conn = store.conn
        every = [
            _summary(r)
            for r in conn.query("SELECT id, centroid, names, first, last, size FROM stories")
        ]
        matrix = np.array([s.centroid for s in every], dtype=np.float32)
        matrix /= np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-12
        same = 0
        clock = Clock()
        for item in items:
            with clock("candidates"):
                found = story_candidates(conn, item.story.names, item.story.published)
                chosen = assign_story(item.story, found)
            with clock("all"):
                best = assign_story(item.story, every)
            with clock("numpy"):
                (matrix @ np.asarray(item.story.vector, dtype=np.float32)).argmax()
            same += chosen == best
    ms = {k: v * 1000 / len(items) for k, v in clock.seconds.items()}
    return (
        f"  stories: {len(every)}; the candidates' choice is the all-stories choice for "
        f"{same} of {len(items)} new articles; ms per article: candidates "
        f"{ms['candidates']:.2f}, all stories {ms['all']:.2f}, "
        f"numpy cosine over all {ms['numpy']:.3f}"
    )


def counts(path: Path) -> dict[str, int]:
    with Store.open(str(path), create=False) as store:
        return {
            t: int(store.conn.query(f"SELECT COUNT(*) FROM {t}")[0][0])
            for t in ("articles", "entities", "stories", "corpus_events", "quotes", "events")
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stores", nargs="*", type=Path, help="Stores to measure, smallest first.")
    parser.add_argument("--build", type=int, metavar="N", help="Build --db: N variants.")
    parser.add_argument("--db", type=Path, help="The store --build writes.")
    parser.add_argument("--digests", type=Path, default=Path("/tmp/newsgraph-serve-digests.pkl"))
    parser.add_argument("--datasets", type=Path, help="Default: ../shared/datasets.")
    parser.add_argument("--new", type=int, default=2, help="New variants of each dev digest.")
    parser.add_argument("--batch", type=int, default=32, help="Articles per transaction.")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--check", action="store_true", help="Also compare candidate and all-story choices."
    )
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/newsgraph-ingest-scale.db"))
    args = parser.parse_args()
    source = digests(args.digests, args.datasets)
    if args.build:
        if args.db is None or args.build >= FIRST_NEW:
            raise SystemExit(f"--build needs --db and fewer than {FIRST_NEW} variants")
        build(args.db, args.build, source)
    if not args.stores:
        return
    items = new_articles(source, args.new)
    print(f"{len(items)} new articles, {args.batch} per transaction, medians of {args.repeat} runs")
    per_article: dict[Path, dict[str, float]] = {}
    for path in args.stores:
        size = counts(path)
        print(f"{path}: " + ", ".join(f"{v:,} {k}" for k, v in size.items()), flush=True)
        runs = [measure(path, args.scratch, items, args.batch) for _ in range(args.repeat)]
        ms = {s: statistics.median(r[0].get(s, 0.0) for r in runs) for s in STAGES}
        ms["total"] = statistics.median(r[1] for r in runs)
        per_article[path] = {k: v * 1000 / len(items) for k, v in ms.items()}
        spread = ", ".join(f"{r[1] * 1000 / len(items):.2f}" for r in runs)
        print(f"  total per article: {spread} ms", flush=True)
        if args.check:
            print(exhaustive_check(path, items), flush=True)
    columns = [*STAGES, "total"]
    print(f"\nms per article{'':>22}" + "".join(f"{c:>12}" for c in ("story", "linking")), end="")
    print("".join(f"{c:>12}" for c in ("events", "full-text", "rows", "commit+", "total")))
    for path, row in per_article.items():
        print(f"{path.name:>36}" + "".join(f"{row[c]:12.2f}" for c in columns))
    first, last = per_article[args.stores[0]], per_article[args.stores[-1]]
    ratio = "".join(f"{last[c] / first[c]:12.2f}" if first[c] else f"{'-':>12}" for c in columns)
    label = f"{args.stores[-1].name} / {args.stores[0].name}"
    print(f"{label:>36}{ratio}")
    rate = {p: 1000 / row["total"] for p, row in per_article.items()}
    print(
        "articles/s: "
        + ", ".join(f"{p.name} {r:.1f}" for p, r in rate.items())
        + f"; slowdown {args.stores[-1].name} vs {args.stores[0].name}: "
        f"{last['total'] / first['total'] - 1:+.0%} (target <= +20%)"
    )


if __name__ == "__main__":
    main()
