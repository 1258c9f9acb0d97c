"""newsgraph's records survive ``doc.to_bytes()`` and ``DocBin(store_user_data=True)``.

The components keep typed records on the Doc (``doc._.newsgraph_quotes`` holds
``Quote``s). spaCy stores ``user_data`` with srsly's msgpack, which knows only plain
data; this module registers an encoder that writes a newsgraph dataclass as
``{"__newsgraph__": "newsgraph.records:Quote", "fields": {...}}`` and a decoder that
reads it back into the same record. Nothing is converted while a Doc is analysed:
the work happens only when a Doc is written or read.
"""

from __future__ import annotations

import dataclasses
import importlib
from typing import Any

import srsly

_MARK = "__newsgraph__"
_PACKAGE = "newsgraph."


def _is_ours(obj: object) -> bool:
    return (
        dataclasses.is_dataclass(obj)
        and not isinstance(obj, type)
        and type(obj).__module__.startswith(_PACKAGE)
    )


def encode(obj: Any, chain: Any = None) -> Any:
    """A newsgraph dataclass as a plain map (srsly's encoder protocol: pass others on)."""
    if _is_ours(obj):
        cls = type(obj)
        fields = {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
        return {_MARK: f"{cls.__module__}:{cls.__qualname__}", "fields": fields}
    return obj if chain is None else chain(obj)


def decode(obj: Any, chain: Any = None) -> Any:
    """The record a map written by ``encode`` stands for (srsly's decoder protocol)."""
    if isinstance(obj, dict) and _MARK in obj:
        module, _, name = str(obj[_MARK]).partition(":")
        # only newsgraph's own dataclasses are built from stored data
        if module.startswith(_PACKAGE):
            cls = getattr(importlib.import_module(module), name, None)
            if isinstance(cls, type) and dataclasses.is_dataclass(cls):
                return cls(**{k: _tuples(v) for k, v in obj["fields"].items()})
    return obj if chain is None else chain(obj)


def _tuples(value: Any) -> Any:
    # msgpack reads arrays back as lists; records hold tuples ("mentions": ((0, 6), ...))
    if isinstance(value, list):
        return tuple(_tuples(v) for v in value)
    return value


def register() -> None:
    """Add the encoder and decoder to srsly's registries (idempotent)."""
    srsly.msgpack_encoders.register("newsgraph", func=encode)
    srsly.msgpack_decoders.register("newsgraph", func=decode)
