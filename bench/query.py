"""Query latency on a SQLite store of 100,000+ articles: entity timeline, quote search, stories.

How the store is built, without running the analysis 100,000 times: the dev
articles (``dev_articles()``, about 265) are digested once; each digest then
gives ``--variants`` synthetic digests. A variant renames the people (names
drawn from pools, shared by groups of 5 variants so that people recur across
articles; one person in ten keeps the real name, so some entities are in
thousands of articles), substitutes the new names in the text, moves the
publication date (spread over 1998-2024) and the event dates with it. Where the
analysis gives no quotes or events yet, they are derived from the text (quoted
passages, attributed to a person of the article; one event per dated time
expression) so that those tables have a realistic size. Everything is written
through the one writer (``pipeline.write.write_batch``: linking and stories
included; the lead embedding of a variant is its source's, computed once).

Usage: python bench/query.py [--variants 400] [--db /tmp/bench-100k.db] [--reuse]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import statistics
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from newsgraph import query
from newsgraph.config import Settings
from newsgraph.corpus.features import Analysed, corpus_features
from newsgraph.corpus.linking import link_features
from newsgraph.corpus.stories import story_features
from newsgraph.engine.local import run_digests
from newsgraph.evaluate.datasets import dev_articles
from newsgraph.pipeline.write import write_batch
from newsgraph.records import Digest, Entity, Event, EventTime, Participant, Quote, article_id
from newsgraph.store import Store

FIRST = "Ana Ben Carla Dana Eli Farah Gus Hana Ivan Jade Kofi Lena Marco Nia Omar Pia Raj Sara Tomas Uma Vera Wen Yuri Zoe".split()  # noqa: E501
LAST = "Abbott Baker Castillo Dorsey Ellison Fischer Garcia Haines Ibrahim Jensen Kowalski Lindqvist Mendes Novak Okafor Patel Quinn Rossi Santos Tanaka Ueda Vance Whitfield Xu Yilmaz Zhou".split()  # noqa: E501
EVENT_TYPES = (
    "statement",
    "meeting",
    "charge",
    "trial",
    "verdict",
    "lawsuit",
    "attack",
    "election",
)
QUOTE = re.compile(r"[\"“]([^\"”]{20,400})[\"”]")
START = date(1998, 1, 1)
SPAN_DAYS = 26 * 365


def _h(*parts: object) -> int:
    return int(hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:12], 16)


def _rename(d: Digest, k: int) -> tuple[str, dict[str, str], dict[str, Entity]]:
    text = d.article.text
    group = k // 5
    names: dict[str, str] = {}
    for e in d.entities:
        if e.type != "PERSON" or _h(d.article.id, e.id) % 10 == 0:
            continue
        h = _h(d.article.id, e.id, group)
        first, last = FIRST[h % len(FIRST)], LAST[(h // 97) % len(LAST)] + str(h % 50)
        names[e.name] = f"{first} {last}"
        old_last = e.name.split()[-1]
        for alias in e.aliases:
            names[alias] = (
                last if alias.split()[-1] == old_last and " " not in alias else names[e.name]
            )
    for old in sorted(names, key=len, reverse=True):
        text = re.sub(r"\b" + re.escape(old) + r"\b", names[old], text)
    entities = {}
    for e in d.entities:
        new = names.get(e.name, e.name)
        spans = tuple((m.start(), m.end()) for m in re.finditer(re.escape(new), text))[:20]
        aliases = tuple(dict.fromkeys(names.get(a, a) for a in e.aliases))
        entities[e.id] = replace(e, name=new, aliases=aliases, mentions=spans or ((0, 1),))
    return text, names, entities


def variant(d: Digest, k: int) -> Digest:
    """Synthetic digest number ``k`` made from the real digest ``d``."""
    text, _, entities = _rename(d, k)
    day = START + timedelta(days=(_h(d.article.id) + k * 23) % SPAN_DAYS)
    url = f"https://synthetic.example/{d.article.id}/{k}"
    article = replace(
        d.article, text=text, url=url, id=article_id(text, url), published=day.isoformat()
    )
    people = [e for e in entities.values() if e.type == "PERSON"]
    quotes = d.quotes or tuple(
        Quote(
            f"q{n}",
            "direct",
            m.group(1),
            m.span(1),
            speaker=people[n % len(people)].id if people else None,
        )
        for n, m in enumerate(QUOTE.finditer(text))
    )
    events = d.events or tuple(
        Event(
            f"v{n}",
            EVENT_TYPES[_h(d.article.id, n) % len(EVENT_TYPES)],
            t.text,
            t.span,
            t.span,
            tuple(Participant("participant", p.id) for p in people[n % 3 : n % 3 + 2]),
            EventTime(t.text, (day - timedelta(days=_h(k, n) % 30)).isoformat()),
        )
        for n, t in enumerate(x for x in d.times if x.type == "DATE")
    )
    return replace(
        d,
        article=article,
        entities=tuple(entities[e.id] for e in d.entities),
        quotes=quotes,
        events=events,
    )


def build(path: Path, variants: int) -> int:
    settings = Settings()
    articles = dev_articles()
    print(f"digesting {len(articles)} dev articles ...", flush=True)
    digests = list(run_digests(articles, settings))
    vectors = {a.digest.article.id: a.story.vector for a in corpus_features(digests)}
    began = time.perf_counter()
    total = 0
    with Store.open(str(path)) as store:
        batch: list[Analysed] = []
        for k in range(variants):
            for d in digests:
                v = variant(d, k)
                features = story_features(v, vectors[d.article.id])
                batch.append(Analysed(v, features, link_features(v)))
            if len(batch) >= 1000 or k == variants - 1:
                total += len(write_batch(store, batch).added)
                batch = []
                rate = total / (time.perf_counter() - began)
                print(f"\r{total} articles stored ({rate:.0f}/s)", end="", flush=True)
    print()
    return total


def timed(func: Callable[[], object], runs: int = 3) -> float:
    best = []
    for _ in range(runs):
        began = time.perf_counter()
        func()
        best.append(time.perf_counter() - began)
    return statistics.median(best) * 1000


def worst_case(store: Store) -> str:
    """The entity timeline of the person in the most events, timed (median of 5 runs)."""
    rows = store.conn.query(
        "SELECT p.entity_id, COUNT(DISTINCT p.article_id || '/' || p.event_id) AS n "
        "FROM event_participants p JOIN entities e ON e.id = p.entity_id "
        "WHERE e.type = 'PERSON' GROUP BY p.entity_id ORDER BY n DESC, p.entity_id LIMIT 1"
    )
    if not rows:
        return "worst case: no person takes part in an event"
    entity_id, events = rows[0]
    entries = query.timeline(store, entity_id)
    ms = timed(lambda: query.timeline(store, entity_id), runs=5)
    sources = sum(len(e.sources) for e in entries)
    return (
        f"worst case: the person in the most events ({entity_id}, {events} events): "
        f"timeline {ms:.1f} ms, {len(entries)} entries, {sources} sources (target < 200 ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--variants", type=int, default=400)
    parser.add_argument("--db", default="/tmp/newsgraph-bench-100k.db")
    parser.add_argument("--reuse", action="store_true", help="Query an existing store.")
    parser.add_argument("--samples", type=int, default=50)
    args = parser.parse_args()
    path = Path(args.db)
    if not args.reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        build(path, args.variants)
    rng = random.Random(5)
    with query.open_store(str(path)) as store:
        counts = {
            t: store.conn.query(f"SELECT COUNT(*) FROM {t}")[0][0]
            for t in ("articles", "entities", "quotes", "events", "stories")
        }
        print(", ".join(f"{v} {k}" for k, v in counts.items()))
        people = [
            r[0]
            for r in store.conn.query(
                "SELECT DISTINCT e.name FROM entities e JOIN event_participants p "
                "ON p.entity_id = e.id WHERE e.type = 'PERSON'"
            )
        ]
        words = sorted(
            {
                w
                for (c,) in store.conn.query("SELECT content FROM quotes LIMIT 2000")
                for w in re.findall(r"[a-z]{5,}", c.lower())
            }
        )
        names = rng.sample(people, min(args.samples, len(people)))
        terms = rng.sample(words, min(args.samples, len(words)))
        figures = {
            "entity timeline": [timed(lambda n=n: query.timeline(store, n)) for n in names],
            "quote search": [timed(lambda w=w: query.quotes(store, search=w)) for w in terms],
            "story listing": [timed(lambda: query.stories(store, limit=50))],
        }
        sizes = [len(query.timeline(store, n)) for n in names]
        worst = worst_case(store)
    print(f"entity timelines: {len(names)} people, {statistics.median(sizes)} entries (median)")
    print(worst)
    for name, values in figures.items():
        print(
            f"{name:>16}: median {statistics.median(values):7.2f} ms, "
            f"max {max(values):7.2f} ms over {len(values)} queries (target <= 100 ms)"
        )


if __name__ == "__main__":
    main()
