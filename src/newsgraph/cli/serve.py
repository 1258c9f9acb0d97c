"""``newsgraph serve``: the web pages and the HTTP API over a corpus store."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from newsgraph.cli import app, handle_errors, setup_logging
from newsgraph.cli.corpus_output import DbOption


@app.command("serve")
@handle_errors
def serve_command(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on; 0.0.0.0 opens it to the network.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    allow_write: Annotated[
        bool,
        typer.Option(
            "--allow-write",
            help="Open the store writable and accept POST /api/v1/articles "
            "(with the token in NEWSGRAPH_TOKEN).",
        ),
    ] = False,
    max_bytes: Annotated[
        int | None, typer.Option(help="Refuse request bodies larger than this (default 1 MB).")
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log every request.")] = False,
) -> None:
    """Web pages (search, stories, people, articles, quotes) and the HTTP API (/api/v1/, /docs).

    Read-only and on 127.0.0.1 unless told otherwise. Pages at http://HOST:PORT/,
    the API reference at /docs, OpenAPI at /openapi.json.

    Example: newsgraph serve --db corpus.db --port 8000
    """
    from newsgraph.config import Settings, api_token
    from newsgraph.errors import ConfigError

    try:
        import uvicorn

        from newsgraph import web as web_app  # the serve extra: imported when serving
    except ImportError as exc:
        raise ConfigError(
            f"newsgraph serve needs the web extra ({exc.name} is missing): "
            "pip install 'newsgraph[serve]'"
        ) from exc

    setup_logging(verbose)
    settings = Settings.from_env(max_bytes=max_bytes)
    loopback = host in ("127.0.0.1", "localhost", "::1")
    config = web_app.ServeConfig(
        db=db,
        allow_write=allow_write,
        token=api_token() if allow_write else None,
        max_bytes=settings.max_bytes,
        # bound to loopback, only loopback names: a DNS-rebinding page cannot read it
        hosts=("127.0.0.1", "localhost", "[::1]") if loopback else None,
        settings=settings,
    )
    web = web_app.create_app(config)
    mode = "read-write" if allow_write else "read-only"
    where = f"[{host}]" if ":" in host else host
    print(f"newsgraph: serving {mode} on http://{where}:{port}/ (Ctrl-C stops)", file=sys.stderr)
    if not loopback:
        print(
            f"newsgraph: warning: listening on {host}: anyone who can reach this machine "
            "can read the corpus",
            file=sys.stderr,
        )
    uvicorn.run(
        web,
        host=host,
        port=port,
        log_level="info" if verbose else "warning",
        access_log=verbose,
        server_header=False,
    )
