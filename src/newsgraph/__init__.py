"""newsgraph: turn news articles into structured knowledge.

``newsgraph.digest(text_or_article)`` returns a ``Digest``: who is involved and
in what role, who said what, what happened when and where, and a summary.
``newsgraph.digest_many(items, processes=2)`` does the same for many, in order.
"""

from newsgraph.api import digest, digest_many
from newsgraph.config import Settings
from newsgraph.errors import InputError, NewsgraphError
from newsgraph.records import SCHEMA, Article, Digest, Entity, Quote, Relation

__version__ = "0.1.0"

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
