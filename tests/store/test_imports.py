"""The store only persists: loading it loads no corpus computing, no model, no analysis."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import newsgraph

SRC = Path(newsgraph.__file__).resolve().parents[1]
STORE_MODULES = [
    f"newsgraph.store.{p.stem}" for p in sorted((SRC / "newsgraph" / "store").glob("*.py"))
]


def test_store_loads_nothing_from_corpus_or_the_embedder() -> None:
    # a fresh interpreter: what importing every store module drags in, transitively
    code = (
        "import importlib, sys\n"
        f"for name in {STORE_MODULES!r}: importlib.import_module(name)\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": str(SRC)},
        capture_output=True,
        text=True,
        check=True,
    )
    loaded = set(done.stdout.split())
    assert "newsgraph.store.writer" in loaded and "newsgraph.store.candidates" in loaded
    forbidden = ("newsgraph.corpus", "newsgraph.pipeline", "newsgraph.engine", "onnxruntime")
    assert sorted(m for m in loaded if m.startswith(forbidden)) == []
