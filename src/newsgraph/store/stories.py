"""Stories in the store: candidates for ``assign_story``, and the summaries it updates.

Candidates are, for each of the article's names, the stories that most recently
had it (a few per name, the best overall kept), plus the stories last seen within
``WINDOW_DAYS`` of its date: assignment costs the same at 100 articles and at 100,000.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

from newsgraph.corpus.stories import StoryFeatures, StorySummary, assign_story, merge_story
from newsgraph.records import Digest
from newsgraph.store.backend import Connection

CANDIDATES = 15
# names kept per story, the most frequent: a story of 10,000 articles must not weigh 10,000 names
STORY_NAMES = 100
PER_NAME = 5
WINDOW_DAYS = 3


def features_for(digests: Sequence[Digest]) -> dict[str, StoryFeatures]:
    """Story features of a batch, the leads embedded together (one model call)."""
    from newsgraph.corpus.embed import get_embedder
    from newsgraph.corpus.stories import lead_text, story_features

    if not digests:
        return {}
    vectors = get_embedder().embed([lead_text(d) for d in digests])
    return {
        d.article.id: story_features(d, [float(x) for x in v])
        for d, v in zip(digests, vectors, strict=True)
    }


def _window(published: str | None) -> tuple[str, str] | None:
    try:
        day = date.fromisoformat((published or "")[:10])
    except ValueError:
        return None
    span = timedelta(days=WINDOW_DAYS)
    return (day - span).isoformat(), (day + span).isoformat()


def candidates(conn: Connection, features: StoryFeatures) -> list[StorySummary]:
    """Stories the article may belong to (see the module docstring)."""
    ids: list[str] = []
    names = list(features.names)[:40]
    if names:
        # the latest few stories per name, then those sharing the most names with the article
        one = (
            "SELECT * FROM (SELECT story_id FROM story_names WHERE name = ? "
            "ORDER BY seen DESC LIMIT ?) AS n"
        )
        shared = Counter(
            r[0]
            for r in conn.query(
                " UNION ALL ".join([one] * len(names)),
                [x for name in names for x in (name, PER_NAME)],
            )
        )
        ids += [s for s, _ in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))][:CANDIDATES]
    window = _window(features.published)
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


def new_story_id(article_id: str) -> str:
    """A stable id for the story an article starts."""
    return "s" + hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:11]


def assign(
    conn: Connection, features: StoryFeatures, article_id: str, title: str | None = None
) -> str:
    """Put the article in a story (an existing one, or a new one); the story id.

    A new story takes its ``title`` from the article that starts it.
    """
    found = candidates(conn, features)
    chosen = assign_story(features, found)
    previous = next((s for s in found if s.id == chosen), None)
    story_id = chosen or new_story_id(article_id)
    summary = merge_story(previous, features, story_id)
    centroid = json.dumps([round(x, 5) for x in summary.centroid])
    ranked = sorted(summary.names, key=lambda n: (-n[1], n[0]))[:STORY_NAMES]
    names = json.dumps([list(n) for n in ranked])
    if previous is None:
        conn.execute(
            "INSERT INTO stories (id, title, centroid, names, first, last, size) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (story_id, title, centroid, names, summary.first, summary.last, summary.size),
        )
    else:
        conn.execute(
            "UPDATE stories SET centroid = ?, names = ?, first = ?, last = ?, size = ? "
            "WHERE id = ?",
            (centroid, names, summary.first, summary.last, summary.size, story_id),
        )
    conn.executemany(
        "INSERT INTO story_names AS t (name, story_id, seen) VALUES (?, ?, ?) "
        "ON CONFLICT (name, story_id) DO UPDATE SET seen = excluded.seen "
        "WHERE t.seen IS NULL OR t.seen < excluded.seen",
        [(n, story_id, summary.last) for n in features.names],
    )
    conn.execute(
        "INSERT INTO article_stories (article_id, story_id) VALUES (?, ?) "
        "ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id",
        (article_id, story_id),
    )
    return story_id
