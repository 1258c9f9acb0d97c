"""The HTTP API under ``/api/v1/``: the query functions as JSON, the digest of a posted
article, and (with ``--allow-write``) ingest.

Bodies are exactly the CLI's ``--format json`` (``records.corpus.as_dict`` of the same
records, ``Digest.to_dict`` for digests); lists are pages (``limit``, ``offset``) with a
``Link: rel="next"`` header while more follow.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Annotated, Any, TypeVar
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from fastapi.responses import JSONResponse

from newsgraph import query
from newsgraph.errors import InputError
from newsgraph.ingest.dates import parse_published
from newsgraph.ingest.html import read_html
from newsgraph.ingest.jsonio import read_json
from newsgraph.ingest.text import read_text
from newsgraph.records import Article
from newsgraph.records.corpus import (
    ArticleRow,
    ArticleView,
    EntityProfile,
    EntitySummary,
    QuoteHit,
    StoryRow,
    StoryView,
    TimelineEntry,
    as_dict,
)
from newsgraph.store import Store
from newsgraph.web.security import check_token

T = TypeVar("T")

router = APIRouter(prefix="/api/v1")
write_router = APIRouter(prefix="/api/v1")

MAX_LIMIT = 500
# deep pages cost the rows before them; past this, narrow the query instead
MAX_OFFSET = 10_000
# the analysis holds a spaCy pipeline: one article at a time in this process
_analysis = threading.Lock()


def store(request: Request) -> Store:
    """The calling thread's connection to the store."""
    opened: Store = request.app.state.stores.get()
    return opened


StoreDep = Annotated[Store, Depends(store)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="At most this many items.")]
Offset = Annotated[
    int, Query(ge=0, le=MAX_OFFSET, description="Skip this many items (for the next page).")
]
Text = Annotated[str | None, Query(max_length=200)]
DateQ = Annotated[
    str | None,
    Query(
        pattern=r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$",
        description="YYYY, YYYY-MM or YYYY-MM-DD (inclusive).",
    ),
]


def page(
    request: Request, fetch: Callable[[int], Sequence[T]], limit: int, offset: int
) -> tuple[list[T], str | None]:
    """``limit`` items from ``offset`` of a newest-first query that takes only a limit, and
    the URL of the next page (None at the end). Asks for one more to know if one follows."""
    rows = list(fetch(offset + limit + 1))
    items = rows[offset : offset + limit]
    more = len(rows) > offset + limit and offset + limit <= MAX_OFFSET
    if not more:
        return items, None
    params = dict(request.query_params)
    params.update(offset=str(offset + limit), limit=str(limit))
    return items, f"{request.url.path}?{urlencode(params)}"


def as_json(data: Any, status: int = 200, next_url: str | None = None) -> JSONResponse:
    headers = {"link": f'<{next_url}>; rel="next"'} if next_url else None
    return JSONResponse(as_dict(data), status_code=status, headers=headers)


@router.get("/status", tags=["service"], summary="Whether the server is up, and writable")
def status(request: Request) -> dict[str, Any]:
    from newsgraph.web.app import version

    return {"version": version(), "writable": request.app.state.config.allow_write}


@router.get(
    "/articles",
    response_model=list[ArticleRow],
    tags=["articles"],
    summary="Articles, newest first",
)
def list_articles(
    request: Request,
    db: StoreDep,
    search: Annotated[
        str | None, Query(max_length=200, description="Words in the title or text (all).")
    ] = None,
    story: Annotated[str | None, Query(max_length=100, description="A story id.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    rows = query.articles(db, search=search, story=story, limit=limit + 1, offset=offset)
    next_url = None
    if len(rows) > limit:
        params = dict(request.query_params)
        params.update(offset=str(offset + limit), limit=str(limit))
        next_url = f"{request.url.path}?{urlencode(params)}"
    return as_json(rows[:limit], next_url=next_url)


@router.get(
    "/articles/{article_id}",
    response_model=ArticleView,
    tags=["articles"],
    summary="One article: its digest and the corpus entity of each of its entities",
)
def get_article(db: StoreDep, article_id: Annotated[str, Path(max_length=100)]) -> Response:
    return as_json(query.article(db, article_id))


@router.get(
    "/entities",
    response_model=list[EntitySummary],
    tags=["entities"],
    summary="Entities, the most written-about first (as `newsgraph entities`)",
)
def list_entities(
    request: Request,
    db: StoreDep,
    type: Annotated[
        str | None, Query(max_length=20, description="PERSON, ORG, GPE, ... (spaCy labels).")
    ] = None,
    search: Annotated[str | None, Query(max_length=200, description="Part of a name.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    items, next_url = page(
        request, lambda n: query.entities(db, type=type, search=search, limit=n), limit, offset
    )
    return as_json(items, next_url=next_url)


@router.get(
    "/entities/{key:path}",
    response_model=EntityProfile,
    tags=["entities"],
    summary="One entity by id or name: roles over time, names, related, quotes, timeline",
    description="As `newsgraph entity NAME`. A name that fits several entities profiles the "
    "most written-about; `others` lists the rest.",
)
def get_entity(
    db: StoreDep,
    key: Annotated[str, Path(min_length=1, max_length=200, description="Id or name.")],
    limit: Annotated[int, Query(ge=1, le=100, description="Related entities and quotes.")] = 10,
) -> Response:
    return as_json(query.entity_profile(db, key, limit=limit))


@router.get(
    "/stories",
    response_model=list[StoryRow],
    tags=["stories"],
    summary="Stories, the most recently active first (as `newsgraph stories`)",
)
def list_stories(
    request: Request,
    db: StoreDep,
    entity: Annotated[
        str | None, Query(max_length=200, description="Only the stories of this entity.")
    ] = None,
    search: Annotated[
        str | None, Query(max_length=200, description="Part of the title or of a name.")
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    if entity is not None and search is not None:
        raise HTTPException(400, "give entity or search, not both")

    def fetch(n: int) -> list[StoryRow]:
        if search is not None:
            return query.find_stories(db, search, limit=n)
        return query.stories(db, entity=entity, limit=n, with_articles=True)

    items, next_url = page(request, fetch, limit, offset)
    return as_json(items, next_url=next_url)


@router.get(
    "/stories/{story_id}",
    response_model=StoryView,
    tags=["stories"],
    summary="One story: its articles, the people and organisations in it, its timeline",
)
def get_story(
    db: StoreDep,
    story_id: Annotated[str, Path(max_length=100)],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Articles.")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Skip articles.")] = 0,
) -> Response:
    return as_json(query.story(db, story_id, limit=limit, offset=offset))


@router.get(
    "/quotes",
    response_model=list[QuoteHit],
    tags=["quotes"],
    summary="Quotes by a speaker, about an entity, with words, in dates (as `newsgraph quotes`)",
)
def list_quotes(
    request: Request,
    db: StoreDep,
    by: Annotated[str | None, Query(max_length=200, description="Speaker name or id.")] = None,
    about: Annotated[
        str | None, Query(max_length=200, description="Entity named inside the quote.")
    ] = None,
    search: Annotated[
        str | None, Query(max_length=200, description="Words of the quote (all, stemmed).")
    ] = None,
    since: DateQ = None,
    until: DateQ = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    def fetch(n: int) -> list[QuoteHit]:
        return query.quotes(
            db, by=by, about=about, search=search, since=since, until=until, limit=n
        )

    items, next_url = page(request, fetch, limit, offset)
    return as_json(items, next_url=next_url)


@router.get(
    "/timeline",
    response_model=list[TimelineEntry],
    tags=["timelines"],
    summary="The events of an entity or of a story, by when they happened",
    description="As `newsgraph timeline`: give `entity` (name or id) or `story` (id); the "
    "salient events by default, every event with `all=true`, only some with `kinds`.",
)
def get_timeline(
    db: StoreDep,
    entity: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
    story: Annotated[str | None, Query(min_length=1, max_length=100)] = None,
    everything: Annotated[
        bool, Query(alias="all", description="Every event, statements included.")
    ] = False,
    kinds: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Families or types, comma-separated (legal,violence,sentencing).",
        ),
    ] = None,
) -> Response:
    if (entity is None) == (story is None):
        raise HTTPException(400, "give one of entity (a name or id) or story (an id)")
    wanted = kinds.split(",") if kinds is not None else None
    return as_json(
        list(query.timeline(db, entity, story=story, everything=everything, kinds=wanted))
    )


ARTICLE_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["text"],
                "properties": {
                    "text": {"type": "string", "minLength": 1},
                    "title": {"type": "string"},
                    "dek": {"type": "string"},
                    "published": {"type": "string", "example": "2024-11-02"},
                    "url": {"type": "string"},
                    "source": {"type": "string"},
                    "id": {"type": "string"},
                },
            }
        },
        "text/plain": {"schema": {"type": "string", "minLength": 1}},
        "text/html": {"schema": {"type": "string", "minLength": 1}},
    },
}


async def read_articles(request: Request, source: str) -> list[Article]:
    """The articles of a request body, read as the CLI reads files: JSON (an article
    object, or an array for ingest), HTML, or plain text with the header convention."""
    raw = await request.body()
    if not raw.strip():
        raise InputError(source, "empty body: post an article (JSON, text or HTML)")
    text = raw.decode("utf-8", errors="replace")
    kind = request.headers.get("content-type", "text/plain").split(";")[0].strip().lower()
    if kind == "application/json":
        found = list(read_json(text, source))
        errors = [item for item in found if isinstance(item, InputError)]
        if errors:
            raise errors[0]
        return [item for item in found if isinstance(item, Article)]
    if kind == "text/html":
        return [read_html(text, source)]
    if kind in ("text/plain", "text/markdown"):
        return [read_text(text, source, markdown=kind == "text/markdown")]
    raise HTTPException(415, "post application/json, text/plain or text/html")


def published_param(
    published: Annotated[
        str | None,
        Query(max_length=40, description="Date (YYYY-MM-DD) for an article that has none."),
    ] = None,
) -> str | None:
    return parse_published(published) if published else None


def analyse(articles: Sequence[Article], published: str | None, request: Request) -> list[Any]:
    from dataclasses import replace

    from newsgraph.api import digest

    settings = request.app.state.config.settings
    dated = [replace(a, published=a.published or published) for a in articles]
    with _analysis:
        return [digest(a, settings=settings) for a in dated]


@router.post(
    "/digest",
    tags=["digest"],
    summary="The digest of a posted article, not stored (as `newsgraph digest --format json`)",
    description="Post an article object (`text` required; `title`, `dek`, `published`, "
    "`url`, `source`), plain text (the header convention applies) or an HTML page.",
    openapi_extra={"requestBody": ARTICLE_BODY},
    responses={200: {"description": "A `newsgraph.digest/1` object (DIGEST_FORMAT.md)."}},
)
async def post_digest(
    request: Request, published: Annotated[str | None, Depends(published_param)]
) -> Response:
    articles = await read_articles(request, "request")
    if len(articles) != 1:
        raise HTTPException(400, f"post one article, not {len(articles)}")
    from starlette.concurrency import run_in_threadpool

    [d] = await run_in_threadpool(analyse, articles, published, request)
    return JSONResponse(d.to_dict())


@write_router.post(
    "/articles",
    status_code=201,
    tags=["articles"],
    summary="Analyse and store articles (only with --allow-write, and the token)",
    description="An article object or an array of them, plain text or HTML. Needs "
    "`Authorization: Bearer $NEWSGRAPH_TOKEN`. Articles already stored with the same "
    "text are skipped.",
    openapi_extra={"requestBody": ARTICLE_BODY},
)
async def post_articles(
    request: Request, published: Annotated[str | None, Depends(published_param)]
) -> Response:
    check_token(request, request.app.state.config.token)
    articles = await read_articles(request, "request")
    from starlette.concurrency import run_in_threadpool

    report = await run_in_threadpool(_ingest, articles, published, request)
    return JSONResponse(report, status_code=201)


_writing = threading.Lock()


def _ingest(articles: Sequence[Article], published: str | None, request: Request) -> dict[str, Any]:
    from dataclasses import replace

    from newsgraph.pipeline.build import ingest
    from newsgraph.store import stored_id

    config = request.app.state.config
    dated = [replace(a, published=a.published or published) for a in articles]
    with _writing, _analysis, Store.open(config.db) as target:
        report = ingest(dated, target, config.settings)
    return {
        "ids": [stored_id(a) for a in dated],
        "added": report.added,
        "updated": report.updated,
        "skipped": report.skipped,
    }
