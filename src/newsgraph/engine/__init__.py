"""Where articles run: this process, a pool of local worker processes, or a Ray cluster.

An engine turns articles into digests (``digests``) or, for ingest, into digests
with their corpus features (``analysed``), in input order; an article that fails
goes to ``on_error`` (raised without one). ``open_engine`` picks one by name.
Example::

    with open_engine("ray", workers=2) as engine:
        report = ingest(items, store, settings, engine=engine)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from typing import Protocol

from newsgraph.config import Settings
from newsgraph.corpus.features import Analysed
from newsgraph.engine.local import OnError, run_analysed, run_digests
from newsgraph.errors import ConfigError
from newsgraph.records import Article, Digest

ENGINES = ("local", "ray")


class Engine(Protocol):
    def digests(
        self, articles: Iterable[Article], settings: Settings, on_error: OnError | None = None
    ) -> Iterator[Digest]: ...

    def analysed(
        self, articles: Iterable[Article], settings: Settings, on_error: OnError | None = None
    ) -> Iterator[Analysed]: ...


class LocalEngine:
    """This process, or ``settings.processes`` local worker processes (``engine.local``)."""

    def digests(
        self, articles: Iterable[Article], settings: Settings, on_error: OnError | None = None
    ) -> Iterator[Digest]:
        return run_digests(articles, settings, on_error)

    def analysed(
        self, articles: Iterable[Article], settings: Settings, on_error: OnError | None = None
    ) -> Iterator[Analysed]:
        return run_analysed(articles, settings, on_error)


def open_engine(
    name: str = "local", *, address: str | None = None, workers: int | None = None
) -> AbstractContextManager[Engine]:
    """The engine called ``name``, to use in a ``with`` block (which stops Ray after it).

    ``address`` and ``workers`` are the Ray cluster's (``engine.ray.RayEngine``): None
    starts Ray on this machine with ``workers`` CPUs; ``"auto"`` joins a running cluster.
    """
    if name == "local":
        if address is not None or workers is not None:
            raise ConfigError("--address and --workers are for --engine ray (local: --processes)")
        return nullcontext(LocalEngine())
    if name == "ray":
        try:
            from newsgraph.engine.ray import RayEngine
        except ImportError as exc:
            raise ConfigError(
                f'--engine ray needs Ray: pip install "newsgraph[ray]" ({exc})'
            ) from exc
        return RayEngine(address, workers)
    raise ConfigError(f"no engine {name!r}: choose one of {', '.join(ENGINES)}")
