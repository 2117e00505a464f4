"""The API documentation pages, ``/docs`` (Swagger UI) and ``/redoc`` (ReDoc), served from the package.

FastAPI's own pages load their scripts from a CDN (blank offline) and start them with an inline
script (which the Content-Security-Policy of every other page forbids). These load the vendored
copies under ``/static/vendor`` (see ``web-vendor/``) and start from ``static/docs.js``, so they
work with no internet and carry the same security headers as the dashboard.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse

from dyads.web.render import templates

DOCS_PATHS = ("/docs", "/docs/oauth2-redirect", "/redoc")


def install(app: FastAPI) -> None:
    """Replace FastAPI's documentation routes on ``app`` with the vendored pages."""
    app.router.routes[:] = [r for r in app.router.routes if getattr(r, "path", None) not in DOCS_PATHS]

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def swagger_page(request: Request) -> HTMLResponse:
        return templates.TemplateResponse(
            request, "api_docs.html", {"spec": app.openapi_url, "title": app.title}
        )

    @app.get("/redoc", include_in_schema=False, response_class=HTMLResponse)
    def redoc_page(request: Request) -> HTMLResponse:
        return templates.TemplateResponse(
            request, "api_redoc.html", {"spec": app.openapi_url, "title": app.title}
        )
