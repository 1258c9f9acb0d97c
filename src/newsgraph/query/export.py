"""Export the corpus: entities, relations, quotes, events and timelines.

``jsonl`` and ``parquet`` write one file per kind into a folder; ``graphml``
writes one graph (entities as nodes; relations and co-occurrence as edges).
Parquet needs pyarrow (``pip install 'newsgraph[parquet]'``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from newsgraph.errors import ConfigError
from newsgraph.query.timelines import entity_timeline, options, story_timeline
from newsgraph.records.corpus import as_dict
from newsgraph.store import Store, reader

FORMATS = ("jsonl", "parquet", "graphml")
KINDS = ("entities", "relations", "quotes", "events", "timelines")


def entity_records(store: Store) -> Iterator[dict[str, Any]]:
    """Entities with their names and roles, each with first and last dates seen."""
    for row in reader.rows(store.conn, "entities"):
        row["names"] = [as_dict(s) for s in reader.names_of(store.conn, row["id"])]
        row["roles"] = [as_dict(s) for s in reader.roles_of(store.conn, row["id"])]
        yield row


def timeline_records(store: Store) -> Iterator[dict[str, Any]]:
    """One timeline per entity that takes part in events (and per story, when there are any).

    Every event (``--all``), so that an export keeps the statements too.
    """
    everything = options(everything=True)
    for row in reader.rows(store.conn, "entities"):
        entries = entity_timeline(store, row["id"], everything)
        if entries:
            yield {
                "entity_id": row["id"],
                "story_id": None,
                "name": row["name"],
                "entries": as_dict(entries),
            }
    for story in reader.stories(store.conn, limit=1_000_000):
        entries = story_timeline(store, story.id, everything)
        if entries:
            yield {
                "entity_id": None,
                "story_id": story.id,
                "name": story.title,
                "entries": as_dict(entries),
            }


def records(store: Store, kind: str) -> Iterator[dict[str, Any]]:
    if kind == "entities":
        return entity_records(store)
    if kind == "timelines":
        return timeline_records(store)
    return reader.rows(store.conn, kind)


def export(store: Store, fmt: str, out: Path) -> list[Path]:
    """Write the export in ``fmt`` under ``out`` (a folder; graphml: a file); the paths."""
    if fmt not in FORMATS:
        raise ConfigError(f"export format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt == "graphml":
        path = out if out.suffix == ".graphml" else out / "corpus.graphml"
        path.parent.mkdir(parents=True, exist_ok=True)
        write_graphml(store, path)
        return [path]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        path = out / f"{kind}.{fmt}"
        if fmt == "jsonl":
            with path.open("w", encoding="utf-8") as handle:
                for record in records(store, kind):
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            _write_parquet(list(records(store, kind)), path)
        written.append(path)
    return written


def _write_parquet(rows: list[dict[str, Any]], path: Path) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ConfigError("parquet export needs pyarrow: pip install 'newsgraph[parquet]'") from exc
    # nested lists (names, roles, timeline entries) go in as JSON text: one flat, stable schema
    flat = [
        {
            k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
            for k, v in row.items()
        }
        for row in rows
    ]
    pq.write_table(pa.Table.from_pylist(flat), path)


def write_graphml(store: Store, path: Path) -> None:
    """Entities as nodes; stated relations and shared articles (``co_occurs``) as edges."""
    ns = "http://graphml.graphdrawing.org/xmlns"
    root = ET.Element("graphml", xmlns=ns)
    keys = [
        ("name", "node", "string"),
        ("type", "node", "string"),
        ("article_count", "node", "int"),
        ("relation", "edge", "string"),
        ("weight", "edge", "int"),
        ("article_id", "edge", "string"),
    ]
    for name, target, kind in keys:
        ET.SubElement(
            root, "key", id=name, attrib={"for": target, "attr.name": name, "attr.type": kind}
        )
    graph = ET.SubElement(root, "graph", id="newsgraph", edgedefault="directed")

    def data(parent: ET.Element, key: str, value: object) -> None:
        ET.SubElement(parent, "data", key=key).text = "" if value is None else str(value)

    for row in reader.rows(store.conn, "entities"):
        node = ET.SubElement(graph, "node", id=row["id"])
        data(node, "name", row["name"])
        data(node, "type", row["type"])
        data(node, "article_count", row["article_count"])
    for n, row in enumerate(reader.rows(store.conn, "relations")):
        edge = ET.SubElement(
            graph, "edge", id=f"r{n}", source=row["subject_id"], target=row["object_id"]
        )
        data(edge, "relation", row["type"])
        data(edge, "article_id", row["article_id"])
    for n, (a, b, shared) in enumerate(reader.co_occurrence_pairs(store.conn)):
        edge = ET.SubElement(graph, "edge", id=f"c{n}", source=a, target=b, directed="false")
        data(edge, "relation", "co_occurs")
        data(edge, "weight", shared)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
