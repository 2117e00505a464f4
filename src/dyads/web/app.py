"""The FastAPI application: REST API, pages and vendored static files over one store.

``create_app(db)`` is what ``dyads serve`` runs with uvicorn. Every response carries a strict
Content-Security-Policy (scripts only from this server, no inline script execution), so even a
stored ``<script>`` that escaped escaping could not run.
"""

from __future__ import annotations

import html
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.types import ASGIApp, Receive, Scope, Send

from dyads import __version__
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
    app.add_middleware(DropEmptyParams)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    docs.install(app)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response((STATIC / "favicon.svg").read_bytes(), media_type="image/svg+xml")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if _wants_json(request):
            return JSONResponse({"error": exc.detail, "status": exc.status_code}, status_code=exc.status_code)
        return pages.templates.TemplateResponse(
            request,
            "error.html",
            {"status": exc.status_code, "message": exc.detail},
            status_code=exc.status_code,
        )

    @app.exception_handler(RequestValidationError)
    async def bad_params(request: Request, exc: RequestValidationError) -> Response:
        message = _message(exc)
        if _wants_json(request):
            return JSONResponse({"error": message, "status": 422}, status_code=422)
        return pages.templates.TemplateResponse(
            request, "error.html", {"status": 422, "message": message}, status_code=422
        )

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, exc: ValueError) -> Response:
        # The query layer raises ValueError for values it cannot use (an unknown period, a bad date).
        if _wants_json(request):
            return JSONResponse({"error": str(exc), "status": 400}, status_code=400)
        return HTMLResponse(f"<h1>400</h1><p>{html.escape(str(exc))}</p>", status_code=400)

    return app
