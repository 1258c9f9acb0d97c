"""The reads that ingest needs: candidates for linking an article and for its story.

They run on the batch's own connection, so they see the rows that the batch's
earlier articles wrote. Story candidates are, for each of the article's names,
the stories that most recently had it (a few per name, the best overall kept),
plus the stories last seen within ``WINDOW_DAYS`` of its date: a lookup costs
the same at 100 articles and at 100,000.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

from newsgraph.records.corpus import CorpusEntity, StorySummary
from newsgraph.store.backend import Connection

CANDIDATES = 15
PER_NAME = 5
NAMES_LOOKED_UP = 40
WINDOW_DAYS = 3


def entity_candidates(conn: Connection, keys: Sequence[str]) -> list[CorpusEntity]:
    """Corpus entities filed under any of ``keys``, with their names, roles and context."""
    # other types link on the exact name, which the key holds: no names or roles needed, but
    # the context and stories that tell a town from a company of one name
    light = [k for k in keys if not k.startswith("PERSON:")]
    found: list[CorpusEntity] = []
    if light:
        for eid, name, etype, key, context, stories, count in conn.query(
            "SELECT e.id, e.name, e.type, k.key, e.context, e.stories, e.article_count "
            "FROM entity_keys k JOIN entities e ON e.id = k.entity_id "
            f"WHERE k.key IN ({','.join('?' * len(light))})",
            light,
        ):
            norm = key.split(":", 1)[1]
            found.append(
                CorpusEntity(
                    eid,
                    name,
                    etype,
                    names=(norm,),
                    context=tuple(json.loads(context)),
                    stories=tuple(json.loads(stories)),
                    articles=int(count),
                )
            )
    people = [k for k in keys if k.startswith("PERSON:")]
    if not people:
        return found
    rows = conn.query(
        "SELECT e.id, e.name, e.type, e.context, e.stories, e.article_count FROM entities e "
        "WHERE e.id IN "
        f"(SELECT entity_id FROM entity_keys WHERE key IN ({','.join('?' * len(people))}))",
        people,
    )
    if not rows:
        return found
    ids = [r[0] for r in rows]
    id_marks = ",".join("?" * len(ids))
    names: dict[str, list[str]] = {}
    for eid, name in conn.query(
        f"SELECT entity_id, name FROM entity_names WHERE entity_id IN ({id_marks})", ids
    ):
        names.setdefault(eid, []).append(name)
    roles: dict[str, list[str]] = {}
    for eid, role in conn.query(
        f"SELECT entity_id, role FROM entity_roles WHERE entity_id IN ({id_marks})", ids
    ):
        roles.setdefault(eid, []).append(role)
    return found + [
        CorpusEntity(
            id=eid,
            name=name,
            type=etype,
            names=tuple(sorted(names.get(eid, [name]))),
            roles=tuple(sorted(roles.get(eid, []))),
            context=tuple(json.loads(context)),
            stories=tuple(json.loads(stories)),
            articles=int(count),
        )
        for eid, name, etype, context, stories, count in rows
    ]


def _window(published: str | None) -> tuple[str, str] | None:
    try:
        day = date.fromisoformat((published or "")[:10])
    except ValueError:
        return None
    span = timedelta(days=WINDOW_DAYS)
    # clipped at the calendar's ends: an article dated 0001-01-01 or 9999-12-31 is still stored
    first = day - span if day - date.min > span else date.min
    last = day + span if date.max - day > span else date.max
    return first.isoformat(), last.isoformat()


def story_candidates(
    conn: Connection, names: Sequence[str], published: str | None
) -> list[StorySummary]:
    """Stories an article with these (lower-case) ``names`` and date may belong to."""
    ids: list[str] = []
    wanted = list(names)[:NAMES_LOOKED_UP]
    if wanted:
        # the latest few stories per name, then those sharing the most names with the article
        one = (
            "SELECT * FROM (SELECT story_id FROM story_names WHERE name = ? "
            "ORDER BY seen DESC LIMIT ?) AS n"
        )
        shared = Counter(
            r[0]
            for r in conn.query(
                " UNION ALL ".join([one] * len(wanted)),
                [x for name in wanted for x in (name, PER_NAME)],
            )
        )
        ids += [s for s, _ in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))][:CANDIDATES]
    window = _window(published)
    if window:
        # stories last seen around the article's date (an index range on stories.last)
        ids += [
            r[0]
            for r in conn.query(
                "SELECT id FROM stories WHERE last BETWEEN ? AND ? AND first <= ? "
                "ORDER BY size DESC, id LIMIT ?",
                (*window, window[1], CANDIDATES),
            )
        ]
    unique = list(dict.fromkeys(ids))
    if not unique:
        return []
    marks = ",".join("?" * len(unique))
    rows = conn.query(
        f"SELECT id, centroid, names, first, last, size FROM stories WHERE id IN ({marks}) "
        "ORDER BY id",
        unique,
    )
    return [_summary(r) for r in rows]


def _summary(row: Sequence[object]) -> StorySummary:
    sid, centroid, names, first, last, size = row
    return StorySummary(
        id=str(sid),
        centroid=tuple(json.loads(str(centroid))),
        names=tuple((str(n), int(c)) for n, c in json.loads(str(names))),
        first=first if isinstance(first, str) else None,
        last=last if isinstance(last, str) else None,
        size=int(size),  # type: ignore[call-overload]  # an INTEGER column
    )
