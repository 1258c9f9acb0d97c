"""Real articles from the shared gold data sets, as ``Article`` records, for benchmarks.

The data sets live beside the repository (``../shared/datasets``) and never in it.
"""

from __future__ import annotations

import json
from pathlib import Path

from newsgraph.evaluate.metrics import read_jsonl
from newsgraph.records import Article, article_id


def default_datasets_dir() -> Path:
    """``../shared/datasets`` seen from the repository root (this file is in src/newsgraph/)."""
    return Path(__file__).resolve().parents[3].parent / "shared" / "datasets"


def _article(text: object, title: object, published: object, source: str) -> Article:
    body = str(text)
    date = str(published)[:10] if published else None
    return Article(
        text=body,
        id=article_id(body),
        title=str(title) if title else None,
        published=date,
        source=source,
    )


def dev_articles(root: Path | None = None) -> list[Article]:
    """The dev-split articles: PolNeAR dev, TempEval-3 AQUAINT, MEANTIME and Giveme5W1H.

    About 265 distinct news articles of 1998-2016, with their publication dates.
    """
    root = root or default_datasets_dir()
    out: list[Article] = []
    seen: set[str] = set()

    def add(article: Article) -> None:
        if article.id not in seen and article.text.strip():
            seen.add(article.id)
            out.append(article)

    for rec in read_jsonl(root / "polnear" / "polnear_dev.jsonl"):
        add(_article(rec["text"], rec.get("title"), rec.get("publication_date"), "polnear-dev"))
    for rec in read_jsonl(root / "tempeval3" / "tbaq_aquaint.jsonl"):
        add(_article(rec["text"], rec.get("title"), rec.get("dct"), "tempeval3-aquaint"))
    for rec in read_jsonl(root / "meantime" / "meantime_airbus_apple.jsonl"):
        add(_article(rec["text"], rec.get("title"), rec.get("dct"), "meantime"))
    for path in sorted((root / "giveme5w1h" / "data").glob("*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        add(_article(rec["text"], rec.get("title"), rec.get("date_publish"), "giveme5w1h"))
    return out
