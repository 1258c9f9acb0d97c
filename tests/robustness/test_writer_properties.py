"""Random but valid digests into a store: everything reads back as it went in.

Hypothesis builds digests from the records (``newsgraph.records``): any text
(non-ASCII, quotes, new lines, markup), entities with mentions anywhere in it,
relations, quotes, times and events whose ids refer to those entities, spans that
lie inside the text. ``store_digests`` writes them; the stored digest JSON equals
the digest's, the article's columns its fields, and every row is the one the
digest calls for, read back through ``newsgraph.store.reader``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.pipeline.write import store_digests
from newsgraph.records import (
    Article,
    Digest,
    Entity,
    Event,
    EventTime,
    MainEvent,
    Participant,
    Quote,
    Relation,
    TimeExpr,
    article_id,
)
from newsgraph.store import Store, reader
from tests.robustness.corpus_check import check_articles, check_intact, expected_by_id
from tests.robustness.harness import Schema
from tests.store.fixtures import pg_url_or_skip


@dataclass(frozen=True)
class Strings:
    """The strings a digest is made of, from one alphabet."""

    chars: st.SearchStrategy[str]

    @property
    def text(self) -> st.SearchStrategy[str]:
        return st.text(self.chars, min_size=1, max_size=200)

    @property
    def word(self) -> st.SearchStrategy[str]:
        return st.text(self.chars, min_size=1, max_size=12)

    @property
    def name(self) -> st.SearchStrategy[str]:
        return st.text(self.chars, min_size=1, max_size=30)

    @property
    def maybe(self) -> st.SearchStrategy[str | None]:
        return st.none() | st.text(self.chars, max_size=40)


# any character but lone surrogates, which no store can encode, and on PostgreSQL but NUL,
# which it refuses: the readers replace both before a digest is made
SQLITE = Strings(st.characters(exclude_categories=("Cs",)))
POSTGRESQL = Strings(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"))
LABELS = st.sampled_from(["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW"])
DATE = st.none() | st.dates().map(date.isoformat)  # year 1 to 9999


@st.composite
def spans(draw: st.DrawFn, text: str, least: int = 0) -> tuple[int, int]:
    """A span of ``text`` at least ``least`` characters long (``text`` is long enough)."""
    start = draw(st.integers(0, len(text) - least))
    return start, draw(st.integers(start + least, len(text)))


@st.composite
def cut(draw: st.DrawFn, text: str) -> tuple[str, tuple[int, int]]:
    """A piece of ``text`` and its span: a quote's content, an event's trigger."""
    start, end = draw(spans(text, 1))
    return text[start:end], (start, end)


@st.composite
def digests(draw: st.DrawFn, n: int, strings: Strings) -> Digest:
    """One digest whose ids, references and spans are all valid."""
    text = draw(strings.text)
    ids = [f"e{k}" for k in range(1, draw(st.integers(0, 5)) + 1)]
    entities = tuple(
        Entity(
            eid,
            draw(strings.name),
            draw(LABELS),
            tuple(draw(st.lists(strings.name, max_size=2, unique=True))),
            tuple(draw(st.lists(strings.word, max_size=2, unique=True))),
            tuple(draw(st.lists(spans(text, 1), min_size=1, max_size=3))),
        )
        for eid in ids
    )
    someone = st.none() | st.sampled_from(ids) if ids else st.none()
    relations = (
        tuple(
            Relation(
                draw(st.sampled_from(["family", "represents", "works_for", "member_of"])),
                draw(st.sampled_from(ids)),
                draw(st.sampled_from(ids)),
                draw(strings.name),
                draw(spans(text)),
                draw(st.none() | strings.word),
            )
            for _ in range(draw(st.integers(0, 3)))
        )
        if ids
        else ()
    )
    quotes = tuple(
        Quote(
            f"q{k}",
            draw(st.sampled_from(["direct", "partial", "indirect", "mixed"])),
            *draw(cut(text)),
            draw(st.none() | strings.word),
            draw(st.none() | spans(text)),
            draw(someone),
            draw(strings.maybe),
            draw(st.none() | spans(text)),
            draw(someone),
            draw(st.sampled_from(["speech", "writing", "belief", "intention"])),
        )
        for k in range(1, draw(st.integers(0, 3)) + 1)
    )
    times = tuple(
        TimeExpr(*draw(cut(text)), "DATE", draw(st.none() | strings.word))
        for _ in range(draw(st.integers(0, 2)))
    )
    events = tuple(
        Event(
            f"v{k}",
            draw(st.sampled_from(["charge", "trial", "statement", "death", "other"])),
            *draw(cut(text)),
            draw(spans(text)),
            tuple(
                Participant(
                    draw(st.sampled_from(["agent", "patient"])), draw(someone), draw(strings.maybe)
                )
                for _ in range(draw(st.integers(0, 3)))
            ),
            draw(st.none() | st.builds(EventTime, strings.word, st.none() | strings.word)),
            draw(strings.maybe),
            draw(st.sampled_from(["actual", "planned", "possible", "negated"])),
            draw(st.sampled_from(["positive", "negative"])),
            tuple(draw(st.lists(spans(text), max_size=2))),
        )
        for k in range(1, draw(st.integers(0, 3)) + 1)
    )
    main = (
        MainEvent(
            draw(st.sampled_from([e.id for e in events])), draw(strings.maybe), draw(strings.maybe)
        )
        if events and draw(st.booleans())
        else None
    )
    # a drawn word as the url ends with n too: the id hashes the url, and two digests of
    # one batch must stay two articles
    url = draw(
        st.none()
        | st.just(f"https://news.example/{n}/")
        | strings.word.map(lambda word: f"{word.strip()} /{n}")
    )
    article = Article(
        text=text,
        id=article_id(text + str(n), url),  # distinct per digest: n in the key
        title=draw(strings.maybe),
        dek=draw(strings.maybe),
        summary_line=draw(strings.maybe),
        published=draw(DATE),
        url=url,
        source=draw(strings.maybe),
        body_start=draw(st.integers(0, len(text))),
        warnings=tuple(draw(st.lists(strings.name, max_size=1))),
    )
    summary = tuple(draw(st.lists(strings.name, max_size=2)))
    warnings = tuple(draw(st.lists(strings.name, max_size=2)))
    return Digest(article, entities, relations, quotes, times, events, main, summary, warnings)


def batches(strings: Strings) -> st.SearchStrategy[tuple[Digest, ...]]:
    """One to three digests, stored together."""
    return st.integers(1, 3).flatmap(lambda k: st.tuples(*(digests(n, strings) for n in range(k))))


ARTICLE_COLUMNS = ("id", "url", "title", "dek", "summary_line", "published", "source", "text")


class Corpus:
    """One store for all the examples of a test: each example adds articles of its own."""

    def __init__(self, url: str) -> None:
        self.store = Store.open(url)
        if self.store.dialect == "sqlite":
            # what is tested is what reads back, not what survives a power cut
            self.store.conn.execute("PRAGMA synchronous = OFF")
        self.expected: dict[str, Digest] = {}
        self.examples = 0

    def add(self, batch: tuple[Digest, ...]) -> None:
        self.examples += 1
        # ids of this example's own: the same drawn text in two examples is two articles
        batch = tuple(
            replace(d, article=replace(d.article, id=f"{self.examples}-{d.article.id}"))
            for d in batch
        )
        store = self.store
        report = store_digests(store, batch)
        assert len(report.added) == len(batch)
        new = expected_by_id(list(batch))
        self.expected.update(new)
        check_intact(store)
        assert check_articles(store, self.expected, only=new) == set(self.expected)
        marks = ",".join("?" * len(new))
        for aid, *values in store.conn.query(
            f"SELECT {', '.join(ARTICLE_COLUMNS)}, body_start FROM articles WHERE id IN ({marks})",
            list(new),
        ):
            a = new[aid].article
            assert values == [*(getattr(a, c) for c in ARTICLE_COLUMNS[1:]), a.body_start]
        # two entities of one article are never one corpus entity, and each is in the corpus
        linked: dict[str, list[str]] = {}
        for row in reader.rows(store.conn, "mentions"):
            linked.setdefault(row["article_id"], []).append(row["entity_id"])
        for aid in new:
            entity_ids = linked.get(aid, [])
            assert len(entity_ids) == len(set(entity_ids)) == len(new[aid].entities)
            for eid in entity_ids:
                assert reader.entity_by_id(store.conn, eid) is not None
        # the same digests again: nothing to do, nothing changed
        again = store_digests(store, batch)
        assert len(again.unchanged) == len(batch) and not again.added
        assert check_articles(store, self.expected, only=new) == set(self.expected)

    def close(self) -> None:
        # and at the end, every article of every example still as it went in
        assert check_articles(self.store, self.expected) == set(self.expected)
        self.store.close()


@pytest.fixture(scope="module")
def sqlite_corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    corpus = Corpus(str(tmp_path_factory.mktemp("writer") / "corpus.db"))
    yield corpus
    corpus.close()


@pytest.fixture(scope="module")
def pg_corpus() -> Iterator[Corpus]:
    schema = Schema(pg_url_or_skip(), "w_" + uuid.uuid4().hex[:12]).create()
    corpus = Corpus(schema.url)
    yield corpus
    corpus.close()
    schema.drop()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batch=batches(SQLITE))
def test_writer_random_digests_read_back_equal_sqlite(
    sqlite_corpus: Corpus, batch: tuple[Digest, ...]
) -> None:
    sqlite_corpus.add(batch)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batch=batches(POSTGRESQL))
def test_writer_random_digests_read_back_equal_postgresql(
    pg_corpus: Corpus, batch: tuple[Digest, ...]
) -> None:
    pg_corpus.add(batch)
