"""The web pages: front page and search, entity, story, article, quotes, articles, the
"paste an article" page and the API reference. Server-rendered; links and forms work
without JavaScript, and the templates escape every text (autoescape, no ``|safe``).
"""

from __future__ import annotations

import re
from typing import Annotated, Any
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, StrictUndefined

from newsgraph import query
from newsgraph.errors import ConfigError, InputError
from newsgraph.ingest.jsonio import article_from_object
from newsgraph.records.corpus import EntitySummary
from newsgraph.web import render
from newsgraph.web.api import MAX_OFFSET, Offset, StoreDep, analyse

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

PAGE = 50  # rows per page of a list
TIMELINE_PAGE = 50  # timeline entries listed per page (the axis shows them all)
SOURCES_SHOWN = 10  # source sentences per story timeline entry; the count says how many more


def _span(first: str | None, last: str | None) -> str:
    if first == last:
        return first or ""
    return f"{first or '?'} – {last or '?'}"


def _place(value: str | None) -> str | None:
    """A timeline's place, unless it is an article's own entity id: stores written before
    the writer kept the place's name hold the digest's id ("e6"), which names nothing."""
    if value is None or re.fullmatch(r"e\d+", value):
        return None
    return value


def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("newsgraph.web", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = render.safe_url
    env.filters["span"] = lambda pair: _span(*pair)
    env.filters["place"] = _place
    env.globals["entity_href"] = render.entity_href
    env.globals["page_size"] = TIMELINE_PAGE
    env.globals["qs"] = lambda **kw: urlencode({k: v for k, v in kw.items() if v not in (None, "")})
    return env


templates = Jinja2Templates(env=_env())


def page(request: Request, name: str, status: int = 200, **context: Any) -> Response:
    return templates.TemplateResponse(request, name, context, status_code=status)


def error_page(request: Request, status: int, message: str) -> Response:
    titles = {404: "Not found", 413: "Too large", 422: "Bad request", 503: "Store unavailable"}
    title = titles.get(status, "Bad request" if status < 500 else "Server error")
    return page(request, "error.html", status, title=title, code=status, message=message)


class Paging:
    """Where a page of a list is: ``offset``, and the offsets of the pages before and after."""

    def __init__(self, offset: int, size: int, shown: int, more: bool) -> None:
        self.offset = offset
        self.first = offset + 1 if shown else 0
        self.last = offset + shown
        self.previous = max(0, offset - size) if offset > 0 else None
        self.next = offset + size if more and offset + size <= MAX_OFFSET else None


def _paged(rows: list[Any], offset: int, size: int = PAGE) -> tuple[list[Any], Paging]:
    items = rows[offset : offset + size]
    return items, Paging(offset, size, len(items), len(rows) > offset + size)


@router.get("/")
def front(request: Request, db: StoreDep) -> Response:
    return page(
        request,
        "front.html",
        stories=query.stories(db, limit=10),
        people=query.entities(db, type="PERSON", limit=12),
        orgs=query.entities(db, type="ORG", limit=12),
        q="",
    )


def _merge(*groups: list[EntitySummary]) -> list[EntitySummary]:
    seen: dict[str, EntitySummary] = {}
    for group in groups:
        for e in group:
            seen.setdefault(e.id, e)
    return list(seen.values())


@router.get("/search")
def search(
    request: Request, db: StoreDep, q: Annotated[str, Query(max_length=200)] = ""
) -> Response:
    q = q.strip()
    results: dict[str, Any] = {}
    if q:
        # a name as written ("Sen. Ellison") first, then names that contain the words; one
        # search of the names for all three kinds (each is a scan of the names)
        found = _merge(query.find_entities(db, q), query.entities(db, search=q, limit=300))
        for label, kind in (("people", "PERSON"), ("orgs", "ORG"), ("places", "GPE")):
            results[label] = [e for e in found if e.type == kind][:10]
        results["stories"] = query.find_stories(db, q, limit=10)
        results["quotes"] = query.quotes(db, search=q, limit=10)
        results["articles"] = query.articles(db, search=q, limit=10)
    return page(request, "search.html", q=q, results=results)


@router.get("/entities")
def entities(
    request: Request,
    db: StoreDep,
    type: Annotated[str, Query(max_length=20)] = "PERSON",
    search: Annotated[str, Query(max_length=200)] = "",
    offset: Offset = 0,
) -> Response:
    rows = query.entities(db, type=type or None, search=search or None, limit=offset + PAGE + 1)
    items, paging = _paged(rows, offset)
    return page(request, "entities.html", items=items, paging=paging, type=type, search=search)


@router.get("/entity/{key:path}")
def entity(
    request: Request,
    db: StoreDep,
    key: str,
    offset: Offset = 0,
) -> Response:
    if not key.strip():
        return RedirectResponse("/entities", status_code=303)
    profile = query.entity_profile(db, key, limit=12)
    e = profile.entity
    entries, paging = _paged(list(profile.timeline), offset, TIMELINE_PAGE)
    # the axis draws the most frequent roles; the table lists them all
    roles_shown = sorted(profile.roles, key=lambda r: -r.count)[: render.MAX_LANES]
    return page(
        request,
        "entity.html",
        profile=profile,
        stories=query.stories(db, entity=e.id, limit=10),
        nodes=render.graph(e.name, e.type, profile.related),
        graph_size=(render.GRAPH_WIDTH, render.GRAPH_HEIGHT),
        axis=render.time_axis(profile.timeline),
        roles_axis=render.seen_axis(roles_shown),
        roles_shown=roles_shown,
        entries=entries,
        paging=paging,
    )


@router.get("/stories")
def stories(request: Request, db: StoreDep, offset: Offset = 0) -> Response:
    items, paging = _paged(query.stories(db, limit=offset + PAGE + 1), offset)
    return page(request, "stories.html", items=items, paging=paging)


@router.get("/story/{story_id}")
def story(
    request: Request,
    db: StoreDep,
    story_id: str,
    offset: Offset = 0,
    everything: Annotated[bool, Query(alias="all")] = False,
) -> Response:
    view = query.story(db, story_id, limit=20, sources=SOURCES_SHOWN, everything=everything)
    entries, paging = _paged(list(view.timeline), offset, TIMELINE_PAGE)
    people = [m for m in view.members if m.entity.type == "PERSON"][:20]
    orgs = [m for m in view.members if m.entity.type == "ORG"][:20]
    return page(
        request,
        "story.html",
        view=view,
        axis=render.time_axis(view.timeline),
        entries=entries,
        paging=paging,
        people=people,
        orgs=orgs,
        everything=everything,
    )


@router.get("/articles")
def articles(
    request: Request,
    db: StoreDep,
    search: Annotated[str, Query(max_length=200)] = "",
    story: Annotated[str, Query(max_length=100)] = "",
    offset: Offset = 0,
) -> Response:
    rows = query.articles(
        db, search=search or None, story=story or None, limit=PAGE + 1, offset=offset
    )
    paging = Paging(offset, PAGE, min(len(rows), PAGE), len(rows) > PAGE)
    return page(
        request, "articles.html", items=rows[:PAGE], paging=paging, search=search, story=story
    )


@router.get("/article/{article_id}")
def article(request: Request, db: StoreDep, article_id: str) -> Response:
    view = query.article(db, article_id)
    corpus = {e.local_id: e.entity_id for e in view.entities}
    return page(
        request,
        "article.html",
        title=view.article.title or view.article.id,
        row=view.article,
        digest=view.digest,
        corpus=corpus,
        pieces=render.article_pieces(view.digest, corpus),
        by_id={e["id"]: e for e in view.digest.get("entities", ())},
        stored=True,
    )


@router.get("/quotes")
def quotes(
    request: Request,
    db: StoreDep,
    by: Annotated[str, Query(max_length=200)] = "",
    about: Annotated[str, Query(max_length=200)] = "",
    search: Annotated[str, Query(max_length=200)] = "",
    since: Annotated[str, Query(max_length=10)] = "",
    until: Annotated[str, Query(max_length=10)] = "",
    offset: Offset = 0,
) -> Response:
    form = {"by": by, "about": about, "search": search, "since": since, "until": until}
    items: list[Any] = []
    paging = Paging(offset, PAGE, 0, False)
    problem = None
    try:
        rows = query.quotes(
            db,
            by=by or None,
            about=about or None,
            search=search or None,
            since=since or None,
            until=until or None,
            limit=offset + PAGE + 1,
        )
        items, paging = _paged(rows, offset)
    except ConfigError as exc:  # a bad date: say so beside the form, keep the form
        problem = str(exc)
    return page(request, "quotes.html", form=form, items=items, paging=paging, problem=problem)


@router.get("/paste")
def paste_form(request: Request) -> Response:
    return page(
        request, "paste.html", form={"text": "", "title": "", "published": ""}, problem=None
    )


@router.post("/paste")
async def paste(request: Request) -> Response:
    raw = (await request.body()).decode("utf-8", errors="replace")
    fields = {k: v[0] for k, v in parse_qs(raw, keep_blank_values=True).items()}
    form = {k: fields.get(k, "") for k in ("text", "title", "published")}
    obj = {k: v for k, v in form.items() if v.strip()}
    try:
        article = article_from_object(obj, "pasted")
        from starlette.concurrency import run_in_threadpool

        [d] = await run_in_threadpool(analyse, [article], None, request)
    except InputError as exc:
        return page(request, "paste.html", 400, form=form, problem=exc.problem)
    data = d.to_dict()
    return page(
        request,
        "article.html",
        title=article.title or "Pasted article",
        row=None,
        digest=data,
        corpus={},
        pieces=render.article_pieces(data, {}),
        by_id={e["id"]: e for e in data["entities"]},
        stored=False,
    )


@router.get("/docs")
def docs(request: Request) -> Response:
    spec = request.app.openapi()
    routes = []
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            params = [
                (p["name"], p["in"], p.get("required", False), p.get("description", ""))
                for p in op.get("parameters", ())
            ]
            routes.append(
                (method.upper(), path, op.get("summary", ""), op.get("description", ""), params)
            )
    return page(request, "docs.html", routes=routes, info=spec["info"])
