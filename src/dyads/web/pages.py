"""Server-rendered pages: one router over the page modules, one job each.

- :mod:`dyads.web.pages_series` — the overview, a party, a dyad, compare, a party's timeline
- :mod:`dyads.web.pages_events` — the filtered, sortable event listing and one event
- :mod:`dyads.web.pages_articles` — articles, one article highlighted, quotes, search
- :mod:`dyads.web.pages_directory` — actors and places, searchable

What they share (templates, safe links, downloads) is :mod:`dyads.web.render`.
"""

from __future__ import annotations

from fastapi import APIRouter

from dyads.web import pages_articles, pages_directory, pages_events, pages_series
from dyads.web.render import templates

router = APIRouter(include_in_schema=False)
for module in (pages_series, pages_events, pages_articles, pages_directory):
    router.include_router(module.router)

__all__ = ["router", "templates"]
