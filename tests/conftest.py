"""Shared fixtures: the real pipeline (loaded once), fixture articles, the shared data sets."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from newsgraph.analysis import digest
from newsgraph.config import Settings
from newsgraph.ingest import read_inputs
from newsgraph.records import Article, Digest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = ROOT / "examples"
DATASETS = ROOT.parent / "shared" / "datasets"


def load_article(path: Path, published: str | None = None) -> Article:
    """Read one fixture file with the real readers (header convention included)."""
    [item] = list(read_inputs([str(path)], Settings(), published=published))
    assert isinstance(item, Article), item
    return item


@pytest.fixture(scope="session")
def digest_file() -> Callable[..., Digest]:
    """Digest a file under tests/data/articles or examples/, cached per session."""
    cache: dict[tuple[str, str | None], Digest] = {}

    def run(name: str, published: str | None = None) -> Digest:
        key = (name, published)
        if key not in cache:
            path = DATA / "articles" / name
            if not path.exists():
                path = EXAMPLES / name
            cache[key] = digest(load_article(path, published))
        return cache[key]

    return run


@pytest.fixture(scope="session")
def digest_text() -> Callable[[str], Digest]:
    """Digest a short text with the real pipeline."""
    return lambda text: digest(text)


@pytest.fixture(scope="session")
def hand_doc() -> Callable[..., Doc]:
    """Build a parsed ``Doc`` by hand, as spaCy's own tests do: no model, so fast.

    ``heads`` are absolute token indices (a root is its own head); ``ents`` are IOB tags
    ("B-PERSON", "I-PERSON", "O"); ``sent_starts`` marks sentence starts where no
    ``heads`` give them. The vocabulary is English, so ``is_punct``,
    ``is_stop`` and ``like_num`` work as in the real pipeline.
    """
    vocab = spacy.blank("en").vocab

    def build(
        words: Sequence[str],
        heads: Sequence[int] | None = None,
        deps: Sequence[str] | None = None,
        pos: Sequence[str] | None = None,
        *,
        tags: Sequence[str] | None = None,
        lemmas: Sequence[str] | None = None,
        ents: Sequence[str] | None = None,
        spaces: Sequence[bool] | None = None,
        sent_starts: Sequence[bool] | None = None,
    ) -> Doc:
        def listed(values: Sequence[str] | None) -> list[str] | None:
            return list(values) if values is not None else None

        return Doc(
            vocab,
            words=list(words),
            spaces=list(spaces) if spaces is not None else None,
            heads=list(heads) if heads is not None else None,
            deps=listed(deps),
            pos=listed(pos),
            tags=listed(tags),
            lemmas=listed(lemmas),
            ents=listed(ents),
            sent_starts=list(sent_starts) if sent_starts is not None else None,
        )

    return build


def dataset_path(*parts: str) -> Path:
    """A path under ../shared/datasets, or skip the test saying why."""
    path = DATASETS.joinpath(*parts)
    if not path.exists():
        pytest.skip(
            f"{path} not found: the shared gold data sets sit beside the repository "
            "in CI and are absent from a user's clone"
        )
    return path


def entity_named(d: Digest, name: str) -> list[str]:
    """Ids of the entities whose name or an alias is ``name``."""
    return [e.id for e in d.entities if e.name == name or name in e.aliases]


# the store, corpus and query tests share these (a real SQLite file, and PostgreSQL in CI)
from tests.store.fixtures import pg_schema_url, store, store_url  # noqa: E402, F401
