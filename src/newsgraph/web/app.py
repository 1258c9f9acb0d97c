"""The application: configuration, one store connection per worker thread, static files,
and errors as clear 4xx/5xx answers (JSON under ``/api/``, a page elsewhere), never a
stack trace.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from dataclasses import dataclass, field
from importlib import metadata, resources
from typing import Any

from fastapi import FastAPI, HTTPException, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph import query
from newsgraph.config import DEFAULT_MAX_BYTES, Settings
from newsgraph.errors import ConfigError, InputError, NewsgraphError, NotFoundError, StoreError
from newsgraph.store import Store
from newsgraph.web.security import Guard

log = logging.getLogger("newsgraph.web")

# the only files served from disk: read once at start, looked up by exact name
STATIC = {
    "style.css": "text/css; charset=utf-8",
    "htmx.min.js": "text/javascript; charset=utf-8",
    "newsgraph.js": "text/javascript; charset=utf-8",
    "favicon.svg": "image/svg+xml",
    "htmx-LICENSE.txt": "text/plain; charset=utf-8",
}


@dataclass(frozen=True, slots=True)
class ServeConfig:
    """How ``newsgraph serve`` runs.

    ``db`` as for ``newsgraph ingest --db`` (None: ``NEWSGRAPH_DB``, else ./newsgraph.db);
    ``allow_write`` opens the store writable and adds ``POST /api/v1/articles``, which
    needs ``token``; ``max_bytes`` caps a request body; ``hosts`` are the Host names
    accepted (None: any).
    """

    db: str | None = None
    allow_write: bool = False
    token: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    hosts: tuple[str, ...] | None = None
    settings: Settings = field(default_factory=Settings)


class Stores:
    """One store connection per thread (a SQLite connection belongs to its thread); FastAPI
    runs the routes in a pool of threads, so a handful of connections serve every request."""

    def __init__(self, config: ServeConfig) -> None:
        self._config = config
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[Store] = []

    def open(self) -> Store:
        # reads never write, even with --allow-write: ingest opens a store of its own
        return query.open_store_read_only(self._config.db)

    def get(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = self.open()
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for store in self._all:
                store.close()
            self._all.clear()


def version() -> str:
    try:
        return metadata.version("newsgraph")
    except metadata.PackageNotFoundError:  # a source tree on PYTHONPATH, not installed
        return "0+unknown"


def _static_files() -> dict[str, tuple[bytes, str, str]]:
    root = resources.files("newsgraph.web") / "static"
    out = {}
    for name, kind in STATIC.items():
        data = (root / name).read_bytes()
        out[name] = (data, kind, hashlib.sha256(data).hexdigest()[:16])
    return out


def create_app(config: ServeConfig) -> FastAPI:
    """The FastAPI app serving ``config.db``; raises StoreError at once if it cannot be opened.

    Example: ``uvicorn.run(create_app(ServeConfig(db="corpus.db")), port=8000)``.
    """
    if config.allow_write and not config.token:
        raise ConfigError("--allow-write needs a token: set NEWSGRAPH_TOKEN to a long secret")
    if config.allow_write:
        Store.open(config.db).close()  # creates or migrates it, as ingest would
    stores = Stores(config)
    stores.open().close()  # fail now, with the store's message, not on the first request
    app = FastAPI(
        title="newsgraph",
        version=version(),
        summary="Who is involved, who said what, what happened when: a news corpus, read.",
        description=(
            "The corpus of `newsgraph ingest` as JSON. Every list takes `limit` and "
            '`offset`; a `Link: <...>; rel="next"` header points to the next page. '
            "The fields are those of the CLI's `--format json`."
        ),
        docs_url=None,  # /docs is our own page: Swagger UI needs a CDN and inline script
        redoc_url=None,
    )
    app.state.config = config
    app.state.stores = stores
    app.state.static = _static_files()
    app.add_middleware(Guard, max_bytes=config.max_bytes, hosts=config.hosts)
    _add_error_handlers(app)

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str, request: Request) -> Response:
        found = app.state.static.get(name)
        if found is None:
            raise HTTPException(404, f"no static file {name!r}")
        data, kind, etag = found
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers={"etag": etag})
        headers = {"etag": etag, "cache-control": "public, max-age=3600"}
        return Response(data, media_type=kind, headers=headers)

    from newsgraph.web import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    if config.allow_write:
        app.include_router(api.write_router)
    app.router.add_event_handler("shutdown", stores.close)
    return app


def _status(exc: NewsgraphError) -> int:
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, (ConfigError, InputError)):
        return 400
    if isinstance(exc, StoreError):
        return 503
    return 500


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _error(request: Request, status: int, message: str, extra: Any = None) -> Response:
    if _wants_json(request):
        body: dict[str, Any] = {"detail": message if extra is None else extra}
        return JSONResponse(body, status_code=status)
    from newsgraph.web.pages import error_page

    return error_page(request, status, message)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NewsgraphError)
    def newsgraph_error(request: Request, exc: NewsgraphError) -> Response:
        status = _status(exc)
        if status >= 500:
            log.error("%s %s: %s", request.method, request.url.path, exc)
        return _error(request, status, str(exc))

    @app.exception_handler(RequestValidationError)
    def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        text = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'][1:]) or 'request'}: {e['msg']}" for e in problems
        )
        return _error(request, 422, text, extra=problems if _wants_json(request) else None)

    @app.exception_handler(StarletteHTTPException)
    def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        response = _error(request, exc.status_code, str(exc.detail))
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    @app.exception_handler(Exception)
    def crashed(request: Request, exc: Exception) -> Response:
        # the trace goes to the server's log, never to the client
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return _error(request, 500, "internal error: the server's log has the details")
