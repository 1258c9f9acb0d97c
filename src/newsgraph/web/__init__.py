"""``newsgraph serve``: the HTTP API (``/api/v1/``) and the web pages over a corpus store.

``create_app(ServeConfig(db="corpus.db"))`` builds the FastAPI application; the
routes call ``newsgraph.query`` (and ``newsgraph.api.digest``), never SQL. Read-only
unless ``allow_write``; every untrusted text is escaped by the templates.
"""

from newsgraph.web.app import ServeConfig, create_app

__all__ = ["ServeConfig", "create_app"]
