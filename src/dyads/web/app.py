"""The FastAPI application: REST API, pages and vendored static files over one store.

``create_app(db)`` is what ``dyads serve`` runs with uvicorn. Every response carries a strict
Content-Security-Policy (scripts only from this server, no inline script execution), so even a
stored ``<script>`` that escaped escaping could not run.

Every error of the API, unknown routes and methods included, is ``{"error": …, "status": …}``
(pages get the error page); a value the query cannot use is a 422 with the message the command line
prints for it. HEAD is answered on every GET route; answers over 1 KB are gzipped for clients that
accept it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dyads import __version__
from dyads.query.parse import BadParameter
from dyads.web import api, docs, pages

STATIC = Path(__file__).with_name("static")
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


class SecurityHeaders(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response


class DropEmptyParams:
    """Treat ``?actor=&type=AID`` as ``?type=AID``: an empty filter field in a form means "any"."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("query_string"):
            pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
            kept = [(k, v) for k, v in pairs if v.strip()]
            if len(kept) != len(pairs):
                scope = {**scope, "query_string": urlencode(kept).encode("latin-1")}
        await self.app(scope, receive, send)


class HeadAsGet:
    """Answer HEAD on every GET route: the GET's status and headers, without its body (FastAPI's
    routes list GET only, so HEAD would be a 405)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if not message.get("more_body"):
                    await send({"type": "http.response.body", "body": b""})
                return
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _message(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(x) for x in error.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def create_app(db: str | Path) -> FastAPI:
    app = FastAPI(
        title="dyads",
        version=__version__,
        description="Political event data from news text: events, actors, quotes, places and times, "
        "each traced to its sentence. Read-only API over a dyads corpus store.",
    )
    app.state.db = Path(db)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(DropEmptyParams)
    app.add_middleware(HeadAsGet)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    docs.install(app)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response((STATIC / "favicon.svg").read_bytes(), media_type="image/svg+xml")

    def error(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
        if _wants_json(request):
            return JSONResponse({"error": message, "status": status}, status_code=status, headers=headers)
        return pages.templates.TemplateResponse(
            request, "error.html", {"status": status, "message": message}, status_code=status, headers=headers
        )

    # Starlette's HTTPException: raised by the handlers and for unknown routes (404) and methods (405).
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = exc.detail
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page: {request.url.path[:100]}"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path[:100]}"
        return error(request, exc.status_code, str(message), getattr(exc, "headers", None))

    @app.exception_handler(BadParameter)
    async def bad_parameter(request: Request, exc: BadParameter) -> Response:
        return error(request, 422, str(exc))

    @app.exception_handler(RequestValidationError)
    async def bad_params(request: Request, exc: RequestValidationError) -> Response:
        return error(request, 422, _message(exc))

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, exc: ValueError) -> Response:
        # The query layer raises ValueError for values it cannot use (no words left to search for).
        return error(request, 400, str(exc))

    return app
