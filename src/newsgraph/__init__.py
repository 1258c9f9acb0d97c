"""newsgraph: turn news articles into structured knowledge.

``newsgraph.digest(text_or_article)`` returns a ``Digest``: who is involved and
in what role, who said what, what happened when and where, and a summary.
``newsgraph.digest_many(items, processes=2)`` does the same for many, in order.
"""

from typing import TYPE_CHECKING, Any

from newsgraph.config import Settings
from newsgraph.errors import InputError, NewsgraphError
from newsgraph.records import SCHEMA, Article, Digest, Entity, Quote, Relation

if TYPE_CHECKING:
    from newsgraph.api import digest, digest_many

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # the analysis (spaCy, the engine, corpus features) loads on first use, so that
    # ``import newsgraph.store`` or the CLI's --help does not pay for it
    if name in ("digest", "digest_many"):
        from newsgraph import api

        return getattr(api, name)
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")


__all__ = [
    "SCHEMA",
    "Article",
    "Digest",
    "Entity",
    "InputError",
    "NewsgraphError",
    "Quote",
    "Relation",
    "Settings",
    "__version__",
    "digest",
    "digest_many",
]
