"""The dashboard over the bundled examples, ingested by the real pipeline: a crawl of every internal
link (each answers 200, and pages that promise events show some), every page fits a phone's width,
and the README's screenshots.

Screenshots are written to ``docs/screenshots/`` only when ``DYADS_SCREENSHOTS=1`` (so an ordinary
test run leaves the tree clean): ``DYADS_SCREENSHOTS=1 pytest tests/web/test_web_example_store.py``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import deque
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx
import pytest

from dash_support import PageVisit
from web_support import Server

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "docs" / "screenshots"
MAX_PAGES = 300  # the crawl's bound: enough for every kind of page and link on the example store
WIDTHS = (1366, 390)  # a laptop and a phone

pytestmark = [pytest.mark.browser]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    db = tmp_path_factory.mktemp("examples") / "examples.db"
    subprocess.run(
        [sys.executable, "-m", "dyads", "ingest", str(ROOT / "examples"), "--db", str(db), "-q"],
        check=True,
        capture_output=True,
        timeout=600,
    )
    running = Server(db)
    yield running
    running.stop()


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def links_of(base: str, html: str) -> list[str]:
    parser = Links()
    parser.feed(html)
    return [urljoin(base, h).split("#")[0] for h in parser.hrefs]


def shows_data(path: str, html: str) -> bool:
    """Whether a page that promises events (a dyad, a party, an event) shows some."""
    if path.startswith("/event/"):
        return re.search(r'id="event-mentions".*?<tbody>\s*<tr>', html, re.S) is not None
    return '<td class="when">' in html


def test_every_internal_link_answers_and_promised_data_is_there(server: Server) -> None:
    seen: dict[str, int] = {}
    promised: set[str] = set()
    queue = deque([server.url + "/"])
    with httpx.Client(timeout=60) as client:
        while queue and len(seen) < MAX_PAGES:
            url = queue.popleft()
            if url in seen:
                continue
            answer = client.get(url)
            seen[url] = answer.status_code
            if not answer.headers.get("content-type", "").startswith("text/html"):
                continue
            for link in links_of(url, answer.text):
                if link.startswith(server.url) and link not in seen:
                    queue.append(link)
                    path, query = urlsplit(link).path, urlsplit(link).query
                    from_overview = urlsplit(url).path == "/" and path.startswith(("/dyad/", "/actor/"))
                    if (from_overview or path.startswith("/event/")) and "format=" not in query:
                        promised.add(link)
        failed = {u: s for u, s in seen.items() if s != 200}
        assert not failed, failed
        assert len(seen) >= 100
        empty = [u for u in sorted(promised) if not shows_data(urlsplit(u).path, client.get(u).text)]
    assert not empty, empty
    assert sum("/dyad/" in u for u in promised) >= 5 and sum("/event/" in u for u in promised) >= 20


def first_event_page(server: Server) -> str:
    html = httpx.get(server.url + "/events", params={"type": "AID"}).text
    return next(link for link in links_of(server.url + "/", html) if "/event/" in link)


def first_article_page(server: Server) -> str:
    html = httpx.get(server.url + "/events", params={"party": "RUS", "type": "AID"}).text
    return next(link for link in links_of(server.url + "/", html) if "/article/" in link)


@pytest.mark.parametrize("width", WIDTHS)
def test_pages_fit_the_width_and_are_photographed(server: Server, browser: Any, width: int) -> None:
    pages = {
        "overview": server.url + "/",
        "dyad": server.url + "/dyad/RUS/MLI?by=quarter",
        "compare": server.url + "/compare?target=MLI&partners=RUS,FRA&by=year",
        "event": first_event_page(server),
        "article": first_article_page(server),
        "events": server.url + "/events",
        "actor": server.url + "/actor/MLI",
    }
    write = os.environ.get("DYADS_SCREENSHOTS") == "1"
    if width > 1000 and not write:
        pytest.skip("the wide screenshots are taken with DYADS_SCREENSHOTS=1; pages fit a wide screen anyway")
    for name, url in pages.items():
        visit = PageVisit(browser, url, width=width)
        visit.page.wait_for_timeout(200)  # the map's countries arrive after the first paint
        wide = visit.page.evaluate("() => document.documentElement.scrollWidth")
        assert wide <= width, f"{name} at {width} px is {wide} px wide"
        if write and name in ("overview", "dyad", "compare", "event", "article"):
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            visit.page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=width < 1000)
        visit.close()
