"""Real articles from the shared gold data sets, as ``Article`` records, for benchmarks.

The data sets live beside the repository (``../shared/datasets``) and never in it.
"""

from __future__ import annotations

import json
from pathlib import Path

from newsgraph.evaluate.events import meantime_input
from newsgraph.evaluate.fivew import giveme_article
from newsgraph.evaluate.metrics import read_jsonl
from newsgraph.evaluate.polnear import polnear_input
from newsgraph.evaluate.tempeval import tempeval_input
from newsgraph.records import Article


def default_datasets_dir() -> Path:
    """``../shared/datasets`` seen from the repository root (this file is in src/newsgraph/)."""
    return Path(__file__).resolve().parents[3].parent / "shared" / "datasets"


def dev_articles(root: Path | None = None) -> list[Article]:
    """The dev-split articles: PolNeAR dev, TempEval-3 AQUAINT, MEANTIME and Giveme5W1H.

    About 265 distinct news articles of 1998-2016, with their publication dates, each
    read as its evaluation reads it (``evaluate.inputs``).
    """
    root = root or default_datasets_dir()
    out: list[Article] = []
    seen: set[str] = set()

    def add(article: Article) -> None:
        if article.id not in seen and article.text.strip():
            seen.add(article.id)
            out.append(article)

    for rec in read_jsonl(root / "polnear" / "polnear_dev.jsonl"):
        add(polnear_input(rec).article)
    for rec in read_jsonl(root / "tempeval3" / "tbaq_aquaint.jsonl"):
        add(tempeval_input(rec).article)
    for rec in read_jsonl(root / "meantime" / "meantime_airbus_apple.jsonl"):
        add(meantime_input(rec).article)
    for path in sorted((root / "giveme5w1h" / "data").glob("*.json")):
        add(giveme_article(json.loads(path.read_text(encoding="utf-8"))))
    return out
