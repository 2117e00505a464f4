"""What every page shares: the templates, their filters, and how a page or a download is answered.

Templates autoescape every string; chart data is embedded with ``tojson`` (which escapes ``<``, ``>``
and ``&``), so stored text can never become markup or script. Links built from stored values go
through :func:`path_segment` (an id may hold ``/`` or be ``..``) and :func:`live_url` (a stored URL
may say ``javascript:``).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from dyads.store import Row

PAGE = 50
FORMATS = ("csv", "json")
# ``?format=csv`` or ``?format=json`` on a listing or series page: the same rows as a download.
Format = Annotated[str | None, Query(pattern="^(csv|json)$")]
# Only these schemes become live links; anything else (javascript:, data:, file:) is shown as text.
LINK_SCHEMES = ("http", "https")
_PRECISION_LENGTH = {"year": 4, "month": 7, "day": 10}


def path_segment(value: object) -> str:
    """``value`` as one URL path segment: every reserved character escaped, ``/`` included, and
    the segments ``.`` and ``..`` spelled out (a browser would otherwise resolve them away)."""
    text = quote(str(value), safe="")
    if text.strip(".") == "":
        text = text.replace(".", "%2E")
    return text


def live_url(value: object) -> str | None:
    """The URL when it may be a link (http or https), else None."""
    if not isinstance(value, str):
        return None
    try:
        scheme = urlsplit(value.strip()).scheme.lower()
    except ValueError:
        return None
    return value.strip() if scheme in LINK_SCHEMES else None


def at_precision(date: str | None, precision: str | None) -> str:
    """A date as precisely as it is known: ``2012-01-01`` known to the year shows as ``2012``."""
    if not date:
        return ""
    return date[: _PRECISION_LENGTH.get(precision or "", len(date))]


def query_with(request: Request, **changes: object) -> str:
    """This page's query string with some parameters replaced (None removes one)."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in changes and v]
    params += [(k, str(v)) for k, v in changes.items() if v is not None and v != ""]
    return urlencode(params)


def pager(request: Request, path: str, offset: int, total: int) -> dict[str, str | None]:
    """The previous and next page links of a listing (None where there is none)."""
    prev_url = f"{path}?{query_with(request, offset=max(0, offset - PAGE))}" if offset else None
    next_url = f"{path}?{query_with(request, offset=offset + PAGE)}" if offset + PAGE < total else None
    return {"prev_url": prev_url, "next_url": next_url}


def download_links(request: Request) -> dict[str, str]:
    """Links to this very view as CSV and as JSON (the same parameters, every row)."""
    return {fmt: f"{request.url.path}?{query_with(request, format=fmt, offset=None)}" for fmt in FORMATS}


templates = Jinja2Templates(directory=str(Path(__file__).with_name("templates")))
templates.env.filters["segment"] = path_segment
templates.env.filters["live_url"] = live_url
templates.env.filters["at_precision"] = at_precision


def render(request: Request, name: str, **context: Any) -> HTMLResponse:
    context.setdefault("downloads", download_links(request))
    return templates.TemplateResponse(request, name, context)


def _cell(value: object) -> object:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


def tabular(
    rows: Iterable[Mapping[str, Any]], fmt: str, name: str, fields: Mapping[str, Any] | None = None
) -> Response:
    """Rows as a CSV or JSON download named ``dyads-<name>``; nested values become JSON in CSV.
    ``fields`` (a counting view's threshold: min_confidence, …) go beside the items in JSON, and
    are repeated as columns of every row in CSV."""
    items = [dict(r) for r in rows]
    if fmt == "json":
        answer = {"items": items, "total": len(items), **(fields or {})}
        body = json.dumps(answer, ensure_ascii=False, default=str)
        return Response(body, media_type="application/json")
    items = [{**item, **(fields or {})} for item in items]
    columns: list[str] = []
    for item in items:
        columns += [k for k in item if k not in columns]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for item in items:
        writer.writerow({k: _cell(v) for k, v in item.items()})
    headers = {"Content-Disposition": f'attachment; filename="dyads-{name}.csv"'}
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)


def when(row: Row) -> str:
    """An event row's date at its precision: the listing's ``when`` where given, else ``date``."""
    return str(row.get("when") or row.get("date") or "")
