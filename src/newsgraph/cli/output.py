"""Writing digests: JSON Lines, JSON, or a readable terminal view; progress on stderr."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import TextIO

from rich.console import Console

from newsgraph.cli.pretty import render_digest
from newsgraph.records import Digest


def write_digests(digests: Iterable[Digest], fmt: str, stream: TextIO) -> int:
    """Write digests as ``jsonl``, ``json`` (an array when there are several) or ``pretty``.

    Returns how many were written. Output is streamed: nothing waits for the last article.
    """
    count = 0
    if fmt == "jsonl":
        for d in digests:
            stream.write(d.to_json() + "\n")
            stream.flush()
            count += 1
    elif fmt == "json":
        first: str | None = None
        for d in digests:
            text = json.dumps(d.to_dict(), ensure_ascii=False, indent=2)
            if count == 0:
                first = text
            elif count == 1:
                stream.write("[\n" + first + ",\n" + text)  # type: ignore[operator]  # set at count 0
            else:
                stream.write(",\n" + text)
            count += 1
        if count == 1:
            stream.write(first + "\n")  # type: ignore[operator]  # set at count 0
        elif count > 1:
            stream.write("\n]\n")
    else:
        console = Console(file=stream)
        for d in digests:
            render_digest(d, console)
            count += 1
    return count


class Progress:
    """A count-and-rate progress line on stderr, shown only when stderr is a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._progress = None
        if enabled:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeElapsedColumn,
            )
            from rich.progress import Progress as RichProgress

            self._progress = RichProgress(
                TextColumn("digesting"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )

    def __enter__(self) -> Progress:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def track(self, digests: Iterable[Digest]) -> Iterator[Digest]:
        if self._progress is None:
            yield from digests
            return
        task = self._progress.add_task("digest", total=None)
        for d in digests:
            self._progress.advance(task)
            yield d
