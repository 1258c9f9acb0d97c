"""CPU time per analysis stage, for benchmarks: off unless a ``StageTimer`` is passed."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext


class StageTimer:
    """Adds the process CPU seconds spent inside ``with timer("stage"):`` per stage name."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        began = time.process_time()
        try:
            yield
        finally:
            self.seconds[stage] += time.process_time() - began


def stage_context(timer: StageTimer | None, stage: str) -> AbstractContextManager[None]:
    """``timer(stage)``, or a no-op when there is no timer."""
    return timer(stage) if timer is not None else nullcontext()
