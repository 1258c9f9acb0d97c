"""A behaviour snapshot: every dev set's digests and the rows an ingest of them stores.

For refactors that must change no behaviour: take a snapshot before, one after, and
compare the two folders (``diff -r``). It goes through the user's path only (the
``newsgraph digest`` and ``newsgraph ingest`` commands on JSON Lines files), so it works
whatever the package's inside looks like. Wall-clock columns (``ingested_at``,
``applied_at``) are left out of the dump; everything else is written sorted.

Usage: python bench/snapshot.py OUT_DIR [--datasets ../shared/datasets] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

_CLOCK_COLUMNS = {"ingested_at", "applied_at"}


def _jsonl(path: Path) -> Iterator[dict[str, object]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _article(text: object, title: object, published: object) -> dict[str, object]:
    out: dict[str, object] = {"text": str(text)}
    if title:
        out["title"] = str(title)
    if published and str(published) != "None":  # Giveme5W1H writes a missing date so
        out["published"] = str(published)[:10]
    return out


def dev_sets(root: Path) -> dict[str, list[dict[str, object]]]:
    """Article objects of each dev set, as a user's JSON Lines file would hold them."""
    sets: dict[str, list[dict[str, object]]] = {}
    seen: set[str] = set()

    def unique(records: Iterator[dict[str, object]]) -> list[dict[str, object]]:
        out = []
        for rec in records:
            if str(rec["text"]).strip() and str(rec["text"]) not in seen:
                seen.add(str(rec["text"]))
                out.append(rec)
        return out

    sets["polnear_dev"] = unique(
        _article(r["text"], r.get("title"), r.get("publication_date"))
        for r in _jsonl(root / "polnear" / "polnear_dev.jsonl")
    )
    for name in ("tbaq_timebank", "tbaq_aquaint"):
        sets[name] = unique(
            _article(r["text"], r.get("title"), r.get("dct"))
            for r in _jsonl(root / "tempeval3" / f"{name}.jsonl")
        )
    sets["meantime"] = unique(
        _article(r["text"], r.get("title"), r.get("dct"))
        for r in _jsonl(root / "meantime" / "meantime_airbus_apple.jsonl")
    )
    sets["wikievents_dev"] = unique(
        _article(" ".join(str(t) for t in r["tokens"]), None, None)  # type: ignore[union-attr]
        for r in _jsonl(root / "wikievents" / "dev.jsonl")
    )
    giveme = (
        json.loads(p.read_text(encoding="utf-8"))
        for p in sorted((root / "giveme5w1h" / "data").glob("*.json"))
    )
    sets["giveme5w1h"] = unique(
        _article(r["text"], r.get("title"), r.get("date_publish")) for r in giveme
    )
    sets["bbc"] = unique(
        _article(r["article"], r.get("headline"), None)
        for r in _jsonl(root / "bbc_news_summary" / "bbc_news_summary.jsonl")
    )
    return sets


def dump_rows(db: Path, out: Path) -> None:
    """Each table's rows, sorted, without wall-clock columns: one TSV per table."""
    con = sqlite3.connect(db)
    tables = [
        r[0]
        for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            " AND sql NOT LIKE '%VIRTUAL%' ORDER BY name"
        )
    ]
    out.mkdir(parents=True, exist_ok=True)
    for table in tables:
        if table.endswith(("_data", "_idx", "_docsize", "_config", "_content")):
            continue  # FTS5 shadow tables: derived from the rows dumped here
        columns = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
        kept = [c for c in columns if c not in _CLOCK_COLUMNS]
        rows = sorted(
            "\t".join(repr(v) for v in row)
            for row in con.execute(f"SELECT {', '.join(kept)} FROM {table}")
        )
        (out / f"{table}.tsv").write_text("\t".join(kept) + "\n" + "\n".join(rows) + "\n")
    con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--datasets", type=Path, default=Path("../shared/datasets"))
    parser.add_argument("--limit", type=int, default=None, help="articles per set")
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    inputs = args.out / "inputs"
    inputs.mkdir(parents=True, exist_ok=True)
    (args.out / "digests").mkdir(exist_ok=True)
    paths = []
    for name, records in dev_sets(args.datasets).items():
        path = inputs / f"{name}.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for rec in records[: args.limit]:
                handle.write(json.dumps(rec, ensure_ascii=False) + "\n")
        paths.append(path)
        target = args.out / "digests" / f"{name}.jsonl"
        if target.exists() and target.stat().st_size:
            continue  # a rerun after an interruption keeps what is done
        with target.open("wb") as digests:
            subprocess.run(
                [sys.executable, "-m", "newsgraph", "digest", str(path), "--format", "jsonl",
                 "--processes", str(args.processes)],
                stdout=digests, check=False,  # exit 1 when an input fails: it is reported
            )  # fmt: skip
        print(f"{name}: {min(len(records), args.limit or len(records))} articles", flush=True)
    db = args.out / "store.db"
    db.unlink(missing_ok=True)
    subprocess.run(
        [sys.executable, "-m", "newsgraph", "ingest", *map(str, paths), "--db", f"sqlite:///{db}",
         "--processes", str(args.processes)],
        check=True,
    )  # fmt: skip
    dump_rows(db, args.out / "rows")
    print(f"snapshot in {args.out}")


if __name__ == "__main__":
    main()
