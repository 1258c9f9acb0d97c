"""The package imports only downwards: read -> analyse -> extract -> store -> query -> show.

Every ``import`` in ``src/newsgraph`` (at module level or inside a function) is checked
against the layer table below: a module may import its own package and any layer below
its own, never one beside or above it. ``store`` and ``corpus`` share a layer on purpose:
the store persists what corpus computed, and neither may import the other.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "newsgraph"

# the most specific prefix wins: "nlp.doc" is below extract, "nlp" (components, pipeline) above
LAYERS: dict[str, int] = {
    "records": 0,
    "errors": 0,
    "config": 0,
    "timing": 0,
    "ingest": 10,
    "nlp.doc": 10,
    "nlp.codec": 10,
    "nlp.extensions": 11,
    "nlp.layout": 12,
    "extract": 20,
    "nlp": 30,
    "analysis": 40,
    "corpus": 50,
    "store": 50,
    "engine": 60,
    "query": 70,
    "pipeline": 80,
    "api": 90,
    "evaluate": 100,
    "web": 105,  # the pages and the HTTP API; `newsgraph serve` (cli) starts them
    "cli": 110,
    "__init__": 120,
    "__main__": 120,
}


def layer_of(dotted: str) -> tuple[str, int]:
    """The layer key and rank of a module path relative to ``newsgraph`` ("extract.quotes.find")."""
    parts = dotted.split(".")
    for n in range(len(parts), 0, -1):
        key = ".".join(parts[:n])
        if key in LAYERS:
            return key, LAYERS[key]
    raise KeyError(f"newsgraph.{dotted} is in no layer: add it to LAYERS in {__file__}")


def _module_name(path: Path) -> str:
    rel = path.relative_to(SRC).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def _is_module(dotted: str) -> bool:
    rel = Path(*dotted.split(".")[1:])
    return (SRC / rel).with_suffix(".py").is_file() or (SRC / rel / "__init__.py").is_file()


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, module relative to newsgraph) for every newsgraph import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # "from newsgraph.nlp import codec": the module imported is nlp.codec
            names = [
                f"{node.module}.{a.name}" if _is_module(f"{node.module}.{a.name}") else node.module
                for a in node.names
            ]
        else:
            continue
        for name in names:
            if name.startswith("newsgraph."):
                found.append((node.lineno, name.removeprefix("newsgraph.")))
    return found


def violations() -> list[str]:
    out = []
    for path in sorted(SRC.rglob("*.py")):
        here = _module_name(path)
        here_key, here_rank = layer_of(here)
        for line, target in _imports(path):
            key, rank = layer_of(target)
            if rank < here_rank or key == here_key:
                continue
            out.append(f"{path.relative_to(SRC)}:{line} ({here_key}) imports newsgraph.{target}")
    return out


def test_layer_of_prefers_the_most_specific_prefix() -> None:
    assert layer_of("nlp.doc") == ("nlp.doc", 10)
    assert layer_of("nlp.components.quotes") == ("nlp", 30)
    assert layer_of("extract.quotes.find") == ("extract", 20)


def test_layer_check_sees_an_upward_import(tmp_path: Path) -> None:
    bad = tmp_path / "mod.py"
    bad.write_text("def f():\n    from newsgraph.corpus.linking import normalise\n")
    assert _imports(bad) == [(2, "corpus.linking")]
    assert layer_of("corpus.linking")[1] >= layer_of("store.writer")[1]


def test_every_module_is_in_a_layer() -> None:
    for path in SRC.rglob("*.py"):
        layer_of(_module_name(path))  # raises for a module no layer names


def test_no_module_imports_a_layer_above_or_beside_its_own() -> None:
    found = violations()
    if found:
        pytest.fail("imports against the layer order:\n" + "\n".join(found))
