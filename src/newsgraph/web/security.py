"""What every response carries and every request must fit: security headers, a body size
limit, an allowed Host, and the write token.

Pure ASGI middleware (no buffering of responses), so that it also wraps the error
pages and the static files.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import HTTPException, Request

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# No inline script or style, nothing from elsewhere: text from an article can never run.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")


class BodyTooLarge(HTTPException):
    """A request body over ``--max-bytes``: 413. An HTTPException, so that FastAPI's body
    parsing passes it on instead of turning it into a 400."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body over the limit of {limit} bytes (--max-bytes)")


class Guard:
    """Security headers on every response; 413 for bodies over ``max_bytes``; 400 for a
    Host header not in ``hosts`` (None: any), which stops DNS-rebinding pages from reading
    a server bound to 127.0.0.1."""

    def __init__(self, app: ASGIApp, max_bytes: int, hosts: tuple[str, ...] | None) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in HEADERS if k not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        headers = dict(scope.get("headers", []))
        api = scope.get("path", "").startswith("/api/")
        if self.hosts is not None and not _host_allowed(headers.get(b"host", b""), self.hosts):
            await _refuse(send_with_headers, 400, "unknown Host header", api)
            return
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await _refuse(send_with_headers, 413, BodyTooLarge(self.max_bytes).detail, api)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        await self.app(scope, counted, send_with_headers)


def _host_allowed(host: bytes, allowed: tuple[str, ...]) -> bool:
    name = host.decode("latin-1").lower()
    # "127.0.0.1:8000" -> "127.0.0.1"; "[::1]:8000" -> "[::1]"
    name = name.rsplit(":", 1)[0] if name.count(":") == 1 or "]:" in name else name
    return name in allowed


async def _refuse(send: Send, status: int, text: str, api: bool) -> None:
    """An answer before the app sees the request: JSON for the API, plain text elsewhere."""
    if api:
        body, kind = json.dumps({"detail": text}).encode(), b"application/json"
    else:
        body, kind = text.encode(), b"text/plain; charset=utf-8"
    headers = [(b"content-type", kind), (b"content-length", b"%d" % len(body))]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def check_token(request: Request, token: str | None) -> None:
    """401 unless the request carries ``Authorization: Bearer <token>``."""
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if (
        token is None
        or scheme.lower() != "bearer"
        or not hmac.compare_digest(value.strip().encode(), token.encode())
    ):
        raise HTTPException(
            401,
            "writing needs the server's token: Authorization: Bearer $NEWSGRAPH_TOKEN",
            headers={"WWW-Authenticate": "Bearer"},
        )
